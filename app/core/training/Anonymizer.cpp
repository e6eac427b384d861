#include "training/Anonymizer.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

// The rule-driven anonymizer (issue 15, helper "anon15"). Words and patterns are data (:/anonymize/, see
// app/core/training/anonymize/README.md); the code here is the logic: normalising digits, the ID checksum, Luhn,
// where a name ends, which label a person gets.

namespace {
const QChar kOrdinals[] = {u'甲', u'乙', u'丙', u'丁', u'戊', u'己', u'庚', u'辛', u'壬', u'癸'};

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

QSet<QChar> charSet(const QString& chars)
{
    QSet<QChar> set;
    for (QChar c : chars) {
        set.insert(c);
    }
    return set;
}

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray()) {
        out.append(v.toString());
    }
    return out;
}

/** Lines of a resource word list without "#" comments, split at white space. */
QStringList wordsOfResource(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("Anonymizer: cannot read %s", qPrintable(path));
        return {};
    }
    QStringList words;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        words += line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    }
    return words;
}

/** A set of words looked up by position: which of them occur in a text at a given index. */
class WordIndex
{
public:
    void add(const QString& word)
    {
        if (word.isEmpty()) {
            return;
        }
        auto& list = m_byFirst[word.front()];
        if (!list.contains(word)) {
            list.append(word);
            // Longest first: the longest word wins at one position.
            std::sort(list.begin(), list.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
        }
        m_maxLength = std::max(m_maxLength, int(word.size()));
    }
    /** The longest word that starts at `at` (0 when none). */
    int matchAt(const QString& text, int at) const
    {
        if (at < 0 || at >= text.size()) {
            return 0;
        }
        const auto it = m_byFirst.constFind(text.at(at));
        if (it == m_byFirst.constEnd()) {
            return 0;
        }
        for (const QString& w : *it) {
            if (QStringView(text).mid(at).startsWith(w)) {
                return int(w.size());
            }
        }
        return 0;
    }
    /** Whether a word occurrence starts at or before `at` and covers it. */
    bool covers(const QString& text, int at) const
    {
        for (int from = at; from >= 0 && at - from < m_maxLength; --from) {
            const int n = matchAt(text, from);
            if (n > at - from) {
                return true;
            }
        }
        return false;
    }
    int maxLength() const { return m_maxLength; }

private:
    QHash<QChar, QStringList> m_byFirst;
    int m_maxLength = 0;
};

/** Everything read from :/anonymize/ once per process. */
struct Rules
{
    QSet<QChar> surnames;
    WordIndex compoundSurnames;
    QSet<QChar> commonSurnames;
    QSet<QChar> weakSurnames;
    WordIndex citizenTitles;
    WordIndex staffTitles;
    WordIndex cues;
    QSet<QString> staffCues;
    QStringList staffContext;
    QSet<QChar> cueSeparators;
    QSet<QChar> notNameChars;
    WordIndex followWords;
    WordIndex strongFollowWords; ///< after these a bare name needs no boundary before it (…事郑凯已经跟进)
    WordIndex nameEndWords;      ///< words that end a name but do not mark one (…邓志华先去, 苏晓燕周三来)
    QSet<QChar> bareBefore;
    QStringList bareBeforeWords; ///< words after which a bare name may start (昨天张伟来了, 反映姚静没有…)
    QSet<QChar> nameBreakAfter;
    QSet<QChar> nicknamePrefixes;
    WordIndex stopWords;
    QStringList keepWords;
    QSet<QChar> addressCut;
    QString chineseDigits;
    QSet<QString> idProvinces;
    QSet<QString> pinyinSurnames; ///< lower case: the first word of a name in Latin letters (Zhang Wei)
    QStringList wechatClauseWords;
    QSet<QChar> clauseBreaks;
    QSet<QString> communityGeneric; ///< 老旧小区, 城中村: no community's own name
    QRegularExpression latinName, wechatShape, wechatId, wechatNotId, qq, community, communityAnywhere, communityBefore;
    QRegularExpression mobile, landline, landlineLocal, idNumber, cardNumber, email, wechat, plate, address, building;

    static const Rules& instance()
    {
        static const Rules rules = load();
        return rules;
    }

