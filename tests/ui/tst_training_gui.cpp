// The trainer's library (issue 15, helper "train15") driven through the real widgets: a trainer logs in, opens the
// Training page, opens "New from closed cases…", filters the anonymized candidates by outcome, picks one with the
// keyboard, builds it, edits a model answer (a known name typed back is refused in the dialog, nothing lost), saves;
// the stored training case matches. Export and import through the library, and a file that cannot be read.
// train15c: the library's filters (category, part of the title, debounced), the build dialog's closed dates, and
// deleting a case with the Delete key and the question answered by a key.

#include "GuiTestSupport.h"
#include "audit/AuditEntry.h"
#include "repositories/AuditRepository.h"
#include "repositories/CaseRepository.h"
#include "repositories/TrainingRepository.h"
#include "services/TrainingService.h"
#include "training/BuildTrainingCaseDialog.h"
#include "training/TrainingCaseDialog.h"
#include "training/TrainingLibraryWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
const QString kCitizen = QStringLiteral(u"刘德明");

/** The dialog of the type that is shown, once `ready` holds for it. */
template <typename T> T* shown(const std::function<bool(T*)>& ready)
{
    T* dialog = nullptr;
    const bool appeared = QTest::qWaitFor(
        [&] {
            dialog = findWindow<T>();
            return dialog && ready(dialog);
        },
        kTimeoutMs);
    return appeared ? dialog : nullptr;
}
} // namespace

class TestTrainingGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildEditAndSave();
    void exportAndImport();
    void filterTheLibrary();
    void deleteWithTheKeyboard();
    void buildDialogClosedDates();

private:
    /** A closed case of the citizen; closed two days after it came in a week ago, unless `closedAt` is given. */
    qint64 addClosedCase(Reasonableness outcome, int rating, const QString& text, const QDateTime& closedAt = {});
    qint64 addTrainingCase(const QString& title, const QString& category);
    /** The trainer's window on the Training page with the library loaded; nullptr if it did not come up. */
    TrainingLibraryWidget* openLibrary(std::unique_ptr<MainWindow>& window);

    Desk m_desk;
    std::optional<Session> m_trainer;
};

void TestTrainingGui::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_desk.addUser(QStringLiteral("zhaolaoshi"), Role::Trainer, QStringLiteral(u"赵老师"), kPassword));
    QVERIFY(m_desk.addUser(QStringLiteral("chenjing"), Role::Clerk, QStringLiteral(u"陈静"), kPassword));
    QVERIFY(addClosedCase(Reasonableness::Unreasonable, 5, QStringLiteral(u"材料不全还怪窗口")) != 0);
    QVERIFY(addClosedCase(Reasonableness::Reasonable, 2,
                          QStringLiteral(u"我叫刘德明，电话13612345678，窗口陈静让我白跑三趟。")) != 0);
    m_trainer = m_desk.logIn(QStringLiteral("zhaolaoshi"), kPassword);
    QVERIFY(m_trainer);
}

qint64 TestTrainingGui::addClosedCase(Reasonableness outcome, int rating, const QString& text,
                                      const QDateTime& closedAt)
{
    const Repositories repos = m_desk.repos();
    Citizen citizen;
    citizen.name = kCitizen;
    citizen.phone = QStringLiteral("13612345678");
    const auto citizenId = repos.cases->insertCitizen(citizen);
    if (!citizenId) {
        return 0;
    }
    const QDateTime received = m_desk.clock().now().addDays(-7);
    Case c;
    c.receivedAt = received;
    c.caseNo = *repos.cases->allocateCaseNo(received.date());
    c.status = CaseStatus::Closed;
    c.createdBy = {0, QStringLiteral("cli")};
    c.citizenId = *citizenId;
    c.complaintText = text;
    c.facts = QStringLiteral(u"窗口要求补交材料");
    c.impact = QStringLiteral(u"刘德明多跑了三趟");
    c.steps = QStringLiteral(u"当日加急办理");
    c.updatedAt = received;
    c.rating = rating;
    c.intake.emotion = EmotionLevel::Dissatisfied;
    c.intake.impact.reasonableness = outcome;
    c.intake.steps.replyText = QStringLiteral(u"刘先生，让您多跑了几趟，非常抱歉。今天就给您加急办。");
    c.acknowledgedAt = received.addSecs(600);
    c.resolvedAt = received.addSecs(3600);
    c.closedAt = closedAt.isValid() ? closedAt : received.addDays(2);
    const auto id = repos.cases->insert(c);
    return id ? *id : 0;
}

