#include "DemoText.h"

#include "demo/DemoRandom.h"

#include <iterator>

namespace DemoText {
namespace {

template <std::size_t N> QStringView pick(DemoRandom& rng, const QStringView (&table)[N])
{
    return table[rng.below(quint32(N))];
}

/**
 * Appends `part`, replacing '#' by the topic's number (minutes, yuan, ...), '&' by a small count (days, times),
 * '$' by the window, '@' by a member of staff and '%' by the errand.
 */
struct Writer
{
    QString text;
    DemoRandom& rng;
    const Context& ctx;
    int number = 0;
    QStringView errand;

    void add(QStringView part);
    void add(char16_t c) { text.append(QChar(c)); }
};

// ---------------------------------------------------------------------------------------------------------------
// Parts shared by every complaint

constexpr QStringView kStaff[] = {
    u"窗口工作人员",
    u"一位女工作人员",
    u"一位男工作人员",
    u"戴眼镜的工作人员",
    u"工号牌上写着0&&号的工作人员",
    u"坐在$的工作人员",
    u"那位年轻的小伙子",
    u"一位年纪大一点的大姐",
    u"导办台的工作人员",
    u"值班的负责人",
    u"后台审核人员",
    u"帮办代办的工作人员",
};

constexpr QStringView kWhen[] = {
    u"今天上午", u"今天下午", u"昨天上午",   u"昨天下午", u"前天",         u"上周一",       u"上周三下午",
    u"上个星期", u"这个月初", u"月初的时候", u"刚才",     u"中午十二点多", u"一大早八点半", u"快下班的时候",
    u"周一一早", u"这周二",   u"上周五下午", u"半个月前", u"节后第一天",   u"前几天",
};

constexpr QStringView kWho[] = {
    u"我",
    u"我",
    u"我",
    u"本人",
    u"我和我爱人",
    u"我陪我母亲",
    u"我替我父亲",
    u"我带着孩子",
    u"我们公司的会计",
    u"我作为公司的经办人",
    u"我们单位派我",
    u"我和邻居几个人",
    u"我一个七十多岁的老人",
    u"我是外地来的，",
};

constexpr QStringView kWhere[] = {
    u"到政务服务大厅",   u"到大厅$", u"在一楼$",      u"在二楼综合窗口", u"到市民中心",
    u"在大厅取号机那边", u"到$",     u"在自助服务区", u"到你们中心",     u"在三楼专区",
};

constexpr QStringView kFeeling[] = {
    u"我非常生气",
    u"心里很不舒服",
    u"真的很失望",
    u"实在让人寒心",
    u"感觉被当皮球踢",
    u"我觉得很委屈",
    u"这种态度让人无法接受",
    u"希望你们重视",
    u"我已经忍了很久了",
    u"说实话挺无奈的",
    u"老百姓办事太难了",
    u"我都快急哭了",
    u"这不是第一次了",
    u"请你们换位思考一下",
    u"这样的服务说不过去",
    u"我对你们的服务很不满意",
    u"我本来很相信政府部门的",
    u"周围排队的人都看不下去了",
    u"我心里窝火",
    u"请领导评评理",
};

/** How heated each of kFeeling sounds: 2 for anger and despair, 1 for plain dissatisfaction. */
constexpr int kFeelingHeat[] = {2, 1, 1, 2, 1, 1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1};
static_assert(std::size(kFeelingHeat) == std::size(kFeeling));
/** kWho's "我和邻居几个人": the complaints several people bring together. */
constexpr int kWhoGroup = 11;

constexpr QStringView kDemand[] = {
    u"希望给我一个合理的解释",
    u"请尽快帮我把事情办好",
    u"要求相关工作人员当面道歉",
    u"希望加强对窗口人员的管理",
    u"请给个明确的办理时限",
    u"希望一次性告知需要的材料",
    u"请核实后给我回复",
    u"希望你们整改",
    u"请领导过问一下",
    u"希望以后不要再出现这种情况",
    u"请安排专人跟进",
    u"希望三天内给我答复",
    u"请把处理结果告诉我",
    u"希望能优化办事流程",
    u"要求严肃处理",
    u"希望能有个说法",
    u"请给我打电话说明情况",
    u"希望能开通绿色通道",
};

constexpr QStringView kThreat[] = {
    u"如果还解决不了，我就打12345。", u"再不处理我就向上级反映。", u"不行我就发到网上让大家评评理。",
    u"解决不了我会去信访。",          u"我已经拍了视频。",         u"我保留投诉的权利。",
};

constexpr QStringView kConsequence[] = {
    u"白白请了一天假",     u"耽误了上班",       u"孩子的入学手续都耽误了", u"公司的业务被耽误了",
    u"错过了办理期限",     u"来回跑了好几趟",   u"车费和误工费都搭进去了", u"老人在大厅坐了一上午",
    u"差点影响了贷款审批", u"合同签约都推迟了", u"报销的钱到现在还没拿到", u"一家人都跟着着急",
};

// ---------------------------------------------------------------------------------------------------------------
// Per service item: what the citizen came to do

constexpr QStringView kErrandBusiness[] = {u"办理营业执照",     u"做公司名称核准",   u"办理公章刻制备案",
                                           u"办理企业变更登记", u"办个体工商户执照", u"办理企业注销",
                                           u"领取电子营业执照"};
constexpr QStringView kErrandSocial[] = {u"办理退休手续", u"办理社保转移", u"打印社保缴费证明",  u"办理灵活就业参保",
                                         u"办理失业登记", u"补办社保卡",   u"办理养老金资格认证"};
constexpr QStringView kErrandMedical[] = {u"办理异地就医备案", u"报销住院费用",       u"办理医保关系转移",
                                          u"给孩子办医保",     u"办理门诊慢特病认定", u"激活医保电子凭证"};
constexpr QStringView kErrandRealEstate[] = {u"办理房产过户",        u"办理抵押登记",       u"领取不动产权证",
                                             u"查询房产信息",        u"办理二手房交易登记", u"办理抵押注销",
                                             u"办理继承公证后的过户"};
constexpr QStringView kErrandFund[] = {u"提取住房公积金", u"办理公积金贷款",     u"办理公积金转移",
                                       u"办理公积金销户", u"变更公积金缴存基数", u"申请租房提取"};
constexpr QStringView kErrandHousehold[] = {u"给新生儿落户", u"办理户口迁移", u"办理居住证",
                                            u"补办身份证",   u"开户籍证明",   u"办理投靠落户"};
constexpr QStringView kErrandExit[] = {u"办理护照", u"办理港澳通行证", u"办理往来台湾通行证", u"办理签注",
                                       u"补办出入境证件"};
constexpr QStringView kErrandTax[] = {u"代开增值税发票", u"办理个税汇算", u"办理契税缴纳",
                                      u"办理税务登记",   u"领用发票",     u"开具完税证明"};
constexpr QStringView kErrandOther[] = {u"咨询事项",     u"办理证明",     u"办理一件小事",
                                        u"办理资格审核", u"提交申请材料", u"领取证件"};

QStringView errand(DemoRandom& rng, Item item)
{
    switch (item) {
    case Item::Business:
        return pick(rng, kErrandBusiness);
    case Item::SocialSecurity:
        return pick(rng, kErrandSocial);
    case Item::Medical:
        return pick(rng, kErrandMedical);
    case Item::RealEstate:
        return pick(rng, kErrandRealEstate);
    case Item::HousingFund:
        return pick(rng, kErrandFund);
    case Item::Household:
        return pick(rng, kErrandHousehold);
    case Item::ExitEntry:
        return pick(rng, kErrandExit);
    case Item::Tax:
        return pick(rng, kErrandTax);
    case Item::OtherItem:
        break;
    }
    return pick(rng, kErrandOther);
}

// ---------------------------------------------------------------------------------------------------------------
// Per category: what went wrong, a second detail, facts found, the impact and the remedy

constexpr QStringView kProblemAttitude[] = {
    u"@态度很差，说话很冲",
    u"@一直在玩手机，叫了好几声都不理人",
    u"@不耐烦地说“自己看墙上的告示”",
    u"@当着其他群众的面训斥我",
    u"@把材料直接扔回给我",
    u"我问了两句@就翻白眼",
    u"@说“不归我管，你去问别人”",
    u"@边吃东西边办业务，爱理不理",
    u"@对老人说话很不客气",
    u"@嫌我听不懂普通话，语气很冲",
    u"我多问了一句，@就说我事多",
    u"@和同事聊天，让我在旁边干等了#分钟",
    u"@说话阴阳怪气",
    u"@拒绝解释为什么不能办",
};
constexpr QStringView kDetailAttitude[] = {
    u"旁边的人都在看",           u"我当时就问了工号，对方不肯说", u"后来换了一个人态度才好一点",
    u"我年纪大了确实听不太清楚", u"我就是想问清楚要带什么材料",   u"同样的问题问别的窗口人家很客气",
};
constexpr QStringView kProblemEfficiency[] = {
    u"排队等了#分钟才叫到号",
    u"取号后等了#分钟，只开了两个窗口",
    u"叫号系统半天不动，等了#分钟",
    u"材料交上去&天了还没有消息",
    u"说好的三个工作日办结，已经过了&天",
    u"一个简单的业务办了#分钟",
    u"工作人员中途离开了#分钟也没人顶岗",
    u"窗口下午四点多就停止取号了",
    u"预约了时间过来还是等了#分钟",
    u"前面一个人办了#分钟，后面的人都在干等",
    u"电话打了&次都没人接",
    u"网上提交&天了一直显示审核中",
};
constexpr QStringView kDetailEfficiency[] = {
    u"大厅里很多窗口都空着没人", u"工作人员说系统慢没办法",     u"排队的人都排到门口了",
    u"绿色通道也没人管",         u"老人站着等，连个座位都没有", u"中午吃饭时间窗口全关了",
};
constexpr QStringView kProblemProcess[] = {
    u"材料来回跑了#趟还没办成",
    u"每次去都说缺一样材料，没有一次性告知",
    u"要我开一个“证明我是我”的证明",
    u"同一份材料要复印#份",
    u"线上提交了线下还要再交一遍",
    u"要先去别的部门盖章再回来排队",
    u"说要本人到场，老人卧床根本来不了",
    u"表格填错一个字就要全部重填",
    u"跨区办理要回户籍地开证明",
    u"办一个事要跑#个窗口",
    u"网上办事系统要求上传的材料和窗口要求的不一样",
    u"明明已经实现数据共享了还让我自己去打印",
};
constexpr QStringView kDetailProcess[] = {
    u"我请了&天假专门来办",        u"网上的办事指南和窗口说的不一样", u"别的城市早就一网通办了",
    u"工作人员自己也说不清楚流程", u"我住得很远，来一趟要一个多小时", u"每次排队都要重新取号",
};
constexpr QStringView kProblemPolicy[] = {
    u"两个窗口对同一政策说法不一样",
    u"@说政策变了，但说不出是哪个文件",
    u"电话咨询说可以办，到了窗口又说不行",
    u"@解释的政策和网上公布的不一致",
    u"问了#个人得到#种答案",
    u"@说“上面就是这么规定的”，不给依据",
    u"政策调整没有提前公示",
    u"@让我自己去网上查政策",
    u"补贴标准没人能解释清楚",
    u"12345说能办，窗口说没接到通知",
};
constexpr QStringView kDetailPolicy[] = {
    u"我按照官网上的指南准备的材料", u"我手里有上次咨询的通话记录", u"身边的朋友同样的情况已经办下来了",
    u"希望把政策写清楚贴出来",       u"政策文件我也打印带来了",
};
constexpr QStringView kProblemSystem[] = {
    u"系统一直显示网络异常，等了#分钟",
    u"自助机吞了我的身份证",
    u"网上预约成功了，到现场却查不到预约记录",
    u"扫码支付扣了款但系统显示未缴费",
    u"人脸识别一直通不过",
    u"系统升级了一上午，什么都办不了",
    u"打印出来的证明信息有错",
    u"电子证照调取不出来",
    u"App提交后页面一直转圈",
    u"叫号屏和实际叫号对不上",
    u"材料上传后显示格式错误，试了&次",
};
constexpr QStringView kDetailSystem[] = {
    u"工作人员说是省里的系统问题，他们也没办法",
    u"让我明天再来试试",
    u"钱已经扣了&0元",
    u"这已经是这个月第二次了",
    u"连个备用方案都没有",
};
constexpr QStringView kProblemFacilities[] = {
    u"大厅空调坏了，热得受不了",
    u"卫生间又脏又臭，还没有纸",
    u"停车场车位太少，转了&圈都找不到车位",
    u"没有无障碍通道，轮椅上不去",
    u"饮水机是坏的",
    u"座位太少，老人只能站着等",
    u"复印机坏了，要到外面去复印",
    u"大厅里太吵，叫号根本听不见",
    u"电梯停了，要爬到三楼",
    u"母婴室锁着门没人开",
    u"门口的导引标识写错了楼层",
    u"冬天大厅里冷得要命",
};
constexpr QStringView kDetailFacilities[] = {
    u"我带着小孩很不方便", u"我腿脚不好", u"这个问题很早就有人反映过", u"门口保安说他们也没办法", u"希望能多考虑老年人",
};
constexpr QStringView kProblemFees[] = {
    u"被多收了#元工本费",
    u"说好免费的业务却收了#元",
    u"收费没有开发票",
    u"@让我去外面的打印店花#元打印材料",
    u"中介在大厅里拉客，收了我#元代办费",
    u"收费标准没有公示",
    u"同样的业务上次收费和这次不一样",
    u"退费申请交了&天还没退",
    u"快递费#元是强制收取的",
    u"只能现金缴费，不能扫码",
};
constexpr QStringView kDetailFees[] = {
    u"我有收据可以证明", u"问收费依据，工作人员说不清楚", u"钱不多，但是道理要讲清楚",
    u"旁边的人也被收了", u"希望把多收的钱退给我",
};
constexpr QStringView kProblemOther[] = {
    u"大厅保安不让我进门",         u"有人插队工作人员也不管",
    u"预约电话一直打不通",         u"工作时间窗口没有人",
    u"我的个人信息被贴在公告栏上", u"有人冒用我的名义办了业务",
    u"意见箱很久没人开过",         u"工作人员私下给我推荐中介",
    u"拿错了别人的材料给我",       u"说好回电话的，&天过去了也没人联系我",
};
constexpr QStringView kDetailOther[] = {
    u"我不知道该找谁",
    u"希望有人管一管",
    u"这件事影响很不好",
    u"我有照片为证",
};

struct TopicParts
{
    const QStringView* problems;
    int problemCount;
    const QStringView* details;
    int detailCount;
};

template <std::size_t P, std::size_t D>
constexpr TopicParts parts(const QStringView (&problems)[P], const QStringView (&details)[D])
{
    return {problems, int(P), details, int(D)};
}

const TopicParts kTopics[] = {
    parts(kProblemAttitude, kDetailAttitude), parts(kProblemEfficiency, kDetailEfficiency),
    parts(kProblemProcess, kDetailProcess),   parts(kProblemPolicy, kDetailPolicy),
    parts(kProblemSystem, kDetailSystem),     parts(kProblemFacilities, kDetailFacilities),
    parts(kProblemFees, kDetailFees),         parts(kProblemOther, kDetailOther),
};

const TopicParts& topicParts(Topic t)
{
    return kTopics[int(t)];
}

/** A number that fits the topic's '#' placeholders. */
int numberFor(DemoRandom& rng, const Context& ctx)
{
    switch (ctx.topic) {
    case Topic::Efficiency:
        return ctx.waitedMinutes > 0 ? ctx.waitedMinutes : rng.range(30, 180);
    case Topic::Fees:
        return 5 * rng.range(2, 60);
    case Topic::Process:
    case Topic::Policy:
        return rng.range(2, 5);
    default:
        return rng.range(2, 40);
    }
}

constexpr QStringView kFactsOpening[] = {
    u"经核实，",         u"经调取监控录像核实，", u"经与当事工作人员核实，",
    u"经查阅办件记录，", u"经窗口负责人了解，",   u"经与主管部门沟通，",
};
constexpr QStringView kFactsTopic[][4] = {
    {u"当事工作人员在接待时语气生硬，未使用文明用语", u"工作人员在办理过程中存在不耐烦情绪",
     u"工作人员未能耐心解释，造成群众误解", u"工作人员在岗期间使用手机，未及时回应群众"},
    {u"当天上午办件量较大，部分窗口人员请假，群众等候时间较长", u"该业务后台审核积压，未在承诺时限内办结",
     u"叫号系统分配不均，导致该类业务等候时间偏长", u"午间时段仅保留一个窗口，等候人数较多"},
    {u"窗口未落实一次性告知制度，导致群众多次往返", u"办事指南与窗口要求不一致，材料清单未及时更新",
     u"该事项确需多部门会签，流程未在前台说明清楚", u"部分证明材料可通过数据共享获取，窗口仍要求群众提供"},
    {u"两个窗口对政策理解不一致，解释口径未统一", u"政策已于近期调整，但窗口未及时组织学习",
     u"工作人员对新政策掌握不准确，给出了错误答复", u"政策公示内容不完整，群众难以理解"},
    {u"当日省级业务系统出现故障，持续约两小时", u"自助终端读卡模块故障，已报修", u"预约系统与叫号系统数据同步异常",
     u"支付平台回调延迟，造成缴费状态显示错误"},
    {u"大厅空调设备故障，维修不及时", u"保洁人员排班不足，卫生间清洁不到位", u"停车场车位紧张，引导不到位",
     u"相关设施设备老化，未及时更换"},
    {u"窗口误按旧标准收取费用", u"该项费用属于自愿选择项目，但工作人员未说明清楚", u"收费公示牌未及时更新",
     u"大厅内存在中介人员招揽业务的情况"},
    {u"群众反映的情况基本属实", u"相关工作人员存在工作疏漏", u"现场秩序管理存在不足", u"回访承诺未按时兑现"},
};
constexpr QStringView kFactsVerdict[] = {u"，情况属实。", u"，情况基本属实。", u"，情况部分属实。",
                                         u"，群众反映的问题存在。"};

constexpr QStringView kFactsMisunderstood[] = {
    u"窗口按现行规定办理，程序无误，群众对相关规定存在误解。",
    u"工作人员已按一次性告知要求说明，群众对办理条件存在误解。",
    u"该事项的办理时限和收费均符合规定，群众对政策理解有偏差。",
    u"所需材料为法定要件，不能减免，群众对要求存在误解。",
};
constexpr QStringView kStepsExplained[] = {
    u"已向群众耐心解释相关规定并出示政策依据，取得理解",
    u"已将办理条件和材料清单逐项说明，群众表示理解",
    u"请业务骨干当面讲解政策，并提供书面告知单",
};

constexpr QStringView kImpact[] = {
    u"群众多跑了一趟，耽误了工作时间",
    u"群众等候时间过长，情绪激动",
    u"影响了群众对大厅服务的评价",
    u"造成群众经济损失#元",
    u"群众的业务延误了&天",
    u"在现场造成了不良影响",
    u"老年群众身体不适，需要休息",
    u"企业的开办进度受到影响",
    u"群众对政策产生误解",
    u"群众表示已向其他渠道反映",
};

constexpr QStringView kStepsApology[] = {
    u"已当面向群众赔礼道歉",       u"已电话向群众致歉并说明情况", u"中心负责人已向群众致歉",
    u"已向群众解释原因并表示歉意", u"已与群众沟通，取得谅解",
};
constexpr QStringView kStepsTopic[][3] = {
    {u"对当事工作人员进行批评教育并扣减当月考核分", u"组织窗口人员开展服务礼仪培训", u"将该工作人员调离窗口岗位"},
    {u"增开两个窗口分流等候群众", u"协调后台加快审核，已为群众办结", u"调整午间轮班，保证窗口不断档"},
    {u"更新一次性告知单并在网上同步公布", u"通过数据共享调取证明，免于群众提交", u"安排帮办代办人员全程陪同办理"},
    {u"组织窗口统一政策解释口径", u"请主管部门出具书面答复", u"将政策要点制作成明白卡发放"},
    {u"联系系统运维单位修复故障", u"为群众人工办理并补录系统", u"退还重复扣缴的费用"},
    {u"已维修相关设施", u"增加保洁频次并落实巡查", u"增设临时停车引导和座椅"},
    {u"已退还多收的费用", u"更新收费公示并加强监督", u"联合执法清理大厅内的中介人员"},
    {u"已安排专人跟进并按时回复群众", u"完善现场秩序管理", u"将问题纳入月度整改清单"},
};
constexpr QStringView kStepsFollow[] = {
    u"，并承诺在三个工作日内回访。", u"，群众表示认可。", u"，举一反三开展自查。", u"，纳入本月复盘。",
    u"，后续将加强督查。",
};

constexpr QStringView kTransferReason[] = {
    u"涉及系统问题，转交处理",
    u"属于后台审核环节，转主管科室",
    u"需核实收费依据",
    u"涉及设施维修，转后勤",
    u"需督查核实工作人员行为",
    u"群众要求书面答复，转办公室",
    u"业务归口调整，转交责任科室",
    u"需要跨部门协调",
};
constexpr QStringView kEscalation[] = {
    u"群众情绪激动，提请值班主任处理", u"群众表示将向媒体反映", u"超过承诺时限仍未办结", u"同一群众多次投诉",
    u"涉及多个部门，需领导协调",
};
constexpr QStringView kReassign[] = {
    u"原经办人休假",
    u"按业务归口重新分派",
    u"经办人工作量过大，调整分派",
    u"群众要求换人处理",
};
constexpr QStringView kFollowGood[] = {
    u"群众对处理结果表示满意",     u"群众表示感谢", u"问题已解决，群众认可", u"群众称赞工作人员态度好",
    u"群众表示下次还会来大厅办理",
};
constexpr QStringView kFollowMiddle[] = {
    u"群众认为处理一般",
    u"问题已解决但等待时间较长",
    u"群众希望进一步改进",
    u"群众表示还有顾虑",
};
constexpr QStringView kFollowBad[] = {
    u"群众仍不满意，认为没有解决根本问题",
    u"群众表示还要继续反映",
    u"群众对答复不认可",
    u"群众拒绝评价，要求领导出面",
};
constexpr QStringView kClose[] = {u"同意办结", u"处理到位，准予关闭", u"材料齐全，同意关闭", u""};

// ---------------------------------------------------------------------------------------------------------------
// The closed loop (issue 12)

QString joined(QStringView a, QStringView b)
{
    QString s;
    s.reserve(a.size() + b.size());
    s.append(a);
    s.append(b);
    return s;
}

constexpr QStringView kTransferMatter[] = {
    u"该事项涉及不动产登记信息更正", u"诉求涉及社保缴费记录核查", u"涉及网上办事系统故障",
    u"涉及窗口工作人员服务态度",     u"涉及收费项目及标准",       u"涉及大厅设施维修",
    u"涉及公积金提取审核",           u"涉及企业开办后台审批",     u"涉及户籍材料审核意见",
};
constexpr QStringView kTransferAsk[] = {
    u"，请贵科室核实后答复群众", u"，请按职责办理并反馈结果", u"，请于时限内提出处理意见",
    u"，请牵头协调相关窗口",     u"，请核实情况并书面答复",   u"",
};
constexpr QStringView kSign[] = {u"", u"", u"已签收，安排专人办理", u"收到，今日内联系群众", u"已签收，按时限办理"};
constexpr QStringView kReturnWhy[] = {
    u"不属于本科室职责范围",
    u"转办材料不全，缺少群众诉求记录",
    u"该事项已由原窗口受理，应由原科室答复",
    u"涉及事项需先由业务科室核实",
    u"转办理由不明确",
};
constexpr QStringView kReturnAsk[] = {u"，请重新研判", u"，建议转业务主管科室", u"，请补充材料后再转", u""};
constexpr QStringView kPauseCitizen[] = {
    u"群众需补充身份证明材料", u"群众需补交房屋权属证明", u"待群众提供缴费凭证原件",
    u"群众需提供委托书",       u"待群众补充事发经过说明", u"群众需提交营业执照副本",
};
constexpr QStringView kPauseThirdParty[] = {
    u"待市不动产登记中心出具核查意见", u"待税务部门确认完税信息", u"待社保经办机构核对缴费记录",
    u"待系统运维单位排查故障原因",     u"待公安部门核实户籍信息", u"待第三方检测机构出具报告",
};
constexpr QStringView kPauseWhen[] = {u"", u"，已电话告知", u"，已一次性告知所需材料", u"，已发函"};
constexpr QStringView kResumeCitizen[] = {u"群众已补齐材料", u"材料已收到，继续办理", u"群众已提交补正材料"};
constexpr QStringView kResumeThirdParty[] = {u"已收到回复意见", u"第三方已反馈，继续办理", u"核查结果已出"};
constexpr QStringView kExtensionWhy[] = {
    u"需多部门联合核查",
    u"待上级部门批复",
    u"涉及历史遗留问题，需调取档案",
    u"需现场勘查",
    u"群众诉求涉及政策解释，需请示",
};
constexpr QStringView kExtensionMore[] = {u"，申请延期办理", u"，预计需要额外时间", u"，已向群众说明", u""};
constexpr QStringView kExtensionNo[] = {
    u"理由不充分，请在原时限内办结",
    u"可先行答复群众，不予延期",
    u"材料不足以说明延期必要性",
};
constexpr QStringView kExtensionYes[] = {u"", u"同意延期，请按新时限办结", u"同意，注意及时告知群众"};
constexpr QStringView kAttemptPhone[] = {u"电话无人接听", u"电话关机", u"电话占线，稍后再拨", u"号码已停机",
                                         u"接通后对方表示不便，挂断"};
constexpr QStringView kAttemptSms[] = {u"短信已发送，未回复", u"短信回访无回应"};
constexpr QStringView kAttemptVisit[] = {u"上门回访，家中无人", u"上门回访，地址有误"};
constexpr QStringView kVerify[] = {
    u"已调取监控和办件记录核实",
    u"已与当事窗口人员谈话核实",
    u"经核实，群众反映情况基本属实",
    u"经核实，系沟通不到位所致",
};
constexpr QStringView kRectify[] = {
    u"已对相关人员进行批评教育", u"已优化办理流程，压缩等候时间", u"已补办相关手续", u"已修复系统问题",
    u"已调整窗口排班",
};
constexpr QStringView kFeedback[] = {u"已电话向群众反馈整改情况", u"已书面告知群众整改结果",
                                     u"已当面向群众说明整改措施"};
constexpr QStringView kAppealMalicious[] = {
    u"群众诉求不合理未获满足后给予差评",
    u"群众因个人情绪恶意差评",
    u"差评与所办事项无关",
};
constexpr QStringView kAppealMistaken[] = {
    u"群众误按评价键，已电话确认实际满意",
    u"回访记录录入错误",
    u"群众本人表示评价有误",
};
constexpr QStringView kAppealYes[] = {u"", u"情况属实，同意剔除", u"同意，按规定不计入统计"};
constexpr QStringView kAppealNo[] = {u"证据不足，维持原评价", u"差评理由与办理情况相关，不予剔除",
                                     u"未提供群众确认记录"};
constexpr QStringView kRemind[] = {u"请尽快办理", u"已超期，请说明原因", u"请今日内答复群众", u""};
constexpr QStringView kRemindHard[] = {u"挂牌督办，限期办结", u"再次催办，请主要负责人跟进"};

// ---------------------------------------------------------------------------------------------------------------
// People

constexpr QStringView kSurnames[] = {
    u"王", u"李", u"张", u"刘", u"陈", u"杨", u"黄", u"赵", u"吴", u"周", u"徐", u"孙", u"马", u"朱", u"胡",
    u"郭", u"何", u"高", u"林", u"罗", u"郑", u"梁", u"谢", u"宋", u"唐", u"许", u"韩", u"冯", u"邓", u"曹",
    u"彭", u"曾", u"肖", u"田", u"董", u"袁", u"潘", u"于", u"蒋", u"蔡", u"余", u"杜", u"叶", u"程", u"苏",
    u"魏", u"吕", u"丁", u"任", u"沈", u"姚", u"卢", u"姜", u"崔", u"钟", u"谭", u"陆", u"汪", u"范", u"欧阳",
};
constexpr QStringView kGivenChars[] = {
    u"伟", u"芳", u"娜", u"敏", u"静", u"丽", u"强", u"磊", u"军", u"洋", u"勇", u"艳", u"杰", u"娟", u"涛",
    u"明", u"超", u"秀", u"霞", u"平", u"刚", u"桂", u"英", u"华", u"建", u"国", u"文", u"辉", u"鹏", u"宇",
    u"浩", u"婷", u"雪", u"琳", u"晨", u"欣", u"怡", u"佳", u"子", u"涵", u"梓", u"轩", u"博", u"然", u"志",
    u"红", u"兰", u"凤", u"玉", u"春", u"海", u"云", u"峰", u"斌", u"林", u"波", u"亮", u"莉", u"萍", u"慧",
};
constexpr QStringView kMobilePrefixes[] = {u"130", u"131", u"132", u"133", u"135", u"136", u"137", u"138",
                                           u"139", u"150", u"151", u"152", u"155", u"156", u"157", u"158",
                                           u"159", u"166", u"176", u"177", u"180", u"181", u"182", u"185",
                                           u"186", u"187", u"188", u"189", u"191", u"198", u"199"};
/** Administrative division codes of real districts (the first six digits of an ID number). */
constexpr QStringView kRegions[] = {u"110101", u"110105", u"310104", u"310115", u"320102", u"320505", u"330102",
                                    u"330106", u"340104", u"350203", u"370202", u"410105", u"420106", u"430104",
                                    u"440106", u"440305", u"500103", u"510107", u"610113", u"120104", u"210102",
                                    u"230103", u"360102", u"450103", u"520102", u"530102", u"620102", u"130102"};
constexpr QStringView kDistricts[] = {u"东城区", u"西湖区", u"鼓楼区", u"天河区", u"南山区", u"武侯区",
                                      u"雁塔区", u"江汉区", u"岳麓区", u"金水区", u"市南区", u"思明区",
                                      u"姑苏区", u"包河区", u"新城区", u"高新区"};
constexpr QStringView kRoads[] = {u"人民路", u"解放路", u"中山路", u"建设路", u"和平路", u"长江路",
                                  u"黄河路", u"文化路", u"学府路", u"滨江路", u"光明街", u"胜利街",
                                  u"朝阳路", u"新华路", u"东风路", u"青年路", u"幸福路", u"工业大道"};
constexpr QStringView kEstates[] = {u"阳光花园", u"锦绣家园", u"幸福里",   u"金色港湾", u"翠苑",     u"和谐小区",
                                    u"绿城小区", u"世纪新城", u"书香门第", u"碧水湾",   u"职工宿舍", u"东方名苑"};
constexpr QStringView kProvinces[] = {u"京", u"沪", u"津", u"渝", u"冀", u"晋", u"辽", u"吉", u"黑",
                                      u"苏", u"浙", u"皖", u"闽", u"赣", u"鲁", u"豫", u"鄂", u"湘",
                                      u"粤", u"桂", u"琼", u"川", u"贵", u"云", u"陕", u"甘"};

constexpr char16_t kPlateLetters[] = u"ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I, no O
constexpr char16_t kDigits[] = u"0123456789";

void appendDigits(QString& s, DemoRandom& rng, int n)
{
    for (int i = 0; i < n; ++i) {
        s.append(QChar(kDigits[rng.below(10)]));
    }
}

void Writer::add(QStringView part)
{
    for (const QChar c : part) {
        switch (c.unicode()) {
        case u'#':
            text.append(QString::number(number));
            break;
        case u'&':
            text.append(QString::number(rng.range(2, 15)));
            break;
        case u'$':
            text.append(ctx.windowName.isEmpty() ? QStringLiteral("窗口") : ctx.windowName);
            break;
        case u'@':
            add(pick(rng, kStaff));
            break;
        case u'%':
            text.append(errand);
            break;
        default:
            text.append(c);
        }
    }
}

QString dateWords(const QDate& day)
{
    return QStringLiteral("%1月%2日").arg(day.month()).arg(day.day());
}

/** Personal data the citizen writes into the text now and then: what the anonymizer has to find. */
void addPersonalData(Writer& w, DemoRandom& rng, const Context& ctx)
{
    const double r = rng.uniform();
    if (r < 0.08) {
        w.add(u"我的电话是");
        w.text.append(ctx.citizen ? ctx.citizen->phone : mobile(rng));
        w.add(u"，");
    } else if (r < 0.11) {
        w.add(u"我的身份证号是");
        w.text.append(ctx.citizen ? ctx.citizen->idNumber : idNumber(rng));
        w.add(u"，");
    } else if (r < 0.15) {
        w.add(u"我住在");
        w.text.append(ctx.citizen ? ctx.citizen->address : address(rng));
        w.add(u"，");
    } else if (r < 0.17) {
        w.add(u"我叫");
        w.text.append(ctx.citizen ? ctx.citizen->name : personName(rng));
        w.add(u"，");
    } else if (r < 0.19 || (ctx.topic == Topic::Facilities && r < 0.30)) {
        w.add(u"我的车牌号是");
        w.text.append(licencePlate(rng));
        w.add(u"，");
    }
}

} // namespace

Topic topicOf(const QString& name)
{
    static const QStringView names[] = {u"服务态度", u"办事效率/等候时间", u"流程繁琐", u"政策解释",
                                        u"系统故障", u"环境设施",          u"收费"};
    for (int i = 0; i < int(std::size(names)); ++i) {
        if (name == names[i]) {
            return Topic(i);
        }
    }
    return Topic::Other;
}

Item itemOf(const QString& name)
{
    static const QStringView names[] = {u"企业开办",   u"社保业务", u"医保业务",   u"不动产登记",
                                        u"公积金业务", u"户籍业务", u"出入境业务", u"税务业务"};
    for (int i = 0; i < int(std::size(names)); ++i) {
        if (name == names[i]) {
            return Item(i);
        }
    }
    return Item::OtherItem;
}

QString complaint(DemoRandom& rng, const Context& ctx, ComplaintParts* parts)
{
    Writer w{QString(), rng, ctx, numberFor(rng, ctx), errand(rng, ctx.item)};
    w.text.reserve(160);
    const TopicParts& t = topicParts(ctx.topic);
    const QStringView problem = t.problems[rng.below(quint32(t.problemCount))];
    const QStringView detail = t.details[rng.below(quint32(t.detailCount))];
    const bool hall = ctx.channel == Channel::Window || ctx.channel == Channel::Phone;
    const QStringView when = rng.chance(0.2) ? QStringView() : pick(rng, kWhen);
    // What the intake has to agree with (the same draws as without `parts`).
    ComplaintParts seen;
    seen.when = when;
    const auto who = [&] {
        seen.who = int(rng.below(quint32(std::size(kWho))));
        return kWho[seen.who];
    };
    const auto feeling = [&] {
        seen.feeling = int(rng.below(quint32(std::size(kFeeling))));
        return kFeeling[seen.feeling];
    };
    const auto addProblem = [&] {
        const qsizetype at = w.text.size();
        w.add(problem);
        seen.problem = w.text.mid(at);
    };

    switch (rng.below(hall ? 4 : 6)) {
    case 0:
        if (!when.isEmpty()) {
            w.add(when);
        } else {
            w.text.append(dateWords(ctx.day));
        }
        w.add(who());
        w.add(pick(rng, kWhere));
        w.add(u"%，");
        addProblem();
        w.add(u"。");
        w.add(detail);
        w.add(u"，");
        w.add(feeling());
        w.add(u"。");
        break;
    case 1:
        w.add(feeling());
        w.add(u"！");
        w.add(when.isEmpty() ? QStringView(u"那天") : when);
        w.add(u"来");
        w.add(u"%，");
        addProblem();
        w.add(u"，");
        w.add(pick(rng, kConsequence));
        w.add(u"。");
        break;
    case 2:
        w.add(u"我想反映一个问题：");
        w.add(who());
        w.add(when);
        w.add(u"%的时候，");
        addProblem();
        w.add(u"，");
        w.add(detail);
        w.add(u"。结果");
        w.add(pick(rng, kConsequence));
        w.add(u"，");
        w.add(feeling());
        w.add(u"。");
        break;
    case 3:
        w.add(u"关于");
        w.add(u"%");
        w.add(u"的问题。");
        w.add(when);
        w.add(pick(rng, kWhere));
        w.add(u"，");
        addProblem();
        w.add(u"，");
        w.add(detail);
        w.add(u"。");
        break;
    case 4:
        w.add(ctx.channel == Channel::Hotline12345 ? QStringView(u"来电人反映：") : QStringView(u"网友反映："));
        w.add(when);
        w.add(u"在");
        w.add(u"政务服务大厅%，");
        addProblem();
        w.add(u"，");
        w.add(pick(rng, kConsequence));
        w.add(u"。");
        break;
    default:
        w.add(u"尊敬的领导：您好！");
        w.add(when.isEmpty() ? QStringView(u"近日") : when);
        w.add(who());
        w.add(u"%，");
        addProblem();
        w.add(u"。");
        w.add(detail);
        w.add(u"，");
        w.add(feeling());
        w.add(u"。");
        break;
    }
    addPersonalData(w, rng, ctx);
    const qsizetype demandAt = w.text.size();
    w.add(pick(rng, kDemand));
    seen.demand = w.text.mid(demandAt);
    if (rng.chance(0.3)) {
        w.add(u"，");
        w.add(pick(rng, kDemand));
    }
    seen.exclaimed = rng.chance(0.15);
    w.add(seen.exclaimed ? QStringView(u"！") : QStringView(u"。"));
    if (rng.chance(0.07)) {
        seen.threat = true;
        w.add(pick(rng, kThreat));
    }
    if (parts) {
        *parts = std::move(seen);
    }
    return w.text;
}

QString facts(DemoRandom& rng, const Context& ctx, int* verdict)
{
    Writer w{QString(), rng, ctx, numberFor(rng, ctx), errand(rng, ctx.item)};
    w.add(pick(rng, kFactsOpening));
    w.text.append(dateWords(ctx.day));
    if (!ctx.windowName.isEmpty()) {
        w.add(u"$");
    }
    w.add(u"，");
    if (ctx.misunderstood) {
        w.add(pick(rng, kFactsMisunderstood));
        if (verdict) {
            *verdict = 4;
        }
        return w.text;
    }
    w.add(kFactsTopic[int(ctx.topic)][rng.below(4)]);
    const quint32 v = rng.below(quint32(std::size(kFactsVerdict)));
    w.add(kFactsVerdict[v]);
    if (verdict) {
        *verdict = int(v);
    }
    return w.text;
}

QString impact(DemoRandom& rng, const Context& ctx)
{
    Writer w{QString(), rng, ctx, numberFor(rng, ctx), QStringView()};
    w.add(pick(rng, kImpact));
    if (rng.chance(0.4)) {
        w.add(u"，");
        w.add(pick(rng, kImpact));
    }
    w.add(u"。");
    return w.text;
}

QString steps(DemoRandom& rng, const Context& ctx)
{
    Writer w{QString(), rng, ctx, 0, QStringView()};
    if (ctx.misunderstood) {
        w.add(pick(rng, kStepsExplained));
        w.add(pick(rng, kStepsFollow));
        return w.text;
    }
    w.add(pick(rng, kStepsApology));
    w.add(u"；");
    w.add(kStepsTopic[int(ctx.topic)][rng.below(3)]);
    w.add(pick(rng, kStepsFollow));
    return w.text;
}

QString transferReason(DemoRandom& rng)
{
    return pick(rng, kTransferReason).toString();
}

QString escalationNote(DemoRandom& rng)
{
    return pick(rng, kEscalation).toString();
}

QString reassignNote(DemoRandom& rng)
{
    return pick(rng, kReassign).toString();
}

QString followUpNote(DemoRandom& rng, int rating)
{
    if (rating >= 4) {
        return pick(rng, kFollowGood).toString();
    }
    if (rating == 3) {
        return pick(rng, kFollowMiddle).toString();
    }
    return pick(rng, kFollowBad).toString();
}

QString closeNote(DemoRandom& rng)
{
    return pick(rng, kClose).toString();
}

QString transferDetail(DemoRandom& rng)
{
    if (rng.chance(0.3)) {
        return transferReason(rng);
    }
    const QStringView matter = pick(rng, kTransferMatter);
    return joined(matter, pick(rng, kTransferAsk));
}

QString signNote(DemoRandom& rng)
{
    return pick(rng, kSign).toString();
}

QString returnReason(DemoRandom& rng)
{
    const QStringView why = pick(rng, kReturnWhy);
    return joined(why, pick(rng, kReturnAsk));
}

QString pauseReason(DemoRandom& rng, bool thirdParty)
{
    const QStringView why = thirdParty ? pick(rng, kPauseThirdParty) : pick(rng, kPauseCitizen);
    return joined(why, pick(rng, kPauseWhen));
}

QString resumeNote(DemoRandom& rng, bool thirdParty)
{
    return (thirdParty ? pick(rng, kResumeThirdParty) : pick(rng, kResumeCitizen)).toString();
}

QString extensionReason(DemoRandom& rng)
{
    const QStringView why = pick(rng, kExtensionWhy);
    return joined(why, pick(rng, kExtensionMore));
}

QString extensionRefusal(DemoRandom& rng)
{
    return pick(rng, kExtensionNo).toString();
}

QString extensionApproval(DemoRandom& rng)
{
    return pick(rng, kExtensionYes).toString();
}

QString attemptNote(DemoRandom& rng, FollowUpMethod method)
{
    switch (method) {
    case FollowUpMethod::Sms:
        return pick(rng, kAttemptSms).toString();
    case FollowUpMethod::Visit:
        return pick(rng, kAttemptVisit).toString();
    default:
        return pick(rng, kAttemptPhone).toString();
    }
}

QString rectificationNote(DemoRandom& rng, int stage)
{
    switch (stage) {
    case 0:
        return pick(rng, kVerify).toString();
    case 1:
        return pick(rng, kRectify).toString();
    default:
        return pick(rng, kFeedback).toString();
    }
}

QString appealReason(DemoRandom& rng, bool malicious)
{
    return (malicious ? pick(rng, kAppealMalicious) : pick(rng, kAppealMistaken)).toString();
}

QString appealDecision(DemoRandom& rng, bool approved)
{
    return (approved ? pick(rng, kAppealYes) : pick(rng, kAppealNo)).toString();
}

QString reminderNote(DemoRandom& rng, int level)
{
    return (level >= 3 ? pick(rng, kRemindHard) : pick(rng, kRemind)).toString();
}

QString personName(DemoRandom& rng)
{
    QString name = pick(rng, kSurnames).toString();
    name.append(pick(rng, kGivenChars));
    if (rng.chance(0.7)) {
        name.append(pick(rng, kGivenChars));
    }
    return name;
}

QString mobile(DemoRandom& rng)
{
    QString m = pick(rng, kMobilePrefixes).toString();
    appendDigits(m, rng, 8);
    return m;
}

QChar idCheckCharacter(QStringView first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char16_t checks[] = u"10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        sum += (first17.at(i).unicode() - u'0') * weights[i];
    }
    return QChar(checks[sum % 11]);
}

