#pragma once

#include "repositories/SupervisionRepository.h"
#include "users/Session.h"

#include <QList>
#include <QToolButton>

class DatabaseWorker;
class NoticeWatcher;
class QMenu;

/**
 * The main window's notification area (in the status bar): what other desks did that concerns this one — a case
 * assigned to it, a reminder (督办) for it, a transfer returned to it — as NoticeWatcher reports it. The button
 * shows the number of unread notices; its menu lists them, newest first, and opens a case when one is chosen.
 */
class NotificationArea : public QToolButton
{
    Q_OBJECT

public:
    static constexpr int kShown = 20;

    NotificationArea(const Session& session, DatabaseWorker& worker, QWidget* parent = nullptr);

    NoticeWatcher* watcher() const { return m_watcher; }
    int unreadCount() const { return m_unread; }
    /** Newest first. */
    const QList<Notice>& notices() const { return m_notices; }
    /** One line for a notice, as the menu shows it. */
    static QString describe(const Notice& notice);

    /** Room for the menu arrow too, which the style draws in the bottom right corner over the text otherwise. */
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

signals:
    void openCaseRequested(qint64 caseId);
    /** New notices arrived: a line for the status bar. */
    void announce(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void add(const QList<Notice>& notices);
    void rebuildMenu();
    void updateText();

    NoticeWatcher* m_watcher = nullptr;
    QMenu* m_menu = nullptr;
    QList<Notice> m_notices;
    int m_unread = 0;
};
