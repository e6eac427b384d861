#include "cases/IntakeDraftStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

QString IntakeDraftStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/drafts");
}

IntakeDraftStore::IntakeDraftStore(QString folder, const QString& login)
    : m_folder(std::move(folder))
{
    // Logins are short ASCII names, but a file name must never depend on what a login may contain.
    const QByteArray hash = QCryptographicHash::hash(login.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    m_path = m_folder + QStringLiteral("/intake-") + QString::fromLatin1(hash) + QStringLiteral(".json");
}

bool IntakeDraftStore::exists() const
{
    return QFile::exists(m_path);
}

Status IntakeDraftStore::save(const IntakeDraftState& state) const
{
    if (!QDir().mkpath(m_folder)) {
        return Error::make(Error::Code::Storage, tr("Cannot create the folder for drafts: %1").arg(m_folder));
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::make(Error::Code::Storage, tr("Cannot save the draft: %1").arg(file.errorString()));
    }
    file.write(IntakeDraftJson::toJson(state));
    if (!file.commit()) {
        return Error::make(Error::Code::Storage, tr("Cannot save the draft: %1").arg(file.errorString()));
    }
    return {};
}

std::optional<IntakeDraftState> IntakeDraftStore::load() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    return IntakeDraftJson::fromJson(file.readAll());
}

void IntakeDraftStore::discard() const
{
    QFile::remove(m_path);
}
