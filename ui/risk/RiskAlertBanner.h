#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

/**
 * The main window's banner of open high-risk alerts (issue 16): shown while any alert is open on the database, on
 * every supervisor's desk, until someone takes it; its button opens the risk queue.
 */
class RiskAlertBanner : public QFrame
{
    Q_OBJECT

public:
    explicit RiskAlertBanner(QWidget* parent = nullptr);

    int openCount() const { return m_openCount; }
    QLabel* label() const { return m_label; }

public slots:
    /** The open alerts now (NoticeWatcher::riskAlertsChanged); 0 hides the banner. */
    void setOpenCount(int openCount);

signals:
    void openQueueRequested();
    /** The count went up: a new alert (the window may ask for attention). */
    void newAlert();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QLabel* m_label = nullptr;
    QPushButton* m_open = nullptr;
    int m_openCount = 0;
};
