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
        const QString h = AuditChain::legacyHash(sample());
        QCOMPARE(h.size(), 64);
        QCOMPARE(h, AuditChain::legacyHash(sample()));
        QCOMPARE(AuditChain::genesis(), QString(64, QLatin1Char('0')));
    }

    void everyFieldChangesTheHash()
    {
        const QString original = AuditChain::legacyHash(sample());
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
            QVERIFY(AuditChain::legacyHash(e) != original);
        }
    }

    void typedCellsCoverEveryFieldAndType()
    {
        AuditEntry keyed = sample();
        keyed.keyId = QStringLiteral("0123456789abcdef");
        const QVariantList cells = AuditChain::cells(keyed);
        QCOMPARE(cells.size(), 10);
        QVERIFY(!cells.at(2).isNull()); // actor 3
        AuditEntry cli = keyed;
        cli.actorId = 0;
        QVERIFY(AuditChain::cells(cli).at(2).isNull()); // stored as NULL, as the repository writes it
        const QByteArray original = AuditChain::canonical(cells);
        QCOMPARE(original, AuditChain::canonical(AuditChain::cells(keyed)));
        for (int i = 0; i < cells.size(); ++i) {
            // The same value with another type, and NULL, never encode alike.
            QVariantList asText = cells;
            asText[i] = QVariant(cells.at(i).toString());
            QVariantList asNull = cells;
            asNull[i] = QVariant();
            if (cells.at(i).typeId() != QMetaType::QString) {
                QVERIFY2(AuditChain::canonical(asText) != original, qPrintable(QString::number(i)));
            }
            QVERIFY2(AuditChain::canonical(asNull) != original, qPrintable(QString::number(i)));
        }
        // Text boundaries cannot be shifted either.
        QVERIFY(AuditChain::canonical({QStringLiteral("ab"), QStringLiteral("c")}) !=
                AuditChain::canonical({QStringLiteral("a"), QStringLiteral("bc")}));
        // int and qint64 of the same value are the same integer cell (drivers differ in width).
        QCOMPARE(AuditChain::canonical({QVariant(int(7))}), AuditChain::canonical({QVariant(qint64(7))}));
        QVERIFY(AuditChain::canonical({QVariant(0.0)}) != AuditChain::canonical({QVariant(qint64(0))}));
    }

    void fieldBoundariesCannotBeShifted()
    {
        AuditEntry a = sample();
        AuditEntry b = sample();
        a.actor = QStringLiteral("ab");
        a.action = QStringLiteral("c");
        b.actor = QStringLiteral("a");
        b.action = QStringLiteral("bc");
        QVERIFY(AuditChain::legacyHash(a) != AuditChain::legacyHash(b));
    }
};

QTEST_APPLESS_MAIN(TestAuditChainHash)
#include "tst_auditchain_hash.moc"
