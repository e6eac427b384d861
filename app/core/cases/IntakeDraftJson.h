#pragma once

#include "services/IntakeService.h"

#include <QByteArray>
#include <QDateTime>

#include <optional>

/** What the wizard keeps of a half-filled intake: the draft and where the clerk was. */
struct IntakeDraftState
{
    IntakeDraft draft;
    int page = 0;           ///< the wizard page the clerk was on
    bool anonymous = false; ///< "anonymous complaint" ticked
    QDateTime savedAt;
};

/**
 * The guided intake's draft as JSON (QtCore only), so that a half-filled intake survives a close or a crash. Enums
 * are stored by their stable codes, times as ISO-8601 UTC; unknown keys are ignored and missing ones stay empty.
 */
namespace IntakeDraftJson {
/** The current format; files of a newer format are refused. */
constexpr int kFormatVersion = 1;

QByteArray toJson(const IntakeDraftState& state);
/** Nullopt when the bytes are not a draft of a known format. */
std::optional<IntakeDraftState> fromJson(const QByteArray& json);
} // namespace IntakeDraftJson
