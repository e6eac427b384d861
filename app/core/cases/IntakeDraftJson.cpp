#include "cases/IntakeDraftJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString timeText(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timeFrom(const QJsonValue& v)
{
    const QString text = v.toString();
    if (text.isEmpty()) {
        return {};
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime() : QDateTime();
}

template <typename E> QJsonValue optCode(const std::optional<E>& v)
{
    return v ? QJsonValue(IntakeCodes::code(*v)) : QJsonValue();
}

QJsonObject citizenJson(const Citizen& c)
{
    return {{QStringLiteral("name"), c.name},
            {QStringLiteral("phone"), c.phone},
            {QStringLiteral("idNumber"), c.idNumber},
            {QStringLiteral("address"), c.address}};
}

Citizen citizenFrom(const QJsonObject& o)
{
    Citizen c;
    c.name = o.value(QStringLiteral("name")).toString();
    c.phone = o.value(QStringLiteral("phone")).toString();
    c.idNumber = o.value(QStringLiteral("idNumber")).toString();
    c.address = o.value(QStringLiteral("address")).toString();
    return c;
}

QJsonObject baseJson(const CaseDraft& b)
{
    QJsonObject o{{QStringLiteral("channel"), Channels::code(b.channel)},
                  {QStringLiteral("windowId"), b.windowId},
                  {QStringLiteral("serviceItemId"), b.serviceItemId},
                  {QStringLiteral("categoryId"), b.categoryId},
                  {QStringLiteral("departmentId"), b.departmentId},
                  {QStringLiteral("complaintText"), b.complaintText},
                  {QStringLiteral("facts"), b.facts},
                  {QStringLiteral("impact"), b.impact},
                  {QStringLiteral("steps"), b.steps},
                  {QStringLiteral("promisedAt"), timeText(b.promisedAt)},
                  {QStringLiteral("receivedAt"), timeText(b.receivedAt)},
                  {QStringLiteral("citizen"), citizenJson(b.citizen)}};
    if (b.waitedMinutes) {
        o.insert(QStringLiteral("waitedMinutes"), *b.waitedMinutes);
    }
    return o;
}

CaseDraft baseFrom(const QJsonObject& o)
{
    CaseDraft b;
    b.channel = Channels::fromCode(o.value(QStringLiteral("channel")).toString()).value_or(Channel::Window);
    b.windowId = o.value(QStringLiteral("windowId")).toInteger();
    b.serviceItemId = o.value(QStringLiteral("serviceItemId")).toInteger();
    b.categoryId = o.value(QStringLiteral("categoryId")).toInteger();
    b.departmentId = o.value(QStringLiteral("departmentId")).toInteger();
    if (o.contains(QStringLiteral("waitedMinutes"))) {
        b.waitedMinutes = o.value(QStringLiteral("waitedMinutes")).toInt();
    }
    b.complaintText = o.value(QStringLiteral("complaintText")).toString();
    b.facts = o.value(QStringLiteral("facts")).toString();
    b.impact = o.value(QStringLiteral("impact")).toString();
    b.steps = o.value(QStringLiteral("steps")).toString();
    b.promisedAt = timeFrom(o.value(QStringLiteral("promisedAt")));
    b.receivedAt = timeFrom(o.value(QStringLiteral("receivedAt")));
    b.citizen = citizenFrom(o.value(QStringLiteral("citizen")).toObject());
    return b;
}

QJsonObject detailJson(const IntakeDetail& d)
{
    const QJsonObject facts{{QStringLiteral("what"), d.facts.what},
                            {QStringLiteral("when"), d.facts.when},
                            {QStringLiteral("where"), d.facts.where},
                            {QStringLiteral("involved"), d.facts.involved},
                            {QStringLiteral("involvedWindowId"), d.facts.involvedWindowId}};
    const QJsonObject impact{{QStringLiteral("affected"), d.impact.affected},
                             {QStringLiteral("severity"), optCode(d.impact.severity)},
                             {QStringLiteral("scope"), optCode(d.impact.scope)},
                             {QStringLiteral("recurrence"), optCode(d.impact.recurrence)},
                             {QStringLiteral("demand"), d.impact.demand},
                             {QStringLiteral("reasonableness"), optCode(d.impact.reasonableness)},
                             {QStringLiteral("responsibility"), optCode(d.impact.responsibility)}};
    const QJsonObject steps{{QStringLiteral("remedies"), IntakeCodes::codes(d.steps.remedies)},
                            {QStringLiteral("remedyNote"), d.steps.remedyNote},
                            {QStringLiteral("promiseReason"), d.steps.promiseReason},
                            {QStringLiteral("replyText"), d.steps.replyText}};
    return {{QStringLiteral("emotion"), optCode(d.emotion)},
            {QStringLiteral("facts"), facts},
            {QStringLiteral("impact"), impact},
            {QStringLiteral("steps"), steps},
            {QStringLiteral("resolvedOnSpot"), d.resolvedOnSpot},
            {QStringLiteral("queueTicket"), d.queueTicket}};
}

IntakeDetail detailFrom(const QJsonObject& o)
{
    IntakeDetail d;
    d.emotion = IntakeCodes::emotionFromCode(o.value(QStringLiteral("emotion")).toString());
    const QJsonObject f = o.value(QStringLiteral("facts")).toObject();
    d.facts.what = f.value(QStringLiteral("what")).toString();
    d.facts.when = f.value(QStringLiteral("when")).toString();
    d.facts.where = f.value(QStringLiteral("where")).toString();
    d.facts.involved = f.value(QStringLiteral("involved")).toString();
    d.facts.involvedWindowId = f.value(QStringLiteral("involvedWindowId")).toInteger();
    const QJsonObject i = o.value(QStringLiteral("impact")).toObject();
    d.impact.affected = i.value(QStringLiteral("affected")).toString();
    d.impact.severity = IntakeCodes::severityFromCode(i.value(QStringLiteral("severity")).toString());
    d.impact.scope = IntakeCodes::scopeFromCode(i.value(QStringLiteral("scope")).toString());
    d.impact.recurrence = IntakeCodes::recurrenceFromCode(i.value(QStringLiteral("recurrence")).toString());
    d.impact.demand = i.value(QStringLiteral("demand")).toString();
    d.impact.reasonableness = IntakeCodes::reasonablenessFromCode(i.value(QStringLiteral("reasonableness")).toString());
    d.impact.responsibility = IntakeCodes::responsibilityFromCode(i.value(QStringLiteral("responsibility")).toString());
    const QJsonObject s = o.value(QStringLiteral("steps")).toObject();
    d.steps.remedies = IntakeCodes::remediesFromCodes(s.value(QStringLiteral("remedies")).toString());
    d.steps.remedyNote = s.value(QStringLiteral("remedyNote")).toString();
    d.steps.promiseReason = s.value(QStringLiteral("promiseReason")).toString();
    d.steps.replyText = s.value(QStringLiteral("replyText")).toString();
    d.resolvedOnSpot = o.value(QStringLiteral("resolvedOnSpot")).toBool();
    d.queueTicket = o.value(QStringLiteral("queueTicket")).toString();
    return d;
}

} // namespace

