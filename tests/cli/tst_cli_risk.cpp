// `qingting-cli risk [--json]` (issue 16, CLI.md): the real CLI as a process, line for line, the JSON contract, the
// plain form, usage errors; its answers are RiskScorer's.

#include "risk/RiskScorer.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

/** qingting-cli risk, run as a process in a scratch home (no database is named, none may be created). */
class TestCliRisk : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void jsonLineForLine();
    void jsonAgreesWithTheScorer();
    void plainForm();
    void lineEndsAndEmptyLines_data();
    void lineEndsAndEmptyLines();
    void usageErrors_data();
    void usageErrors();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList& args, const QByteArray& input);

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
const QStringList kTexts{
    QStringLiteral(u"再不解决，我就去找电视台曝光你们！！"), QStringLiteral(u"我不会去曝光的，只是希望你们改进一下。"),
    QStringLiteral(u"工作人员说可以打12345咨询。"),          QStringLiteral(u"我要打12345投诉你们这个窗口。"),
    QStringLiteral(u"律师事务所的执照变更需要哪些材料？"),   QStringLiteral(u"窗口只开了两个，排队的人太多了。"),
};

QByteArray linesOf(const QStringList& texts)
{
    return (texts.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8();
}
} // namespace

void TestCliRisk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

TestCliRisk::Run TestCliRisk::cli(const QStringList& args, const QByteArray& input)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QINGTING_PG"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("xdg-data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("xdg-config")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(QINGTING_CLI), args);
    if (!p.waitForStarted(10000)) {
        return {};
    }
    p.write(input);
    p.closeWriteChannel();
    Run run;
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit) {
        p.kill();
        p.waitForFinished(5000);
        run.err = QStringLiteral("qingting-cli did not finish");
        return run;
    }
    run.exitCode = p.exitCode();
    run.out = QString::fromUtf8(p.readAllStandardOutput());
    run.err = QString::fromUtf8(p.readAllStandardError());
    return run;
}

void TestCliRisk::jsonLineForLine()
{
    const Run run = cli({QStringLiteral("risk"), QStringLiteral("--json")}, linesOf(kTexts));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), kTexts.size() + 1); // one line each, every one ended by \n
    QVERIFY(lines.last().isEmpty());
    const QSet<QString> known{QStringLiteral("media"),  QStringLiteral("legal"), QStringLiteral("petition"),
                              QStringLiteral("safety"), QStringLiteral("group"), QStringLiteral("strong_emotion"),
                              QStringLiteral("repeat")};
    QList<QJsonObject> results;
    for (qsizetype i = 0; i < kTexts.size(); ++i) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i).toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && doc.isObject(), qPrintable(lines.at(i)));
        const QJsonObject o = doc.object();
        QCOMPARE(o.keys(), (QStringList{QStringLiteral("level"), QStringLiteral("score"), QStringLiteral("signals")}));
        QVERIFY(o.value(QStringLiteral("score")).isDouble());
        const int score = o.value(QStringLiteral("score")).toInt();
        QVERIFY(score >= 0 && score <= 100);
        QVERIFY(QStringList({QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")})
                    .contains(o.value(QStringLiteral("level")).toString()));
        QVERIFY(o.value(QStringLiteral("signals")).isArray());
        for (const QJsonValue& s : o.value(QStringLiteral("signals")).toArray()) {
            QVERIFY2(known.contains(s.toString()), qPrintable(s.toString()));
        }
        results.append(o);
    }
    // The threat fires; the negation, the reported speech, the innocent sense and the ordinary complaint do not.
    QCOMPARE(results.at(0).value(QStringLiteral("level")).toString(), QStringLiteral("high"));
    QCOMPARE(results.at(0).value(QStringLiteral("signals")).toArray(),
             (QJsonArray{QStringLiteral("media"), QStringLiteral("strong_emotion")}));
    for (int i : {1, 2, 4, 5}) {
        QCOMPARE(results.at(i).value(QStringLiteral("score")).toInt(), 0);
        QCOMPARE(results.at(i).value(QStringLiteral("level")).toString(), QStringLiteral("low"));
        QVERIFY(results.at(i).value(QStringLiteral("signals")).toArray().isEmpty());
    }
    QCOMPARE(results.at(3).value(QStringLiteral("signals")).toArray(), QJsonArray{QStringLiteral("petition")});
    QCOMPARE(results.at(3).value(QStringLiteral("level")).toString(), QStringLiteral("medium"));
    // No database was named and none was created for this.
    QVERIFY(!QDir(m_dir->filePath(QStringLiteral("xdg-data"))).exists());
}

