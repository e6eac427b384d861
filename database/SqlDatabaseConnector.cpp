#include "SqlDatabaseConnector.h"

#include "SqlCaseRepository.h"

namespace {
/** A Database of its own, as a DatabaseConnection. */
class SqlDatabaseConnection final : public DatabaseConnection
{
public:
    explicit SqlDatabaseConnection(std::unique_ptr<Database> db)
        : m_db(std::move(db))
    {}

    Repositories repositories() const override { return m_db->repositories(); }
    Status warmUp() override { return m_db->caseRepository().warmUp(); }

private:
    std::unique_ptr<Database> m_db;
};
} // namespace

SqlDatabaseConnector::SqlDatabaseConnector(DatabaseLocation location)
    : m_location(std::move(location))
{}

Result<std::unique_ptr<DatabaseConnection>> SqlDatabaseConnector::connect() const
{
    auto opened = Database::open(m_location, Database::OpenMode::ExistingOnly);
    if (!opened) {
        return opened.error();
    }
    return std::unique_ptr<DatabaseConnection>(std::make_unique<SqlDatabaseConnection>(std::move(opened).value()));
}
