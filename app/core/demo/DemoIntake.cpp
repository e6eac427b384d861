// The guided intake's fields on demo cases (issue 11): which cases a clerk took through it, and what it recorded,
// consistent with the rest of the generated case. Part of DemoGenerator; all draws come from m_intake.
#include "DemoGenerator.h"

#include <algorithm>

namespace {
constexpr qint64 kAnswerHours = 48;      // IntakeService::validatePromise: later promises need a reason
constexpr qint64 kQueueOpens = 8 * 3600; // the queue machine issues tickets from 08:00
constexpr double kWeakReply = 0.04;      // defensive replies the reply checker flags

/** Severity by how heated the complaint sounds (0 … 3). */
const double kSeverity[][4] = {
    {0.60, 0.40, 0.00, 0.00},
    {0.30, 0.60, 0.10, 0.00},
    {0.00, 0.55, 0.40, 0.05},
    {0.00, 0.30, 0.55, 0.15},
};
} // namespace

bool DemoGenerator::takesIntake(Channel channel, qint64 citizen, qint64 receivedAt, qint64 acknowledgedAt)
{
    // Before the intake came to the hall, and cases nobody has answered yet, have none. At the window and on the
    // phone the clerk takes nearly every case through it while the citizen is there; online, 12345 and social media
    // cases when the clerk calls a known citizen back; letters and staff reports are registered without it.
    if (receivedAt < m_intakeFrom || acknowledgedAt > m_options.asOf) {
        return false;
    }
    switch (channel) {
    case Channel::Window:
    case Channel::Phone:
        return m_intake.chance(0.96);
    case Channel::Online:
    case Channel::Hotline12345:
    case Channel::SocialMedia:
        return citizen >= 0 && m_intake.chance(0.75);
    case Channel::Letter:
    case Channel::StaffReport:
        break;
    }
    return false;
}