    static Rules load()
    {
        Rules r;
        QString section;
        QFile surnames(QStringLiteral(":/anonymize/surnames.txt"));
        if (surnames.open(QIODevice::ReadOnly)) {
            for (const QString& line : QString::fromUtf8(surnames.readAll()).split(QLatin1Char('\n'))) {
                if (line.startsWith(QLatin1Char('#'))) {
                    continue;
                }
                if (line.startsWith(QLatin1Char('['))) {
                    section = line.trimmed();
                    continue;
                }
                if (section == QLatin1String("[compound]")) {
                    for (const QString& c : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
                        r.compoundSurnames.add(c);
                    }
                } else {
                    for (QChar c : line) {
                        if (isHan(c)) {
                            r.surnames.insert(c);
                        }
                    }
                }
            }
        }
        QFile file(QStringLiteral(":/anonymize/rules.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("Anonymizer: cannot read :/anonymize/rules.json");
        }
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        r.commonSurnames = charSet(o.value(QLatin1String("commonSurnames")).toString());
        r.weakSurnames = charSet(o.value(QLatin1String("weakSurnames")).toString());
        for (const QString& t : stringList(o.value(QLatin1String("citizenTitles")))) {
            r.citizenTitles.add(t);
        }
        for (const QString& t : stringList(o.value(QLatin1String("staffTitles")))) {
            r.staffTitles.add(t);
        }
        for (const QString& c : stringList(o.value(QLatin1String("citizenCues")))) {
            r.cues.add(c);
        }
        for (const QString& c : stringList(o.value(QLatin1String("staffCues")))) {
            r.cues.add(c);
            r.staffCues.insert(c);
        }
        r.staffContext = stringList(o.value(QLatin1String("staffContext")));
        r.cueSeparators = charSet(o.value(QLatin1String("cueSeparators")).toString());
        r.notNameChars = charSet(o.value(QLatin1String("notNameChars")).toString());
        for (const QString& w : stringList(o.value(QLatin1String("followWords")))) {
            r.followWords.add(w);
        }
        for (const QString& w : stringList(o.value(QLatin1String("strongFollowWords")))) {
            r.strongFollowWords.add(w);
        }
        for (const QString& w : stringList(o.value(QLatin1String("nameEndWords")))) {
            r.nameEndWords.add(w);
        }
        r.bareBefore = charSet(o.value(QLatin1String("bareBefore")).toString());
        r.bareBeforeWords = stringList(o.value(QLatin1String("bareBeforeWords")));
        r.nameBreakAfter = charSet(o.value(QLatin1String("nameBreakAfter")).toString());
        r.nicknamePrefixes = charSet(o.value(QLatin1String("nicknamePrefixes")).toString());
        r.addressCut = charSet(o.value(QLatin1String("addressCut")).toString());
        r.chineseDigits = o.value(QLatin1String("chineseDigits")).toString();
        for (const QString& p : stringList(o.value(QLatin1String("idProvinces")))) {
            r.idProvinces.insert(p);
        }
        const auto words = [&o](const char* key) {
            return o.value(QLatin1String(key)).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        };
        for (const QString& p : words("pinyinSurnames")) {
            r.pinyinSurnames.insert(p.toLower());
        }
        r.wechatClauseWords = stringList(o.value(QLatin1String("wechatClauseWords")));
        r.clauseBreaks = charSet(o.value(QLatin1String("clauseBreaks")).toString());
        for (const QString& w : words("communityGeneric")) {
            r.communityGeneric.insert(w);
        }
        auto re = [&o](const char* key) {
            QRegularExpression e(o.value(QLatin1String(key)).toString(),
                                 QRegularExpression::UseUnicodePropertiesOption);
            if (!e.isValid()) {
                qWarning("Anonymizer: bad pattern %s: %s", key, qPrintable(e.errorString()));
            }
            e.optimize();
            return e;
        };
        r.mobile = re("mobile");
        r.landline = re("landline");
        r.landlineLocal = re("landlineLocal");
        r.idNumber = re("idNumber");
        r.cardNumber = re("cardNumber");
        r.email = re("email");
        r.wechat = re("wechat");
        r.plate = re("plate");
        r.address = re("address");
        r.building = re("building");
        r.latinName = re("latinName");
        r.wechatShape = re("wechatShape");
        r.wechatId = re("wechatId");
        r.wechatNotId = re("wechatNotId");
        r.qq = re("qq");
        r.community = re("community");
        r.communityAnywhere = re("communityAnywhere");
        r.communityBefore = re("communityBefore");
        for (const QString& w : wordsOfResource(QStringLiteral(":/anonymize/stopwords.txt"))) {
            r.stopWords.add(w);
        }
        r.keepWords = wordsOfResource(QStringLiteral(":/anonymize/keepwords.txt"));
        return r;
    }
};

/**
 * Full-width ASCII forms to ASCII, the ideographic space to a space, and runs of seven or more Chinese digits
 * (一三八…, a number read out) to ASCII digits. One code unit for one, so positions carry over to the original.
 */
QString normalized(const QString& text, const QString& chineseDigits)
{
    QString out = text;
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E) {
            c = QChar(u - 0xFEE0);
        } else if (u == 0x3000) {
            c = QLatin1Char(' ');
        }
    }
    if (chineseDigits.isEmpty()) {
        return out;
    }
    for (int i = 0; i < out.size();) {
        int j = i;
        while (j < out.size() && (chineseDigits.contains(out.at(j)) || out.at(j) == u'零')) {
            ++j;
        }
        if (j - i >= 7) {
            for (int k = i; k < j; ++k) {
                const qsizetype digit = chineseDigits.indexOf(out.at(k));
                out[k] = QChar(u'0' + (digit < 0 ? 0 : int(digit)));
            }
        }
        i = std::max(j, i + 1);
    }
    return out;
}

/** Only the digits (and X) of a text, ASCII: how identifiers are compared. */
QString digitsOf(const QString& text)
{
    QString out;
    for (QChar c : normalized(text, {})) {
        if (c.isDigit() || c == u'X' || c == u'x') {
            out.append(c.toUpper());
        }
    }
    return out;
}

