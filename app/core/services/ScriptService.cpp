#include "ScriptService.h"

#include "common/Clock.h"
#include "repositories/ReferenceRepository.h"
#include "repositories/ScriptRepository.h"
#include "repositories/UnitOfWork.h"

#include <QJsonArray>

#include <algorithm>

namespace {
const QString kEntity = QStringLiteral("script_template");

QJsonObject describe(const ScriptTemplate& s)
{
    QJsonObject o{{QStringLiteral("step"), IntakeCodes::code(s.step)},
                  {QStringLiteral("title"), s.title},
                  {QStringLiteral("body"), s.body}};
    if (s.categoryId != 0) {
        o.insert(QStringLiteral("category_id"), s.categoryId);
    }
    if (s.emotion) {
        o.insert(QStringLiteral("emotion"), IntakeCodes::code(*s.emotion));
    }
    return o;
}

ScriptTemplate normalized(ScriptTemplate s)
{
    s.title = s.title.trimmed();
    s.body = s.body.trimmed();
    return s;
}
} // namespace

ScriptService::ScriptService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_clock(clock)
    , m_audit(*repos.audit, clock)
{}

std::optional<Error> ScriptService::invalid(const ScriptTemplate& raw)
{
    const ScriptTemplate s = normalized(raw);
    if (s.title.isEmpty() || s.title.size() > kMaxTitleLength) {
        return Error::make(Error::Code::Invalid, tr("A script's title has 1 to %1 characters.").arg(kMaxTitleLength));
    }
    if (s.body.isEmpty()) {
        return Error::make(Error::Code::Invalid, tr("Write the text of the script."));
    }
    if (s.body.size() > kMaxBodyLength) {
        return Error::make(
            Error::Code::Invalid,
            tr("A script's text has at most %1 characters; this one has %2.").arg(kMaxBodyLength).arg(s.body.size()));
    }
    if (const QStringList unknown = ScriptPlaceholders::unknownIn(s.body); !unknown.isEmpty()) {
        QStringList braced;
        for (const QString& name : unknown) {
            braced << QStringLiteral("{%1}").arg(name);
        }
        QStringList known;
        for (const QString& name : ScriptPlaceholders::known()) {
            known << QStringLiteral("{%1}").arg(name);
        }
        return Error::make(Error::Code::Invalid,
                           tr("Unknown placeholders: %1. Qingting can fill in: %2.")
                               .arg(braced.join(QLatin1String(" ")), known.join(QLatin1String(" "))));
    }
    return std::nullopt;
}

Result<QList<ScriptTemplate>> ScriptService::templates(ScriptStep step, qint64 categoryId,
                                                       std::optional<EmotionLevel> emotion)
{
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return *ended;
    }
    qint64 parentId = 0;
    if (categoryId != 0) {
        const auto category = m_repos.reference->find(ReferenceKind::Category, categoryId);
        if (category) {
            parentId = category->parentId;
        } else if (category.error().code != Error::Code::NotFound) {
            return category.error();
        }
    }
    const auto stored = m_repos.scripts->list(step);
    if (!stored) {
        return stored.error();
    }
    struct Ranked
    {
        int rank;
        ScriptTemplate script;
    };
    QList<Ranked> ranked;
    for (const ScriptTemplate& s : *stored) {
        if (!s.active) {
            continue;
        }
        int categoryRank = -1;
        if (s.categoryId == 0) {
            categoryRank = 2;
        } else if (categoryId != 0 && s.categoryId == categoryId) {
            categoryRank = 0;
        } else if (parentId != 0 && s.categoryId == parentId) {
            categoryRank = 1;
        }
        int emotionRank = -1;
        if (!emotion) {
            emotionRank = s.emotion ? 1 : 0;
        } else if (s.emotion == emotion) {
            emotionRank = 0;
        } else if (!s.emotion) {
            emotionRank = 1;
        }
        if (categoryRank >= 0 && emotionRank >= 0) {
            ranked.append({categoryRank * 2 + emotionRank, s});
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.rank < b.rank; });
    QList<ScriptTemplate> result;
    result.reserve(ranked.size());
    for (Ranked& r : ranked) {
        result.append(std::move(r.script));
    }
    return result;
}

