// The import dialog (issue 13, helper "importui") driven through the real widgets with keys and clicks: the file
// dialog, the preview (encoding, column mapping, first records), a missing required column, the progress dialog and
// its Cancel, the summary with rejects and "Save rejects…". ImportService is replaced by fakes through ImportJobs.

#include "Database.h"
#include "GuiTestSupport.h"
#include "cases/CaseListWidget.h"
#include "cases/CaseTableModel.h"
#include "cases/CaseWorkspaceWidget.h"
#include "imports/ImportDialog.h"
#include "imports/ImportProgressDialog.h"
#include "workers/DatabaseWorker.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include <atomic>
#include <memory>

using namespace GuiTest;

namespace {

/** What a fake run saw and did, read by the test after the run. */
struct RunLog
{
    std::atomic<int> runs{0};
    std::atomic<bool> skipBad{false};
    std::atomic<bool> sawCancel{false};
    std::atomic<int> steps{0};
};

/** A header as an Excel export writes it: Chinese names, reordered, one extra column. */
Import::Preview casesPreview()
{
    Import::Preview p;
    p.kind = Import::Kind::Cases;
    p.encoding = Import::Encoding::Gb18030;
    p.columns = {{QStringLiteral("受理时间"), QStringLiteral("received_at")},
                 {QStringLiteral("案件编号"), QStringLiteral("case_no")},
                 {QStringLiteral("备注"), QString()},
                 {QStringLiteral("渠道"), QStringLiteral("channel")},
                 {QStringLiteral("摘要"), QStringLiteral("summary")}};
    p.firstRows = {{QStringLiteral("2026/3/5 9:07"), QStringLiteral("TS-0001"), QStringLiteral("老系统导出"),
                    QStringLiteral("电话"), QStringLiteral("窗口排队太久")},
                   {QStringLiteral("2026-03-06 10:30"), QStringLiteral("TS-0002"), QString(), QStringLiteral("window"),
                    QStringLiteral("材料清单不清楚")}};
    p.dataLines = 5;
    return p;
}

Import::Reject reject(qint64 line, const QString& reason, const QStringList& fields)
{
    Import::Reject r;
    r.line = line;
    r.reason = reason;
    r.fields = fields;
    return r;
}

/** A CSV writer for the fake writeRejects: line, reason, then the record's fields (no quoting needed here). */
Status writeSimpleRejects(const QString& path, const QStringList& header, const QList<Import::Reject>& rejects)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return Error::make(Error::Code::Storage, file.errorString());
    }
    file.write((QStringList{QStringLiteral("line"), QStringLiteral("reason")} + header).join(u',').toUtf8() + '\n');
    for (const auto& r : rejects) {
        file.write((QStringList{QString::number(r.line), r.reason} + r.fields).join(u',').toUtf8() + '\n');
    }
    return {};
}

/** Clicks the file dialog's Open or Save button (typing Return would go to the file name's completer first). */
void clickAccept(QFileDialog* files)
{
    auto* buttons = files->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"));
    QVERIFY(buttons);
    QPushButton* accept = buttons->button(QDialogButtonBox::Open);
    if (!accept) {
        accept = buttons->button(QDialogButtonBox::Save);
    }
    QVERIFY(accept);
    QTRY_VERIFY_WITH_TIMEOUT(accept->isEnabled(), kTimeoutMs);
    QTest::mouseClick(accept, Qt::LeftButton);
}

} // namespace

class TestImportGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewShowsEncodingAndMapping();
    void missingColumnDisablesImport();
    void unreadableFileSaysWhy();
    void rejectsSummaryAndSave();
    void allOrNothingRejectsSaysNothingWritten();
    void cancelInProgressWritesNothing();
    void menuEntriesFollowRights();
    void endToEndThroughTheMenu();
    void endToEndCancelWritesNothing();

