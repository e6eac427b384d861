#pragma once

#include "cases/Citizen.h"

#include <QCoreApplication>
#include <QStringList>

/** Checks a citizen's contact data before it is stored: phone numbers and the 18-digit resident ID (GB 11643). */
class CitizenValidator
{
    Q_DECLARE_TR_FUNCTIONS(CitizenValidator)

public:
    /** Every problem, translated; empty when the data can be stored. Empty fields are fine. */
    static QStringList problems(const Citizen& citizen);
    /** Mainland mobile (11 digits from 1) or landline (area code, optional hyphen, 7-8 digits, optional extension). */
    static bool isPlausiblePhone(const QString& phone);
    /** 17 digits and a check character that matches the ISO 7064 MOD 11-2 checksum. */
    static bool isValidResidentId(const QString& id);

    /**
     * The phone number as it is looked up (citizens.phone_key): without spaces, hyphens, brackets and '+', and
     * without the country code 86 before an 11-digit mobile number. Migration 0011 (intake) applies the same rule in
     * SQL to the rows stored before it: change both together.
     */
    static QString normalizedPhone(const QString& phone);
    /** The ID number as stored and looked up: trimmed, the check character 'x' in upper case. */
    static QString normalizedIdNumber(const QString& id);
};
