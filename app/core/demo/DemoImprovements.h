#pragma once

#include "demo/DemoGenerator.h"
#include "improvement/Improvement.h"

#include <QList>

/**
 * The improvement actions of `demo` (issue 14, helper "register"): a handful a month over the demo period, with
 * varied titles built from a measure of the category they address and the service item or one of its errands
 * (helper "polish": no title twice while another is free), whys and a fishbone that tell the same story, an owner
 * department, a deadline 2–8 weeks on; the older ones
 * mostly done, some overdue, a few cancelled; a 5-whys chain and a fishbone on about a third. Deterministic from the
 * seed (a stream of its own, so the cases stay as they were).
 */
namespace DemoImprovements {

/** One planned action; the demo writer links it to recent cases of its category and item. */
struct Planned
{
    ImprovementAction action; ///< createdAt, deadline, status, doneAt, names by id
    FiveWhys whys;
    Fishbone fishbone;
};

/** The errands (具体事项) of a seeded service item that titles may name ("社保卡补办"); empty for other items. */
QStringList errands(const QString& serviceItem);

/** Actions over [first, end], none created or done after `asOf` (seconds since the epoch). */
QList<Planned> plan(quint64 seed, const QDate& first, const QDate& end, qint64 asOf, const DemoReference& reference);

} // namespace DemoImprovements
