#pragma once

#include "common/Result.h"
#include "repositories/Repositories.h"

#include <memory>

/** One more connection to the desk's database and the repositories over it; used and destroyed in one thread. */
class DatabaseConnection
{
public:
    virtual ~DatabaseConnection() = default;
    /** Valid as long as this connection lives. */
    virtual Repositories repositories() const = 0;
    /**
     * Prepares the connection for the screens' first requests (PostgreSQL: loads what a new server session loads
     * on its first list); run in the connection's thread right after it opens. Nothing to do by default.
     */
    virtual Status warmUp() { return {}; }
};

/**
 * Opens further connections to the database the app works on, one per thread that works on it (connections never
 * cross threads). The composition root makes one over the database it opened; the UI only sees this interface.
 */
class DatabaseConnector
{
public:
    virtual ~DatabaseConnector() = default;
    /** Opens a connection in the calling thread; only that thread may use it and destroy it. Thread-safe. */
    virtual Result<std::unique_ptr<DatabaseConnection>> connect() const = 0;
};
