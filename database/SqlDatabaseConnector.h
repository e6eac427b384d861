#pragma once

#include "Database.h"
#include "repositories/DatabaseConnector.h"

/** Opens further connections to an existing Qingting database (Database::open, ExistingOnly), one per thread. */
class SqlDatabaseConnector final : public DatabaseConnector
{
public:
    explicit SqlDatabaseConnector(DatabaseLocation location);

    Result<std::unique_ptr<DatabaseConnection>> connect() const override;

private:
    DatabaseLocation m_location;
};
