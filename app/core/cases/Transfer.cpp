#include "cases/Transfer.h"

#include "common/CodeTable.h"

namespace {
const CodeEntry<TransferState> kTransferEntries[] = {
    {TransferState::None, "", QT_TRANSLATE_NOOP("TransferState", "Not transferred")},
    {TransferState::AwaitingSign, "awaiting_sign", QT_TRANSLATE_NOOP("TransferState", "Awaiting sign-for")},
    {TransferState::Signed, "signed", QT_TRANSLATE_NOOP("TransferState", "Signed for")},
    {TransferState::Returned, "returned", QT_TRANSLATE_NOOP("TransferState", "Returned")},
};
const CodeTable kTransferStates("TransferState", kTransferEntries);

const CodeEntry<ExtensionState> kExtensionEntries[] = {
    {ExtensionState::Pending, "pending", QT_TRANSLATE_NOOP("ExtensionState", "Awaiting decision")},
    {ExtensionState::Approved, "approved", QT_TRANSLATE_NOOP("ExtensionState", "Approved")},
    {ExtensionState::Refused, "refused", QT_TRANSLATE_NOOP("ExtensionState", "Refused")},
};
const CodeTable kExtensionStates("ExtensionState", kExtensionEntries);
} // namespace

namespace TransferStates {
QString code(TransferState state)
{
    return kTransferStates.code(state);
}
TransferState fromCode(const QString& code)
{
    if (code.isEmpty()) {
        return TransferState::None;
    }
    return kTransferStates.fromCode(code).value_or(TransferState::None);
}
QString label(TransferState state)
{
    return kTransferStates.label(state);
}
} // namespace TransferStates

namespace ExtensionStates {
QString code(ExtensionState state)
{
    return kExtensionStates.code(state);
}
std::optional<ExtensionState> fromCode(const QString& code)
{
    return kExtensionStates.fromCode(code);
}
QString label(ExtensionState state)
{
    return kExtensionStates.label(state);
}
} // namespace ExtensionStates
