-- rolo schema 4: covering indexes for the reports and the dashboard, so
-- win rate, cycle length, forecast and team activity read indexes only.
DROP INDEX deals_closed;
DROP INDEX deals_close_date;
CREATE INDEX deals_closed ON deals(status, closed_at, pipeline, owner_id, created_at, currency, amount) WHERE archived_at IS NULL;
CREATE INDEX deals_forecast ON deals(status, close_date, pipeline, owner_id, stage, currency, amount, probability)
    WHERE archived_at IS NULL;
CREATE INDEX activities_team ON activities(at, kind, owner_id) WHERE archived_at IS NULL AND kind <> 'task';
CREATE INDEX activities_done ON activities(done_at, owner_id) WHERE kind = 'task' AND done = 1 AND archived_at IS NULL;
