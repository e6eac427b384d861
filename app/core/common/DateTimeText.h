#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

/** The date and time notations of CLI.md and FORMATS.md, parsed and printed in one place. */
namespace DateTimeText {

/** `YYYY-MM-DD`. */
std::optional<QDate> parseDate(const QString& text);
/** `YYYY-MM-DD HH:MM[:SS]`, `T` allowed for the space and `/` for `-`; local time. */
std::optional<QDateTime> parseDateTime(const QString& text);
/** `YYYY-MM-DD HH:MM:SS`. */
QString format(const QDateTime& dateTime);

} // namespace DateTimeText
