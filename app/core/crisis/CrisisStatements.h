#pragma once

#include "cases/Citizen.h"
#include "crisis/Crisis.h"
#include "reply/ReplyChecker.h"
#include "training/Anonymizer.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

/** A statement template of crisis mode: data (:/crisis/crisis_templates.json), Chinese, with {placeholders}. */
struct CrisisTemplate
{
    QString code;
    StatementKind kind = StatementKind::Holding;
    QString title;
    QString body;
};

namespace CrisisTemplates {
/** The shipped templates; empty (and a warning) if the resource is broken, which tst_crisis_core rules out. */
QList<CrisisTemplate> builtIn();
/** Parses the template file format; an empty list and `error` set when it is not valid. */
QList<CrisisTemplate> fromJson(const QByteArray& json, QString* error = nullptr);
/**
 * The values of the placeholders a crisis knows: 案件编号 (its case numbers, 、-separated), 事项 (the distinct service
 * items; 相关业务 when none), 大厅 (the hall's name as given, 政务服务大厅 when none is set). Never the citizen's name
 * (称呼 stays unfilled on purpose).
 */
QHash<QString, QString> values(const CrisisDetail& detail, const QString& hallName);
/** ScriptPlaceholders::fill: an unfilled placeholder stays visible as 【{name}】. */
QString fill(const QString& body, const QHash<QString, QString>& values);
} // namespace CrisisTemplates

/** One piece of personal data found in a statement. */
struct StatementPersonalData
{
    QString text; ///< as written in the statement
    QString kind; ///< the anonymizer's mask for it (〔手机号〕, 市民甲 …) or 〔地址〕 for a citizen's stored address
    int start = -1;
    int length = 0;
};

/** What the check of a statement found; `refusal()` is empty when it may be published. */
struct StatementCheck
{
    QList<ReplyFinding> findings;          ///< the reply checker's, all of them (missing_* are hints only)
    QList<StatementPersonalData> personal; ///< any of it refuses the publication
    QStringList unfilled;                  ///< placeholders left as 【{name}】
    bool empty = false;

    /** Whether a finding refuses the publication: defensive and over-promising words. */
    static bool refuses(const ReplyFinding& finding);
    /** A translated reason for refusing, or an empty string. */
    QString refusal() const;
    bool publishable() const { return refusal().isEmpty(); }
};

/**
 * Checks a crisis statement before it is published (issue 16): the reply checker's rules, and the anonymizer for
 * personal data — the citizens of the crisis's cases (names, phones, ID numbers, addresses) and anything else it
 * recognises as personal (a phone, an ID number, a name with a cue or title …). Pure; cheap enough for live hints.
 */
class StatementChecker
{
    Q_DECLARE_TR_FUNCTIONS(StatementChecker)

public:
    StatementChecker(QList<ReplyRule> rules, const QList<Citizen>& citizens, QStringList keepWords = {});
    StatementCheck check(const QString& text) const;

private:
    ReplyChecker m_reply;
    QList<KnownPerson> m_citizens;
    QStringList m_addresses;
    QStringList m_keepWords;
};
