#include "DemoGenerator.h"

#include "demo/DemoText.h"
#include "search/SearchGrams.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <cmath>

namespace {
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;
constexpr qint64 kHallOpen = 8 * kHour + 30 * 60;   // 08:30
constexpr qint64 kLunchStart = 12 * kHour;          // 12:00
constexpr qint64 kLunchEnd = 13 * kHour + 30 * 60;  // 13:30
constexpr qint64 kHallClose = 17 * kHour + 30 * 60; // 17:30
constexpr qint64 kDueHours = 48;                    // CaseService::kAnswerDueHours
constexpr int kSlots = 36;                          // quarter hours from 08:30 to 17:30
constexpr int kCitizenPool = 20000;                 // repeat complainants come from the first citizens

/** Channels and their share of all cases; hall channels only arrive on working days. */
struct ChannelShare
{
    Channel channel;
    double share;
    bool hall;
};
const ChannelShare kChannels[] = {
    {Channel::Window, 0.40, true},       {Channel::Phone, 0.13, true},   {Channel::Letter, 0.04, true},
    {Channel::StaffReport, 0.06, true},  {Channel::Online, 0.15, false}, {Channel::Hotline12345, 0.16, false},
    {Channel::SocialMedia, 0.06, false},
};

/** Share of cases per topic (DemoText::Topic order). */
const double kTopicShare[] = {0.22, 0.25, 0.15, 0.09, 0.10, 0.07, 0.05, 0.07};
/** Share of a topic's window intakes resolved on the spot (当场办结). */
const double kOnSpotShare[] = {0.12, 0.10, 0.25, 0.22, 0.10, 0.06, 0.20, 0.10};
/** Share of cases per service item (DemoText::Item order). */
const double kItemShare[] = {0.12, 0.18, 0.14, 0.14, 0.10, 0.10, 0.07, 0.10, 0.05};
/** Cases per working day by weekday (Monday first); a 调休 weekend workday counts as 0.9. */
const double kWeekday[] = {1.35, 1.1, 1.0, 1.0, 0.95, 0.9, 0.9};
/** Month factors: a quieter Spring Festival month, busy March and September. */
const double kMonth[] = {1.05, 0.8, 1.1, 1.0, 0.95, 1.0, 1.05, 1.0, 1.1, 0.9, 1.0, 1.05};
/** Online cases by hour of day. */
const double kOnlineHour[] = {0.1, 0.08, 0.05, 0.05, 0.05, 0.1, 0.2, 0.4, 0.9, 1.2, 1.2, 1.1,
                              0.8, 0.8,  1.1,  1.1,  1.0,  1.0, 0.9, 0.9, 0.9, 0.8, 0.5, 0.3};

double slotWeight(int slot, bool monday)
{
    const qint64 start = kHallOpen + slot * 900;
    double w = 1.0;
    if (start < 9 * kHour) {
        w = 1.2;
    } else if (start < 11 * kHour) {
        w = 1.5;
    } else if (start < kLunchStart) {
        w = 1.1;
    } else if (start < kLunchEnd) {
        w = 0.3; // lunch: one window stays open
    } else if (start < 15 * kHour) {
        w = 1.2;
    } else if (start < 16 * kHour + 30 * 60) {
        w = 1.0;
    } else {
        w = 0.6;
    }
    if (monday && start < kLunchStart) {
        w *= 1.7;
    }
    return w;
}

std::vector<double> slotWeights(bool monday)
{
    std::vector<double> w(kSlots);
    for (int i = 0; i < kSlots; ++i) {
        w[std::size_t(i)] = slotWeight(i, monday);
    }
    return w;
}

double sum(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v) {
        s += x;
    }
    return s;
}

