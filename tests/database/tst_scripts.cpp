#include "Migrator.h"
#include "TestDatabases.h"
#include "TestFixtures.h"
#include "common/Clock.h"
#include "reply/ReplyChecker.h"
#include "repositories/AuditRepository.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/ReplyRuleRepository.h"
#include "repositories/ScriptRepository.h"
#include "services/ReferenceService.h"
#include "services/ScriptService.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

/**
 * The response-script library on SQLite and PostgreSQL: the seeded templates, the repository, the wizard's choice of
 * templates, and the admin's changes (permission, validation, audit, concurrent edits).
 */
class TestScripts : public QObject
{
    Q_OBJECT

private:
    const FixedClock m_clock{QDateTime(QDate(2026, 11, 30), QTime(10, 0))};

    static Session admin(const Repositories& repos)
    {
        return Fixtures::addUser(repos, QStringLiteral("admin"), Role::Admin);
    }
    static Session clerk(const Repositories& repos)
    {
        return Fixtures::addUser(repos, QStringLiteral("clerk"), Role::Clerk);
    }
    static qint64 category(const Repositories& repos, const char* name)
    {
        return Fixtures::referenceId(repos, ReferenceKind::Category, QString::fromUtf8(name));
    }
    static ScriptTemplate draft(ScriptStep step, qint64 categoryId, const QString& body,
                                std::optional<EmotionLevel> emotion = std::nullopt)
    {
        ScriptTemplate s;
        s.step = step;
        s.categoryId = categoryId;
        s.emotion = emotion;
        s.title = QStringLiteral("测试话术");
        s.body = body;
        return s;
    }
    static qint64 auditCount(const Repositories& repos)
    {
        const auto all = repos.audit->latest(100000);
        return all ? all->size() : -1;
    }
    static QList<qint64> ids(const QList<ScriptTemplate>& scripts)
    {
        QList<qint64> result;
        for (const auto& s : scripts) {
            result << s.id;
        }
        return result;
    }

private slots:
    void seedCoversEveryCategoryAndStep_data() { TestDatabase::addBackendRows(); }
    void seedCoversEveryCategoryAndStep()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        ScriptService adminScripts(admin(repos), repos, m_clock);
        const auto all = adminScripts.all();
        QINGTING_VERIFY_OK(all);
        QVERIFY2(all->size() >= 40, qPrintable(QString::number(all->size())));
        QSet<QString> bodies;
        for (const ScriptTemplate& s : *all) {
            QVERIFY(s.active);
            QCOMPARE(s.createdBy, QStringLiteral("system"));
            const auto problem = ScriptService::invalid(s);
            QVERIFY2(!problem, qPrintable(s.title + QStringLiteral(": ") + (problem ? problem->message : QString())));
            QVERIFY2(!bodies.contains(s.body), qPrintable(s.body));
            bodies.insert(s.body);
        }

        // Every category of the seed data and every step: at least one template for the wizard, and for most pairs
        // one written for that category.
        ScriptService scripts(clerk(repos), repos, m_clock);
        const auto categories = repos.reference->list(ReferenceKind::Category);
        QINGTING_VERIFY_OK(categories);
        QCOMPARE(categories->size(), 8);
        int specificPairs = 0;
        for (const ReferenceItem& c : *categories) {
            for (ScriptStep step : IntakeCodes::scriptSteps()) {
                const auto offered = scripts.templates(step, c.id, std::nullopt);
                QINGTING_VERIFY_OK(offered);
                QVERIFY2(!offered->isEmpty(), qPrintable(c.name + QLatin1Char('/') + IntakeCodes::code(step)));
                for (const ScriptTemplate& s : *offered) {
                    QCOMPARE(s.step, step);
                    QVERIFY(s.categoryId == 0 || s.categoryId == c.id);
                }
                specificPairs += offered->first().categoryId == c.id ? 1 : 0;
            }
        }
        QVERIFY2(specificPairs >= 40, qPrintable(QString::number(specificPairs)));

