#include "audit/AuditActions.h"
#include "cases/CaseLifecycle.h"

#include <QTest>

/** Every action the services write has words for people; unknown codes show as they are. */
class TestAuditActions : public QObject
{
    Q_OBJECT

private slots:
    void everyCaseActionHasALabel()
    {
        for (CaseAction a : CaseActions::all()) {
            const QString code = QStringLiteral("case.") + CaseActions::code(a);
            QVERIFY2(AuditActions::label(code) != code, qPrintable(code));
        }
    }

    void everyScriptActionHasALabel()
    {
        for (const char* action : {"script.add", "script.update", "script.retire", "script.reactivate"}) {
            const QString code = QString::fromLatin1(action);
            QVERIFY2(AuditActions::label(code) != code, action);
        }
    }

    void knownAndUnknownActions()
    {
        QCOMPARE(AuditActions::label(QStringLiteral("user.login")), QStringLiteral("Logged in"));
        QCOMPARE(AuditActions::label(QStringLiteral("calendar.import")), QStringLiteral("Holiday calendar imported"));
        QCOMPARE(AuditActions::label(QStringLiteral("future.thing")), QStringLiteral("future.thing"));
    }
};

QTEST_APPLESS_MAIN(TestAuditActions)
#include "tst_auditactions.moc"
