-- rolo schema 5: sums kept by triggers so reports over a million rows
-- read a few thousand.
--
-- activities counted per UTC hour, owner and kind, kept by
-- triggers like deal_totals, so team activity over weeks or a year sums a
-- few thousand rows instead of counting a million. Calls, emails,
-- meetings and notes count in the hour they happened; tasks in the hour
-- they were completed. A period's whole hours come from here, its ragged
-- ends (time zones off the hour) from the activities themselves.
CREATE TABLE activity_totals (
    hour     TEXT NOT NULL, -- YYYY-MM-DDTHH, UTC
    owner_id INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (hour, owner_id, kind)
) WITHOUT ROWID;

CREATE TRIGGER activities_totals_insert AFTER INSERT ON activities
WHEN new.archived_at IS NULL AND (new.kind <> 'task' OR (new.done = 1 AND new.done_at IS NOT NULL)) BEGIN
    INSERT INTO activity_totals VALUES (
        substr(CASE WHEN new.kind = 'task' THEN new.done_at ELSE new.at END, 1, 13), new.owner_id, new.kind, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER activities_totals_delete AFTER DELETE ON activities
WHEN old.archived_at IS NULL AND (old.kind <> 'task' OR (old.done = 1 AND old.done_at IS NOT NULL)) BEGIN
    UPDATE activity_totals SET n = n - 1
    WHERE hour = substr(CASE WHEN old.kind = 'task' THEN old.done_at ELSE old.at END, 1, 13)
      AND owner_id = old.owner_id AND kind = old.kind;
END;
CREATE TRIGGER activities_totals_update AFTER UPDATE OF at, kind, owner_id, done, done_at, archived_at ON activities
WHEN old.at IS NOT new.at OR old.kind IS NOT new.kind OR old.owner_id IS NOT new.owner_id
  OR old.done IS NOT new.done OR old.done_at IS NOT new.done_at OR old.archived_at IS NOT new.archived_at BEGIN
    UPDATE activity_totals SET n = n - 1
    WHERE old.archived_at IS NULL AND (old.kind <> 'task' OR (old.done = 1 AND old.done_at IS NOT NULL))
      AND hour = substr(CASE WHEN old.kind = 'task' THEN old.done_at ELSE old.at END, 1, 13)
      AND owner_id = old.owner_id AND kind = old.kind;
    INSERT INTO activity_totals SELECT
        substr(CASE WHEN new.kind = 'task' THEN new.done_at ELSE new.at END, 1, 13), new.owner_id, new.kind, 1
    WHERE new.archived_at IS NULL AND (new.kind <> 'task' OR (new.done = 1 AND new.done_at IS NOT NULL))
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

INSERT INTO activity_totals
SELECT substr(at, 1, 13), owner_id, kind, count(*) FROM activities
WHERE archived_at IS NULL AND kind <> 'task' GROUP BY 1, 2, 3
UNION ALL
SELECT substr(done_at, 1, 13), owner_id, 'task', count(*) FROM activities
WHERE archived_at IS NULL AND kind = 'task' AND done = 1 AND done_at IS NOT NULL GROUP BY 1, 2;

-- open deals with an expected close date, summed per close month, like
-- deal_totals (plain: Σ amount without an override, which the stage's
-- probability weighs when read; weighted: Σ amount × probability of those
-- with one), so the forecast never scans the deals.
CREATE TABLE forecast_totals (
    month    TEXT NOT NULL, -- YYYY-MM of close_date
    pipeline TEXT NOT NULL,
    stage    TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    currency TEXT NOT NULL,
    deals    INTEGER NOT NULL,
    plain    INTEGER NOT NULL,
    weighted INTEGER NOT NULL,
    PRIMARY KEY (month, pipeline, stage, owner_id, currency)
) WITHOUT ROWID;

CREATE TRIGGER deals_forecast_totals_insert AFTER INSERT ON deals
WHEN new.archived_at IS NULL AND new.status = 'open' AND length(new.close_date) >= 7 BEGIN
    INSERT INTO forecast_totals VALUES (substr(new.close_date, 1, 7), new.pipeline, new.stage, new.owner_id, new.currency, 1,
        CASE WHEN new.probability IS NULL THEN new.amount ELSE 0 END, coalesce(new.amount * new.probability, 0))
    ON CONFLICT DO UPDATE SET deals = deals + 1, plain = plain + excluded.plain, weighted = weighted + excluded.weighted;
END;
CREATE TRIGGER deals_forecast_totals_delete AFTER DELETE ON deals
WHEN old.archived_at IS NULL AND old.status = 'open' AND length(old.close_date) >= 7 BEGIN
    UPDATE forecast_totals SET deals = deals - 1,
        plain = plain - CASE WHEN old.probability IS NULL THEN old.amount ELSE 0 END,
        weighted = weighted - coalesce(old.amount * old.probability, 0)
    WHERE month = substr(old.close_date, 1, 7) AND pipeline = old.pipeline AND stage = old.stage
      AND owner_id = old.owner_id AND currency = old.currency;
END;
CREATE TRIGGER deals_forecast_totals_update
AFTER UPDATE OF close_date, status, pipeline, stage, owner_id, currency, amount, probability, archived_at ON deals
WHEN old.close_date IS NOT new.close_date OR old.status IS NOT new.status OR old.pipeline IS NOT new.pipeline
  OR old.stage IS NOT new.stage OR old.owner_id IS NOT new.owner_id OR old.currency IS NOT new.currency
  OR old.amount IS NOT new.amount OR old.probability IS NOT new.probability OR old.archived_at IS NOT new.archived_at BEGIN
    UPDATE forecast_totals SET deals = deals - 1,
        plain = plain - CASE WHEN old.probability IS NULL THEN old.amount ELSE 0 END,
        weighted = weighted - coalesce(old.amount * old.probability, 0)
    WHERE old.archived_at IS NULL AND old.status = 'open' AND length(old.close_date) >= 7
      AND month = substr(old.close_date, 1, 7) AND pipeline = old.pipeline AND stage = old.stage
      AND owner_id = old.owner_id AND currency = old.currency;
    INSERT INTO forecast_totals SELECT substr(new.close_date, 1, 7), new.pipeline, new.stage, new.owner_id, new.currency, 1,
        CASE WHEN new.probability IS NULL THEN new.amount ELSE 0 END, coalesce(new.amount * new.probability, 0)
    WHERE new.archived_at IS NULL AND new.status = 'open' AND length(new.close_date) >= 7
    ON CONFLICT DO UPDATE SET deals = deals + 1, plain = plain + excluded.plain, weighted = weighted + excluded.weighted;
END;

INSERT INTO forecast_totals
SELECT substr(close_date, 1, 7), pipeline, stage, owner_id, currency, count(*),
    sum(CASE WHEN probability IS NULL THEN amount ELSE 0 END), sum(coalesce(amount * probability, 0))
FROM deals WHERE archived_at IS NULL AND status = 'open' AND length(close_date) >= 7 GROUP BY 1, 2, 3, 4, 5;
