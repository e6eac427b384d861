// bench_risk (issue 16, helper "risk16"): RiskScorer::score on the risk corpora's texts, one thread. Prints RESULT
// lines for run-bench.sh.
//   bench_risk CORPUS.tsv [CORPUS.tsv ...] [--texts N]
// Two shapes: the corpus lines as written (one complaint sentence, 8–40 characters) and "long" texts of five lines
// joined (a case's summary and notes, 60–150 characters). The budget is the issue's: at least 10,000 texts a second
// on one core, so 100 µs a text.

#include "BenchSupport.h"
#include "risk/RiskScorer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

using namespace Bench;

namespace {
QStringList corpusTexts(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QStringList texts;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#'))) {
            texts.append(line.section(QLatin1Char('\t'), 0, 0));
        }
    }
    return texts;
}

/** Scores `count` texts taken in turn from `texts`, `runs` times; the median run's µs a text. */
double microsecondsPerText(const RiskScorer& scorer, const QStringList& texts, int count, int runs, int* highs)
{
    QList<double> perText;
    for (int run = 0; run < runs; ++run) {
        int high = 0;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < count; ++i) {
            RiskInput input;
            input.text = texts.at(i % texts.size());
            input.earlierCases = i % 4;
            high += scorer.score(input).level == RiskLevel::High;
        }
        perText.append(double(timer.nsecsElapsed()) / 1000.0 / count);
        *highs = high;
    }
    return median(perText);
}
} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    int count = 100000;
    if (const qsizetype at = args.indexOf(QStringLiteral("--texts")); at >= 0 && at + 1 < args.size()) {
        count = args.at(at + 1).toInt();
        args.remove(at, 2);
    }
    QStringList texts;
    for (const QString& path : args) {
        texts += corpusTexts(path);
    }
    if (texts.isEmpty() || count <= 0) {
        err(QStringLiteral("usage: bench_risk CORPUS.tsv [CORPUS.tsv ...] [--texts N]"));
        return 2;
    }
    QStringList longTexts;
    for (qsizetype i = 0; i < texts.size(); ++i) {
        QStringList five;
        for (int k = 0; k < 5; ++k) {
            five.append(texts.at((i * 7 + k * 31) % texts.size()));
        }
        longTexts.append(five.join(QString()));
    }

    QElapsedTimer timer;
    timer.start();
    const RiskScorer scorer; // loads and compiles the built-in rules
    result(QStringLiteral("risk_rules_load"), ms(timer), QStringLiteral("ms"));
    err(QStringLiteral("%1 corpus texts, %2 scored per run, 5 runs, median").arg(texts.size()).arg(count));

    int highs = 0;
    const double shortUs = microsecondsPerText(scorer, texts, count, 5, &highs);
    err(QStringLiteral("short texts: %1 high of %2").arg(highs).arg(count));
    result(QStringLiteral("risk_score_short_us"), shortUs, QStringLiteral("µs/text"), QStringLiteral("≤ 100"), 100);
    result(QStringLiteral("risk_score_short_per_s"), 1e6 / shortUs, QStringLiteral("texts/s"),
           QStringLiteral("≥ 10000"));
    const double longUs = microsecondsPerText(scorer, longTexts, count, 5, &highs);
    err(QStringLiteral("long texts: %1 high of %2").arg(highs).arg(count));
    result(QStringLiteral("risk_score_long_us"), longUs, QStringLiteral("µs/text"), QStringLiteral("≤ 100"), 100);
    result(QStringLiteral("risk_score_long_per_s"), 1e6 / longUs, QStringLiteral("texts/s"), QStringLiteral("≥ 10000"));
    return 0;
}
