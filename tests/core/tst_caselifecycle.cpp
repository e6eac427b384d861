#include "cases/Case.h"
#include "cases/CaseLifecycle.h"

#include <QHash>
#include <QSet>
#include <QTest>

namespace {
/** One row of the lifecycle table: the outcome for a case with a citizen and for an anonymous one ("-" = refused). */
struct Row
{
    const char* from;
    const char* action;
    const char* named;
    const char* anonymous;
};
// clang-format off
const Row kTable[] = {
    {"received",     "acknowledge", "acknowledged", "acknowledged"},
    {"received",     "start",       "-",            "-"},
    {"received",     "transfer",    "received",     "received"},
    {"received",     "escalate",    "received",     "received"},
    {"received",     "resolve",     "-",            "-"},
    {"received",     "follow_up",   "-",            "-"},
    {"received",     "close",       "-",            "-"},
    {"received",     "reopen",      "-",            "-"},
    {"received",     "reassign",    "received",     "received"},
    {"received",     "note",        "received",     "received"},

    {"acknowledged", "acknowledge", "-",            "-"},
    {"acknowledged", "start",       "in_progress",  "in_progress"},
    {"acknowledged", "transfer",    "in_progress",  "in_progress"},
    {"acknowledged", "escalate",    "acknowledged", "acknowledged"},
    {"acknowledged", "resolve",     "resolved",     "resolved"},
    {"acknowledged", "follow_up",   "-",            "-"},
    {"acknowledged", "close",       "-",            "-"},
    {"acknowledged", "reopen",      "-",            "-"},
    {"acknowledged", "reassign",    "acknowledged", "acknowledged"},
    {"acknowledged", "note",        "acknowledged", "acknowledged"},

    {"in_progress",  "acknowledge", "-",            "-"},
    {"in_progress",  "start",       "-",            "-"},
    {"in_progress",  "transfer",    "in_progress",  "in_progress"},
    {"in_progress",  "escalate",    "in_progress",  "in_progress"},
    {"in_progress",  "resolve",     "resolved",     "resolved"},
    {"in_progress",  "follow_up",   "-",            "-"},
    {"in_progress",  "close",       "-",            "-"},
    {"in_progress",  "reopen",      "-",            "-"},
    {"in_progress",  "reassign",    "in_progress",  "in_progress"},
    {"in_progress",  "note",        "in_progress",  "in_progress"},

    {"resolved",     "acknowledge", "-",            "-"},
    {"resolved",     "start",       "-",            "-"},
    {"resolved",     "transfer",    "-",            "-"},
    {"resolved",     "escalate",    "resolved",     "resolved"},
    {"resolved",     "resolve",     "-",            "-"},
    {"resolved",     "follow_up",   "followed_up",  "-"},
    {"resolved",     "close",       "-",            "closed"},
    {"resolved",     "reopen",      "in_progress",  "in_progress"},
    {"resolved",     "reassign",    "resolved",     "resolved"},
    {"resolved",     "note",        "resolved",     "resolved"},

    {"followed_up",  "acknowledge", "-",            "-"},
    {"followed_up",  "start",       "-",            "-"},
    {"followed_up",  "transfer",    "-",            "-"},
    {"followed_up",  "escalate",    "followed_up",  "followed_up"},
    {"followed_up",  "resolve",     "-",            "-"},
    {"followed_up",  "follow_up",   "-",            "-"},
    {"followed_up",  "close",       "closed",       "closed"},
    {"followed_up",  "reopen",      "in_progress",  "in_progress"},
    {"followed_up",  "reassign",    "followed_up",  "followed_up"},
    {"followed_up",  "note",        "followed_up",  "followed_up"},

    {"closed",       "acknowledge", "-",            "-"},
    {"closed",       "start",       "-",            "-"},
    {"closed",       "transfer",    "-",            "-"},
    {"closed",       "escalate",    "-",            "-"},
    {"closed",       "resolve",     "-",            "-"},
    {"closed",       "follow_up",   "-",            "-"},
    {"closed",       "close",       "-",            "-"},
    {"closed",       "reopen",      "in_progress",  "in_progress"},
    {"closed",       "reassign",    "-",            "-"},
    {"closed",       "note",        "closed",       "closed"},
};
// clang-format on
} // namespace

/** The case state machine: every legal move leads where it should; every illegal one is refused with a reason. */
class TestCaseLifecycle : public QObject
{
    Q_OBJECT

private:
    /** A case in `status` as the service leaves it: acknowledged once it got past "received". */
    static Case caseIn(CaseStatus status, bool anonymous = false)
    {
        Case c;
        c.status = status;
        c.citizenId = anonymous ? 0 : 42;
        if (status != CaseStatus::Received) {
            c.acknowledgedAt = QDateTime::fromSecsSinceEpoch(1772413200);
        }
        return c;
    }

