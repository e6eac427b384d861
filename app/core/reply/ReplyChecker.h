#pragma once

#include <QList>
#include <QString>

/** The kinds of finding of CLI.md's lint-reply, with their stable codes. */
enum class ReplyFindingKind
{
    Defensive,      ///< "defensive": buck-passing, blaming the citizen, hiding behind rules
    OverPromise,    ///< "over_promise"
    MissingEmpathy, ///< "missing_empathy": no thanks or acknowledgement
    MissingSteps,   ///< "missing_steps"
    MissingTime,    ///< "missing_time"
};

/** One finding: what kind, the words found (empty for something missing), advice in Chinese. */
struct ReplyFinding
{
    ReplyFindingKind kind = ReplyFindingKind::Defensive;
    QString text;
    QString advice;
    int start = -1; ///< where `text` starts in the reply (-1 for something missing), for highlighting
    int length = 0;
};

/** One rule of the checker: data, seeded and editable by admins (never code). */
struct ReplyRule
{
    qint64 id = 0;
    ReplyFindingKind kind = ReplyFindingKind::Defensive;
    QString pattern; ///< a phrase, or a regular expression when isRegex
    bool isRegex = false;
    QString advice; ///< shown with the finding, Chinese
    bool active = true;
};

namespace ReplyFindingKinds {
QString code(ReplyFindingKind kind);
QString label(ReplyFindingKind kind);
} // namespace ReplyFindingKinds

/** Checks a draft reply against rules; pure and fast enough to run on every keystroke. */
class ReplyChecker
{
public:
    explicit ReplyChecker(QList<ReplyRule> rules);
    /** The rules shipped with Qingting (the seed of the rule table). */
    static QList<ReplyRule> defaultRules();

    QList<ReplyFinding> check(const QString& reply) const;

private:
    QList<ReplyRule> m_rules;
};