Result<QList<ScriptTemplate>> ScriptService::all()
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    return m_repos.scripts->list();
}

Status ScriptService::checkCategory(qint64 categoryId)
{
    if (categoryId == 0) {
        return {};
    }
    const auto category = m_repos.reference->find(ReferenceKind::Category, categoryId);
    if (!category) {
        return category.error().code == Error::Code::NotFound
                   ? Error::make(Error::Code::Invalid, tr("The category of the script does not exist."))
                   : category.error();
    }
    return {};
}

Result<ScriptTemplate> ScriptService::add(const ScriptTemplate& raw)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    if (auto bad = invalid(raw)) {
        return *bad;
    }
    ScriptTemplate s = normalized(raw);
    s.id = 0;
    s.version = 0;
    s.active = true;
    s.createdAt = s.updatedAt = m_clock.now();
    s.createdBy = s.updatedBy = m_session.login();
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (auto c = checkCategory(s.categoryId); !c) {
        return c.error();
    }
    const auto id = m_repos.scripts->insert(s);
    if (!id) {
        return id.error();
    }
    s.id = *id;
    if (auto a = m_audit.record(m_session, QStringLiteral("script.add"), kEntity, s.id, describe(s)); !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return s;
}

Result<ScriptTemplate> ScriptService::change(qint64 id, const QString& action,
                                             const std::function<Status(ScriptTemplate&, QJsonObject&)>& apply)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    auto stored = m_repos.scripts->find(id);
    if (!stored) {
        return stored.error();
    }
    ScriptTemplate s = *stored;
    QJsonObject detail;
    if (auto applied = apply(s, detail); !applied) {
        return applied.error();
    }
    if (detail.isEmpty()) {
        return *stored; // nothing changed: nothing written, nothing audited
    }
    s.updatedAt = m_clock.now();
    s.updatedBy = m_session.login();
    if (auto u = m_repos.scripts->update(s); !u) {
        return u.error();
    }
    ++s.version;
    detail.insert(QStringLiteral("version"), s.version);
    if (auto a = m_audit.record(m_session, action, kEntity, id, detail); !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return s;
}

Result<ScriptTemplate> ScriptService::update(const ScriptTemplate& raw)
{
    const ScriptTemplate wanted = normalized(raw);
    return change(wanted.id, QStringLiteral("script.update"), [&](ScriptTemplate& s, QJsonObject& detail) {
        if (auto bad = invalid(wanted)) {
            return Status(*bad);
        }
        if (s.version != wanted.version) {
            return Status(Error::make(
                Error::Code::Conflict,
                tr("Someone else changed the script \"%1\" meanwhile. Load it again and repeat your change.")
                    .arg(s.title)));
        }
        if (wanted.categoryId != s.categoryId) {
            if (auto c = checkCategory(wanted.categoryId); !c) {
                return c;
            }
        }
        const QJsonObject before = describe(s);
        s.step = wanted.step;
        s.categoryId = wanted.categoryId;
        s.emotion = wanted.emotion;
        s.title = wanted.title;
        s.body = wanted.body;
        const QJsonObject after = describe(s);
        if (after == before) {
            return Status();
        }
        QJsonObject from;
        QJsonObject to;
        for (const QString& key : after.keys() + before.keys()) {
            if (before.value(key) != after.value(key) && !to.contains(key) && !from.contains(key)) {
                from.insert(key, before.value(key));
                to.insert(key, after.value(key));
            }
        }
        detail = {{QStringLiteral("title"), s.title}, {QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
        return Status();
    });
}

Result<ScriptTemplate> ScriptService::retire(qint64 id)
{
    return change(id, QStringLiteral("script.retire"), [](ScriptTemplate& s, QJsonObject& detail) {
        if (s.active) {
            s.active = false;
            detail = {{QStringLiteral("title"), s.title}};
        }
        return Status();
    });
}

Result<ScriptTemplate> ScriptService::reactivate(qint64 id)
{
    return change(id, QStringLiteral("script.reactivate"), [](ScriptTemplate& s, QJsonObject& detail) {
        if (!s.active) {
            s.active = true;
            detail = {{QStringLiteral("title"), s.title}};
        }
        return Status();
    });
}