QString idNumber(DemoRandom& rng)
{
    QString id = pick(rng, kRegions).toString();
    const QDate birth = QDate(1945, 1, 1).addDays(rng.below(365 * 62));
    id.append(birth.toString(QStringLiteral("yyyyMMdd")));
    appendDigits(id, rng, 3);
    id.append(idCheckCharacter(id));
    return id;
}

QString address(DemoRandom& rng)
{
    QString a = pick(rng, kDistricts).toString();
    a.append(pick(rng, kRoads));
    a.append(QString::number(rng.range(1, 399)));
    a.append(u"号");
    if (rng.chance(0.8)) {
        a.append(pick(rng, kEstates));
        a.append(QString::number(rng.range(1, 30)));
        a.append(u"栋");
        a.append(QString::number(rng.range(1, 28) * 100 + rng.range(1, 4)));
        a.append(u"室");
    }
    return a;
}

QString licencePlate(DemoRandom& rng)
{
    QString p = pick(rng, kProvinces).toString();
    p.append(QChar(kPlateLetters[rng.below(24)]));
    const int n = rng.chance(0.2) ? 6 : 5; // new-energy plates have six
    for (int i = 0; i < n; ++i) {
        p.append(rng.chance(0.2) ? QChar(kPlateLetters[rng.below(24)]) : QChar(kDigits[rng.below(10)]));
    }
    return p;
}

