#include "demo/DemoImprovements.h"

#include "demo/DemoRandom.h"

#include <QSet>

namespace {
/**
 * One measure against a problem of one category: the title names the service item (%1) or one of its errands (%2),
 * or neither (a hall-wide measure); the problem, the whys, the root cause and the countermeasure tell the same
 * story, and the root cause sits on `bone` of the fishbone.
 */
struct Measure
{
    const char16_t* category; ///< the seeded category it belongs to
    const char16_t* title;
    const char16_t* problem;
    const char16_t* whys[3][2]; ///< question, answer (%1 and %2 as in the title)
    const char16_t* rootCause;
    const char16_t* countermeasure;
    FishboneBranch bone;
};

using B = FishboneBranch;

const Measure kMeasures[] = {
    // 办事效率/等候时间
    {u"办事效率/等候时间",
     u"优化%1窗口叫号分流",
     u"%1窗口高峰时段等候超过一小时",
     {{u"为什么%1窗口等候时间长？", u"上午九点到十一点取号集中，窗口办理速度跟不上"},
      {u"为什么取号集中时办理跟不上？", u"简单业务和复杂业务排在同一个队列里"},
      {u"为什么不分开排队？", u"叫号系统上线后一直沿用默认配置，没有按业务类型设号段"}},
     u"叫号规则不区分业务类型，简单业务被复杂业务拖慢",
     u"按业务类型设置快办号段，咨询和领证另设窗口，每月复核等候数据",
     B::Method},
    {u"办事效率/等候时间",
     u"%1高峰时段弹性排班",
     u"%1午间和周一上午等候时间长",
     {{u"为什么午间和周一上午等候时间长？", u"这两个时段只开放一到两个窗口"},
      {u"为什么高峰时段窗口开得少？", u"排班表按全天平均人流量制定，多年未调整"},
      {u"为什么排班多年未调整？", u"没有人定期分析取号和等候数据"}},
     u"排班不随人流量调整",
     u"每周按取号数据调整排班，午间错峰就餐，周一上午增开两个窗口",
     B::People},
    {u"办事效率/等候时间",
     u"%2网上预约与错峰办理",
     u"%2现场排队时间长",
     {{u"为什么%2现场排队久？", u"绝大多数群众直接到现场取号"},
      {u"为什么不用网上预约？", u"预约入口在二级页面，群众不知道可以预约"},
      {u"为什么群众不知道？", u"预约功能上线时只在官网发了一条通知"}},
     u"网上预约渠道知晓率低",
     u"在取号机、公众号和窗口张贴预约二维码，预约号按时段优先叫号",
     B::Method},
    {u"办事效率/等候时间",
     u"%1自助终端增设与帮办引导",
     u"%1可自助办理的业务仍在窗口排队",
     {{u"为什么能自助办理的业务也在窗口排队？", u"自助终端只有两台，常常有人等候"},
      {u"为什么终端不够用？", u"终端按大厅建成时的业务量配置"},
      {u"为什么老年人不愿用终端？", u"终端旁没有帮办人员指导操作"}},
     u"自助终端数量不足且无人帮办",
     u"增设四台自助终端，高峰时段安排帮办志愿者在终端旁指导",
     B::Machine},
    // 服务态度
    {u"服务态度",
     u"%1窗口文明用语与情绪安抚培训",
     u"%1窗口服务态度投诉集中",
     {{u"为什么群众投诉%1窗口态度生硬？", u"工作人员解释时语气不耐烦"},
      {u"为什么语气不耐烦？", u"高峰时段连续接待，没有轮换休息"},
      {u"为什么没有轮换？", u"窗口人手紧，新进人员未经带教直接顶岗"}},
     u"新进人员未经岗前带教直接上岗",
     u"新人上岗前完成两周带教并考核服务规范，高峰时段安排轮换休息",
     B::People},
    {u"服务态度",
     u"%1首问负责制落实整改",
     u"%1群众在窗口之间被来回推诿",
     {{u"为什么群众在窗口之间被来回推诿？", u"窗口人员只答复本岗位的业务"},
      {u"为什么只答复本岗位业务？", u"首问负责制只写在制度里，没有人检查"},
      {u"为什么没有人检查？", u"考核只统计办件量，不看群众评价"}},
     u"首问负责制未纳入考核",
     u"首问负责制纳入月度考核，推诿投诉一经核实当月扣分",
     B::Measurement},
    {u"服务态度",
     u"%1窗口差评即时回访机制",
     u"%1差评之后无人跟进",
     {{u"为什么差评之后无人跟进？", u"评价器的差评没有推送给科室负责人"},
      {u"为什么没有推送？", u"评价系统与投诉台账没有对接"},
      {u"为什么两个系统没有对接？", u"两个系统分属不同厂商，上线时没有提出对接需求"}},
     u"差评数据未进入投诉处理流程",
     u"差评当日推送科室负责人，两个工作日内回访并记入台账",
     B::Measurement},
    // 流程繁琐
    {u"流程繁琐",
     u"%2材料一次性告知清单",
     u"%2群众多次往返补交材料",
     {{u"为什么群众要多次往返补交材料？", u"窗口每次只指出一部分缺漏"},
      {u"为什么不能一次说清？", u"没有统一的材料清单，各人口径不同"},
      {u"为什么没有统一清单？", u"政策调整后清单没有人负责更新"}},
     u"一次性告知清单缺失，且未随政策更新",
     u"编制%2一次性告知清单，政策变更当日更新，在窗口和网上同步公示",
     B::Material},
    {u"流程繁琐",
     u"%1证明材料精简与数据共享",
     u"%1要求群众重复提供证明",
     {{u"为什么要群众重复提供证明？", u"窗口系统查不到其他部门已有的材料"},
      {u"为什么查不到？", u"部门之间没有数据共享接口"},
      {u"为什么没有接口？", u"共享需求没有列入年度信息化计划"}},
     u"部门间数据未共享",
     u"与相关部门打通数据接口，能共享的证明一律免交",
     B::Machine},
    {u"流程繁琐",
     u"%2一窗通办流程再造",
     u"%2需要在多个窗口之间往返",
     {{u"为什么%2要在多个窗口之间往返？", u"受理、审核、缴费分设在三个窗口"},
      {u"为什么分设三个窗口？", u"沿用各部门进驻大厅时的分段办理流程"},
      {u"为什么一直没有整合？", u"缺少牵头部门统筹改造"}},
     u"分段办理流程未整合",
     u"推行综合窗口一窗受理、后台流转，群众只跑一个窗口",
     B::Method},
    {u"流程繁琐",
     u"%2容缺受理试点",
     u"%2因非关键材料缺失被退件",
     {{u"为什么%2退件多？", u"缺少任何一份材料都不予受理"},
      {u"为什么不能先受理后补交？", u"没有规定哪些材料可以后补"},
      {u"为什么没有规定？", u"担心后补材料不到位要担责，没有配套承诺制度"}},
     u"非关键材料缺失一律退件，没有容缺机制",
     u"制定容缺受理清单，非关键材料签署承诺书后五个工作日内补交",
     B::Method},
    // 政策解释
    {u"政策解释",
     u"%1政策解释口径统一",
     u"%1不同窗口答复不一致",
     {{u"为什么不同窗口答复不一致？", u"各窗口依据的文件版本不同"},
      {u"为什么文件版本不同？", u"新政策下发后只传达到科室负责人"},
      {u"为什么没有传达到窗口？", u"没有政策变更的传达和确认机制"}},
     u"政策变更缺少传达到窗口的机制",
     u"建立政策变更当日通报制度和统一答复口径库，窗口人员签字确认",
     B::Method},
    {u"政策解释",
     u"%2常见问题解答手册编制",
     u"%2咨询电话反复询问同样的问题",
     {{u"为什么群众反复来电询问%2？", u"网上找不到清楚的办理说明"},
      {u"为什么网上说明不清楚？", u"只挂了政策原文，没有通俗解读"},
      {u"为什么没有解读？", u"没有部门负责编写面向群众的说明"}},
     u"缺少面向群众的常见问题解答",
     u"编制%2常见问题解答手册，在网站、公众号和大厅资料架发布",
     B::Material},
    {u"政策解释",
     u"%1新政策上岗前集中培训",
     u"%1新政策实施后窗口解释出错",
     {{u"为什么新政策实施后解释出错？", u"窗口人员对新规定理解不准确"},
      {u"为什么理解不准确？", u"新政策实施前没有组织培训"},
      {u"为什么没有培训？", u"培训计划按年度制定，不随政策变化安排"}},
     u"新政策实施前未组织窗口培训",
     u"新政策实施前一周完成全员培训和考试，考试合格方可上岗答复",
     B::People},
    // 系统故障
    {u"系统故障",
     u"%1业务系统稳定性整改与应急预案",
     u"%1系统卡顿、无法出件",
     {{u"为什么%1无法出件？", u"业务系统在高峰时段响应超时"},
      {u"为什么会超时？", u"系统升级后数据库负载过高"},
      {u"为什么升级后才发现？", u"升级前没有做压力测试"}},
     u"系统升级未做压力测试，没有应急切换",
     u"升级前做压力测试，故障时启用离线受理预案并在大厅公告",
     B::Machine},
    {u"系统故障",
     u"%1网上办理登录故障整改",
     u"%1网上办理频繁登录失败",
     {{u"为什么网上办理登录失败？", u"统一身份认证接口经常超时"},
      {u"为什么超时没有及时处理？", u"接口没有监控，故障靠群众投诉才发现"},
      {u"为什么没有监控？", u"运维合同只覆盖业务系统，不含认证接口"}},
     u"统一身份认证接口无监控告警",
     u"接口纳入运维监控，超时五分钟告警，故障时首页公告并引导线下办理",
     B::Machine},
    {u"系统故障",
     u"%1证件打印设备巡检与备机配置",
     u"%1打证设备故障导致群众空跑",
     {{u"为什么群众空跑？", u"证件打印机故障，当天无法出证"},
      {u"为什么故障当天修不好？", u"设备没有备机，要等厂家上门"},
      {u"为什么没有提前发现？", u"设备没有定期巡检"}},
     u"打证设备无备机、无定期巡检",
     u"每类打证设备配置一台备机，每日开厅前巡检并登记",
     B::Machine},
    // 环境设施
    {u"环境设施",
     u"大厅等候区座椅与叫号屏改造",
     u"等候区座椅不足、叫号听不清",
     {{u"为什么群众站着等候？", u"等候区座椅不够"},
      {u"为什么听不清叫号？", u"叫号屏字小，广播音量低"},
      {u"为什么一直没有改造？", u"设施按大厅建成时的人流量配置，多年未评估"}},
     u"设施按建成时人流量配置，多年未更新",
     u"增加座椅，更换叫号屏与广播，每季度巡检一次",
     B::Environment},
    {u"环境设施",
     u"大厅母婴室与无障碍设施完善",
     u"大厅没有母婴室，轮椅通道不畅",
     {{u"为什么带婴儿的群众投诉？", u"大厅没有母婴室"},
      {u"为什么轮椅进出困难？", u"入口有台阶，坡道被临时占用"},
      {u"为什么建设时没有考虑？", u"设计时未按无障碍和适老化标准验收"}},
     u"大厅未按无障碍和适老化标准设计",
     u"增设母婴室，改造入口坡道并设专人巡查，配备两台轮椅",
     B::Environment},
    {u"环境设施",
     u"大厅周边停车与入口指引标识",
     u"群众找不到停车位和办事入口",
     {{u"为什么群众找不到入口？", u"大厅入口在院内，路边没有指引"},
      {u"为什么停车难？", u"周边停车场没有标识，群众不知道可以停放"},
      {u"为什么没有标识？", u"搬迁后只更新了官网地址，没有设置指引"}},
     u"周边指引标识缺失",
     u"增设停车引导牌和入口指引，在公众号发布到达指南",
     B::Environment},
    // 收费
    {u"收费",
     u"%1收费标准公示与收费核对",
     u"%1收费解释不清引发投诉",
     {{u"为什么群众对%1收费有疑问？", u"缴费时才知道要交哪些费用"},
      {u"为什么事先不知道？", u"收费标准没有在窗口醒目位置公示"},
      {u"为什么没有公示？", u"标准调整后公示牌没有同步更新"}},
     u"收费标准未在窗口醒目位置公示",
     u"窗口与网上同步公示收费标准，收费前逐项告知并由群众确认",
     B::Material},
    {u"收费",
     u"%1电子票据当场开具",
     u"%1缴费后不能当场取得票据",
     {{u"为什么缴费后拿不到票据？", u"票据要等财务次日统一开具"},
      {u"为什么不能当场开？", u"收费系统与电子票据平台没有对接"},
      {u"为什么没有对接？", u"对接需求没有列入信息化项目"}},
     u"电子票据系统与收费系统未对接",
     u"对接电子票据平台，缴费后当场推送票据到手机",
     B::Machine},
    // 其他
    {u"其他",
     u"%1投诉回访闭环整改",
     u"%1投诉处理后回访不及时",
     {{u"为什么回访不及时？", u"回访靠经办人自己记着"},
      {u"为什么靠人记？", u"回访任务没有提醒"},
      {u"为什么超期也没人发现？", u"回访不在督办范围内"}},
     u"回访任务没有提醒和督办",
     u"回访纳入督办，超期自动提醒值班主任",
     B::Measurement},
    {u"其他",
     u"%1办件进度主动告知",
     u"%1群众不知道办理进度，反复来电询问",
     {{u"为什么群众反复来电问进度？", u"受理后没有任何通知"},
      {u"为什么没有通知？", u"短信平台只用于办结通知"},
      {u"为什么只通知办结？", u"流程节点没有接入短信平台"}},
     u"办件进度没有主动告知",
     u"受理、审核、办结各环节短信告知，并提供网上进度查询",
     B::Method},
};

/** A last why every chain may end with: why the register had to find the problem. */
const char16_t* const kLastWhy[2] = {u"为什么问题反复出现却没有及早发现？",
                                     u"投诉没有按类别和事项统计，重复问题没有被识别"};

/** The errands (具体事项) of the seeded service items, for the titles that name one (%2). */
struct Errands
{
    const char16_t* item;
    const char16_t* errands[3];
};
const Errands kErrands[] = {
    {u"企业开办", {u"营业执照办理", u"公司设立登记", u"公章刻制备案"}},
    {u"社保业务", {u"社保卡补办", u"养老保险关系转移", u"灵活就业人员参保"}},
    {u"医保业务", {u"异地就医备案", u"医疗费用报销", u"门诊慢特病申请"}},
    {u"不动产登记", {u"二手房转移登记", u"抵押登记", u"不动产权证补办"}},
    {u"公积金业务", {u"公积金提取", u"公积金贷款", u"公积金异地转移"}},
    {u"户籍业务", {u"户口迁移", u"新生儿落户", u"居住证办理"}},
    {u"出入境业务", {u"护照办理", u"港澳通行证续签", u"台湾通行证办理"}},
    {u"税务业务", {u"发票申领", u"个税汇算", u"房产交易契税缴纳"}},
};

/** More causes on the bones, by category; a fishbone takes some of them besides the measure's root cause. */
struct CauseText
{
    const char16_t* category;
    FishboneBranch branch;
    const char16_t* text;
    const char16_t* sub; ///< "" = none
};
const CauseText kCauses[] = {
    {u"办事效率/等候时间", B::People, u"午休时段无人顶岗", u""},
    {u"办事效率/等候时间", B::Machine, u"叫号系统偶发故障", u"网络不稳定"},
    {u"办事效率/等候时间", B::Material, u"群众材料不全，反复排队", u"告知单未更新"},
    {u"办事效率/等候时间", B::Environment, u"周一和节后人流集中", u""},
    {u"办事效率/等候时间", B::Measurement, u"未统计等候时长", u"考核只看办件量"},
    {u"服务态度", B::People, u"新人业务不熟", u"缺少带教"},
    {u"服务态度", B::People, u"连续接待情绪疲劳", u""},
    {u"服务态度", B::Method, u"没有疑难问题上报渠道", u""},
    {u"服务态度", B::Environment, u"窗口嘈杂，沟通困难", u""},
    {u"服务态度", B::Measurement, u"评价结果不与考核挂钩", u""},
    {u"流程繁琐", B::Material, u"材料清单与政策不一致", u"政策变更未同步"},
    {u"流程繁琐", B::Method, u"材料预审流程缺失", u""},
    {u"流程繁琐", B::Machine, u"系统不能调取电子证照", u""},
    {u"流程繁琐", B::People, u"窗口人员不敢容缺", u"担心追责"},
    {u"流程繁琐", B::Measurement, u"没有统计群众跑动次数", u""},
    {u"政策解释", B::Material, u"文件版本多，没有汇编", u""},
    {u"政策解释", B::People, u"新政策理解不一致", u"未经培训"},
    {u"政策解释", B::Method, u"没有统一答复口径", u""},
    {u"政策解释", B::Measurement, u"答复准确率无人抽查", u""},
    {u"系统故障", B::Machine, u"服务器负载过高", u"高峰并发"},
    {u"系统故障", B::Machine, u"网络专线单线路", u""},
    {u"系统故障", B::Method, u"没有离线受理预案", u""},
    {u"系统故障", B::People, u"窗口人员不会切换备用流程", u""},
    {u"系统故障", B::Measurement, u"故障时长没有记录", u""},
    {u"环境设施", B::Environment, u"等候区座椅不足", u""},
    {u"环境设施", B::Environment, u"指引标识不清", u""},
    {u"环境设施", B::Machine, u"叫号屏老化", u""},
    {u"环境设施", B::Method, u"设施巡检没有周期", u""},
    {u"收费", B::Material, u"公示牌未更新", u"标准调整"},
    {u"收费", B::Machine, u"收费与票据系统分离", u""},
    {u"收费", B::People, u"窗口解释不一致", u""},
    {u"收费", B::Method, u"收费前未逐项告知", u""},
    {u"其他", B::Method, u"流程节点无提醒", u""},
    {u"其他", B::People, u"经办人更换后交接不清", u""},
    {u"其他", B::Machine, u"短信平台未接入流程", u""},
    {u"其他", B::Measurement, u"回访结果不统计", u""},
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

/** One errand of the item (drawn), or the item's own name for an item without a list. */
QString errandOf(const QString& item, DemoRandom& rng)
{
    for (const Errands& e : kErrands) {
        if (text(e.item) == item) {
            return text(e.errands[rng.below(std::size(e.errands))]);
        }
    }
    return item;
}

/** A text with %1 = the service item and %2 = the errand (either may be absent). */
QString fill(const char16_t* pattern, const QString& item, const QString& errand)
{
    QString result = text(pattern);
    result.replace(QLatin1String("%1"), item);
    result.replace(QLatin1String("%2"), errand);
    return result;
}
} // namespace

namespace DemoImprovements {

QStringList errands(const QString& serviceItem)
{
    for (const Errands& e : kErrands) {
        if (text(e.item) == serviceItem) {
            QStringList list;
            for (const char16_t* errand : e.errands) {
                list.append(text(errand));
            }
            return list;
        }
    }
    return {};
}

QList<Planned> plan(quint64 seed, const QDate& first, const QDate& end, qint64 asOf, const DemoReference& reference)
{
    QList<Planned> result;
    if (reference.departments.isEmpty() || !first.isValid() || !end.isValid() || first > end) {
        return result;
    }
    DemoRandom rng = DemoRandom::derived(seed, 0x14);
    QSet<QString> usedTitles;
    for (QDate month(first.year(), first.month(), 1); month <= end; month = month.addMonths(1)) {
        const int count = rng.range(2, 4);
        for (int n = 0; n < count; ++n) {
            const QDate day = month.addDays(rng.range(0, month.daysInMonth() - 1));
            const QTime time(rng.range(9, 17), rng.range(0, 59));
            const QDateTime created(day, time);
            if (day < first || day > end || created.toSecsSinceEpoch() > asOf) {
                continue;
            }
            // A measure, and the item or errand it names; a title already used is drawn again (a few times).
            const Measure* measure = nullptr;
            Ref item;
            QString errand;
            QString title;
            for (int attempt = 0; attempt < 8; ++attempt) {
                measure = &kMeasures[rng.below(std::size(kMeasures))];
                item = {};
                errand.clear();
                const QString pattern = text(measure->title);
                if (pattern.contains(QLatin1String("%1")) || pattern.contains(QLatin1String("%2"))) {
                    if (reference.serviceItems.isEmpty()) {
                        continue;
                    }
                    // A named errand: the catch-all item (the last in the seeded order) makes a poor title.
                    const int items = std::max(1, int(reference.serviceItems.size()) - 1);
                    item = refOf(reference.serviceItems, int(rng.below(quint32(items))));
                    errand = errandOf(item.name, rng);
                }
                title = fill(measure->title, item.name, errand);
                if (!usedTitles.contains(title)) {
                    break;
                }
            }
            usedTitles.insert(title);
            Planned p;
            ImprovementAction& a = p.action;
            const qint64 categoryId = idNamed(reference.categories, text(measure->category));
            if (categoryId != 0) {
                a.category = {categoryId, text(measure->category)};
            }
            a.serviceItem = item;
            a.title = title;
            a.description = fill(measure->countermeasure, item.name, errand);
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
                for (const auto& why : measure->whys) {
                    p.whys.whys.append({fill(why[0], item.name, errand), fill(why[1], item.name, errand)});
                }
                if (rng.chance(0.5)) {
                    p.whys.whys.append({text(kLastWhy[0]), text(kLastWhy[1])});
                }
                p.whys.rootCause = fill(measure->rootCause, item.name, errand);
                p.whys.countermeasure = fill(measure->countermeasure, item.name, errand);
                p.fishbone.problem = fill(measure->problem, item.name, errand);
                p.fishbone.causes(measure->bone).append({p.whys.rootCause, {}});
                for (const CauseText& c : kCauses) {
                    if (text(c.category) == text(measure->category) && rng.chance(0.7)) {
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
