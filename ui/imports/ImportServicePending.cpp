// TEMPORARY, until branch import13 (ImportService in qingting_core) is merged: ui/CMakeLists.txt compiles this file
// only while qingting_core has no services/ImportService.cpp, so that the app links and every call says that
// importing is not available yet. Delete it (and its lines in ui/CMakeLists.txt) once ImportService is merged.

#include "services/ImportService.h"

namespace {
Error notAvailable()
{
    return Error::make(Error::Code::Storage, ImportService::tr("Importing is not available in this build yet."));
}
} // namespace

QString Import::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf8Bom:
        return QStringLiteral("UTF-8 (BOM)");
    case Encoding::Gb18030:
        return QStringLiteral("GB18030");
    }
    return {};
}

ImportService::ImportService(Session, const Repositories&, const Clock&) {}

Result<Import::Preview> ImportService::preview(const QString&, Import::Kind, int)
{
    return notAvailable();
}

Result<Import::Report> ImportService::run(const QString&, const Import::Options&, const Progress&, const Cancelled&)
{
    return notAvailable();
}

Status ImportService::writeRejects(const QString&, const QList<Import::Reject>&)
{
    return notAvailable();
}
