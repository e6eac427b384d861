// review report (issue 14, helper "report") driven through the real widgets: a supervisor opens "Review report…"
// from the dashboard (pre-filled with its range), picks CSV with the keyboard, types a path in a temporary folder
// and creates the report: the file appears and a message offers to open it. A second run onto the same path asks
// before replacing, and "No" leaves the file untouched; "Yes" replaces it. The File menu offers the same dialog, and
// a PDF drawn on the worker's thread. Cancel in the progress dialog stops a running job and writes nothing.

#include "GuiTestSupport.h"
#include "dashboard/DashboardWidget.h"
#include "report/ReviewReportDialog.h"
#include "workers/DatabaseWorker.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
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
    void cancelStopsTheJob();
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

    // File ▸ Review report… opens the same dialog; its default, a PDF, is drawn on the worker's thread.
    menuAction->trigger();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<ReviewReportDialog>()) != nullptr, kTimeoutMs);
    QCOMPARE(ReportWriter::Format(dialog->formatCombo()->currentData().toInt()), ReportWriter::Format::Pdf);
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    retype(dialog->pathEdit(), pdf);
    QSignalSpy pdfWritten(dialog, &ReviewReportDialog::written);
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pdfWritten.size(), 1, kTimeoutMs);
    QVERIFY(contents(pdf).startsWith("%PDF-"));
    QTRY_VERIFY_WITH_TIMEOUT((done = messageBox("reportDoneBox")) != nullptr, kTimeoutMs);
    QTest::mouseClick(done->button(QMessageBox::Close), Qt::LeftButton);
    dialog->close();
}

void TestReportGui::cancelStopsTheJob()
{
    Desk desk;
    const QString error = desk.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // A job that works in steps until it is cancelled, as ReportService and the writers do.
    std::atomic<bool> started{false};
    ReviewReportDialog::Job job = [&started](const WorkerScope&, const Dashboard::Range&, ReportWriter::Format,
                                             const QString&, ReviewReportDialog::Progress& progress) -> Status {
        started = true;
        for (int step = 0; step < 1000 && !progress.cancelled; ++step) {
            progress.percent = step / 10;
            QThread::msleep(10);
        }
        if (progress.cancelled) {
            return Error::make(Error::Code::Invalid, ReportWriter::cancelledMessage());
        }
        return {};
    };
    QTemporaryDir dir;
    ReviewReportDialog dialog(job, desk.worker(), {QDate(2025, 5, 1), QDate(2025, 5, 31)});
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    retype(dialog.pathEdit(), dir.filePath(QStringLiteral("never.pdf")));
    QSignalSpy failed(&dialog, &ReviewReportDialog::failed);
    QSignalSpy written(&dialog, &ReviewReportDialog::written);
    QTest::mouseClick(dialog.createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), kTimeoutMs);
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.createButton()->isEnabled());
    QProgressDialog* progress = dialog.findChild<QProgressDialog*>(QStringLiteral("reportProgress"));
    QVERIFY(progress);
    QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), kTimeoutMs);
    QPushButton* cancel = progress->findChild<QPushButton*>();
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kTimeoutMs);
    QCOMPARE(failed.first().first().toString(), ReportWriter::cancelledMessage());
    QCOMPARE(written.size(), 0);
    QVERIFY(!dialog.isRunning());
    QVERIFY(dialog.createButton()->isEnabled());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("never.pdf"))));
}

QTEST_MAIN(TestReportGui)
#include "tst_report_gui.moc"
