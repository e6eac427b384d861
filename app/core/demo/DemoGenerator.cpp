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
{
    m_first = options.end.addDays(-(options.days - 1));
    m_midnight0 = QDateTime(m_first, QTime(0, 0)).toSecsSinceEpoch();
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

qint64 DemoGenerator::workMoment(qint64 t)
{
    int d = dayIndexOf(t);
    qint64 sec = t - midnight(d);
    for (int guard = 0; guard < 60; ++guard, ++d, sec = 0) {
        if (!isWorking(d)) {
            continue;
        }
        if (sec < kHallOpen) {
            return midnight(d) + kHallOpen + m_rng.below(1800);
        }
        if (sec >= kLunchStart && sec < kLunchEnd) {
            return midnight(d) + kLunchEnd + m_rng.below(900);
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
    c.dueAt = c.receivedAt + kDueHours * kHour;
    const bool inPerson = slot.channel == Channel::Window;
    const bool monday = c.day.dayOfWeek() == 1;

    const int categoryIndex = m_ref.categories.isEmpty() ? -1 : m_rng.weighted(m_categoryWeights, m_categoryTotal);
    const int itemIndex =
        m_ref.serviceItems.isEmpty() || m_rng.chance(0.06) ? -1 : m_rng.weighted(m_itemWeights, m_itemTotal);
    c.categoryId = categoryIndex >= 0 ? m_ref.categories[categoryIndex].id : 0;
    c.serviceItemId = itemIndex >= 0 ? m_ref.serviceItems[itemIndex].id : 0;
    QString windowName;
    if (!m_hallWindows.isEmpty() && (inPerson || m_rng.chance(0.3))) {
        const auto& w = m_hallWindows[int(m_rng.below(quint32(m_hallWindows.size())))];
        windowName = w.name;
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
    c.complaintText = DemoText::complaint(m_rng, ctx);

    // The whole life of the case, then cut at asOf.
    c.createdBy = int(m_rng.below(quint32(m_clerks)));
    int assignee = c.createdBy;
    const bool hallChannel = inPerson || slot.channel == Channel::Phone;
    const qint64 ack = hallChannel ? slot.at + 60 + m_rng.below(900)
                                   : workMoment(slot.at + 600 + qint64(exponential(m_rng, 3 * kHour)));
    const qint64 start = workMoment(ack + 300 + qint64(exponential(m_rng, 4 * kHour)));
    double hours = std::exp(std::log(20.0) + 0.9 * normal(m_rng));
    if (m_rng.chance(0.004)) {
        hours *= 15; // stalled cases: still open long after their due time
    }
    const qint64 resolved = workMoment(std::max(start + 1800, slot.at + qint64(hours * kHour)));
    const qint64 answered = m_rng.chance(0.35) ? start + qint64(m_rng.uniform() * double(resolved - start)) : resolved;
    if (m_rng.chance(0.25)) {
        c.promisedAt = slot.at + qint64(m_rng.range(24, 96)) * kHour;
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
    const qint64 asOf = m_options.asOf;

    auto event = [&](qint64 at, CaseEventKind kind, int actor, std::optional<CaseStatus> from,
                     std::optional<CaseStatus> to, QString note = QString()) {
        c.events.append(Demo::Event{at, kind, std::min(actor, int(m_users.size()) - 1), from, to, std::move(note)});
    };
    event(slot.at, CaseEventKind::Created, c.createdBy, std::nullopt, CaseStatus::Received);
    c.status = CaseStatus::Received;
    if (ack <= asOf) {
        c.status = CaseStatus::Acknowledged;
        c.acknowledgedAt = ack;
        event(ack, CaseEventKind::Acknowledged, assignee, CaseStatus::Received, CaseStatus::Acknowledged);
    }
    if (start <= asOf && c.status == CaseStatus::Acknowledged) {
        c.status = CaseStatus::InProgress;
        event(start, CaseEventKind::Started, assignee, CaseStatus::Acknowledged, CaseStatus::InProgress);
        if (m_rng.chance(0.9)) {
            c.facts = DemoText::facts(m_rng, ctx);
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
        for (const Step& s : steps) {
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
                c.departmentId = depts[next].id;
                c.transferCount += 1;
                event(s.at, CaseEventKind::Transferred, assignee, CaseStatus::InProgress, CaseStatus::InProgress,
                      CaseEventNotes::withFact(depts[next].name, DemoText::transferReason(m_rng)));
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
        if (answered <= asOf) {
            c.answeredAt = answered;
        }
    }
    if (resolved <= asOf && c.status == CaseStatus::InProgress) {
        c.status = CaseStatus::Resolved;
        c.resolvedAt = resolved;
        c.answeredAt = answered;
        c.steps = DemoText::steps(m_rng, ctx);
        event(resolved, CaseEventKind::Resolved, assignee, CaseStatus::InProgress, CaseStatus::Resolved);
    }
    if (c.status == CaseStatus::Resolved && followed && followed <= asOf) {
        c.status = CaseStatus::FollowedUp;
        c.followedUpAt = followed;
        c.rating = rating;
        c.nps = nps;
        Demo::FollowUpRecord f;
        f.at = followed;
        const double m = m_rng.uniform();
        f.method = m < 0.8 ? FollowUpMethod::Phone : (m < 0.95 ? FollowUpMethod::Sms : FollowUpMethod::Visit);
        f.rating = rating;
        f.nps = nps;
        f.note = DemoText::followUpNote(m_rng, rating);
        f.actor = assignee;
        event(followed, CaseEventKind::FollowedUp, assignee, CaseStatus::Resolved, CaseStatus::FollowedUp,
              CaseEventNotes::withFact(QStringLiteral("%1/5").arg(rating), f.note));
        c.followUp = std::move(f);
    }
    const bool closable = c.status == CaseStatus::FollowedUp || (c.status == CaseStatus::Resolved && c.citizen < 0);
    if (closable && closed <= asOf) {
        event(closed, CaseEventKind::Closed, supervisor, c.status, CaseStatus::Closed, DemoText::closeNote(m_rng));
        c.status = CaseStatus::Closed;
        c.closedAt = closed;
    }
    c.assignee = assignee;
    c.updatedAt = c.events.constLast().at;
    // The search grams of the text, here on the generator thread; the writer adds the case number's.
    c.searchGrams = SearchGrams::joined(
        QStringList{c.complaintText, c.facts, c.impact, c.steps}.join(QLatin1Char('\n')), {}, u" ", {});
    batch.cases.append(std::move(c));
}

void DemoGenerator::generateVisits(int d, Demo::Batch& batch)
{
    const qint64 n = m_visitsPerDay[std::size_t(d)];
    if (n <= 0 || m_hallWindows.isEmpty()) {
        return;
    }
    const QDate day = m_first.addDays(d);
    const bool monday = day.dayOfWeek() == 1;
    struct Visit
    {
        qint64 issued;
        int item;
    };
    std::vector<Visit> visits;
    visits.reserve(std::size_t(n));
    for (qint64 i = 0; i < n; ++i) {
        qint64 at = hallTime(d);
        for (int retry = 0; at > m_options.asOf && retry < 8; ++retry) {
            at = hallTime(d);
        }
        const int item = m_ref.serviceItems.isEmpty() ? -1 : m_rng.weighted(m_itemWeights, m_itemTotal);
        visits.push_back({std::min(at, m_options.asOf), item});
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
}
