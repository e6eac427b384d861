#include "PasswordHasher.h"

#include <sodium.h>

namespace {
bool initSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}
} // namespace

PasswordHasher::PasswordHasher(Strength strength)
    : m_opsLimit(strength == Strength::Interactive ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MIN)
    , m_memLimit(strength == Strength::Interactive ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MIN)
{
    initSodium();
}

QString PasswordHasher::hash(const QString& password) const
{
    if (!initSodium()) {
        return {};
    }
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), m_opsLimit,
                              m_memLimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return {};
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString& password, const QString& encodedHash) const
{
    if (!initSodium() || encodedHash.isEmpty()) {
        return false;
    }
    const QByteArray utf8 = password.toUtf8();
    const QByteArray stored = encodedHash.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString& encodedHash) const
{
    const QByteArray stored = encodedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_opsLimit, m_memLimit) != 0;
}

std::optional<QString> PasswordHasher::weakness(const QString& password)
{
    if (password.size() < kMinimumLength) {
        return tr("The password must have at least %n characters.", nullptr, kMinimumLength);
    }
    if (password.trimmed().isEmpty()) {
        return tr("The password must not be only spaces.");
    }
    return std::nullopt;
}
