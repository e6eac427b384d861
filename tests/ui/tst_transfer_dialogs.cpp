// Transfers and extensions through the real widgets (issue 12, helper "transfer"), driven with keys and clicks:
// a transfer that is signed for, one that is returned, and an extension requested and approved, each from the case
// view's own buttons and dialogs, checked against the stored case and its timeline.

#include "GuiTestSupport.h"
#include "cases/CaseViewWidget.h"
#include "cases/ExtensionDecisionDialog.h"
#include "cases/ExtensionRequestDialog.h"
#include "cases/SignForDialog.h"
#include "cases/TransferDialog.h"
#include "cases/TransferPanel.h"
#include "repositories/CaseRepository.h"
#include "repositories/ReferenceRepository.h"
#include "services/CaseService.h"
#include "services/ReferenceService.h"
#include "services/TransferService.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace GuiTest;

namespace {
const QString kPassword = QStringLiteral("Desk-pass-2025");

/** A case view for the session, with the services it needs, shown and loaded. */
struct View
{
    View(const Session& session, Desk& desk, qint64 caseId)
        : cases(session, desk.repos(), desk.clock())
        , reference(session, desk.repos(), desk.clock())
        , widget(std::make_unique<CaseViewWidget>(cases, reference, desk.worker(), desk.clock(), caseId))
    {
        widget->resize(1100, 800);
        widget->show();
    }
    TransferPanel* panel() const { return widget->findChild<TransferPanel*>(); }
    bool ready() const { return !widget->isBusy() && !panel()->isLoading(); }
    QString lastEvent() const
    {
        auto* timeline = child<QTreeWidget>(widget.get(), "timelineTreeWidget");
        const int n = timeline->topLevelItemCount();
        return n ? timeline->topLevelItem(n - 1)->text(2) : QString();
    }

    CaseService cases;
    ReferenceService reference;
    std::unique_ptr<CaseViewWidget> widget;
};

/** Moves the combo box with the arrow keys to the item with this text, as a user does; false if not there. */
bool chooseByKeys(QComboBox* combo, const QString& text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count(); ++i) {
        if (combo->currentText() == text) {
            return true;
        }
        QTest::keyClick(combo, Qt::Key_Down);
    }
    return combo->currentText() == text;
}
} // namespace

class TestTransferDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void transferSignedFor();
    void transferReturned();
    void extensionRequestedAndApproved();

private:
    qint64 newCase(const QString& text);
    /** Transfers the case to 信息技术科 through the view's "Transfer…" button and TransferDialog. */
    void transferThroughDialog(View& view);

    Desk m_desk;
    std::optional<Session> m_clerk;
    std::optional<Session> m_itClerk;
    std::optional<Session> m_chief;
};

void TestTransferDialogs::initTestCase()
{
    quietOffscreenWarnings();
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_clerk = m_desk.addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("王小明"), kPassword);
    m_itClerk = m_desk.addUser(QStringLiteral("clerk2"), Role::Clerk, QStringLiteral("李信息"), kPassword);
    m_chief = m_desk.addUser(QStringLiteral("chief"), Role::Supervisor, QStringLiteral("陈主任"), kPassword);
    QVERIFY(m_clerk && m_itClerk && m_chief);
}

qint64 TestTransferDialogs::newCase(const QString& text)
{
    CaseService cases(*m_clerk, m_desk.repos(), m_desk.clock());
    CaseDraft draft;
    draft.channel = Channel::Phone;
    draft.complaintText = text;
    const auto departments = m_desk.repos().reference->list(ReferenceKind::Department);
    for (const auto& d : *departments) {
        if (d.name == QStringLiteral("综合受理科")) {
            draft.departmentId = d.id;
        }
    }
    const auto created = cases.create(draft);
    return created ? created->id : 0;
}

void TestTransferDialogs::transferThroughDialog(View& view)
{
    auto* transfer = child<QPushButton>(view.widget.get(), "transferActionButton");
    QVERIFY(transfer);
    QTest::mouseClick(transfer, Qt::LeftButton);
    QPointer<TransferDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<TransferDialog>()) != nullptr, kTimeoutMs);
    // Without a reason, the dialog says so and stays open.
    QVERIFY(chooseByKeys(child<QComboBox>(dialog, "departmentComboBox"), QStringLiteral("信息技术科")));
    auto* ok = child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QPointer<QLabel> error = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled() && error->isVisible(), kTimeoutMs); // the answer, not "Saving…"
    QCOMPARE(error->text(), TransferService::tr("Say why the case goes to another department."));
    QVERIFY(dialog->isVisible());
    typeText(child<QPlainTextEdit>(dialog, "reasonTextEdit"), QStringLiteral("网上申报系统无法上传材料"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), qPrintable(error ? error->text() : QString()),
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(view.ready(), kTimeoutMs);
    QCOMPARE(view.widget->currentCase().transferState, TransferState::AwaitingSign);
    QCOMPARE(view.widget->currentCase().department.name, QStringLiteral("信息技术科"));
    QTRY_COMPARE_WITH_TIMEOUT(view.lastEvent(), CaseEventKinds::label(CaseEventKind::Transferred), kTimeoutMs);
    QVERIFY(child<QLabel>(view.panel(), "transferStateLabel")->text().contains(QStringLiteral("信息技术科")));
}

