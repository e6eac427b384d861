#pragma once

#include "repositories/RiskRepository.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

class DatabaseWorker;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class RiskQueueModel;

/**
 * The supervisor's risk queue (issue 16): the open high-risk alerts at the top, each taken with "Take" (once, on any
 * desk), and below them the medium and high cases, newest first, page by page. Double-click opens the case.
 * Everything is read and written on the database worker.
 */
class RiskQueueWidget : public QWidget
{
    Q_OBJECT

public:
    RiskQueueWidget(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);

    QTableWidget* alertsTable() const { return m_alerts; }
    QTableView* queueView() const { return m_queueView; }
    RiskQueueModel* queueModel() const { return m_model; }
    QPushButton* takeButton() const { return m_take; }
    const QList<RiskAlert>& openAlerts() const { return m_openAlerts; }

public slots:
    /** Reads the alerts and the first page again. */
    void reload();
    /** The open alerts changed on some desk (NoticeWatcher::riskAlertsChanged): read again. */
    void noteAlertsChanged(int openCount);
    /** Takes the selected alert. */
    void takeSelectedAlert();

signals:
    void openCaseRequested(qint64 caseId);
    void statusMessage(const QString& message);
    /** A reload finished (successfully or not). */
    void loaded();
    /** This desk took an alert. */
    void alertTaken(const RiskAlert& alert);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showAlerts();
    void loadMore(const RiskQueueCursor& after);

    Session m_session;
    DatabaseWorker& m_worker;
    LatestRequest m_request;
    QLabel* m_alertsLabel = nullptr;
    QTableWidget* m_alerts = nullptr;
    QPushButton* m_take = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_queueLabel = nullptr;
    QTableView* m_queueView = nullptr;
    RiskQueueModel* m_model = nullptr;
    QLabel* m_error = nullptr;
    QList<RiskAlert> m_openAlerts;
    bool m_taking = false;
};
