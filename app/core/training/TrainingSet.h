#pragma once

#include "common/Result.h"
#include "training/Training.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>

/**
 * The training-set file (issue 15, helper "train15"): training cases shared between halls, JSON in UTF-8:
 * {"format": "qingting-training-set", "version": 1, "exported_at": ISO time, "hall": label, "cases": [...]}. It
 * carries no ids, no link to a live case and no login (docs/ARCHITECTURE.md, "Training cases"). read() validates the
 * whole file before anything is used; the anonymizer check is TrainingService's.
 */
namespace TrainingSet {
inline constexpr const char* kFormat = "qingting-training-set";
inline constexpr int kVersion = 1;

QByteArray write(const QList<TrainingCase>& cases, const QDateTime& exportedAt, const QString& hall = {});

/**
 * The cases of a file (ids 0, createdAt/updatedAt as written in the file), or Invalid with the reason (which case,
 * which field). A file of a newer version, of another format, or not JSON is refused.
 */
Result<QList<TrainingCase>> read(const QByteArray& bytes);

/** The texts of a case with a translated name of each field, for the checks that run over every text. */
struct Field
{
    QString name;
    QString text;
};
QList<Field> texts(const TrainingCase& c);
} // namespace TrainingSet

/** The translated messages of TrainingSet (a class for tr()). */
class TrainingSetText
{
    Q_DECLARE_TR_FUNCTIONS(TrainingSet)
};
