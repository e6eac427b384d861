#include "CitizenValidator.h"

#include <QRegularExpression>

bool CitizenValidator::isPlausiblePhone(const QString& phone)
{
    static const QRegularExpression mobile(QStringLiteral("^(\\+?86[- ]?)?1[3-9]\\d{9}$"));
    static const QRegularExpression landline(QStringLiteral("^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$"));
    static const QRegularExpression shortLocal(QStringLiteral("^\\d{7,8}$"));
    const QString p = phone.trimmed();
    return mobile.match(p).hasMatch() || landline.match(p).hasMatch() || shortLocal.match(p).hasMatch();
}

bool CitizenValidator::isValidResidentId(const QString& id)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{17}[\\dXx]$"));
    const QString s = id.trimmed();
    if (!shape.match(s).hasMatch()) {
        return false;
    }
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char checks[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        sum += (s.at(i).unicode() - '0') * weights[i];
    }
    return s.at(17).toUpper() == QLatin1Char(checks[sum % 11]);
}

QString CitizenValidator::normalizedPhone(const QString& phone)
{
    QString key = phone;
    for (const QChar c : {QLatin1Char(' '), QLatin1Char('-'), QLatin1Char('('), QLatin1Char(')'), QLatin1Char('+')}) {
        key.remove(c);
    }
    if (key.size() == 13 && key.startsWith(QLatin1String("861"))) {
        key.remove(0, 2);
    }
    return key;
}

QString CitizenValidator::normalizedIdNumber(const QString& id)
{
    return id.trimmed().toUpper();
}

QStringList CitizenValidator::problems(const Citizen& citizen)
{
    QStringList result;
    if (!citizen.phone.trimmed().isEmpty() && !isPlausiblePhone(citizen.phone)) {
        result << tr("\"%1\" is not a phone number (mobile: 11 digits; landline: area code and number).")
                      .arg(citizen.phone.trimmed());
    }
    if (!citizen.idNumber.trimmed().isEmpty() && !isValidResidentId(citizen.idNumber)) {
        result << tr("The ID number is not a valid 18-digit resident ID (check the digits and the last character).");
    }
    if (citizen.name.size() > 100) {
        result << tr("The name is longer than 100 characters.");
    }
    if (citizen.address.size() > 300) {
        result << tr("The address is longer than 300 characters.");
    }
    return result;
}
