#include "AuditEntry.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace {
void appendLength(QByteArray& out, qsizetype n)
{
    char buffer[4];
    qToBigEndian(quint32(n), buffer);
    out.append(buffer, 4);
}

void appendCell(QByteArray& out, char tag, const QByteArray& bytes)
{
    out += tag;
    appendLength(out, bytes.size());
    out += bytes;
}

QByteArray int64Bytes(qint64 v)
{
    char buffer[8];
    qToBigEndian(v, buffer);
    return QByteArray(buffer, 8);
}

QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(s);
}
} // namespace

namespace AuditChain {

QString genesis()
{
    return QString(64, QLatin1Char('0'));
}

QString legacyHash(const AuditEntry& e)
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

QVariantList cells(const AuditEntry& e)
{
    const auto id = [](qint64 v) {
        return v != 0 ? QVariant(v) : QVariant();
    };
    return {QVariant(e.seq),  QVariant(qint64(e.at.toSecsSinceEpoch())),
            id(e.actorId),    text(e.actor),
            text(e.action),   text(e.entity),
            id(e.entityId),   text(e.detail),
            text(e.prevHash), e.keyId.isEmpty() ? QVariant() : QVariant(e.keyId)};
}

QByteArray canonical(const QVariantList& values)
{
    QByteArray out;
    out.reserve(256);
    for (const QVariant& v : values) {
        if (v.isNull()) {
            appendCell(out, 'N', {});
            continue;
        }
        switch (v.typeId()) {
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            appendCell(out, 'I', int64Bytes(v.toLongLong()));
            break;
        case QMetaType::QString:
            appendCell(out, 'T', v.toString().toUtf8());
            break;
        case QMetaType::QByteArray:
            appendCell(out, 'B', v.toByteArray());
            break;
        case QMetaType::Double:
        case QMetaType::Float: {
            const double d = v.toDouble();
            qint64 bits = 0;
            memcpy(&bits, &d, sizeof bits);
            appendCell(out, 'R', int64Bytes(bits));
            break;
        }
        default:
            appendCell(out, 'X', v.toString().toUtf8());
            break;
        }
    }
    return out;
}

QByteArray entryMessage(const QVariantList& values)
{
    return QByteArrayLiteral("qingting.audit.entry.v2\n") + canonical(values);
}

QByteArray headMessage(qint64 lastSeq, const QString& lastHash, qint64 legacyUntil, const QString& keyId)
{
    return QByteArrayLiteral("qingting.audit.head.v2\n") +
           canonical({QVariant(lastSeq), QVariant(lastHash), QVariant(legacyUntil), QVariant(keyId)});
}

QByteArray checkpointMessage(qint64 seq, const QString& hash, qint64 at, const QString& keyId)
{
    return QByteArrayLiteral("qingting.audit.checkpoint.v1\n") +
           canonical({QVariant(seq), QVariant(hash), QVariant(at), QVariant(keyId)});
}

} // namespace AuditChain
