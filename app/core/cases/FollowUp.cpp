#include "FollowUp.h"

#include "common/CodeTable.h"

namespace {
const CodeEntry<FollowUpMethod> kMethodEntries[] = {
    {FollowUpMethod::Phone, "phone", QT_TRANSLATE_NOOP("FollowUpMethod", "Phone call")},
    {FollowUpMethod::Sms, "sms", QT_TRANSLATE_NOOP("FollowUpMethod", "Text message")},
    {FollowUpMethod::Visit, "visit", QT_TRANSLATE_NOOP("FollowUpMethod", "Visit")},
};
const CodeTable kMethods("FollowUpMethod", kMethodEntries);
} // namespace

namespace FollowUpMethods {
QString code(FollowUpMethod method)
{
    return kMethods.code(method);
}
std::optional<FollowUpMethod> fromCode(const QString& code)
{
    return kMethods.fromCode(code);
}
QString label(FollowUpMethod method)
{
    return kMethods.label(method);
}
} // namespace FollowUpMethods
