#pragma once

#include "common/Ref.h"
#include "common/Result.h"
#include "sla/SlaEngine.h"

/** The stops of cases' SLA clocks (issue 12, helper "sla"; table case_pauses). */
class CasePauseRepository
{
public:
    virtual ~CasePauseRepository() = default;
    /** Every pause of the case, oldest first. */
    virtual Result<QList<SlaPause>> forCase(qint64 caseId) = 0;
    /** Records an open pause (pause.to is ignored); returns its id. */
    virtual Result<qint64> open(const SlaPause& pause, const Ref& actor) = 0;
    /** Ends the pause; false-free: NotFound when it is not open any more. */
    virtual Status close(qint64 pauseId, const QDateTime& at, const Ref& actor, const QString& note) = 0;
};
