// The anonymizer (issue 15): the corpus of complaint-desk Chinese and its held-out set (every personal item gone,
// every word to keep still there), and unit checks of the rules that are logic (checksum, Luhn, labels).

#include "training/Anonymizer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

namespace {
struct CorpusLine
{
    int number = 0;
    QString text;
    QStringList items;
    QStringList keep;
};

QList<CorpusLine> readCorpus(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QList<CorpusLine> lines;
    int number = 0;
    for (const QString& raw : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        ++number;
        if (raw.isEmpty() || raw.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QStringList fields = raw.split(QLatin1Char('\t'));
        if (fields.size() != 3) {
            qFatal("%s:%d: %d fields, want 3", qPrintable(path), number, int(fields.size()));
        }
        lines.append({number, fields.at(0), fields.at(1).split(QLatin1Char('|'), Qt::SkipEmptyParts),
                      fields.at(2).split(QLatin1Char('|'), Qt::SkipEmptyParts)});
    }
    return lines;
}

/** Digits only, full-width and read-out Chinese digits made ASCII: the form a leaked number is searched in. */
QString digitForm(const QString& text)
{
    static const QString chinese = QStringLiteral(u"〇一二三四五六七八九");
    QString out;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= 0xFF10 && u <= 0xFF19) {
            c = QChar(u - 0xFEE0);
        } else if (u == 0xFF38 || u == 0xFF58) {
            c = QLatin1Char('X');
        }
        if (const qsizetype d = chinese.indexOf(c); d >= 0) {
            c = QChar(u'0' + int(d));
        }
        if (c.isDigit() || c == u'X' || c == u'x') {
            out.append(c.toUpper());
        }
    }
    return out;
}

struct Rates
{
    int items = 0;
    int itemsMasked = 0;
    int keep = 0;
    int kept = 0;
    QStringList misses;
};

Rates runCorpus(const QList<CorpusLine>& corpus)
{
    Rates rates;
    for (const CorpusLine& line : corpus) {
        Anonymizer anonymizer; // one case a line: every line must stand on its own
        const QString out = anonymizer.anonymize(line.text);
        const QString outDigits = digitForm(out);
        for (const QString& item : line.items) {
            ++rates.items;
            const QString itemDigits = digitForm(item);
            const bool leaked = out.contains(item) || (itemDigits.size() >= 7 && outDigits.contains(itemDigits));
            if (leaked) {
                rates.misses.append(
                    QStringLiteral("line %1: item \"%2\" survives: %3").arg(line.number).arg(item, out));
            } else {
                ++rates.itemsMasked;
            }
        }
        for (const QString& word : line.keep) {
            ++rates.keep;
            if (out.contains(word)) {
                ++rates.kept;
            } else {
                rates.misses.append(QStringLiteral("line %1: keep \"%2\" lost: %3").arg(line.number).arg(word, out));
            }
        }
    }
    return rates;
}

/** Prints the rates and every miss; fails below the floors (in per cent; 100 = no miss allowed). */
void checkRates(const char* name, const Rates& rates, double maskedFloor = 100.0, double keptFloor = 100.0)
{
    for (const QString& miss : rates.misses) {
        qWarning("%s", qPrintable(miss));
    }
    const double masked = 100.0 * rates.itemsMasked / std::max(1, rates.items);
    const double kept = 100.0 * rates.kept / std::max(1, rates.keep);
    qInfo("%s: personal items masked %d/%d (%.1f%%), words kept %d/%d (%.1f%%)", name, rates.itemsMasked, rates.items,
          masked, rates.kept, rates.keep, kept);
    if (maskedFloor >= 100.0 && keptFloor >= 100.0) {
        QVERIFY2(rates.misses.isEmpty(), qPrintable(QStringLiteral("%1 misses").arg(rates.misses.size())));
    }
    QVERIFY2(masked >= maskedFloor, qPrintable(QStringLiteral("masked %1%, floor %2%").arg(masked).arg(maskedFloor)));
    QVERIFY2(kept >= keptFloor, qPrintable(QStringLiteral("kept %1%, floor %2%").arg(kept).arg(keptFloor)));
}

