#pragma once

#include "repositories/ReferenceRepository.h"

#include <QStringList>

/**
 * The names of the hall's windows, departments, service items and categories: words the anonymizer keeps even
 * where they contain a surname character (王府井分中心). TrainingService and RetentionService give them to it.
 */
inline QStringList hallWords(ReferenceRepository& reference)
{
    QStringList words;
    for (ReferenceKind kind :
         {ReferenceKind::Window, ReferenceKind::Department, ReferenceKind::ServiceItem, ReferenceKind::Category}) {
        if (const auto items = reference.list(kind)) {
            for (const ReferenceItem& item : *items) {
                words.append(item.name);
            }
        }
    }
    return words;
}
