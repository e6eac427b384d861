#pragma once

#include <QDateTime>
#include <QList>
#include <QRegularExpression>
#include <QString>

#include <optional>

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
    /** defensive only: the match is no finding when the reply also offers a concrete step and a time
        ("按规定不能受理" followed by what we do and when is constructive, alone it is hiding behind the rule). */
    bool unlessConstructive = false;
    int version = 0;     ///< the stored row's version (optimistic locking); 0 for a rule not stored yet
    QDateTime updatedAt; ///< stored rules: the last change and who made it (login, "cli" or "seed")
    QString updatedBy;
};

namespace ReplyFindingKinds {
QString code(ReplyFindingKind kind);
QString label(ReplyFindingKind kind);
QList<ReplyFindingKind> all();
std::optional<ReplyFindingKind> fromCode(const QString& code);
/** missing_*: the kind's rules are cues of something present, and the finding is their absence. */
bool isMissing(ReplyFindingKind kind);
} // namespace ReplyFindingKinds

/**
 * Checks a draft reply against rules; pure and fast enough to run on every keystroke.
 *
 * - defensive / over_promise: every match of an active rule is a finding with the words matched. Matches inside
 *   quotation marks (“…”, 「…」, "…") are quotes, not the clerk's words, and are ignored; overlapping matches of one
 *   kind make one finding over their words (with the advice of the earliest); unlessConstructive rules are dropped when
 * the reply has a step and a time.
 * - missing_empathy / missing_steps / missing_time: the rules are cues of what should be there; when none of a
 *   kind's active rules matches, one finding of that kind, with the advice of its first rule. A kind without active
 *   rules is not checked.
 * Order: the findings with words by position (then kind, then longer first), then the missing ones in kind order.
 * Negation ("不会推诿") is in the rules' own patterns (look-behinds), not in code.
 */
class ReplyChecker
{
public:
    explicit ReplyChecker(QList<ReplyRule> rules);
    /** The rules shipped with Qingting (the seed of the rule table): the resource :/reply/reply_rules.json. */
    static QList<ReplyRule> defaultRules();
    /** Parses the rule file format of reply_rules.json; an empty list and `error` set if it is not valid. */
    static QList<ReplyRule> rulesFromJson(const QByteArray& json, QString* error = nullptr);
    /** Why `pattern` cannot be used (the regular expression's error, untranslated), or an empty string. */
    static QString patternError(const QString& pattern, bool isRegex);

    QList<ReplyFinding> check(const QString& reply) const;
    const QList<ReplyRule>& rules() const { return m_rules; }

private:
    QList<ReplyRule> m_rules;                ///< the active, usable rules, in the order given
    QList<QRegularExpression> m_expressions; ///< one per rule (a phrase is escaped)
};