/** The second held-out set (the known misses of issue 15, helper anon15b), next to the first one. */
QString heldOutMissesPath()
{
    return QFileInfo(QStringLiteral(QINGTING_ANONYMIZE_HELDOUT)).absolutePath() +
           QStringLiteral("/anonymize_heldout_misses.tsv");
}

QString masked(const QString& text)
{
    Anonymizer a;
    return a.anonymize(text);
}

QString fullWidth(QString text)
{
    for (QChar& c : text) {
        if (c.unicode() > 0x20 && c.unicode() < 0x7F) {
            c = QChar(c.unicode() + 0xFEE0);
        }
    }
    return text;
}

/** The check digit of the first 17 digits of an ID number (GB 11643). */
QChar idCheck(const QString& first17)
{
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        sum += first17.at(i).digitValue() * weights[i];
    }
    return QLatin1Char("10X98765432"[sum % 11]);
}

/** The Luhn check digit for a card number's body. */
QChar luhnCheck(const QString& body)
{
    int sum = 0;
    for (qsizetype i = body.size() - 1, k = 0; i >= 0; --i, ++k) {
        int n = body.at(i).digitValue();
        if (k % 2 == 0) {
            n *= 2;
            n = n > 9 ? n - 9 : n;
        }
        sum += n;
    }
    return QChar(u'0' + (10 - sum % 10) % 10);
}
} // namespace

class TestAnonymizer : public QObject
{
    Q_OBJECT

private slots:
    void corpusIsLargeAndCoversEveryKind();
    void corpus();
    void heldOut();
    void heldOutMisses();
    void idNumbers_data();
    void idNumbers();
    void mistypedIdAfterCue();
    void bankCards_data();
    void bankCards();
    void phones_data();
    void phones();
    void labelsAreConsistent();
    void titleThenBareIsOnePerson();
    void knownPeople();
    void knownCitizenTitleAndGivenName();
    void latinNames();
    void weChatAndQq();
    void communityWithoutNumber();
    void keepWords();
    void itemsPointIntoTheOriginal();
    void leaks();
    void speed();
};

void TestAnonymizer::corpusIsLargeAndCoversEveryKind()
{
    const auto corpus = readCorpus(QStringLiteral(QINGTING_ANONYMIZE_CORPUS));
    const auto heldOut = readCorpus(QStringLiteral(QINGTING_ANONYMIZE_HELDOUT));
    QVERIFY2(corpus.size() >= 320, qPrintable(QString::number(corpus.size())));
    QVERIFY2(heldOut.size() >= 60, qPrintable(QString::number(heldOut.size())));
    const auto misses = readCorpus(heldOutMissesPath());
    QVERIFY2(misses.size() >= 60, qPrintable(QString::number(misses.size())));
    // Every kind of item is in the corpus many times: count what the masks say.
    QHash<PersonalItemKind, int> kinds;
    for (const CorpusLine& line : corpus) {
        Anonymizer a;
        QList<PersonalItem> items;
        a.anonymize(line.text, &items);
        for (const PersonalItem& item : items) {
            ++kinds[item.kind];
        }
    }
    for (PersonalItemKind kind :
         {PersonalItemKind::CitizenName, PersonalItemKind::StaffName, PersonalItemKind::Mobile,
          PersonalItemKind::Landline, PersonalItemKind::IdNumber, PersonalItemKind::BankCard, PersonalItemKind::Email,
          PersonalItemKind::WeChat, PersonalItemKind::Plate, PersonalItemKind::Address, PersonalItemKind::QQ}) {
        QVERIFY2(kinds.value(kind) >= 8,
                 qPrintable(QStringLiteral("%1: %2").arg(Anonymizer::label(kind)).arg(kinds.value(kind))));
    }
}

void TestAnonymizer::corpus()
{
    checkRates("corpus", runCorpus(readCorpus(QStringLiteral(QINGTING_ANONYMIZE_CORPUS))));
}

