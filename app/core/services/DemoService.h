#pragma once

#include "common/Result.h"
#include "demo/DemoData.h"
#include "repositories/Repositories.h"
#include "users/Session.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <functional>

class Clock;
class DemoRepository;
struct DemoOptions;
struct DemoReference;

/**
 * Fills a database with realistic synthetic cases (`qingting-cli demo`, later the GUI's demo action): makes the demo
 * accounts, generates the data deterministically from a seed and writes it in batches of a few thousand cases per
 * transaction, with one audit entry `demo.generate` for the whole run. Refuses a database that holds cases unless
 * appending. Demo accounts get a password hash that no password verifies, so nobody can log in as them.
 */
class DemoService
{
    Q_DECLARE_TR_FUNCTIONS(DemoService)

public:
    struct Options
    {
        qint64 cases = 0;
        int days = 365;
        QDate end; ///< the last day with cases; invalid = today
        quint64 seed = 1;
        bool append = false;
        int batchCases = 4000;
    };
    /** Called after every batch with the cases written so far. */
    using Progress = std::function<void(qint64 done, qint64 total)>;
    /** Asked before every batch; true stops the run (what was committed stays, and is audited). */
    using Cancelled = std::function<bool()>;

    static constexpr int kClerks = 12;
    static constexpr int kSupervisors = 3;
    /** Not an Argon2 encoding: crypto_pwhash_str_verify fails for every password, so demo accounts cannot log in. */
    static constexpr const char* kNoLoginHash = "!demo-account:no-password-verifies";
    /** Bumped whenever the same seed would give different data (the benchmark rebuilds its file then). */
    // 3: improvement actions (register, issue 14); 4: their titles varied; 5: the guided intake's fields (issue 11)
    static constexpr int kGeneratorVersion = 5;

    DemoService(Session session, const Repositories& repos, DemoRepository& demo, const Clock& clock);

    Result<Demo::Counts> generate(const Options& options, const Progress& progress = {},
                                  const Cancelled& cancelled = {});
    /** Warnings of the last run (years outside the holiday calendar). */
    const QStringList& warnings() const { return m_warnings; }
    bool wasCancelled() const { return m_cancelled; }

    static constexpr qint64 kMaxCases = 20'000'000;
    static constexpr int kMaxDays = 3660;

private:
    Result<QList<Demo::User>> ensureUsers(const QDateTime& createdAt);
    /** register (issue 14): the demo's improvement actions, in the last batch's transaction. */
    Result<qint64> writeImprovements(const DemoOptions& options, const DemoReference& reference);

    Session m_session;
    Repositories m_repos;
    DemoRepository& m_demo;
    const Clock& m_clock;
    QStringList m_warnings;
    bool m_cancelled = false;
    int m_usersCreated = 0;
};
