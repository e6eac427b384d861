-- The plain-SQL floor of `qingting-cli stats` (issue 13): the same figures straight from the base tables, written as
-- fast as we could (one pass for the sums, the expression indexes of 0019 for the medians, cases_citizen_received
-- for the recurrence), without the daily aggregates. bench_stats.sh substitutes :B, :E (the period's first second
-- and the first second after it) and :ASOF (epoch seconds), runs it with sqlite3 and compares its answers with
-- `stats --json`. One result a line: name|value...
.mode list
.separator |
-- A generous page cache and memory-mapped reads (more than `stats` itself gets), so the floor is not I/O-bound.
PRAGMA cache_size = -262144;
PRAGMA mmap_size = 4294967296;
PRAGMA temp_store = MEMORY;
SELECT 'sums', COUNT(*), COUNT(acknowledged_at), TOTAL(acknowledged_at - received_at), COUNT(resolved_at),
       TOTAL(resolved_at - received_at),
       SUM(CASE WHEN answered_at IS NOT NULL OR resolved_at IS NOT NULL OR received_at + 172800 <= :ASOF THEN 1 ELSE 0 END),
       SUM(CASE WHEN MIN(COALESCE(answered_at, resolved_at), COALESCE(resolved_at, answered_at)) - received_at <= 172800
                THEN 1 ELSE 0 END),
       SUM(CASE WHEN rating_excluded = 0 AND rating BETWEEN 1 AND 5 THEN 1 ELSE 0 END),
       SUM(CASE WHEN rating_excluded = 0 AND rating BETWEEN 4 AND 5 THEN 1 ELSE 0 END),
       SUM(CASE WHEN rating_excluded = 0 AND nps BETWEEN 0 AND 10 THEN 1 ELSE 0 END),
       SUM(CASE WHEN rating_excluded = 0 AND nps >= 9 THEN 1 WHEN rating_excluded = 0 AND nps BETWEEN 0 AND 6 THEN -1
                ELSE 0 END),
       TOTAL(transfer_count)
  FROM cases WHERE received_at >= :B AND received_at < :E;
SELECT 'recurrence', COUNT(*), SUM(EXISTS (SELECT 1 FROM cases l WHERE l.citizen_id = c.citizen_id
                                          AND l.received_at > c.closed_at AND l.received_at <= c.closed_at + 2592000))
  FROM cases c WHERE received_at >= :B AND received_at < :E AND closed_at IS NOT NULL AND citizen_id IS NOT NULL;
SELECT 'waiting', COUNT(called_at), TOTAL(called_at - issued_at) FROM queue_visits WHERE issued_at >= :B AND issued_at < :E;
-- The middle values (and p90's two) through the expression indexes, by OFFSET.
SELECT 'first_response_mid', group_concat(v) FROM (
  SELECT acknowledged_at - received_at AS v FROM cases
   WHERE acknowledged_at - received_at >= -9000000000 AND received_at >= :B AND received_at < :E
   ORDER BY acknowledged_at - received_at
   LIMIT 2 OFFSET (SELECT (COUNT(acknowledged_at) - 1) / 2 FROM cases WHERE received_at >= :B AND received_at < :E));
SELECT 'resolution_mid', group_concat(v) FROM (
  SELECT resolved_at - received_at AS v FROM cases
   WHERE resolved_at - received_at >= -9000000000 AND received_at >= :B AND received_at < :E
   ORDER BY resolved_at - received_at
   LIMIT 2 OFFSET (SELECT (COUNT(resolved_at) - 1) / 2 FROM cases WHERE received_at >= :B AND received_at < :E));
SELECT 'waiting_mid', group_concat(v) FROM (
  SELECT called_at - issued_at AS v FROM queue_visits
   WHERE called_at - issued_at >= -9000000000 AND issued_at >= :B AND issued_at < :E
   ORDER BY called_at - issued_at
   LIMIT 2 OFFSET (SELECT (COUNT(called_at) - 1) / 2 FROM queue_visits WHERE issued_at >= :B AND issued_at < :E));
SELECT 'waiting_p90', group_concat(v) FROM (
  SELECT called_at - issued_at AS v FROM queue_visits
   WHERE called_at - issued_at >= -9000000000 AND issued_at >= :B AND issued_at < :E
   ORDER BY called_at - issued_at
   LIMIT 2 OFFSET (SELECT CAST((COUNT(called_at) - 1) * 9 / 10 AS INTEGER) FROM queue_visits
                    WHERE issued_at >= :B AND issued_at < :E));
SELECT 'category', COALESCE(category_name, ''), COUNT(*) FROM cases WHERE received_at >= :B AND received_at < :E
 GROUP BY 2 ORDER BY 3 DESC, 2;
