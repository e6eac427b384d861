#pragma once

#include "training/Training.h"
#include "users/Session.h"

#include <QElapsedTimer>
#include <QWidget>

class Clock;
class DatabaseWorker;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QTimer;

/**
 * A drill (issue 15, helper "drill15"): the citizen's words of a training case arrive stage by stage (listen, facts,
 * impact, steps) in a conversation view with the emotion level shown; the trainee types an answer and goes on with
 * Enter (Shift+Enter for a new line) or Answer (Ctrl+Enter). An optional per-stage timer counts down; when it runs out
 * the answer is taken as it is. After the last stage DrillService scores and stores the drill on the database worker,
 * and the score page shows each stage's answer, its criteria's points and reasons, the model answer beside it, and
 * the total. When the drill cannot be stored the answers stay (in the conversation and in memory), the reason is
 * shown, and "Submit again" sends the same answers once more.
 */
class DrillRunnerWidget : public QWidget
{
    Q_OBJECT

public:
    DrillRunnerWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~DrillRunnerWidget() override;

    /** Starts a drill of the case; 0 = untimed, else seconds per stage. */
    void start(const TrainingCase& trainingCase, int timeLimitSeconds = 0);
    /** The stage shown now (the last one after it was answered). */
    DrillStage currentStage() const;
    bool isRunning() const { return m_running; }
    /** Whether the score page shows a stored result. */
    bool showsScore() const;
    /** The result on the score page (id 0 before one is stored). */
    const DrillResult& result() const { return m_result; }
    /** Every stage is answered but storing the drill failed: the error is shown and Submit again is offered. */
    bool awaitsRetry() const;
    /** Whether the drill is being scored and stored on the worker now. */
    bool isSubmitting() const { return m_submitting; }
    /** The answers given so far, in stage order. */
    const QList<DrillAnswer>& answers() const { return m_answers; }

signals:
    /** The drill was scored and stored. */
    void finished(const DrillResult& result);
    /** The trainee closed the score page ("Back"). */
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showStage();
    void answer();
    void tick();
    void submit();
    void showScore(const DrillResult& result);
    void appendLine(const QString& who, const QString& text, bool citizen);
    QString emotionText(const QString& code) const;

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;

    QStackedWidget* m_pages = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_stageLabel = nullptr;
    QLabel* m_emotion = nullptr;
    QLabel* m_countdown = nullptr;
    QTextBrowser* m_conversation = nullptr;
    QPlainTextEdit* m_answer = nullptr;
    QPushButton* m_answerButton = nullptr;
    QPushButton* m_retryButton = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_total = nullptr;
    QTextBrowser* m_score = nullptr;
    QPushButton* m_back = nullptr;
    QTimer* m_timer = nullptr;

    TrainingCase m_case;
    int m_timeLimit = 0;
    int m_remaining = 0;
    int m_stageIndex = 0;
    bool m_running = false;
    bool m_submitting = false;
    QDateTime m_startedAt;
    QElapsedTimer m_stageTime;
    QList<DrillAnswer> m_answers;
    QString m_conversationHtml;
    DrillResult m_result;
};
