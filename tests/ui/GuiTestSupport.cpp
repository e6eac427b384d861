#include "GuiTestSupport.h"

#include "login/LoginDialog.h"

#include <QLineEdit>
#include <QListWidget>
#include <QTest>

namespace GuiTest {

void typeText(QWidget* widget, const QString& text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80) {
            QTest::keyClick(widget, ch.toLatin1());
        } else {
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
        }
    }
}

void retype(QLineEdit* edit, const QString& text)
{
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty()) {
        QTest::keyClick(edit, Qt::Key_Backspace);
        return;
    }
    typeText(edit, text);
}

namespace {
QtMessageHandler g_previousHandler = nullptr;

void dropSizeHintNote(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    if (message.contains(QLatin1String("does not support propagateSizeHints"))) {
        return;
    }
    g_previousHandler(type, context, message);
}
} // namespace

void quietOffscreenWarnings()
{
    if (!g_previousHandler) {
        g_previousHandler = qInstallMessageHandler(dropSizeHintNote);
    }
}

std::optional<Session> logIn(AuthService& auth, AppSettings& settings, const QString& login, const QString& password)
{
    LoginDialog dialog(auth, settings);
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog)) {
        return std::nullopt;
    }
    retype(child<QLineEdit>(&dialog, "loginLineEdit"), login);
    auto* passwordEdit = child<QLineEdit>(&dialog, "passwordLineEdit");
    typeText(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
    if (dialog.result() != QDialog::Accepted) {
        return std::nullopt;
    }
    return dialog.session();
}

bool clickPage(MainWindow& window, MainWindow::Page page)
{
    auto* navigation = child<QListWidget>(&window, "navigationListWidget");
    for (int row = 0; row < navigation->count(); ++row) {
        QListWidgetItem* item = navigation->item(row);
        if (item->data(Qt::UserRole).toInt() == static_cast<int>(page)) {
            navigation->scrollToItem(item);
            QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, navigation->visualItemRect(item).center());
            return true;
        }
    }
    return false;
}

} // namespace GuiTest
