#include "cases/IntakeDraftJson.h"
#include "cases/IntakeDraftStore.h"
#include "cases/Receipt.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

/** The intake's draft as JSON and on disk, and the receipt's composition and masking. */
class TestIntakeDraft : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField();
    void emptyDraftRoundTrips();
    void refusesForeignAndNewerFiles();
    void storeSavesLoadsAndDiscards();
    void storeIsPerLogin();
    void maskKeepsOnlyTheSurname();
    void receiptShowsWhatWasAgreed();

private:
    static IntakeDraftState fullState();
};

IntakeDraftState TestIntakeDraft::fullState()
{
    IntakeDraftState s;
    IntakeDraft& d = s.draft;
    d.base.channel = Channel::Phone;
    d.base.windowId = 3;
    d.base.serviceItemId = 7;
    d.base.categoryId = 11;
    d.base.departmentId = 5;
    d.base.waitedMinutes = 42;
    d.base.complaintText = QStringLiteral("排了两个小时的队，窗口说材料不全。\n第二行");
    d.base.facts = QStringLiteral("您反映的是：……，对吗？");
    d.base.impact = QStringLiteral("影响");
    d.base.steps = QStringLiteral("明天上午回电");
    d.base.promisedAt = QDateTime(QDate(2025, 6, 4), QTime(9, 30));
    d.base.receivedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 30, 15));
    d.base.citizen.name = QStringLiteral("张三");
    d.base.citizen.phone = QStringLiteral("13800138000");
    d.base.citizen.idNumber = QStringLiteral("110101199003074514");
    d.base.citizen.address = QStringLiteral("北京市");
    d.citizenId = 0;
    d.assigneeId = 9;
    d.detail.emotion = EmotionLevel::Agitated;
    d.detail.facts = {QStringLiteral("材料被退回"), QStringLiteral("今天上午"), QStringLiteral("3号窗口"),
                      QStringLiteral("王科员"), 3};
    d.detail.impact.affected = QStringLiteral("本人");
    d.detail.impact.severity = Severity::Serious;
    d.detail.impact.scope = ImpactScope::Group;
    d.detail.impact.recurrence = Recurrence::Repeat;
    d.detail.impact.demand = QStringLiteral("当天办结");
    d.detail.impact.reasonableness = Reasonableness::PartlyReasonable;
    d.detail.impact.responsibility = Responsibility::OwnUnit;
    d.detail.steps.remedies = {Remedy::Apology, Remedy::Other};
    d.detail.steps.remedyNote = QStringLiteral("送水");
    d.detail.steps.promiseReason = QStringLiteral("需要外部门");
    d.detail.steps.replyText = QStringLiteral("张先生/女士，感谢您……");
    d.detail.resolvedOnSpot = true;
    d.detail.queueTicket = QStringLiteral("A023");
    d.confirmed.acknowledgedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 31, 1));
    d.confirmed.factsConfirmedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 33, 2));
    d.confirmed.impactConfirmedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 35, 3));
    d.confirmed.stepsExplainedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 37, 4));
    d.onSpotResolution = QStringLiteral("当场补办");
    s.page = 3;
    s.anonymous = false;
    s.savedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 38));
    return s;
}

