#include "SlaPolicyJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
class SlaPolicyText
{
    Q_DECLARE_TR_FUNCTIONS(SlaPolicyText)
};

const QString kTimeFormat = QStringLiteral("HH:mm");
} // namespace

namespace SlaPolicyJson {
QByteArray toJson(const SlaPolicy& p)
{
    QJsonObject byCategory;
    for (auto it = p.resolveWorkingDaysByCategory.constBegin(); it != p.resolveWorkingDaysByCategory.constEnd(); ++it) {
        byCategory.insert(QString::number(it.key()), it.value());
    }
    QJsonArray periods;
    for (const auto& period : p.workingPeriods) {
        periods.append(QJsonArray{period.from.toString(kTimeFormat), period.to.toString(kTimeFormat)});
    }
    const QJsonObject o{
        {QStringLiteral("acknowledge_minutes"), p.acknowledgeMinutes},
        {QStringLiteral("answer_hours"), p.answerHours},
        {QStringLiteral("resolve_working_days"), p.resolveWorkingDays},
        {QStringLiteral("resolve_working_days_by_category"), byCategory},
        {QStringLiteral("rectify_working_days"), p.rectifyWorkingDays},
        {QStringLiteral("second_follow_up_working_days"), p.secondFollowUpWorkingDays},
        {QStringLiteral("working_hours_mode"), p.workingHoursMode},
        {QStringLiteral("working_periods"), periods},
        {QStringLiteral("near_deadline_minutes"), p.nearDeadlineMinutes},
        {QStringLiteral("transfer_flag_threshold"), p.transferFlagThreshold},
        {QStringLiteral("unreachable_after_attempts"), p.unreachableAfterAttempts},
        {QStringLiteral("no_rating_rule_enabled"), p.noRatingRuleEnabled},
        {QStringLiteral("no_rating_days"), p.noRatingDays},
        {QStringLiteral("no_rating_level"), p.noRatingLevel},
        {QStringLiteral("crisis_golden_hours"), p.crisisGoldenHours}, // issue 16, crisis mode
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<SlaPolicy> fromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error::make(Error::Code::Invalid,
                           SlaPolicyText::tr("The stored deadline rules cannot be read: %1").arg(error.errorString()));
    }
    const QJsonObject o = doc.object();
    SlaPolicy p;
    const auto readInt = [&o](const char* key, int& field) {
        if (o.contains(QLatin1String(key))) {
            field = o.value(QLatin1String(key)).toInt(field);
        }
    };
    const auto readBool = [&o](const char* key, bool& field) {
        if (o.contains(QLatin1String(key))) {
            field = o.value(QLatin1String(key)).toBool(field);
        }
    };
    readInt("acknowledge_minutes", p.acknowledgeMinutes);
    readInt("answer_hours", p.answerHours);
    readInt("resolve_working_days", p.resolveWorkingDays);
    readInt("rectify_working_days", p.rectifyWorkingDays);
    readInt("second_follow_up_working_days", p.secondFollowUpWorkingDays);
    readBool("working_hours_mode", p.workingHoursMode);
    readInt("near_deadline_minutes", p.nearDeadlineMinutes);
    readInt("transfer_flag_threshold", p.transferFlagThreshold);
    readInt("unreachable_after_attempts", p.unreachableAfterAttempts);
    readBool("no_rating_rule_enabled", p.noRatingRuleEnabled);
    readInt("no_rating_days", p.noRatingDays);
    readInt("no_rating_level", p.noRatingLevel);
    readInt("crisis_golden_hours", p.crisisGoldenHours); // issue 16, crisis mode
    const QJsonObject byCategory = o.value(QStringLiteral("resolve_working_days_by_category")).toObject();
    for (auto it = byCategory.constBegin(); it != byCategory.constEnd(); ++it) {
        p.resolveWorkingDaysByCategory.insert(it.key().toLongLong(), it.value().toInt());
    }
    if (o.contains(QStringLiteral("working_periods"))) {
        p.workingPeriods.clear();
        for (const QJsonValue& v : o.value(QStringLiteral("working_periods")).toArray()) {
            const QJsonArray pair = v.toArray();
            p.workingPeriods.append({QTime::fromString(pair.at(0).toString(), kTimeFormat),
                                     QTime::fromString(pair.at(1).toString(), kTimeFormat)});
        }
    }
    return p;
}

QStringList problems(const SlaPolicy& p)
{
    QStringList result;
    const auto range = [&result](int value, int low, int high, const QString& message) {
        if (value < low || value > high) {
            result << message.arg(low).arg(high);
        }
    };
    range(p.acknowledgeMinutes, 1, 24 * 60, SlaPolicyText::tr("The acknowledgement target must be %1 to %2 minutes."));
    range(p.answerHours, 1, 720, SlaPolicyText::tr("The answer target must be %1 to %2 hours."));
    range(p.resolveWorkingDays, 1, 120, SlaPolicyText::tr("The resolution target must be %1 to %2 working days."));
    for (auto it = p.resolveWorkingDaysByCategory.constBegin(); it != p.resolveWorkingDaysByCategory.constEnd(); ++it) {
        range(it.value(), 1, 120, SlaPolicyText::tr("A category's resolution target must be %1 to %2 working days."));
    }
    range(p.rectifyWorkingDays, 5, 15, SlaPolicyText::tr("The rectification target must be %1 to %2 working days."));
    range(p.secondFollowUpWorkingDays, 1, 30,
          SlaPolicyText::tr("The second follow-up target must be %1 to %2 working days."));
    range(p.nearDeadlineMinutes, 0, 7 * 24 * 60,
          SlaPolicyText::tr("The near-deadline warning must be %1 to %2 minutes."));
    range(p.transferFlagThreshold, 1, 20, SlaPolicyText::tr("The transfer flag threshold must be %1 to %2 transfers."));
    range(p.unreachableAfterAttempts, 1, 10,
          SlaPolicyText::tr("The unreachable rule must be %1 to %2 failed attempts."));
    range(p.noRatingDays, 1, 90, SlaPolicyText::tr("The no-rating rule must wait %1 to %2 days."));
    range(p.noRatingLevel, 1, 5, SlaPolicyText::tr("The no-rating level must be %1 to %2."));
    if (p.crisisGoldenHours != 1 && p.crisisGoldenHours != 4) {
        result << SlaPolicyText::tr("The golden hours of crisis mode must be 4 or 1 (strict).");
    }
    if (p.workingPeriods.isEmpty()) {
        result << SlaPolicyText::tr("Give at least one working period.");
    }
    QTime previousEnd;
    for (const auto& period : p.workingPeriods) {
        if (!period.from.isValid() || !period.to.isValid() || !(period.from < period.to)) {
            result << SlaPolicyText::tr("A working period must end after it starts.");
            break;
        }
        if (previousEnd.isValid() && period.from < previousEnd) {
            result << SlaPolicyText::tr("Working periods must be in order and must not overlap.");
            break;
        }
        previousEnd = period.to;
    }
    return result;
}
} // namespace SlaPolicyJson
