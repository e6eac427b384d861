#pragma once

/**
 * Local-time conversions at the speed the SLA engine needs (docs/ARCHITECTURE.md "SLA clocks").
 *
 * Without $TZ, glibc checks /etc/localtime (a stat) on every conversion of a time to local time; the engine converts
 * dozens of times per case, and that check was more than 90 % of its cost (0.39 ms a case, 0.03 ms with TZ set:
 * docs/BENCHMARKS.md). With TZ=":/etc/localtime" the same zone file is read once. Qt reads that value as "the system
 * zone". The one difference: a change of the machine's time zone is seen at the next start, not while running.
 */
namespace LocalTimeZone {
/** Sets TZ=":/etc/localtime" when TZ is unset and the file exists. Call first thing in main(), before Qt starts. */
void pin();
} // namespace LocalTimeZone
