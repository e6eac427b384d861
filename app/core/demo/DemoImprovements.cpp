#include "demo/DemoImprovements.h"

#include "demo/DemoRandom.h"

namespace {
/** A title template for a problem area; %1 = the service item. */
struct Theme
{
    const char16_t* category; ///< the seeded category it belongs to ("" = any)
    const char16_t* title;
    const char16_t* problem;
    const char16_t* rootCause;
    const char16_t* countermeasure;
};

const Theme kThemes[] = {
    {u"办事效率/等候时间", u"%1高峰时段增开窗口、实行弹性排班", u"%1窗口等候时间过长",
     u"排班按平日人流量固定，未随高峰调整", u"按取号数据每周调整排班，高峰增开两个窗口"},
    {u"办事效率/等候时间", u"%1推行材料预审，减少现场退件", u"%1现场退件多、反复排队", u"一次性告知单未随政策更新",
     u"材料清单与政策变更同步更新，预审后再取号"},
    {u"服务态度", u"%1窗口文明用语与情绪安抚专项培训", u"%1窗口服务态度投诉集中", u"新进人员未经岗前带教直接上岗",
     u"新人上岗前完成两周带教并考核服务规范"},
    {u"流程繁琐", u"%1精简证明材料，推行告知承诺制", u"%1要求提交材料过多", u"部门间数据未共享，需群众重复提供",
     u"与相关部门打通数据，能共享的证明一律免交"},
    {u"政策解释", u"%1常见问题一次性告知口径统一", u"%1政策解释口径不一致", u"政策变更缺少传达到窗口的机制",
     u"建立政策变更当日通报与口径库"},
    {u"系统故障", u"%1业务系统稳定性整改与应急预案", u"%1系统频繁卡顿、无法出件", u"系统升级未做压力测试，无应急切换",
     u"升级前压力测试，故障时启用离线受理预案"},
    {u"环境设施", u"大厅等候区座椅与叫号屏改造", u"等候区座椅不足、叫号听不清", u"设施按建成时人流量配置，多年未更新",
     u"增加座椅，更换叫号屏与广播，每季度巡检"},
    {u"收费", u"%1收费标准公示与收费核对机制", u"%1收费解释不清引发投诉", u"收费标准未在窗口醒目位置公示",
     u"窗口与网上同步公示收费标准，收费前逐项告知"},
    {u"其他", u"%1投诉回访闭环整改", u"%1投诉处理后回访不及时", u"回访任务没有提醒和督办",
     u"回访纳入督办，超期自动提醒值班主任"},
};

const char16_t* const kWhys[][2] = {
    {u"为什么群众反映等候时间长？", u"高峰时段只有两个窗口办理"},
    {u"为什么高峰时段窗口不够？", u"排班表按平均人流量制定"},
    {u"为什么排班不随人流量调整？", u"没有人定期分析取号数据"},
    {u"为什么没有人分析取号数据？", u"数据分析不在任何岗位职责内"},
    {u"为什么不在岗位职责内？", u"原有考核只看办件量，不看等候时间"},
};

struct CauseText
{
    FishboneBranch branch;
    const char16_t* text;
    const char16_t* sub; ///< "" = none
};
const CauseText kCauses[] = {
    {FishboneBranch::People, u"新人业务不熟", u"缺少带教"},
    {FishboneBranch::People, u"午休时段无人顶岗", u""},
    {FishboneBranch::Machine, u"叫号系统偶发故障", u"网络不稳定"},
    {FishboneBranch::Machine, u"自助终端数量不足", u""},
    {FishboneBranch::Material, u"一次性告知单未更新", u"政策变更未同步"},
    {FishboneBranch::Method, u"材料预审流程缺失", u""},
    {FishboneBranch::Method, u"排班不随人流调整", u"无数据分析"},
    {FishboneBranch::Environment, u"等候区座椅不足", u""},
    {FishboneBranch::Measurement, u"未统计等候时长", u"考核只看办件量"},
};

QString text(const char16_t* s)
{
    return QString::fromUtf16(s);
}

qint64 idNamed(const QList<ReferenceItem>& items, const QString& name)
{
    for (const auto& i : items) {
        if (i.name == name) {
            return i.id;
        }
    }
    return 0;
}

Ref refOf(const QList<ReferenceItem>& items, int index)
{
    return items.isEmpty() ? Ref{} : Ref{items.at(index).id, items.at(index).name};
}
} // namespace

