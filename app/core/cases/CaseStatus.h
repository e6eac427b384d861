#pragma once

#include <QList>
#include <QString>

#include <optional>

/** Where a case stands in its lifecycle (see CaseLifecycle for the moves between them). */
enum class CaseStatus
{
    Received,     ///< 已受理: recorded, nobody has answered the citizen yet
    Acknowledged, ///< 已回应: the citizen's feelings were acknowledged
    InProgress,   ///< 办理中
    Resolved,     ///< 已办结: the remedy was given
    FollowedUp,   ///< 已回访: the citizen was called back and rated the handling
    Closed,       ///< 已关闭: a supervisor approved the closure
};

namespace CaseStatuses {
/** Every status, in lifecycle order. */
QList<CaseStatus> all();
/** Stable code stored in the database and printed by the CLI ("received", "in_progress", ...). */
QString code(CaseStatus status);
std::optional<CaseStatus> fromCode(const QString& code);
/** Translated name for people. */
QString label(CaseStatus status);
/** Open = not yet resolved; the clerk still owes the citizen something. */
bool isOpen(CaseStatus status);
} // namespace CaseStatuses

/** How the complaint reached the hall (FORMATS.md channel codes). */
enum class Channel
{
    Window,
    Phone,
    Online,
    Hotline12345,
    SocialMedia,
    Letter,
    StaffReport,
};
/** How many channels there are: arrays indexed by int(Channel) have this size. */
constexpr int kChannelCount = int(Channel::StaffReport) + 1;

namespace Channels {
QList<Channel> all();
QString code(Channel channel);
/** Accepts the code ("phone") or the Chinese name (电话). */
std::optional<Channel> fromCode(const QString& codeOrName);
QString label(Channel channel);
} // namespace Channels
