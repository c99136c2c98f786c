-- examples/sql/lac_review_timeliness.sql
--
-- LAC review timeliness (docs/kpis.md#lac_review_timeliness) for an SSDA903
-- extract loaded into SQLite, with window functions and the timescales
-- extension (docs/sql.md). On the demo data it gives the same figures as
--
--   timescales report --ssda903 examples/data/ssda903 \
--       --config examples/data/config.json --period 2019-20
--
-- (tests/sqlite checks it). Run it from the top of the repository:
--
--   sqlite3 -cmd '.load build/dev/libtimescales_sqlite' :memory: \
--       < examples/sql/lac_review_timeliness.sql
--
-- For another extract or year, change the two .import lines and the
-- report_period row below. The steps follow docs/kpis.md word for word:
-- rows the importer would reject, periods of care, the coverage start,
-- duplicate reviews, the review schedules (anchored or not), the overdue
-- slots and the exclusions in their order of precedence.

.bail on
.import --csv examples/data/ssda903/episodes.csv episodes
.import --csv examples/data/ssda903/reviews.csv reviews

-- The reporting period [S, E], both days included: 2019-20.
CREATE TEMP TABLE report_period AS
  SELECT '2019-04-01' AS s, '2020-03-31' AS e;

-- ---- 1. Rows as the importer keeps them (docs/inputs.md) -------------------
-- Dates are read as dd/mm/yyyy (or yyyy-mm-dd) and written yyyy-mm-dd; a
-- cell that is not a real date (31/02/2018) fails date(julianday(x)) = x
-- (date() alone keeps 2018-02-31; julianday() rolls it to 3 March) and its row
-- is rejected, as is a row with a blank CHILD or a blank required date.
-- Codes are compared trimmed and upper-case.

CREATE TEMP VIEW episode_cells AS
SELECT rowid AS line,
       trim(CHILD) AS child,
       CASE WHEN trim(DECOM) GLOB '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'
            THEN substr(trim(DECOM), 7, 4) || '-' || substr(trim(DECOM), 4, 2)
                 || '-' || substr(trim(DECOM), 1, 2)
            ELSE nullif(trim(DECOM), '') END AS decom,
       CASE WHEN trim(DEC) GLOB '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'
            THEN substr(trim(DEC), 7, 4) || '-' || substr(trim(DEC), 4, 2)
                 || '-' || substr(trim(DEC), 1, 2)
            ELSE nullif(trim(DEC), '') END AS dec,
       upper(trim(RNE)) AS rne, upper(trim(LS)) AS ls,
       upper(trim(CIN)) AS cin, upper(trim(PLACE)) AS place,
       upper(trim(REC)) AS rec
FROM episodes;

-- Kept episodes; an exact repeat of an episode already read is dropped.
CREATE TEMP TABLE episodes_kept AS
SELECT * FROM (
  SELECT *, row_number() OVER (
              PARTITION BY child, decom, rne, ls, cin, place, dec, rec
              ORDER BY line) AS copy
  FROM episode_cells
  WHERE child <> '' AND date(julianday(decom)) IS decom
    AND (dec IS NULL OR date(julianday(dec)) IS dec))
WHERE copy = 1;

CREATE TEMP TABLE reviews_kept AS
SELECT * FROM (
  SELECT rowid AS line, trim(CHILD) AS child,
         CASE WHEN trim(REVIEW) GLOB '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'
              THEN substr(trim(REVIEW), 7, 4) || '-'
                   || substr(trim(REVIEW), 4, 2) || '-'
                   || substr(trim(REVIEW), 1, 2)
              ELSE nullif(trim(REVIEW), '') END AS review,
         CASE WHEN trim(DOB) GLOB '[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'
              THEN substr(trim(DOB), 7, 4) || '-' || substr(trim(DOB), 4, 2)
                   || '-' || substr(trim(DOB), 1, 2)
              ELSE nullif(trim(DOB), '') END AS dob
  FROM reviews)
WHERE child <> '' AND date(julianday(review)) IS review
  AND (dob IS NULL OR date(julianday(dob)) IS dob);

-- ---- 2. Periods of care (docs/kpis.md#periods-of-care) ----------------------
-- A child's episodes in DECOM order (file order among equals). A new period
-- begins at the child's first episode, at RNE = S, or after an episode that
-- ended the period (DEC filled and REC not X1).

CREATE TEMP TABLE episodes_numbered AS
SELECT *,
       sum(new_period) OVER (PARTITION BY child ORDER BY decom, line
                             ROWS UNBOUNDED PRECEDING) AS period_no,
       coalesce(lead(new_period) OVER w, 1) AS last_in_period
FROM (
  SELECT *,
         (lag(line) OVER w IS NULL OR rne = 'S'
          OR coalesce(lag(dec IS NOT NULL AND rec <> 'X1') OVER w, 0))
           AS new_period,
         lead(line) OVER w IS NULL AS last_of_child
  FROM episodes_kept
  WINDOW w AS (PARTITION BY child ORDER BY decom, line))
WINDOW w AS (PARTITION BY child ORDER BY decom, line);

-- One row a period. Its start is known only when its first episode has
-- RNE = S. Its end: the DEC of its last episode when an episode of a new
-- period follows it; otherwise that DEC when the episode ended care (REC
-- not X1), and open (NULL) when DEC is blank or REC is X1. A short-break
-- period has every episode with LS V3 or V4.
CREATE TEMP TABLE periods AS
SELECT child, period_no,
       max(CASE WHEN new_period THEN decom END) AS start,
       max(CASE WHEN new_period THEN rne = 'S' END) AS start_known,
       max(CASE WHEN last_in_period THEN
             CASE WHEN NOT last_of_child THEN dec
                  WHEN dec IS NOT NULL AND rec <> 'X1' THEN dec END
           END) AS end_date,
       min(ls IN ('V3', 'V4')) AS short_break
FROM episodes_numbered
GROUP BY child, period_no;

-- ---- 3. Coverage start and the reviews' periods ----------------------------
-- The LAC coverage start: the earliest REVIEW date read. A schedule is
-- anchored when its period's start is known and on or after it.
CREATE TEMP VIEW coverage AS SELECT min(review) AS lac FROM reviews_kept;

-- Each review: a duplicate (same child, same date; the first row is kept),
-- else the first period of care whose span [start or -inf, end or +inf]
-- holds it.
CREATE TEMP TABLE reviews_placed AS
SELECT r.*,
       (SELECT min(p.period_no) FROM periods p
        WHERE p.child = r.child
          AND (NOT p.start_known OR r.review >= p.start)
          AND (p.end_date IS NULL OR r.review <= p.end_date)) AS period_no
FROM (SELECT *, row_number() OVER (PARTITION BY child, review ORDER BY line)
                  > 1 AS duplicate
      FROM reviews_kept) r;

-- ---- 4. The review schedules (docs/kpis.md#review-schedules) ---------------
-- Within each period (short breaks have none), the k-th review is due:
--   anchored:   k = 1  lac.first_review (20 working days) after the start,
--               k = 2  lac.second_review (3 months) after review 1,
--               k >= 3 lac.subsequent_review (6 months) after the previous;
--   unanchored: k = 1  unknown (previous_review_unknown),
--               k >= 2 lac.subsequent_review after the previous.
-- Each due date counts from the ACTUAL date of the previous review.
CREATE TEMP TABLE schedule_reviews AS
SELECT r.child, r.period_no, r.review, p.start, p.end_date,
       p.start_known AND p.start >= c.lac AS anchored,
       row_number() OVER w AS k,
       lag(r.review) OVER w AS previous
FROM reviews_placed r
JOIN periods p USING (child, period_no)
CROSS JOIN coverage c
WHERE NOT r.duplicate AND NOT p.short_break
WINDOW w AS (PARTITION BY r.child, r.period_no ORDER BY r.review);

CREATE TEMP TABLE reviews_due AS
SELECT *,
       CASE WHEN k = 1 AND anchored THEN tsc_due('lac.first_review', start)
            WHEN k = 1 THEN NULL
            WHEN k = 2 AND anchored
              THEN tsc_due('lac.second_review', previous)
            ELSE tsc_due('lac.subsequent_review', previous) END AS due
FROM schedule_reviews;

-- ---- 5. Overdue slots (docs/kpis.md#overdue-slots) --------------------------
-- The open slot of each schedule follows the last review held by the end of
-- E (slot 1 of an anchored schedule with none). It is overdue when its due
-- date D is in [S, E] and the period was still open on D (ended after D).
CREATE TEMP TABLE open_slots AS
SELECT child, period_no, end_date, last_held,
       CASE WHEN k IS NULL AND anchored
              THEN tsc_due('lac.first_review', start)
            WHEN k IS NULL THEN NULL
            WHEN k = 1 AND anchored
              THEN tsc_due('lac.second_review', last_held)
            ELSE tsc_due('lac.subsequent_review', last_held) END AS due
FROM (
  SELECT p.child, p.period_no, p.start, p.end_date,
         p.start_known AND p.start >= c.lac AS anchored,
         l.k, l.last_held
  FROM periods p
  CROSS JOIN coverage c
  -- the number of reviews held by the end of E, and the last of them
  LEFT JOIN (SELECT child, period_no, max(k) AS k, max(review) AS last_held
             FROM schedule_reviews, report_period
             WHERE review <= e
             GROUP BY child, period_no) l USING (child, period_no)
  WHERE NOT p.short_break);

-- ---- 6. The KPI ------------------------------------------------------------
-- Denominator: reviews held in [S, E] with a known due date, plus the
-- overdue slots; numerator: those held on or before the legal due date.
-- Exclusions (records dated in [S, E]), in precedence order: duplicate,
-- no period of care, short breaks, previous review unknown.
.mode json
SELECT
  (SELECT count(*) FROM reviews_due, report_period
   WHERE review BETWEEN s AND e AND due IS NOT NULL AND review <= due)
    AS numerator,
  (SELECT count(*) FROM reviews_due, report_period
   WHERE review BETWEEN s AND e AND due IS NOT NULL)
  + (SELECT count(*) FROM open_slots, report_period
     WHERE due BETWEEN s AND e AND (end_date IS NULL OR end_date > due))
    AS denominator,
  (SELECT count(*) FROM open_slots, report_period
   WHERE due BETWEEN s AND e AND (end_date IS NULL OR end_date > due))
    AS overdue_at_period_end,
  (SELECT count(*) FROM reviews_placed, report_period
   WHERE review BETWEEN s AND e AND duplicate) AS duplicate_review,
  (SELECT count(*) FROM reviews_placed, report_period
   WHERE review BETWEEN s AND e AND NOT duplicate AND period_no IS NULL)
    AS no_period_of_care,
  (SELECT count(*) FROM reviews_placed r JOIN periods p
     USING (child, period_no), report_period
   WHERE review BETWEEN s AND e AND NOT duplicate AND p.short_break)
    AS short_breaks,
  (SELECT count(*) FROM reviews_due, report_period
   WHERE review BETWEEN s AND e AND due IS NULL) AS previous_review_unknown,
  (SELECT lac FROM coverage) AS coverage_lac;
