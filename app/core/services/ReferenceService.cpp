#include "ReferenceService.h"

#include "repositories/UnitOfWork.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

ReferenceService::ReferenceService(Session session, const Repositories& repos, const Clock& clock)
    : m_session(std::move(session))
    , m_repos(repos)
    , m_audit(*repos.audit, clock)
{}

QString ReferenceService::kindCode(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::Window:
        return QStringLiteral("window");
    case ReferenceKind::Department:
        return QStringLiteral("department");
    case ReferenceKind::ServiceItem:
        return QStringLiteral("service_item");
    case ReferenceKind::Category:
        return QStringLiteral("category");
    }
    return {};
}

Result<QList<ReferenceItem>> ReferenceService::list(ReferenceKind kind, bool includeInactive)
{
    if (auto ended = m_session.denyNow(*m_repos.users)) {
        return *ended;
    }
    auto all = m_repos.reference->list(kind);
    if (!all || includeInactive) {
        return all;
    }
    QList<ReferenceItem> active;
    for (const auto& item : *all) {
        if (item.active) {
            active.append(item);
        }
    }
    return active;
}

Status ReferenceService::checkName(ReferenceKind kind, const QString& name, qint64 parentId, qint64 exceptId)
{
    if (name.isEmpty() || name.size() > 100) {
        return Error::make(Error::Code::Invalid, tr("A name has 1 to 100 characters."));
    }
    const auto all = m_repos.reference->list(kind);
    if (!all) {
        return all.error();
    }
    for (const auto& item : *all) {
        if (item.id != exceptId && item.parentId == parentId && item.name == name) {
            return Error::make(Error::Code::Conflict, tr("\"%1\" exists already.").arg(name));
        }
    }
    return {};
}

Result<ReferenceItem> ReferenceService::add(ReferenceKind kind, const QString& name, qint64 parentId)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    const QString trimmed = name.trimmed();
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started().error();
    }
    if (parentId != 0 && (kind != ReferenceKind::Category || !m_repos.reference->find(kind, parentId))) {
        return Error::make(Error::Code::Invalid, tr("The parent category does not exist."));
    }
    if (auto s = checkName(kind, trimmed, parentId, 0); !s) {
        return s.error();
    }
    const auto existing = m_repos.reference->list(kind);
    if (!existing) {
        return existing.error();
    }
    ReferenceItem item;
    item.kind = kind;
    item.name = trimmed;
    item.parentId = parentId;
    // New entries go last, after those the hall arranged already.
    for (const auto& other : *existing) {
        item.sortOrder = std::max(item.sortOrder, other.sortOrder + 10);
    }
    const auto id = m_repos.reference->insert(item);
    if (!id) {
        return id.error();
    }
    item.id = *id;
    if (auto a = m_audit.record(m_session, QStringLiteral("reference.add"), kindCode(kind), item.id,
                                {{QStringLiteral("name"), trimmed}});
        !a) {
        return a.error();
    }
    if (auto c = tx.commit(); !c) {
        return c.error();
    }
    return item;
}

Status ReferenceService::changeItem(ReferenceKind kind, qint64 id, const QString& action,
                                    const std::function<Status(ReferenceItem&, QJsonObject&)>& change)
{
    if (auto denied = m_session.denyNow(*m_repos.users, Permission::ManageReferenceData)) {
        return *denied;
    }
    WriteTransaction tx(*m_repos.unitOfWork);
    if (!tx.started()) {
        return tx.started();
    }
    auto item = m_repos.reference->find(kind, id);
    if (!item) {
        return item.error();
    }
    QJsonObject detail;
    if (auto s = change(*item, detail); !s) {
        return s;
    }
    if (auto s = m_repos.reference->update(*item); !s) {
        return s;
    }
    if (auto a = m_audit.record(m_session, action, kindCode(kind), id, detail); !a) {
        return a;
    }
    return tx.commit();
}

Status ReferenceService::rename(ReferenceKind kind, qint64 id, const QString& name)
{
    const QString trimmed = name.trimmed();
    return changeItem(kind, id, QStringLiteral("reference.rename"), [&](ReferenceItem& item, QJsonObject& detail) {
        if (auto s = checkName(kind, trimmed, item.parentId, id); !s) {
            return s;
        }
        detail = {{QStringLiteral("from"), item.name}, {QStringLiteral("to"), trimmed}};
        item.name = trimmed;
        return Status();
    });
}

Status ReferenceService::setActive(ReferenceKind kind, qint64 id, bool active)
{
    return changeItem(kind, id, active ? QStringLiteral("reference.enable") : QStringLiteral("reference.disable"),
                      [this, kind, active](ReferenceItem& item, QJsonObject& detail) {
                          detail = {{QStringLiteral("name"), item.name}};
                          item.active = active;
                          if (kind != ReferenceKind::Category || active) {
                              return Status();
                          }
                          // A retired category takes its sub-categories with it; reactivating the parent leaves them
                          // retired.
                          const auto all = m_repos.reference->list(kind);
                          if (!all) {
                              return Status(all.error());
                          }
                          QJsonArray children;
                          for (ReferenceItem child : *all) {
                              if (child.parentId == item.id && child.active) {
                                  child.active = false;
                                  if (auto s = m_repos.reference->update(child); !s) {
                                      return s;
                                  }
                                  children.append(child.name);
                              }
                          }
                          if (!children.isEmpty()) {
                              detail.insert(QStringLiteral("children"), children);
                          }
                          return Status();
                      });
}