/** A standard normal draw (Box–Muller on our own uniform draws). */
double normal(DemoRandom& rng)
{
    const double u1 = 1.0 - rng.uniform();
    const double u2 = rng.uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

/** Exponentially distributed, mean `mean`. */
double exponential(DemoRandom& rng, double mean)
{
    return -std::log(1.0 - rng.uniform()) * mean;
}

int ratingDraw(DemoRandom& rng)
{
    static const double w[] = {0.04, 0.04, 0.09, 0.26, 0.57};
    return rng.weighted(w, 1.0) + 1;
}

int npsFor(DemoRandom& rng, int rating)
{
    switch (rating) {
    case 5:
        return rng.range(8, 10) - (rng.chance(0.1) ? 2 : 0);
    case 4:
        return rng.range(6, 9);
    case 3:
        return rng.range(4, 7);
    default:
        return rng.range(0, 4);
    }
}

/** Seconds since the epoch of an engine's due time; 0 where it has none (beyond the holiday calendar). */
qint64 epoch(const Result<QDateTime>& due)
{
    return due ? due->toSecsSinceEpoch() : 0;
}

/** A time in a timeline note, as the services write it ("2026-05-08 17:00"). */
QString noteTime(qint64 t)
{
    return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

bool isComplaintWindow(const QString& name)
{
    return name.contains(QStringLiteral("投诉")) || name.contains(QStringLiteral("建议"));
}
} // namespace

DemoGenerator::DemoGenerator(const DemoOptions& options, const DemoReference& reference, const WorkCalendar& calendar,
                             const QList<Demo::User>& users, int clerks)
    : m_options(options)
    , m_ref(reference)
    , m_calendar(calendar)
    , m_users(users)
    , m_clerks(std::max(1, clerks))
    , m_rng(options.seed)
    , m_loop(DemoRandom::derived(options.seed, 12))
    , m_intake(DemoRandom::derived(options.seed, 11))
    , m_engine(SlaPolicy{}, calendar)
{
    m_first = options.end.addDays(-(options.days - 1));
    m_midnight0 = QDateTime(m_first, QTime(0, 0)).toSecsSinceEpoch();
    // The guided intake came to the hall a quarter into the run: older cases were registered without it.
    m_intakeFrom = midnight(options.days / 4);
    m_working.assign(std::size_t(options.days + 400), -1);

    for (const auto& c : m_ref.categories) {
        const int topic = int(DemoText::topicOf(c.name));
        m_categoryTopic.push_back(topic);
        m_categoryWeights.push_back(DemoText::topicOf(c.name) == DemoText::Topic::Other &&
                                            c.name != QStringLiteral("其他")
                                        ? 0.02
                                        : kTopicShare[topic]);
    }
    for (const auto& s : m_ref.serviceItems) {
        const int item = int(DemoText::itemOf(s.name));
        m_itemKind.push_back(item);
        m_itemWeights.push_back(kItemShare[item]);
    }
    m_categoryTotal = sum(m_categoryWeights);
    m_itemTotal = sum(m_itemWeights);
    for (const auto& w : m_ref.windows) {
        if (!isComplaintWindow(w.name)) {
            m_hallWindows.append(w);
        }
    }
    if (m_hallWindows.isEmpty()) {
        m_hallWindows = m_ref.windows;
    }
    for (const auto& c : m_ref.categories) {
        // The top-level category of each (the engine's working days are per top-level category).
        qint64 top = c.id;
        qint64 parent = c.parentId;
        for (int depth = 0; parent != 0 && depth < 8; ++depth) {
            top = parent;
            const auto it = std::find_if(m_ref.categories.begin(), m_ref.categories.end(),
                                         [&](const ReferenceItem& r) { return r.id == parent; });
            parent = it != m_ref.categories.end() ? it->parentId : 0;
        }
        m_topCategory.insert(c.id, top);
    }
    // Some departments return more transfers than others (4 % to 28 %).
    for (int i = 0; i < m_ref.departments.size(); ++i) {
        m_returnRate.push_back(0.04 + 0.04 * double((i * 5) % 7));
    }

    // How many cases and queue visits each day gets: weights, then whole numbers that add up exactly.
    const double hallShare = 0.63;
    std::vector<double> caseWeights(std::size_t(options.days));
    std::vector<double> visitWeights(std::size_t(options.days));
    const qint64 lastMidnight = midnight(options.days - 1);
    for (int d = 0; d < options.days; ++d) {
        const QDate date = m_first.addDays(d);
        const bool working = isWorking(d);
        const double month = kMonth[date.month() - 1];
        double hall = working ? kWeekday[date.dayOfWeek() - 1] * month : 0.0;
        double online = (working ? 1.0 : 0.3) * month;
        if (d == options.days - 1 && options.asOf < lastMidnight + kDay) {
            // The last day is under way: only the part up to asOf.
            const qint64 elapsed = options.asOf - lastMidnight;
            hall *= std::clamp(double(elapsed - kHallOpen) / double(kHallClose - kHallOpen), 0.0, 1.0);
            online *= std::clamp(double(elapsed) / double(kDay), 0.0, 1.0);
        }
        caseWeights[std::size_t(d)] = hallShare * hall + (1 - hallShare) * online;
        visitWeights[std::size_t(d)] = hall;
    }
    m_casesPerDay = apportion(options.cases, caseWeights);
    m_visitsPerDay = apportion(2 * options.cases, visitWeights);
}

std::vector<qint64> DemoGenerator::apportion(qint64 total, const std::vector<double>& weights)
{
    std::vector<qint64> result(weights.size(), 0);
    const double all = sum(weights);
    if (all <= 0 || total <= 0) {
        return result;
    }
    std::vector<std::pair<double, std::size_t>> remainders;
    qint64 given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = double(total) * weights[i] / all;
        result[i] = qint64(std::floor(exact));
        given += result[i];
        remainders.push_back({exact - double(result[i]), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total && k < remainders.size(); ++k, ++given) {
        result[remainders[k].second] += 1;
    }
    return result;
}

QStringList DemoGenerator::warnings() const
{
    QList<int> years(m_uncoveredYears.begin(), m_uncoveredYears.end());
    std::sort(years.begin(), years.end());
    QStringList names;
    for (int y : years) {
        names << QString::number(y);
    }
    if (names.isEmpty()) {
        return {};
    }
    return {tr("The holiday calendar has no entries for %1: Monday to Friday are taken as working days there.")
                .arg(names.join(QLatin1String(", ")))};
}

bool DemoGenerator::isWorking(int d)
{
    if (d >= 0 && std::size_t(d) < m_working.size() && m_working[std::size_t(d)] >= 0) {
        return m_working[std::size_t(d)] == 1;
    }
    const QDate date = m_first.addDays(d);
    bool working = false;
    if (m_calendar.covers(date)) {
        working = m_calendar.isWorkingDay(date);
    } else {
        working = date.dayOfWeek() <= 5;
        if (d >= 0 && d < m_options.days) {
            m_uncoveredYears.insert(date.year());
        }
    }
    if (d >= 0 && std::size_t(d) < m_working.size()) {
        m_working[std::size_t(d)] = working ? 1 : 0;
    }
    return working;
}

int DemoGenerator::dayIndexOf(qint64 t) const
{
    const qint64 offset = t - m_midnight0;
    return int(offset >= 0 ? offset / kDay : -((-offset + kDay - 1) / kDay));
}

qint64 DemoGenerator::addWorkingDays(qint64 t, int n) const
{
    return epoch(m_engine.addWorkingDays(QDateTime::fromSecsSinceEpoch(t), n));
}

qint64 DemoGenerator::workMoment(qint64 t, DemoRandom& rng)
{
    int d = dayIndexOf(t);
    qint64 sec = t - midnight(d);
    for (int guard = 0; guard < 60; ++guard, ++d, sec = 0) {
        if (!isWorking(d)) {
            continue;
        }
        if (sec < kHallOpen) {
            return midnight(d) + kHallOpen + rng.below(1800);
        }
        if (sec >= kLunchStart && sec < kLunchEnd) {
            return midnight(d) + kLunchEnd + rng.below(900);
        }
        if (sec < kHallClose) {
            return midnight(d) + sec;
        }
    }
    return t;
}

qint64 DemoGenerator::hallTime(int d)
{
    const bool monday = m_first.addDays(d).dayOfWeek() == 1;
    static const std::vector<double> normalDay = slotWeights(false);
    static const std::vector<double> mondays = slotWeights(true);
    static const double normalTotal = sum(normalDay);
    static const double mondayTotal = sum(mondays);
    const int slot = monday ? m_rng.weighted(mondays, mondayTotal) : m_rng.weighted(normalDay, normalTotal);
    return midnight(d) + kHallOpen + slot * 900 + m_rng.below(900);
}

qint64 DemoGenerator::onlineTime(int d)
{
    static const double total = [] {
        double s = 0;
        for (double w : kOnlineHour) {
            s += w;
        }
        return s;
    }();
    const int hour = m_rng.weighted(kOnlineHour, total);
    return midnight(d) + hour * kHour + m_rng.below(3600);
}

bool DemoGenerator::next(Demo::Batch& batch, int minCases)
{
    batch = Demo::Batch();
    batch.firstCitizen = m_citizens;
    if (m_nextDay >= m_options.days) {
        return false;
    }
    batch.cases.reserve(minCases + minCases / 2);
    batch.visits.reserve(2 * minCases + minCases);
    while (m_nextDay < m_options.days && batch.cases.size() < minCases) {
        generateDay(m_nextDay++, batch);
    }
    return true;
}

void DemoGenerator::generateDay(int d, Demo::Batch& batch)
{
    const bool working = isWorking(d);
    const qint64 n = m_casesPerDay[std::size_t(d)];
    static const double hallTotal = [] {
        double s = 0;
        for (const auto& c : kChannels) {
            s += c.share;
        }
        return s;
    }();
    static const double onlineTotal = [] {
        double s = 0;
        for (const auto& c : kChannels) {
            s += c.hall ? 0 : c.share;
        }
        return s;
    }();
    std::vector<Slot> daySlots;
    daySlots.reserve(std::size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        // On a day off only the online channels bring cases.
        double x = m_rng.uniform() * (working ? hallTotal : onlineTotal);
        Channel channel = Channel::Online;
        for (const auto& c : kChannels) {
            if (!working && c.hall) {
                continue;
            }
            if (x < c.share) {
                channel = c.channel;
                break;
            }
            x -= c.share;
        }
        const bool hall = std::find_if(std::begin(kChannels), std::end(kChannels), [&](const ChannelShare& c) {
                              return c.channel == channel;
                          })->hall;
        qint64 at = hall ? hallTime(d) : onlineTime(d);
        for (int retry = 0; at > m_options.asOf && retry < 8; ++retry) {
            at = hall ? hallTime(d) : onlineTime(d);
        }
        at = std::min(at, m_options.asOf);
        daySlots.push_back({at, channel});
    }
    std::stable_sort(daySlots.begin(), daySlots.end(), [](const Slot& a, const Slot& b) { return a.at < b.at; });
    for (const Slot& s : daySlots) {
        generateCase(s, d, batch);
    }
    generateVisits(d, batch);
}

qint64 DemoGenerator::citizenFor(Channel channel, qint64 at, Demo::Batch& batch, const Demo::Citizen** citizen)
{
    double anonymous = 0.12;
    if (channel == Channel::SocialMedia || channel == Channel::Online) {
        anonymous = 0.25;
    } else if (channel == Channel::StaffReport) {
        anonymous = 0.6;
    } else if (channel == Channel::Letter) {
        anonymous = 0.2;
    }
    if (m_rng.chance(anonymous)) {
        *citizen = nullptr;
        return -1;
    }
    if (m_citizens > 20 && m_rng.chance(0.14)) {
        // A repeat complainant: the regulars (the first few dozen) come back most often.
        const qint64 pool = std::min<qint64>(m_citizens, kCitizenPool);
        const qint64 index =
            m_rng.chance(0.4) ? m_rng.below(quint32(std::min<qint64>(pool, 60))) : m_rng.below(quint32(pool));
        *citizen = &m_citizenData[int(index)];
        return index;
    }
    Demo::Citizen c = DemoText::citizen(m_rng, at);
    batch.citizens.append(c);
    m_citizenCases.push_back(0);
    if (m_citizenData.size() < kCitizenPool) {
        m_citizenData.append(c);
        *citizen = &m_citizenData.constLast();
    } else {
        *citizen = &batch.citizens.constLast();
    }
    return m_citizens++;
}

void DemoGenerator::generateCase(const Slot& slot, int d, Demo::Batch& batch)
{
    Demo::Case c;
    c.events.reserve(8);
    c.day = m_first.addDays(d);
    c.channel = slot.channel;
    c.receivedAt = slot.at;
    c.dueAt = c.receivedAt + kDueHours * kHour; // the old rule, kept where the SLA engine gives no due time
    const bool inPerson = slot.channel == Channel::Window;
    const bool monday = c.day.dayOfWeek() == 1;

    const int categoryIndex = m_ref.categories.isEmpty() ? -1 : m_rng.weighted(m_categoryWeights, m_categoryTotal);
    const int itemIndex =
        m_ref.serviceItems.isEmpty() || m_rng.chance(0.06) ? -1 : m_rng.weighted(m_itemWeights, m_itemTotal);
    c.categoryId = categoryIndex >= 0 ? m_ref.categories[categoryIndex].id : 0;
    c.serviceItemId = itemIndex >= 0 ? m_ref.serviceItems[itemIndex].id : 0;
    QString windowName;
    IntakeInput intake;
    intake.itemIndex = itemIndex;
    if (!m_hallWindows.isEmpty() && (inPerson || m_rng.chance(0.3))) {
        const auto& w = m_hallWindows[int(m_rng.below(quint32(m_hallWindows.size())))];
        windowName = w.name;
        intake.namedWindowId = w.id;
        if (inPerson) {
            c.windowId = w.id;
        }
    }
    if (inPerson && m_rng.chance(0.85)) {
        const double mean = monday && c.receivedAt - midnight(d) < kLunchStart ? 45.0 : 22.0;
        c.waitedMinutes = int(std::min(240.0, exponential(m_rng, mean)));
    }
    const QList<ReferenceItem>& depts = m_ref.departments;
    if (!depts.isEmpty()) {
        c.departmentId = depts[int(m_rng.below(quint32(depts.size())))].id;
    }

    const Demo::Citizen* citizen = nullptr;
    c.citizen = citizenFor(slot.channel, slot.at, batch, &citizen);
    if (c.citizen >= 0) {
        intake.earlierCases = m_citizenCases[std::size_t(c.citizen)]++;
    }

    DemoText::Context ctx;
    ctx.topic =
        categoryIndex >= 0 ? DemoText::Topic(m_categoryTopic[std::size_t(categoryIndex)]) : DemoText::Topic::Other;
    ctx.item = itemIndex >= 0 ? DemoText::Item(m_itemKind[std::size_t(itemIndex)]) : DemoText::Item::OtherItem;
    ctx.channel = slot.channel;
    ctx.windowName = windowName;
    ctx.day = c.day;
    ctx.hour = int((slot.at - midnight(d)) / kHour);
    ctx.waitedMinutes = c.waitedMinutes;
    ctx.citizen = citizen;
    c.complaintText = DemoText::complaint(m_rng, ctx, &intake.complaint);

    // The whole life of the case, then cut at asOf.
    c.createdBy = int(m_rng.below(quint32(m_clerks)));
    int assignee = c.createdBy;
    const bool hallChannel = inPerson || slot.channel == Channel::Phone;
    const qint64 ack = hallChannel ? slot.at + 60 + m_rng.below(900)
                                   : workMoment(slot.at + 600 + qint64(exponential(m_rng, 3 * kHour)));
    qint64 start = workMoment(ack + 300 + qint64(exponential(m_rng, 4 * kHour)));
    const qint64 asOf = m_options.asOf;
    // The guided intake: at the window or on the phone while the citizen is there, or calling back on the first
    // response; resolved on the spot (当场办结) now and then at the window; the rules misunderstood now and then.
    const bool intakeCase = takesIntake(slot.channel, c.citizen, slot.at, ack);
    intake.onSpot = intakeCase && inPerson && ack + 1800 <= asOf && m_intake.chance(kOnSpotShare[int(ctx.topic)]);
    ctx.misunderstood = intakeCase && !intake.onSpot &&
                        (ctx.topic == DemoText::Topic::Policy || ctx.topic == DemoText::Topic::Process ||
                         ctx.topic == DemoText::Topic::Fees) &&
                        m_intake.chance(0.2);
    double hours = std::exp(std::log(20.0) + 0.9 * normal(m_rng));
    if (m_rng.chance(0.004)) {
        hours *= 15; // stalled cases: still open long after their due time
    }
    qint64 resolved = workMoment(std::max(start + 1800, slot.at + qint64(hours * kHour)));
    if (intake.onSpot) {
        resolved = ack + 300 + m_intake.below(1200);
        start = resolved;
    }
    // 补正材料 or a third party: a few % of the cases stop their clocks once while being handled, and are resolved
    // that much later.
    if (!intake.onSpot && m_loop.chance(0.045)) {
        Demo::Pause p;
        const bool third = m_loop.chance(0.3);
        p.kind = third ? SlaPauseKind::ThirdParty : SlaPauseKind::Citizen;
        p.reason = DemoText::pauseReason(m_loop, third);
        p.from = workMoment(start + 600 + qint64(m_loop.uniform() * 0.6 * double(resolved - start)), m_loop);
        const double days = third ? 1.0 + exponential(m_loop, 4.0) : 0.3 + exponential(m_loop, 2.0);
        p.to = workMoment(p.from + qint64(days * double(kDay)), m_loop);
        p.resumeNote = DemoText::resumeNote(m_loop, third);
        resolved = workMoment(std::max(resolved, p.from) + (p.to - p.from), m_loop);
        if (p.from <= asOf) {
            if (p.to > asOf) {
                p.to = 0; // paused now
                p.resumeNote.clear();
            }
            c.pauses.append(std::move(p));
        }
    }
    const qint64 answered =
        !intake.onSpot && m_rng.chance(0.35) ? start + qint64(m_rng.uniform() * double(resolved - start)) : resolved;
    if (m_rng.chance(0.25)) {
        c.promisedAt = slot.at + qint64(m_rng.range(24, 96)) * kHour;
    }
    if (intake.onSpot) {
        c.promisedAt = 0; // nothing left to promise
    } else if (intakeCase && !c.promisedAt) {
        // The intake asks for a promised time: mostly the hall's close one or two days later.
        static const double kDays[] = {0.45, 0.35, 0.12, 0.0, 0.08};
        const int days = m_intake.weighted(kDays, 1.0) + 1;
        c.promisedAt = midnight(d) + days * kDay + kHallClose - (m_intake.chance(0.3) ? 1800 : 0);
    }
    qint64 followed = 0;
    int rating = 0;
    int nps = -1;
    if (c.citizen >= 0) {
        followed = workMoment(resolved + 4 * kHour + qint64(exponential(m_rng, 30 * kHour)));
        rating = ratingDraw(m_rng);
        if (m_rng.chance(0.7)) {
            nps = npsFor(m_rng, rating);
        }
    }
    const qint64 closed =
        workMoment((followed ? followed : resolved) + 2 * kHour + qint64(exponential(m_rng, 20 * kHour)));
    const int supervisor = m_clerks + int(m_rng.below(quint32(std::max(1, int(m_users.size()) - m_clerks))));

    auto event = [&](qint64 at, CaseEventKind kind, int actor, std::optional<CaseStatus> from,
                     std::optional<CaseStatus> to, QString note = QString()) {
        c.events.append(Demo::Event{at, kind, std::min(actor, int(m_users.size()) - 1), from, to, std::move(note)});
    };
    // An event that leaves the status as it is; finishCase fills in the status of the moment.
    auto note = [&](qint64 at, CaseEventKind kind, int actor, QString text) {
        event(at, kind, actor, std::nullopt, std::nullopt, std::move(text));
    };
    event(slot.at, CaseEventKind::Created, c.createdBy, std::nullopt, CaseStatus::Received);
    c.status = CaseStatus::Received;
    if (ack <= asOf) {
        c.status = CaseStatus::Acknowledged;
        c.acknowledgedAt = ack;
        event(ack, CaseEventKind::Acknowledged, assignee, CaseStatus::Received, CaseStatus::Acknowledged);
    }
    if (intake.onSpot) {
        // Verified and put right while the citizen waited: no handling stage of its own.
        if (resolved <= asOf && c.status == CaseStatus::Acknowledged) {
            c.facts = DemoText::facts(m_rng, ctx, &intake.verdict);
            c.impact = DemoText::impact(m_rng, ctx);
        }
    } else if (start <= asOf && c.status == CaseStatus::Acknowledged) {
        c.status = CaseStatus::InProgress;
        event(start, CaseEventKind::Started, assignee, CaseStatus::Acknowledged, CaseStatus::InProgress);
        if (m_rng.chance(0.9)) {
            c.facts = DemoText::facts(m_rng, ctx, &intake.verdict);
        }
        if (m_rng.chance(0.8)) {
            c.impact = DemoText::impact(m_rng, ctx);
        }
        // Transfers, escalations and reassignments while the case is being handled.
        struct Step
        {
            qint64 at;
            int kind; // 0 transfer, 1 escalate, 2 reassign
        };
        std::vector<Step> steps;
        const double t = m_rng.uniform();
        const int transfers = t < 0.03 ? 2 : (t < 0.15 ? 1 : 0);
        for (int i = 0; i < transfers; ++i) {
            steps.push_back({start + qint64(m_rng.uniform() * double(resolved - start)), 0});
        }
        if (m_rng.chance(ctx.topic == DemoText::Topic::Attitude ? 0.08 : 0.04)) {
            steps.push_back({start + qint64(m_rng.uniform() * double(resolved - start)), 1});
        }
        if (m_clerks > 1 && m_rng.chance(0.04)) {
            steps.push_back({start + qint64(m_rng.uniform() * double(resolved - start)), 2});
        }
        std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.at < b.at; });
        for (std::size_t k = 0; k < steps.size(); ++k) {
            const Step& s = steps[k];
            if (s.at > asOf) {
                break;
            }
            if (s.kind == 0 && depts.size() > 1) {
                int next = int(m_rng.below(quint32(depts.size() - 1)));
                const int current = int(std::find_if(depts.begin(), depts.end(),
                                                     [&](const ReferenceItem& r) { return r.id == c.departmentId; }) -
                                        depts.begin());
                if (next >= current) {
                    ++next;
                }
                Demo::Transfer tf;
                tf.fromDepartmentId = c.departmentId;
                tf.toDepartmentId = depts[next].id;
                tf.reason = DemoText::transferDetail(m_loop);
                tf.at = s.at;
                tf.by = assignee;
                c.departmentId = tf.toDepartmentId;
                c.transferCount += 1;
                event(s.at, CaseEventKind::Transferred, assignee, CaseStatus::InProgress, CaseStatus::InProgress,
                      CaseEventNotes::withFact(depts[next].name, tf.reason));
                // Signed for or returned within minutes to a couple of working days, before the next transfer and
                // the resolution; later than asOf = still awaiting sign-for.
                qint64 bound = resolved;
                for (std::size_t j = k + 1; j < steps.size(); ++j) {
                    if (steps[j].kind == 0) {
                        bound = std::min(bound, steps[j].at);
                        break;
                    }
                }
                const double mean = m_loop.chance(0.15) ? 18.0 * kHour : 2.5 * kHour;
                qint64 decided = workMoment(s.at + 300 + qint64(exponential(m_loop, mean)), m_loop);
                if (decided >= bound) {
                    decided = s.at + (bound - s.at) / 2;
                }
                tf.decidedBy = int(m_loop.below(quint32(m_clerks)));
                const bool returned = m_loop.chance(m_returnRate[std::size_t(next)]);
                if (decided <= asOf) {
                    tf.decidedAt = decided;
                    if (returned) {
                        tf.state = Demo::Transfer::State::Returned;
                        tf.note = DemoText::returnReason(m_loop);
                        c.departmentId = tf.fromDepartmentId; // back to the department that sent it
                        note(decided, CaseEventKind::TransferReturned, tf.decidedBy,
                             CaseEventNotes::withFact(depts[next].name, tf.note));
                    } else {
                        tf.state = Demo::Transfer::State::Signed;
                        tf.note = DemoText::signNote(m_loop);
                        note(decided, CaseEventKind::TransferSigned, tf.decidedBy,
                             CaseEventNotes::withFact(depts[next].name, tf.note));
                    }
                }
                c.transfers.append(std::move(tf));
            } else if (s.kind == 1) {
                c.escalationLevel += 1;
                event(s.at, CaseEventKind::Escalated, assignee, CaseStatus::InProgress, CaseStatus::InProgress,
                      DemoText::escalationNote(m_rng));
            } else if (s.kind == 2) {
                int next = int(m_rng.below(quint32(m_clerks - 1)));
                if (next >= assignee) {
                    ++next;
                }
                assignee = next;
                event(s.at, CaseEventKind::Reassigned, supervisor, CaseStatus::InProgress, CaseStatus::InProgress,
                      CaseEventNotes::withFact(m_users[next].displayName, DemoText::reassignNote(m_rng)));
            }
        }
        // 延期: asked for on long cases (and rarely on others), mostly approved by a supervisor.
        if (m_loop.chance(resolved - start > 3 * kDay ? 0.15 : 0.004)) {
            Demo::Extension e;
            e.requestedAt =
                workMoment(start + 1800 + qint64(m_loop.uniform() * 0.5 * double(resolved - start)), m_loop);
            e.previousDueAt = addWorkingDays(slot.at, m_engine.resolveWorkingDays(m_topCategory.value(c.categoryId)));
            e.requestedDueAt = e.previousDueAt ? addWorkingDays(e.previousDueAt, m_loop.range(5, 15)) : 0;
            e.reason = DemoText::extensionReason(m_loop);
            qint64 decided = workMoment(e.requestedAt + 600 + qint64(exponential(m_loop, 8 * kHour)), m_loop);
            if (decided >= resolved) {
                decided = e.requestedAt + (resolved - e.requestedAt) / 2;
            }
            const bool approve = m_loop.chance(0.8);
            if (e.requestedDueAt > e.previousDueAt && e.requestedAt < resolved && e.requestedAt <= asOf) {
                e.by = assignee;
                note(e.requestedAt, CaseEventKind::ExtensionRequested, assignee,
                     CaseEventNotes::withFact(noteTime(e.requestedDueAt), e.reason));
                if (decided <= asOf) {
                    e.decidedAt = decided;
                    e.decidedBy = supervisor;
                    e.state = approve ? Demo::Extension::State::Approved : Demo::Extension::State::Refused;
                    e.note = approve ? DemoText::extensionApproval(m_loop) : DemoText::extensionRefusal(m_loop);
                    note(decided, approve ? CaseEventKind::ExtensionApproved : CaseEventKind::ExtensionRefused,
                         supervisor, CaseEventNotes::withFact(noteTime(e.requestedDueAt), e.note));
                    if (approve) {
                        c.extendedDueAt = e.requestedDueAt;
                    }
                }
                c.extension = std::move(e);
            }
        }
        if (answered <= asOf) {
            c.answeredAt = answered;
        }
    }
    if (resolved <= asOf &&
        (c.status == CaseStatus::InProgress || (intake.onSpot && c.status == CaseStatus::Acknowledged))) {
        const CaseStatus from = c.status;
        c.status = CaseStatus::Resolved;
        c.resolvedAt = resolved;
        c.answeredAt = answered;
        c.steps = intake.onSpot ? DemoText::onSpotResolution(m_intake, ctx) : DemoText::steps(m_rng, ctx);
        event(resolved, CaseEventKind::Resolved, assignee, from, CaseStatus::Resolved,
              intake.onSpot ? c.steps : QString());
    }
    Life life;
    life.followed = followed;
    life.closed = closed;
    life.rating = rating;
    life.nps = nps;
    life.supervisor = supervisor;
    life.assignee = assignee;
    followUpLoop(c, life);
    c.assignee = assignee;
    finishCase(c, life);
    if (intakeCase) {
        fillIntake(c, ctx, intake, int(batch.cases.size()));
    }
    // The search grams of the text, here on the generator thread; the writer adds the case number's.
    c.searchGrams = SearchGrams::joined(
        QStringList{c.complaintText, c.facts, c.impact, c.steps}.join(QLatin1Char('\n')), {}, u" ", {});
    batch.cases.append(std::move(c));
}

