#include "risk/RiskExplanationDialog.h"

#include "risk/RiskJobs.h"
#include "risk/RiskText.h"
#include "workers/DatabaseWorker.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
/** The text as HTML with the counted words marked and the words set aside struck through. */
QString markedText(const QString& text, const RiskResult& result)
{
    // Per UTF-16 position: 2 = counted evidence, 1 = set aside, 0 = plain. Counted wins where both overlap.
    QList<int> marks(text.size(), 0);
    for (const RiskSignal& signal : result.fired) {
        for (const RiskEvidence& e : signal.evidence) {
            if (e.source == RiskEvidence::Source::Text) {
                for (int i = qMax(0, e.start); i < qMin(int(text.size()), e.start + e.length); ++i) {
                    marks[i] = 2;
                }
            }
        }
    }
    for (const RiskIgnored& ig : result.ignored) {
        for (int i = qMax(0, ig.start); i < qMin(int(text.size()), ig.start + ig.length); ++i) {
            marks[i] = qMax(marks[i], 1);
        }
    }
    QString html;
    int i = 0;
    while (i < text.size()) {
        int j = i;
        while (j < text.size() && marks[j] == marks[i]) {
            ++j;
        }
        const QString piece = text.mid(i, j - i).toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"));
        if (marks[i] == 2) {
            html += QStringLiteral("<b style=\"background-color:#ffd966;color:#000000\">%1</b>").arg(piece);
        } else if (marks[i] == 1) {
            html += QStringLiteral("<s style=\"color:#555555\">%1</s>").arg(piece);
        } else {
            html += piece;
        }
        i = j;
    }
    return html;
}
} // namespace

RiskExplanationDialog::RiskExplanationDialog(const Session& session, DatabaseWorker& worker, qint64 caseId,
                                             QWidget* parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_text(new QTextBrowser(this))
    , m_signals(new QTreeWidget(this))
    , m_ignored(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("riskExplanationDialog"));
    setWindowTitle(tr("Why this risk score"));
    m_summary->setObjectName(QStringLiteral("riskSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Scoring the case…"));
    m_text->setObjectName(QStringLiteral("riskTextBrowser"));
    m_signals->setObjectName(QStringLiteral("riskSignalsTreeWidget"));
    m_ignored->setObjectName(QStringLiteral("riskIgnoredTreeWidget"));
    m_signals->setHeaderLabels({tr("Signal and evidence"), tr("Weight"), tr("Rule")});
    m_ignored->setHeaderLabels({tr("Words"), tr("Signal"), tr("Set aside because"), tr("Cue")});
    m_ignored->setRootIsDecorated(false);
    for (QTreeWidget* tree : {m_signals, m_ignored}) {
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        tree->setAlternatingRowColors(true);
    }
    auto* signalsLabel = new QLabel(tr("Signals that fired (the score is their sum, at most 100):"), this);
    auto* textLabel =
        new QLabel(tr("The text that was scored (counted words marked, words set aside struck through):"), this);
    auto* ignoredLabel = new QLabel(tr("Matches set aside:"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(textLabel);
    layout->addWidget(m_text, 2);
    layout->addWidget(signalsLabel);
    layout->addWidget(m_signals, 2);
    layout->addWidget(ignoredLabel);
    layout->addWidget(m_ignored, 1);
    layout->addWidget(buttons);
    resize(820, 680);

    worker.run(this, RiskJobs::explain(session, caseId), [this](const Result<RiskService::Explanation>& explained) {
        if (explained) {
            showExplanation(*explained);
        } else {
            m_summary->setText(explained.error().message);
        }
        m_loaded = true;
        emit loaded();
    });
}

void RiskExplanationDialog::showExplanation(const RiskService::Explanation& e)
{
    const RiskResult& r = e.result;
    QString summary = tr("Case %1: %2.").arg(e.c.caseNo, RiskText::levelAndScore(r.level, r.score));
    if (e.c.riskScore && *e.c.riskScore != r.score) {
        summary +=
            QLatin1Char(' ') + tr("Stored score %1; the rules in force now give %2.").arg(*e.c.riskScore).arg(r.score);
    }
    m_summary->setText(summary);
    m_summary->setStyleSheet(RiskText::levelStyle(r.level));
    m_text->setHtml(markedText(e.text, r));

    m_signals->clear();
    for (const RiskSignal& signal : r.fired) {
        auto* top =
            new QTreeWidgetItem(m_signals, {RiskSignalKinds::label(signal.kind), QString::number(signal.weight)});
        for (const RiskEvidence& ev : signal.evidence) {
            QString what;
            switch (ev.source) {
            case RiskEvidence::Source::Text:
                what = tr("“%1” in the text").arg(ev.words);
                break;
            case RiskEvidence::Source::Channel:
                what = tr("Came in through %1").arg(Channels::label(e.c.channel));
                break;
            case RiskEvidence::Source::CaseHistory:
                what = tr("%n earlier case(s) of the citizen", nullptr, ev.count);
                break;
            }
            new QTreeWidgetItem(top, {what, QString::number(ev.weight), ev.rule});
        }
    }
    m_signals->expandAll();
    if (r.fired.isEmpty()) {
        new QTreeWidgetItem(m_signals, {tr("No signal fired."), QString(), QString()});
    }

    m_ignored->clear();
    for (const RiskIgnored& ig : r.ignored) {
        new QTreeWidgetItem(m_ignored,
                            {ig.words, RiskSignalKinds::label(ig.kind), RiskText::reason(ig.reason), ig.cue});
    }
    if (r.ignored.isEmpty()) {
        new QTreeWidgetItem(m_ignored, {tr("None."), QString(), QString(), QString()});
    }
}
