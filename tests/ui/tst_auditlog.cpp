#include "GuiTestSupport.h"
#include "audit/AuditActions.h"
#include "audit/AuditFilterModel.h"
#include "audit/AuditLogWidget.h"
#include "audit/AuditTableModel.h"
#include "services/CaseService.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace GuiTest;
using Column = AuditTableModel::Column;

namespace {
AuditEntry entry(qint64 seq, const QString& actor, const QString& action, const QString& entity, qint64 entityId,
                 const QString& detail)
{
    AuditEntry e;
    e.seq = seq;
    e.at = QDateTime(QDate(2025, 6, 2), QTime(9, 30)).addSecs(-60 * seq);
    e.actor = actor;
    e.action = action;
    e.entity = entity;
    e.entityId = entityId;
    e.detail = detail;
    return e;
}

QString cell(const QAbstractItemModel* model, int row, Column column, int role = Qt::DisplayRole)
{
    return model->index(row, int(column)).data(role).toString();
}

/** The first row of the action (by its raw code) whose entity cell reads so, or -1. */
int rowOf(const QAbstractItemModel* model, const QString& action, const QString& entityText)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (cell(model, row, Column::Action, AuditTableModel::RawValueRole) == action &&
            cell(model, row, Column::Entity) == entityText) {
            return row;
        }
    }
    return -1;
}

QStringList shownActions(const QAbstractItemModel* model)
{
    QStringList actions;
    for (int row = 0; row < model->rowCount(); ++row) {
        actions << cell(model, row, Column::Action, AuditTableModel::RawValueRole);
    }
    return actions;
}
} // namespace

/**
 * The audit log page in words for a supervisor: action labels, the case number or login an entry is about, the
 * detail as "key: value" pairs, and a text filter over them; the model alone, then the page through the real window.
 */
class TestAuditLog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelShowsEntriesInWords();
    void filterSearchesShownText();
    void supervisorReadsAndFiltersLog();

private:
    Desk m_desk;
};

