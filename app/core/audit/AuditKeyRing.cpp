#include "AuditKeyRing.h"

#include "common/AppSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {
constexpr int kKeyBytes = crypto_auth_KEYBYTES; // 32

bool sodiumReady()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

QByteArray fromHex(const QString& hex, int expectedBytes)
{
    const QByteArray latin = hex.trimmed().toLatin1();
    if (latin.size() != expectedBytes * 2) {
        return {};
    }
    for (char c : latin) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
            return {};
        }
    }
    return QByteArray::fromHex(latin);
}

QByteArray derive(const QByteArray& key, const char* purpose, int bytes)
{
    QByteArray out(bytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), size_t(bytes),
                       reinterpret_cast<const unsigned char*>(purpose), strlen(purpose),
                       reinterpret_cast<const unsigned char*>(key.constData()), size_t(key.size()));
    return out;
}

const char kHeader[] =
    "# Qingting audit key: seals the audit log. Keep it secret (mode 0600) and give every desk of the\n"
    "# hall the same file. The last line seals new entries; earlier lines verify older ones.\n";
} // namespace

QString AuditKeyRing::defaultPath()
{
    if (const QString env = qEnvironmentVariable("QINGTING_AUDIT_KEY"); !env.isEmpty()) {
        return env;
    }
    const AppSettings settings;
    if (const QString configured = settings.string(AppSettings::Key::AuditKeyFile); !configured.isEmpty()) {
        return configured;
    }
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QLatin1String("/audit.key");
}

QString AuditKeyRing::keyIdOf(const QByteArray& key)
{
    sodiumReady();
    return QString::fromLatin1(derive(key, "qingting audit key id", 16).left(8).toHex());
}

QString AuditKeyRing::newKeyLine()
{
    sodiumReady();
    QByteArray key(kKeyBytes, '\0');
    crypto_auth_keygen(reinterpret_cast<unsigned char*>(key.data()));
    const QString line = QString::fromLatin1(key.toHex());
    sodium_memzero(key.data(), size_t(key.size()));
    return line;
}

