#pragma once

#include "common/Ref.h"

#include <QDateTime>
#include <QString>

#include <optional>

class QLabel;
class QLineEdit;

/** Small shared helpers for forms: inline error labels, password pairs and the display of dates and references. */
namespace FormHelpers {

/** Shows a message in an inline error label (and makes it visible); an empty message hides the label. */
void showError(QLabel* label, const QString& message);
/** Hides an inline error label. */
void clearError(QLabel* label);

/**
 * Checks a new password typed twice (the same both times, and no PasswordHasher::weakness) and returns whether it
 * can be used. When not, says why in the error label, clears the repetition and selects the password for typing
 * again; when it can, hides the label.
 */
bool checkPasswordPair(QLineEdit* password, QLineEdit* repeated, QLabel* errorLabel);

/** `yyyy-MM-dd HH:mm`, or a dash for an unset time. */
QString dateTime(const QDateTime& value);
/** The reference's name, a dash when unset. */
QString refName(const Ref& ref);
/** The placeholder shown for an empty value. */
QString dash();

} // namespace FormHelpers
