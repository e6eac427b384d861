#pragma once

#include "cases/IntakeDraftJson.h"
#include "common/Clock.h"
#include "mainwindow/MainWindow.h"
#include "users/PasswordHasher.h"
#include "users/Role.h"
#include "users/Session.h"

#include <QApplication>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>
#include <optional>

class AppSettings;
class CaseViewWidget;
class Database;
struct DatabaseLocation;
class DatabaseWorker;
class QLineEdit;
class QTreeWidget;
class ReferenceService;

/** What the widget tests share: typing as a user does, finding widgets and dialogs, logging in, navigating. */
namespace GuiTest {

constexpr int kTimeoutMs = 10000;

/**
 * Types text as key presses. QTest::keyClicks only carries Latin-1, so other characters (Chinese, as an input
 * method commits them) go as key events that carry the text.
 */
void typeText(QWidget* widget, const QString& text);
/** Replaces the text of a line edit the way a user does: select all, then type. */
void retype(QLineEdit* edit, const QString& text);

/** The visible top-level window of the type, e.g. a dialog opened with open(). */
template <typename T> T* findWindow()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* t = qobject_cast<T*>(w); t && t->isVisible()) {
            return t;
        }
    }
    return nullptr;
}

/** The child of the type with the object name, or nullptr. */
template <typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QString::fromLatin1(name));
}

/**
 * Completes an intake draft as a clerk would after talking it through with the citizen: every field the intake
 * needs that is still empty gets a plausible value (the first active window, item, category and department; the
 * confirmations stamped at `now`), and the wizard is to open on the Review page. What is set already stays.
 */
IntakeDraftState completedIntake(IntakeDraftState state, ReferenceService& reference, const QDateTime& now);

/**
 * Whether every cell of the column can be read where it is (WrappingTree): inside the tree's viewport, so no
 * scrolling reaches it, and as tall as its text wrapped to the cell's width. Says which cell is not in a warning.
 */
bool wrappedColumnReadable(QTreeWidget* tree, int column);

/** Drops the offscreen platform's note that it cannot resize windows to their size hints; keeps everything else. */
void quietOffscreenWarnings();

/**
 * Logs in through the real login dialog with key presses, waiting for the worker's answer; nullopt when the dialog
 * refuses.
 */
std::optional<Session> logIn(DatabaseWorker& worker, AppSettings& settings, const QString& login,
                             const QString& password);

/**
 * Clicks the page's entry in the main window's navigation list and waits until the window shows the page; false
 * when the window has no such page or it did not come up.
 */
bool openPage(MainWindow& window, MainWindow::Page page);

/** Opens the case in the window's Cases page and waits until its view has loaded it; nullptr when it did not. */
CaseViewWidget* openCaseView(MainWindow& window, qint64 caseId);

/**
 * The desk a GUI test works at: a new SQLite database (through the real migrations) and a settings file in a
 * temporary folder, a fixed clock at 2025-06-02 09:30 and the fastest password hasher.
 */
class Desk
{
public:
    Desk();
    ~Desk();

    /** Opens the database and the settings; an empty string, or why the database could not be opened. */
    QString open();

    Repositories repos() const;
    /** Where the desk's database file is. */
    DatabaseLocation location() const;
    /** The desk's database worker: its own connection to the same file, as the app's. */
    DatabaseWorker& worker();
    AppSettings& settings() { return *m_settings; }
    FixedClock& clock() { return m_clock; }
    const PasswordHasher& hasher() const { return m_hasher; }

    /** Adds an account as the command line does; the new user's session, or nullopt (with a warning why not). */
    std::optional<Session> addUser(const QString& login, Role role, const QString& displayName,
                                   const QString& password);
    /** Logs in through the real login dialog, as logIn() does. */
    std::optional<Session> logIn(const QString& login, const QString& password);
    /** A main window for the session, shown; nullptr when it did not appear on the screen. */
    std::unique_ptr<MainWindow> showWindow(const Session& session);

private:
    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime(QDate(2025, 6, 2), QTime(9, 30))};
    PasswordHasher m_hasher{PasswordHasher::Strength::Minimal};
    std::unique_ptr<Database> m_db;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<DatabaseWorker> m_worker; // closes its connection before m_db closes the GUI thread's
};

} // namespace GuiTest
