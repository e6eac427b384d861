#pragma once

#include "common/Result.h"
#include "metrics/Metrics.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QCoreApplication>

/**
 * metrics (issue 13): the figures of a period, for `qingting-cli stats` and later the dashboard and the reports.
 * Reads the inputs through MetricsRepository and computes them with Metrics::compute; anyone who may view cases may
 * see them (they hold no personal data).
 */
class MetricsService
{
    Q_DECLARE_TR_FUNCTIONS(MetricsService)

public:
    MetricsService(Session session, const Repositories& repos);

    /**
     * The figures of [from, to] (whole local days) as of `asOf`, from the daily aggregates; Invalid for a missing
     * date or from after to.
     */
    Result<Metrics::Figures> figures(const QDate& from, const QDate& to, const QDateTime& asOf);
    /** The same figures recomputed from every case and visit of the period (Metrics::compute): for checks. */
    Result<Metrics::Figures> recomputed(const QDate& from, const QDate& to, const QDateTime& asOf);

private:
    Result<Metrics::Period> period(const QDate& from, const QDate& to, const QDateTime& asOf);

    Session m_session;
    Repositories m_repos;
};
