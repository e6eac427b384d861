#include "LocalTimeZone.h"

#include <QFileInfo>
#include <QtGlobal>

namespace LocalTimeZone {
void pin()
{
    if (!qEnvironmentVariableIsSet("TZ") && QFileInfo::exists(QStringLiteral("/etc/localtime"))) {
        qputenv("TZ", ":/etc/localtime");
    }
}
} // namespace LocalTimeZone