int DemoGenerator::otherSupervisor(int supervisor)
{
    const int supervisors = int(m_users.size()) - m_clerks;
    int other = m_clerks + int(m_loop.below(quint32(supervisors - 1)));
    if (other >= supervisor) {
        ++other;
    }
    return other;
}

void DemoGenerator::addEvent(Demo::Case& c, qint64 at, CaseEventKind kind, int actor, std::optional<CaseStatus> from,
                             std::optional<CaseStatus> to, QString note)
{
    c.events.append(Demo::Event{at, kind, std::min(actor, int(m_users.size()) - 1), from, to, std::move(note)});
}

void DemoGenerator::followUpLoop(Demo::Case& c, const Life& life)
{
    const qint64 asOf = m_options.asOf;
    if (c.status != CaseStatus::Resolved) {
        return;
    }
    const int actor = life.assignee;
    auto note = [&](qint64 at, CaseEventKind kind, int who, QString text) {
        addEvent(c, at, kind, who, std::nullopt, std::nullopt, std::move(text));
    };
    qint64 closed = life.closed;
    if (c.citizen >= 0) {
        // Failed attempts before the one that reached the citizen; after the policy's 3 the case is unreachable
        // (失联): it keeps waiting, resolved, without a rating.
        const int limit = SlaPolicy{}.unreachableAfterAttempts;
        const double draw = m_loop.uniform();
        const bool unreachable = draw < 0.035;
        const int failed = unreachable ? limit : (draw < 0.12 ? 2 : (draw < 0.25 ? 1 : 0));
        qint64 previous = c.resolvedAt;
        for (int i = 0; i < failed; ++i) {
            const double m = m_loop.uniform();
            Demo::Attempt a;
            a.method = m < 0.85 ? FollowUpMethod::Phone : (m < 0.95 ? FollowUpMethod::Sms : FollowUpMethod::Visit);
            a.note = DemoText::attemptNote(m_loop, a.method);
            a.actor = actor;
            if (unreachable) {
                a.at = workMoment(previous + 2 * kHour + qint64(exponential(m_loop, 16 * kHour)), m_loop);
            } else {
                // Spread between the resolution and the follow-up that reached the citizen.
                const qint64 span = life.followed - c.resolvedAt;
                a.at = std::min(workMoment(c.resolvedAt + span * (i + 1) / (failed + 1), m_loop),
                                life.followed - 60 * (failed - i));
                a.at = std::max(a.at, previous + 60);
            }
            if (a.at > asOf) {
                break;
            }
            previous = a.at;
            c.followUpAttempts += 1;
            const QString fact = QStringLiteral("%1/%2").arg(c.followUpAttempts).arg(limit);
            note(a.at, CaseEventKind::FollowUpAttempted, actor, CaseEventNotes::withFact(fact, a.note));
            if (c.followUpAttempts >= limit) {
                c.unreachableAt = a.at;
                note(a.at, CaseEventKind::MarkedUnreachable, actor, CaseEventNotes::withFact(fact, QString()));
            }
            c.attempts.append(std::move(a));
        }
        if (unreachable || life.followed > asOf) {
            return;
        }
        c.status = CaseStatus::FollowedUp;
        c.followedUpAt = life.followed;
        c.rating = life.rating;
        c.nps = life.nps;
        c.followUpAttempts = 0;
        Demo::FollowUpRecord f;
        f.at = life.followed;
        const double m = m_rng.uniform();
        f.method = m < 0.8 ? FollowUpMethod::Phone : (m < 0.95 ? FollowUpMethod::Sms : FollowUpMethod::Visit);
        f.rating = life.rating;
        f.nps = life.nps;
        f.note = DemoText::followUpNote(m_rng, life.rating);
        f.actor = actor;
        addEvent(c, life.followed, CaseEventKind::FollowedUp, actor, CaseStatus::Resolved, CaseStatus::FollowedUp,
                 CaseEventNotes::withFact(QStringLiteral("%1/5").arg(life.rating), f.note));
        c.followUps.append(std::move(f));

        if (life.rating <= 2) {
            // 差评整改: handling reopens (核实 → 整改 → 反馈), then the second follow-up rates it again.
            Demo::Rectification r;
            r.badRating = life.rating;
            r.startedAt = life.followed;
            r.dueAt = epoch(m_engine.rectifyDue(QDateTime::fromSecsSinceEpoch(r.startedAt)));
            if (!r.dueAt) {
                r.dueAt = r.startedAt + 21 * kDay; // beyond the holiday calendar: three weeks
            }
            r.startedBy = actor;
            addEvent(c, r.startedAt, CaseEventKind::RectificationStarted, actor, CaseStatus::FollowedUp,
                     CaseStatus::InProgress, CaseEventNotes::withFact(QStringLiteral("%1/5").arg(r.badRating), {}));
            c.status = CaseStatus::InProgress;
            c.resolvedAt = 0;
            const qint64 verify = workMoment(r.startedAt + 1800 + qint64(exponential(m_loop, 6 * kHour)), m_loop);
            const qint64 rectify = workMoment(verify + 3600 + qint64(exponential(m_loop, 2.5 * kDay)), m_loop);
            const qint64 feedback = workMoment(rectify + 3600 + qint64(exponential(m_loop, 20 * kHour)), m_loop);
            const qint64 second = workMoment(feedback + 2 * kHour + qint64(exponential(m_loop, 30 * kHour)), m_loop);
            static const char16_t* const kFacts[] = {u"核实", u"整改", u"反馈"};
            const qint64 stages[] = {verify, rectify, feedback};
            for (int stage = 0; stage < 3 && stages[stage] <= asOf; ++stage) {
                const QString words = DemoText::rectificationNote(m_loop, stage);
                const QString text = CaseEventNotes::withFact(QString::fromUtf16(kFacts[stage]), words);
                r.stage = stage + 1;
                if (stage == 0) {
                    r.verifiedAt = verify;
                    r.verifyNote = words;
                    note(verify, CaseEventKind::RectificationProgressed, actor, text);
                } else if (stage == 1) {
                    r.rectifiedAt = rectify;
                    r.rectifyNote = words;
                    note(rectify, CaseEventKind::RectificationProgressed, actor, text);
                } else {
                    // Telling the citizen what was put right resolves the case again.
                    r.feedbackAt = feedback;
                    r.feedbackNote = words;
                    r.secondDueAt = epoch(m_engine.secondFollowUpDue(QDateTime::fromSecsSinceEpoch(feedback)));
                    if (!r.secondDueAt) {
                        r.secondDueAt = feedback + 5 * kDay; // beyond the holiday calendar
                    }
                    addEvent(c, feedback, CaseEventKind::RectificationProgressed, actor, CaseStatus::InProgress,
                             CaseStatus::Resolved, text);
                    c.status = CaseStatus::Resolved;
                    c.resolvedAt = feedback;
                }
            }
            closed = 0;
            if (r.stage == 3 && second <= asOf) {
                static const double kSecond[] = {0.05, 0.05, 0.2, 0.35, 0.35};
                Demo::FollowUpRecord f2;
                f2.at = second;
                f2.method = FollowUpMethod::Phone;
                f2.rating = m_loop.weighted(kSecond, 1.0) + 1;
                f2.nps = m_loop.chance(0.7) ? npsFor(m_loop, f2.rating) : -1;
                f2.note = DemoText::followUpNote(m_loop, f2.rating);
                f2.actor = actor;
                const QString ratingText = QStringLiteral("%1/5").arg(f2.rating);
                addEvent(c, second, CaseEventKind::FollowedUp, actor, CaseStatus::Resolved, CaseStatus::FollowedUp,
                         CaseEventNotes::withFact(ratingText, f2.note));
                note(second, CaseEventKind::RectificationProgressed, actor,
                     CaseEventNotes::withFact(QStringLiteral("二次回访 → ") + ratingText, {}));
                r.stage = 4;
                r.doneAt = second;
                c.status = CaseStatus::FollowedUp;
                c.followedUpAt = second;
                c.rating = f2.rating;
                c.nps = f2.nps;
                c.followUps.append(std::move(f2));
                closed = workMoment(second + 2 * kHour + qint64(exponential(m_loop, 20 * kHour)), m_loop);
            }
            c.rectification = std::move(r);
        }

        // 申诉复核: rarely, a supervisor asks that the first rating be left out (a bad one as malicious or mistaken,
        // a middling one as mistaken); a second supervisor decides.
        const int supervisors = int(m_users.size()) - m_clerks;
        const int first = c.followUps.constFirst().rating;
        if (supervisors >= 2 && m_loop.chance(first <= 2 ? 0.15 : (first == 3 ? 0.02 : 0.0))) {
            Demo::Appeal a;
            a.rating = first;
            a.malicious = first <= 2 && m_loop.chance(0.6);
            a.reason = DemoText::appealReason(m_loop, a.malicious);
            a.by = life.supervisor;
            a.at = workMoment(life.followed + 1800 + qint64(exponential(m_loop, 20 * kHour)), m_loop);
            qint64 decided = workMoment(a.at + 1800 + qint64(exponential(m_loop, 16 * kHour)), m_loop);
            const qint64 replaced = c.rectification ? c.rectification->doneAt : 0; // the second follow-up
            if (replaced && decided >= replaced) {
                decided = a.at + (replaced - a.at) / 2;
            }
            a.decidedBy = otherSupervisor(life.supervisor);
            const bool approve = m_loop.chance(0.75);
            const QString ratingText = QStringLiteral("%1/5").arg(a.rating);
            if (a.at <= asOf && (!replaced || a.at < replaced)) {
                note(a.at, CaseEventKind::AppealRequested, a.by, CaseEventNotes::withFact(ratingText, a.reason));
                if (decided <= asOf) {
                    a.decidedAt = decided;
                    a.state = approve ? Demo::Appeal::State::Approved : Demo::Appeal::State::Refused;
                    a.note = DemoText::appealDecision(m_loop, approve);
                    note(decided, approve ? CaseEventKind::AppealApproved : CaseEventKind::AppealRefused, a.decidedBy,
                         CaseEventNotes::withFact(ratingText, a.note));
                    if (approve) {
                        c.followUps.first().excluded = true;
                        // The case's rating leaves the figures while it is still the appealed one.
                        c.ratingExcluded = c.followUps.size() == 1;
                    }
                }
                c.appeal = std::move(a);
            }
        }
    }
    const bool closable = c.status == CaseStatus::FollowedUp || (c.status == CaseStatus::Resolved && c.citizen < 0);
    if (closable && closed && closed <= asOf) {
        addEvent(c, closed, CaseEventKind::Closed, life.supervisor, c.status, CaseStatus::Closed,
                 DemoText::closeNote(m_rng));
        c.status = CaseStatus::Closed;
        c.closedAt = closed;
    }
}