namespace IntakeDraftJson {

QByteArray toJson(const IntakeDraftState& state)
{
    const IntakeDraft& d = state.draft;
    const QJsonObject confirmed{{QStringLiteral("acknowledgedAt"), timeText(d.confirmed.acknowledgedAt)},
                                {QStringLiteral("factsConfirmedAt"), timeText(d.confirmed.factsConfirmedAt)},
                                {QStringLiteral("impactConfirmedAt"), timeText(d.confirmed.impactConfirmedAt)},
                                {QStringLiteral("stepsExplainedAt"), timeText(d.confirmed.stepsExplainedAt)}};
    const QJsonObject draft{
        {QStringLiteral("base"), baseJson(d.base)},   {QStringLiteral("citizenId"), d.citizenId},
        {QStringLiteral("assigneeId"), d.assigneeId}, {QStringLiteral("detail"), detailJson(d.detail)},
        {QStringLiteral("confirmed"), confirmed},     {QStringLiteral("onSpotResolution"), d.onSpotResolution}};
    const QJsonObject root{{QStringLiteral("format"), QStringLiteral("qingting-intake-draft")},
                           {QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("page"), state.page},
                           {QStringLiteral("anonymous"), state.anonymous},
                           {QStringLiteral("savedAt"), timeText(state.savedAt)},
                           {QStringLiteral("draft"), draft}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<IntakeDraftState> fromJson(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("qingting-intake-draft")) {
        return std::nullopt;
    }
    const int version = root.value(QStringLiteral("version")).toInt();
    if (version < 1 || version > kFormatVersion) {
        return std::nullopt;
    }
    IntakeDraftState state;
    state.page = root.value(QStringLiteral("page")).toInt();
    state.anonymous = root.value(QStringLiteral("anonymous")).toBool();
    state.savedAt = timeFrom(root.value(QStringLiteral("savedAt")));
    const QJsonObject d = root.value(QStringLiteral("draft")).toObject();
    state.draft.base = baseFrom(d.value(QStringLiteral("base")).toObject());
    state.draft.citizenId = d.value(QStringLiteral("citizenId")).toInteger();
    state.draft.assigneeId = d.value(QStringLiteral("assigneeId")).toInteger();
    state.draft.detail = detailFrom(d.value(QStringLiteral("detail")).toObject());
    const QJsonObject c = d.value(QStringLiteral("confirmed")).toObject();
    state.draft.confirmed.acknowledgedAt = timeFrom(c.value(QStringLiteral("acknowledgedAt")));
    state.draft.confirmed.factsConfirmedAt = timeFrom(c.value(QStringLiteral("factsConfirmedAt")));
    state.draft.confirmed.impactConfirmedAt = timeFrom(c.value(QStringLiteral("impactConfirmedAt")));
    state.draft.confirmed.stepsExplainedAt = timeFrom(c.value(QStringLiteral("stepsExplainedAt")));
    state.draft.onSpotResolution = d.value(QStringLiteral("onSpotResolution")).toString();
    return state;
}

} // namespace IntakeDraftJson