void DemoGenerator::fillIntake(Demo::Case& c, const DemoText::Context& ctx, const IntakeInput& in, int caseIndex)
{
    using DemoText::Topic;
    IntakeDetail& x = c.intake;
    const DemoText::ComplaintParts& said = in.complaint;

    // Page 1: the emotion the clerk heard, from the complaint's words; a citizen who later rated the handling 1 or
    // 2 was not calm at the counter either.
    const int heat = std::min(3, said.heat());
    const int firstRating = c.followUps.isEmpty() ? 0 : c.followUps.constFirst().rating;
    const int level = firstRating >= 1 && firstRating <= 2 ? std::max(heat, 1) : heat;
    x.emotion = EmotionLevel(level);

    // Page 2: the facts in the citizen's words, where and who.
    x.facts.what = said.problem;
    x.facts.when =
        !said.when.isEmpty() ? said.when.toString() : QStringLiteral("%1月%2日").arg(c.day.month()).arg(c.day.day());
    x.facts.where = DemoText::intakeWhere(m_intake, ctx);
    x.facts.involved = DemoText::intakeInvolved(m_intake, ctx);
    x.facts.involvedWindowId = in.namedWindowId;

    // Page 3: who and how badly, how often, what they ask for; the hall's judgement as it stands at the end.
    ImpactScope scope = ImpactScope::Individual;
    if (said.group()) {
        scope = ImpactScope::Group;
    } else if (ctx.topic == Topic::Facilities || (ctx.topic == Topic::System && m_intake.chance(0.35))) {
        scope = ImpactScope::Public;
    }
    x.impact.scope = scope;
    x.impact.affected = DemoText::affected(m_intake, said.who, scope);
    int severity = m_intake.weighted(kSeverity[heat], 1.0);
    if (scope == ImpactScope::Public) {
        severity = std::max(severity, int(Severity::Moderate));
    }
    x.impact.severity = Severity(severity);
    if (scope == ImpactScope::Public && m_intake.chance(0.5)) {
        x.impact.recurrence = Recurrence::Systemic;
    } else {
        x.impact.recurrence = in.earlierCases > 0 ? Recurrence::Repeat : Recurrence::First;
    }
    x.impact.demand = said.demand;
    const bool verified = in.verdict >= 0 || !c.steps.isEmpty();
    const bool signedElsewhere = std::any_of(c.transfers.cbegin(), c.transfers.cend(), [](const Demo::Transfer& t) {
        return t.state == Demo::Transfer::State::Signed;
    });
    if (!verified) {
        x.impact.reasonableness = Reasonableness::ToVerify;
        x.impact.responsibility = Responsibility::ToVerify;
    } else if (ctx.misunderstood) {
        x.impact.reasonableness = Reasonableness::Unreasonable;
        x.impact.responsibility = Responsibility::CitizenMisunderstanding;
    } else {
        x.impact.reasonableness = in.verdict == 2 ? Reasonableness::PartlyReasonable : Reasonableness::Reasonable;
        x.impact.responsibility = signedElsewhere ? Responsibility::OtherDepartment : Responsibility::OwnUnit;
    }

    // Page 4: the remedies (in enum order, as stored), the promise and the reply.
    QList<Remedy>& remedies = x.steps.remedies;
    if (!ctx.misunderstood && (ctx.topic == Topic::Attitude || (level >= 1 && m_intake.chance(0.7)))) {
        remedies << Remedy::Apology;
    }
    if ((ctx.topic == Topic::Efficiency && m_intake.chance(0.5)) ||
        (ctx.topic == Topic::System && m_intake.chance(0.3))) {
        remedies << Remedy::Expedited;
    }
    if (in.onSpot || (ctx.topic == Topic::Process && m_intake.chance(0.3))) {
        remedies << Remedy::OnSiteHelp;
    }
    if (ctx.topic == Topic::Fees && !ctx.misunderstood && m_intake.chance(0.35)) {
        remedies << Remedy::FeeWaiver;
    }
    if (ctx.misunderstood || (ctx.topic == Topic::Policy && m_intake.chance(0.5))) {
        remedies << Remedy::Explanation;
    }
    if (m_intake.chance(0.03)) {
        remedies << Remedy::Other;
    }
    for (const Remedy r : {Remedy::Other, Remedy::FeeWaiver, Remedy::OnSiteHelp, Remedy::Expedited}) {
        if (remedies.contains(r)) {
            if (r == Remedy::Other || m_intake.chance(0.6)) {
                x.steps.remedyNote = DemoText::remedyNote(m_intake, r);
            }
            break;
        }
    }
    if (!in.onSpot && c.promisedAt > c.receivedAt + kAnswerHours * 3600) {
        x.steps.promiseReason = DemoText::promiseReason(m_intake);
    }
    DemoText::ReplyFacts reply;
    reply.emotion = *x.emotion;
    reply.what = said.problem;
    reply.when = said.when.toString();
    reply.onSpot = in.onSpot;
    reply.misunderstood = ctx.misunderstood;
    reply.transfer = c.transferCount > 0;
    reply.weak = !in.onSpot && m_intake.chance(kWeakReply);
    if (c.promisedAt) {
        const int day = dayIndexOf(c.promisedAt);
        reply.promisedDay = m_first.addDays(day);
        reply.promisedMinute = int((c.promisedAt - midnight(day)) / 60);
    }
    x.steps.replyText = DemoText::intakeReply(m_intake, ctx, reply);
    x.resolvedOnSpot = in.onSpot;

    // The queue ticket: a window case whose waiting time came from the queue system gets its visit, issued that
    // many minutes before the citizen was called to the window (generateVisits numbers it with the day's others).
    if (c.channel == Channel::Window && c.waitedMinutes >= 0 && c.windowId) {
        const int day = dayIndexOf(c.receivedAt);
        QueueLink link;
        link.caseIndex = caseIndex;
        link.item = in.itemIndex;
        link.windowId = c.windowId;
        link.called = c.receivedAt - m_intake.below(120);
        link.issued = link.called - qint64(c.waitedMinutes) * 60 - m_intake.below(60);
        const qint64 finished = c.receivedAt + 600 + m_intake.below(1800);
        link.finished = finished <= m_options.asOf ? finished : 0;
        if (link.issued >= midnight(day) + kQueueOpens) {
            m_queueLinks.push_back(link);
        }
    }
}
