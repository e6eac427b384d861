// The improvement actions of `qingting-cli demo` (issue 14, helper "polish"): the same seed gives the same actions;
// titles are varied (no title twice in a year of the seeded reference data) and built from the service item or one
// of its errands and a measure of the action's category; the 5 whys and the fishbone tell the same story (the root
// cause is a cause on the fishbone, the problem names the item), and no placeholder is left in any text.

#include "demo/DemoImprovements.h"

#include <QSet>
#include <QStringList>
#include <QTest>

#include <algorithm>

namespace {
QList<ReferenceItem> items(ReferenceKind kind, const QStringList& names, qint64 firstId)
{
    QList<ReferenceItem> result;
    for (const QString& name : names) {
        ReferenceItem item;
        item.kind = kind;
        item.id = firstId++;
        item.name = name;
        item.active = true;
        result.append(item);
    }
    return result;
}

/** The reference data as migration 0001 seeds it. */
DemoReference seeded()
{
    DemoReference r;
    r.departments = items(ReferenceKind::Department,
                          {QStringLiteral("政务服务中心办公室"), QStringLiteral("综合受理科"),
                           QStringLiteral("督查考核科"), QStringLiteral("信息技术科"), QStringLiteral("后勤保障科")},
                          1);
    r.categories = items(ReferenceKind::Category,
                         {QStringLiteral("服务态度"), QStringLiteral("办事效率/等候时间"), QStringLiteral("流程繁琐"),
                          QStringLiteral("政策解释"), QStringLiteral("系统故障"), QStringLiteral("环境设施"),
                          QStringLiteral("收费"), QStringLiteral("其他")},
                         10);
    r.serviceItems = items(ReferenceKind::ServiceItem,
                           {QStringLiteral("企业开办"), QStringLiteral("社保业务"), QStringLiteral("医保业务"),
                            QStringLiteral("不动产登记"), QStringLiteral("公积金业务"), QStringLiteral("户籍业务"),
                            QStringLiteral("出入境业务"), QStringLiteral("税务业务"), QStringLiteral("其他事项")},
                           30);
    return r;
}

const QDate kFirst(2025, 1, 1);
const QDate kEnd(2025, 12, 31);
const qint64 kAsOf = QDateTime(QDate(2026, 1, 1), QTime(0, 0)).toSecsSinceEpoch();

QStringList titles(const QList<DemoImprovements::Planned>& plan)
{
    QStringList result;
    for (const auto& p : plan) {
        result.append(p.action.title);
    }
    return result;
}

bool hasPlaceholder(const QString& text)
{
    return text.contains(QLatin1String("%1")) || text.contains(QLatin1String("%2"));
}
} // namespace

class TestDemoImprovements : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameActions();
    void titlesVariedAndFitting();
};

void TestDemoImprovements::sameSeedSameActions()
{
    const auto a = DemoImprovements::plan(7, kFirst, kEnd, kAsOf, seeded());
    const auto b = DemoImprovements::plan(7, kFirst, kEnd, kAsOf, seeded());
    const auto other = DemoImprovements::plan(8, kFirst, kEnd, kAsOf, seeded());
    QVERIFY(a.size() >= 24); // 2–4 a month
    QCOMPARE(a.size(), b.size());
    for (int i = 0; i < a.size(); ++i) {
        QCOMPARE(a.at(i).action.title, b.at(i).action.title);
        QCOMPARE(a.at(i).action.createdAt, b.at(i).action.createdAt);
        QCOMPARE(a.at(i).action.status, b.at(i).action.status);
        QVERIFY(a.at(i).whys == b.at(i).whys);
        QVERIFY(a.at(i).fishbone == b.at(i).fishbone);
    }
    QVERIFY(titles(a) != titles(other));
}

void TestDemoImprovements::titlesVariedAndFitting()
{
    const DemoReference reference = seeded();
    int analysed = 0;
    QSet<qint64> categories;
    for (quint64 seed : {1ULL, 20260101ULL, 424242ULL}) {
        const auto plan = DemoImprovements::plan(seed, kFirst, kEnd, kAsOf, reference);
        const QStringList all = titles(plan);
        // No title twice in the year.
        QCOMPARE(QSet<QString>(all.cbegin(), all.cend()).size(), all.size());
        for (const auto& p : plan) {
            const ImprovementAction& a = p.action;
            QVERIFY2(!hasPlaceholder(a.title) && !hasPlaceholder(a.description), qPrintable(a.title));
            QVERIFY2(a.category.isSet(), qPrintable(a.title));
            categories.insert(a.category.id);
            if (a.serviceItem.isSet()) {
                // The title names the item or one of its errands.
                const QStringList errands = DemoImprovements::errands(a.serviceItem.name);
                QCOMPARE(errands.size(), 3);
                QVERIFY2(a.title.contains(a.serviceItem.name) ||
                             std::any_of(errands.cbegin(), errands.cend(),
                                         [&](const QString& e) { return a.title.startsWith(e); }),
                         qPrintable(a.title + QStringLiteral(" / ") + a.serviceItem.name));
                QVERIFY(a.serviceItem.name != QStringLiteral("其他事项"));
            } else {
                QVERIFY2(a.title.startsWith(QStringLiteral("大厅")), qPrintable(a.title)); // hall-wide
            }
            if (p.whys.isEmpty()) {
                QVERIFY(p.fishbone.isEmpty());
                continue;
            }
            ++analysed;
            QVERIFY(p.whys.whys.size() >= 3);
            QVERIFY(!p.whys.rootCause.isEmpty());
            QCOMPARE(p.whys.countermeasure, a.description);
            QCOMPARE(a.rootCause, p.whys.rootCause);
            QCOMPARE(a.problem, p.fishbone.problem);
            for (const Why& w : p.whys.whys) {
                QVERIFY(!hasPlaceholder(w.question) && !hasPlaceholder(w.answer));
                QVERIFY(w.question.endsWith(QStringLiteral("？")));
            }
            QVERIFY(!hasPlaceholder(p.fishbone.problem));
            if (a.serviceItem.isSet()) { // the problem names what the title names
                QVERIFY2(p.fishbone.problem.left(2) == a.title.left(2) ||
                             p.fishbone.problem.contains(a.serviceItem.name),
                         qPrintable(p.fishbone.problem + QStringLiteral(" / ") + a.title));
            }
            // The root cause found by the whys is a cause on the fishbone.
            bool onBone = false;
            for (FishboneBranch b : FishboneBranches::all()) {
                for (const FishboneCause& c : p.fishbone.causes(b)) {
                    onBone = onBone || c.text == p.whys.rootCause;
                }
            }
            QVERIFY2(onBone, qPrintable(p.whys.rootCause));
            QVERIFY(p.fishbone.causeCount() >= 2);
        }
    }
    QVERIFY(analysed >= 10); // about a third
    QCOMPARE(categories.size(), 8);
}

QTEST_GUILESS_MAIN(TestDemoImprovements)
#include "tst_demo_improvements.moc"