void TestCliRisk::jsonAgreesWithTheScorer()
{
    const RiskScorer scorer;
    const Run run = cli({QStringLiteral("risk"), QStringLiteral("--json")}, linesOf(kTexts));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), kTexts.size());
    for (qsizetype i = 0; i < kTexts.size(); ++i) {
        const RiskResult expected = scorer.score(kTexts.at(i));
        const QJsonObject o = QJsonDocument::fromJson(lines.at(i).toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("score")).toInt(), expected.score);
        QCOMPARE(o.value(QStringLiteral("level")).toString(), RiskLevels::code(expected.level));
        QCOMPARE(o.value(QStringLiteral("signals")).toVariant().toStringList(), expected.signalCodes());
    }
}

void TestCliRisk::plainForm()
{
    // score <TAB> level <TAB> signals (comma-separated, "-" for none) <TAB> evidence (code:words@start+weight …)
    const Run run = cli({QStringLiteral("risk")}, linesOf({kTexts.at(0), kTexts.at(5)}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const RiskResult expected = RiskScorer().score(kTexts.at(0));
    const QStringList first = lines.at(0).split(QLatin1Char('\t'));
    QCOMPARE(first.size(), 4);
    QCOMPARE(first.at(0), QString::number(expected.score));
    QCOMPARE(first.at(1), QStringLiteral("high"));
    QCOMPARE(first.at(2), QStringLiteral("media,strong_emotion"));
    const RiskEvidence& tv = expected.signal(RiskSignalKind::Media)->evidence.first();
    QVERIFY2(first.at(3).contains(QStringLiteral("media:%1@%2+%3").arg(tv.words).arg(tv.start).arg(tv.weight)),
             qPrintable(first.at(3)));
    QVERIFY(first.at(3).contains(QStringLiteral(u"media:曝光@")));
    QCOMPARE(lines.at(1), QStringLiteral("0\tlow\t-\t"));
}

void TestCliRisk::lineEndsAndEmptyLines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("lines");
    QTest::newRow("nothing") << QByteArray() << 0;
    QTest::newRow("an empty line scores 0") << QByteArray("\n") << 1;
    QTest::newRow("a last line without newline") << QStringLiteral(u"我要起诉\n\n我要曝光").toUtf8() << 3;
    QTest::newRow("CRLF") << QStringLiteral(u"我要起诉\r\n我要曝光\r\n").toUtf8() << 2;
}

void TestCliRisk::lineEndsAndEmptyLines()
{
    QFETCH(QByteArray, input);
    QFETCH(int, lines);
    const Run run = cli({QStringLiteral("risk"), QStringLiteral("--json")}, input);
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(run.out.count(QLatin1Char('\n')), lines);
    QVERIFY(!run.out.contains(QLatin1Char('\r')));
    for (const QString& line : run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY(o.contains(QStringLiteral("score")));
    }
    if (lines == 3) {
        QVERIFY(run.out.section(QLatin1Char('\n'), 1, 1).contains(QStringLiteral("\"score\":0")));
        QVERIFY(run.out.section(QLatin1Char('\n'), 2, 2).contains(QStringLiteral("media")));
    }
}

void TestCliRisk::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::newRow("a file name") << QStringList{QStringLiteral("risk"), QStringLiteral("texts.txt")};
    QTest::newRow("an unknown option") << QStringList{QStringLiteral("risk"), QStringLiteral("--csv")};
}

void TestCliRisk::usageErrors()
{
    QFETCH(QStringList, args);
    const Run run = cli(args, "我要起诉\n");
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY(!run.err.isEmpty());
}

QTEST_GUILESS_MAIN(TestCliRisk)
#include "tst_cli_risk.moc"