private:
    /** File ▸ Import cases… by keyboard (Alt+F, C); `files` is the file dialog that opens, or null. */
    void openImportFromMenu(MainWindow& window, QPointer<QFileDialog>& files);
    /** Every table of the desk's database with its number of rows, read on a connection of the test's own. */
    QMap<QString, qint64> tableCounts();
    /**
     * Chooses `path` in the import's file dialog by typing it, as a user does; `dialog` is the import dialog that
     * opens, once its preview is read (null when it did not come).
     */
    void openThroughFileDialog(const ImportJobs& jobs, const QString& path, QPointer<ImportDialog>& dialog);
    /** Clicks Import and waits for the summary page. */
    void importAndWaitForSummary(ImportDialog* dialog);
    QString csvPath(const QString& name);

    Desk m_desk;
    QTemporaryDir m_files;
    std::unique_ptr<QWidget> m_host;
};

void TestImportGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_files.isValid());
    m_host = std::make_unique<QWidget>();
    m_host->resize(1000, 700);
    m_host->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_host.get()));
}

QString TestImportGui::csvPath(const QString& name)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write("case_no,received_at\n");
    }
    return path;
}

void TestImportGui::openThroughFileDialog(const ImportJobs& jobs, const QString& path, QPointer<ImportDialog>& dialog)
{
    dialog = nullptr;
    QPointer<ImportDialog> opened;
    QPointer<QFileDialog> files = ImportDialog::chooseFile(
        m_host.get(), jobs, m_desk.worker(), Import::Kind::Cases, [&opened](ImportDialog* d) { opened = d; },
        QFileInfo(path).absolutePath());
    QVERIFY(files);
    QTRY_VERIFY_WITH_TIMEOUT(files->isVisible(), kTimeoutMs);
    auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    retype(name, QFileInfo(path).fileName());
    clickAccept(files);
    QTRY_VERIFY_WITH_TIMEOUT(opened && opened->isVisible(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!opened->isBusy(), kTimeoutMs);
    dialog = opened;
}

void TestImportGui::importAndWaitForSummary(ImportDialog* dialog)
{
    auto* import = child<QPushButton>(dialog, "importButton");
    QVERIFY(import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    auto* summary = child<QWidget>(dialog, "summaryPage");
    QTRY_VERIFY_WITH_TIMEOUT(summary->isVisible(), kTimeoutMs);
    QVERIFY(!dialog->isBusy());
}

void TestImportGui::previewShowsEncodingAndMapping()
{
    ImportJobs jobs;
    auto asked = std::make_shared<std::pair<QString, int>>();
    jobs.preview = [asked](const WorkerScope&, const QString& path, Import::Kind kind, int rows) {
        asked->first = path;
        asked->second = rows;
        Import::Preview p = casesPreview();
        p.kind = kind;
        return Result<Import::Preview>(p);
    };
    const QString path = csvPath(QStringLiteral("旧系统导出.csv"));
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, path, dialog);
    QVERIFY(dialog);
    QCOMPARE(asked->first, path);
    QCOMPARE(asked->second, ImportDialog::kPreviewRows);

    QCOMPARE(child<QLabel>(dialog, "encodingValueLabel")->text(), QStringLiteral("GB18030"));
    QVERIFY(child<QLabel>(dialog, "fileValueLabel")->text().endsWith(QStringLiteral("旧系统导出.csv")));
    QVERIFY(child<QLabel>(dialog, "recordsValueLabel")->text().startsWith(QStringLiteral("5")));
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("旧系统导出.csv")));

    auto* mapping = child<QTreeWidget>(dialog, "mappingTreeWidget");
    QCOMPARE(mapping->topLevelItemCount(), 5);
    QCOMPARE(mapping->topLevelItem(0)->text(0), QStringLiteral("受理时间"));
    QVERIFY(mapping->topLevelItem(0)->text(1).contains(QStringLiteral("received_at")));
    QCOMPARE(mapping->topLevelItem(1)->text(0), QStringLiteral("案件编号"));
    QVERIFY(mapping->topLevelItem(1)->text(1).contains(QStringLiteral("case_no")));
    QCOMPARE(mapping->topLevelItem(2)->text(0), QStringLiteral("备注"));
    QCOMPARE(mapping->topLevelItem(2)->text(1), ImportDialog::tr("not part of the format: ignored"));

    auto* rows = child<QTableWidget>(dialog, "rowsTableWidget");
    QCOMPARE(rows->rowCount(), 2);
    QCOMPARE(rows->columnCount(), 5);
    QCOMPARE(rows->horizontalHeaderItem(1)->text(), QStringLiteral("案件编号"));
    QCOMPARE(rows->item(0, 0)->text(), QStringLiteral("2026/3/5 9:07"));
    QCOMPARE(rows->item(1, 4)->text(), QStringLiteral("材料清单不清楚"));

    QVERIFY(!child<QLabel>(dialog, "missingColumnsLabel")->isVisible());
    QVERIFY(child<QPushButton>(dialog, "importButton")->isEnabled());
    QVERIFY(!child<QLabel>(dialog, "skipBadHintLabel")->text().isEmpty());
    // Cancel closes the dialog without running anything.
    QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::missingColumnDisablesImport()
{
    auto log = std::make_shared<RunLog>();
    ImportJobs jobs;
    jobs.preview = [](const WorkerScope&, const QString&, Import::Kind, int) {
        Import::Preview p = casesPreview();
        p.columns.removeFirst(); // no 受理时间 / received_at
        for (auto& row : p.firstRows) {
            row.removeFirst();
        }
        p.missingRequired = {QStringLiteral("received_at")};
        return Result<Import::Preview>(p);
    };
    jobs.run = [log](const WorkerScope&, const QString&, const Import::Options&, const ImportJobs::Progress&,
                     const ImportJobs::Cancelled&) {
        ++log->runs;
        return Result<Import::Report>(Import::Report{});
    };
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, csvPath(QStringLiteral("no-received.csv")), dialog);
    QVERIFY(dialog);

    auto* missing = child<QLabel>(dialog, "missingColumnsLabel");
    QVERIFY(missing->isVisible());
    QVERIFY2(missing->text().contains(QStringLiteral("received_at")), qPrintable(missing->text()));
    auto* mapping = child<QTreeWidget>(dialog, "mappingTreeWidget");
    QTreeWidgetItem* last = mapping->topLevelItem(mapping->topLevelItemCount() - 1);
    QVERIFY(last->text(1).contains(QStringLiteral("received_at")));
    QCOMPARE(last->foreground(1).color(), QColor(0xb0, 0x00, 0x20));

    auto* import = child<QPushButton>(dialog, "importButton");
    QVERIFY(!import->isEnabled());
    QTest::mouseClick(import, Qt::LeftButton);
    QTest::keyClick(dialog, Qt::Key_Return);
    QTest::qWait(100);
    QCOMPARE(log->runs.load(), 0);
    QVERIFY(child<QWidget>(dialog, "previewPage")->isVisible());
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::unreadableFileSaysWhy()
{
    const QString why = QStringLiteral("line 3: the bytes are neither UTF-8 nor GB18030.");
    ImportJobs jobs;
    jobs.preview = [why](const WorkerScope&, const QString&, Import::Kind, int) {
        return Result<Import::Preview>(Error::make(Error::Code::Invalid, why));
    };
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, csvPath(QStringLiteral("broken.csv")), dialog);
    QVERIFY(dialog);
    auto* error = child<QLabel>(dialog, "errorLabel");
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), why);
    QVERIFY(!child<QPushButton>(dialog, "importButton")->isEnabled());
    QVERIFY(!dialog->preview());
    QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::rejectsSummaryAndSave()
{
    auto log = std::make_shared<RunLog>();
    ImportJobs jobs;
    jobs.preview = [](const WorkerScope&, const QString&, Import::Kind, int) {
        return Result<Import::Preview>(casesPreview());
    };
    jobs.run = [log](const WorkerScope&, const QString&, const Import::Options& options,
                     const ImportJobs::Progress& progress, const ImportJobs::Cancelled&) {
        ++log->runs;
        log->skipBad = options.skipBad;
        progress(5, 5);
        Import::Report r;
        r.records = 5;
        r.imported = 2;
        r.duplicates = 1;
        r.header = {QStringLiteral("受理时间"), QStringLiteral("案件编号"), QStringLiteral("评价")};
        r.rejects = {reject(3, QStringLiteral("rating: 7 is not between 1 and 5"),
                            {QStringLiteral("2026-03-06 10:30"), QStringLiteral("TS-0002"), QStringLiteral("7")}),
                     reject(6, QStringLiteral("received_at: missing"),
                            {QString(), QStringLiteral("TS-0005"), QStringLiteral("电话")})};
        r.committed = options.skipBad;
        return Result<Import::Report>(r);
    };
    jobs.writeRejects = &writeSimpleRejects;
    const QString path = csvPath(QStringLiteral("cases-with-rejects.csv"));
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, path, dialog);
    QVERIFY(dialog);
    QSignalSpy imported(dialog.data(), &ImportDialog::imported);

    auto* skipBad = child<QCheckBox>(dialog, "skipBadCheckBox");
    QTest::mouseClick(skipBad, Qt::LeftButton, {}, QPoint(8, skipBad->height() / 2)); // on the box itself
    QVERIFY(skipBad->isChecked());
    importAndWaitForSummary(dialog);
    QCOMPARE(log->runs.load(), 1);
    QVERIFY(log->skipBad.load());
    QCOMPARE(imported.count(), 1);

    QCOMPARE(child<QLabel>(dialog, "readValueLabel")->text(), QStringLiteral("5"));
    QCOMPARE(child<QLabel>(dialog, "importedValueLabel")->text(), QStringLiteral("2"));
    QCOMPARE(child<QLabel>(dialog, "duplicatesValueLabel")->text(), QStringLiteral("1"));
    QCOMPARE(child<QLabel>(dialog, "rejectedValueLabel")->text(), QStringLiteral("2"));
    auto* rejects = child<QTreeWidget>(dialog, "rejectsTreeWidget");
    QCOMPARE(rejects->topLevelItemCount(), 2);
    QCOMPARE(rejects->topLevelItem(0)->text(0), QStringLiteral("3"));
    QCOMPARE(rejects->topLevelItem(0)->text(1), QStringLiteral("rating: 7 is not between 1 and 5"));
    QVERIFY(rejects->topLevelItem(0)->text(2).contains(QStringLiteral("TS-0002")));
    QCOMPARE(rejects->topLevelItem(1)->text(0), QStringLiteral("6"));

    // Save rejects…: the file dialog proposes FILE.rejects.csv next to the file; Return saves it there.
    auto* save = child<QPushButton>(dialog, "saveRejectsButton");
    QVERIFY(save->isVisible());
    QTest::mouseClick(save, Qt::LeftButton);
    QPointer<QFileDialog> files;
    QTRY_VERIFY_WITH_TIMEOUT((files = dialog->findChild<QFileDialog*>(QStringLiteral("rejectsFileDialog"))) &&
                                 files->isVisible(),
                             kTimeoutMs);
    auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QCOMPARE(name->text(), QStringLiteral("cases-with-rejects.csv.rejects.csv"));
    clickAccept(files);
    const QString saved = ImportDialog::defaultRejectsPath(path);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(saved), kTimeoutMs);
    QFile file(saved);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    // Under the file's own header (the summary's report carries it), so the fixed rows can be imported again.
    QVERIFY2(text.startsWith(QStringLiteral("line,reason,受理时间,案件编号,评价\n"
                                            "3,rating: 7 is not between 1 and 5,2026-03-06 10:30,TS-0002,7\n")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("\n6,received_at: missing,,TS-0005,电话\n")));
    auto* savedLabel = child<QLabel>(dialog, "savedLabel");
    QTRY_VERIFY_WITH_TIMEOUT(savedLabel->isVisible(), kTimeoutMs);
    QVERIFY(savedLabel->text().contains(QDir::toNativeSeparators(saved)));

    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::allOrNothingRejectsSaysNothingWritten()
{
    ImportJobs jobs;
    jobs.preview = [](const WorkerScope&, const QString&, Import::Kind, int) {
        return Result<Import::Preview>(casesPreview());
    };
    jobs.run = [](const WorkerScope&, const QString&, const Import::Options& options, const ImportJobs::Progress&,
                  const ImportJobs::Cancelled&) {
        Import::Report r;
        r.records = 5;
        r.rejects = {reject(4, QStringLiteral("channel: 传真 is not a channel"), {QStringLiteral("传真")})};
        r.committed = options.skipBad;
        r.imported = options.skipBad ? 4 : 0;
        return Result<Import::Report>(r);
    };
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, csvPath(QStringLiteral("all-or-nothing.csv")), dialog);
    QVERIFY(dialog);
    QSignalSpy imported(dialog.data(), &ImportDialog::imported);
    QVERIFY(!child<QCheckBox>(dialog, "skipBadCheckBox")->isChecked());
    importAndWaitForSummary(dialog);
    QCOMPARE(imported.count(), 0);
    const QString outcome = child<QLabel>(dialog, "outcomeLabel")->text();
    QVERIFY2(outcome.contains(QStringLiteral("Nothing was written")), qPrintable(outcome));
    QVERIFY(outcome.contains(QStringLiteral("Skip bad rows")));
    QCOMPARE(child<QLabel>(dialog, "importedValueLabel")->text(), QStringLiteral("0"));
    QCOMPARE(child<QTreeWidget>(dialog, "rejectsTreeWidget")->topLevelItemCount(), 1);

    // "Import the good rows" runs the same file again, skipping the bad ones.
    auto* goodRows = child<QPushButton>(dialog, "importGoodRowsButton");
    QVERIFY(goodRows->isVisible());
    QTest::mouseClick(goodRows, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(imported.count(), 1, kTimeoutMs);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(child<QLabel>(dialog, "importedValueLabel")->text(), QStringLiteral("4"));
    QVERIFY(!goodRows->isVisible());
    QVERIFY(child<QLabel>(dialog, "outcomeLabel")->text().contains(QStringLiteral("import is done")));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::cancelInProgressWritesNothing()
{
    // A run of 400 steps of 10 ms that reports progress and stops when asked, as ImportService does (rolling back).
    auto log = std::make_shared<RunLog>();
    ImportJobs jobs;
    jobs.preview = [](const WorkerScope&, const QString&, Import::Kind, int) {
        Import::Preview p = casesPreview();
        p.dataLines = 400;
        return Result<Import::Preview>(p);
    };
    jobs.run = [log](const WorkerScope&, const QString&, const Import::Options&, const ImportJobs::Progress& progress,
                     const ImportJobs::Cancelled& cancelled) {
        ++log->runs;
        Import::Report r;
        for (int i = 1; i <= 400; ++i) {
            if (cancelled()) {
                log->sawCancel = true;
                r.cancelled = true;
                return Result<Import::Report>(r);
            }
            QThread::msleep(10);
            ++log->steps;
            r.records = i;
            progress(i, 400);
        }
        r.imported = r.records;
        r.committed = true;
        return Result<Import::Report>(r);
    };
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, csvPath(QStringLiteral("long.csv")), dialog);
    QVERIFY(dialog);
    QSignalSpy imported(dialog.data(), &ImportDialog::imported);
    QTest::mouseClick(child<QPushButton>(dialog, "importButton"), Qt::LeftButton);

    QPointer<ImportProgressDialog> progress;
    QTRY_VERIFY_WITH_TIMEOUT((progress = dialog->progressDialog()) && progress->isVisible(), kTimeoutMs);
    QVERIFY(dialog->isBusy());
    auto* bar = child<QProgressBar>(progress, "progressBar");
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() > 0, kTimeoutMs); // fed from the worker's progress callback
    QVERIFY(child<QLabel>(progress, "messageLabel")->text().contains(QStringLiteral("400")));
    // While it runs, the import dialog does not close.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(dialog->isVisible());

    QTest::mouseClick(child<QPushButton>(progress, "cancelButton"), Qt::LeftButton);
    QVERIFY(progress->isCancelling());
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(dialog, "summaryPage")->isVisible(), kTimeoutMs);
    QVERIFY(log->sawCancel.load());
    QVERIFY(log->steps.load() < 400);
    QTRY_VERIFY_WITH_TIMEOUT(progress.isNull() || !progress->isVisible(), kTimeoutMs);
    QCOMPARE(imported.count(), 0);
    QVERIFY(dialog->report() && dialog->report()->cancelled);
    const QString outcome = child<QLabel>(dialog, "outcomeLabel")->text();
    QVERIFY2(outcome.contains(QStringLiteral("cancelled")) && outcome.contains(QStringLiteral("Nothing was written")),
             qPrintable(outcome));
    QVERIFY(!child<QPushButton>(dialog, "saveRejectsButton")->isVisible());
    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::menuEntriesFollowRights()
{
    // The entries are there exactly for the sessions ImportService lets import: supervisors, admins (and the CLI's
    // session), never clerks.
    const QString password = QStringLiteral("Import-pass-2025");
    QList<Session> sessions{Session::commandLine()};
    for (const auto& [login, role] :
         {std::pair{QStringLiteral("clerk"), Role::Clerk}, std::pair{QStringLiteral("chief"), Role::Supervisor},
          std::pair{QStringLiteral("admin"), Role::Admin}}) {
        const auto session = m_desk.addUser(login, role, login, password);
        QVERIFY(session);
        sessions.append(*session);
    }
    for (const Session& session : sessions) {
        auto window = m_desk.showWindow(session);
        QVERIFY(window);
        auto* cases = window->findChild<QAction*>(QStringLiteral("actionImportCases"));
        auto* queue = window->findChild<QAction*>(QStringLiteral("actionImportQueue"));
        QVERIFY(cases && queue);
        const bool expected = session.role() != Role::Clerk;
        QCOMPARE(ImportJobs::allowed(session), expected);
        QCOMPARE(cases->isVisible(), expected);
        QCOMPARE(queue->isVisible(), expected);
    }
    QVERIFY(ImportJobs::allowed(Session::commandLine()));

    // File ▸ Import cases… by keyboard opens the file dialog for CSV files.
    auto window = m_desk.showWindow(Session::commandLine());
    QVERIFY(window);
    QPointer<QFileDialog> files;
    openImportFromMenu(*window, files);
    QVERIFY(files);
    QVERIFY(files->nameFilters().first().contains(QStringLiteral("*.csv")));
    QTest::keyClick(files, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(files.isNull() || !files->isVisible(), kTimeoutMs);
}

void TestImportGui::openImportFromMenu(MainWindow& window, QPointer<QFileDialog>& files)
{
    files = nullptr;
    QTest::keyClick(&window, Qt::Key_F, Qt::AltModifier);
    QPointer<QMenu> menu = window.findChild<QMenu*>(QStringLiteral("menuFile"));
    QVERIFY(menu);
    QTRY_VERIFY_WITH_TIMEOUT(menu->isVisible(), kTimeoutMs);
    QTest::keyClick(menu, Qt::Key_C);
    QPointer<QFileDialog> opened;
    QTRY_VERIFY_WITH_TIMEOUT((opened = window.findChild<QFileDialog*>(QStringLiteral("importFileDialog"))) &&
                                 opened->isVisible(),
                             kTimeoutMs);
    files = opened;
}

QMap<QString, qint64> TestImportGui::tableCounts()
{
    QMap<QString, qint64> counts;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("counts"));
        db.setDatabaseName(m_desk.location().sqlitePath);
        if (!db.open()) {
            return counts;
        }
        QStringList tables;
        QSqlQuery names(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                           "AND sql NOT LIKE 'CREATE VIRTUAL%'"),
            db);
        while (names.next()) {
            tables.append(names.value(0).toString());
        }
        for (const QString& table : tables) {
            QSqlQuery count(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table), db);
            counts.insert(table, count.next() ? count.value(0).toLongLong() : -1);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("counts"));
    return counts;
}

