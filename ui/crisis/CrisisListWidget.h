#pragma once

#include "crisis/Crisis.h"
#include "users/Session.h"
#include "workers/LatestRequest.h"

#include <QWidget>

class Clock;
class DatabaseWorker;
class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

/**
 * The crises page of the main window (issue 16 part B, supervisors and admins): the open crises with their clocks,
 * or every crisis; opening one shows its CrisisWidget in a window of its own.
 */
class CrisisListWidget : public QWidget
{
    Q_OBJECT

public:
    CrisisListWidget(Session session, DatabaseWorker& worker, const Clock& clock, QWidget* parent = nullptr);
    ~CrisisListWidget() override;

    const QList<Crisis>& crises() const { return m_crises; }

public slots:
    void reload();
    /** Shows the crisis's page (a window of its own). */
    void openCrisis(qint64 crisisId);

signals:
    void loaded();
    void openCaseRequested(qint64 caseId);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    void showRows();

    Session m_session;
    DatabaseWorker& m_worker;
    const Clock& m_clock;
    LatestRequest m_request;
    QList<Crisis> m_crises;
    QCheckBox* m_all = nullptr;
    QTreeWidget* m_tree = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_refresh = nullptr;
    QLabel* m_error = nullptr;
};
