#include "training/DrillRunnerWidget.h"

#include "cases/Intake.h"
#include "common/Clock.h"
#include "training/DrillJobs.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QString escaped(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

/** The emotion level's colour: calm green to angry red. */
QString emotionColour(const QString& code)
{
    if (code == QLatin1String("angry")) {
        return QStringLiteral("#c62828");
    }
    if (code == QLatin1String("agitated")) {
        return QStringLiteral("#ef6c00");
    }
    if (code == QLatin1String("dissatisfied")) {
        return QStringLiteral("#f9a825");
    }
    return QStringLiteral("#2e7d32");
}
} // namespace

DrillRunnerWidget::DrillRunnerWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_session(std::move(session))
    , m_worker(worker)
    , m_clock(clock)
{
    m_pages = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    // The run page.
    auto* run = new QWidget(m_pages);
    auto* runLayout = new QVBoxLayout(run);
    m_title = new QLabel(run);
    m_title->setObjectName(QStringLiteral("drillTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    auto* header = new QHBoxLayout;
    m_stageLabel = new QLabel(run);
    m_stageLabel->setObjectName(QStringLiteral("drillStageLabel"));
    m_emotion = new QLabel(run);
    m_emotion->setObjectName(QStringLiteral("drillEmotionLabel"));
    m_countdown = new QLabel(run);
    m_countdown->setObjectName(QStringLiteral("drillCountdownLabel"));
    header->addWidget(m_stageLabel);
    header->addWidget(m_emotion);
    header->addStretch();
    header->addWidget(m_countdown);
    m_conversation = new QTextBrowser(run);
    m_conversation->setObjectName(QStringLiteral("drillConversation"));
    m_answer = new QPlainTextEdit(run);
    m_answer->setObjectName(QStringLiteral("drillAnswerEdit"));
    m_answer->setMaximumHeight(120);
    m_answer->installEventFilter(this);
    m_answerButton = new QPushButton(run);
    m_answerButton->setObjectName(QStringLiteral("drillAnswerButton"));
    m_answerButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_retryButton = new QPushButton(run);
    m_retryButton->setObjectName(QStringLiteral("drillRetryButton"));
    m_retryButton->hide();
    m_error = new QLabel(run);
    m_error->setObjectName(QStringLiteral("drillErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->hide();
    auto* answerRow = new QHBoxLayout;
    answerRow->addWidget(m_answer, 1);
    answerRow->addWidget(m_answerButton, 0, Qt::AlignBottom);
    answerRow->addWidget(m_retryButton, 0, Qt::AlignBottom);
    runLayout->addWidget(m_title);
    runLayout->addLayout(header);
    runLayout->addWidget(m_conversation, 1);
    runLayout->addLayout(answerRow);
    runLayout->addWidget(m_error);
    m_pages->addWidget(run);

    // The score page.
    auto* score = new QWidget(m_pages);
    auto* scoreLayout = new QVBoxLayout(score);
    m_total = new QLabel(score);
    m_total->setObjectName(QStringLiteral("drillTotalLabel"));
    QFont totalFont = m_total->font();
    totalFont.setBold(true);
    totalFont.setPointSizeF(totalFont.pointSizeF() * 1.3);
    m_total->setFont(totalFont);
    m_score = new QTextBrowser(score);
    m_score->setObjectName(QStringLiteral("drillScoreBrowser"));
    m_back = new QPushButton(score);
    m_back->setObjectName(QStringLiteral("drillBackButton"));
    auto* backRow = new QHBoxLayout;
    backRow->addStretch();
    backRow->addWidget(m_back);
    scoreLayout->addWidget(m_total);
    scoreLayout->addWidget(m_score, 1);
    scoreLayout->addLayout(backRow);
    m_pages->addWidget(score);

    m_timer = new QTimer(this);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &DrillRunnerWidget::tick);
    connect(m_answerButton, &QPushButton::clicked, this, &DrillRunnerWidget::answer);
    connect(m_retryButton, &QPushButton::clicked, this, &DrillRunnerWidget::submit);
    connect(m_back, &QPushButton::clicked, this, &DrillRunnerWidget::closed);
    retranslate();
}

DrillRunnerWidget::~DrillRunnerWidget() = default;

void DrillRunnerWidget::retranslate()
{
    m_answer->setPlaceholderText(tr("Your answer to the citizen… (Enter to answer, Shift+Enter for a new line)"));
    m_answerButton->setText(tr("&Answer"));
    m_answerButton->setToolTip(tr("Answer and go on (Ctrl+Enter)"));
    m_retryButton->setText(tr("&Submit again"));
    m_retryButton->setToolTip(tr("Store this drill with the answers you gave"));
    m_back->setText(tr("&Back"));
    if (m_running) {
        showStage();
    }
    if (showsScore()) {
        showScore(m_result);
    }
}

void DrillRunnerWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    }
    QWidget::changeEvent(event);
}

bool DrillRunnerWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_answer && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            answer();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void DrillRunnerWidget::start(const TrainingCase& trainingCase, int timeLimitSeconds)
{
    m_case = trainingCase;
    m_timeLimit = std::max(0, timeLimitSeconds);
    m_stageIndex = 0;
    m_answers.clear();
    m_result = {};
    m_conversationHtml.clear();
    m_conversation->clear();
    m_answer->clear();
    m_answer->setEnabled(true);
    m_answerButton->setEnabled(true);
    m_answerButton->show();
    m_retryButton->hide();
    m_error->hide();
    m_startedAt = m_clock.now();
    m_running = true;
    m_pages->setCurrentIndex(0);
    m_title->setText(tr("Drill: %1").arg(m_case.title));
    showStage();
    const QString said = m_case.stage(currentStage()) ? m_case.stage(currentStage())->citizenText : QString();
    appendLine(tr("Citizen"), said, true);
    m_answer->setFocus();
}

DrillStage DrillRunnerWidget::currentStage() const
{
    const QList<DrillStage> stages = DrillCodes::stages();
    return stages.at(std::clamp(m_stageIndex, 0, int(stages.size()) - 1));
}

bool DrillRunnerWidget::awaitsRetry() const
{
    return !m_running && !m_submitting && m_result.id == 0 && !m_answers.isEmpty() &&
           m_answers.size() == DrillCodes::stages().size() && m_retryButton->isVisible();
}

bool DrillRunnerWidget::showsScore() const
{
    return m_pages->currentIndex() == 1 && m_result.id != 0;
}

QString DrillRunnerWidget::emotionText(const QString& code) const
{
    const auto level = IntakeCodes::emotionFromCode(code);
    return level ? IntakeCodes::label(*level) : tr("not recorded");
}

void DrillRunnerWidget::showStage()
{
    const DrillStage stage = currentStage();
    const int count = int(DrillCodes::stages().size());
    m_stageLabel->setText(tr("Stage %1 of %2: %3").arg(m_stageIndex + 1).arg(count).arg(DrillCodes::label(stage)));
    const TrainingStage* st = m_case.stage(stage);
    const QString emotion = st ? st->emotion : QString();
    m_emotion->setText(tr("Emotion: %1").arg(emotionText(emotion)));
    m_emotion->setStyleSheet(QStringLiteral("QLabel { color: white; background: %1; padding: 2px 6px; "
                                            "border-radius: 3px; }")
                                 .arg(emotionColour(emotion)));
    if (m_timeLimit > 0) {
        m_countdown->setVisible(true);
        m_countdown->setText(tr("%n second(s) left", nullptr, m_remaining));
    } else {
        m_countdown->setVisible(false);
    }
}

void DrillRunnerWidget::appendLine(const QString& who, const QString& text, bool citizen)
{
    if (citizen) {
        // A new stage: its clock and its timer start when the citizen has spoken.
        m_stageTime.start();
        m_remaining = m_timeLimit;
        if (m_timeLimit > 0) {
            m_timer->start();
        }
        showStage();
    }
    const QString align = citizen ? QStringLiteral("left") : QStringLiteral("right");
    const QString colour = citizen ? QStringLiteral("#eceff1") : QStringLiteral("#e3f2fd");
    m_conversationHtml += QStringLiteral("<table width=\"100%\" cellpadding=\"6\"><tr><td align=\"%1\">"
                                         "<div style=\"background:%2\"><b>%3</b><br>%4</div></td></tr></table>")
                              .arg(align, colour, who.toHtmlEscaped(), escaped(text));
    m_conversation->setHtml(m_conversationHtml);
    m_conversation->moveCursor(QTextCursor::End);
}

void DrillRunnerWidget::tick()
{
    if (!m_running || m_timeLimit <= 0) {
        m_timer->stop();
        return;
    }
    m_remaining = std::max(0, m_remaining - 1);
    m_countdown->setText(tr("%n second(s) left", nullptr, m_remaining));
    if (m_remaining == 0) {
        // Time is up: the answer is taken as it is.
        answer();
    }
}

void DrillRunnerWidget::answer()
{
    if (!m_running) {
        return; // every stage is answered: storing it, or Submit again after a failure
    }
    m_timer->stop();
    DrillAnswer a;
    a.stage = currentStage();
    a.text = m_answer->toPlainText().trimmed();
    a.seconds = int(m_stageTime.elapsed() / 1000);
    if (m_timeLimit > 0) {
        a.seconds = std::min(a.seconds, m_timeLimit);
    }
    m_answers << a;
    appendLine(tr("You"), a.text.isEmpty() ? tr("(no answer)") : a.text, false);
    m_answer->clear();
    if (m_stageIndex + 1 >= int(DrillCodes::stages().size())) {
        submit();
        return;
    }
    ++m_stageIndex;
    const TrainingStage* st = m_case.stage(currentStage());
    appendLine(tr("Citizen"), st ? st->citizenText : QString(), true);
}

void DrillRunnerWidget::submit()
{
    if (m_submitting || m_result.id != 0) {
        return;
    }
    m_running = false;
    m_submitting = true;
    m_error->hide();
    m_answer->setEnabled(false);
    m_answerButton->setEnabled(false);
    m_retryButton->setEnabled(false);
    m_countdown->setText(tr("Scoring…"));
    m_countdown->setVisible(true);
    m_worker.run(this, DrillJobs::submit(m_session, m_case, m_answers, m_startedAt, m_timeLimit),
                 [this](const Result<DrillResult>& result) {
                     m_submitting = false;
                     m_countdown->setVisible(false);
                     if (!result) {
                         // The answers stay; the trainee reads why and sends them again.
                         const Error& e = result.error();
                         const bool retryable =
                             e.code != Error::Code::SessionEnded && e.code != Error::Code::PermissionDenied;
                         m_error->setText(retryable ? tr("Your drill could not be stored: %1\nYour answers are kept: "
                                                         "press “Submit again” to store them.")
                                                          .arg(e.message)
                                                    : tr("Your drill could not be stored: %1").arg(e.message));
                         m_error->show();
                         m_answerButton->hide();
                         m_retryButton->setVisible(retryable);
                         m_retryButton->setEnabled(true);
                         if (retryable) {
                             m_retryButton->setFocus();
                         }
                         return;
                     }
                     m_retryButton->hide();
                     m_answerButton->show();
                     showScore(*result);
                     emit finished(*result);
                 });
}

void DrillRunnerWidget::showScore(const DrillResult& result)
{
    m_result = result;
    m_total->setText(
        tr("Total: %1 of %2 points (%3%)").arg(result.points()).arg(result.maxPoints()).arg(result.percent()));
    QString html;
    for (const StageScore& stage : result.stages) {
        const TrainingStage* st = m_case.stage(stage.answer.stage);
        html += QStringLiteral("<h3>%1 — %2</h3>")
                    .arg(DrillCodes::label(stage.answer.stage).toHtmlEscaped(),
                         tr("%1 of %2 points").arg(stage.points()).arg(stage.maxPoints()).toHtmlEscaped());
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" border=\"1\"><tr>"
                               "<th width=\"50%\">%1</th><th width=\"50%\">%2</th></tr><tr><td>%3</td><td>%4</td></tr>"
                               "</table>")
                    .arg(tr("Your answer").toHtmlEscaped(), tr("Model answer").toHtmlEscaped(),
                         stage.answer.text.isEmpty() ? tr("(no answer)").toHtmlEscaped() : escaped(stage.answer.text),
                         escaped(st ? st->modelAnswer : QString()));
        html += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
        for (const CriterionScore& c : stage.criteria) {
            const QString colour = c.points >= c.maxPoints ? QStringLiteral("#2e7d32")
                                   : c.points > 0          ? QStringLiteral("#ef6c00")
                                                           : QStringLiteral("#c62828");
            html += QStringLiteral("<tr><td width=\"30%\">%1</td><td width=\"10%\" style=\"color:%2\"><b>%3</b></td>"
                                   "<td>%4</td></tr>")
                        .arg(DrillCodes::label(c.criterion).toHtmlEscaped(), colour,
                             tr("%1/%2").arg(c.points).arg(c.maxPoints).toHtmlEscaped(), escaped(c.reason));
        }
        html += QStringLiteral("</table>");
    }
    m_score->setHtml(html);
    m_pages->setCurrentIndex(1);
}
