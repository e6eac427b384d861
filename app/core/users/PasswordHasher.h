#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

/** Argon2id password hashing (libsodium's crypto_pwhash_str): salted, self-describing, slow on purpose. */
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHasher)

public:
    enum class Strength
    {
        Interactive, ///< libsodium's interactive limits: for real accounts
        Minimal,     ///< the smallest limits libsodium allows: for tests that create many users
    };

    static constexpr int kMinimumLength = 8;

    explicit PasswordHasher(Strength strength = Strength::Interactive);

    /** The encoded hash ("$argon2id$v=19$..."), or an empty string when memory ran out. */
    QString hash(const QString& password) const;
    bool verify(const QString& password, const QString& encodedHash) const;
    /** True when the hash was made with weaker limits than this hasher's: rehash after a good login. */
    bool needsRehash(const QString& encodedHash) const;
    /** A translated reason the password is not acceptable, or nullopt. */
    static std::optional<QString> weakness(const QString& password);

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
};