void TestAnonymizer::heldOut()
{
    checkRates("held-out", runCorpus(readCorpus(QStringLiteral(QINGTING_ANONYMIZE_HELDOUT))));
}

void TestAnonymizer::heldOutMisses()
{
    // Never tuned against, so not held to 100 %: the floors are the rates measured when the rules were tuned on the
    // corpus (69/78 masked, 166/167 kept; 37/78 and 161/167 before), and a change may only raise them.
    checkRates("held-out (known misses)", runCorpus(readCorpus(heldOutMissesPath())), 88.0, 99.0);
}

void TestAnonymizer::idNumbers_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("isId");
    const QString body = QStringLiteral("11010519491231002");
    const QChar check = idCheck(body);
    QTest::newRow("valid") << body + check << true;
    const QChar wrong = check == u'1' ? u'2' : u'1';
    QTest::newRow("wrong checksum stays") << body + wrong << false;
    // A body whose check digit is X, found by trying sequence numbers.
    QString xBody;
    for (int seq = 0; seq < 1000 && xBody.isEmpty(); ++seq) {
        const QString b = QStringLiteral("44030519800101") + QStringLiteral("%1").arg(seq, 3, 10, QLatin1Char('0'));
        if (idCheck(b) == u'X') {
            xBody = b;
        }
    }
    QTest::newRow("X") << xBody + QLatin1Char('X') << true;
    QTest::newRow("x lower case") << xBody + QLatin1Char('x') << true;
    QTest::newRow("full-width") << fullWidth(xBody + QLatin1Char('X')) << true;
    const QString badDate = QStringLiteral("11010519491331002");
    QTest::newRow("month 13 stays") << badDate + idCheck(badDate) << false;
    const QString badProvince = QStringLiteral("99010519491231002");
    QTest::newRow("unknown province stays") << badProvince + idCheck(badProvince) << false;
    QTest::newRow("15 digits") << QStringLiteral("110105491231002") << true;
    QTest::newRow("15 digits, no date") << QStringLiteral("110105491331002") << false;
    QTest::newRow("date 20261130 stays") << QStringLiteral("20261130") << false;
}

void TestAnonymizer::mistypedIdAfterCue()
{
    // After 身份证号 a wrong check digit is a citizen's mistyped ID: masked. Without the cue it stays (idNumbers).
    const QString body = QStringLiteral("11010519491231002");
    const QChar check = idCheck(body);
    const QString wrong = body + (check == u'1' ? u'2' : u'1');
    Anonymizer a;
    const QString out = a.anonymize(QStringLiteral(u"我的身份证号是") + wrong + QStringLiteral(u"，请核对。"));
    QVERIFY2(!out.contains(wrong), qPrintable(out));
    QVERIFY(out.contains(Anonymizer::label(PersonalItemKind::IdNumber)));
    const QString month13 = QStringLiteral("11010519491331002");
    const QString kept = Anonymizer().anonymize(QStringLiteral(u"身份证号") + month13 + idCheck(month13));
    QVERIFY2(kept.contains(month13), qPrintable(kept)); // no real birth date: not an ID even after the cue
}

void TestAnonymizer::idNumbers()
{
    QFETCH(QString, number);
    QFETCH(bool, isId);
    Anonymizer a;
    QList<PersonalItem> items;
    const QString out = a.anonymize(QStringLiteral(u"编号") + number + QStringLiteral(u"，请核对。"), &items);
    QCOMPARE(out.contains(Anonymizer::label(PersonalItemKind::IdNumber)), isId);
    // Not an ID: it stays, unless it is a Luhn-valid 16–19-digit run (then it is a card, the documented rule).
    const bool card = std::any_of(items.begin(), items.end(),
                                  [](const PersonalItem& i) { return i.kind == PersonalItemKind::BankCard; });
    QCOMPARE(out.contains(number), !isId && !card);
    QCOMPARE(items.size(), isId || card ? 1 : 0);
}