void TestIntakeDraft::roundTripKeepsEveryField()
{
    const IntakeDraftState in = fullState();
    const auto out = IntakeDraftJson::fromJson(IntakeDraftJson::toJson(in));
    QVERIFY(out);
    const IntakeDraft& a = in.draft;
    const IntakeDraft& b = out->draft;
    QCOMPARE(out->page, 3);
    QCOMPARE(out->savedAt, in.savedAt);
    QCOMPARE(b.base.channel, a.base.channel);
    QCOMPARE(b.base.windowId, a.base.windowId);
    QCOMPARE(b.base.serviceItemId, a.base.serviceItemId);
    QCOMPARE(b.base.categoryId, a.base.categoryId);
    QCOMPARE(b.base.departmentId, a.base.departmentId);
    QCOMPARE(b.base.waitedMinutes, a.base.waitedMinutes);
    QCOMPARE(b.base.complaintText, a.base.complaintText);
    QCOMPARE(b.base.facts, a.base.facts);
    QCOMPARE(b.base.impact, a.base.impact);
    QCOMPARE(b.base.steps, a.base.steps);
    QCOMPARE(b.base.promisedAt, a.base.promisedAt);
    QCOMPARE(b.base.receivedAt, a.base.receivedAt);
    QCOMPARE(b.base.citizen.name, a.base.citizen.name);
    QCOMPARE(b.base.citizen.phone, a.base.citizen.phone);
    QCOMPARE(b.base.citizen.idNumber, a.base.citizen.idNumber);
    QCOMPARE(b.base.citizen.address, a.base.citizen.address);
    QCOMPARE(b.assigneeId, a.assigneeId);
    QCOMPARE(b.detail.emotion, a.detail.emotion);
    QCOMPARE(b.detail.facts.what, a.detail.facts.what);
    QCOMPARE(b.detail.facts.when, a.detail.facts.when);
    QCOMPARE(b.detail.facts.where, a.detail.facts.where);
    QCOMPARE(b.detail.facts.involved, a.detail.facts.involved);
    QCOMPARE(b.detail.facts.involvedWindowId, a.detail.facts.involvedWindowId);
    QCOMPARE(b.detail.impact.affected, a.detail.impact.affected);
    QCOMPARE(b.detail.impact.severity, a.detail.impact.severity);
    QCOMPARE(b.detail.impact.scope, a.detail.impact.scope);
    QCOMPARE(b.detail.impact.recurrence, a.detail.impact.recurrence);
    QCOMPARE(b.detail.impact.demand, a.detail.impact.demand);
    QCOMPARE(b.detail.impact.reasonableness, a.detail.impact.reasonableness);
    QCOMPARE(b.detail.impact.responsibility, a.detail.impact.responsibility);
    QCOMPARE(b.detail.steps.remedies, a.detail.steps.remedies);
    QCOMPARE(b.detail.steps.remedyNote, a.detail.steps.remedyNote);
    QCOMPARE(b.detail.steps.promiseReason, a.detail.steps.promiseReason);
    QCOMPARE(b.detail.steps.replyText, a.detail.steps.replyText);
    QCOMPARE(b.detail.resolvedOnSpot, true);
    QCOMPARE(b.detail.queueTicket, a.detail.queueTicket);
    QCOMPARE(b.confirmed.acknowledgedAt, a.confirmed.acknowledgedAt);
    QCOMPARE(b.confirmed.factsConfirmedAt, a.confirmed.factsConfirmedAt);
    QCOMPARE(b.confirmed.impactConfirmedAt, a.confirmed.impactConfirmedAt);
    QCOMPARE(b.confirmed.stepsExplainedAt, a.confirmed.stepsExplainedAt);
    QCOMPARE(b.onSpotResolution, a.onSpotResolution);
}

void TestIntakeDraft::emptyDraftRoundTrips()
{
    IntakeDraftState in;
    in.anonymous = true;
    const auto out = IntakeDraftJson::fromJson(IntakeDraftJson::toJson(in));
    QVERIFY(out);
    QVERIFY(out->anonymous);
    QVERIFY(!out->draft.base.waitedMinutes);
    QVERIFY(!out->draft.detail.emotion);
    QVERIFY(!out->draft.detail.impact.severity);
    QVERIFY(!out->draft.base.promisedAt.isValid());
    QVERIFY(!out->draft.confirmed.acknowledgedAt.isValid());
    QVERIFY(out->draft.detail.steps.remedies.isEmpty());
}

void TestIntakeDraft::refusesForeignAndNewerFiles()
{
    QVERIFY(!IntakeDraftJson::fromJson("not json"));
    QVERIFY(!IntakeDraftJson::fromJson(R"({"format":"something-else","version":1})"));
    QVERIFY(!IntakeDraftJson::fromJson(R"({"format":"qingting-intake-draft","version":99})"));
    QVERIFY(IntakeDraftJson::fromJson(R"({"format":"qingting-intake-draft","version":1})"));
}