Demo::Citizen citizen(DemoRandom& rng, qint64 createdAt)
{
    Demo::Citizen c;
    c.name = personName(rng);
    c.phone = mobile(rng);
    if (rng.chance(0.75)) {
        c.idNumber = idNumber(rng);
    }
    if (rng.chance(0.6)) {
        c.address = address(rng);
    }
    c.createdAt = createdAt;
    return c;
}

int ComplaintParts::heat() const
{
    return (feeling >= 0 ? kFeelingHeat[feeling] : 0) + (threat ? 1 : 0) + (exclaimed ? 1 : 0);
}

bool ComplaintParts::group() const
{
    return who == kWhoGroup;
}

namespace {
// The guided intake (issue 11). '$' is the window, '@' a member of staff, '#' a number (Writer).
constexpr QStringView kIntakeWhereWindow[] = {
    u"政务服务大厅$", u"大厅一楼$", u"$前", u"$办理台", u"$旁边的等候区",
};
constexpr QStringView kIntakeWhereHall[] = {
    u"政务服务大厅", u"大厅一楼", u"二楼综合窗口区", u"大厅取号机旁", u"自助服务区", u"三楼专区", u"导办台",
};
constexpr QStringView kIntakeWhereOnline[] = {u"网上办事大厅", u"政务服务APP", u"线上预约系统"};
constexpr QStringView kInvolvedOther[] = {
    u"$的工作人员", u"导办台的工作人员", u"后台审核人员", u"值班的负责人", u"帮办代办的工作人员",
};
constexpr QStringView kAffectedWho[] = {
    u"市民本人",
    u"市民本人",
    u"投诉人本人",
    u"本人",
    u"市民及其爱人",
    u"市民的母亲（老年人）",
    u"市民的父亲",
    u"市民和孩子",
    u"公司会计，公司业务受影响",
    u"公司及其经办人",
    u"所在单位及经办人",
    u"同来办事的几户邻居",
    u"七十多岁的老年人",
    u"外地来办事的市民",
};
constexpr QStringView kAffectedIndividual[] = {u"市民本人", u"投诉人本人", u"本人"};
constexpr QStringView kAffectedGroup[] = {u"同来办事的几户邻居", u"一同前来的几位居民", u"同一批办事的群众"};
constexpr QStringView kAffectedPublic[] = {u"来大厅办事的群众", u"在大厅等候的群众", u"使用该服务的所有群众"};
constexpr QStringView kRemedyFee[] = {u"退还多收的费用#元", u"免收本次复印和邮寄费用", u"减免加急费用#元"};
constexpr QStringView kRemedyOther[] = {
    u"安排志愿者全程陪同办理",
    u"提供免费邮寄送达服务",
    u"为老人开通绿色通道",
    u"预约下次办理时间，到时优先叫号",
};
constexpr QStringView kRemedyOnSite[] = {
    u"帮办人员现场协助填表并提交",
    u"当场为群众补录信息",
    u"现场调取电子证照，免于提交纸质材料",
};
constexpr QStringView kRemedyExpedited[] = {u"开通加急通道，优先审核", u"协调后台当天审核", u"安排专窗优先办理"};
constexpr QStringView kPromiseReason[] = {
    u"需要主管部门出具书面意见",     u"涉及历史档案调取，需要时间", u"需要现场核查后才能答复",
    u"需要等待第三方机构的核查结果", u"涉及多个部门会商",           u"遇周末，顺延至工作日答复",
};
constexpr QStringView kOnSpotLead[] = {u"经现场协调，", u"", u"值班负责人到场后，", u"经核对，"};
constexpr QStringView kOnSpot[][2] = {
    {u"当事工作人员当面向群众道歉，由值班负责人现场办理完毕", u"更换窗口人员接待，当场办结"},
    {u"安排专窗现场加急办理，当场办结", u"协调后台即时审核，当场出件"},
    {u"帮办人员现场指导补齐材料，当场受理办结", u"通过数据共享调取证明，当场办结"},
    {u"业务骨干现场解释政策，并当场办理完毕", u"按政策要求当场为群众办理完毕"},
    {u"切换备用系统，人工办理并当场出件", u"重启设备后当场为群众办理完毕"},
    {u"现场安排座椅和饮用水，并当场报修相关设施", u"当场调整引导标识并安排专人引导"},
    {u"核对收费标准后当场退还多收费用", u"当场说明收费依据并更正收费"},
    {u"值班负责人现场协调，当场解决", u"当场为群众办理完毕"},
};
constexpr QStringView kReplyAck[][3] = {
    {u"感谢您把情况告诉我们。", u"谢谢您的反映。", u"您好，感谢您耐心地把情况说清楚。"},
    {u"非常抱歉给您带来了不便，谢谢您告诉我们。", u"让您多跑了，实在不好意思。",
     u"您的心情我们非常理解，给您添麻烦了。"},
    {u"您先别着急，您的感受我们完全理解。", u"让您受委屈了，我们向您道歉。", u"这件事确实让您着急了，非常抱歉。"},
    {u"您先消消气，这件事是我们没做到位，我们向您郑重道歉。", u"换作是我也会生气，非常对不起。",
     u"您的心情我完全理解，先请您坐下喝口水，给您添麻烦了。"},
};
constexpr QStringView kReplyRestate[] = {u"您反映的是%，我都记下了。", u"我跟您确认一下：%，是这样吧？",
                                         u"刚才您提到%，这个情况我们已经记录。"};
constexpr QStringView kReplySteps[] = {u"我们会马上核实情况，", u"我们会安排专人跟进处理，",
                                       u"我们会联系相关科室核查，", u"我们会立即协调后台加快办理，"};
constexpr QStringView kReplyTransfer[] = {u"这件事需要主管部门答复，我们已帮您转交，会全程跟踪，",
                                          u"我们会把情况转交主管部门，并负责跟踪催办，"};
constexpr QStringView kReplyExplain[] = {u"我把相关规定给您详细说明一下，同时为您核实具体的办理条件，",
                                         u"我们会为您核实政策依据，并把办理条件一次性告知您，"};
constexpr QStringView kReplyOnSpot[] = {u"我们已经现场为您办好了，请您核对一下。",
                                        u"这件事已经为您现场办完了，请您看看还有什么需要。"};
constexpr QStringView kReplyTail[] = {u"。", u"，到时候请您留意电话。", u"，请您保持电话畅通。"};
constexpr QStringView kReplyWeakStart[] = {u"这个不归我们窗口管，", u"这不是我们的责任，",
                                           u"系统的问题我们这边管不了，", u"这事跟我们窗口没关系，"};
constexpr QStringView kReplyWeakEnd[] = {u"您自己去找主管部门问吧。", u"规定就是这样，我们也没办法。",
                                         u"您回去等通知就行。"};

/** The citizen's words as the clerk says them back: 我 becomes 您, no closing punctuation. */
QString restated(QString what)
{
    what.replace(QStringLiteral("我们"), QStringLiteral("你们")).replace(QChar(u'我'), QChar(u'您'));
    while (!what.isEmpty() && QStringView(u"。！，；").contains(what.back())) {
        what.chop(1);
    }
    return what;
}
} // namespace