void TestAnonymizer::bankCards_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("isCard");
    for (int length : {16, 17, 18, 19}) {
        const QString body = QStringLiteral("6222020200112233445").left(length - 1);
        const QChar check = luhnCheck(body);
        QTest::addRow("%d digits, Luhn", length) << body + check << true;
        QTest::addRow("%d digits, not Luhn", length) << body + QChar(u'0' + (check.digitValue() + 1) % 10) << false;
    }
    const QString body = QStringLiteral("622848001122334");
    const QString card = body + luhnCheck(body);
    QTest::newRow("grouped by four") << card.left(4) + u' ' + card.mid(4, 4) + u' ' + card.mid(8, 4) + u' ' +
                                            card.mid(12)
                                     << true;
    QTest::newRow("dashes") << card.left(4) + u'-' + card.mid(4, 4) + u'-' + card.mid(8, 4) + u'-' + card.mid(12)
                            << true;
    QTest::newRow("15 digits never") << QStringLiteral("622848001122334") << false;
    QTest::newRow("20 digits never") << QStringLiteral("62284800112233445566") << false;
}

void TestAnonymizer::bankCards()
{
    QFETCH(QString, number);
    QFETCH(bool, isCard);
    const QString out = masked(QStringLiteral(u"卡号") + number + QStringLiteral(u"，谢谢"));
    QCOMPARE(out.contains(Anonymizer::label(PersonalItemKind::BankCard)), isCard);
}

void TestAnonymizer::phones_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("mask");
    const QString mobile = Anonymizer::label(PersonalItemKind::Mobile);
    const QString landline = Anonymizer::label(PersonalItemKind::Landline);
    QTest::newRow("plain") << QStringLiteral(u"电话13812345678。") << mobile;
    QTest::newRow("+86") << QStringLiteral(u"电话+86 138 1234 5678。") << mobile;
    QTest::newRow("86-") << QStringLiteral(u"电话86-138-1234-5678。") << mobile;
    QTest::newRow("full-width") << QStringLiteral(u"电话１３８１２３４５６７８。") << mobile;
    QTest::newRow("read out") << QStringLiteral(u"电话一三八一二三四五六七八。") << mobile;
    QTest::newRow("Beijing") << QStringLiteral(u"座机010-12345678。") << landline;
    QTest::newRow("parentheses") << QStringLiteral(u"座机(021)6888-1234。") << landline;
    QTest::newRow("full-width dash") << QStringLiteral(u"座机0571－87654321。") << landline;
    QTest::newRow("12345 stays") << QStringLiteral(u"打了12345。") << QString();
    QTest::newRow("400 stays") << QStringLiteral(u"热线400-810-1234。") << QString();
    QTest::newRow("case number stays") << QStringLiteral(u"工单QT-20261130-0042。") << QString();
    QTest::newRow("12 digits no mobile") << QStringLiteral(u"编号138123456789。") << QString();
    // 7–8-digit local numbers without an area code after a phone cue; a date after the cue stays.
    QTest::newRow("local, 8 digits after a cue") << QStringLiteral(u"座机号 87654321。") << landline;
    QTest::newRow("local, 8 digits after da") << QStringLiteral(u"有事打82345671找我。") << landline;
    QTest::newRow("7 digits after filler") << QStringLiteral(u"座机号码：本地的5678123") << landline;
    QTest::newRow("date after cue stays") << QStringLiteral(u"电话回访时间20261130。") << QString();
    QTest::newRow("dayin stays") << QStringLiteral(u"打印了1000份。") << QString();
    QTest::newRow("amount stays") << QStringLiteral(u"电话费12345678元。") << QString();
}

void TestAnonymizer::phones()
{
    QFETCH(QString, text);
    QFETCH(QString, mask);
    const QString out = masked(text);
    if (mask.isEmpty()) {
        QCOMPARE(out, text);
    } else {
        QVERIFY2(out.contains(mask), qPrintable(out));
        QVERIFY2(!out.contains(QRegularExpression(QStringLiteral("[0-9０-９]{4}"))), qPrintable(out));
    }
}

