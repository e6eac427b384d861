#include "repositories/SlaPolicyRepository.h"

#include "repositories/Repositories.h"

namespace SlaPolicies {
Result<SlaPolicy> current(const Repositories& repos)
{
    if (!repos.slaPolicy) {
        return SlaPolicy{};
    }
    return repos.slaPolicy->load();
}
} // namespace SlaPolicies
