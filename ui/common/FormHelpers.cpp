#include "common/FormHelpers.h"

#include "users/PasswordHasher.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>

namespace {
std::optional<QString> passwordPairProblem(const QString& password, const QString& repeated)
{
    if (password != repeated) {
        return QCoreApplication::translate("FormHelpers", "The two passwords differ. Type the same password twice.");
    }
    return PasswordHasher::weakness(password);
}
} // namespace

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

bool checkPasswordPair(QLineEdit* password, QLineEdit* repeated, QLabel* errorLabel)
{
    const auto problem = passwordPairProblem(password->text(), repeated->text());
    showError(errorLabel, problem.value_or(QString()));
    if (!problem) {
        return true;
    }
    repeated->clear();
    password->setFocus();
    password->selectAll();
    return false;
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