void TestAuditLog::initTestCase()
{
    const QString problem = m_desk.open();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAuditLog::modelShowsEntriesInWords()
{
    AuditTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString caseJson = QStringLiteral(R"({"case_no":"QT-20250602-0001","channel":"window"})");
    const QString userJson = QStringLiteral(R"({"first_admin":true,"login":"wangfang","role":"admin"})");
    const QString categoryJson = QStringLiteral(R"({"children":["态度生硬","推诿"],"name":"服务态度"})");
    model.setItems(
        {entry(6, QStringLiteral("zhang"), QStringLiteral("case.create"), QStringLiteral("case"), 7, caseJson),
         entry(5, QStringLiteral("wangfang"), QStringLiteral("user.add"), QStringLiteral("user"), 1, userJson),
         entry(4, QStringLiteral("zhang"), QStringLiteral("user.login"), QStringLiteral("user"), 3, {}),
         entry(3, QStringLiteral("wangfang"), QStringLiteral("reference.disable"), QStringLiteral("category"), 4,
               categoryJson),
         entry(2, QStringLiteral("cli"), QStringLiteral("future.thing"), QStringLiteral("calendar"), 0,
               QStringLiteral(R"({"year":2026,"note":null,"range":{"from":1}})")),
         entry(1, QStringLiteral("cli"), QStringLiteral("database.backup"), QString(), 0, QStringLiteral("[1,2]"))});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), AuditTableModel::kColumnCount);
    QCOMPARE(model.itemAt(0)->seq, qint64(6));
    QVERIFY(model.itemAt(6) == nullptr);

    // The action in words; the code in the tooltip and under the raw-value role.
    QCOMPARE(cell(&model, 0, Column::Action), AuditActions::label(QStringLiteral("case.create")));
    QCOMPARE(cell(&model, 0, Column::Action), QStringLiteral("Case recorded"));
    QCOMPARE(cell(&model, 0, Column::Action, Qt::ToolTipRole), QStringLiteral("case.create"));
    QCOMPARE(cell(&model, 0, Column::Action, AuditTableModel::RawValueRole), QStringLiteral("case.create"));
    QCOMPARE(cell(&model, 2, Column::Action), QStringLiteral("Logged in"));
    QCOMPARE(cell(&model, 4, Column::Action), QStringLiteral("future.thing")); // unknown: the code as it is

    // The entity: the case number or the login when the detail has them, else the code and the id.
    QCOMPARE(cell(&model, 0, Column::Entity), AuditTableModel::tr("Case %1").arg(QStringLiteral("QT-20250602-0001")));
    QCOMPARE(cell(&model, 0, Column::Entity), QStringLiteral("Case QT-20250602-0001"));
    QCOMPARE(cell(&model, 0, Column::Entity, AuditTableModel::RawValueRole), QStringLiteral("case"));
    QCOMPARE(cell(&model, 0, Column::Entity, Qt::ToolTipRole), QStringLiteral("case #7"));
    QCOMPARE(cell(&model, 1, Column::Entity), QStringLiteral("User wangfang"));
    QCOMPARE(cell(&model, 2, Column::Entity), QStringLiteral("user #3"));
    QCOMPARE(cell(&model, 3, Column::Entity), QStringLiteral("category #4"));
    QCOMPARE(cell(&model, 4, Column::Entity), QStringLiteral("calendar"));
    QCOMPARE(cell(&model, 5, Column::Entity), QString());

    // The detail as "key: value" pairs, the JSON itself in the tooltip and under the raw-value role.
    const QString dot = QStringLiteral(" · ");
    QCOMPARE(cell(&model, 0, Column::Detail),
             QStringLiteral("case_no: QT-20250602-0001") + dot + QStringLiteral("channel: window"));
    QCOMPARE(cell(&model, 0, Column::Detail, Qt::ToolTipRole), caseJson);
    QCOMPARE(cell(&model, 0, Column::Detail, AuditTableModel::RawValueRole), caseJson);
    QCOMPARE(cell(&model, 1, Column::Detail), QStringLiteral("first_admin: true") + dot +
                                                  QStringLiteral("login: wangfang") + dot +
                                                  QStringLiteral("role: admin"));
    QVERIFY(!cell(&model, 1, Column::Detail).contains(QLatin1Char('{')));
    QCOMPARE(cell(&model, 2, Column::Detail), QString());
    QCOMPARE(cell(&model, 3, Column::Detail),
             QStringLiteral("children: 态度生硬, 推诿") + dot + QStringLiteral("name: 服务态度"));
    QCOMPARE(cell(&model, 4, Column::Detail), QStringLiteral("note: null") + dot +
                                                  QStringLiteral(R"(range: {"from":1})") + dot +
                                                  QStringLiteral("year: 2026"));
    QCOMPARE(cell(&model, 5, Column::Detail), QStringLiteral("[1,2]")); // not an object: as it is

    // The other columns as before.
    QCOMPARE(model.index(0, int(Column::Seq)).data(AuditTableModel::RawValueRole).toLongLong(), qint64(6));
    QCOMPARE(cell(&model, 0, Column::Time), QStringLiteral("2025-06-02 09:24:00"));
    QCOMPARE(model.index(0, int(Column::Time)).data(AuditTableModel::RawValueRole).toDateTime(),
             QDateTime(QDate(2025, 6, 2), QTime(9, 24)));
    QCOMPARE(cell(&model, 0, Column::Actor), QStringLiteral("zhang"));
    QCOMPARE(model.headerData(int(Column::Action), Qt::Horizontal).toString(), AuditTableModel::tr("Action"));

    model.retranslate();
    model.setItems({});
    QCOMPARE(model.rowCount(), 0);
}