void TestTransferDialogs::transferSignedFor()
{
    m_desk.clock().set(QDateTime(QDate(2025, 6, 2), QTime(9, 30)));
    const qint64 id = newCase(QStringLiteral("网上申报系统提交后一直显示处理中"));
    QVERIFY(id != 0);
    {
        View clerkView(*m_clerk, m_desk, id);
        QTRY_VERIFY_WITH_TIMEOUT(clerkView.ready(), kTimeoutMs);
        transferThroughDialog(clerkView);
        if (QTest::currentTestFailed()) {
            return;
        }
        // Awaiting sign-for: the case cannot be passed on (the service refuses; the button stays for the reason).
    }
    m_desk.clock().advanceSeconds(45 * 60);

    View itView(*m_itClerk, m_desk, id);
    QTRY_VERIFY_WITH_TIMEOUT(itView.ready(), kTimeoutMs);
    auto* signFor = child<QPushButton>(itView.panel(), "signForButton");
    QVERIFY(signFor->isVisible() && signFor->isEnabled());
    QTest::mouseClick(signFor, Qt::LeftButton);
    QPointer<SignForDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<SignForDialog>()) != nullptr, kTimeoutMs);
    QVERIFY(child<QLabel>(dialog, "transferValueLabel")->text().contains(QStringLiteral("网上申报系统无法上传材料")));
    QTest::mouseClick(child<QPushButton>(dialog, "signForButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(itView.ready(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(itView.lastEvent(), CaseEventKinds::label(CaseEventKind::TransferSigned), kTimeoutMs);
    QCOMPARE(itView.widget->currentCase().transferState, TransferState::Signed);
    QVERIFY(!child<QPushButton>(itView.panel(), "signForButton")->isVisible());

    const auto stored = m_desk.repos().cases->find(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->transferState, TransferState::Signed);
    QCOMPARE(stored->department.name, QStringLiteral("信息技术科"));
    auto* transfers = child<QTreeWidget>(itView.panel(), "transfersTreeWidget");
    QCOMPARE(transfers->topLevelItemCount(), 1);
    QCOMPARE(transfers->topLevelItem(0)->text(2), QStringLiteral("信息技术科"));
    QVERIFY(transfers->topLevelItem(0)->text(4).contains(QStringLiteral("2025-06-02 10:15")));
}

void TestTransferDialogs::transferReturned()
{
    const qint64 id = newCase(QStringLiteral("窗口人员说材料不全但没有说明缺什么"));
    QVERIFY(id != 0);
    View view(*m_clerk, m_desk, id);
    QTRY_VERIFY_WITH_TIMEOUT(view.ready(), kTimeoutMs);
    transferThroughDialog(view);
    if (QTest::currentTestFailed()) {
        return;
    }

    View itView(*m_itClerk, m_desk, id);
    QTRY_VERIFY_WITH_TIMEOUT(itView.ready(), kTimeoutMs);
    QTest::mouseClick(child<QPushButton>(itView.panel(), "signForButton"), Qt::LeftButton);
    QPointer<SignForDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<SignForDialog>()) != nullptr, kTimeoutMs);
    // A return without its reason is refused, and the dialog stays.
    QTest::mouseClick(child<QPushButton>(dialog, "returnButton"), Qt::LeftButton);
    auto* error = child<QLabel>(dialog, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(child<QPushButton>(dialog, "returnButton")->isEnabled() && error->isVisible(), kTimeoutMs);
    QCOMPARE(error->text(), TransferService::tr("Say why the department returns the case."));
    typeText(child<QPlainTextEdit>(dialog, "noteTextEdit"), QStringLiteral("属于窗口服务问题，不涉及系统"));
    QTest::mouseClick(child<QPushButton>(dialog, "returnButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(itView.lastEvent(), CaseEventKinds::label(CaseEventKind::TransferReturned), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(itView.ready(), kTimeoutMs);

    const auto stored = m_desk.repos().cases->find(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->transferState, TransferState::Returned);
    QCOMPARE(stored->department.name, QStringLiteral("综合受理科")); // back to the sender
    QCOMPARE(stored->transferCount, 1);
    QVERIFY(child<QLabel>(itView.panel(), "transferStateLabel")->text().contains(QStringLiteral("综合受理科")));
    auto* transfers = child<QTreeWidget>(itView.panel(), "transfersTreeWidget");
    QCOMPARE(transfers->topLevelItemCount(), 1);
    QVERIFY(transfers->topLevelItem(0)->text(4).contains(QStringLiteral("属于窗口服务问题，不涉及系统")));
    // The reason and the outcome wrap in the panel's width: read without scrolling, narrow or wide.
    for (int width : {1280, 760}) {
        itView.widget->resize(width, 700);
        QTRY_VERIFY_WITH_TIMEOUT(wrappedColumnReadable(transfers, 3) && wrappedColumnReadable(transfers, 4),
                                 kTimeoutMs);
    }
}

void TestTransferDialogs::extensionRequestedAndApproved()
{
    m_desk.clock().set(QDateTime(QDate(2025, 6, 2), QTime(9, 30)));
    const qint64 id = newCase(QStringLiteral("不动产登记需要等待测绘结果"));
    QVERIFY(id != 0);
    const QDateTime due = m_desk.repos().cases->find(id)->dueAt;
    {
        View view(*m_clerk, m_desk, id);
        QTRY_VERIFY_WITH_TIMEOUT(view.ready(), kTimeoutMs);
        auto* request = child<QPushButton>(view.panel(), "requestExtensionButton");
        QVERIFY(request->isVisible());
        QVERIFY(!child<QPushButton>(view.panel(), "decideExtensionButton")->isVisible()); // clerks do not decide
        QTest::mouseClick(request, Qt::LeftButton);
        QPointer<ExtensionRequestDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<ExtensionRequestDialog>()) != nullptr, kTimeoutMs);
        // The deadline an extension moves is the resolve clock's, not the 48-hour answer: 15 working days after
        // Monday 2 June 2025 (a 端午 holiday), i.e. Monday 23 June at the day's end; the new date starts 5 days later.
        QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(dialog, "currentDueValueLabel")->text(),
                                  QStringLiteral("2025-06-23 23:59"), kTimeoutMs);
        typeText(child<QPlainTextEdit>(dialog, "reasonTextEdit"), QStringLiteral("需等待测绘机构出具报告"));
        QTest::mouseClick(child<QDialogButtonBox>(dialog, "buttonBox")->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(view.lastEvent(), CaseEventKinds::label(CaseEventKind::ExtensionRequested),
                                  kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(view.ready(), kTimeoutMs);
        QVERIFY(
            child<QLabel>(view.panel(), "extensionStateLabel")->text().contains(QStringLiteral("2025-06-28 23:59")));
        QCOMPARE(view.widget->currentCase().dueAt, due); // not before the decision
    }
    m_desk.clock().advanceSeconds(3600);

    View chiefView(*m_chief, m_desk, id);
    QTRY_VERIFY_WITH_TIMEOUT(chiefView.ready(), kTimeoutMs);
    auto* decide = child<QPushButton>(chiefView.panel(), "decideExtensionButton");
    QVERIFY(decide->isVisible());
    QTest::mouseClick(decide, Qt::LeftButton);
    QPointer<ExtensionDecisionDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = findWindow<ExtensionDecisionDialog>()) != nullptr, kTimeoutMs);
    QVERIFY(child<QLabel>(dialog, "descriptionLabel")->text().contains(QStringLiteral("2025-06-28 23:59")));
    QTest::mouseClick(child<QPushButton>(dialog, "approveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isNull() || !dialog->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(chiefView.lastEvent(), CaseEventKinds::label(CaseEventKind::ExtensionApproved),
                              kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(chiefView.ready(), kTimeoutMs);

    const QDateTime extended(QDate(2025, 6, 28), QTime(23, 59));
    QCOMPARE(due, QDateTime(QDate(2025, 6, 4), QTime(9, 30)));
    const auto stored = m_desk.repos().cases->find(id);
    QVERIFY(stored.ok());
    QCOMPARE(stored->dueAt, extended);
    QCOMPARE(stored->extendedDueAt, extended);
    QCOMPARE(child<QLabel>(chiefView.widget.get(), "dueValueLabel")->text(), QStringLiteral("2025-06-28 23:59"));
    QVERIFY(
        child<QLabel>(chiefView.panel(), "extensionStateLabel")->text().contains(QStringLiteral("2025-06-28 23:59")));
    QVERIFY(!child<QPushButton>(chiefView.panel(), "decideExtensionButton")->isVisible());
}

QTEST_MAIN(TestTransferDialogs)
#include "tst_transfer_dialogs.moc"
