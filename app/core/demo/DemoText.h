#pragma once

#include "cases/CaseStatus.h"
#include "demo/DemoData.h"

#include <QDate>
#include <QString>

class DemoRandom;

/**
 * Realistic Chinese complaint texts and personal data for demo cases, built from parts per category and service
 * item (who, when, where, what went wrong, how the citizen feels, what they ask for), so that search and the
 * anonymizer meet real variety. Stored texts are Chinese whatever the UI language, as real complaints are.
 */
namespace DemoText {

/** The seeded categories (migration 0001); a category an admin added maps to Other. */
enum class Topic
{
    Attitude,
    Efficiency,
    Process,
    Policy,
    System,
    Facilities,
    Fees,
    Other,
};
/** The seeded service items; anything else maps to OtherItem. */
enum class Item
{
    Business,
    SocialSecurity,
    Medical,
    RealEstate,
    HousingFund,
    Household,
    ExitEntry,
    Tax,
    OtherItem,
};

Topic topicOf(const QString& categoryName);
Item itemOf(const QString& serviceItemName);

struct Context
{
    Topic topic = Topic::Other;
    Item item = Item::OtherItem;
    Channel channel = Channel::Window;
    QString windowName; ///< where it happened (a hall window), may be empty
    QDate day;
    int hour = 9;
    int waitedMinutes = -1;
    const Demo::Citizen* citizen = nullptr; ///< the complainant, or nullptr when anonymous
};

QString complaint(DemoRandom& rng, const Context& context);
QString facts(DemoRandom& rng, const Context& context);
QString impact(DemoRandom& rng, const Context& context);
QString steps(DemoRandom& rng, const Context& context);

QString transferReason(DemoRandom& rng);
QString escalationNote(DemoRandom& rng);
QString reassignNote(DemoRandom& rng);
QString followUpNote(DemoRandom& rng, int rating);
QString closeNote(DemoRandom& rng);

Demo::Citizen citizen(DemoRandom& rng, qint64 createdAt);
QString personName(DemoRandom& rng);
QString mobile(DemoRandom& rng);
/** An 18-digit resident ID number with a valid GB 11643 check digit. */
QString idNumber(DemoRandom& rng);
QString address(DemoRandom& rng);
QString licencePlate(DemoRandom& rng);
/** The GB 11643 (ISO 7064 MOD 11-2) check character for the first 17 digits. */
QChar idCheckCharacter(QStringView first17);

} // namespace DemoText
