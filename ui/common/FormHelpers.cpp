#include "common/FormHelpers.h"

#include "users/PasswordHasher.h"

#include <QCoreApplication>
#include <QLabel>

namespace FormHelpers {

void showError(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void clearError(QLabel* label)
{
    showError(label, QString());
}

std::optional<QString> passwordPairProblem(const QString& password, const QString& repeated)
{
    if (password != repeated) {
        return QCoreApplication::translate("FormHelpers", "The two passwords differ. Type the same password twice.");
    }
    if (password.size() < PasswordHasher::kMinimumLength) {
        return QCoreApplication::translate("FormHelpers", "The password needs at least %1 characters.")
            .arg(PasswordHasher::kMinimumLength);
    }
    return std::nullopt;
}

QString dateTime(const QDateTime& value)
{
    return value.isValid() ? value.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : dash();
}

QString refName(const Ref& ref)
{
    if (!ref.isSet()) {
        return dash();
    }
    return ref.name.isEmpty() ? QCoreApplication::translate("FormHelpers", "#%1").arg(ref.id) : ref.name;
}

QString dash()
{
    return QString(QChar(0x2014));
}

} // namespace FormHelpers