QString intakeWhere(DemoRandom& rng, const Context& ctx)
{
    Writer w{QString(), rng, ctx, 0, QStringView()};
    if (!ctx.windowName.isEmpty()) {
        w.add(pick(rng, kIntakeWhereWindow));
    } else if (ctx.topic == Topic::System && ctx.channel != Channel::Window && ctx.channel != Channel::Phone) {
        w.add(pick(rng, kIntakeWhereOnline));
    } else {
        w.add(pick(rng, kIntakeWhereHall));
    }
    return w.text;
}

QString intakeInvolved(DemoRandom& rng, const Context& ctx)
{
    Writer w{QString(), rng, ctx, 0, QStringView()};
    if (ctx.topic == Topic::Attitude) {
        w.add(pick(rng, kStaff));
    } else if (rng.chance(ctx.topic == Topic::Efficiency || ctx.topic == Topic::Process ? 0.5 : 0.2)) {
        w.add(pick(rng, kInvolvedOther));
    }
    return w.text;
}

QString affected(DemoRandom& rng, int who, ImpactScope scope)
{
    switch (scope) {
    case ImpactScope::Group:
        return pick(rng, kAffectedGroup).toString();
    case ImpactScope::Public:
        return who >= 0 ? kAffectedWho[who].toString() + QStringLiteral("及其他办事群众")
                        : pick(rng, kAffectedPublic).toString();
    case ImpactScope::Individual:
        break;
    }
    return who >= 0 ? kAffectedWho[who].toString() : pick(rng, kAffectedIndividual).toString();
}