void TestAnonymizer::labelsAreConsistent()
{
    Anonymizer a;
    const QString first = a.anonymize(QStringLiteral(u"王先生说李女士也来过。"));
    QCOMPARE(first, QStringLiteral(u"市民甲说市民乙也来过。"));
    // Across texts of one Anonymizer: the same people, the same labels; a new one gets the next.
    QCOMPARE(a.anonymize(QStringLiteral(u"李女士又来了，王先生没来，张阿姨第一次来。")),
             QStringLiteral(u"市民乙又来了，市民甲没来，市民丙第一次来。"));
    // Staff count on their own.
    QCOMPARE(a.anonymize(QStringLiteral(u"经办人：冯涛；周主任批示。")),
             QStringLiteral(u"经办人：工作人员甲；工作人员乙批示。"));
    // A fresh Anonymizer starts again.
    QCOMPARE(masked(QStringLiteral(u"张阿姨")), QStringLiteral(u"市民甲"));
}

void TestAnonymizer::titleThenBareIsOnePerson()
{
    Anonymizer a;
    QCOMPARE(a.anonymize(QStringLiteral(u"王建国先生来办退休审批。")), QStringLiteral(u"市民甲来办退休审批。"));
    QCOMPARE(a.anonymize(QStringLiteral(u"后来王建国又打电话，王建国很着急。")),
             QStringLiteral(u"后来市民甲又打电话，市民甲很着急。"));
    // 王先生 first, the full name later: one person when the surname is unambiguous.
    Anonymizer b;
    QCOMPARE(b.anonymize(QStringLiteral(u"王先生来电。")), QStringLiteral(u"市民甲来电。"));
    QCOMPARE(b.anonymize(QStringLiteral(u"我叫王建国。")), QStringLiteral(u"我叫市民甲。"));
    QCOMPARE(b.anonymize(QStringLiteral(u"王建国先生要求回复。")), QStringLiteral(u"市民甲要求回复。"));
}

void TestAnonymizer::knownPeople()
{
    Anonymizer a;
    a.addKnownPerson({KnownPerson::Kind::Citizen,
                      QStringLiteral(u"龚晓"),
                      {QStringLiteral("+86 139-0000-1234"), QStringLiteral("Gx@Example.com")}});
    a.addKnownPerson({KnownPerson::Kind::Staff, QStringLiteral(u"何其芳"), {}});
    // A name no rule would find (no cue, no title, rare surname in a bare position) is masked because it is known.
    QList<PersonalItem> items;
    const QString out = a.anonymize(
        QStringLiteral(u"今天龚晓打来，号码１３９００００１２３４，邮箱gx@example.com，何其芳接的。"), &items);
    QCOMPARE(out, QStringLiteral(u"今天市民甲打来，号码〔手机号〕，邮箱〔邮箱〕，工作人员甲接的。"));
    QCOMPARE(items.size(), 4);
    QCOMPARE(items.at(0).kind, PersonalItemKind::CitizenName);
    QCOMPARE(items.at(3).kind, PersonalItemKind::StaffName);
}

void TestAnonymizer::knownCitizenTitleAndGivenName()
{
    Anonymizer a;
    a.addKnownPerson({KnownPerson::Kind::Citizen, QStringLiteral(u"王建国"), {}});
    a.addKnownPerson({KnownPerson::Kind::Staff, QStringLiteral(u"李文华"), {}});
    // 王先生 is the case's known citizen 王建国, even with another 王 in the text (王芳, a second citizen).
    QCOMPARE(a.anonymize(QStringLiteral(u"我叫王芳，是王先生的邻居。")),
             QStringLiteral(u"我叫市民乙，是市民甲的邻居。"));
    // The given name alone is the same person; where it runs into a place (建国路) it stays.
    QCOMPARE(a.anonymize(QStringLiteral(u"建国说他住在建国路附近。")), QStringLiteral(u"市民甲说他住在建国路附近。"));
    QCOMPARE(a.anonymize(QStringLiteral(u"文华已经回访，建国阿姨不在家。")),
             QStringLiteral(u"工作人员甲已经回访，市民甲不在家。"));
    // A one-character given name is never taken alone (王芳 → 芳).
    QCOMPARE(a.anonymize(QStringLiteral(u"芳香。")), QStringLiteral(u"芳香。"));
    // Learned from the text, not given: the same.
    Anonymizer b;
    QCOMPARE(b.anonymize(QStringLiteral(u"市民赵国强来电，国强说腿不好。")),
             QStringLiteral(u"市民甲来电，市民甲说腿不好。"));
}

