#pragma once

#include "common/Result.h"
#include "sla/SlaPolicy.h"

#include <QDateTime>
#include <QString>

/**
 * Where the hall's deadline rules are kept (issue 12). A database that has never stored any answers the defaults
 * of SlaPolicy. Saving validates nothing: SlaService checks permission and the ranges first.
 */
class SlaPolicyRepository
{
public:
    virtual ~SlaPolicyRepository() = default;
    virtual Result<SlaPolicy> load() = 0;
    virtual Status save(const SlaPolicy& policy, const QString& actor, const QDateTime& at) = 0;
};

struct Repositories;
namespace SlaPolicies {
/** The stored policy, or the defaults where the repositories have none (test fakes). */
Result<SlaPolicy> current(const Repositories& repos);
} // namespace SlaPolicies
