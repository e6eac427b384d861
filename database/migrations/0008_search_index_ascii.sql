-- Qingting schema: the SQLite search index (0004) re-created with FTS5's ascii tokenizer and without column sizes.
-- Its documents are SearchGrams joined by single spaces: every gram holds letters and digits only, and the ascii
-- tokenizer treats every non-ASCII character as part of a token, so it splits the documents (and the quoted grams
-- of a query) exactly as unicode61 did, at about half the cost of writing the index (docs/BENCHMARKS.md). Column
-- sizes only serve ranking, which the search does not use. The index is rebuilt from the cases when the database
-- is next opened (qingting_meta 'search_index' = 'rebuild'). PostgreSQL's GIN index stays as it is.
--@ sqlite
DROP TABLE case_search;
CREATE VIRTUAL TABLE case_search USING fts5(grams, content = '', detail = none, columnsize = 0, tokenize = 'ascii');
UPDATE qingting_meta SET value = 'rebuild' WHERE key = 'search_index';

--@ postgres
COMMENT ON TABLE case_search IS 'The search grams of each case (SearchGrams: single characters and pairs), GIN-indexed; written with the case.';