        // Acknowledgement for each emotion level: a general template written for exactly that level.
        for (EmotionLevel e : IntakeCodes::emotionLevels()) {
            const auto offered = scripts.templates(ScriptStep::Acknowledge, 0, e);
            QINGTING_VERIFY_OK(offered);
            QVERIFY2(!offered->isEmpty() && offered->first().emotion == e, qPrintable(IntakeCodes::code(e)));
            for (const ScriptTemplate& s : *offered) {
                QVERIFY(!s.emotion || s.emotion == e);
                QCOMPARE(s.categoryId, qint64(0));
            }
        }

        // What the library gives clerks to say aloud must pass the desk's own reply checker: an acknowledgement is
        // empathy by definition (found in use: "我能感受到……换成是我也会不舒服" was reported as missing empathy).
        const auto rules = repos.replyRules->list(false);
        QINGTING_VERIFY_OK(rules);
        const ReplyChecker checker(*rules);
        for (const ScriptTemplate& s : *all) {
            if (s.step != ScriptStep::Acknowledge) {
                continue;
            }
            for (const ReplyFinding& f : checker.check(s.body)) {
                QVERIFY2(f.kind != ReplyFindingKind::MissingEmpathy,
                         qPrintable(s.title + QStringLiteral(": ") + s.body));
            }
        }

