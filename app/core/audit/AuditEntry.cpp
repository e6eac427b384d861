#include "AuditEntry.h"

#include <QCryptographicHash>

namespace AuditChain {

QString genesis()
{
    return QString(64, QLatin1Char('0'));
}

QString computeHash(const AuditEntry& e)
{
    // Fields are length-prefixed so that no two different entries serialise alike.
    QByteArray data;
    const auto add = [&data](const QString& field) {
        const QByteArray utf8 = field.toUtf8();
        data += QByteArray::number(utf8.size());
        data += ':';
        data += utf8;
        data += '|';
    };
    add(e.prevHash);
    add(QString::number(e.seq));
    add(QString::number(e.at.toSecsSinceEpoch()));
    add(QString::number(e.actorId));
    add(e.actor);
    add(e.action);
    add(e.entity);
    add(QString::number(e.entityId));
    add(e.detail);
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

} // namespace AuditChain
