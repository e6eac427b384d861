#pragma once

#include "mainwindow/MainWindow.h"
#include "users/Session.h"

#include <QApplication>
#include <QString>
#include <QWidget>

#include <optional>

class AppSettings;
class AuthService;
class QLineEdit;

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

/** Drops the offscreen platform's note that it cannot resize windows to their size hints; keeps everything else. */
void quietOffscreenWarnings();

/** Logs in through the real login dialog with key presses; nullopt when the dialog refuses. */
std::optional<Session> logIn(AuthService& auth, AppSettings& settings, const QString& login, const QString& password);

/** Clicks the page's entry in the main window's navigation list; false when the window has no such page. */
bool clickPage(MainWindow& window, MainWindow::Page page);

} // namespace GuiTest
