#pragma once

class AuditRepository;
class CalendarRepository;
class CaseRepository;
class ReferenceRepository;
class ReplyRuleRepository;
class ScriptRepository;
class SlaPolicyRepository;
class TransferRepository;
class UnitOfWork;
class UserRepository;

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
    SlaPolicyRepository* slaPolicy = nullptr; ///< issue 12; nullptr = the defaults of SlaPolicy
    TransferRepository* transfers = nullptr;  ///< transfer (issue 12): transfers, sign-for, extensions
};
