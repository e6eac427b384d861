// imports (issue 13): the CSV parser, the encoding detection and FORMATS.md's header matching and row rules, without
// a database; and a fuzz run (fixed seed) that feeds thousands of broken inputs through all three.
#include "imports/CsvParser.h"
#include "imports/ImportDecoder.h"
#include "imports/ImportFormat.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QStringEncoder>
#include <QTest>

namespace {
QList<CsvParser::Record> parse(const QString& text)
{
    QList<CsvParser::Record> records;
    CsvParser parser(text);
    CsvParser::Record r;
    while (parser.next(&r)) {
        records.append(r);
    }
    return records;
}

const QStringList kCaseHeader{
    QStringLiteral("case_no"),         QStringLiteral("received_at"),    QStringLiteral("channel"),
    QStringLiteral("window"),          QStringLiteral("service_item"),   QStringLiteral("category"),
    QStringLiteral("citizen_key"),     QStringLiteral("waited_minutes"), QStringLiteral("summary"),
    QStringLiteral("acknowledged_at"), QStringLiteral("answered_at"),    QStringLiteral("resolved_at"),
    QStringLiteral("closed_at"),       QStringLiteral("rating"),         QStringLiteral("nps"),
    QStringLiteral("transfers")};

qint64 local(int y, int mo, int d, int h, int mi, int s = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s)).toSecsSinceEpoch();
}
} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT

private slots:
    void parserQuotesAndLines();
    void parserProblems();
    void parserLimits();
    void decoding_data();
    void decoding();
    void invalidBytes();
    void headers();
    void times_data();
    void times();
    void caseRules_data();
    void caseRules();
    void queueRules_data();
    void queueRules();
    void fuzz();
};

void TestCsvImport::parserQuotesAndLines()
{
    const auto r = parse(QStringLiteral("a,b,c\r\n1,\"x, \"\"y\"\"\r\nz\",3\n\n4,,\r5,6,\"\"\n7,8,9"));
    QCOMPARE(r.size(), 5);
    QCOMPARE(r[0].fields, (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(r[1].line, 2);
    QCOMPARE(r[1].fields, (QStringList{QStringLiteral("1"), QStringLiteral("x, \"y\"\nz"), QStringLiteral("3")}));
    QCOMPARE(r[2].line, 5); // the quoted line break counts; the empty line 4 is skipped
    QCOMPARE(r[2].fields, (QStringList{QStringLiteral("4"), QString(), QString()}));
    QCOMPARE(r[3].line, 6); // a lone CR ends a line too
    QCOMPARE(r[3].fields, (QStringList{QStringLiteral("5"), QStringLiteral("6"), QString()}));
    QCOMPARE(r[4].line, 7); // no last line break
    QCOMPARE(r[4].fields.size(), 3);
    for (const auto& record : r) {
        QVERIFY(record.problem.isEmpty());
    }
    const auto inner = parse(QStringLiteral("ab\"c,d\n")); // a quote inside an unquoted field is text
    QCOMPARE(inner[0].fields.first(), QStringLiteral("ab\"c"));
}

void TestCsvImport::parserProblems()
{
    const auto stray = parse(QStringLiteral("h\n\"abc\"def,1\nok,2\n"));
    QCOMPARE(stray.size(), 3);
    QCOMPARE(stray[1].line, 2);
    QVERIFY(stray[1].problem.contains(QLatin1String("stray quote")));
    QCOMPARE(stray[2].fields.first(), QStringLiteral("ok")); // the next record reads normally
    const auto open = parse(QStringLiteral("h\nx,\"never closed\n\nmore\n"));
    QCOMPARE(open.size(), 2);
    QVERIFY(open[1].problem.contains(QLatin1String("line 2")));
}

void TestCsvImport::parserLimits()
{
    CsvParser::Limits limits;
    limits.maxFieldChars = 10;
    limits.maxColumns = 3;
    CsvParser parser(QStringLiteral("12345678901,a\na,b,c,d\nok\n"), limits);
    CsvParser::Record r;
    QVERIFY(parser.next(&r));
    QVERIFY(r.problem.contains(QLatin1String("10 characters")));
    QVERIFY(parser.next(&r));
    QCOMPARE(r.line, 2);
    QVERIFY(r.problem.contains(QLatin1String("3 columns")));
    QVERIFY(parser.next(&r));
    QVERIFY(r.problem.isEmpty());
    QVERIFY(!parser.next(&r));
}

void TestCsvImport::decoding_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("encoding");
    const QString text = QStringLiteral("案件编号,渠道\r\nA-1,电话\r\n");
    QTest::newRow("utf-8") << text.toUtf8() << int(Import::Encoding::Utf8);
    QTest::newRow("utf-8 bom") << QByteArray("\xEF\xBB\xBF") + text.toUtf8() << int(Import::Encoding::Utf8Bom);
    QStringEncoder gb("GB18030");
    QVERIFY(gb.isValid());
    QTest::newRow("gb18030") << QByteArray(gb.encode(text)) << int(Import::Encoding::Gb18030);
    QTest::newRow("ascii") << QByteArray("a,b\n1,2\n") << int(Import::Encoding::Utf8);
}

void TestCsvImport::decoding()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, encoding);
    const auto decoded = ImportDecoder::decode(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(int(decoded->encoding), encoding);
    QVERIFY(!decoded->text.startsWith(QChar(0xFEFF)));
    if (encoding != int(Import::Encoding::Utf8) || bytes.contains("\xE6")) {
        QVERIFY(decoded->text.startsWith(QStringLiteral("案件编号")));
    }
}