bool luhnValid(const QString& digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int n = digits.at(i).digitValue();
        if (twice) {
            n *= 2;
            if (n > 9) {
                n -= 9;
            }
        }
        sum += n;
        twice = !twice;
    }
    return sum % 10 == 0;
}

/** An 18-digit or 15-digit 居民身份证号: a known province, a real birth date, and for 18 the check digit (unless told).
 */
bool idNumberValid(const QString& id, const QSet<QString>& provinces, bool requireCheckDigit = true)
{
    if (!provinces.contains(id.left(2))) {
        return false;
    }
    if (id.size() == 15) {
        const QDate birth(1900 + id.mid(6, 2).toInt(), id.mid(8, 2).toInt(), id.mid(10, 2).toInt());
        return birth.isValid();
    }
    if (id.size() != 18) {
        return false;
    }
    const QDate birth(id.mid(6, 4).toInt(), id.mid(10, 2).toInt(), id.mid(12, 2).toInt());
    if (!birth.isValid() || birth.year() < 1900 || birth > QDate::currentDate()) {
        return false;
    }
    if (!requireCheckDigit) {
        return true;
    }
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        sum += id.at(i).digitValue() * weights[i];
    }
    return id.at(17) == QLatin1Char("10X98765432"[sum % 11]);
}

QString strippedDigits(const QString& s)
{
    QString out;
    for (QChar c : s) {
        if (c.isDigit() || c == u'X' || c == u'x') {
            out.append(c.toUpper());
        }
    }
    return out;
}

PersonalItemKind kindOfIdentifier(const QString& digits)
{
    if (digits.size() == 15 || digits.size() == 18) {
        return PersonalItemKind::IdNumber;
    }
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('1'))) {
        return PersonalItemKind::Mobile;
    }
    if (digits.size() >= 16) {
        return PersonalItemKind::BankCard;
    }
    return PersonalItemKind::Landline;
}
} // namespace

struct Anonymizer::Private
{
    const Rules& rules = Rules::instance();
    QList<KnownPerson> people;
    QHash<QString, QString> labels;          ///< name (or surname + title) → label
    QHash<QString, KnownPerson::Kind> kinds; ///< name → kind, for the names learned or given
    QStringList names;                       ///< full names to mask wherever they occur
    WordIndex nameIndex;                     ///< the same, looked up by position
    QHash<QString, QString> surnameOnly;     ///< "王" + "citizen"/"staff" → the key of a surname-only person
    QHash<QString, QString> givenNames;      ///< a two-character given name (建国) → its full name (王建国)
    WordIndex givenIndex;                    ///< the same, looked up by position
    WordIndex keep;
    int citizens = 0;
    int staff = 0;

    QString labelFor(const QString& key, KnownPerson::Kind kind)
    {
        auto it = labels.constFind(key);
        if (it != labels.constEnd()) {
            return *it;
        }
        int& n = kind == KnownPerson::Kind::Staff ? staff : citizens;
        const QString prefix =
            label(kind == KnownPerson::Kind::Staff ? PersonalItemKind::StaffName : PersonalItemKind::CitizenName);
        const int count = int(std::size(kOrdinals));
        const QString result = prefix + (n < count ? QString(kOrdinals[n]) : QString::number(n + 1));
        ++n;
        labels.insert(key, result);
        return result;
    }

    static QString kindKey(QChar surname, KnownPerson::Kind kind)
    {
        return QString(surname) +
               (kind == KnownPerson::Kind::Staff ? QLatin1String("/staff") : QLatin1String("/citizen"));
    }

    /** A full name learned or given: masked everywhere from now on, with one label. */
    QString learnName(const QString& name, KnownPerson::Kind kind)
    {
        if (!labels.contains(name)) {
            // The same person seen before with a title only (王先生, then 王建国): one label.
            const QString shortKey = surnameOnly.value(kindKey(name.front(), kind));
            if (!shortKey.isEmpty() && labels.contains(shortKey)) {
                labels.insert(name, labels.value(shortKey));
                surnameOnly.remove(kindKey(name.front(), kind));
            }
        }
        const QString result = labelFor(name, kind);
        if (!kinds.contains(name)) {
            kinds.insert(name, kind);
            names.append(name);
            nameIndex.add(name);
            learnGivenName(name);
        }
        return result;
    }

    /**
     * 王建国 → 建国: a two-character given name alone is the same person later in the case. A given name two people
     * share stays with the first (masked either way); one-character given names (王芳 → 芳) are never taken alone.
     */
    void learnGivenName(const QString& name)
    {
        if (!isHan(name.front())) {
            return;
        }
        const int surname =
            rules.compoundSurnames.matchAt(name, 0) > 0 ? 2 : (rules.surnames.contains(name.front()) ? 1 : 0);
        const QString given = name.mid(surname);
        if (surname == 0 || given.size() != 2 || !std::all_of(given.begin(), given.end(), isHan) ||
            givenNames.contains(given)) {
            return;
        }
        givenNames.insert(given, name);
        givenIndex.add(given);
    }

    /** The one known person (addKnownPerson) of a kind with this surname, or empty. */
    QString knownWithSurname(QChar surname, KnownPerson::Kind kind) const
    {
        QString found;
        for (const KnownPerson& p : people) {
            const QString name = p.name.trimmed();
            if (p.kind == kind && name.size() >= 2 && name.front() == surname) {
                if (!found.isEmpty() && found != name) {
                    return {};
                }
                found = name;
            }
        }
        return found;
    }

