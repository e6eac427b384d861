#pragma once

#include <QString>
#include <QVariant>

#include <memory>

class QSettings;

/**
 * The one typed view over QSettings (KeePassXC's Config, qBittorrent's SettingValue): a key enum with
 * defaults, so that no string key is scattered through the code. Tests point it at a scratch file.
 */
class AppSettings
{
public:
    enum class Key
    {
        Language,     ///< "" = follow the system locale, else "zh_CN" or "en"
        LastLogin,    ///< the login name offered in the login dialog
        DatabasePath, ///< the SQLite file; "" = the default in AppDataLocation
        PostgresUrl,  ///< postgresql://user:password@host:port/dbname; "" = use SQLite
        MainWindowGeometry,
        MainWindowState,
        CaseListHeaderState,
        AuditKeyFile,   ///< the audit key file; "" = AppConfigLocation/audit.key (QINGTING_AUDIT_KEY overrides)
        HallName,       ///< the hall's name on receipts (回执); "" = a generic name
        ReceiptEnquiry, ///< where a citizen asks about the case, printed on receipts; "" = a generic sentence
        DraftFolder,    ///< where half-filled intakes are kept; "" = AppDataLocation/drafts
    };

    /** The application's settings (QSettings' default location for the organisation and app names). */
    AppSettings();
    /** A settings file of its own, for tests. */
    explicit AppSettings(const QString& iniFile);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    QVariant value(Key key) const;
    QString string(Key key) const { return value(key).toString(); }
    void setValue(Key key, const QVariant& value);
    void reset(Key key);
    void sync();

    static QString keyName(Key key);
    static QVariant defaultValue(Key key);

private:
    std::unique_ptr<QSettings> m_settings;
};
