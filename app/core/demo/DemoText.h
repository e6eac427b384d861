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

// The closed loop (issue 12): reasons and notes of transfers, pauses, extensions, follow-up attempts,
// rectifications, appeals and reminders, each from two or three parts.
/** Why a case goes to another department: the matter, then what the receiving department is asked to do. */
QString transferDetail(DemoRandom& rng);
/** The receiving department's words on signing for a transfer (often none). */
QString signNote(DemoRandom& rng);
/** Why a department returns a transfer (退回). */
QString returnReason(DemoRandom& rng);
/** Why the clocks stop: what the citizen must supply (补正材料) or what a third party must answer. */
QString pauseReason(DemoRandom& rng, bool thirdParty);
QString resumeNote(DemoRandom& rng, bool thirdParty);
QString extensionReason(DemoRandom& rng);
QString extensionRefusal(DemoRandom& rng);
QString extensionApproval(DemoRandom& rng);
QString attemptNote(DemoRandom& rng, FollowUpMethod method);
/** The words of a rectification stage: 0 核实, 1 整改, 2 反馈. */
QString rectificationNote(DemoRandom& rng, int stage);
QString appealReason(DemoRandom& rng, bool malicious);
QString appealDecision(DemoRandom& rng, bool approved);
QString reminderNote(DemoRandom& rng, int level);

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
