#pragma once

#include "common/Ref.h"

#include <QDateTime>
#include <QString>

#include <optional>

class QLabel;

/** Small shared helpers for forms: inline error labels, password pairs and the display of dates and references. */
namespace FormHelpers {

/** Shows a message in an inline error label (and makes it visible); an empty message hides the label. */
void showError(QLabel* label, const QString& message);
/** Hides an inline error label. */
void clearError(QLabel* label);

/** Why a new password and its repetition cannot be used, or nullopt; checks match and minimum length. */
std::optional<QString> passwordPairProblem(const QString& password, const QString& repeated);

/** `yyyy-MM-dd HH:mm`, or a dash for an unset time. */
QString dateTime(const QDateTime& value);
/** The reference's name, a dash when unset. */
QString refName(const Ref& ref);
/** The placeholder shown for an empty value. */
QString dash();

} // namespace FormHelpers
