#include "CaseStatus.h"

#include "common/CodeTable.h"

namespace {
// QT_TRANSLATE_NOOP keeps the labels visible to lupdate.
const CodeEntry<CaseStatus> kStatusEntries[] = {
    {CaseStatus::Received, "received", QT_TRANSLATE_NOOP("CaseStatus", "Received")},
    {CaseStatus::Acknowledged, "acknowledged", QT_TRANSLATE_NOOP("CaseStatus", "Acknowledged")},
    {CaseStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP("CaseStatus", "In progress")},
    {CaseStatus::Resolved, "resolved", QT_TRANSLATE_NOOP("CaseStatus", "Resolved")},
    {CaseStatus::FollowedUp, "followed_up", QT_TRANSLATE_NOOP("CaseStatus", "Followed up")},
    {CaseStatus::Closed, "closed", QT_TRANSLATE_NOOP("CaseStatus", "Closed")},
};
const CodeTable kStatuses("CaseStatus", kStatusEntries);

const CodeEntry<Channel> kChannelEntries[] = {
    {Channel::Window, "window", QT_TRANSLATE_NOOP("Channel", "Window")},
    {Channel::Phone, "phone", QT_TRANSLATE_NOOP("Channel", "Phone")},
    {Channel::Online, "online", QT_TRANSLATE_NOOP("Channel", "Online")},
    {Channel::Hotline12345, "hotline_12345", QT_TRANSLATE_NOOP("Channel", "12345 hotline")},
    {Channel::SocialMedia, "social_media", QT_TRANSLATE_NOOP("Channel", "Social media")},
    {Channel::Letter, "letter", QT_TRANSLATE_NOOP("Channel", "Letter")},
    {Channel::StaffReport, "staff_report", QT_TRANSLATE_NOOP("Channel", "Staff report")},
};
const CodeTable kChannels("Channel", kChannelEntries);

// The Chinese names FORMATS.md accepts in imports, whatever the UI language.
struct ChannelAlias
{
    Channel channel;
    const char* chinese;
};
const ChannelAlias kChannelAliases[] = {
    {Channel::Window, "窗口"},          {Channel::Phone, "电话"},           {Channel::Online, "网上"},
    {Channel::Hotline12345, "12345"},   {Channel::SocialMedia, "社交媒体"}, {Channel::Letter, "信件"},
    {Channel::StaffReport, "员工上报"},
};
} // namespace

namespace CaseStatuses {
QList<CaseStatus> all()
{
    return kStatuses.values();
}
QString code(CaseStatus status)
{
    return kStatuses.code(status);
}
std::optional<CaseStatus> fromCode(const QString& code)
{
    return kStatuses.fromCode(code);
}
QString label(CaseStatus status)
{
    return kStatuses.label(status);
}

bool isOpen(CaseStatus status)
{
    return status == CaseStatus::Received || status == CaseStatus::Acknowledged || status == CaseStatus::InProgress;
}
} // namespace CaseStatuses

namespace Channels {
QList<Channel> all()
{
    return kChannels.values();
}
QString code(Channel channel)
{
    return kChannels.code(channel);
}
QString label(Channel channel)
{
    return kChannels.label(channel);
}

std::optional<Channel> fromCode(const QString& codeOrName)
{
    const QString wanted = codeOrName.trimmed();
    if (auto byCode = kChannels.fromCode(wanted.toLower())) {
        return byCode;
    }
    for (const auto& alias : kChannelAliases) {
        if (wanted == QString::fromUtf8(alias.chinese)) {
            return alias.channel;
        }
    }
    return std::nullopt;
}
} // namespace Channels
