#pragma once

#include "SqlSupport.h"
#include "repositories/SupervisionRepository.h"

#include <QMetaObject>

/** Supervision's reads in SQL: the timeline's change counter, the events that concern a desk, LISTEN/NOTIFY. */
class SqlSupervisionRepository final : public SupervisionRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlSupervisionRepository)

public:
    /** The channel migration 0016 announces every new case event on (payload: the event id). */
    static constexpr const char* kChannel = "qingting_case_events";

    explicit SqlSupervisionRepository(const SqlContext& sql)
        : m_sql(sql)
    {}
    ~SqlSupervisionRepository() override;

    Result<qint64> latestEventId() override;
    Result<QList<Notice>> notices(qint64 afterEventId, qint64 userId, const QList<CaseEventKind>& kinds,
                                  int limit) override;
    bool listenForEvents(std::function<void()> changed) override;

    /** The plan of notices(), for tests: it must be a range of case_events' primary key, never a scan. */
    Result<QStringList> explainNotices(qint64 afterEventId, qint64 userId, const QList<CaseEventKind>& kinds) const;

private:
    static QString noticesSql(const Dialect& dialect, int kindCount, int limit);
    static QVariantList noticesValues(qint64 afterEventId, qint64 userId, const QList<CaseEventKind>& kinds);

    const SqlContext& m_sql;
    QMetaObject::Connection m_listening;
};
