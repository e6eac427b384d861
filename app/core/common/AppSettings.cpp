#include "AppSettings.h"

#include <QSettings>

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::keyName(Key key)
{
    switch (key) {
    case Key::Language:
        return QStringLiteral("ui/language");
    case Key::LastLogin:
        return QStringLiteral("login/last");
    case Key::DatabasePath:
        return QStringLiteral("database/sqlitePath");
    case Key::PostgresUrl:
        return QStringLiteral("database/postgresUrl");
    case Key::MainWindowGeometry:
        return QStringLiteral("mainWindow/geometry");
    case Key::MainWindowState:
        return QStringLiteral("mainWindow/state");
    case Key::CaseListHeaderState:
        return QStringLiteral("caseList/headerState");
    case Key::AuditKeyFile:
        return QStringLiteral("audit/keyFile");
    case Key::HallName:
        return QStringLiteral("receipt/hallName");
    case Key::ReceiptEnquiry:
        return QStringLiteral("receipt/enquiry");
    case Key::DraftFolder:
        return QStringLiteral("intake/draftFolder");
    }
    return {};
}

QVariant AppSettings::defaultValue(Key key)
{
    switch (key) {
    case Key::Language:
    case Key::LastLogin:
    case Key::DatabasePath:
    case Key::PostgresUrl:
    case Key::AuditKeyFile:
    case Key::HallName:
    case Key::ReceiptEnquiry:
    case Key::DraftFolder:
        return QString();
    case Key::MainWindowGeometry:
    case Key::MainWindowState:
    case Key::CaseListHeaderState:
        return QByteArray();
    }
    return {};
}

QVariant AppSettings::value(Key key) const
{
    return m_settings->value(keyName(key), defaultValue(key));
}

void AppSettings::setValue(Key key, const QVariant& value)
{
    m_settings->setValue(keyName(key), value);
}

void AppSettings::reset(Key key)
{
    m_settings->remove(keyName(key));
}

void AppSettings::sync()
{
    m_settings->sync();
}
