// The deadline state of a case and its words (supervise, issue 12): overdue, nearly due (the policy's minutes,
// boundary included), on time, nothing owed; spans as the desk reads them; reminder levels.

#include "supervise/Deadline.h"

#include <QtTest>

namespace {
Case openCase(const QString& due)
{
    Case c;
    c.status = CaseStatus::InProgress;
    c.dueAt = QDateTime::fromString(due, QStringLiteral("yyyy-MM-dd HH:mm"));
    return c;
}
const QDateTime kNow(QDate(2026, 6, 1), QTime(10, 0));
} // namespace

class TestDeadline : public QObject
{
    Q_OBJECT

private slots:
    void states_data()
    {
        QTest::addColumn<QString>("due");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("text");
        const int open = int(CaseStatus::InProgress);
        QTest::newRow("overdue by a minute")
            << "2026-06-01 09:59" << open << int(DeadlineState::Overdue) << "Overdue by 1 min";
        QTest::newRow("overdue by days") << "2026-05-29 07:30" << open << int(DeadlineState::Overdue)
                                         << "Overdue by 3 d 2 h";
        QTest::newRow("due now") << "2026-06-01 10:00" << open << int(DeadlineState::NearDeadline) << "Due in 1 min";
        QTest::newRow("near") << "2026-06-01 12:15" << open << int(DeadlineState::NearDeadline) << "Due in 2 h 15 min";
        QTest::newRow("near, boundary") << "2026-06-01 14:00" << open << int(DeadlineState::NearDeadline)
                                        << "Due in 4 h";
        QTest::newRow("on time") << "2026-06-01 14:01" << open << int(DeadlineState::OnTime) << "Due 2026-06-01 14:01";
        QTest::newRow("resolved, past due")
            << "2026-05-01 10:00" << int(CaseStatus::Resolved) << int(DeadlineState::None) << "";
        QTest::newRow("received, no due") << "" << int(CaseStatus::Received) << int(DeadlineState::None) << "";
    }
    void states()
    {
        QFETCH(QString, due);
        QFETCH(int, status);
        QFETCH(int, state);
        QFETCH(QString, text);
        Case c = openCase(due);
        c.status = static_cast<CaseStatus>(status);
        QCOMPARE(int(Deadlines::stateOf(c, kNow, 240)), state);
        QCOMPARE(Deadlines::text(c, kNow, 240), text);
    }

    void nearMinutesFollowThePolicy()
    {
        const Case c = openCase(QStringLiteral("2026-06-01 11:00"));
        QCOMPARE(Deadlines::stateOf(c, kNow, 60), DeadlineState::NearDeadline);
        QCOMPARE(Deadlines::stateOf(c, kNow, 59), DeadlineState::OnTime);
    }

    void spans()
    {
        QCOMPARE(Deadlines::span(0), QStringLiteral("1 min"));
        QCOMPARE(Deadlines::span(61), QStringLiteral("2 min"));
        QCOMPARE(Deadlines::span(3600), QStringLiteral("1 h"));
        QCOMPARE(Deadlines::span(86400), QStringLiteral("1 d"));
        QCOMPARE(Deadlines::span(86400 + 3 * 3600 + 600), QStringLiteral("1 d 3 h"));
    }

    void reminders()
    {
        Case c = openCase(QStringLiteral("2026-06-01 09:00"));
        QCOMPARE(Deadlines::reminderText(c), QString());
        c.reminderLevel = 1;
        c.remindedAt = QDateTime(QDate(2026, 6, 1), QTime(9, 30));
        QCOMPARE(Deadlines::reminderText(c), QStringLiteral("Reminded 1× (reminder), last 2026-06-01 09:30"));
        c.reminderLevel = 2;
        QCOMPARE(Deadlines::reminderLevelLabel(2), QStringLiteral("urgent reminder"));
        QCOMPARE(Deadlines::reminderLevelLabel(3), QStringLiteral("supervised by the hall's leadership"));
        QCOMPARE(Deadlines::reminderLevelLabel(7), QStringLiteral("supervised by the hall's leadership"));
    }
};

QTEST_APPLESS_MAIN(TestDeadline)
#include "tst_deadline.moc"