void TestCsvImport::invalidBytes()
{
    // Not UTF-8 (0x81 0x20) and not GB18030 either (0x81 needs a second byte 0x30..0xFE): line 3.
    const auto bad = ImportDecoder::decode(QByteArray("a,b\n1,2\n\x81\x20,3\n"));
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().code, Error::Code::Invalid);
    QVERIFY2(bad.error().message.startsWith(QLatin1String("line 3:")), qPrintable(bad.error().message));
    const auto bom = ImportDecoder::decode(QByteArray("\xEF\xBB\xBF"
                                                      "a\n\xFF\n"));
    QVERIFY(!bom.ok());
    QVERIFY(bom.error().message.startsWith(QLatin1String("line 2:")));
    QVERIFY(!ImportDecoder::decode(QByteArray("\xFF\xFE"
                                              "a\0b\0",
                                              6))
                 .ok()); // UTF-16
}

void TestCsvImport::headers()
{
    const ImportFormat chinese(Import::Kind::Cases, {QStringLiteral("\xFEFF 渠道 "), QStringLiteral("备注"),
                                                     QStringLiteral("受理时间"), QStringLiteral("案件编号")});
    QVERIFY2(chinese.problem().isEmpty(), qPrintable(chinese.problem()));
    QCOMPARE(chinese.columns()[0].field, QStringLiteral("channel"));
    QCOMPARE(chinese.columns()[1].field, QString()); // extra column, ignored
    QCOMPARE(chinese.columns()[3].field, QStringLiteral("case_no"));
    const ImportFormat english(Import::Kind::Queue,
                               {QStringLiteral(" Issued_At"), QStringLiteral("TICKET"), QStringLiteral("x")});
    QVERIFY(english.problem().isEmpty());
    const ImportFormat missing(Import::Kind::Cases, {QStringLiteral("case_no"), QStringLiteral("channel")});
    QCOMPARE(missing.missingRequired(), QStringList{QStringLiteral("received_at")});
    QVERIFY(missing.problem().contains(QLatin1String("received_at")));
    const ImportFormat twice(Import::Kind::Queue,
                             {QStringLiteral("ticket"), QStringLiteral("票号"), QStringLiteral("issued_at")});
    QVERIFY2(twice.problem().contains(QStringLiteral("票号")), qPrintable(twice.problem()));
}

void TestCsvImport::times_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected"); // 0 = rejected
    QTest::newRow("iso") << QStringLiteral("2026-03-05 09:07:30") << local(2026, 3, 5, 9, 7, 30);
    QTest::newRow("no seconds") << QStringLiteral("2026-03-05 09:07") << local(2026, 3, 5, 9, 7);
    QTest::newRow("slashes, one digit") << QStringLiteral("2026/3/5 9:07") << local(2026, 3, 5, 9, 7);
    QTest::newRow("T") << QStringLiteral("2026-03-05T09:07:00") << local(2026, 3, 5, 9, 7);
    QTest::newRow("spaces around") << QStringLiteral("  2026-12-31 23:59:59 ") << local(2026, 12, 31, 23, 59, 59);
    QTest::newRow("date only") << QStringLiteral("2026-03-05") << qint64(0);
    QTest::newRow("bad day") << QStringLiteral("2026-02-30 10:00") << qint64(0);
    QTest::newRow("hour 24") << QStringLiteral("2026-02-03 24:00") << qint64(0);
    QTest::newRow("one-digit minute") << QStringLiteral("2026-02-03 9:7") << qint64(0);
    QTest::newRow("trailing") << QStringLiteral("2026-02-03 09:07 pm") << qint64(0);
}

void TestCsvImport::times()
{
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    const ImportFormat format(Import::Kind::Cases, kCaseHeader);
    const auto t = format.parseTime(text);
    QCOMPARE(t.value_or(0), expected);
}

