#pragma once

#include <QString>

/** A link to a row of reference data (window, department, user, ...): its id and display name. */
struct Ref
{
    qint64 id = 0; ///< 0 = none
    QString name;

    bool isSet() const { return id != 0; }
    friend bool operator==(const Ref& a, const Ref& b) { return a.id == b.id; }
};
