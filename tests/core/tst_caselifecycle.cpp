#include "cases/Case.h"
#include "cases/CaseLifecycle.h"

#include <QTest>

/** The case state machine: every legal move leads where it should; every illegal one is refused with a reason. */
class TestCaseLifecycle : public QObject
{
    Q_OBJECT

private:
    static Case caseIn(CaseStatus status, bool anonymous = false)
    {
        Case c;
        c.status = status;
        c.citizenId = anonymous ? 0 : 42;
        return c;
    }

private slots:
    void transitions_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("action");
        QTest::addColumn<bool>("anonymous");
        QTest::addColumn<int>("to"); // -1 = refused

        const auto row = [](const char* name, CaseStatus from, CaseAction action, int to, bool anonymous = false) {
            QTest::newRow(name) << int(from) << int(action) << anonymous << to;
        };
        using S = CaseStatus;
        using A = CaseAction;
        row("acknowledge received", S::Received, A::Acknowledge, int(S::Acknowledged));
        row("acknowledge twice", S::Acknowledged, A::Acknowledge, -1);
        row("start acknowledged", S::Acknowledged, A::Start, int(S::InProgress));
        row("start before acknowledging", S::Received, A::Start, -1);
        row("resolve in progress", S::InProgress, A::Resolve, int(S::Resolved));
        row("resolve on the spot", S::Acknowledged, A::Resolve, int(S::Resolved));
        row("resolve unacknowledged", S::Received, A::Resolve, -1);
        row("resolve twice", S::Resolved, A::Resolve, -1);
        row("follow up resolved", S::Resolved, A::FollowUp, int(S::FollowedUp));
        row("follow up anonymous", S::Resolved, A::FollowUp, -1, true);
        row("follow up open case", S::InProgress, A::FollowUp, -1);
        row("close followed up", S::FollowedUp, A::Close, int(S::Closed));
        row("close resolved without follow-up", S::Resolved, A::Close, -1);
        row("close resolved anonymous", S::Resolved, A::Close, int(S::Closed), true);
        row("close open case", S::InProgress, A::Close, -1);
        row("reopen closed", S::Closed, A::Reopen, int(S::InProgress));
        row("reopen resolved", S::Resolved, A::Reopen, int(S::InProgress));
        row("reopen followed up", S::FollowedUp, A::Reopen, int(S::InProgress));
        row("reopen open case", S::InProgress, A::Reopen, -1);
        row("transfer received", S::Received, A::Transfer, int(S::InProgress));
        row("transfer in progress", S::InProgress, A::Transfer, int(S::InProgress));
        row("transfer resolved", S::Resolved, A::Transfer, -1);
        row("transfer closed", S::Closed, A::Transfer, -1);
        row("escalate received", S::Received, A::Escalate, int(S::Received));
        row("escalate resolved", S::Resolved, A::Escalate, int(S::Resolved));
        row("escalate closed", S::Closed, A::Escalate, -1);
        row("reassign in progress", S::InProgress, A::Reassign, int(S::InProgress));
        row("reassign closed", S::Closed, A::Reassign, -1);
        row("note on closed", S::Closed, A::AddNote, int(S::Closed));
    }

    void transitions()
    {
        QFETCH(int, from);
        QFETCH(int, action);
        QFETCH(bool, anonymous);
        QFETCH(int, to);
        const Case c = caseIn(CaseStatus(from), anonymous);
        const auto result = CaseLifecycle::target(c, CaseAction(action));
        if (to < 0) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, Error::Code::InvalidTransition);
            QVERIFY2(!result.error().message.isEmpty(), "a refusal must say why");
        } else {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(int(result.value()), to);
        }
        QCOMPARE(CaseLifecycle::allows(c, CaseAction(action)), to >= 0);
    }

    void availableActionsMatchTarget()
    {
        for (CaseStatus s : CaseStatuses::all()) {
            const Case c = caseIn(s);
            const QList<CaseAction> available = CaseLifecycle::availableActions(c);
            for (CaseAction a : CaseActions::all()) {
                QCOMPARE(available.contains(a), CaseLifecycle::target(c, a).ok());
            }
        }
    }

    void everyStatusHasACodeThatRoundTrips()
    {
        for (CaseStatus s : CaseStatuses::all()) {
            const QString code = CaseStatuses::code(s);
            QVERIFY(!code.isEmpty());
            QCOMPARE(CaseStatuses::fromCode(code), std::optional<CaseStatus>(s));
            QVERIFY(!CaseStatuses::label(s).isEmpty());
        }
        QVERIFY(!CaseStatuses::fromCode(QStringLiteral("nonsense")).has_value());
    }

    void channelsAcceptCodesAndChineseNames()
    {
        QCOMPARE(Channels::fromCode(QStringLiteral("phone")), std::optional<Channel>(Channel::Phone));
        QCOMPARE(Channels::fromCode(QStringLiteral("电话")), std::optional<Channel>(Channel::Phone));
        QCOMPARE(Channels::fromCode(QStringLiteral(" 12345 ")), std::optional<Channel>(Channel::Hotline12345));
        QCOMPARE(Channels::fromCode(QStringLiteral("社交媒体")), std::optional<Channel>(Channel::SocialMedia));
        QCOMPARE(Channels::fromCode(QStringLiteral("员工上报")), std::optional<Channel>(Channel::StaffReport));
        QCOMPARE(Channels::fromCode(QStringLiteral("HOTLINE_12345")), std::optional<Channel>(Channel::Hotline12345));
        QVERIFY(!Channels::fromCode(QStringLiteral("fax")).has_value());
        for (Channel ch : Channels::all()) {
            QCOMPARE(Channels::fromCode(Channels::code(ch)), std::optional<Channel>(ch));
        }
    }

    void summaryIsTheFirstLineShortened()
    {
        Case c;
        c.complaintText = QStringLiteral("等了两个小时\n第二行");
        QCOMPARE(c.summary(), QStringLiteral("等了两个小时"));
        c.complaintText = QString(100, QChar(0x6001));
        QCOMPARE(c.summary(10).size(), 10);
        QVERIFY(c.summary(10).endsWith(QChar(0x2026)));
    }
};

QTEST_APPLESS_MAIN(TestCaseLifecycle)
#include "tst_caselifecycle.moc"
