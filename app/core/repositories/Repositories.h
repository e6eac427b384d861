#pragma once

class AuditRepository;
class CalendarRepository;
class CasePauseRepository;
class CaseRepository;
class CrisisRepository;    // crisis (issue 16)
class DashboardRepository; // dashboard (issue 14)
class DrillResultRepository; // drill15 (issue 15)
class FollowUpRepository;
class ImportRepository;      // imports (issue 13)
class ImprovementRepository; // register (issue 14)
class MetricsRepository;     // metrics (issue 13)
class ReferenceRepository;
class ReplyRuleRepository;
class ScriptRepository;
class SlaPolicyRepository;
class SupervisionRepository; // supervise (issue 12)
class TrainingRepository;    // train15 (issue 15)
class TransferRepository;
class UnitOfWork;
class UserRepository;
class RiskRepository; // riskintake (issue 16)
class RetentionRepository; // retention (issue 17)

/** The set of repositories over one database connection, as the composition root hands them to services. */
struct Repositories
{
    UnitOfWork* unitOfWork = nullptr;
    UserRepository* users = nullptr;
    CaseRepository* cases = nullptr;
    ReferenceRepository* reference = nullptr;
    AuditRepository* audit = nullptr;
    CalendarRepository* calendar = nullptr;
    ReplyRuleRepository* replyRules = nullptr;
    ScriptRepository* scripts = nullptr;
    SlaPolicyRepository* slaPolicy = nullptr;  ///< issue 12; nullptr = the defaults of SlaPolicy
    CasePauseRepository* casePauses = nullptr; ///< issue 12, helper "sla": stops of the SLA clocks
    FollowUpRepository* followUps = nullptr;   ///< followup (issue 12): attempts, rectifications, appeals, figures
    // supervise (issue 12): the timeline's change counter and the notices of a desk.
    SupervisionRepository* supervision = nullptr;
    TransferRepository* transfers = nullptr;       ///< transfer (issue 12): transfers, sign-for, extensions
    MetricsRepository* metrics = nullptr;          ///< metrics (issue 13): the inputs of the figures (stats)
    ImportRepository* imports = nullptr;           ///< imports (issue 13): import-cases / import-queue
    ImprovementRepository* improvements = nullptr; ///< register (issue 14): the improvement register (整改台账)
    DashboardRepository* dashboard = nullptr;      ///< dashboard (issue 14): tallies, breakdowns, systemic alerts
    DrillResultRepository* drillResults = nullptr; ///< drill15 (issue 15): the trainees' drill results
    TrainingRepository* training = nullptr;        ///< train15 (issue 15): the training cases (drills' library)
    RiskRepository* risk = nullptr; ///< riskintake (issue 16): risk rules' versions, alerts, the risk queue
    CrisisRepository* crises = nullptr;            ///< crisis (issue 16): crisis mode (危机处置)
    RetentionRepository* retention = nullptr;      ///< retention (issue 17): the purge of personal data
};
