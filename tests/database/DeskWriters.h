#pragma once

#include "TestDatabases.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

/**
 * Shared by the crash and many-desks tests: the case_writer command line for a scratch database, the case numbers
 * a writer reported (complete lines only: a killed writer may leave half a line), and the after-check that every
 * reported case is stored once, the database is intact and the audit chain verifies. case_writer --check runs the
 * same check for bench_desks.sh.
 */
namespace DeskWriters {

/** case_writer's arguments for `database`: the location and the tag; add --count/--seconds yourself. */
QStringList arguments(const TestDatabase& database, const QString& tag);

/** The first field of every complete line (ending in '\n') of a writer's stdout. */
QStringList reportedNumbers(const QByteArray& output);

/** What the database looks like after the writers: the problems found (empty = all held) and how many cases. */
struct Check
{
    QStringList problems;
    qint64 cases = 0;
};

/**
 * Opens the database at `location` and checks: integrityProblems() is empty, the audit chain verifies, every number in
 * `reported` is stored, no case number is stored twice, every case has its created event and its audit entry, and the
 * day counters agree with the cases.
 */
Check check(const DatabaseLocation& location, const QStringList& reported);

} // namespace DeskWriters