void TestImportGui::endToEndThroughTheMenu()
{
    // A spreadsheet export: UTF-8 with BOM, CRLF, Chinese headers in another order, an extra column, one bad row.
    const QString path = m_files.filePath(QStringLiteral("2024年投诉台账.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("\uFEFF受理时间,案件编号,渠道,窗口,事项,类别,摘要,满意度,备注\r\n"
                                  "2024/3/5 9:07,LS-0001,电话,3号窗口,社保转移,服务态度,排队一个多小时,4,\r\n"
                                  "2024-03-06 10:30,LS-0002,window,3号窗口,社保转移,办理时限,说好三天出结果,,老系统\r\n"
                                  "2024-03-07 14:00,LS-0003,传真,2号窗口,营业执照变更,其他,材料要求不清楚,,\r\n"
                                  "2024-03-08 08:45,LS-0004,网上,,公积金提取,系统故障,网上提交一直失败,2,\r\n")
                       .toUtf8());
    }
    auto window = m_desk.showWindow(Session::commandLine());
    QVERIFY(window);
    QVERIFY(window->caseWorkspace());
    CaseListWidget* list = window->caseWorkspace()->listWidget();
    QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading(), kTimeoutMs);
    const int listedBefore = list->model()->rowCount();
    const auto before = tableCounts();
    QVERIFY(before.contains(QStringLiteral("cases")));

    // File ▸ Import cases…, the file's path pasted into the file dialog, Open.
    QPointer<QFileDialog> files;
    openImportFromMenu(*window, files);
    QVERIFY(files);
    auto* name = files->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    QGuiApplication::clipboard()->setText(path);
    name->setFocus();
    QTest::keyClick(name, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(name, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(name->text().endsWith(QFileInfo(path).fileName())); // the dialog goes to the folder, keeps the name
    clickAccept(files);
    QPointer<ImportDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = window->findChild<ImportDialog*>(QStringLiteral("importDialog"))) &&
                                 dialog->isVisible() && !dialog->isBusy(),
                             kTimeoutMs);

    // The preview, read by the real service.
    QCOMPARE(child<QLabel>(dialog, "encodingValueLabel")->text(), Import::encodingName(Import::Encoding::Utf8Bom));
    QVERIFY(child<QLabel>(dialog, "recordsValueLabel")->text().startsWith(QStringLiteral("4")));
    auto* mapping = child<QTreeWidget>(dialog, "mappingTreeWidget");
    QCOMPARE(mapping->topLevelItemCount(), 9);
    QVERIFY(mapping->topLevelItem(0)->text(1).contains(QStringLiteral("received_at")));
    QCOMPARE(mapping->topLevelItem(8)->text(0), QStringLiteral("备注"));
    QCOMPARE(mapping->topLevelItem(8)->text(1), ImportDialog::tr("not part of the format: ignored"));
    QCOMPARE(child<QTableWidget>(dialog, "rowsTableWidget")->rowCount(), 4);
    QVERIFY(!child<QLabel>(dialog, "missingColumnsLabel")->isVisible());

    // All or nothing: line 4 (传真) is rejected and nothing is written.
    importAndWaitForSummary(dialog);
    QVERIFY(dialog->report() && !dialog->report()->committed);
    QCOMPARE(dialog->report()->rejects.size(), 1);
    auto* rejects = child<QTreeWidget>(dialog, "rejectsTreeWidget");
    QCOMPARE(rejects->topLevelItem(0)->text(0), QStringLiteral("4"));
    QVERIFY2(rejects->topLevelItem(0)->text(1).contains(QStringLiteral("传真")),
             qPrintable(rejects->topLevelItem(0)->text(1)));
    QCOMPARE(tableCounts(), before);

    // "Import the good rows": three cases written, the case list shows them.
    QTest::mouseClick(child<QPushButton>(dialog, "importGoodRowsButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->report() && dialog->report()->committed && !dialog->isBusy(), kTimeoutMs);
    QCOMPARE(dialog->report()->imported, 3);
    QCOMPARE(child<QLabel>(dialog, "importedValueLabel")->text(), QStringLiteral("3"));
    const auto after = tableCounts();
    QCOMPARE(after.value(QStringLiteral("cases")), before.value(QStringLiteral("cases")) + 3);
    QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), listedBefore + 3, kTimeoutMs);

    // Save rejects… writes FILE.rejects.csv through the real ImportService::writeRejects.
    QTest::mouseClick(child<QPushButton>(dialog, "saveRejectsButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((files = dialog->findChild<QFileDialog*>(QStringLiteral("rejectsFileDialog"))) &&
                                 files->isVisible(),
                             kTimeoutMs);
    clickAccept(files);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(ImportDialog::defaultRejectsPath(path)), kTimeoutMs);
    QFile saved(ImportDialog::defaultRejectsPath(path));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    const QString savedText = QString::fromUtf8(saved.readAll());
    QVERIFY2(savedText.contains(QStringLiteral("LS-0003")) && savedText.contains(QStringLiteral("传真")),
             qPrintable(savedText));

    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

