#include "common/LocalTimeZone.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTest>
#include <QTimeZone>

/** LocalTimeZone::pin: the same local times, read from the same zone file, with TZ set once. */
class TestLocalTimeZone : public QObject
{
    Q_OBJECT

private slots:
    void pinKeepsLocalTimes()
    {
        if (!QFileInfo::exists(QStringLiteral("/etc/localtime"))) {
            QSKIP("this machine has no /etc/localtime");
        }
        qunsetenv("TZ");
        // Instants across a year, both sides of any daylight-saving change the machine's zone may have.
        QList<qint64> instants;
        for (qint64 t = 1735689600; t < 1798761600; t += 86400 * 7 + 3599) { // 2025-01-01 .. 2027-01-01 UTC
            instants << t;
        }
        QStringList before;
        for (qint64 t : instants) {
            before << QDateTime::fromSecsSinceEpoch(t).toString(Qt::ISODate);
        }
        const QByteArray zoneBefore = QTimeZone::systemTimeZoneId();

        LocalTimeZone::pin();
        QCOMPARE(qgetenv("TZ"), QByteArray(":/etc/localtime"));
        QStringList after;
        for (qint64 t : instants) {
            after << QDateTime::fromSecsSinceEpoch(t).toString(Qt::ISODate);
        }
        QCOMPARE(after, before);
        QCOMPARE(QTimeZone::systemTimeZoneId(), zoneBefore);
    }

    void anExplicitZoneIsKept()
    {
        qputenv("TZ", "Asia/Shanghai");
        LocalTimeZone::pin();
        QCOMPARE(qgetenv("TZ"), QByteArray("Asia/Shanghai"));
        qunsetenv("TZ");
    }
};

QTEST_GUILESS_MAIN(TestLocalTimeZone)
#include "tst_local_time_zone.moc"