        // Public replies move the conversation to a private channel and carry no personal or case details.
        const auto publicReplies = adminScripts.all();
        for (const ScriptTemplate& s : *publicReplies) {
            if (s.step != ScriptStep::PublicReply) {
                continue;
            }
            QVERIFY2(s.body.contains(QStringLiteral("私信")) || s.body.contains(QStringLiteral("{电话}")),
                     qPrintable(s.title));
            QVERIFY2(!s.body.contains(QStringLiteral("{称呼}")) && !s.body.contains(QStringLiteral("{案件编号}")),
                     qPrintable(s.title));
        }
    }

    void upgradeSeedsOnlyTheHallsCategories_data() { TestDatabase::addBackendRows(); }
    void upgradeSeedsOnlyTheHallsCategories()
    {
        QINGTING_TEST_DATABASE(scratch);
        int scriptsVersion = 0;
        for (const Migration& m : Migrator::migrations()) {
            scriptsVersion = m.name == QLatin1String("scripts") ? m.version : scriptsVersion;
        }
        QVERIFY(scriptsVersion > 1);
        {
            // A hall on the schema before the library renamed one seeded category and added one of its own.
            RawConnection raw(scratch);
            QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
            const Migrator::Report report = Migrator(raw.db()).migrate(scriptsVersion - 1);
            QVERIFY2(!report.refused(), qPrintable(report.message));
            QCOMPARE(raw.exec(QStringLiteral("UPDATE categories SET name = '收费问题' WHERE name = '收费'")),
                     QString());
            QCOMPARE(raw.exec(QStringLiteral("INSERT INTO categories (name, sort_order) VALUES ('证照到期', 90)")),
                     QString());
        }
        QINGTING_OPEN_DATABASE(db, scratch);
        QCOMPARE(db->versionFoundOnOpen(), scriptsVersion - 1);
        const Repositories repos = db->repositories();
        const auto all = repos.scripts->list();
        QINGTING_VERIFY_OK(all);
        QVERIFY(all->size() >= 40);
        const qint64 renamed = category(repos, "收费问题");
        const qint64 own = category(repos, "证照到期");
        QVERIFY(renamed != 0 && own != 0);
        for (const ScriptTemplate& s : *all) {
            // The fee templates found no category named 收费: left out, not turned into general ones.
            QVERIFY(s.categoryId != renamed && s.categoryId != own);
            QVERIFY2(s.categoryId != 0 || !s.body.contains(QStringLiteral("收费")), qPrintable(s.title));
        }
        // The general templates still serve every step for the renamed and the new category.
        ScriptService scripts(clerk(repos), repos, m_clock);
        for (qint64 c : {renamed, own}) {
            for (ScriptStep step : IntakeCodes::scriptSteps()) {
                const auto offered = scripts.templates(step, c, EmotionLevel::Calm);
                QINGTING_VERIFY_OK(offered);
                QVERIFY(!offered->isEmpty());
            }
        }
    }

    void repositoryRoundTrip_data() { TestDatabase::addBackendRows(); }
    void repositoryRoundTrip()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        ScriptRepository& repo = *db->repositories().scripts;
        const qint64 fees = category(db->repositories(), "收费");
        ScriptTemplate s = draft(ScriptStep::Steps, fees, QStringLiteral("{称呼}，我们会在{承诺时间}前答复。"),
                                 EmotionLevel::Agitated);
        s.createdAt = s.updatedAt = m_clock.now();
        s.createdBy = s.updatedBy = QStringLiteral("admin");
        const auto id = repo.insert(s);
        QINGTING_VERIFY_OK(id);
        const auto found = repo.find(*id);
        QINGTING_VERIFY_OK(found);
        QCOMPARE(found->step, ScriptStep::Steps);
        QCOMPARE(found->categoryId, fees);
        QCOMPARE(found->emotion, std::optional<EmotionLevel>(EmotionLevel::Agitated));
        QCOMPARE(found->title, s.title);
        QCOMPARE(found->body, s.body);
        QVERIFY(found->active);
        QCOMPARE(found->version, 0);
        QCOMPARE(found->createdAt, m_clock.now());
        QCOMPARE(found->createdBy, QStringLiteral("admin"));

        const auto steps = repo.list(ScriptStep::Steps);
        QINGTING_VERIFY_OK(steps);
        QVERIFY(ids(*steps).contains(*id));
        for (const auto& t : *steps) {
            QCOMPARE(t.step, ScriptStep::Steps);
        }
        const auto results = repo.list(ScriptStep::Result);
        QINGTING_VERIFY_OK(results);
        QVERIFY(!ids(*results).contains(*id));

        ScriptTemplate changed = *found;
        changed.categoryId = 0;
        changed.emotion.reset();
        changed.active = false;
        changed.body = QStringLiteral("新的正文");
        changed.updatedAt = m_clock.now().addSecs(60);
        changed.updatedBy = QStringLiteral("admin2");
        QINGTING_VERIFY_OK(repo.update(changed));
        const auto again = repo.find(*id);
        QINGTING_VERIFY_OK(again);
        QCOMPARE(again->version, 1);
        QCOMPARE(again->categoryId, qint64(0));
        QVERIFY(!again->emotion);
        QVERIFY(!again->active);
        QCOMPARE(again->body, QStringLiteral("新的正文"));
        QCOMPARE(again->updatedBy, QStringLiteral("admin2"));
        QCOMPARE(again->createdBy, QStringLiteral("admin"));

        // The same change from the version before: another desk changed it meanwhile.
        const auto stale = repo.update(changed);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, Error::Code::Conflict);
        changed.id = *id + 100000;
        const auto missing = repo.update(changed);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QCOMPARE(repo.find(*id + 100000).error().code, Error::Code::NotFound);
    }

    void theDatabaseRefusesBadRows_data() { TestDatabase::addBackendRows(); }
    void theDatabaseRefusesBadRows()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        RawConnection raw(scratch);
        QVERIFY2(raw.isOpen(), qPrintable(raw.error()));
        const QString insert = QStringLiteral(
            "INSERT INTO script_templates (step, category_id, emotion, title, body, active, version, created_at, "
            "created_by, updated_at, updated_by) VALUES (%1, 0, 0, 'system', 0, 'system')");
        QVERIFY(!raw.exec(insert.arg(QStringLiteral("'greet', NULL, NULL, 't', 'b', 1"))).isEmpty());
        QVERIFY(!raw.exec(insert.arg(QStringLiteral("'steps', NULL, 'furious', 't', 'b', 1"))).isEmpty());
        QVERIFY(!raw.exec(insert.arg(QStringLiteral("'steps', NULL, NULL, '', 'b', 1"))).isEmpty());
        QVERIFY(!raw.exec(insert.arg(QStringLiteral("'steps', NULL, NULL, 't', '  ', 1"))).isEmpty());
        QVERIFY(!raw.exec(insert.arg(QStringLiteral("'steps', NULL, NULL, 't', 'b', 2"))).isEmpty());
        QCOMPARE(raw.exec(insert.arg(QStringLiteral("'steps', NULL, NULL, 't', 'b', 1"))), QString());
    }

    void templatesForTheWizard_data() { TestDatabase::addBackendRows(); }
    void templatesForTheWizard()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        const Session administrator = admin(repos);
        ScriptService adminScripts(administrator, repos, m_clock);
        ReferenceService reference(administrator, repos, m_clock);
        const qint64 attitude = category(repos, "服务态度");
        const auto sub = reference.add(ReferenceKind::Category, QStringLiteral("言语不当"), attitude);
        QINGTING_VERIFY_OK(sub);

        auto add = [&](qint64 categoryId, std::optional<EmotionLevel> e, const QString& body) -> qint64 {
            const auto added = adminScripts.add(draft(ScriptStep::Impact, categoryId, body, e));
            return added ? added->id : 0;
        };
        const qint64 subAngry = add(sub->id, EmotionLevel::Angry, QStringLiteral("子类·愤怒"));
        const qint64 subAny = add(sub->id, std::nullopt, QStringLiteral("子类·通用"));
        const qint64 parentAngry = add(attitude, EmotionLevel::Angry, QStringLiteral("父类·愤怒"));
        const qint64 generalCalm = add(0, EmotionLevel::Calm, QStringLiteral("通用·平静"));
        const qint64 otherCategory = add(category(repos, "收费"), std::nullopt, QStringLiteral("收费"));
        const qint64 retired = add(sub->id, std::nullopt, QStringLiteral("已停用"));
        QVERIFY(subAngry && subAny && parentAngry && generalCalm && otherCategory && retired);
        QINGTING_VERIFY_OK(adminScripts.retire(retired));

        ScriptService scripts(clerk(repos), repos, m_clock);
        const auto angry = scripts.templates(ScriptStep::Impact, sub->id, EmotionLevel::Angry);
        QINGTING_VERIFY_OK(angry);
        const QList<qint64> got = ids(*angry);
        QCOMPARE(got.mid(0, 2), (QList<qint64>{subAngry, subAny}));
        QVERIFY(got.indexOf(parentAngry) == 2);
        QVERIFY(!got.contains(generalCalm));
        QVERIFY(!got.contains(otherCategory));
        QVERIFY(!got.contains(retired));
        // After the parent's, the general templates for every emotion (the seed's).
        for (qsizetype i = 4; i < angry->size(); ++i) {
            QCOMPARE(angry->at(i).categoryId, qint64(0));
            QVERIFY(!angry->at(i).emotion);
        }

        // Without an emotion: every level, neutral ones before emotion-specific ones within each category.
        const auto anyEmotion = scripts.templates(ScriptStep::Impact, sub->id, std::nullopt);
        QINGTING_VERIFY_OK(anyEmotion);
        QCOMPARE(ids(*anyEmotion).mid(0, 2), (QList<qint64>{subAny, subAngry}));
        QVERIFY(ids(*anyEmotion).contains(generalCalm));
        QCOMPARE(ids(*anyEmotion).last(), generalCalm);

        // No category yet: only general templates.
        const auto none = scripts.templates(ScriptStep::Impact, 0, EmotionLevel::Calm);
        QINGTING_VERIFY_OK(none);
        QCOMPARE(none->first().id, generalCalm);
        for (const auto& s : *none) {
            QCOMPARE(s.categoryId, qint64(0));
        }

        // Reactivated, the template is offered again.
        QINGTING_VERIFY_OK(adminScripts.reactivate(retired));
        const auto back = scripts.templates(ScriptStep::Impact, sub->id, std::nullopt);
        QINGTING_VERIFY_OK(back);
        QVERIFY(ids(*back).contains(retired));
    }

    void onlyAdminsChangeScripts_data() { TestDatabase::addBackendRows(); }
    void onlyAdminsChangeScripts()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        const auto seeded = ScriptService(admin(repos), repos, m_clock).all();
        QINGTING_VERIFY_OK(seeded);
        const ScriptTemplate first = seeded->first();
        RawConnection raw(scratch);
        const QString before = raw.dump();
        for (Role role : {Role::Clerk, Role::Supervisor, Role::Trainer}) {
            ScriptService scripts(Fixtures::addUser(repos, QStringLiteral("u-") + Roles::code(role), role), repos,
                                  m_clock);
            // Everyone may read the templates for a conversation...
            QINGTING_VERIFY_OK(scripts.templates(ScriptStep::Acknowledge, 0, EmotionLevel::Angry));
            // ...but neither list the library nor change it.
            QCOMPARE(scripts.all().error().code, Error::Code::PermissionDenied);
            QCOMPARE(scripts.add(draft(ScriptStep::Steps, 0, QStringLiteral("正文"))).error().code,
                     Error::Code::PermissionDenied);
            ScriptTemplate edited = first;
            edited.body = QStringLiteral("改过的正文");
            QCOMPARE(scripts.update(edited).error().code, Error::Code::PermissionDenied);
            QCOMPARE(scripts.retire(first.id).error().code, Error::Code::PermissionDenied);
            QCOMPARE(scripts.reactivate(first.id).error().code, Error::Code::PermissionDenied);
        }
        // A disabled administrator's session has ended.
        const Session gone = Fixtures::addUser(repos, QStringLiteral("gone"), Role::Admin);
        QINGTING_VERIFY_OK(repos.users->setActive(gone.userId(), false));
        ScriptService goneScripts(gone, repos, m_clock);
        QCOMPARE(goneScripts.add(draft(ScriptStep::Steps, 0, QStringLiteral("正文"))).error().code,
                 Error::Code::SessionEnded);
        // Nothing but the accounts was written.
        const QString after = raw.dump();
        const auto scriptRows = [](const QString& dump) {
            const qsizetype from = dump.indexOf(QLatin1String("[script_templates]"));
            return dump.mid(from, dump.indexOf(QLatin1Char('['), from + 1) - from);
        };
        QCOMPARE(scriptRows(after), scriptRows(before));
        QVERIFY(!after.contains(QLatin1String("script.")));
    }

    void changesAreValidatedAndAudited_data() { TestDatabase::addBackendRows(); }
    void changesAreValidatedAndAudited()
    {
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        ScriptService scripts(admin(repos), repos, m_clock);
        const qint64 auditBefore = auditCount(repos);

        // Refused before anything is written: empty text, unknown placeholders (named), a category that is not there.
        const auto empty = scripts.add(draft(ScriptStep::Steps, 0, QStringLiteral("   ")));
        QCOMPARE(empty.error().code, Error::Code::Invalid);
        auto untitled = draft(ScriptStep::Steps, 0, QStringLiteral("正文"));
        untitled.title = QStringLiteral(" ");
        QCOMPARE(scripts.add(untitled).error().code, Error::Code::Invalid);
        const auto unknown =
            scripts.add(draft(ScriptStep::Steps, 0, QStringLiteral("{称呼}，{经办人}会在｛办结日｝前联系您。")));
        QCOMPARE(unknown.error().code, Error::Code::Invalid);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("{经办人} {办结日}")),
                 qPrintable(unknown.error().message));
        QCOMPARE(scripts.add(draft(ScriptStep::Steps, 987654, QStringLiteral("正文"))).error().code,
                 Error::Code::Invalid);
        QCOMPARE(auditCount(repos), auditBefore);

        // Added: trimmed, stored, audited in the same transaction.
        const auto added = scripts.add(
            draft(ScriptStep::Result, category(repos, "收费"), QStringLiteral("  {称呼}您好，{处理结果}。  ")));
        QINGTING_VERIFY_OK(added);
        QCOMPARE(added->body, QStringLiteral("{称呼}您好，{处理结果}。"));
        QCOMPARE(added->createdBy, QStringLiteral("admin"));
        QCOMPARE(added->createdAt, m_clock.now());
        auto entry = repos.audit->latest(1);
        QINGTING_VERIFY_OK(entry);
        QCOMPARE(entry->first().action, QStringLiteral("script.add"));
        QCOMPARE(entry->first().entity, QStringLiteral("script_template"));
        QCOMPARE(entry->first().entityId, added->id);
        QVERIFY(entry->first().detail.contains(QStringLiteral("处理结果")));

        // Updated: the fields that changed, from and to, and the new version.
        ScriptTemplate edit = *added;
        edit.body = QStringLiteral("{称呼}您好，核对结果是：{处理结果}。");
        edit.emotion = EmotionLevel::Dissatisfied;
        const auto updated = scripts.update(edit);
        QINGTING_VERIFY_OK(updated);
        QCOMPARE(updated->version, 1);
        QCOMPARE(updated->body, edit.body);
        QCOMPARE(repos.scripts->find(added->id)->body, edit.body);
        entry = repos.audit->latest(1);
        QCOMPARE(entry->first().action, QStringLiteral("script.update"));
        const QJsonObject detail = QJsonDocument::fromJson(entry->first().detail.toUtf8()).object();
        QCOMPARE(detail.value(QStringLiteral("to")).toObject().value(QStringLiteral("emotion")).toString(),
                 QStringLiteral("dissatisfied"));
        QCOMPARE(detail.value(QStringLiteral("from")).toObject().value(QStringLiteral("body")).toString(), added->body);
        QVERIFY(!detail.value(QStringLiteral("to")).toObject().contains(QStringLiteral("step")));

        // An edit made from the old version (another admin's screen) is refused; an edit that changes nothing
        // writes nothing; a bad edit is refused with the unknown name.
        const qint64 auditMid = auditCount(repos);
        QCOMPARE(scripts.update(edit).error().code, Error::Code::Conflict);
        QINGTING_VERIFY_OK(scripts.update(*updated));
        ScriptTemplate bad = *updated;
        bad.body = QStringLiteral("{称呼}{坐席}");
        const auto refused = scripts.update(bad);
        QCOMPARE(refused.error().code, Error::Code::Invalid);
        QVERIFY(refused.error().message.contains(QStringLiteral("{坐席}")));
        QCOMPARE(auditCount(repos), auditMid);
        QCOMPARE(repos.scripts->find(added->id)->version, 1);

        // Retired and reactivated, each audited once; doing it twice changes nothing more.
        QINGTING_VERIFY_OK(scripts.retire(added->id));
        QINGTING_VERIFY_OK(scripts.retire(added->id));
        QCOMPARE(repos.audit->latest(1)->first().action, QStringLiteral("script.retire"));
        QVERIFY(!repos.scripts->find(added->id)->active);
        QINGTING_VERIFY_OK(scripts.reactivate(added->id));
        QCOMPARE(repos.audit->latest(1)->first().action, QStringLiteral("script.reactivate"));
        QVERIFY(repos.scripts->find(added->id)->active);
        QCOMPARE(auditCount(repos), auditMid + 2);
        QCOMPARE(repos.scripts->find(added->id)->version, 3);
        QCOMPARE(scripts.retire(added->id + 100000).error().code, Error::Code::NotFound);
    }

    /** What the wizard pays per step for its scripts (docs/BENCHMARKS.md); only with QINGTING_BENCH set. */
    void templatesCost_data() { TestDatabase::addBackendRows(); }
    void templatesCost()
    {
        if (qEnvironmentVariableIsEmpty("QINGTING_BENCH")) {
            QSKIP("a measurement: set QINGTING_BENCH=1");
        }
        QINGTING_TEST_DATABASE(scratch);
        QINGTING_OPEN_DATABASE(db, scratch);
        const Repositories repos = db->repositories();
        ScriptService scripts(clerk(repos), repos, m_clock);
        const qint64 fees = category(repos, "收费");
        QList<qint64> nanoseconds;
        constexpr int kCalls = 600;
        for (int i = 0; i < kCalls; ++i) {
            const ScriptStep step = IntakeCodes::scriptSteps().at(i % 6);
            QElapsedTimer timer;
            timer.start();
            const auto offered = scripts.templates(step, fees, EmotionLevel::Angry);
            nanoseconds << timer.nsecsElapsed();
            QVERIFY(offered.ok() && !offered->isEmpty());
        }
        std::sort(nanoseconds.begin(), nanoseconds.end());
        qInfo("%s: templates() median %.3f ms, 95th percentile %.3f ms over %d calls", qPrintable(scratch.backend()),
              nanoseconds.at(kCalls / 2) / 1e6, nanoseconds.at(kCalls * 95 / 100) / 1e6, kCalls);
    }
};

QTEST_GUILESS_MAIN(TestScripts)
#include "tst_scripts.moc"
