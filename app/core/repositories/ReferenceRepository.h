#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

/** The kinds of reference data an admin keeps. */
enum class ReferenceKind
{
    Window,      ///< 窗口
    Department,  ///< 责任部门
    ServiceItem, ///< 事项
    Category,    ///< 类别, a tree through parentId
};

/** One row of reference data. */
struct ReferenceItem
{
    qint64 id = 0;
    ReferenceKind kind = ReferenceKind::Window;
    QString name;
    qint64 parentId = 0; ///< categories only; 0 = top level
    bool active = true;
    int sortOrder = 0;
};

/** Storage of windows, departments, service items and categories. */
class ReferenceRepository
{
public:
    virtual ~ReferenceRepository() = default;

    /** Active and inactive rows, in sort order then name. */
    virtual Result<QList<ReferenceItem>> list(ReferenceKind kind) = 0;
    virtual Result<ReferenceItem> find(ReferenceKind kind, qint64 id) = 0;
    /** Conflict when the name exists already (among siblings, for categories). */
    virtual Result<qint64> insert(const ReferenceItem& item) = 0;
    virtual Status update(const ReferenceItem& item) = 0;
};