void TestCsvImport::caseRules_data()
{
    QTest::addColumn<QString>("line");   // the 16 fields in kCaseHeader's order
    QTest::addColumn<QString>("reason"); // a part of the reason; empty = accepted
    const QString ok = QStringLiteral("A-1,2026-03-05 09:00,phone,1号窗口,社保,服务态度,13800138000,5,太慢,"
                                      "2026-03-05 09:10,2026-03-05 10:00,2026-03-06 10:00,2026-03-07 10:00,4,9,1");
    QTest::newRow("good") << ok << QString();
    QTest::newRow("chinese channel") << QString(ok).replace(QStringLiteral("phone"), QStringLiteral("电话"))
                                     << QString();
    QTest::newRow("no case_no") << QString(ok).replace(QStringLiteral("A-1"), QString()) << "case_no is required";
    QTest::newRow("no received") << QStringLiteral("A-1,,phone,,,,,,,,,,,,,") << "received_at is required";
    QTest::newRow("bad received") << QStringLiteral("A-1,yesterday,phone,,,,,,,,,,,,,")
                                  << "received_at \"yesterday\" is not a date-time";
    QTest::newRow("no channel") << QStringLiteral("A-1,2026-03-05 09:00,,,,,,,,,,,,,,") << "channel is required";
    QTest::newRow("bad channel") << QStringLiteral("A-1,2026-03-05 09:00,fax,,,,,,,,,,,,,")
                                 << "channel \"fax\" is not a channel";
    QTest::newRow("waited negative") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,-3,,,,,,,,")
                                     << "waited_minutes \"-3\" is not a whole number of 0 or more";
    QTest::newRow("waited text") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,ten,,,,,,,,")
                                 << "waited_minutes \"ten\"";
    QTest::newRow("rating 6") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,,,6,,")
                              << "rating \"6\" is not a whole number from 1 to 5";
    QTest::newRow("rating 0") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,,,0,,") << "rating \"0\"";
    QTest::newRow("nps 11") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,,,,11,")
                            << "nps \"11\" is not a whole number from 0 to 10";
    QTest::newRow("transfers") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,,,,,-1") << "transfers \"-1\"";
    QTest::newRow("ack before received") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,2026-03-05 08:59,,,,,,")
                                         << "acknowledged_at \"2026-03-05 08:59\" lies before received_at";
    QTest::newRow("answered before received")
        << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,2026-03-04 09:00,,,,,") << "answered_at";
    QTest::newRow("resolved before received")
        << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,2026-03-04 09:00,,,,") << "resolved_at";
    QTest::newRow("closed before received")
        << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,,2026-03-04 09:00,,,") << "closed_at";
    QTest::newRow("closed before resolved")
        << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,,,,2026-03-06 09:00,2026-03-05 10:00,,,")
        << "closed_at \"2026-03-05 10:00\" lies before resolved_at \"2026-03-06 09:00\"";
    QTest::newRow("long name") << QStringLiteral("A-1,2026-03-05 09:00,phone,%1,,,,,,,,,,,,").arg(QString(101, u'x'))
                               << "longer than 100 characters";
    QTest::newRow("nul") << QStringLiteral("A-1,2026-03-05 09:00,phone,,,,,,a%1b,,,,,,,").arg(QChar(0))
                         << "NUL character";
}

void TestCsvImport::caseRules()
{
    QFETCH(QString, line);
    QFETCH(QString, reason);
    const ImportFormat format(Import::Kind::Cases, kCaseHeader);
    const auto records = parse(QStringLiteral("h\n") + line + QLatin1Char('\n'));
    QCOMPARE(records.size(), 2);
    Import::CaseRow row;
    QString why;
    const bool accepted = format.caseRow(records[1], &row, &why);
    QCOMPARE(row.line, 2);
    if (reason.isEmpty()) {
        QVERIFY2(accepted, qPrintable(why));
        QCOMPARE(row.receivedAt, local(2026, 3, 5, 9, 0));
        QCOMPARE(row.channel, Channel::Phone);
        QCOMPARE(row.phone, QStringLiteral("13800138000"));
        QCOMPARE(row.rating, 4);
        QCOMPARE(row.nps, 9);
        QCOMPARE(row.transfers, 1);
        QCOMPARE(row.waitedMinutes, 5);
    } else {
        QVERIFY(!accepted);
        QVERIFY2(why.contains(reason), qPrintable(why));
    }
}