void TestAuditLog::filterSearchesShownText()
{
    AuditTableModel model;
    AuditFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems({entry(3, QStringLiteral("zhang"), QStringLiteral("case.acknowledge"), QStringLiteral("case"), 7,
                          QStringLiteral(R"({"case_no":"QT-20250602-0001"})")),
                    entry(2, QStringLiteral("zhang"), QStringLiteral("case.create"), QStringLiteral("case"), 7,
                          QStringLiteral(R"({"case_no":"QT-20250602-0001","window":"5号窗口"})")),
                    entry(1, QStringLiteral("admin"), QStringLiteral("user.add"), QStringLiteral("user"), 2,
                          QStringLiteral(R"({"login":"zhang","role":"clerk"})"))});
    QCOMPARE(filter.rowCount(), 3);

    const auto keeps = [&](const QString& text) {
        filter.setFilterFixedString(text);
        return shownActions(&filter);
    };
    // By actor, by the action's label (not its code), by entity text and by detail, case-insensitively.
    QCOMPARE(keeps(QStringLiteral("admin")), QStringList{QStringLiteral("user.add")});
    QCOMPARE(keeps(QStringLiteral("case ACKNOWLEDGED")), QStringList{QStringLiteral("case.acknowledge")});
    QCOMPARE(keeps(QStringLiteral("user zhang")), QStringList{QStringLiteral("user.add")});
    QCOMPARE(keeps(QStringLiteral("5号窗口")), QStringList{QStringLiteral("case.create")});
    QCOMPARE(keeps(QStringLiteral("role: clerk")), QStringList{QStringLiteral("user.add")});
    QCOMPARE(keeps(QStringLiteral("QT-20250602-0001")),
             (QStringList{QStringLiteral("case.acknowledge"), QStringLiteral("case.create")}));
    QCOMPARE(keeps(QStringLiteral("zhang")), shownActions(&model));
    // The time is not searched.
    QVERIFY(keeps(QStringLiteral("09:2")).isEmpty());
    QCOMPARE(keeps(QString()), shownActions(&model));
}

