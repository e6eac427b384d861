#include "SqlSupport.h"

#include <QSqlDatabase>
#include <QTest>

/**
 * SqlContext::inlineValues, the one-round-trip path for PostgreSQL: each `?` outside quotes and comments becomes
 * the driver's own literal for its value (quotes doubled, NULL for an invalid value, negative numbers kept apart
 * from a preceding minus), and a statement whose `?` do not match its values is refused.
 */
class TestSqlContext : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void inlinesValues_data();
    void inlinesValues();
    void refusesMismatchedValues();

private:
    const QString m_name = QStringLiteral("tst_sql_context");
};

void TestSqlContext::initTestCase()
{
    QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")));
    QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name); // formatValue needs no server
}

void TestSqlContext::cleanupTestCase()
{
    QSqlDatabase::removeDatabase(m_name);
}

void TestSqlContext::inlinesValues_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text and number") << QStringLiteral("UPDATE t SET a = ? WHERE id = ?")
                                     << QVariantList{QStringLiteral("投诉"), qint64(7)}
                                     << QStringLiteral("UPDATE t SET a = '投诉' WHERE id = 7");
    QTest::newRow("quote in text") << QStringLiteral("SELECT ?") << QVariantList{QStringLiteral("it's; DROP TABLE x")}
                                   << QStringLiteral("SELECT 'it''s; DROP TABLE x'");
    QTest::newRow("null and empty") << QStringLiteral("INSERT INTO t VALUES (?, ?)")
                                    << QVariantList{QVariant(), QVariant(QString())}
                                    << QStringLiteral("INSERT INTO t VALUES (NULL, '')");
    QTest::newRow("negative after minus")
        << QStringLiteral("SELECT 1-?") << QVariantList{qint64(-1)} << QStringLiteral("SELECT 1-(-1)");
    QTest::newRow("marks in quotes and comments")
        << QStringLiteral("SELECT '?', \"a?\" -- ?\n, ? /* ? */ FROM t WHERE x LIKE ? ESCAPE '\\'")
        << QVariantList{true, QStringLiteral("%a\\_%")}
        << QStringLiteral("SELECT '?', \"a?\" -- ?\n, TRUE /* ? */ FROM t WHERE x LIKE '%a\\_%' ESCAPE '\\'");
}

void TestSqlContext::inlinesValues()
{
    QFETCH(QString, sql);
    QFETCH(QVariantList, values);
    QFETCH(QString, expected);
    const auto inlined = SqlContext::inlineValues(*QSqlDatabase::database(m_name, false).driver(), sql, values);
    QVERIFY(inlined.has_value());
    QCOMPARE(*inlined, expected);
}

void TestSqlContext::refusesMismatchedValues()
{
    const QSqlDriver& driver = *QSqlDatabase::database(m_name, false).driver();
    QVERIFY(!SqlContext::inlineValues(driver, QStringLiteral("SELECT ?, ?"), {1}).has_value());
    QVERIFY(!SqlContext::inlineValues(driver, QStringLiteral("SELECT ?"), {1, 2}).has_value());
    QVERIFY(!SqlContext::inlineValues(driver, QStringLiteral("SELECT '?'"), {1}).has_value());
}

QTEST_GUILESS_MAIN(TestSqlContext)
#include "tst_sql_context.moc"
