#include "risk/RiskText.h"

QString RiskText::level(RiskLevel level)
{
    // The shape says the level without colour: a triangle for high, a diamond for medium, a circle for low.
    const QString icon = level == RiskLevel::High     ? QStringLiteral("\u25b2")
                         : level == RiskLevel::Medium ? QStringLiteral("\u25c6")
                                                      : QStringLiteral("\u25cb");
    return icon + QLatin1Char(' ') + RiskLevels::label(level);
}

QString RiskText::levelAndScore(RiskLevel level, int score)
{
    return tr("%1 · score %2").arg(RiskText::level(level)).arg(score);
}

QString RiskText::levelStyle(RiskLevel level)
{
    switch (level) {
    case RiskLevel::High:
        return QStringLiteral("color: #a00000;");
    case RiskLevel::Medium:
        return QStringLiteral("color: #7a4a00;");
    case RiskLevel::Low:
        break;
    }
    return QString();
}

QString RiskText::signalsWithWords(const RiskResult& result)
{
    QStringList parts;
    for (const RiskSignal& signal : result.fired) {
        QStringList words;
        for (const RiskEvidence& e : signal.evidence) {
            if (e.source == RiskEvidence::Source::Text && !words.contains(e.words)) {
                words << e.words;
            } else if (e.source == RiskEvidence::Source::Channel) {
                words << tr("channel");
            } else if (e.source == RiskEvidence::Source::CaseHistory) {
                words << tr("%n earlier case(s)", nullptr, e.count);
            }
        }
        parts << (words.isEmpty()
                      ? RiskSignalKinds::label(signal.kind)
                      : tr("%1 (%2)").arg(RiskSignalKinds::label(signal.kind), words.join(tr(", ", "list separator"))));
    }
    return parts.join(tr(", ", "list separator"));
}

QString RiskText::signalLabels(const QStringList& codes)
{
    QStringList labels;
    for (const QString& code : codes) {
        const auto kind = RiskSignalKinds::fromCode(code);
        labels << (kind ? RiskSignalKinds::label(*kind) : code);
    }
    return labels.join(tr(", ", "list separator"));
}

QString RiskText::reason(RiskIgnored::Reason reason)
{
    switch (reason) {
    case RiskIgnored::Reason::Innocent:
        return tr("innocent sense");
    case RiskIgnored::Reason::Negated:
        return tr("negated");
    case RiskIgnored::Reason::Hypothetical:
        return tr("hypothetical");
    case RiskIgnored::Reason::ReportedSpeech:
        return tr("someone else's words");
    }
    return QString();
}
