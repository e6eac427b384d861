#include "TestDatabases.h"
#include "TestFixtures.h"
#include "repositories/UnitOfWork.h"
#include "repositories/UserRepository.h"
#include "services/CaseService.h"

#include <QTest>

/**
 * Transactions compose through savepoints: service writes inside an outer transaction are kept or dropped with it,
 * and a nested rollback undoes only its own part, on SQLite and PostgreSQL.
 */
class TestUnitOfWork : public QObject
{
    Q_OBJECT

private:
    const FixedClock m_clock{Fixtures::at(QStringLiteral("2026-03-02 09:00"))};

    static int caseCount(RawConnection& raw)
    {
        return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM cases")).toInt();
    }

private slots:
    void serviceWritesFollowTheOuterTransaction_data() { TestDatabase::addBackendRows(); }
    void serviceWritesFollowTheOuterTransaction()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        UnitOfWork& uow = *repos.unitOfWork;
        CaseService cases(Session::commandLine(), repos, m_clock);
        RawConnection raw(scratch);
        const QString before = raw.dump();

        {
            WriteTransaction outer(uow);
            QINGTING_VERIFY_OK(outer.started());
            QCOMPARE(uow.depth(), 1);
            const auto first = cases.create(Fixtures::citizenDraft(repos, QStringLiteral("第一件")));
            QINGTING_VERIFY_OK(first);
            const auto second = cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("第二件")));
            QINGTING_VERIFY_OK(second);
            QCOMPARE(uow.depth(), 1); // each service call released its savepoint
            // Inside, the writes are visible; outside, nothing is committed yet.
            QINGTING_VERIFY_OK(cases.get(first->id));
            QINGTING_VERIFY_OK(cases.get(second->id));
            if (!scratch.isPostgres()) {
                QCOMPARE(caseCount(raw), 0);
            }
        } // not committed: rolled back
        QCOMPARE(uow.depth(), 0);
        QCOMPARE(raw.dump(), before);

        WriteTransaction outer(uow);
        QINGTING_VERIFY_OK(cases.create(Fixtures::citizenDraft(repos, QStringLiteral("第一件"))));
        QINGTING_VERIFY_OK(cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("第二件"))));
        QINGTING_VERIFY_OK(outer.commit());
        QCOMPARE(uow.depth(), 0);
        QCOMPARE(caseCount(raw), 2);
    }

    void aNestedRollbackUndoesOnlyItsPart_data() { TestDatabase::addBackendRows(); }
    void aNestedRollbackUndoesOnlyItsPart()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        UnitOfWork& uow = *repos.unitOfWork;
        CaseService cases(Session::commandLine(), repos, m_clock);
        Fixtures::addUser(repos, QStringLiteral("chen"), Role::Clerk);
        RawConnection raw(scratch);

        WriteTransaction outer(uow);
        QINGTING_VERIFY_OK(cases.create(Fixtures::citizenDraft(repos, QStringLiteral("保留"))));
        {
            // A statement fails inside the savepoint (on PostgreSQL that aborts everything up to the savepoint).
            WriteTransaction inner(uow);
            QINGTING_VERIFY_OK(inner.started());
            QCOMPARE(uow.depth(), 2);
            User twin;
            twin.login = QStringLiteral("chen");
            twin.createdAt = m_clock.now();
            QCOMPARE(repos.users->insert(twin, QStringLiteral("x")).error().code, Error::Code::Conflict);
        }
        {
            // A write that succeeds but is not committed goes too.
            WriteTransaction inner(uow);
            User temp;
            temp.login = QStringLiteral("temp");
            temp.createdAt = m_clock.now();
            QINGTING_VERIFY_OK(repos.users->insert(temp, QStringLiteral("x")));
        }
        {
            // Savepoints nest.
            WriteTransaction middle(uow);
            {
                WriteTransaction inner(uow);
                QCOMPARE(uow.depth(), 3);
                QINGTING_VERIFY_OK(cases.create(Fixtures::citizenDraft(repos, QStringLiteral("最内层"))));
            }
            QINGTING_VERIFY_OK(cases.create(Fixtures::citizenDraft(repos, QStringLiteral("中间层"))));
            QINGTING_VERIFY_OK(middle.commit());
        }
        QCOMPARE(uow.depth(), 1);
        QINGTING_VERIFY_OK(cases.create(Fixtures::anonymousDraft(repos, QStringLiteral("之后"))));
        QINGTING_VERIFY_OK(outer.commit());

        QCOMPARE(caseCount(raw), 3);
        const auto texts = raw.rows(QStringLiteral("SELECT complaint_text FROM cases ORDER BY id"));
        QStringList kept;
        for (const auto& row : texts) {
            kept << row.at(0).toString();
        }
        QCOMPARE(kept, (QStringList{QStringLiteral("保留"), QStringLiteral("中间层"), QStringLiteral("之后")}));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM users")).toInt(), 1);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'case.create'")).toInt(), 3);
    }

    void anImportIsAllOrNothing_data() { TestDatabase::addBackendRows(); }
    void anImportIsAllOrNothing()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        CaseService cases(Session::commandLine(), repos, m_clock);
        RawConnection raw(scratch);
        const QString before = raw.dump();

        // Three rows; the third is rejected by the service, so none of the three may stay.
        const QList<CaseDraft> rows{Fixtures::citizenDraft(repos, QStringLiteral("导入一")),
                                    Fixtures::anonymousDraft(repos, QStringLiteral("导入二")),
                                    Fixtures::anonymousDraft(repos, QString())};
        const auto import = [&]() -> Status {
            WriteTransaction tx(*repos.unitOfWork);
            if (!tx.started()) {
                return tx.started();
            }
            for (const CaseDraft& row : rows) {
                if (auto c = cases.create(row); !c) {
                    return c.error();
                }
            }
            return tx.commit();
        };
        const Status result = import();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Invalid);
        QCOMPARE(raw.dump(), before);
        QCOMPARE(repos.unitOfWork->depth(), 0);
    }

    void commitWithoutATransactionIsAnError_data() { TestDatabase::addBackendRows(); }
    void commitWithoutATransactionIsAnError()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        UnitOfWork& uow = *db->repositories().unitOfWork;
        QVERIFY(!uow.commit().ok());
        uow.rollback(); // harmless
        QCOMPARE(uow.depth(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUnitOfWork)
#include "tst_unit_of_work.moc"