Result<AuditKeyRing> AuditKeyRing::load(const QString& path)
{
    if (!sodiumReady()) {
        return Error::make(Error::Code::Storage, tr("The cryptography library could not be started."));
    }
    struct stat st
    {};
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0) {
        if (errno == ENOENT) {
            return Error::make(Error::Code::NotFound, tr("There is no audit key file at %1.").arg(path));
        }
        return Error::make(
            Error::Code::Storage,
            tr("The audit key file %1 cannot be read: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    }
    if (!S_ISREG(st.st_mode)) {
        return Error::make(Error::Code::Invalid, tr("The audit key file %1 is not a regular file.").arg(path));
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        return Error::make(Error::Code::Invalid,
                           tr("The audit key file %1 may be read or changed by other users; Qingting refuses to use "
                              "it. Make it private with: chmod 600 %1")
                               .arg(path));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::make(Error::Code::Storage,
                           tr("The audit key file %1 cannot be read: %2").arg(path, file.errorString()));
    }
    AuditKeyRing ring;
    ring.m_path = path;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        const QString line = QString::fromLatin1(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QByteArray secret = fromHex(line, kKeyBytes);
        if (secret.isEmpty()) {
            return Error::make(
                Error::Code::Invalid,
                tr("Line %1 of the audit key file %2 is not a key (64 hexadecimal digits).").arg(lineNo).arg(path));
        }
        ring.m_keys.append({keyIdOf(secret), secret});
    }
    if (ring.m_keys.isEmpty()) {
        return Error::make(Error::Code::Invalid, tr("The audit key file %1 holds no key.").arg(path));
    }
    return ring;
}

Result<AuditKeyRing> AuditKeyRing::create(const QString& path)
{
    if (!sodiumReady()) {
        return Error::make(Error::Code::Storage, tr("The cryptography library could not be started."));
    }
    const QFileInfo info(path);
    const QString folder = info.absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder)) {
            return Error::make(Error::Code::Storage, tr("The folder %1 cannot be created.").arg(folder));
        }
        QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    // Written completely under a private name, then linked into place: another desk process never reads half a
    // key, and when two create at once the first link wins and the other loads its file.
    const QString partial = info.absoluteFilePath() + QStringLiteral(".%1.partial").arg(getpid());
    const QByteArray partialNative = QFile::encodeName(partial);
    const int fd = ::open(partialNative.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::make(
            Error::Code::Storage,
            tr("The audit key file %1 cannot be written: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    }
    QByteArray content(kHeader);
    QByteArray keyLine = newKeyLine().toLatin1() + '\n';
    content += keyLine;
    const bool written = ::write(fd, content.constData(), size_t(content.size())) == content.size() && ::fsync(fd) == 0;
    ::close(fd);
    sodium_memzero(content.data(), size_t(content.size()));
    sodium_memzero(keyLine.data(), size_t(keyLine.size()));
    if (!written) {
        ::unlink(partialNative.constData());
        return Error::make(Error::Code::Storage, tr("The audit key file %1 cannot be written.").arg(path));
    }
    const int linked = ::link(partialNative.constData(), QFile::encodeName(info.absoluteFilePath()).constData());
    const int linkErrno = errno;
    ::unlink(partialNative.constData());
    if (linked != 0 && linkErrno != EEXIST) {
        return Error::make(
            Error::Code::Storage,
            tr("The audit key file %1 cannot be written: %2").arg(path, QString::fromLocal8Bit(strerror(linkErrno))));
    }
    return load(path);
}

const AuditKeyRing::Key* AuditKeyRing::find(const QString& keyId) const
{
    for (const Key& k : m_keys) {
        if (k.id == keyId) {
            return &k;
        }
    }
    return nullptr;
}

QString AuditKeyRing::currentId() const
{
    return m_keys.isEmpty() ? QString() : m_keys.constLast().id;
}

bool AuditKeyRing::has(const QString& keyId) const
{
    return find(keyId) != nullptr;
}

QStringList AuditKeyRing::ids() const
{
    QStringList result;
    for (const Key& k : m_keys) {
        result << k.id;
    }
    return result;
}

QString AuditKeyRing::mac(const QString& keyId, const QByteArray& message) const
{
    const Key* k = find(keyId);
    if (!k) {
        return {};
    }
    unsigned char out[crypto_auth_BYTES];
    crypto_auth(out, reinterpret_cast<const unsigned char*>(message.constData()), quint64(message.size()),
                reinterpret_cast<const unsigned char*>(k->secret.constData()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), crypto_auth_BYTES).toHex());
}

bool AuditKeyRing::checkMac(const QString& keyId, const QByteArray& message, const QString& hexMac) const
{
    const Key* k = find(keyId);
    const QByteArray tag = fromHex(hexMac, crypto_auth_BYTES);
    if (!k || tag.isEmpty()) {
        return false;
    }
    return crypto_auth_verify(reinterpret_cast<const unsigned char*>(tag.constData()),
                              reinterpret_cast<const unsigned char*>(message.constData()), quint64(message.size()),
                              reinterpret_cast<const unsigned char*>(k->secret.constData())) == 0;
}

QString AuditKeyRing::publicKey(const QString& keyId) const
{
    return withSigningKey(keyId, [](const unsigned char* pk, const unsigned char*) {
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(pk), crypto_sign_PUBLICKEYBYTES).toHex());
    });
}

QString AuditKeyRing::sign(const QString& keyId, const QByteArray& message) const
{
    return withSigningKey(keyId, [&message](const unsigned char*, const unsigned char* sk) {
        unsigned char sig[crypto_sign_BYTES];
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.constData()),
                             quint64(message.size()), sk);
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(sig), sizeof sig).toHex());
    });
}

QString
AuditKeyRing::withSigningKey(const QString& keyId,
                             const std::function<QString(const unsigned char*, const unsigned char*)>& use) const
{
    const Key* k = find(keyId);
    if (!k) {
        return {};
    }
    // The Ed25519 key pair is derived from the audit key, so the key file is all a desk keeps.
    QByteArray seed = derive(k->secret, "qingting audit checkpoint signing key", crypto_sign_SEEDBYTES);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk, reinterpret_cast<const unsigned char*>(seed.constData()));
    const QString result = use(pk, sk);
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(seed.data(), size_t(seed.size()));
    return result;
}

bool AuditKeyRing::checkSignature(const QString& publicKeyHex, const QByteArray& message, const QString& signatureHex)
{
    if (!sodiumReady()) {
        return false;
    }
    const QByteArray pk = fromHex(publicKeyHex, crypto_sign_PUBLICKEYBYTES);
    const QByteArray sig = fromHex(signatureHex, crypto_sign_BYTES);
    if (pk.isEmpty() || sig.isEmpty()) {
        return false;
    }
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()),
                                       quint64(message.size()),
                                       reinterpret_cast<const unsigned char*>(pk.constData())) == 0;
}
