#pragma once

/** The organisation and application names that decide where settings and the default database live. */
namespace AppIdentity {
/** Call before creating settings or resolving QStandardPaths, in every executable (GUI and CLI share the data). */
void apply();
} // namespace AppIdentity
