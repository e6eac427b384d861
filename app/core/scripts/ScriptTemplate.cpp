#include "scripts/ScriptTemplate.h"

#include <QRegularExpression>

namespace {
/**
 * A placeholder: {name} or, as a Chinese input method types it, ｛name｝; optionally inside the 【】 that fill()
 * puts around one it could not fill, so that filling a text twice changes nothing.
 */
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("【?[{｛]([^{}｛｝【】\\n]{1,30})[}｝]】?"));
    return pattern;
}

QString missing(const QString& name)
{
    return QStringLiteral("【{%1}】").arg(name);
}
} // namespace

namespace ScriptPlaceholders {

QStringList known()
{
    return {QStringLiteral("称呼"), QStringLiteral("事项"), QStringLiteral("承诺时间"), QStringLiteral("案件编号"),
            QStringLiteral("窗口"), QStringLiteral("部门"), QStringLiteral("受理时间"), QStringLiteral("诉求"),
            QStringLiteral("步骤"), QStringLiteral("大厅"), QStringLiteral("电话"),     QStringLiteral("类别"),
            QStringLiteral("事实"), QStringLiteral("影响"), QStringLiteral("处理结果")};
}

QString fill(const QString& body, const QHash<QString, QString>& values)
{
    static const QStringList names = known();
    QString out;
    out.reserve(body.size() + 32);
    qsizetype from = 0;
    auto it = placeholderPattern().globalMatch(body);
    while (it.hasNext()) {
        const auto match = it.next();
        out += QStringView(body).mid(from, match.capturedStart() - from);
        from = match.capturedEnd();
        const QString name = match.captured(1);
        const QString value = names.contains(name) ? values.value(name).trimmed() : QString();
        out += value.isEmpty() ? missing(name) : value;
    }
    out += QStringView(body).mid(from);
    return out;
}

QStringList unknownIn(const QString& body)
{
    static const QStringList names = known();
    QStringList unknown;
    auto it = placeholderPattern().globalMatch(body);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name) && !unknown.contains(name)) {
            unknown << name;
        }
    }
    return unknown;
}

} // namespace ScriptPlaceholders
