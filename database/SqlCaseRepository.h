#pragma once

#include "SqlSupport.h"
#include "repositories/CaseRepository.h"

/** Cases, case events, follow-ups and citizens in SQL. */
class SqlCaseRepository final : public CaseRepository
{
    Q_DECLARE_TR_FUNCTIONS(SqlCaseRepository)

public:
    explicit SqlCaseRepository(const SqlContext& sql)
        : m_sql(sql)
    {}

    Result<QString> allocateCaseNo(const QDate& day) override;
    Result<qint64> insert(const Case& c) override;
    Status update(const Case& c) override;
    Result<Case> find(qint64 id) override;
    Result<Case> findByNumber(const QString& caseNo) override;
    Result<CasePage> list(const CaseQuery& query) override;
    Result<CaseCount> count(const CaseQuery& query) override;

    Result<qint64> addEvent(const CaseEvent& event) override;
    Result<QList<CaseEvent>> events(qint64 caseId) override;
    Result<qint64> addFollowUp(const FollowUp& followUp) override;
    Result<QList<FollowUp>> followUps(qint64 caseId) override;

    Result<qint64> insertCitizen(const Citizen& citizen) override;
    Result<Citizen> citizen(qint64 id) override;
    Result<QList<Citizen>> findCitizens(const QString& phoneKey, const QString& idNumber, int limit) override;
    Result<QList<Case>> citizenCases(qint64 citizenId, int limit) override;
    Result<QList<Case>> similarCases(qint64 serviceItemId, qint64 categoryId, const QDateTime& since,
                                     int limit) override;

    /** The number format: QT-YYYYMMDD-NNNN (more digits past 9999 a day). */
    static QString formatCaseNo(const QDate& day, qint64 sequence);

    /**
     * After the migration that adds the search index (and whenever qingting_meta says 'search_index' =
     * 'rebuild'): indexes every case. Run inside a write transaction; a no-op when the index is current.
     */
    Status rebuildSearchIndexIfNeeded();

    /**
     * Runs the list's shapes once, one row each, so that the connection's first list a desk asks for does not pay
     * for loading catalog entries, statistics and plans (PostgreSQL: 0.1-0.8 s at a million cases; a no-op on
     * SQLite). The desk's database worker calls it right after opening its connection.
     */
    Status warmUp();
    /** The plan the database chooses for list(query): EXPLAIN (QUERY PLAN) lines, for tests and diagnosis. */
    Result<QStringList> explainList(const CaseQuery& query) const;
    /** The plans of the intake's look-ups (findCitizens, citizenCases, similarCases), for tests. */
    Result<QStringList> explainFindCitizens(const QString& phoneKey, const QString& idNumber) const;
    Result<QStringList> explainCitizenCases(qint64 citizenId) const;
    Result<QStringList> explainSimilarCases(qint64 serviceItemId, qint64 categoryId, const QDateTime& since) const;
    /**
     * Where list() switches from collecting a small matching set to walking the sort order, and where count()
     * stops counting exactly. The defaults are measured on a million cases; tests lower them to see both shapes.
     */
    void setPlanThresholds(int smallSet, int countCap)
    {
        m_smallSet = smallSet;
        m_searchSmallSet = smallSet;
        m_countCap = countCap;
    }
    /** The rows a search walks of the sort order before collecting instead (SearchIndexSql::walkWindow), for tests. */
    void setSearchWalkWindow(int rows) { m_walkWindow = rows; }
    /** The candidates a count confirms past the small set (SearchIndexSql::largeCountSample), for tests; 0 = default.
     */
    void setCountSample(int rows) { m_countSample = rows; }
    /**
     * The plans of a search sorted by a key with few values, walked value by value (listByValue), for the
     * query's first value: the count of its candidates, their collection, the walk of its range. For tests.
     */
    Result<QStringList> explainByValue(const CaseQuery& query);
    /** PostgreSQL: a planner setting for this connection (`SET name = value`), for plan tests; no-op on SQLite. */
    Status setSessionOption(const QString& name, const QString& value);
    static constexpr int kDefaultSmallSet = 20000;
    static constexpr int kDefaultCountCap = 10000;

private:
    struct Statement
    {
        QString sql;
        QVariantList values;
        bool small = false;
        bool windowed = false;       ///< a window of the sort order: no whole page in it means collect instead
        bool collectsSearch = false; ///< collects a search's candidates: run with SearchIndexSql::collect
        bool byValue = false;        ///< restricted to one value of the sort key: SearchIndexSql::byValue
    };
    struct SearchPlan;
    /** The list's statement; `collect` = collect the matching set and sort it whatever its size. */
    Result<Statement> listStatement(const CaseQuery& query, bool collect = false) const;
    /** The same for a plan made already; `keyValue` (not null) = only the cases with that value of the sort key. */
    Statement listStatement(const CaseQuery& query, const SearchPlan& plan, bool collect,
                            const QVariant* keyValue) const;
    /** One page: the statement's, or, when a search's window of the order held none, by value or collected. */
    Result<CasePage> pageOf(const CaseQuery& query, const SearchPlan& plan, const QVariant* keyValue);
    /** A search's page in the order of a key with few values, walked value by value (PostgreSQL). */
    Result<CasePage> listByValue(const CaseQuery& query, const SearchPlan& plan);
    /** Counts the candidates one value of the sort key holds (capped at the small set), for listByValue. */
    Statement candidatesOfValue(const CaseQuery& query, const SearchPlan& plan, const QVariant& value) const;
    /** The key's first value in the list's order (`after` null), or the one after `after`; NULL past the last. */
    Result<QVariant> nextKeyValue(CaseSortKey sortKey, bool descending, const QVariant* after) const;
    /** Runs a list statement and reads one page of `pageSize` cases from it. */
    Result<CasePage> readPage(const Statement& statement, int pageSize);
    Result<QStringList> explain(const Statement& statement) const;
    static Statement findCitizensStatement(const QString& phoneKey, const QString& idNumber, int limit);
    static Statement citizenCasesStatement(qint64 citizenId, int limit);
    static Statement similarCasesStatement(qint64 serviceItemId, qint64 categoryId, const QDateTime& since, int limit);
    /** Runs a statement that selects list columns (selectClause(Shape::List) + kFrom) and reads its cases. */
    Result<QList<Case>> listCases(const Statement& statement);