void TestCsvImport::queueRules_data()
{
    QTest::addColumn<QString>("line"); // ticket, service_item, window, issued_at, called_at, finished_at
    QTest::addColumn<QString>("reason");
    QTest::newRow("good") << QStringLiteral("A001,社保,1号窗口,2026-03-05 09:00,2026-03-05 09:20,2026-03-05 09:30")
                          << QString();
    QTest::newRow("left") << QStringLiteral("A002,社保,,2026-03-05 09:00,,") << QString();
    QTest::newRow("no ticket") << QStringLiteral(",社保,,2026-03-05 09:00,,") << "ticket is required";
    QTest::newRow("no issued") << QStringLiteral("A003,社保,,,,") << "issued_at is required";
    QTest::newRow("called before issued") << QStringLiteral("A004,,,2026-03-05 09:00,2026-03-05 08:00,")
                                          << "called_at \"2026-03-05 08:00\" lies before issued_at";
    QTest::newRow("finished before called")
        << QStringLiteral("A005,,,2026-03-05 09:00,2026-03-05 09:10,2026-03-05 09:05")
        << "finished_at \"2026-03-05 09:05\" lies before called_at";
    QTest::newRow("finished, never called")
        << QStringLiteral("A006,,,2026-03-05 09:00,,2026-03-05 09:05") << "called_at is empty";
}

void TestCsvImport::queueRules()
{
    QFETCH(QString, line);
    QFETCH(QString, reason);
    const ImportFormat format(Import::Kind::Queue, {QStringLiteral("ticket"), QStringLiteral("service_item"),
                                                    QStringLiteral("window"), QStringLiteral("issued_at"),
                                                    QStringLiteral("called_at"), QStringLiteral("finished_at")});
    const auto records = parse(QStringLiteral("h\n") + line + QLatin1Char('\n'));
    Import::QueueRow row;
    QString why;
    const bool accepted = format.queueRow(records[1], &row, &why);
    if (reason.isEmpty()) {
        QVERIFY2(accepted, qPrintable(why));
        QCOMPARE(row.issuedDay, QStringLiteral("2026-03-05"));
    } else {
        QVERIFY(!accepted);
        QVERIFY2(why.contains(reason), qPrintable(why));
    }
}

void TestCsvImport::fuzz()
{
    // Fixed seed: random bytes, unbalanced quotes, NUL bytes, invalid GB18030, huge fields and rows, cut files.
    QRandomGenerator rng(13);
    const QByteArray good =
        QStringLiteral("case_no,received_at,channel,summary\r\nA-1,2026-03-05 09:00,phone,\"a,b\"\r\n").toUtf8();
    int rejectedOrRead = 0;
    for (int i = 0; i < 3000; ++i) {
        QByteArray bytes = good;
        switch (i % 6) {
        case 0: // random bytes
            bytes.resize(int(rng.bounded(1, 400)));
            for (char& c : bytes) {
                c = char(rng.bounded(256));
            }
            break;
        case 1: // flipped and inserted bytes
            for (int k = 0; k < 5; ++k) {
                bytes.insert(int(rng.bounded(int(bytes.size()))), "\"\0\x81\r,\n"[rng.bounded(7)]);
            }
            break;
        case 2: // cut anywhere
            bytes.truncate(int(rng.bounded(int(bytes.size()))));
            break;
        case 3: // invalid GB18030 after valid GBK
            bytes += QByteArray("\xD6\xD0") + char(0x81 + rng.bounded(0x7e)) + char(rng.bounded(0x30));
            break;
        case 4: // unbalanced quotes
            bytes += QByteArray(int(rng.bounded(1, 5)), '"') + "A-2,2026";
            break;
        default: // NUL bytes
            bytes.replace(int(rng.bounded(int(bytes.size()))), 1, QByteArray(1, '\0'));
            break;
        }
        const auto decoded = ImportDecoder::decode(bytes);
        if (!decoded) {
            QVERIFY(!decoded.error().message.isEmpty());
            ++rejectedOrRead;
            continue;
        }
        CsvParser parser(decoded->text);
        CsvParser::Record record;
        std::optional<ImportFormat> format;
        while (parser.next(&record)) {
            if (!format) {
                format.emplace(Import::Kind::Cases, record.fields);
                continue;
            }
            Import::CaseRow row;
            QString why;
            if (!format->caseRow(record, &row, &why)) {
                QVERIFY(!why.isEmpty());
                QVERIFY(record.line >= 2);
            }
        }
        ++rejectedOrRead;
    }
    QCOMPARE(rejectedOrRead, 3000);
    // A 10 MB field and 100,000 columns: a reason each, quickly.
    const QString huge = QStringLiteral("h\n\"") + QString(10 << 20, u'x') + QStringLiteral("\"\n");
    QVERIFY(parse(huge)[1].problem.contains(QLatin1String("characters")));
    const QString wide = QStringList(100000, QStringLiteral("x")).join(QLatin1Char(','));
    const auto records = parse(wide + QLatin1Char('\n'));
    QCOMPARE(records.size(), 1);
    QVERIFY(records[0].problem.contains(QLatin1String("columns")));
    const ImportFormat widest(Import::Kind::Cases, records[0].fields);
    QVERIFY(!widest.problem().isEmpty());
}

QTEST_APPLESS_MAIN(TestCsvImport)
#include "tst_csv_import.moc"
