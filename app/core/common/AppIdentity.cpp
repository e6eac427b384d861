#include "AppIdentity.h"

#include <QCoreApplication>

namespace AppIdentity {
void apply()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Qingting"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("qingting.invalid"));
    QCoreApplication::setApplicationName(QStringLiteral("qingting"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QINGTING_VERSION));
}
} // namespace AppIdentity