    /** How list() and count() reach the rows: through the search index and/or filters, or the sort order. */
    struct SearchPlan
    {
        QString candidates;        ///< SQL giving the ids that may contain the term; empty = no term to look up
        QString argument;          ///< its one bound value
        qint64 candidateCount = 0; ///< capped at the small-set size
        bool small = false;        ///< the matching set is small: collect it and sort, rather than walk the order
        bool exact = false;        ///< the index alone decides (the term is one gram): the text need not confirm
    };

    Result<Case> findWhere(const QString& condition, const QVariant& value);
    /** With `confirmTerm` false the search term's text comparison is left out (the index condition decides). */
    QStringList filterConditions(const CaseQuery& query, bool useIndexes, QVariantList* values,
                                 bool confirmTerm = true) const;
    Result<SearchPlan> planSearch(const CaseQuery& query) const;
    /** Candidates past which a search walks the sort order (the dialect's, unless set by setPlanThresholds). */
    int searchSmallSet() const;
    /** The planner's row estimate of an EXPLAIN statement (the first `rows=`). */
    Result<qint64> estimatedRows(const QString& explainSql) const;
    /** scalar() with the search index's `throughIndex` planner setting. */
    Result<QVariant> scalarThroughIndex(const QString& sql, const QVariantList& values) const;
    /** Runs `run` with a planner setting changed, and puts the setting back. */
    template <typename Run>
    auto withPlanner(const SearchIndexSql::PlannerSetting& setting, Run&& run) const -> decltype(run());
    /** The same for several settings at once. */
    template <typename Run>
    auto withPlanner(const QList<SearchIndexSql::PlannerSetting>& settings, Run&& run) const -> decltype(run());
    Status setPlanner(const QString& name, const QString& value) const;
    /** Indexes every case, in slices by id (the index is empty). */
    Status indexAllCases();
    /** Indexes one slice of (case id, text): bulkRows rows a statement. */
    Status indexSlice(const QList<QPair<qint64, QString>>& slice);
    Status indexText(qint64 caseId, const QString& text);
    Status unindexText(qint64 caseId, const QString& text);

    const SqlContext& m_sql;
    /**
     * The index insert, prepared once on first use and reused (the repository lives as long as its connection);
     * finished after each use so that it holds nothing between writes.
     */
    std::optional<QSqlQuery> m_indexInsert;
    int m_smallSet = kDefaultSmallSet;
    int m_searchSmallSet = 0; ///< 0 = SearchIndexSql::smallSet (else m_smallSet)
    int m_countCap = kDefaultCountCap;
    int m_walkWindow = -1; ///< -1 = SearchIndexSql::walkWindow
    int m_countSample = 0; ///< 0 = SearchIndexSql::largeCountSample
};
