#include "SqlDeferredIndexes.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
const QString kPrefix = QStringLiteral("deferred_index:");
}

namespace SqlDeferredIndexes {

Result<int> defer(const SqlContext& sql, const QStringList& tables, const QStringList& keep)
{
    if (!sql.dialect().isSqlite() || tables.isEmpty()) {
        return 0;
    }
    QStringList marks;
    QVariantList values;
    for (const QString& t : tables) {
        marks.append(QStringLiteral("?"));
        values.append(t);
    }
    // Indexes made by the schema's own CREATE INDEX statements (sql IS NOT NULL: not those behind PRIMARY KEY or
    // UNIQUE column constraints), and none of them UNIQUE.
    auto found = sql.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                         "AND tbl_name IN (%1) ORDER BY name")
                              .arg(marks.join(QLatin1String(", "))),
                          values);
    if (!found) {
        return found.error();
    }
    QList<QPair<QString, QString>> indexes;
    while (found->next()) {
        const QString name = found->value(0).toString();
        const QString create = found->value(1).toString();
        if (keep.contains(name) || create.startsWith(QLatin1String("CREATE UNIQUE"), Qt::CaseInsensitive)) {
            continue;
        }
        indexes.append(qMakePair(name, create));
    }
    found->finish();
    if (indexes.isEmpty()) {
        return 0;
    }
    QSqlQuery tx(sql.db());
    if (!tx.exec(sql.dialect().beginWrite())) {
        return sql.errorFrom(tx.lastError());
    }
    for (const auto& [name, create] : std::as_const(indexes)) {
        Status s = sql.execOne(QStringLiteral("INSERT INTO qingting_meta (key, value) VALUES (?, ?) "
                                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                               {QString(kPrefix + name), create});
        if (s) {
            // The name comes from sqlite_master, not from a user.
            if (auto dropped = sql.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name)); !dropped) {
                s = dropped.error();
            }
        }
        if (!s) {
            tx.exec(QStringLiteral("ROLLBACK"));
            return s.error();
        }
    }
    if (!tx.exec(QStringLiteral("COMMIT"))) {
        const Error e = sql.errorFrom(tx.lastError());
        tx.exec(QStringLiteral("ROLLBACK"));
        return e;
    }
    return int(indexes.size());
}

Result<int> restore(const SqlContext& sql)
{
    auto recorded =
        sql.exec(QStringLiteral("SELECT key, value FROM qingting_meta WHERE key LIKE 'deferred\\_index:%' ESCAPE '\\' "
                                "ORDER BY key"));
    if (!recorded) {
        return recorded.error();
    }
    QList<QPair<QString, QString>> indexes;
    while (recorded->next()) {
        indexes.append(qMakePair(recorded->value(0).toString().mid(kPrefix.size()), recorded->value(1).toString()));
    }
    recorded->finish();
    for (const auto& [name, create] : std::as_const(indexes)) {
        const auto exists =
            sql.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = ?"), {name});
        if (!exists) {
            return exists.error();
        }
        // One built already (by hand, or by a restore whose records were not cleared) stays as it is.
        if (exists->toInt() == 0) {
            if (auto built = sql.exec(create); !built) {
                return built.error();
            }
        }
        if (auto s = sql.execOne(QStringLiteral("DELETE FROM qingting_meta WHERE key = ?"), {QString(kPrefix + name)});
            !s) {
            return s.error();
        }
    }
    return int(indexes.size());
}

Result<bool> pending(const SqlContext& sql)
{
    const auto n = sql.scalar(
        QStringLiteral("SELECT COUNT(*) FROM qingting_meta WHERE key LIKE 'deferred\\_index:%' ESCAPE '\\'"));
    if (!n) {
        return n.error();
    }
    return n->toInt() > 0;
}

} // namespace SqlDeferredIndexes