void TestTrainingGui::buildEditAndSave()
{
    auto window = m_desk.showWindow(*m_trainer);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::Training));
    TrainingLibraryWidget* library = window->trainingLibrary();
    QVERIFY(library);
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading(), kTimeoutMs);
    QCOMPARE(library->table()->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>(library, "newTrainingButton"), Qt::LeftButton);
    QPointer<BuildTrainingCaseDialog> build =
        shown<BuildTrainingCaseDialog>([](BuildTrainingCaseDialog* d) { return !d->isBusy(); });
    QVERIFY(build);
    QTRY_COMPARE_WITH_TIMEOUT(build->candidates().size(), 2, kTimeoutMs);

    // Filter by outcome with the keyboard: the first outcome after "any" is 合理 (reasonable).
    auto* outcome = child<QComboBox>(build, "outcomeComboBox");
    outcome->setFocus();
    QTest::keyClick(outcome, Qt::Key_Down);
    QCOMPARE(outcome->currentData().toString(), QStringLiteral("reasonable"));
    QTest::mouseClick(child<QPushButton>(build, "searchButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(build->candidates().size(), 1, kTimeoutMs);
    QTRY_VERIFY(!build->isBusy());
    const TrainingCandidate candidate = build->candidates().first();
    QCOMPARE(candidate.outcome, QStringLiteral("reasonable"));
    // The trainer sees the complaint anonymized only.
    const QString preview = build->table()->item(0, BuildTrainingCaseDialog::Preview)->text();
    QVERIFY2(!preview.contains(kCitizen) && !preview.contains(QStringLiteral("13612345678")) &&
                 !preview.contains(QStringLiteral(u"陈静")),
             qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral(u"白跑")));

    // Pick it by keys, then Build.
    QTableWidget* table = build->table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_End);
    QTest::keyClick(table, Qt::Key_Home);
    QCOMPARE(table->currentRow(), 0);
    QTest::mouseClick(child<QPushButton>(build, "buildButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!build, kTimeoutMs); // closed once built

    QPointer<TrainingCaseDialog> dialog =
        shown<TrainingCaseDialog>([](TrainingCaseDialog* d) { return !d->isBusy() && d->trainingCase().id != 0; });
    QVERIFY(dialog);
    const TrainingCase built = dialog->trainingCase();
    QCOMPARE(built.stages.size(), 4);
    QPlainTextEdit* answer = dialog->modelAnswerEdit(DrillStage::Listen);
    QVERIFY(answer->isVisible());
    QVERIFY(!answer->toPlainText().isEmpty()); // prefilled from the clerk's reply
    QVERIFY(!answer->toPlainText().contains(kCitizen));

    // A known name typed back is refused in the dialog; the text stays.
    answer->setFocus();
    QTest::keyClick(answer, Qt::Key_A, Qt::ControlModifier);
    typeText(answer, QStringLiteral(u"刘德明先生，您先别急。"));
    auto* save = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Save);
    QTest::mouseClick(save, Qt::LeftButton);
    auto* error = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && !dialog->isBusy(), kTimeoutMs);
    QVERIFY2(error->text().contains(QStringLiteral("model answer")), qPrintable(error->text()));
    QVERIFY(!error->text().contains(kCitizen));
    QVERIFY(dialog->isVisible());
    QCOMPARE(answer->toPlainText(), QStringLiteral(u"刘德明先生，您先别急。"));

    // A good answer saves.
    const QString model = QStringLiteral(u"您先别急，让您白跑了三趟，确实是我们的问题。");
    QTest::keyClick(answer, Qt::Key_A, Qt::ControlModifier);
    typeText(answer, model);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(library->table()->rowCount(), 1, kTimeoutMs);

    const auto stored = TrainingService(*m_trainer, m_desk.repos(), m_desk.clock()).find(built.id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->version, built.version + 1);
    QCOMPARE(stored->stage(DrillStage::Listen)->modelAnswer, model);
    QCOMPARE(stored->stage(DrillStage::Facts)->modelAnswer, built.stage(DrillStage::Facts)->modelAnswer);
    QCOMPARE(stored->outcome, QStringLiteral("reasonable"));
    QVERIFY(!stored->complaintText.contains(kCitizen));
    QVERIFY(!stored->complaintText.contains(QStringLiteral("13612345678")));
    QCOMPARE(library->items().first().title, stored->title);
    QCOMPARE(library->items().first().stageCount, 4);
}