void DemoGenerator::finishCase(Demo::Case& c, const Life& life)
{
    const qint64 asOf = m_options.asOf;
    auto at = [](qint64 t) {
        return t ? QDateTime::fromSecsSinceEpoch(t) : QDateTime();
    };
    // due_at as the app computes it: the one SLA engine over facts like SlaService::factsFrom's. Only where a clock
    // can still count: on a case resolved or closed (and no second follow-up awaited) every clock has stopped, so
    // caseDue() is invalid and the old value stays; asking the engine there would give the same bytes at 10–20 µs
    // a case (local-time conversions; tst_demo checks through SlaService that such cases have no due time).
    QDateTime due;
    const bool awaitingSecond = c.rectification && c.rectification->stage == 3;
    if (CaseStatuses::isOpen(c.status) || awaitingSecond) {
        SlaFacts facts;
        facts.channel = c.channel;
        facts.categoryId = m_topCategory.value(c.categoryId);
        facts.receivedAt = at(c.receivedAt);
        facts.acknowledgedAt = at(c.acknowledgedAt);
        facts.answeredAt = at(c.answeredAt);
        facts.resolvedAt = at(c.resolvedAt);
        facts.extendedTo = at(c.extendedDueAt);
        if (c.rectification) {
            facts.rectifyStartedAt = at(c.rectification->startedAt);
            facts.rectifyFeedbackAt = at(c.rectification->feedbackAt);
            facts.secondFollowUpAt = at(c.rectification->doneAt);
        }
        for (const Demo::Pause& p : std::as_const(c.pauses)) {
            SlaPause pause;
            pause.kind = p.kind;
            pause.from = at(p.from);
            pause.to = at(p.to);
            facts.pauses.append(pause);
        }
        due = SlaEngine::caseDue(m_engine.clocks(facts, at(asOf), SlaEngine::Explain::No));
    }
    if (c.rectification && c.rectification->stage < 3) {
        // Under way (核实, 整改, 反馈): the rectification's own deadline, as FollowUpService sets it.
        due = at(c.rectification->dueAt);
    }
    if (due.isValid()) {
        c.dueAt = due.toSecsSinceEpoch();
    }

    auto note = [&](qint64 t, CaseEventKind kind, int who, QString text) {
        addEvent(c, t, kind, who, std::nullopt, std::nullopt, std::move(text));
    };
    for (Demo::Pause& p : c.pauses) {
        const bool third = p.kind == SlaPauseKind::ThirdParty;
        p.by = life.assignee;
        note(p.from, CaseEventKind::Paused, p.by,
             CaseEventNotes::withFact(third ? QStringLiteral("等待第三方") : QStringLiteral("补正材料"), p.reason));
        if (p.to) {
            p.resumedBy = life.assignee;
            note(p.to, CaseEventKind::Resumed, p.resumedBy, CaseEventNotes::withFact(noteTime(c.dueAt), p.resumeNote));
        }
    }

    // 督办: open cases past their due time (and not paused) sometimes carry a supervisor's reminders.
    if (CaseStatuses::isOpen(c.status) && !c.pausedAt() && c.dueAt < asOf && c.assignee >= 0 && m_loop.chance(0.45)) {
        static const double kLevels[] = {0.6, 0.3, 0.1};
        const int levels = m_loop.weighted(kLevels, 1.0) + 1;
        qint64 t = c.dueAt;
        for (int level = 1; level <= levels; ++level) {
            t += std::max<qint64>(60, qint64(m_loop.uniform() * double(asOf - t) * 0.6));
            if (t > asOf) {
                break;
            }
            c.reminderLevel = level;
            c.remindedAt = t;
            note(t, CaseEventKind::Reminded, life.supervisor,
                 CaseEventNotes::withFact(QStringLiteral("%1 #%2")
                                              .arg(m_users[std::min(c.assignee, int(m_users.size()) - 1)].displayName)
                                              .arg(level),
                                          DemoText::reminderNote(m_loop, level)));
        }
    }

    // The timeline in time order; events that keep the status get the status of their moment.
    std::stable_sort(c.events.begin(), c.events.end(),
                     [](const Demo::Event& a, const Demo::Event& b) { return a.at < b.at; });
    std::optional<CaseStatus> current;
    for (Demo::Event& e : c.events) {
        if (!e.from && !e.to && e.kind != CaseEventKind::Created) {
            e.from = current;
            e.to = current;
        }
        current = e.to;
    }
    c.updatedAt = c.events.constLast().at;
}