    /** Checks one outcome: a status code, or "-" for a refusal with a reason. */
    static void checkOutcome(const Case& c, CaseAction action, const QString& expected)
    {
        const auto result = CaseLifecycle::target(c, action);
        if (expected == QLatin1String("-")) {
            QVERIFY2(!result.ok(), qPrintable(QStringLiteral("allowed, expected a refusal")));
            QCOMPARE(result.error().code, Error::Code::InvalidTransition);
            QVERIFY2(!result.error().message.isEmpty(), "a refusal must say why");
        } else {
            QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
            QCOMPARE(CaseStatuses::code(result.value()), expected);
        }
        QCOMPARE(CaseLifecycle::allows(c, action), expected != QLatin1String("-"));
    }

private slots:
    /**
     * Every status x action pair, written out by hand (not derived from CaseLifecycle): the outcome for a case with
     * a citizen and for an anonymous one. "-" = refused.
     */
    void transitions_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("named");
        QTest::addColumn<QString>("anonymous");

        for (const Row& r : kTable) {
            QTest::addRow("%s x %s", r.from, r.action)
                << QString::fromLatin1(r.from) << QString::fromLatin1(r.action) << QString::fromLatin1(r.named)
                << QString::fromLatin1(r.anonymous);
        }
    }

    void transitions()
    {
        QFETCH(QString, from);
        QFETCH(QString, action);
        QFETCH(QString, named);
        QFETCH(QString, anonymous);
        const auto status = CaseStatuses::fromCode(from);
        const auto act = CaseActions::fromCode(action);
        QVERIFY(status && act);
        checkOutcome(caseIn(*status, false), *act, named);
        checkOutcome(caseIn(*status, true), *act, anonymous);
    }

    void tableCoversEveryPair()
    {
        // Exactly one row per status and action: a new status or action needs its rows written out.
        QHash<QString, int> rows;
        for (const Row& r : kTable) {
            rows[QLatin1String(r.from) + QLatin1Char('/') + QLatin1String(r.action)] += 1;
        }
        QCOMPARE(rows.size(), CaseStatuses::all().size() * CaseActions::all().size());
        for (CaseStatus s : CaseStatuses::all()) {
            for (CaseAction a : CaseActions::all()) {
                const QString key = CaseStatuses::code(s) + QLatin1Char('/') + CaseActions::code(a);
                QVERIFY2(rows.value(key) == 1, qPrintable(key));
            }
        }
    }

    /** An open case that was never acknowledged (a transfer before the rule): acknowledge it, never resolve it. */
    void unacknowledgedOpenCase_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("in progress acknowledge") << "in_progress"
                                                 << "acknowledge"
                                                 << "in_progress";
        QTest::newRow("in progress resolve") << "in_progress"
                                             << "resolve"
                                             << "-";
        QTest::newRow("in progress transfer") << "in_progress"
                                              << "transfer"
                                              << "in_progress";
        QTest::newRow("acknowledged resolve") << "acknowledged"
                                              << "resolve"
                                              << "-";
        QTest::newRow("acknowledged acknowledge") << "acknowledged"
                                                  << "acknowledge"
                                                  << "acknowledged";
        QTest::newRow("received resolve") << "received"
                                          << "resolve"
                                          << "-";
    }

    void unacknowledgedOpenCase()
    {
        QFETCH(QString, from);
        QFETCH(QString, action);
        QFETCH(QString, outcome);
        Case c = caseIn(*CaseStatuses::fromCode(from));
        c.acknowledgedAt = QDateTime();
        checkOutcome(c, *CaseActions::fromCode(action), outcome);
    }

    /** No sequence of actions leads from a new case to "resolved" without passing an acknowledgement. */
    void noPathResolvesWithoutAcknowledgement()
    {
        // Breadth-first over (status, acknowledged) as the service would apply them.
        QList<QPair<CaseStatus, bool>> queue{{CaseStatus::Received, false}};
        QSet<int> seen;
        while (!queue.isEmpty()) {
            const auto [status, acknowledged] = queue.takeFirst();
            if (seen.contains(int(status) * 2 + int(acknowledged))) {
                continue;
            }
            seen.insert(int(status) * 2 + int(acknowledged));
            Case c;
            c.status = status;
            c.citizenId = 42;
            if (acknowledged) {
                c.acknowledgedAt = QDateTime::fromSecsSinceEpoch(1772413200);
            }
            for (CaseAction a : CaseActions::all()) {
                const auto next = CaseLifecycle::target(c, a);
                if (!next) {
                    continue;
                }
                const bool nowAcknowledged = acknowledged || a == CaseAction::Acknowledge;
                if (*next == CaseStatus::Resolved) {
                    QVERIFY2(nowAcknowledged, qPrintable(CaseActions::code(a)));
                }
                queue.append({*next, nowAcknowledged});
            }
        }
        QVERIFY(seen.contains(int(CaseStatus::Closed) * 2 + 1));
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