void TestIntakeDraft::storeSavesLoadsAndDiscards()
{
    QTemporaryDir dir;
    const IntakeDraftStore store(dir.filePath(QStringLiteral("drafts")), QStringLiteral("clerk1"));
    QVERIFY(!store.exists());
    QVERIFY(!store.load());
    QVERIFY(store.save(fullState()));
    QVERIFY(store.exists());
    const auto loaded = store.load();
    QVERIFY(loaded);
    QCOMPARE(loaded->draft.base.complaintText, fullState().draft.base.complaintText);
    // A second save replaces the first whole (QSaveFile: never a half-written file).
    IntakeDraftState changed = fullState();
    changed.draft.base.complaintText = QStringLiteral("改了");
    QVERIFY(store.save(changed));
    QCOMPARE(store.load()->draft.base.complaintText, QStringLiteral("改了"));
    // A damaged file is not offered, and stays for inspection.
    {
        QFile f(store.filePath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"format\":\"qingting-intake-dr");
    }
    QVERIFY(!store.load());
    QVERIFY(store.exists());
    store.discard();
    QVERIFY(!store.exists());
}

void TestIntakeDraft::storeIsPerLogin()
{
    QTemporaryDir dir;
    const IntakeDraftStore a(dir.path(), QStringLiteral("clerk1"));
    const IntakeDraftStore b(dir.path(), QStringLiteral("clerk2"));
    QVERIFY(a.filePath() != b.filePath());
    QVERIFY(a.save(fullState()));
    QVERIFY(!b.exists());
}

void TestIntakeDraft::maskKeepsOnlyTheSurname()
{
    QCOMPARE(Receipt::maskName(QStringLiteral("张三")), QStringLiteral("张*"));
    QCOMPARE(Receipt::maskName(QStringLiteral("欧阳娜娜")), QStringLiteral("欧***"));
    QCOMPARE(Receipt::maskName(QStringLiteral(" 李 ")), QStringLiteral("李*"));
    QCOMPARE(Receipt::maskName(QString()), QString());
    Citizen anonymous;
    QVERIFY(!Receipt::maskedAddress(anonymous).isEmpty());
}

void TestIntakeDraft::receiptShowsWhatWasAgreed()
{
    Case c;
    c.caseNo = QStringLiteral("QT-20250602-0007");
    c.receivedAt = QDateTime(QDate(2025, 6, 2), QTime(9, 30));
    c.promisedAt = QDateTime(QDate(2025, 6, 4), QTime(9, 30));
    c.facts = QStringLiteral("您反映的是：材料被退回，对吗？");
    c.steps = QStringLiteral("明天上午回电");
    c.department = {5, QStringLiteral("综合窗口科")};
    c.intake.impact.demand = QStringLiteral("当天办结");
    c.intake.steps.remedies = {Remedy::Apology};
    Citizen citizen;
    citizen.name = QStringLiteral("张三");
    citizen.phone = QStringLiteral("13800138000");
    citizen.idNumber = QStringLiteral("110101199003074514");

    const Receipt r = Receipt::compose(c, citizen, QStringLiteral("某市政务服务大厅"), QStringLiteral("电话 12345"));
    const QString text = r.toPlainText();
    QCOMPARE(r.hallName, QStringLiteral("某市政务服务大厅"));
    QCOMPARE(r.caseNo, c.caseNo);
    for (const QString& expected :
         {c.caseNo, QStringLiteral("材料被退回。"), c.steps, QStringLiteral("当天办结"),
          QStringLiteral("2025-06-04 09:30"), QStringLiteral("2025-06-02 09:30"), QStringLiteral("张*"),
          QStringLiteral("电话 12345"), QStringLiteral("综合窗口科")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    // What was agreed is printed as a statement, not as the question the clerk asked.
    QVERIFY(!text.contains(QStringLiteral("对吗")));
    // Personal data beyond the surname never reaches the paper.
    QVERIFY(!text.contains(QStringLiteral("张三")));
    QVERIFY(!text.contains(citizen.phone));
    QVERIFY(!text.contains(citizen.idNumber));

    const Receipt fallback = Receipt::compose(c, Citizen{}, QString(), QString());
    QVERIFY(!fallback.hallName.isEmpty());
    QVERIFY(fallback.footer.size() > 10);
}

QTEST_APPLESS_MAIN(TestIntakeDraft)
#include "tst_intakedraft.moc"
