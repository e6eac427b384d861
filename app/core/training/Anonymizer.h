#pragma once

#include "cases/Citizen.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

/** The kinds of personal data the anonymizer masks (issue 15). */
enum class PersonalItemKind
{
    CitizenName, ///< a citizen's name: 市民甲, 市民乙, …
    StaffName,   ///< a staff member's name: 工作人员甲, …
    Mobile,
    Landline,
    IdNumber, ///< 18- or 15-digit 居民身份证号
    BankCard,
    Email,
    WeChat,
    Plate, ///< 车牌, new-energy plates included
    Address,
    QQ, ///< a QQ number after "QQ" (added by issue 15's second pass; new kinds go last)
};

/** A person whose data the case knows: its citizen, or a staff member from the user records. */
struct KnownPerson
{
    enum class Kind
    {
        Citizen,
        Staff,
    };
    Kind kind = Kind::Citizen;
    QString name;
    QStringList identifiers; ///< phone numbers, ID numbers, e-mail addresses, as stored (any formatting)

    /** A case's citizen: their name, and their phone and ID number where stored. */
    static KnownPerson ofCitizen(const Citizen& citizen);
};

/** One item the anonymizer masked, where it was in the text it was given. */
struct PersonalItem
{
    PersonalItemKind kind = PersonalItemKind::CitizenName;
    int start = 0;
    int length = 0;
    QString mask; ///< what replaced it
};

/**
 * Finds and masks personal data in Chinese free text (PRODUCT.md "Drills for trainers", "Data and privacy").
 * One Anonymizer is one case's context: the same person always gets the same label (市民甲, 工作人员乙) across every
 * text given to it, so the case stays readable. It keeps what a drill needs: dates, times, amounts, case numbers,
 * service items, window numbers, department names and the hall's place names. Rules and word lists are data
 * (resources), not code. Not thread-safe; cheap to make one per case.
 */
class Anonymizer
{
    Q_DECLARE_TR_FUNCTIONS(Anonymizer)

public:
    Anonymizer();
    ~Anonymizer();
    Anonymizer(const Anonymizer&) = delete;
    Anonymizer& operator=(const Anonymizer&) = delete;

    /** A person the case knows: their name always gets their label, their identifiers are always masked. */
    void addKnownPerson(const KnownPerson& person);

    /**
     * Words that always survive, even where they contain a surname character: the hall's windows, departments,
     * service items and places (王府井分中心, 高新区窗口). Adds to the built-in list (:/anonymize/keepwords.txt).
     */
    void addKeepWords(const QStringList& words);

    /** The text with every personal item masked; `items` (optional) gets what was masked, in text order. */
    QString anonymize(const QString& text, QList<PersonalItem>* items = nullptr);

    /**
     * The known names and identifiers that still occur in `text` (digits compared without spaces, dashes, "+86" and
     * full-width forms): empty when the text is safe to store. TrainingService refuses to save a text with leaks.
     */
    static QStringList leaks(const QString& text, const QList<KnownPerson>& people);

    /** The mask of a kind (Chinese, stored with the text: 〔手机号〕); names get 市民/工作人员 plus 甲, 乙, …. */
    static QString label(PersonalItemKind kind);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
