#include "audit/AuditEntry.h"

#include <QTest>

/** The audit hash covers every field and the link to the previous entry. */
class TestAuditChainHash : public QObject
{
    Q_OBJECT

private:
    static AuditEntry sample()
    {
        AuditEntry e;
        e.seq = 7;
        e.at = QDateTime::fromSecsSinceEpoch(1790000000);
        e.actorId = 3;
        e.actor = QStringLiteral("wang");
        e.action = QStringLiteral("case.acknowledge");
        e.entity = QStringLiteral("case");
        e.entityId = 11;
        e.detail = QStringLiteral("{\"case_no\":\"QT-20261122-0007\"}");
        e.prevHash = AuditChain::genesis();
        return e;
    }

private slots:
    void hashIsStableHex()
    {
        const QString h = AuditChain::computeHash(sample());
        QCOMPARE(h.size(), 64);
        QCOMPARE(h, AuditChain::computeHash(sample()));
        QCOMPARE(AuditChain::genesis(), QString(64, QLatin1Char('0')));
    }

    void everyFieldChangesTheHash()
    {
        const QString original = AuditChain::computeHash(sample());
        const std::function<void(AuditEntry&)> edits[] = {
            [](AuditEntry& e) { e.seq += 1; },
            [](AuditEntry& e) { e.at = e.at.addSecs(1); },
            [](AuditEntry& e) { e.actorId += 1; },
            [](AuditEntry& e) { e.actor += QLatin1Char('x'); },
            [](AuditEntry& e) { e.action = QStringLiteral("case.close"); },
            [](AuditEntry& e) { e.entity = QStringLiteral("user"); },
            [](AuditEntry& e) { e.entityId += 1; },
            [](AuditEntry& e) { e.detail.clear(); },
            [](AuditEntry& e) { e.prevHash[0] = QLatin1Char('1'); },
        };
        for (const auto& edit : edits) {
            AuditEntry e = sample();
            edit(e);
            QVERIFY(AuditChain::computeHash(e) != original);
        }
    }

    void fieldBoundariesCannotBeShifted()
    {
        AuditEntry a = sample();
        AuditEntry b = sample();
        a.actor = QStringLiteral("ab");
        a.action = QStringLiteral("c");
        b.actor = QStringLiteral("a");
        b.action = QStringLiteral("bc");
        QVERIFY(AuditChain::computeHash(a) != AuditChain::computeHash(b));
    }
};

QTEST_APPLESS_MAIN(TestAuditChainHash)
#include "tst_auditchain_hash.moc"
