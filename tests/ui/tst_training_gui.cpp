// The trainer's library (issue 15, helper "train15") driven through the real widgets: a trainer logs in, opens the
// Training page, opens "New from closed cases…", filters the anonymized candidates by outcome, picks one with the
// keyboard, builds it, edits a model answer (a known name typed back is refused in the dialog, nothing lost), saves;
// the stored training case matches. Export and import through the library, and a file that cannot be read.

#include "GuiTestSupport.h"
#include "repositories/CaseRepository.h"
#include "services/TrainingService.h"
#include "training/BuildTrainingCaseDialog.h"
#include "training/TrainingCaseDialog.h"
#include "training/TrainingLibraryWidget.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("correct horse battery");
const QString kCitizen = QStringLiteral(u"刘德明");

/** The dialog of the type that is shown, once `ready` holds for it. */
template <typename T> T* shown(const std::function<bool(T*)>& ready)
{
    T* dialog = nullptr;
    QTest::qWaitFor(
        [&] {
            dialog = findWindow<T>();
            return dialog && ready(dialog);
        },
        kTimeoutMs);
    return dialog && ready(dialog) ? dialog : nullptr;
}
} // namespace

class TestTrainingGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buildEditAndSave();
    void exportAndImport();

private:
    qint64 addClosedCase(Reasonableness outcome, int rating, const QString& text);

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

qint64 TestTrainingGui::addClosedCase(Reasonableness outcome, int rating, const QString& text)
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
    c.closedAt = received.addDays(2);
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

QTEST_MAIN(TestTrainingGui)
#include "tst_training_gui.moc"
