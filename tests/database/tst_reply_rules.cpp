#include "TestDatabases.h"
#include "TestFixtures.h"
#include "common/Clock.h"
#include "repositories/AuditRepository.h"
#include "repositories/ReplyRuleRepository.h"
#include "services/ReplyRuleService.h"

#include <QTest>

/**
 * The reply checker's rules in the database: the seed of migration 0008 is exactly ReplyChecker::defaultRules()
 * (one source of truth, reply_rules.json), clerks read the active ones, admins change them validated and audited.
 */
class TestReplyRules : public QObject
{
    Q_OBJECT

private:
    const FixedClock m_clock{QDateTime(QDate(2026, 11, 30), QTime(9, 0))};

    static ReplyRule sample()
    {
        ReplyRule rule;
        rule.kind = ReplyFindingKind::Defensive;
        rule.pattern = QStringLiteral("暂停(?:办理|受理)");
        rule.isRegex = true;
        rule.advice = QStringLiteral("说明何时恢复办理，以及我们为群众做什么。");
        return rule;
    }

private slots:
    void seedIsTheDefaultRules_data() { TestDatabase::addBackendRows(); }
    void seedIsTheDefaultRules()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const auto stored = db->repositories().replyRules->list(true);
        QINGTING_VERIFY_OK(stored);
        const QList<ReplyRule> defaults = ReplyChecker::defaultRules();
        QCOMPARE(stored->size(), defaults.size());
        for (qsizetype i = 0; i < defaults.size(); ++i) {
            const ReplyRule& s = stored->at(i);
            const ReplyRule& d = defaults.at(i);
            QCOMPARE(ReplyFindingKinds::code(s.kind), ReplyFindingKinds::code(d.kind));
            QCOMPARE(s.pattern, d.pattern);
            QCOMPARE(s.isRegex, d.isRegex);
            QCOMPARE(s.unlessConstructive, d.unlessConstructive);
            QCOMPARE(s.advice, d.advice);
            QCOMPARE(s.active, d.active);
            QCOMPARE(s.version, 1);
            QCOMPARE(s.updatedBy, QStringLiteral("seed"));
        }
        // The same rules give the same findings.
        const QString reply = QStringLiteral("不好意思，这个不归我们管，您去找区住建局吧。保证一定办好。");
        const auto a = ReplyChecker(*stored).check(reply);
        const auto b = ReplyChecker(defaults).check(reply);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].text, b[i].text);
            QCOMPARE(a[i].start, b[i].start);
        }
    }

    void clerksReadAdminsChange_data() { TestDatabase::addBackendRows(); }
    void clerksReadAdminsChange()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        ReplyRuleService clerk(Fixtures::addUser(repos, QStringLiteral("clerk1"), Role::Clerk), repos, m_clock);
        ReplyRuleService admin(Fixtures::addUser(repos, QStringLiteral("admin1"), Role::Admin), repos, m_clock);
        ReplyRuleService trainer(Fixtures::addUser(repos, QStringLiteral("trainer1"), Role::Trainer), repos, m_clock);

        const auto before = clerk.activeRules();
        QINGTING_VERIFY_OK(before);
        QCOMPARE(clerk.add(sample()).error().code, Error::Code::PermissionDenied);
        QCOMPARE(clerk.allRules().error().code, Error::Code::PermissionDenied);
        QCOMPARE(trainer.activeRules().error().code, Error::Code::PermissionDenied);

        const auto added = admin.add(sample());
        QINGTING_VERIFY_OK(added);
        QVERIFY(added->id > 0);
        QCOMPARE(added->version, 1);
        QCOMPARE(added->updatedBy, QStringLiteral("admin1"));
        QCOMPARE(added->updatedAt, m_clock.now());
        const auto withNew = clerk.activeRules();
        QINGTING_VERIFY_OK(withNew);
        QCOMPARE(withNew->size(), before->size() + 1);
        const QString reply = QStringLiteral("感谢您的反映，本窗口暂停办理。");
        const auto findings = ReplyChecker(*withNew).check(reply);
        QVERIFY(std::any_of(findings.cbegin(), findings.cend(),
                            [](const ReplyFinding& f) { return f.text == QStringLiteral("暂停办理"); }));
        QCOMPARE(admin.add(sample()).error().code, Error::Code::Conflict); // the same pattern twice

        ReplyRule edited = *added;
        edited.pattern = QStringLiteral("暂停办理");
        edited.isRegex = false;
        const auto saved = admin.edit(edited);
        QINGTING_VERIFY_OK(saved);
        QCOMPARE(saved->version, 2);
        QCOMPARE(saved->pattern, QStringLiteral("暂停办理"));
        QCOMPARE(admin.edit(edited).error().code, Error::Code::Conflict); // stale version

        const auto retired = admin.setActive(saved->id, saved->version, false);
        QINGTING_VERIFY_OK(retired);
        QVERIFY(!retired->active);
        QCOMPARE(clerk.activeRules()->size(), before->size());
        const auto all = admin.allRules();
        QINGTING_VERIFY_OK(all);
        QCOMPARE(all->size(), before->size() + 1); // retired, not deleted
        QINGTING_VERIFY_OK(admin.setActive(retired->id, retired->version, true));

        const auto audit = repos.audit->latest(4);
        QINGTING_VERIFY_OK(audit);
        QStringList actions;
        for (const auto& entry : *audit) {
            actions.prepend(entry.action);
            QCOMPARE(entry.actor, QStringLiteral("admin1"));
        }
        QCOMPARE(actions, (QStringList{QStringLiteral("reply_rule.add"), QStringLiteral("reply_rule.edit"),
                                       QStringLiteral("reply_rule.retire"), QStringLiteral("reply_rule.restore")}));
        QVERIFY(audit->at(2).detail.contains(QStringLiteral("暂停(?:办理|受理)"))); // the edit shows from and to
    }

    void badRulesAreRefused_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("isRegex");
        QTest::addColumn<QString>("advice");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("unlessConstructive");
        QTest::addColumn<QString>("reason");
        for (const char* backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            const QString advice = QStringLiteral("建议");
            const int defensive = int(ReplyFindingKind::Defensive);
            QTest::addRow("%s: unbalanced regex", backend)
                << b << QStringLiteral("(不归") << true << advice << defensive << false << QStringLiteral("regular");
            QTest::addRow("%s: matches everything", backend)
                << b << QStringLiteral(".*") << true << advice << defensive << false << QStringLiteral("regular");
            QTest::addRow("%s: empty pattern", backend)
                << b << QStringLiteral("  ") << false << advice << defensive << false << QStringLiteral("phrase");
            QTest::addRow("%s: no advice", backend) << b << QStringLiteral("不归我管") << false << QString()
                                                    << defensive << false << QStringLiteral("advice");
            QTest::addRow("%s: constructive excuse on a missing kind", backend)
                << b << QStringLiteral("感谢") << false << advice << int(ReplyFindingKind::MissingEmpathy) << true
                << QStringLiteral("defensive");
        }
    }
    void badRulesAreRefused()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, isRegex);
        QFETCH(QString, advice);
        QFETCH(int, kind);
        QFETCH(bool, unlessConstructive);
        QFETCH(QString, reason);
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        ReplyRuleService admin(Fixtures::addUser(repos, QStringLiteral("admin1"), Role::Admin), repos, m_clock);
        const int before = int(admin.allRules()->size());
        ReplyRule rule = sample();
        rule.pattern = pattern;
        rule.isRegex = isRegex;
        rule.advice = advice;
        rule.kind = ReplyFindingKind(kind);
        rule.unlessConstructive = unlessConstructive;
        const auto added = admin.add(rule);
        QVERIFY(!added.ok());
        QCOMPARE(added.error().code, Error::Code::Invalid);
        QVERIFY2(added.error().message.contains(reason), qPrintable(added.error().message));
        QCOMPARE(int(admin.allRules()->size()), before);
        // Editing a seeded rule into a bad one is refused the same way, and changes nothing.
        ReplyRule seeded = admin.allRules()->first();
        const ReplyRule original = seeded;
        seeded.pattern = pattern;
        seeded.isRegex = isRegex;
        seeded.advice = advice;
        seeded.kind = ReplyFindingKind(kind);
        seeded.unlessConstructive = unlessConstructive;
        QCOMPARE(admin.edit(seeded).error().code, Error::Code::Invalid);
        QCOMPARE(admin.allRules()->first().pattern, original.pattern);
        QCOMPARE(admin.allRules()->first().version, original.version);
    }
};

QTEST_GUILESS_MAIN(TestReplyRules)
#include "tst_reply_rules.moc"
