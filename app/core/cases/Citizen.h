#pragma once

#include <QString>

/** A complainant's personal data, stored apart from the case text and shown only to roles that may see it. */
struct Citizen
{
    qint64 id = 0;
    QString name;
    QString phone;
    QString idNumber; ///< 18-digit resident ID, as given
    QString address;

    bool isEmpty() const { return name.isEmpty() && phone.isEmpty() && idNumber.isEmpty() && address.isEmpty(); }
};