namespace DemoImprovements {

QList<Planned> plan(quint64 seed, const QDate& first, const QDate& end, qint64 asOf, const DemoReference& reference)
{
    QList<Planned> result;
    if (reference.departments.isEmpty() || !first.isValid() || !end.isValid() || first > end) {
        return result;
    }
    DemoRandom rng = DemoRandom::derived(seed, 0x14);
    for (QDate month(first.year(), first.month(), 1); month <= end; month = month.addMonths(1)) {
        const int count = rng.range(2, 4);
        for (int n = 0; n < count; ++n) {
            const QDate day = month.addDays(rng.range(0, month.daysInMonth() - 1));
            const QTime time(rng.range(9, 17), rng.range(0, 59));
            const QDateTime created(day, time);
            if (day < first || day > end || created.toSecsSinceEpoch() > asOf) {
                continue;
            }
            const Theme& theme = kThemes[rng.below(std::size(kThemes))];
            Planned p;
            ImprovementAction& a = p.action;
            const qint64 categoryId = idNamed(reference.categories, text(theme.category));
            if (categoryId != 0) {
                a.category = {categoryId, text(theme.category)};
            }
            const bool hallWide = !text(theme.title).contains(QLatin1String("%1"));
            if (!hallWide && !reference.serviceItems.isEmpty()) {
                // A named errand: the catch-all item (the last in the seeded order) makes a poor title.
                const int items = std::max(1, int(reference.serviceItems.size()) - 1);
                a.serviceItem = refOf(reference.serviceItems, int(rng.below(quint32(items))));
            }
            a.title = hallWide ? text(theme.title) : text(theme.title).arg(a.serviceItem.name);
            a.description = text(theme.countermeasure);
            a.owner = refOf(reference.departments, int(rng.below(quint32(reference.departments.size()))));
            a.deadline = day.addDays(rng.range(14, 60));
            a.source = rng.chance(0.5) ? ImprovementSource::Alert : ImprovementSource::Manual;
            a.createdAt = created;
            a.createdBy = {0, QStringLiteral("cli")};
            a.updatedAt = created;
            // Older actions are mostly done; the rest still open or in progress, overdue once past their deadline.
            const double roll = rng.uniform();
            const qint64 doneAt =
                QDateTime(day.addDays(rng.range(7, 70)), QTime(rng.range(9, 17), 0)).toSecsSinceEpoch();
            if (roll < 0.06) {
                a.status = ImprovementStatus::Cancelled;
            } else if (roll < 0.7 && doneAt <= asOf) {
                a.status = ImprovementStatus::Done;
                a.doneAt = QDateTime::fromSecsSinceEpoch(doneAt);
                a.updatedAt = a.doneAt;
            } else {
                a.status = rng.chance(0.5) ? ImprovementStatus::InProgress : ImprovementStatus::Open;
            }
            if (rng.chance(0.35)) {
                p.whys.whys.clear();
                const int whys = rng.range(3, 5);
                for (int w = 0; w < whys; ++w) {
                    p.whys.whys.append({text(kWhys[w][0]), text(kWhys[w][1])});
                }
                p.whys.rootCause = text(theme.rootCause);
                p.whys.countermeasure = text(theme.countermeasure);
                p.fishbone.problem = hallWide ? text(theme.problem) : text(theme.problem).arg(a.serviceItem.name);
                for (const CauseText& c : kCauses) {
                    if (rng.chance(0.6)) {
                        FishboneCause cause{text(c.text), {}};
                        if (*c.sub != 0) {
                            cause.subCauses.append(text(c.sub));
                        }
                        p.fishbone.causes(c.branch).append(cause);
                    }
                }
            }
            a.rootCause = p.whys.rootCause;
            a.countermeasure = p.whys.countermeasure;
            a.problem = p.fishbone.problem;
            result.append(p);
        }
    }
    return result;
}

} // namespace DemoImprovements