void TestAnonymizer::latinNames()
{
    Anonymizer a;
    QCOMPARE(a.anonymize(QStringLiteral(u"我叫Zhang Wei，想问进度。")), QStringLiteral(u"我叫市民甲，想问进度。"));
    QCOMPARE(a.anonymize(QStringLiteral(u"Zhang Wei又来了。")), QStringLiteral(u"市民甲又来了。"));
    QCOMPARE(a.anonymize(QStringLiteral(u"经办人：LIU Yang")), QStringLiteral(u"经办人：工作人员甲"));
    // Not a pinyin surname first, a single word, or no cue: they stay.
    for (const char16_t* line :
         {u"联系人：Apple Store", u"我是VIP客户。", u"系统提示Network Error。", u"我是Windows 10系统。"}) {
        QCOMPARE(masked(QString::fromUtf16(line)), QString::fromUtf16(line));
    }
}

void TestAnonymizer::weChatAndQq()
{
    QCOMPARE(masked(QStringLiteral(u"备注wxid_ab12cd34ef，加一下。")), QStringLiteral(u"备注〔微信号〕，加一下。"));
    QCOMPARE(masked(QStringLiteral(u"lihua_2024是我的微信号。")), QStringLiteral(u"〔微信号〕是我的微信号。"));
    // Another clause, or a case number, stays.
    for (const char16_t* line : {u"微信号绑定失败，提示代码E_1002。", u"微信号和工单号QT-20261201-0042一起发。",
                                 u"QQ群里通知了。", u"QQ浏览器打不开。"}) {
        QCOMPARE(masked(QString::fromUtf16(line)), QString::fromUtf16(line));
    }
    Anonymizer a;
    QList<PersonalItem> items;
    QCOMPARE(a.anonymize(QStringLiteral(u"QQ：123456789，qq号 88997766"), &items),
             QStringLiteral(u"QQ：〔QQ号〕，qq号 〔QQ号〕"));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).kind, PersonalItemKind::QQ);
    QCOMPARE(Anonymizer::label(PersonalItemKind::QQ), QStringLiteral(u"〔QQ号〕"));
}

void TestAnonymizer::communityWithoutNumber()
{
    QCOMPARE(masked(QStringLiteral(u"我住在阳光小区，离这不远。")), QStringLiteral(u"我住在〔地址〕，离这不远。"));
    QCOMPARE(masked(QStringLiteral(u"家住翠竹苑，今天阳光小区也停水。")),
             QStringLiteral(u"家住〔地址〕，今天〔地址〕也停水。"));
    // Generic words, public places and the hall's keep-words stay.
    for (const char16_t* line : {u"老旧小区改造。", u"我住在人民医院对面。", u"住在城中村的租户。",
                                 u"他家在火车站附近。", u"住在石家庄。", u"哪个小区的都可以。"}) {
        QCOMPARE(masked(QString::fromUtf16(line)), QString::fromUtf16(line));
    }
    Anonymizer a;
    a.addKeepWords({QStringLiteral(u"向阳社区")});
    QCOMPARE(a.anonymize(QStringLiteral(u"住在向阳社区。")), QStringLiteral(u"住在向阳社区。"));
}