void TestAuditLog::supervisorReadsAndFiltersLog()
{
    QVERIFY(
        m_desk
            .addUser(QStringLiteral("admin"), Role::Admin, QStringLiteral("王主任"), QStringLiteral("Admin-pass-2025"))
            .has_value());
    QVERIFY(
        m_desk
            .addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("李窗口"), QStringLiteral("Clerk-pass-2025"))
            .has_value());
    QVERIFY(m_desk
                .addUser(QStringLiteral("super1"), Role::Supervisor, QStringLiteral("赵科长"),
                         QStringLiteral("Super-pass-2025"))
                .has_value());
    const auto clerk = m_desk.logIn(QStringLiteral("clerk1"), QStringLiteral("Clerk-pass-2025"));
    QVERIFY(clerk.has_value());
    QString caseNo;
    {
        CaseService cases(*clerk, m_desk.repos(), m_desk.clock());
        CaseDraft draft;
        draft.complaintText = QStringLiteral("窗口工作人员态度生硬");
        const auto created = cases.create(draft);
        QVERIFY(created.ok());
        caseNo = created->caseNo;
        CaseCommand acknowledge;
        acknowledge.action = CaseAction::Acknowledge;
        QVERIFY(cases.perform(created->id, acknowledge).ok());
    }
    const auto supervisor = m_desk.logIn(QStringLiteral("super1"), QStringLiteral("Super-pass-2025"));
    QVERIFY(supervisor.has_value());

    const auto window = m_desk.showWindow(*supervisor);
    QVERIFY(window);
    auto* page = window->findChild<AuditLogWidget*>();
    QVERIFY(page);
    auto* table = child<QTableView>(page, "auditTableView");
    QVERIFY(table);
    QAbstractItemModelTester modelTester(page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester viewTester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(openPage(*window, MainWindow::Page::AuditLog));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeoutMs);
    const QAbstractItemModel* shown = table->model();
    const int total = shown->rowCount();
    // Three accounts, two logins, the case recorded and acknowledged.
    QCOMPARE(total, 7);
    auto* count = child<QLabel>(page, "countLabel");
    QCOMPARE(count->text(), AuditLogWidget::tr("The latest %n entry(s), newest first.", "", total));

    // The case's entries name it by its number, say what happened in words and list the detail.
    const QString caseText = AuditTableModel::tr("Case %1").arg(caseNo);
    const int created = rowOf(shown, QStringLiteral("case.create"), caseText);
    QVERIFY2(created >= 0, qPrintable(caseText));
    QCOMPARE(cell(shown, created, Column::Action), AuditActions::label(QStringLiteral("case.create")));
    QCOMPARE(cell(shown, created, Column::Action, Qt::ToolTipRole), QStringLiteral("case.create"));
    QCOMPARE(cell(shown, created, Column::Actor), QStringLiteral("clerk1"));
    const QString detail = cell(shown, created, Column::Detail);
    QVERIFY2(detail.contains(QStringLiteral("case_no: ") + caseNo), qPrintable(detail));
    QVERIFY(!detail.startsWith(QLatin1Char('{')));
    const QString json = cell(shown, created, Column::Detail, Qt::ToolTipRole);
    QVERIFY(json.startsWith(QLatin1Char('{')));
    QVERIFY(json.contains(caseNo));
    const int acknowledged = rowOf(shown, QStringLiteral("case.acknowledge"), caseText);
    QVERIFY(acknowledged >= 0);
    QVERIFY(acknowledged < created); // newest first
    QCOMPARE(cell(shown, acknowledged, Column::Action), AuditActions::label(QStringLiteral("case.acknowledge")));
    // Accounts by their login.
    QVERIFY(rowOf(shown, QStringLiteral("user.add"), AuditTableModel::tr("User %1").arg(QStringLiteral("clerk1"))) >=
            0);
    QVERIFY(rowOf(shown, QStringLiteral("user.add"), AuditTableModel::tr("User %1").arg(QStringLiteral("super1"))) >=
            0);

    // The filter, typed as a supervisor would: the case number keeps its two entries.
    auto* filter = child<QLineEdit>(page, "filterLineEdit");
    QVERIFY(filter && filter->isVisible());
    filter->setFocus();
    typeText(filter, caseNo);
    QTRY_COMPARE_WITH_TIMEOUT(shownActions(shown),
                              (QStringList{QStringLiteral("case.acknowledge"), QStringLiteral("case.create")}),
                              kTimeoutMs);
    QCOMPARE(count->text(), AuditLogWidget::tr("%1 of the latest %n entry(s) match the filter.", "", total).arg(2));
    // An action's label, in other letter case.
    retype(filter, AuditActions::label(QStringLiteral("user.login")).toUpper());
    QTRY_COMPARE_WITH_TIMEOUT(shownActions(shown),
                              (QStringList{QStringLiteral("user.login"), QStringLiteral("user.login")}), kTimeoutMs);
    // An actor: clerk1 logged in, recorded and acknowledged; and was added (User clerk1).
    retype(filter, QStringLiteral("clerk1"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 4, kTimeoutMs);
    // Nothing matches; then every entry again.
    typeText(filter, QStringLiteral("不存在"));
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), 0, kTimeoutMs);
    retype(filter, QString());
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), total, kTimeoutMs);
    QCOMPARE(count->text(), AuditLogWidget::tr("The latest %n entry(s), newest first.", "", total));

    // Verify chain still checks every entry.
    auto* verification = child<QLabel>(page, "verificationLabel");
    QVERIFY(!verification->isVisible());
    QTest::mouseClick(child<QPushButton>(page, "verifyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy(), kTimeoutMs);
    QVERIFY(verification->isVisible());
    QCOMPARE(verification->text(), AuditLogWidget::tr("The chain is intact: %n entry(s) checked.", "", total));
    window->close();
}

QTEST_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
