// review report (issue 14, helper "report") driven through the real widgets: a supervisor opens "Review report…"
// from the dashboard (pre-filled with its range), picks CSV with the keyboard, types a path in a temporary folder
// and creates the report: the file appears and a message offers to open it. A second run onto the same path asks
// before replacing, and "No" leaves the file untouched; "Yes" replaces it. The File menu offers the same dialog.

#include "GuiTestSupport.h"
#include "dashboard/DashboardWidget.h"
#include "report/ReviewReportDialog.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace GuiTest;

namespace {
/** The visible message box with that object name. */
QMessageBox* messageBox(const char* name)
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* box = qobject_cast<QMessageBox*>(w);
            box && box->isVisible() && box->objectName() == QLatin1String(name)) {
            return box;
        }
    }
    return nullptr;
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestReportGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { quietOffscreenWarnings(); }
    void fromTheDashboardAndAskingBeforeReplacing();
};

void TestReportGui::fromTheDashboardAndAskingBeforeReplacing()
{
    Desk desk;
    const QString error = desk.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const auto boss = desk.addUser(QStringLiteral("wang"), Role::Supervisor, QStringLiteral("王主任"),
                                   QStringLiteral("Wang-pass-2025"));
    QVERIFY(boss);
    const auto window = desk.showWindow(*boss);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::Dashboard));
    DashboardWidget* dashboard = window->dashboard();
    QVERIFY(dashboard);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->snapshot().has_value(), kTimeoutMs);
    QAction* menuAction = window->findChild<QAction*>(QStringLiteral("actionReviewReport"));
    QVERIFY(menuAction && menuAction->isVisible());

    QPushButton* button = dashboard->reviewReportButton();
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    ReviewReportDialog* dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<ReviewReportDialog>()) != nullptr, kTimeoutMs);
    QCOMPARE(dialog->fromEdit()->date(), dashboard->range().from);
    QCOMPARE(dialog->toEdit()->date(), dashboard->range().to);

    // CSV: two steps down from PDF with the keyboard.
    dialog->formatCombo()->setFocus();
    QTest::keyClick(dialog->formatCombo(), Qt::Key_Down);
    QTest::keyClick(dialog->formatCombo(), Qt::Key_Down);
    QCOMPARE(ReportWriter::Format(dialog->formatCombo()->currentData().toInt()), ReportWriter::Format::Csv);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("复盘.csv"));
    retype(dialog->pathEdit(), path);
    QSignalSpy written(dialog, &ReviewReportDialog::written);
    QSignalSpy failed(dialog, &ReviewReportDialog::failed);
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, kTimeoutMs);
    QCOMPARE(failed.size(), 0);
    QVERIFY(QFile::exists(path));
    const QByteArray first = contents(path);
    QVERIFY(first.startsWith("\xEF\xBB\xBF"));
    QMessageBox* done = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((done = messageBox("reportDoneBox")) != nullptr, kTimeoutMs);
    QVERIFY(done->findChild<QPushButton*>(QStringLiteral("reportOpenFile")));
    QVERIFY(done->findChild<QPushButton*>(QStringLiteral("reportOpenFolder")));
    QTest::mouseClick(done->button(QMessageBox::Close), Qt::LeftButton);
    QTRY_VERIFY(!messageBox("reportDoneBox"));

    // The same path again: the dialog asks, and No leaves the file as it was.
    QFile mark(path);
    QVERIFY(mark.open(QIODevice::WriteOnly));
    mark.write("kept by the user");
    mark.close();
    bool asked = false;
    QTimer::singleShot(0, this, [&asked] {
        QMessageBox* question = messageBox("reportReplaceBox");
        asked = question != nullptr;
        if (question) {
            QTest::mouseClick(question->button(QMessageBox::No), Qt::LeftButton);
        }
    });
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_VERIFY(asked);
    QTest::qWait(200);
    QVERIFY(!dialog->isRunning());
    QCOMPARE(written.size(), 1);
    QCOMPARE(contents(path), QByteArray("kept by the user"));

    // Yes replaces it.
    asked = false;
    QTimer::singleShot(0, this, [&asked] {
        QMessageBox* question = messageBox("reportReplaceBox");
        asked = question != nullptr;
        if (question) {
            QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
        }
    });
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_VERIFY(asked);
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, kTimeoutMs);
    QCOMPARE(contents(path), first); // the desk's clock is fixed: the same report, byte for byte
    QTRY_VERIFY_WITH_TIMEOUT((done = messageBox("reportDoneBox")) != nullptr, kTimeoutMs);
    QTest::mouseClick(done->button(QMessageBox::Close), Qt::LeftButton);
    dialog->close();
    QTRY_VERIFY(!findWindow<ReviewReportDialog>());

    // File ▸ Review report… opens the same dialog.
    menuAction->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<ReviewReportDialog>()) != nullptr, kTimeoutMs);
    dialog->close();
}

QTEST_MAIN(TestReportGui)
#include "tst_report_gui.moc"
