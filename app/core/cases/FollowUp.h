#pragma once

#include "common/Ref.h"

#include <QDateTime>
#include <QString>

#include <optional>

/** How the citizen was reached for the follow-up (回访). */
enum class FollowUpMethod
{
    Phone,
    Sms,
    Visit
};

namespace FollowUpMethods {
QString code(FollowUpMethod method);
std::optional<FollowUpMethod> fromCode(const QString& code);
QString label(FollowUpMethod method);
} // namespace FollowUpMethods

/** One follow-up call, message or visit and what the citizen said: the basis of CSAT and NPS. */
struct FollowUp
{
    qint64 id = 0;
    qint64 caseId = 0;
    QDateTime at;
    FollowUpMethod method = FollowUpMethod::Phone;
    int rating = 0;         ///< 好差评 1 非常不满意 ... 5 非常满意
    std::optional<int> nps; ///< 0-10
    QString note;
    Ref actor;
    // followup (issue 12): an approved appeal left this rating out of the figures (the row itself is kept).
    bool excluded = false;
};