void TestTrainingGui::exportAndImport()
{
    auto window = m_desk.showWindow(*m_trainer);
    QVERIFY(window);
    QVERIFY(openPage(*window, MainWindow::Page::Training));
    TrainingLibraryWidget* library = window->trainingLibrary();
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && library->table()->rowCount() == 1, kTimeoutMs);
    QTableWidget* table = library->table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home);
    QCOMPARE(library->selectedIds().size(), 1);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("set.json"));
    QSignalSpy done(library, &TrainingLibraryWidget::fileDone);
    library->exportTo(path, library->selectedIds());
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, kTimeoutMs);
    QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
    QVERIFY(QFileInfo(path).size() > 100);

    library->importFrom(path);
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, kTimeoutMs);
    QVERIFY2(done.at(1).at(0).toBool(), qPrintable(done.at(1).at(1).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(library->table()->rowCount(), 2, kTimeoutMs);

    library->importFrom(dir.filePath(QStringLiteral("missing.json")));
    QCOMPARE(done.size(), 3);
    QVERIFY(!done.at(2).at(0).toBool());
    QVERIFY(done.at(2).at(1).toString().contains(QStringLiteral("cannot be read")));
    QVERIFY(child<QLabel>(library, "errorLabel")->isVisible());
}

qint64 TestTrainingGui::addTrainingCase(const QString& title, const QString& category)
{
    TrainingCase t;
    t.title = title;
    t.category = category;
    t.createdAt = m_desk.clock().now();
    t.updatedAt = t.createdAt;
    t.createdBy = {m_trainer->userId(), m_trainer->login()};
    t.version = 1;
    for (DrillStage stage : DrillCodes::stages()) {
        t.stages << TrainingStage{stage, QStringLiteral(u"市民甲说的话"), QStringLiteral("calm"), QString()};
    }
    const auto id = m_desk.repos().training->insert(t, 0);
    return id ? *id : 0;
}

TrainingLibraryWidget* TestTrainingGui::openLibrary(std::unique_ptr<MainWindow>& window)
{
    window = m_desk.showWindow(*m_trainer);
    if (!window || !openPage(*window, MainWindow::Page::Training)) {
        return nullptr;
    }
    TrainingLibraryWidget* library = window->trainingLibrary();
    if (!library ||
        !QTest::qWaitFor([&] { return !library->isLoading() && library->listRequests() > 0; }, kTimeoutMs)) {
        return nullptr;
    }
    return library;
}

void TestTrainingGui::filterTheLibrary()
{
    QVERIFY(addTrainingCase(QStringLiteral(u"练习：排队过久"), QStringLiteral(u"排队等候")) != 0);
    QVERIFY(addTrainingCase(QStringLiteral(u"练习：收费争议"), QStringLiteral(u"收费问题")) != 0);
    std::unique_ptr<MainWindow> window;
    TrainingLibraryWidget* library = openLibrary(window);
    QVERIFY(library);
    QTableWidget* table = library->table();
    QCOMPARE(table->rowCount(), 4); // two built and imported before, two added here

    // The category filter offers "all" and the categories the library holds.
    auto* category = child<QComboBox>(library, "categoryFilterComboBox");
    QVERIFY(category && category->isVisible());
    QCOMPARE(category->currentIndex(), 0);
    QStringList offered;
    for (int i = 1; i < category->count(); ++i) {
        offered << category->itemText(i);
    }
    QVERIFY2(offered.contains(QStringLiteral(u"排队等候")) && offered.contains(QStringLiteral(u"收费问题")),
             qPrintable(offered.join(QLatin1Char(','))));
    QCOMPARE(offered.size(), int(QSet<QString>(offered.begin(), offered.end()).size()));

    // Choose 收费问题 with the arrow keys: the list reads at once.
    category->setFocus();
    const int wanted = category->findText(QStringLiteral(u"收费问题"));
    for (int i = 0; i < wanted; ++i) {
        QTest::keyClick(category, Qt::Key_Down);
    }
    QCOMPARE(category->currentText(), QStringLiteral(u"收费问题"));
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && table->rowCount() == 1, kTimeoutMs);
    QCOMPARE(table->item(0, TrainingLibraryWidget::Title)->text(), QStringLiteral(u"练习：收费争议"));
    QCOMPARE(library->items().first().category, QStringLiteral(u"收费问题"));
    QTest::keyClick(category, Qt::Key_Home);
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && table->rowCount() == 4, kTimeoutMs);

    // Typing part of the title reads once, after a pause, not per key.
    auto* text = child<QLineEdit>(library, "titleFilterLineEdit");
    QVERIFY(text);
    const int before = library->listRequests();
    text->setFocus();
    typeText(text, QStringLiteral(u"排队过久"));
    QCOMPARE(library->listRequests(), before); // nothing read while typing
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && table->rowCount() == 1, kTimeoutMs);
    QCOMPARE(library->listRequests(), before + 1);
    QCOMPARE(table->item(0, TrainingLibraryWidget::Title)->text(), QStringLiteral(u"练习：排队过久"));
    QCOMPARE(library->filter().text, QStringLiteral(u"排队过久"));

    // Two requests in a row (Enter reads at once): only the latest one's rows are shown.
    retype(text, QStringLiteral(u"收费"));
    QTest::keyClick(text, Qt::Key_Return);
    retype(text, QStringLiteral(u"练习"));
    QTest::keyClick(text, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && table->rowCount() == 2, kTimeoutMs);
    QTest::qWait(TrainingLibraryWidget::kFilterDelayMs + 100); // the typing's timer is stopped by Enter
    QCOMPARE(table->rowCount(), 2);
    for (const TrainingSummary& s : library->items()) {
        QVERIFY2(s.title.contains(QStringLiteral(u"练习")), qPrintable(s.title));
    }

    // Nothing matches: the table is empty and the line under it says why.
    retype(text, QStringLiteral(u"没有这样的标题"));
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && table->rowCount() == 0, kTimeoutMs);
    QCOMPARE(child<QLabel>(library, "summaryLabel")->text(), QStringLiteral("No training case matches the filter."));
}