void DemoGenerator::generateVisits(int d, Demo::Batch& batch)
{
    const qint64 n = m_visitsPerDay[std::size_t(d)];
    if (n <= 0 || m_hallWindows.isEmpty()) {
        m_queueLinks.clear();
        return;
    }
    const QDate day = m_first.addDays(d);
    const bool monday = day.dayOfWeek() == 1;
    struct Visit
    {
        qint64 issued;
        int item;
        int link; ///< index into m_queueLinks: the ticket of an intake case; -1 for the others
    };
    std::vector<Visit> visits;
    visits.reserve(std::size_t(n));
    // The day's visits: those of the cases taken at a window after a ticket, and as many others as make the day's
    // number.
    const qint64 others = std::max<qint64>(0, n - qint64(m_queueLinks.size()));
    for (qint64 i = 0; i < others; ++i) {
        qint64 at = hallTime(d);
        for (int retry = 0; at > m_options.asOf && retry < 8; ++retry) {
            at = hallTime(d);
        }
        const int item = m_ref.serviceItems.isEmpty() ? -1 : m_rng.weighted(m_itemWeights, m_itemTotal);
        visits.push_back({std::min(at, m_options.asOf), item, -1});
    }
    for (std::size_t k = 0; k < m_queueLinks.size(); ++k) {
        visits.push_back({m_queueLinks[k].issued, m_queueLinks[k].item, int(k)});
    }
    std::stable_sort(visits.begin(), visits.end(), [](const Visit& a, const Visit& b) { return a.issued < b.issued; });
    m_ticketCounters.clear();
    for (const Visit& v : visits) {
        Demo::QueueVisit q;
        q.day = day;
        q.issuedAt = v.issued;
        q.serviceItemId = v.item >= 0 ? m_ref.serviceItems[v.item].id : 0;
        const int letter = v.item >= 0 ? v.item % 26 : 25;
        const int number = ++m_ticketCounters[letter];
        q.ticket = QChar(u'A' + letter) + QString::number(number).rightJustified(3, QLatin1Char('0'));
        if (v.link >= 0) {
            const QueueLink& link = m_queueLinks[std::size_t(v.link)];
            q.windowId = link.windowId;
            q.calledAt = link.called;
            q.finishedAt = link.finished;
            batch.cases[link.caseIndex].intake.queueTicket = q.ticket;
            batch.visits.append(std::move(q));
            continue;
        }
        const qint64 sinceMidnight = v.issued - midnight(d);
        const double mean = sinceMidnight >= kLunchStart && sinceMidnight < kLunchEnd
                                ? 12.0
                                : (monday && sinceMidnight < kLunchStart ? 38.0 : 18.0);
        if (!m_rng.chance(0.06)) { // 6 % leave before they are called
            const qint64 called = v.issued + qint64(std::min(180.0, exponential(m_rng, mean)) * 60) + m_rng.below(60);
            if (called <= m_options.asOf) {
                q.calledAt = called;
                q.windowId = m_hallWindows[int(m_rng.below(quint32(m_hallWindows.size())))].id;
                const qint64 finished = called + 120 + qint64(exponential(m_rng, 9 * 60));
                if (m_rng.chance(0.97) && finished <= m_options.asOf) {
                    q.finishedAt = finished;
                }
            }
        }
        batch.visits.append(std::move(q));
    }
    m_queueLinks.clear();
}