void TestImportGui::endToEndCancelWritesNothing()
{
    // 5,000 rows: the real run writes them in chunks, reporting progress after each. The first report waits until
    // the user has pressed Cancel, so that Cancel always comes while rows are written but not committed.
    const QString path = m_files.filePath(QStringLiteral("big.csv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("case_no,received_at,channel,summary\n");
        for (int i = 1; i <= 5000; ++i) {
            file.write(QStringLiteral("BIG-%1,2024-05-%2 09:30,phone,等了很久\n")
                           .arg(i, 5, 10, QLatin1Char('0'))
                           .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                           .toUtf8());
        }
    }
    const auto before = tableCounts();
    ImportJobs jobs = ImportJobs::service(Session::commandLine());
    auto realRun = jobs.run;
    auto reports = std::make_shared<std::atomic<int>>(0);
    jobs.run = [realRun, reports](const WorkerScope& scope, const QString& file, const Import::Options& options,
                                  const ImportJobs::Progress& progress, const ImportJobs::Cancelled& cancelled) {
        auto held = [progress, cancelled, reports](qint64 done, qint64 total) {
            progress(done, total);
            if (++*reports == 1) {
                for (int waited = 0; waited < 10000 && !cancelled(); waited += 5) {
                    QThread::msleep(5);
                }
            }
        };
        return realRun(scope, file, options, held, cancelled);
    };
    QPointer<ImportDialog> dialog;
    openThroughFileDialog(jobs, path, dialog);
    QVERIFY(dialog);
    QCOMPARE(child<QLabel>(dialog, "encodingValueLabel")->text(), Import::encodingName(Import::Encoding::Utf8));
    QSignalSpy imported(dialog.data(), &ImportDialog::imported);
    QTest::mouseClick(child<QPushButton>(dialog, "importButton"), Qt::LeftButton);
    QPointer<ImportProgressDialog> progress;
    QTRY_VERIFY_WITH_TIMEOUT((progress = dialog->progressDialog()) && progress->isVisible(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(reports->load() >= 1, kTimeoutMs);
    QTest::mouseClick(child<QPushButton>(progress, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>(dialog, "summaryPage")->isVisible(), 30000);
    QVERIFY(dialog->report());
    QVERIFY(dialog->report()->cancelled);
    QVERIFY(!dialog->report()->committed);
    QCOMPARE(imported.count(), 0);
    QCOMPARE(tableCounts(), before);
    QTest::mouseClick(child<QPushButton>(dialog, "closeButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
}

QTEST_MAIN(TestImportGui)
#include "tst_import_gui.moc"