void TestTrainingGui::deleteWithTheKeyboard()
{
    std::unique_ptr<MainWindow> window;
    TrainingLibraryWidget* library = openLibrary(window);
    QVERIFY(library);
    QTableWidget* table = library->table();
    const int rows = table->rowCount();
    QVERIFY(rows >= 2);
    const QString target = QStringLiteral(u"练习：收费争议");

    // Walk to the row with the arrow keys.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Home);
    for (int i = 0; i < rows && table->item(table->currentRow(), TrainingLibraryWidget::Title)->text() != target; ++i) {
        QTest::keyClick(table, Qt::Key_Down);
    }
    QCOMPARE(table->item(table->currentRow(), TrainingLibraryWidget::Title)->text(), target);
    QCOMPARE(library->selectedIds().size(), 1);
    const qint64 id = library->selectedIds().first();

    // Delete asks first; Escape says no and nothing goes.
    QTest::keyClick(table, Qt::Key_Delete);
    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QCOMPARE(box->objectName(), QStringLiteral("deleteTrainingMessageBox"));
    QTest::keyClick(box, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!findWindow<QMessageBox>(), kTimeoutMs);
    QTest::qWait(200);
    QVERIFY(!library->isLoading());
    QCOMPARE(table->rowCount(), rows);
    TrainingService service(*m_trainer, m_desk.repos(), m_desk.clock());
    QVERIFY(service.find(id).ok());

    // Delete again and answer Yes with its key: the row is gone, the service finds nothing, the audit log has it.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Delete);
    QTRY_VERIFY_WITH_TIMEOUT((box = findWindow<QMessageBox>()) != nullptr, kTimeoutMs);
    QTest::keyClick(box, Qt::Key_Y);
    QTRY_VERIFY_WITH_TIMEOUT(!library->isLoading() && table->rowCount() == rows - 1, kTimeoutMs);
    for (int row = 0; row < table->rowCount(); ++row) {
        QVERIFY(table->item(row, TrainingLibraryWidget::Title)->data(Qt::UserRole).toLongLong() != id);
    }
    const auto gone = service.find(id);
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, Error::Code::NotFound);
    const auto latest = m_desk.repos().audit->latest(20);
    QVERIFY(latest.ok());
    const auto entry = std::find_if(latest->cbegin(), latest->cend(), [id](const AuditEntry& e) {
        return e.action == QLatin1String("training.delete") && e.entityId == id;
    });
    QVERIFY(entry != latest->cend());
    QCOMPARE(entry->actor, m_trainer->login());
    QVERIFY(entry->detail.contains(target));
    // The gone case's category leaves the filter with it.
    auto* category = child<QComboBox>(library, "categoryFilterComboBox");
    QCOMPARE(category->findText(QStringLiteral(u"收费问题")), -1);
}

