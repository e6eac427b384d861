#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

/**
 * The secret keys that seal the audit chain, read from a key file outside the database (one 64-hex-digit key a
 * line; the last line is the key new entries are sealed with, earlier lines verify entries sealed before a
 * rotation). Every desk of a hall holds the same file. A file that others may read is refused.
 */
class AuditKeyRing
{
    Q_DECLARE_TR_FUNCTIONS(AuditKeyRing)

public:
    /** QINGTING_AUDIT_KEY, else the settings' audit/keyFile, else QStandardPaths::AppConfigLocation/audit.key. */
    static QString defaultPath();
    /** Reads a key file: NotFound when there is none, Invalid when others may read it or it holds no key. */
    static Result<AuditKeyRing> load(const QString& path);
    /**
     * Writes a new key file with one fresh random key, mode 0600 (its folder 0700 when created). If another
     * process created the file first, loads that one instead.
     */
    static Result<AuditKeyRing> create(const QString& path);
    /** The id under which entries name a key: 16 hex digits derived from it (never the key itself). */
    static QString keyIdOf(const QByteArray& key);
    /** A fresh random key as the hex line a key file holds. */
    static QString newKeyLine();

    const QString& path() const { return m_path; }
    bool isEmpty() const { return m_keys.isEmpty(); }
    /** The key that seals new entries. */
    QString currentId() const;
    bool has(const QString& keyId) const;
    QStringList ids() const;

    /** Hex libsodium crypto_auth (HMAC-SHA-512-256) of message under key keyId; empty if the ring lacks it. */
    QString mac(const QString& keyId, const QByteArray& message) const;
    bool checkMac(const QString& keyId, const QByteArray& message, const QString& hexMac) const;

    /** The hex Ed25519 public key derived from key keyId (checkpoint signatures); empty if the ring lacks it. */
    QString publicKey(const QString& keyId) const;
    /** A hex detached Ed25519 signature of message with the signing key derived from key keyId. */
    QString sign(const QString& keyId, const QByteArray& message) const;
    static bool checkSignature(const QString& publicKeyHex, const QByteArray& message, const QString& signatureHex);

private:
    struct Key
    {
        QString id;
        QByteArray secret; // 32 bytes
    };
    const Key* find(const QString& keyId) const;
    /** Runs `use` with the Ed25519 public and secret key derived from key keyId, then wipes them. */
    QString withSigningKey(const QString& keyId,
                           const std::function<QString(const unsigned char*, const unsigned char*)>& use) const;

    QString m_path;
    QList<Key> m_keys;
};