    /** A person named by surname and title only (王先生): one label per surname, title and kind. */
    QString learnSurnameOnly(QChar surname, const QString& title, KnownPerson::Kind kind)
    {
        const QString key = QString(surname) + title;
        // The case's known citizen (or staff member) with this surname: 王先生 is 王建国, whoever else the text names.
        const QString known = knownWithSurname(surname, kind);
        if (!known.isEmpty() && !labels.contains(key)) {
            labels.insert(key, labels.value(known));
        }
        // A full name with this surname already known (王建国 … 王先生): the same person, when only one.
        QString full;
        int matches = 0;
        for (const QString& n : std::as_const(names)) {
            if (n.front() == surname && kinds.value(n) == kind) {
                full = n;
                ++matches;
            }
        }
        if (matches == 1 && !labels.contains(key)) {
            labels.insert(key, labels.value(full));
        }
        if (!labels.contains(key) && !surnameOnly.contains(kindKey(surname, kind))) {
            surnameOnly.insert(kindKey(surname, kind), key);
        }
        return labelFor(key, kind);
    }
};

namespace {
/** The masks found so far in one text: no overlaps, and no name inside a keep-word. */
struct Hits
{
    QList<PersonalItem> items;
    QList<std::pair<int, int>> keepSpans;

    bool free(int start, int length) const
    {
        for (const PersonalItem& h : items) {
            if (start < h.start + h.length && h.start < start + length) {
                return false;
            }
        }
        return true;
    }
    bool kept(int start, int length) const
    {
        for (const auto& [s, n] : keepSpans) {
            if (start < s + n && s < start + length) {
                return true;
            }
        }
        return false;
    }
    bool take(PersonalItemKind kind, int start, int length, const QString& mask)
    {
        if (length <= 0 || !free(start, length)) {
            return false;
        }
        items.append(PersonalItem{kind, start, length, mask});
        return true;
    }
};

/** Where a surname starts at `at`: its length (2 for a compound surname, 1 for a single one, 0 for none). */
int surnameAt(const Rules& r, const QString& text, int at, bool commonOnly)
{
    if (at < 0 || at >= text.size()) {
        return 0;
    }
    if (r.compoundSurnames.matchAt(text, at) > 0) {
        return 2;
    }
    const QChar c = text.at(at);
    if (commonOnly ? r.commonSurnames.contains(c) : r.surnames.contains(c)) {
        return 1;
    }
    return 0;
}

bool titleAt(const Rules& r, const QString& text, int at)
{
    return r.citizenTitles.matchAt(text, at) > 0 || r.staffTitles.matchAt(text, at) > 0;
}

/** A character that may be part of a given name. */
bool givenChar(const Rules& r, const QString& text, int at)
{
    return at < text.size() && isHan(text.at(at)) && !r.notNameChars.contains(text.at(at)) && !titleAt(r, text, at);
}

/** What follows a name ends it: not a Han character, a function character, a title or a word that follows names. */
bool endsName(const Rules& r, const QString& text, int at)
{
    return at >= text.size() || !isHan(text.at(at)) || r.notNameChars.contains(text.at(at)) || titleAt(r, text, at) ||
           r.followWords.matchAt(text, at) > 0 || r.nameEndWords.matchAt(text, at) > 0;
}

/**
 * Whether a stop word that starts inside a name's given part runs past the name's end (李明|天 → 李明天来: 明天), so
 * the name swallowed a word. One that ends with the name (吕国庆: 国庆) is the given name itself.
 */
bool stopWordRunsPast(const Rules& r, const QString& text, int from, int end)
{
    for (int at = from; at < end; ++at) {
        if (at + r.stopWords.matchAt(text, at) > end) {
            return true;
        }
    }
    return false;
}

/** Whether a word after which a bare name may start ends just before `at` (昨天|张伟, 反映|姚静). */
bool boundaryWordBefore(const Rules& r, const QString& text, int at)
{
    const QStringView before = QStringView(text).left(at);
    return std::any_of(r.bareBeforeWords.begin(), r.bareBeforeWords.end(),
                       [&](const QString& w) { return before.endsWith(w); });
}

/** A name in Latin letters at `at` (Zhang Wei, LI Ming, Ouyang Nana): its length, 0 when none. */
int latinNameAt(const Rules& r, const QString& text, int at)
{
    if (at >= text.size() || !text.at(at).isLetter() || text.at(at).unicode() > 0x7F) {
        return 0;
    }
    const QRegularExpressionMatch m =
        r.latinName.match(text, at, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (!m.hasMatch() || !r.pinyinSurnames.contains(m.captured(1).toLower())) {
        return 0;
    }
    return int(m.capturedLength());
}

/** An 8-digit run that reads as a date (20261130): a date, not a local phone number. */
bool looksLikeDate(const QString& digits)
{
    if (digits.size() != 8) {
        return false;
    }
    const QDate date(digits.left(4).toInt(), digits.mid(4, 2).toInt(), digits.mid(6, 2).toInt());
    return date.isValid() && date.year() >= 1900 && date.year() <= 2100;
}

/**
 * The length of a name that starts at `at` with a surname of `surnameLength`: one or two given characters (a
 * compound surname takes one or two as well). 0 when no given character follows.
 */
int nameLength(const Rules& r, const QString& text, int at, int surnameLength)
{
    const int first = at + surnameLength;
    if (!givenChar(r, text, first)) {
        return 0;
    }
    if (endsName(r, text, first + 1)) {
        return surnameLength + 1;
    }
    if (givenChar(r, text, first + 1) && endsName(r, text, first + 2)) {
        return surnameLength + 2;
    }
    return surnameLength + 1;
}
} // namespace

KnownPerson KnownPerson::ofCitizen(const Citizen& citizen)
{
    KnownPerson p{Kind::Citizen, citizen.name.trimmed(), {}};
    for (const QString& identifier : {citizen.phone, citizen.idNumber}) {
        if (!identifier.trimmed().isEmpty()) {
            p.identifiers << identifier.trimmed();
        }
    }
    return p;
}

Anonymizer::Anonymizer()
    : d(std::make_unique<Private>())
{
    for (const QString& w : d->rules.keepWords) {
        d->keep.add(w);
    }
}

Anonymizer::~Anonymizer() = default;

void Anonymizer::addKnownPerson(const KnownPerson& person)
{
    d->people.append(person);
    const QString name = person.name.trimmed();
    if (name.size() >= 2) {
        d->learnName(name, person.kind);
    }
}

void Anonymizer::addKeepWords(const QStringList& words)
{
    for (const QString& w : words) {
        const QString word = w.trimmed();
        if (word.size() >= 2) {
            d->keep.add(word);
        }
    }
}

QString Anonymizer::anonymize(const QString& text, QList<PersonalItem>* items)
{
    const Rules& r = d->rules;
    const QString half = normalized(text, r.chineseDigits); // same length: one code unit for one
    Hits hits;
    for (int i = 0; i < half.size(); ++i) {
        if (const int n = d->keep.matchAt(half, i); n > 0) {
            hits.keepSpans.append({i, n});
            i += n - 1;
        }
    }

    // The identifiers the case knows, in any formatting: their digits in the text's digits.
    QString digits;
    QList<int> digitAt;
    for (int i = 0; i < half.size(); ++i) {
        const QChar c = half.at(i);
        if (c.isDigit() || c == u'X' || c == u'x') {
            digits.append(c.toUpper());
            digitAt.append(i);
        }
    }
    for (const KnownPerson& p : std::as_const(d->people)) {
        for (const QString& identifier : p.identifiers) {
            if (identifier.contains(QLatin1Char('@'))) {
                for (qsizetype at = text.indexOf(identifier, 0, Qt::CaseInsensitive); at >= 0;
                     at = text.indexOf(identifier, at + identifier.size(), Qt::CaseInsensitive)) {
                    hits.take(PersonalItemKind::Email, int(at), int(identifier.size()), label(PersonalItemKind::Email));
                }
                continue;
            }
            QString key = digitsOf(identifier);
            if (key.startsWith(QLatin1String("86")) && key.size() == 13) {
                key = key.mid(2);
            }
            if (key.size() < 7) {
                continue;
            }
            const PersonalItemKind kind = kindOfIdentifier(key);
            for (qsizetype at = digits.indexOf(key); at >= 0; at = digits.indexOf(key, at + key.size())) {
                const int start = digitAt.at(at);
                const int end = digitAt.at(at + key.size() - 1) + 1;
                hits.take(kind, start, end - start, label(kind));
            }
        }
    }

    auto scan = [&](const QRegularExpression& re, PersonalItemKind kind, auto&& accept, int group = 0) {
        for (auto it = re.globalMatch(half); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            const int start = int(m.capturedStart(group));
            const int length = int(m.capturedLength(group));
            if (accept(m.captured(group))) {
                hits.take(kind, start, length, label(kind));
            }
        }
    };
    const auto always = [](const QString&) {
        return true;
    };
    scan(r.email, PersonalItemKind::Email, always);
    scan(r.wechatShape, PersonalItemKind::WeChat, always, 1); // wxid_…: a WeChat ID by its shape alone
    scan(r.wechat, PersonalItemKind::WeChat, always, 1);
    // "微信号" anywhere in a clause: an ID-shaped token in that clause is the WeChat ID (lihua_2024是我的微信号).
    for (int from = 0; from < half.size();) {
        int to = from;
        while (to < half.size() && !r.clauseBreaks.contains(half.at(to))) {
            ++to;
        }
        const QString clause = half.mid(from, to - from);
        if (std::any_of(r.wechatClauseWords.begin(), r.wechatClauseWords.end(),
                        [&](const QString& w) { return clause.contains(w, Qt::CaseInsensitive); })) {
            for (auto it = r.wechatId.globalMatch(clause); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                if (!r.wechatNotId.match(m.captured(1)).hasMatch()) {
                    hits.take(PersonalItemKind::WeChat, from + int(m.capturedStart(1)), int(m.capturedLength(1)),
                              label(PersonalItemKind::WeChat));
                }
            }
        }
        from = to + 1;
    }
    scan(r.qq, PersonalItemKind::QQ, always, 1);
    // An ID number: a known province, a real birth date and the check digit. After an ID cue (身份证号…) a wrong
    // check digit is a mistyped ID, still personal data: there the province and the date are enough.
    static const QRegularExpression idCue(
        QStringLiteral(u"(身份证|证件|身份号|公民身份|ID|id)[^，。；;！？\\n]{0,6}$"));
    for (auto it = r.idNumber.globalMatch(half); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString digits = strippedDigits(m.captured());
        const int start = int(m.capturedStart());
        const bool cued = idCue.match(half.mid(std::max(0, start - 12), std::min(start, 12))).hasMatch();
        if (idNumberValid(digits, r.idProvinces, /*requireCheckDigit=*/!cued)) {
            hits.take(PersonalItemKind::IdNumber, start, int(m.capturedLength()), label(PersonalItemKind::IdNumber));
        }
    }
    scan(r.cardNumber, PersonalItemKind::BankCard, [&](const QString& s) {
        const QString n = strippedDigits(s);
        return n.size() >= 16 && n.size() <= 19 && !n.contains(QLatin1Char('X')) && luhnValid(n);
    });
    scan(r.mobile, PersonalItemKind::Mobile, always);
    scan(r.landline, PersonalItemKind::Landline, always);
    // 电话88881234, 座机号 5678123, 打82345671: a local number after its cue, unless it reads as a date.
    scan(
        r.landlineLocal, PersonalItemKind::Landline, [](const QString& s) { return !looksLikeDate(strippedDigits(s)); },
        1);
    scan(r.plate, PersonalItemKind::Plate,
         [](const QString& s) { return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); }); });
    for (auto it = r.address.globalMatch(half); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        int start = int(m.capturedStart());
        const int end = int(m.capturedEnd());
        // The place's name begins after the last word that cannot be part of it (我家在|住址：…).
        for (int i = end - 1; i >= start; --i) {
            const QChar c = half.at(i);
            // 家 ends a phrase only after a pronoun (我家, 他们家): 叶家村 and 幸福家园 are names.
            if (r.addressCut.contains(c) ||
                (c == u'家' && i > 0 && QStringLiteral(u"我你他她们的").contains(half.at(i - 1)))) {
                start = i + 1;
                break;
            }
        }
        if (end - start >= 3) {
            hits.take(PersonalItemKind::Address, start, end - start, label(PersonalItemKind::Address));
        }
    }
    scan(r.building, PersonalItemKind::Address, always);
    // A residential community without a building number: after a residence cue (住在阳光小区, 家住翠竹苑), before
    // 业主/住户/物业 (碧水湾的业主) or, for 小区, anywhere. Generic words (老旧小区, 城中村), the stop list's places
    // (石家庄) and keep-words stay.
    const auto community = [&](const QString& s, int start) {
        return !r.communityGeneric.contains(s) && r.stopWords.matchAt(half, start) < s.size() &&
               !hits.kept(start, int(s.size()));
    };
    for (const QRegularExpression* re : {&r.community, &r.communityBefore, &r.communityAnywhere}) {
        for (auto it = re->globalMatch(half); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            int start = int(m.capturedStart(1));
            QString name = m.captured(1);
            // Without a cue the name starts where the text allows: 今天阳光小区 → 阳光小区.
            for (const QString& w : r.bareBeforeWords) {
                if (re != &r.community && name.startsWith(w) && name.size() - w.size() >= 3) {
                    start += int(w.size());
                    name.remove(0, w.size());
                }
            }
            if (community(name, start)) {
                hits.take(PersonalItemKind::Address, start, int(name.size()), label(PersonalItemKind::Address));
            }
        }
    }

    // Names. Every candidate passes the stop list (王府井, 高兴, 安排 …) and the keep-words.
    const auto nameFree = [&](int start, int length) {
        return hits.free(start, length) && !hits.kept(start, length) && !r.stopWords.covers(half, start);
    };
    const auto staffNear = [&](int at) {
        const QStringView before = QStringView(half).mid(std::max(0, at - 8), std::min(at, 8));
        return std::any_of(r.staffContext.begin(), r.staffContext.end(),
                           [&](const QString& w) { return before.contains(w); });
    };
    const auto personKind = [](bool staff) {
        return staff ? KnownPerson::Kind::Staff : KnownPerson::Kind::Citizen;
    };
    const auto maskName = [&](int start, int length, const QString& name, bool staff, int titleLength) {
        const QString label = d->learnName(name, d->kinds.value(name, personKind(staff)));
        hits.take(d->kinds.value(name) == KnownPerson::Kind::Staff ? PersonalItemKind::StaffName
                                                                   : PersonalItemKind::CitizenName,
                  start, length + titleLength, label);
    };

    // 1. After a cue: 我叫王芳, 姓名：郭晓明, 经办人 冯涛, 窗口的李明.
    for (int i = 0; i < half.size(); ++i) {
        const int cueLength = r.cues.matchAt(half, i);
        if (cueLength == 0) {
            continue;
        }
        const bool staff = r.staffCues.contains(half.mid(i, cueLength));
        int at = i + cueLength;
        while (at < half.size() && r.cueSeparators.contains(half.at(at)) && at - i - cueLength < 3) {
            ++at;
        }
        if (QStringView(half).mid(at).startsWith(QStringLiteral(u"姓名"))) { // 来电人姓名：…
            at += 2;
            while (at < half.size() && r.cueSeparators.contains(half.at(at))) {
                ++at;
            }
        }
        if (const int latin = latinNameAt(r, half, at); latin > 0) { // 我叫Zhang Wei, 联系人: Li Na
            if (hits.free(at, latin)) {
                maskName(at, latin, half.mid(at, latin), staff, 0);
            }
            i += cueLength - 1;
            continue;
        }
        const int surname = surnameAt(r, half, at, false);
        const int length = surname ? nameLength(r, half, at, surname) : 0;
        if (length >= 2 && nameFree(at, length) && r.followWords.matchAt(half, at + surname) == 0) {
            const int title =
                std::max(r.citizenTitles.matchAt(half, at + length), r.staffTitles.matchAt(half, at + length));
            maskName(at, length, half.mid(at, length), staff || r.staffTitles.matchAt(half, at + length) > 0, title);
        }
        i += cueLength - 1;
    }

    // 2. Before a title: 王先生, 王建国先生, 欧阳女士, 李科长, 老刘师傅.
    for (int i = 1; i < half.size(); ++i) {
        const int citizenTitle = r.citizenTitles.matchAt(half, i);
        const int staffTitle = r.staffTitles.matchAt(half, i);
        const int title = std::max(citizenTitle, staffTitle);
        if (title == 0) {
            continue;
        }
        const bool staff = staffTitle > citizenTitle;
        if (i >= 2 && d->givenIndex.matchAt(half, i - 2) == 2 && hits.free(i - 2, 2) &&
            !QStringView(half).left(i).endsWith(d->givenNames.value(half.mid(i - 2, 2)))) {
            continue; // a known given name alone before the title (建国阿姨): rule 6 takes it, not 国阿姨
        }
        // The longest plausible name just before the title: surname plus up to two given characters.
        int best = 0;
        int bestSurname = 0;
        for (int length = 4; length >= 1; --length) {
            const int start = i - length;
            if (start < 0) {
                continue;
            }
            const int surname = surnameAt(r, half, start, false);
            if (surname == 0 || surname > length || length - surname > 2) {
                continue;
            }
            if (length > surname && r.weakSurnames.contains(half.at(start)) && surname == 1) {
                continue; // 和王先生: 和 is a word here, not a surname
            }
            bool given = true;
            for (int k = start + surname; k < i; ++k) {
                given = given && givenChar(r, half, k);
            }
            if (given && nameFree(start, length)) {
                best = length;
                bestSurname = surname;
                break;
            }
        }
        if (best == 0) {
            continue;
        }
        const int start = i - best;
        if (best > bestSurname) {
            maskName(start, best, half.mid(start, best), staff, title);
        } else {
            // Surname only: 王先生 → 市民甲; 老刘师傅 takes 老 too.
            int from = start;
            if (from > 0 && r.nicknamePrefixes.contains(half.at(from - 1)) && hits.free(from - 1, 1)) {
                --from;
            }
            const QString label = d->learnSurnameOnly(half.at(start), half.mid(i, title), personKind(staff));
            hits.take(staff ? PersonalItemKind::StaffName : PersonalItemKind::CitizenName, from, i + title - from,
                      label);
        }
        i += title - 1;
    }

    // 3. 老王, 小李: a nickname of a common surname, then the end of the name.
    for (int i = 0; i + 1 < half.size(); ++i) {
        if (!r.nicknamePrefixes.contains(half.at(i)) || !r.commonSurnames.contains(half.at(i + 1)) ||
            r.weakSurnames.contains(half.at(i + 1)) || !endsName(r, half, i + 2) ||
            (i > 0 && isHan(half.at(i - 1)) && !r.bareBefore.contains(half.at(i - 1)) &&
             !std::any_of(r.staffContext.begin(), r.staffContext.end(),
                          [&](const QString& w) { return QStringView(half).left(i).endsWith(w); }))) {
            continue;
        }
        if (!nameFree(i, 2) || r.stopWords.covers(half, i + 1)) {
            continue;
        }
        const bool staff = half.at(i) == u'小' || staffNear(i);
        const QString key = half.mid(i, 2);
        maskName(i, 2, key, staff, 0);
    }

    // 4. Bare names in context: 张伟来办理, 窗口的李明说 … a common surname after a boundary, then a word that
    //    follows names.
    for (int i = 0; i < half.size(); ++i) {
        const int surname = surnameAt(r, half, i, true);
        if (surname == 0 || (surname == 1 && r.weakSurnames.contains(half.at(i)))) {
            continue;
        }
        const int length = nameLength(r, half, i, surname);
        if (length >= 2 && i > 0 && isHan(half.at(i - 1)) && !r.bareBefore.contains(half.at(i - 1)) &&
            r.strongFollowWords.matchAt(half, i + length) == 0 && !boundaryWordBefore(r, half, i)) {
            continue;
        }
        if (length < 2 || !endsName(r, half, i + length) ||
            (i + length < half.size() && r.nameBreakAfter.contains(half.at(i + length)) &&
             r.followWords.matchAt(half, i + length) == 0)) {
            continue;
        }
        if (!nameFree(i, length) || stopWordRunsPast(r, half, i + 1, i + length)) {
            continue;
        }
        maskName(i, length, half.mid(i, length), staffNear(i), 0);
        i += length - 1;
    }

    // 5. Every name known to this Anonymizer, wherever it occurs (a name seen with a title, later bare).
    for (int at = 0; at < half.size(); ++at) {
        const int n = d->nameIndex.matchAt(half, at);
        if (n == 0) {
            continue;
        }
        const QString name = half.mid(at, n);
        const bool staff = d->kinds.value(name) == KnownPerson::Kind::Staff;
        const int title = std::max(r.citizenTitles.matchAt(half, at + n), r.staffTitles.matchAt(half, at + n));
        hits.take(staff ? PersonalItemKind::StaffName : PersonalItemKind::CitizenName, at, n + title,
                  d->labels.value(name));
        at += n - 1;
    }

    // 6. A known person's two-character given name alone (王建国 … 建国说): the same label. Not where it runs into
    //    a place (建国路) or a stop word, and never inside a keep-word.
    for (int at = 0; at < half.size(); ++at) {
        const int n = d->givenIndex.matchAt(half, at);
        if (n == 0 || !nameFree(at, n) ||
            (at + n < half.size() && r.nameBreakAfter.contains(half.at(at + n)) &&
             r.followWords.matchAt(half, at + n) == 0)) {
            continue;
        }
        const QString full = d->givenNames.value(half.mid(at, n));
        const bool staff = d->kinds.value(full) == KnownPerson::Kind::Staff;
        const int title = std::max(r.citizenTitles.matchAt(half, at + n), r.staffTitles.matchAt(half, at + n));
        hits.take(staff ? PersonalItemKind::StaffName : PersonalItemKind::CitizenName, at, n + title,
                  d->labels.value(full));
        at += n - 1;
    }

    std::sort(hits.items.begin(), hits.items.end(),
              [](const PersonalItem& a, const PersonalItem& b) { return a.start < b.start; });
    // 工作人员唐敏 → 工作人员甲, not 工作人员工作人员甲: a name right after its own label's word takes that word in.
    for (qsizetype k = 0; k < hits.items.size(); ++k) {
        PersonalItem& h = hits.items[k];
        if (h.kind != PersonalItemKind::CitizenName && h.kind != PersonalItemKind::StaffName) {
            continue;
        }
        const QString prefix = label(h.kind);
        const int previousEnd = k > 0 ? hits.items.at(k - 1).start + hits.items.at(k - 1).length : 0;
        if (h.start - prefix.size() >= previousEnd && QStringView(half).left(h.start).endsWith(prefix)) {
            h.start -= int(prefix.size());
            h.length += int(prefix.size());
        }
    }
    QString out;
    out.reserve(text.size());
    int from = 0;
    for (const PersonalItem& h : std::as_const(hits.items)) {
        out += QStringView(text).mid(from, h.start - from);
        out += h.mask;
        from = h.start + h.length;
    }
    out += QStringView(text).mid(from);
    if (items) {
        *items = hits.items;
    }
    return out;
}