void TestTrainingGui::buildDialogClosedDates()
{
    // Closed cases from addClosedCase were closed on 2025-05-28 (a week before the desk's clock, plus two days).
    const qint64 older = addClosedCase(Reasonableness::Reasonable, 4, QStringLiteral(u"上个月的投诉，等了很久"),
                                       QDateTime(QDate(2025, 4, 15), QTime(16, 0)));
    QVERIFY(older != 0);

    std::unique_ptr<MainWindow> window;
    TrainingLibraryWidget* library = openLibrary(window);
    QVERIFY(library);
    QTest::mouseClick(child<QPushButton>(library, "newTrainingButton"), Qt::LeftButton);
    QPointer<BuildTrainingCaseDialog> build =
        shown<BuildTrainingCaseDialog>([](BuildTrainingCaseDialog* d) { return !d->isBusy(); });
    QVERIFY(build);
    QTRY_COMPARE_WITH_TIMEOUT(build->candidates().size(), 3, kTimeoutMs);
    auto* fromBox = child<QCheckBox>(build, "closedFromCheckBox");
    auto* fromEdit = child<QDateEdit>(build, "closedFromDateEdit");
    auto* toBox = child<QCheckBox>(build, "closedToCheckBox");
    auto* toEdit = child<QDateEdit>(build, "closedToDateEdit");
    QVERIFY(fromBox && fromEdit && toBox && toEdit);
    // Both open at first: the dates wait, disabled, at the listed cases' range.
    QVERIFY(!fromBox->isChecked() && !fromEdit->isEnabled() && !toBox->isChecked() && !toEdit->isEnabled());
    QCOMPARE(fromEdit->date(), QDate(2025, 4, 15));
    QCOMPARE(toEdit->date(), QDate(2025, 5, 28));
    QVERIFY(!build->filter().closedFrom.isValid() && !build->filter().closedTo.isValid());

    // "Closed to" ticked with the space bar, the month stepped back with the arrow key: only the April case.
    toBox->setFocus();
    QTest::keyClick(toBox, Qt::Key_Space);
    QVERIFY(toEdit->isEnabled());
    toEdit->setFocus();
    QTest::keyClick(toEdit, Qt::Key_Home); // the cursor before the year of "yyyy-MM-dd"
    for (int i = 0; i < 6; ++i) {
        QTest::keyClick(toEdit, Qt::Key_Right); // the arrow keys move the cursor a character at a time: into the month
    }
    QTest::keyClick(toEdit, Qt::Key_Down);
    QCOMPARE(toEdit->date(), QDate(2025, 4, 28));
    QTest::mouseClick(child<QPushButton>(build, "searchButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!build->isBusy() && build->candidates().size() == 1, kTimeoutMs);
    QCOMPARE(build->candidates().first().caseId, older);
    QCOMPARE(build->filter().closedTo, QDate(2025, 4, 28));

    // "Closed from" after "closed to": refused in words, nothing listed from a wrong range.
    QTest::keyClick(fromBox, Qt::Key_Space);
    fromEdit->setDate(QDate(2025, 5, 1));
    QVERIFY(fromBox->isChecked());
    QTest::mouseClick(child<QPushButton>(build, "searchButton"), Qt::LeftButton);
    auto* error = child<QLabel>(build, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(!build->isBusy() && error->isVisible(), kTimeoutMs);
    QVERIFY2(error->text().contains(QStringLiteral("closed-from")), qPrintable(error->text()));

    // "Closed to" left open again: the two cases closed on or after 2025-05-01.
    QTest::keyClick(toBox, Qt::Key_Space);
    QVERIFY(!toEdit->isEnabled());
    QTest::mouseClick(child<QPushButton>(build, "searchButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!build->isBusy() && build->candidates().size() == 2, kTimeoutMs);
    QVERIFY(!error->isVisible());
    for (const TrainingCandidate& c : build->candidates()) {
        QVERIFY(c.closedAt.date() >= QDate(2025, 5, 1));
    }
    build->reject();
}

QTEST_MAIN(TestTrainingGui)
#include "tst_training_gui.moc"
