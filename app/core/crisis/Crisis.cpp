#include "crisis/Crisis.h"

#include <QCoreApplication>

namespace {
struct StepText
{
    CrisisStep step;
    const char* code;
    const char* label;
    const char* stored;
};

const StepText kSteps[] = {
    {CrisisStep::AssessImpact, "assess_impact", QT_TRANSLATE_NOOP("CrisisStep", "Assess the impact"), "评估影响"},
    {CrisisStep::NameSpokesperson, "name_spokesperson", QT_TRANSLATE_NOOP("CrisisStep", "Name the spokesperson"),
     "确定发言人"},
    {CrisisStep::AgreeStatement, "agree_statement", QT_TRANSLATE_NOOP("CrisisStep", "Agree one statement"), "统一口径"},
    {CrisisStep::InvolveLegal, "involve_legal", QT_TRANSLATE_NOOP("CrisisStep", "Involve legal and compliance"),
     "法务合规介入"},
    {CrisisStep::InformLeadership, "inform_leadership", QT_TRANSLATE_NOOP("CrisisStep", "Inform the leadership"),
     "报告领导"},
};

struct KindText
{
    StatementKind kind;
    const char* code;
    const char* label;
    const char* stored;
};

const KindText kKinds[] = {
    {StatementKind::Holding, "holding", QT_TRANSLATE_NOOP("StatementKind", "Holding statement"), "情况通报"},
    {StatementKind::PublicReply, "public_reply", QT_TRANSLATE_NOOP("StatementKind", "Public reply"), "公开回应"},
};

template <typename Table, typename Key> const auto* findEntry(const Table& table, Key key)
{
    for (const auto& e : table) {
        if constexpr (std::is_same_v<Key, CrisisStep>) {
            if (e.step == key) {
                return &e;
            }
        } else {
            if (e.kind == key) {
                return &e;
            }
        }
    }
    return static_cast<decltype(&table[0])>(nullptr);
}
} // namespace

namespace CrisisSteps {
QList<CrisisStep> all()
{
    QList<CrisisStep> steps;
    for (const auto& s : kSteps) {
        steps << s.step;
    }
    return steps;
}

QString code(CrisisStep step)
{
    return QString::fromLatin1(findEntry(kSteps, step)->code);
}

std::optional<CrisisStep> fromCode(const QString& code)
{
    for (const auto& s : kSteps) {
        if (code == QLatin1String(s.code)) {
            return s.step;
        }
    }
    return std::nullopt;
}

QString label(CrisisStep step)
{
    return QCoreApplication::translate("CrisisStep", findEntry(kSteps, step)->label);
}

QString storedName(CrisisStep step)
{
    return QString::fromUtf8(findEntry(kSteps, step)->stored);
}
} // namespace CrisisSteps

namespace StatementKinds {
QList<StatementKind> all()
{
    return {StatementKind::Holding, StatementKind::PublicReply};
}

QString code(StatementKind kind)
{
    return QString::fromLatin1(findEntry(kKinds, kind)->code);
}

std::optional<StatementKind> fromCode(const QString& code)
{
    for (const auto& k : kKinds) {
        if (code == QLatin1String(k.code)) {
            return k.kind;
        }
    }
    return std::nullopt;
}

QString label(StatementKind kind)
{
    return QCoreApplication::translate("StatementKind", findEntry(kKinds, kind)->label);
}

QString storedName(StatementKind kind)
{
    return QString::fromUtf8(findEntry(kKinds, kind)->stored);
}
} // namespace StatementKinds

qint64 GoldenClock::remainingSeconds(const QDateTime& now) const
{
    const QDateTime at = isStopped() ? stoppedAt : now;
    return at.secsTo(deadline());
}

bool GoldenClock::isUrgent(const QDateTime& now) const
{
    const qint64 left = remainingSeconds(now);
    return left < 0 || (!isStopped() && left < 3600);
}

QString GoldenClock::format(qint64 seconds)
{
    const qint64 a = seconds < 0 ? -seconds : seconds;
    const QString text = QStringLiteral("%1:%2:%3")
                             .arg(a / 3600)
                             .arg((a / 60) % 60, 2, 10, QLatin1Char('0'))
                             .arg(a % 60, 2, 10, QLatin1Char('0'));
    return seconds < 0 ? QStringLiteral("\u2212") + text : text;
}

const CrisisStepRecord* CrisisDetail::step(CrisisStep s) const
{
    for (const auto& r : steps) {
        if (r.step == s) {
            return &r;
        }
    }
    return nullptr;
}

namespace Crises {
QString defaultTitle(const QStringList& caseNos)
{
    if (caseNos.isEmpty()) {
        return QStringLiteral("舆情处置");
    }
    if (caseNos.size() == 1) {
        return QStringLiteral("舆情处置 %1").arg(caseNos.first());
    }
    return QStringLiteral("舆情处置 %1 等%2件").arg(caseNos.first()).arg(caseNos.size());
}
} // namespace Crises
