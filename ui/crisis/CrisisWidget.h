#pragma once

#include "common/Result.h"
#include "crisis/Crisis.h"
#include "crisis/CrisisStatements.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QHash>
#include <QWidget>

class Clock;
class DatabaseWorker;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeWidget;

/**
 * The crisis page (issue 16 part B): the golden-hours clock counting down each second from the stored times and the
 * app's Clock, the cases, the checklist (each step recorded with its note), the statement editor with templates,
 * live reply-checker hints and the personal-data check, Publish, Close and the review. Reads and writes go through
 * the DatabaseWorker; CrisisService refuses what the session may not do.
 */
class CrisisWidget : public QWidget
{
    Q_OBJECT

public:
    CrisisWidget(Session session, DatabaseWorker& worker, const Clock& clock, qint64 crisisId,
                 const QString& hallName = {}, QWidget* parent = nullptr);
    ~CrisisWidget() override;

    /** Shows the crisis in a window of its own, or raises the one that shows it already. */
    static CrisisWidget* showWindow(const Session& session, DatabaseWorker& worker, const Clock& clock, qint64 crisisId,
                                    QWidget* parent);

    qint64 crisisId() const { return m_id; }
    const CrisisDetail& detail() const { return m_detail; }
    /** A read or write is running on the worker. */
    bool isBusy() const { return m_busy; }

public slots:
    void reload();

signals:
    /** The crisis changed (a step, a statement, closed, reviewed); lists show the new state. */
    void crisisChanged(qint64 crisisId);
    void openCaseRequested(qint64 caseId);
    /** A read finished. */
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildUi();
    void retranslate();
    void apply(const CrisisDetail& detail);
    void applyResult(const Result<CrisisDetail>& result);
    void updateClock();
    void recordStep(CrisisStep step);
    void fillTemplates();
    void insertTemplate();
    void scheduleCheck();
    void runCheck();
    void showCheck(const StatementCheck& check);
    void publish();
    void closeCrisis();
    void openReview();
    void setBusy(bool busy);
    void showError(const QString& message);

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    qint64 m_id;
    QString m_hallName;
    CrisisDetail m_detail;
    bool m_loaded = false;
    bool m_busy = false;
    LatestRequest m_checkRequest;

    QLabel* m_title = nullptr;
    QLabel* m_clockLabel = nullptr;
    QLabel* m_clockState = nullptr;
    QLabel* m_casesLabel = nullptr;
    QTreeWidget* m_cases = nullptr;
    QLabel* m_checklistLabel = nullptr;
    struct StepRow
    {
        QCheckBox* check = nullptr;
        QLineEdit* note = nullptr;
        QLabel* done = nullptr;
    };
    QHash<int, StepRow> m_steps;
    QLabel* m_statementLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_template = nullptr;
    QPushButton* m_insertTemplate = nullptr;
    QPlainTextEdit* m_statement = nullptr;
    QLabel* m_hints = nullptr;
    QPushButton* m_publish = nullptr;
    QLabel* m_publishedLabel = nullptr;
    QTreeWidget* m_published = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_review = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_error = nullptr;
    QTimer* m_tick = nullptr;
    QTimer* m_checkDelay = nullptr;
    bool m_checkPublishable = false;
};
