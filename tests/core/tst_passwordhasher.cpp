#include "users/PasswordHasher.h"

#include <QTest>

/** Argon2id through libsodium: verifiable, salted, upgradable. */
class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void hashesAreArgon2idAndSalted()
    {
        const PasswordHasher hasher(PasswordHasher::Strength::Minimal);
        const QString a = hasher.hash(QStringLiteral("窗口密码-2026"));
        const QString b = hasher.hash(QStringLiteral("窗口密码-2026"));
        QVERIFY(a.startsWith(QLatin1String("$argon2id$")));
        QVERIFY(a != b);
        QVERIFY(hasher.verify(QStringLiteral("窗口密码-2026"), a));
        QVERIFY(!hasher.verify(QStringLiteral("窗口密码-2027"), a));
        QVERIFY(!hasher.verify(QStringLiteral("窗口密码-2026"), QString()));
    }

    void weakHashesAskForRehash()
    {
        const PasswordHasher weak(PasswordHasher::Strength::Minimal);
        const PasswordHasher strong(PasswordHasher::Strength::Interactive);
        const QString h = weak.hash(QStringLiteral("longenough"));
        QVERIFY(strong.needsRehash(h));
        QVERIFY(!weak.needsRehash(h));
        QVERIFY(strong.verify(QStringLiteral("longenough"), h));
    }

    void weakPasswordsAreRefused()
    {
        QVERIFY(PasswordHasher::weakness(QStringLiteral("short")).has_value());
        QVERIFY(PasswordHasher::weakness(QStringLiteral("        ")).has_value());
        QVERIFY(!PasswordHasher::weakness(QStringLiteral("8chars!!")).has_value());
    }
};

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
