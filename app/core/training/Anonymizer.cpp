#include "training/Anonymizer.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

// First version (lead, issue 15 scaffold): the known people, mobile numbers, ID numbers and e-mail addresses. The
// rule-driven version (names in context, landlines, cards, plates, addresses, word lists as data) replaces it.

namespace {
const QChar kOrdinals[] = {u'甲', u'乙', u'丙', u'丁', u'戊', u'己', u'庚', u'辛', u'壬', u'癸'};

/** Full-width digits and letters to ASCII; everything else unchanged. */
QString halfWidth(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        if (u >= 0xFF01 && u <= 0xFF5E) {
            c = QChar(u - 0xFEE0);
        }
    }
    return out;
}

/** Only the digits (and X) of a text, ASCII: how identifiers are compared. */
QString digitsOf(const QString& text)
{
    QString out;
    for (QChar c : halfWidth(text)) {
        if (c.isDigit() || c == u'X' || c == u'x') {
            out.append(c.toUpper());
        }
    }
    return out;
}
} // namespace

struct Anonymizer::Private
{
    QList<KnownPerson> people;
    QHash<QString, QString> labels; ///< name → label
    int citizens = 0;
    int staff = 0;

    QString labelFor(const QString& name, KnownPerson::Kind kind)
    {
        auto it = labels.constFind(name);
        if (it != labels.constEnd()) {
            return *it;
        }
        int& n = kind == KnownPerson::Kind::Staff ? staff : citizens;
        const QString prefix = kind == KnownPerson::Kind::Staff ? QStringLiteral(u"工作人员") : QStringLiteral(u"市民");
        const int count = int(std::size(kOrdinals));
        const QString label = prefix + (n < count ? QString(kOrdinals[n]) : QString::number(n + 1));
        ++n;
        labels.insert(name, label);
        return label;
    }
};

Anonymizer::Anonymizer()
    : d(std::make_unique<Private>())
{}

Anonymizer::~Anonymizer() = default;

void Anonymizer::addKnownPerson(const KnownPerson& person)
{
    d->people.append(person);
    if (!person.name.trimmed().isEmpty()) {
        d->labelFor(person.name.trimmed(), person.kind);
    }
}

QString Anonymizer::anonymize(const QString& text, QList<PersonalItem>* items)
{
    QList<PersonalItem> hits;
    const QString half = halfWidth(text); // same length: one code unit for one
    auto take = [&](PersonalItemKind kind, int start, int length, const QString& mask) {
        for (const PersonalItem& h : hits) {
            if (start < h.start + h.length && h.start < start + length) {
                return;
            }
        }
        hits.append(PersonalItem{kind, start, length, mask});
    };
    for (const KnownPerson& p : d->people) {
        const QString name = p.name.trimmed();
        if (name.size() < 2) {
            continue;
        }
        const PersonalItemKind kind =
            p.kind == KnownPerson::Kind::Staff ? PersonalItemKind::StaffName : PersonalItemKind::CitizenName;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.size())) {
            take(kind, at, int(name.size()), d->labels.value(name));
        }
    }
    static const QRegularExpression email(QStringLiteral(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"));
    static const QRegularExpression id(QStringLiteral(R"((?<![0-9])(\d{17}[\dXx]|\d{15})(?![0-9]))"));
    static const QRegularExpression mobile(
        QStringLiteral(R"((?<![0-9])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d){8}(?![0-9]))"));
    for (const auto& [re, kind] :
         {std::pair{&email, PersonalItemKind::Email}, std::pair{&id, PersonalItemKind::IdNumber},
          std::pair{&mobile, PersonalItemKind::Mobile}}) {
        for (auto it = re->globalMatch(half); it.hasNext();) {
            const auto m = it.next();
            take(kind, int(m.capturedStart()), int(m.capturedLength()), label(kind));
        }
    }
    std::sort(hits.begin(), hits.end(), [](const PersonalItem& a, const PersonalItem& b) { return a.start < b.start; });
    QString out;
    int from = 0;
    for (const PersonalItem& h : hits) {
        out += text.mid(from, h.start - from);
        out += h.mask;
        from = h.start + h.length;
    }
    out += text.mid(from);
    if (items) {
        *items = hits;
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
    }
    return {};
}
