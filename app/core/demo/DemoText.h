#pragma once

#include "cases/CaseStatus.h"
#include "cases/Intake.h"
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
    /** The hall found the citizen had misunderstood the rules: facts and steps say so (intake cases only). */
    bool misunderstood = false;
};

/** What a complaint was built from, for the guided intake's fields that must agree with it. */
struct ComplaintParts
{
    QString problem;  ///< the problem in the citizen's words
    QString demand;   ///< the first demand
    QStringView when; ///< the citizen's time words ("昨天下午"); empty if none
    int who = -1;     ///< who came (index of the complainant parts); -1 if the text names nobody
    int feeling = -1; ///< the feeling words used; -1 if none
    bool exclaimed = false;
    bool threat = false; ///< "如果还解决不了，我就打12345。" and the like
    /** How heated the text sounds: 0 matter-of-fact, 1 dissatisfied, 2 agitated, 3 and more angry. */
    int heat() const;
    /** Several people came together about it (the group complaints). */
    bool group() const;
};

QString complaint(DemoRandom& rng, const Context& context, ComplaintParts* parts = nullptr);
/** `verdict`: 0 属实, 1 基本属实, 2 部分属实, 3 问题存在, 4 a misunderstanding (context.misunderstood). */
QString facts(DemoRandom& rng, const Context& context, int* verdict = nullptr);
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

// The guided intake (issue 11): what a clerk records beside the citizen's words.
/** Where it happened, as the clerk noted it. */
QString intakeWhere(DemoRandom& rng, const Context& context);
/** Who was involved: a member of staff (attitude) or the window's staff; often empty for other topics. */
QString intakeInvolved(DemoRandom& rng, const Context& context);
/** Who is affected, from who came (ComplaintParts::who) and the scope. */
QString affected(DemoRandom& rng, int who, ImpactScope scope);
/** The details of a remedy (减免 amount, what the other remedy was, the help given on the spot). */
QString remedyNote(DemoRandom& rng, Remedy remedy);
/** Why the promised time is later than the hall's 48 hours. */
QString promiseReason(DemoRandom& rng);
/** What was done for the citizen on the spot (当场办结), the case's steps. */
QString onSpotResolution(DemoRandom& rng, const Context& context);

/** What the intake reply says beyond the emotion: the restated problem, the next step and when. */
struct ReplyFacts
{
    EmotionLevel emotion = EmotionLevel::Calm;
    QString what;           ///< the problem as the citizen said it
    QString when;           ///< the citizen's time words
    QDate promisedDay;      ///< invalid when resolved on the spot
    int promisedMinute = 0; ///< minutes after midnight
    bool onSpot = false;
    bool misunderstood = false;
    bool transfer = false; ///< another department will have to answer
    bool weak = false;     ///< a defensive reply, as real halls have (the reply checker flags it)
};
/** The clerk's reply at intake: acknowledge, restate, steps, time; or, when `weak`, a defensive one. */
QString intakeReply(DemoRandom& rng, const Context& context, const ReplyFacts& facts);

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