QStringList Anonymizer::leaks(const QString& text, const QList<KnownPerson>& people)
{
    QStringList found;
    const QString digits = digitsOf(text);
    for (const KnownPerson& p : people) {
        const QString name = p.name.trimmed();
        if (name.size() >= 2 && text.contains(name)) {
            found.append(name);
        }
        for (const QString& identifier : p.identifiers) {
            if (identifier.contains(QLatin1Char('@'))) {
                if (text.contains(identifier, Qt::CaseInsensitive)) {
                    found.append(identifier);
                }
                continue;
            }
            QString key = digitsOf(identifier);
            if (key.startsWith(QLatin1String("86")) && key.size() == 13) {
                key = key.mid(2);
            }
            if (key.size() >= 7 && digits.contains(key)) {
                found.append(identifier);
            }
        }
    }
    return found;
}

QString Anonymizer::label(PersonalItemKind kind)
{
    // Masks are part of the stored text (Chinese data that travels between halls), not of the interface: not tr().
    switch (kind) {
    case PersonalItemKind::CitizenName:
        return QStringLiteral(u"市民");
    case PersonalItemKind::StaffName:
        return QStringLiteral(u"工作人员");
    case PersonalItemKind::Mobile:
        return QStringLiteral(u"〔手机号〕");
    case PersonalItemKind::Landline:
        return QStringLiteral(u"〔电话〕");
    case PersonalItemKind::IdNumber:
        return QStringLiteral(u"〔身份证号〕");
    case PersonalItemKind::BankCard:
        return QStringLiteral(u"〔银行卡号〕");
    case PersonalItemKind::Email:
        return QStringLiteral(u"〔邮箱〕");
    case PersonalItemKind::WeChat:
        return QStringLiteral(u"〔微信号〕");
    case PersonalItemKind::Plate:
        return QStringLiteral(u"〔车牌〕");
    case PersonalItemKind::Address:
        return QStringLiteral(u"〔地址〕");
    case PersonalItemKind::QQ:
        return QStringLiteral(u"〔QQ号〕");
    }
    return {};
}