QString remedyNote(DemoRandom& rng, Remedy remedy)
{
    Context ctx;
    ctx.topic = Topic::Fees;
    Writer w{QString(), rng, ctx, 5 * rng.range(2, 60), QStringView()};
    switch (remedy) {
    case Remedy::FeeWaiver:
        w.add(pick(rng, kRemedyFee));
        break;
    case Remedy::Other:
        w.add(pick(rng, kRemedyOther));
        break;
    case Remedy::OnSiteHelp:
        w.add(pick(rng, kRemedyOnSite));
        break;
    case Remedy::Expedited:
        w.add(pick(rng, kRemedyExpedited));
        break;
    case Remedy::Apology:
    case Remedy::Explanation:
        break;
    }
    return w.text;
}

QString promiseReason(DemoRandom& rng)
{
    return pick(rng, kPromiseReason).toString();
}

QString onSpotResolution(DemoRandom& rng, const Context& ctx)
{
    return joined(pick(rng, kOnSpotLead), kOnSpot[int(ctx.topic)][rng.below(2)]);
}

QString intakeReply(DemoRandom& rng, const Context& ctx, const ReplyFacts& f)
{
    Writer w{QString(), rng, ctx, 0, QStringView()};
    w.text.reserve(120);
    if (f.weak) {
        w.add(pick(rng, kReplyWeakStart));
        w.add(pick(rng, kReplyWeakEnd));
        return w.text;
    }
    w.add(kReplyAck[int(f.emotion)][rng.below(3)]);
    if (!f.what.isEmpty()) {
        const QString said = f.when.isEmpty() ? restated(f.what) : f.when + QStringLiteral("，") + restated(f.what);
        const QStringView restate = pick(rng, kReplyRestate);
        const qsizetype at = restate.indexOf(u'%');
        w.text.append(restate.left(at));
        w.text.append(said);
        w.text.append(restate.mid(at + 1));
    }
    if (f.onSpot) {
        w.add(pick(rng, kReplyOnSpot));
        return w.text;
    }
    w.add(f.misunderstood ? pick(rng, kReplyExplain)
                          : (f.transfer ? pick(rng, kReplyTransfer) : pick(rng, kReplySteps)));
    const int minute = f.promisedMinute;
    w.text.append(QStringLiteral("在%1月%2日%3:%4前给您答复")
                      .arg(f.promisedDay.month())
                      .arg(f.promisedDay.day())
                      .arg(minute / 60)
                      .arg(minute % 60, 2, 10, QLatin1Char('0')));
    w.add(pick(rng, kReplyTail));
    return w.text;
}

} // namespace DemoText
