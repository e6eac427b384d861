#include "mainwindow/NotificationArea.h"

#include "supervise/NoticeWatcher.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
#include <QStyle>

NotificationArea::NotificationArea(const Session& session, DatabaseWorker& worker, QWidget* parent)
    : QToolButton(parent)
    , m_watcher(new NoticeWatcher(worker, session, this))
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("notificationArea"));
    m_menu->setObjectName(QStringLiteral("notificationMenu"));
    setMenu(m_menu);
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setAutoRaise(true);
    // The status bar sizes its height by its widgets' minimum sizes: a Fixed vertical policy makes that the button's
    // full height, and Minimum keeps the width of "Notices: N new" (and its arrow, sizeHint) from being squeezed.
    setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    connect(m_watcher, &NoticeWatcher::noticesArrived, this, &NotificationArea::add);
    connect(m_menu, &QMenu::aboutToShow, this, [this] {
        m_unread = 0; // seen once the list is open
        updateText();
    });
    rebuildMenu();
    updateText();
    m_watcher->start();
}

QSize NotificationArea::sizeHint() const
{
    QSize size = QToolButton::sizeHint();
    size.rwidth() += style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, this);
    return size;
}

QString NotificationArea::describe(const Notice& n)
{
    const QString when = n.event.at.toString(QStringLiteral("MM-dd HH:mm"));
    switch (n.event.kind) {
    case CaseEventKind::Reassigned:
        return tr("%1 %2: assigned to you by %3").arg(when, n.caseNo, n.event.actor.name);
    case CaseEventKind::Reminded:
        return tr("%1 %2: reminder from %3 (%4)").arg(when, n.caseNo, n.event.actor.name, n.event.note);
    case CaseEventKind::TransferReturned:
        return tr("%1 %2: transfer returned by %3 (%4)").arg(when, n.caseNo, n.event.actor.name, n.event.note);
    default:
        return tr("%1 %2: %3 by %4").arg(when, n.caseNo, CaseEventKinds::label(n.event.kind), n.event.actor.name);
    }
}

void NotificationArea::add(const QList<Notice>& notices)
{
    for (const Notice& n : notices) {
        m_notices.prepend(n);
    }
    while (m_notices.size() > kShown) {
        m_notices.removeLast();
    }
    m_unread += int(notices.size());
    rebuildMenu();
    updateText();
    emit announce(notices.size() == 1 ? describe(notices.constFirst())
                                      : tr("%n new notices", nullptr, int(notices.size())));
    if (window()) {
        QApplication::alert(window());
    }
}

void NotificationArea::rebuildMenu()
{
    m_menu->clear();
    if (m_notices.isEmpty()) {
        m_menu->addAction(tr("Nothing new from the other desks"))->setEnabled(false);
        return;
    }
    for (const Notice& n : m_notices) {
        QAction* action = m_menu->addAction(describe(n));
        const qint64 caseId = n.event.caseId;
        connect(action, &QAction::triggered, this, [this, caseId] { emit openCaseRequested(caseId); });
    }
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Clear the list")), &QAction::triggered, this, [this] {
        m_notices.clear();
        m_unread = 0;
        rebuildMenu();
        updateText();
    });
}

void NotificationArea::updateText()
{
    // The count is in the words, and bold when there are unread notices: it does not rely on colour.
    setText(m_unread > 0 ? tr("Notices: %1 new").arg(m_unread) : tr("Notices"));
    QFont f = font();
    f.setBold(m_unread > 0);
    setFont(f);
    setToolTip(tr("What other desks did on your cases: assigned to you, reminders, returned transfers"));
}

void NotificationArea::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        rebuildMenu();
        updateText();
    }
    QToolButton::changeEvent(event);
}
