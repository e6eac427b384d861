#pragma once

#include "common/Result.h"
#include "repositories/ReferenceRepository.h"

class QComboBox;
class ReferenceService;

/** Fills combo boxes with active reference data (id as item data) and reads the choice back. */
namespace ReferenceCombo {

/**
 * Replaces the items with the active rows of the kind, sub-categories shown under their parent ("A / B").
 * A non-empty noneText adds a first item with id 0. Keeps the current choice where it still exists.
 */
Status fill(QComboBox* combo, ReferenceService& reference, ReferenceKind kind, const QString& noneText);
/** The id of the chosen item, 0 for none. */
qint64 selectedId(const QComboBox* combo);
/** Chooses the item with the id, if present. */
void select(QComboBox* combo, qint64 id);

} // namespace ReferenceCombo
