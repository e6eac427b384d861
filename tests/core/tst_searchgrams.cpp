#include "search/SearchGrams.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

#include <algorithm>

namespace {
/** `grams` sorted the way QString sorts, the order ofText promises. */
QStringList sorted(QStringList grams)
{
    std::sort(grams.begin(), grams.end());
    return grams;
}

/**
 * A straightforward version of ofText to compare the fast one with: split into characters (a surrogate pair of a
 * letter is one), runs of letters and digits, ASCII lower-cased, a set of singles and pairs, sorted.
 */
QStringList referenceGrams(const QString& text)
{
    QSet<QString> grams;
    QString previous;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString character(text.at(i));
        char32_t code = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            character += text.at(i + 1);
            code = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        if (!QChar::isLetterOrNumber(code)) {
            previous.clear();
            continue;
        }
        if (code >= 'A' && code <= 'Z') {
            character = character.toLower();
        }
        grams.insert(character);
        if (!previous.isEmpty()) {
            grams.insert(previous + character);
        }
        previous = character;
    }
    return sorted(QStringList(grams.begin(), grams.end()));
}

QString randomText(QRandomGenerator& random)
{
    // Letters, digits, separators, CJK, full-width forms, letters outside the BMP, an emoji and lone surrogates.
    static const QList<QString> pieces{
        QStringLiteral("a"),          QStringLiteral("Z"),          QStringLiteral("q"),
        QStringLiteral("7"),          QStringLiteral("0"),          QStringLiteral(" "),
        QStringLiteral("\n"),         QStringLiteral(","),          QStringLiteral("-"),
        QStringLiteral("营"),         QStringLiteral("业"),         QStringLiteral("执"),
        QStringLiteral("照"),         QStringLiteral("，"),         QStringLiteral("。"),
        QStringLiteral("Ａ"),         QStringLiteral("１"),         QStringLiteral("É"),
        QStringLiteral("ª"),          QStringLiteral("\U00020000"), QStringLiteral("\U0002A6D6"),
        QStringLiteral("\U0001F600"), QString(QChar(0xD840)),       QString(QChar(0xDC00)),
        QStringLiteral("号"),         QStringLiteral("窗"),         QStringLiteral("\u3007"),
        QStringLiteral("\uFFFF"),
    };
    QString text;
    const int length = random.bounded(0, 40);
    for (int i = 0; i < length; ++i) {
        text += pieces.at(random.bounded(qsizetype(pieces.size())));
    }
    return text;
}
} // namespace

/** How case text is cut into grams for the search index (SearchGrams). */
class TestSearchGrams : public QObject
{
    Q_OBJECT

private slots:
    void textGrams_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("Chinese") << QStringLiteral("营业执照")
                                 << QStringList{QStringLiteral("营"),  QStringLiteral("业"),   QStringLiteral("执"),
                                                QStringLiteral("照"),  QStringLiteral("营业"), QStringLiteral("业执"),
                                                QStringLiteral("执照")};
        QTest::newRow("ASCII, lower-cased, runs")
            << QStringLiteral("Ab1, c") << QStringList{QStringLiteral("a"),  QStringLiteral("b"),  QStringLiteral("1"),
                                                       QStringLiteral("ab"), QStringLiteral("b1"), QStringLiteral("c")};
        QTest::newRow("mixed") << QStringLiteral("苏A9")
                               << QStringList{QStringLiteral("苏"), QStringLiteral("a"), QStringLiteral("9"),
                                              QStringLiteral("苏a"), QStringLiteral("a9")};
        QTest::newRow("repeats once") << QStringLiteral("abab aB")
                                      << QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("ab"),
                                                     QStringLiteral("ba")};
        QTest::newRow("punctuation only") << QStringLiteral("，。!? -") << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
        QTest::newRow("surrogate pair letter")
            << QStringLiteral("\U00020000好")
            << QStringList{QStringLiteral("\U00020000"), QStringLiteral("好"), QStringLiteral("\U00020000好")};
        QTest::newRow("two surrogate pairs") << QStringLiteral("\U00020000\U0002A6D6")
                                             << QStringList{QStringLiteral("\U00020000"), QStringLiteral("\U0002A6D6"),
                                                            QStringLiteral("\U00020000\U0002A6D6")};
        QTest::newRow("emoji separates") << QStringLiteral("好\U0001F600学")
                                         << QStringList{QStringLiteral("好"), QStringLiteral("学")};
        QTest::newRow("lone surrogate separates") << (QStringLiteral("好") + QChar(0xD840) + QStringLiteral("学"))
                                                  << QStringList{QStringLiteral("好"), QStringLiteral("学")};
        QTest::newRow("non-ASCII letters kept as they are")
            << QStringLiteral("Éa") << QStringList{QStringLiteral("É"), QStringLiteral("a"), QStringLiteral("Éa")};
    }

    void textGrams()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const QStringList grams = SearchGrams::ofText(text);
        QCOMPARE(grams, sorted(expected));
        QCOMPARE(SearchGrams::joined(text, {}, u" ", {}), sorted(expected).join(QLatin1Char(' ')));
        QCOMPARE(SearchGrams::joined(text, u"{\"", u"\",\"", u"\"}"),
                 expected.isEmpty()
                     ? QString()
                     : QLatin1String("{\"") + sorted(expected).join(QLatin1String("\",\"")) + QLatin1String("\"}"));
    }

    void termGrams_data()
    {
        QTest::addColumn<QString>("term");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("Chinese pairs in order")
            << QStringLiteral("营业执照")
            << QStringList{QStringLiteral("营业"), QStringLiteral("业执"), QStringLiteral("执照")};
        QTest::newRow("one character") << QStringLiteral("营") << QStringList{QStringLiteral("营")};
        QTest::newRow("runs of one") << QStringLiteral("A-b") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("distinct pairs") << QStringLiteral("abab")
                                        << QStringList{QStringLiteral("ab"), QStringLiteral("ba")};
        QTest::newRow("mixed") << QStringLiteral("苏A9") << QStringList{QStringLiteral("苏a"), QStringLiteral("a9")};
        QTest::newRow("surrogate pair") << QStringLiteral("\U00020000好")
                                        << QStringList{QStringLiteral("\U00020000好")};
        QTest::newRow("no letters") << QStringLiteral("，。!") << QStringList{};
    }

    void termGrams()
    {
        QFETCH(QString, term);
        QFETCH(QStringList, expected);
        QCOMPARE(SearchGrams::ofTerm(term), expected);
    }

    void normalizedTerm()
    {
        QCOMPARE(SearchGrams::normalizedTerm(QStringLiteral("  ABC中文Ｘ ")), QStringLiteral("abc中文Ｘ"));
        QCOMPARE(SearchGrams::normalizedTerm(QStringLiteral(" \t")), QString());
    }

    /** The fast path gives exactly what the straightforward version gives, on random mixed text. */
    void matchesTheReference()
    {
        QRandomGenerator random(20261130);
        for (int i = 0; i < 5000; ++i) {
            const QString text = randomText(random);
            const QStringList expected = referenceGrams(text);
            QCOMPARE(SearchGrams::ofText(text), expected);
            QCOMPARE(SearchGrams::joined(text, {}, u" ", {}), expected.join(QLatin1Char(' ')));
        }
    }
};

QTEST_APPLESS_MAIN(TestSearchGrams)
#include "tst_searchgrams.moc"
