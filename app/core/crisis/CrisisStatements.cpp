#include "crisis/CrisisStatements.h"

#include "scripts/ScriptTemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace CrisisTemplates {
QList<CrisisTemplate> builtIn()
{
    static const QList<CrisisTemplate> templates = [] {
        QFile file(QStringLiteral(":/crisis/crisis_templates.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("CrisisTemplates: the templates resource is missing");
            return QList<CrisisTemplate>();
        }
        QString error;
        QList<CrisisTemplate> parsed = fromJson(file.readAll(), &error);
        if (!error.isEmpty()) {
            qWarning("CrisisTemplates: the templates are not valid: %s", qPrintable(error));
        }
        return parsed;
    }();
    return templates;
}

QList<CrisisTemplate> fromJson(const QByteArray& json, QString* error)
{
    const auto fail = [error](const QString& why) {
        if (error) {
            *error = why;
        }
        return QList<CrisisTemplate>();
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return fail(QStringLiteral("not a JSON object: %1").arg(parseError.errorString()));
    }
    QList<CrisisTemplate> result;
    const QJsonArray items = doc.object().value(QStringLiteral("templates")).toArray();
    for (const QJsonValue& v : items) {
        const QJsonObject o = v.toObject();
        CrisisTemplate t;
        t.code = o.value(QStringLiteral("code")).toString();
        const auto kind = StatementKinds::fromCode(o.value(QStringLiteral("kind")).toString());
        t.title = o.value(QStringLiteral("title")).toString().trimmed();
        t.body = o.value(QStringLiteral("body")).toString().trimmed();
        if (t.code.isEmpty() || !kind || t.title.isEmpty() || t.body.isEmpty()) {
            return fail(QStringLiteral("template %1: code, kind (holding or public_reply), title and body are needed")
                            .arg(result.size() + 1));
        }
        if (const QStringList unknown = ScriptPlaceholders::unknownIn(t.body); !unknown.isEmpty()) {
            return fail(QStringLiteral("template %1: unknown placeholders %2").arg(t.code, unknown.join(u',')));
        }
        t.kind = *kind;
        result.append(t);
    }
    if (result.isEmpty()) {
        return fail(QStringLiteral("no templates"));
    }
    if (error) {
        error->clear();
    }
    return result;
}

QHash<QString, QString> values(const CrisisDetail& detail, const QString& hallName)
{
    QStringList numbers;
    QStringList items;
    for (const CrisisCase& c : detail.cases) {
        numbers << c.caseNo;
        if (!c.serviceItem.isEmpty() && !items.contains(c.serviceItem)) {
            items << c.serviceItem;
        }
    }
    QHash<QString, QString> v;
    v.insert(QStringLiteral("案件编号"), numbers.join(QStringLiteral("、")));
    v.insert(QStringLiteral("事项"), items.isEmpty() ? QStringLiteral("相关业务") : items.join(QStringLiteral("、")));
    v.insert(QStringLiteral("大厅"),
             hallName.trimmed().isEmpty() ? QStringLiteral("政务服务大厅") : hallName.trimmed());
    return v;
}

QString fill(const QString& body, const QHash<QString, QString>& values)
{
    return ScriptPlaceholders::fill(body, values);
}
} // namespace CrisisTemplates

bool StatementCheck::refuses(const ReplyFinding& finding)
{
    return finding.kind == ReplyFindingKind::Defensive || finding.kind == ReplyFindingKind::OverPromise;
}

QString StatementCheck::refusal() const
{
    if (empty) {
        return StatementChecker::tr("Write the statement first.");
    }
    if (!personal.isEmpty()) {
        QStringList found;
        for (const auto& p : personal) {
            found << StatementChecker::tr("\"%1\" (%2)").arg(p.text, p.kind);
        }
        return StatementChecker::tr("The statement contains personal data: %1. A public statement names no person "
                                    "and gives no personal detail; remove it before publishing.")
            .arg(found.join(StatementChecker::tr(", ")));
    }
    if (!unfilled.isEmpty()) {
        return StatementChecker::tr("Fill in the placeholders %1 before publishing.")
            .arg(unfilled.join(StatementChecker::tr(", ")));
    }
    QStringList words;
    for (const auto& f : findings) {
        if (refuses(f)) {
            words << StatementChecker::tr("\"%1\" (%2)").arg(f.text, ReplyFindingKinds::label(f.kind));
        }
    }
    if (!words.isEmpty()) {
        return StatementChecker::tr("The reply checker objects to %1. Rephrase it before publishing.")
            .arg(words.join(StatementChecker::tr(", ")));
    }
    return {};
}

StatementChecker::StatementChecker(QList<ReplyRule> rules, const QList<Citizen>& citizens, QStringList keepWords)
    : m_reply(std::move(rules))
    , m_keepWords(std::move(keepWords))
{
    for (const Citizen& c : citizens) {
        KnownPerson p;
        p.kind = KnownPerson::Kind::Citizen;
        p.name = c.name.trimmed();
        for (const QString& id : {c.phone, c.idNumber}) {
            if (!id.trimmed().isEmpty()) {
                p.identifiers << id.trimmed();
            }
        }
        if (!p.name.isEmpty() || !p.identifiers.isEmpty()) {
            m_citizens << p;
        }
        if (c.address.trimmed().size() >= 4) {
            m_addresses << c.address.trimmed();
        }
    }
}

StatementCheck StatementChecker::check(const QString& text) const
{
    StatementCheck result;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        result.empty = true;
        return result;
    }
    result.findings = m_reply.check(text);

    static const QRegularExpression unfilledPattern(QStringLiteral("【\\{([^{}【】]{1,30})\\}】"));
    auto it = unfilledPattern.globalMatch(text);
    while (it.hasNext()) {
        const QString name = QStringLiteral("{%1}").arg(it.next().captured(1));
        if (!result.unfilled.contains(name)) {
            result.unfilled << name;
        }
    }

    // Anything the anonymizer recognises as personal, with the crisis's citizens as known people.
    Anonymizer anonymizer;
    for (const KnownPerson& p : m_citizens) {
        anonymizer.addKnownPerson(p);
    }
    anonymizer.addKeepWords(m_keepWords);
    QList<PersonalItem> items;
    anonymizer.anonymize(text, &items);
    for (const PersonalItem& item : items) {
        result.personal.append({text.mid(item.start, item.length), item.mask, item.start, item.length});
    }
    const auto covered = [&result](int start, int length) {
        for (const auto& p : result.personal) {
            if (start < p.start + p.length && p.start < start + length) {
                return true;
            }
        }
        return false;
    };
    // The independent check: a known name or identifier however written, and a stored address.
    for (const QString& leak : Anonymizer::leaks(text, m_citizens)) {
        const int at = int(text.indexOf(leak));
        if (at < 0 || !covered(at, int(leak.size()))) {
            result.personal.append({leak, Anonymizer::label(PersonalItemKind::CitizenName), at, int(leak.size())});
        }
    }
    for (const QString& address : m_addresses) {
        const int at = int(text.indexOf(address));
        if (at >= 0 && !covered(at, int(address.size()))) {
            result.personal.append({address, Anonymizer::label(PersonalItemKind::Address), at, int(address.size())});
        }
    }
    return result;
}