void TestAnonymizer::keepWords()
{
    // Without the keep-word, 金桥 before 办理 reads as a bare name; with it, it stays.
    const QString text = QStringLiteral(u"已转金桥办理，周五前答复。");
    QVERIFY(!masked(text).contains(QStringLiteral(u"金桥")));
    Anonymizer a;
    a.addKeepWords({QStringLiteral(u"金桥"), QStringLiteral(u"王村分中心")});
    QCOMPARE(a.anonymize(text), text);
    QCOMPARE(a.anonymize(QStringLiteral(u"王村分中心的张伟说可以办。")),
             QStringLiteral(u"王村分中心的市民甲说可以办。"));
    // The built-in list: departments, service items, the hall's places.
    const QString hall = QStringLiteral(u"市场监管局、不动产登记中心、公积金提取、政务服务大厅二楼B区、高新区管委会。");
    QCOMPARE(masked(hall), hall);
    // Words that only look like names.
    for (const char16_t* w : {u"王府井", u"张贴", u"高兴", u"周到", u"方便", u"许可", u"黄金周", u"白天", u"文件",
                              u"江边", u"常规", u"马上", u"金额", u"安排", u"何时", u"于是", u"石桥路"}) {
        const QString line = QStringLiteral(u"于是") + QString::fromUtf16(w) + QStringLiteral(u"说了。");
        QVERIFY2(masked(line).contains(QString::fromUtf16(w)), qPrintable(masked(line)));
    }
}

void TestAnonymizer::itemsPointIntoTheOriginal()
{
    Anonymizer a;
    const QString text =
        QStringLiteral(u"李女士（１５９１２３４５６７８）住阳光小区3栋2单元501室，车牌粤B·12345，微信号abc_123。");
    QList<PersonalItem> items;
    const QString out = a.anonymize(text, &items);
    QCOMPARE(items.size(), 5);
    const QStringList originals{QStringLiteral(u"李女士"), QStringLiteral(u"１５９１２３４５６７８"),
                                QStringLiteral(u"阳光小区3栋2单元501室"), QStringLiteral(u"粤B·12345"),
                                QStringLiteral("abc_123")};
    for (int i = 0; i < items.size(); ++i) {
        QCOMPARE(text.mid(items.at(i).start, items.at(i).length), originals.at(i));
        QVERIFY(out.contains(items.at(i).mask));
    }
    QCOMPARE(items.at(2).kind, PersonalItemKind::Address);
    QCOMPARE(items.at(3).kind, PersonalItemKind::Plate);
    QCOMPARE(items.at(4).kind, PersonalItemKind::WeChat);
}

void TestAnonymizer::leaks()
{
    const QList<KnownPerson> people{
        {KnownPerson::Kind::Citizen, QStringLiteral(u"龚晓"), {QStringLiteral("13900001234")}}};
    QCOMPARE(Anonymizer::leaks(QStringLiteral(u"市民甲来电"), people), QStringList());
    QCOMPARE(Anonymizer::leaks(QStringLiteral(u"龚晓来电 139 0000 1234"), people),
             (QStringList{QStringLiteral(u"龚晓"), QStringLiteral("13900001234")}));
    Anonymizer a;
    for (const KnownPerson& p : people) {
        a.addKnownPerson(p);
    }
    QCOMPARE(Anonymizer::leaks(a.anonymize(QStringLiteral(u"龚晓来电 +86 139-0000-1234")), people), QStringList());
}

void TestAnonymizer::speed()
{
    // 10,000 lines of the corpus through one Anonymizer (one long case): the per-line figure of BENCHMARKS.md.
    const auto corpus = readCorpus(QStringLiteral(QINGTING_ANONYMIZE_CORPUS));
    Anonymizer a;
    a.anonymize(corpus.constFirst().text); // the rules load once per process
    QElapsedTimer timer;
    timer.start();
    qsizetype total = 0;
    for (int i = 0; i < 10000; ++i) {
        total += a.anonymize(corpus.at(i % corpus.size()).text).size();
    }
    const double perLine = timer.nsecsElapsed() / 1e3 / 10000;
    qInfo("10,000 lines: %.1f µs a line (%lld characters out)", perLine, qlonglong(total));
    QVERIFY2(perLine < 1000.0, qPrintable(QString::number(perLine)));
}

QTEST_GUILESS_MAIN(TestAnonymizer)
#include "tst_anonymizer.moc"
