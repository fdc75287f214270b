-- rolo schema 6: each deal keeps the id of its next open task (the
-- earliest due), kept by triggers like last_activity_at, so a list of
-- deals with their next step joins one row per deal instead of searching
-- the activities for each.
ALTER TABLE deals ADD COLUMN next_task_id INTEGER;

UPDATE deals SET next_task_id = (SELECT t.id FROM activities t
    WHERE t.deal_id = deals.id AND t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL
    ORDER BY t.at, t.id LIMIT 1)
WHERE id IN (SELECT deal_id FROM activities WHERE kind = 'task' AND done = 0 AND archived_at IS NULL);

CREATE TRIGGER activities_touch_next_insert AFTER INSERT ON activities
WHEN new.kind = 'task' AND new.deal_id IS NOT NULL BEGIN
    UPDATE deals SET next_task_id = (SELECT t.id FROM activities t
        WHERE t.deal_id = new.deal_id AND t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL
        ORDER BY t.at, t.id LIMIT 1)
    WHERE id = new.deal_id;
END;
CREATE TRIGGER activities_touch_next_update AFTER UPDATE OF kind, at, done, archived_at, deal_id ON activities
WHEN (old.kind = 'task' OR new.kind = 'task') AND (old.deal_id IS NOT NULL OR new.deal_id IS NOT NULL) BEGIN
    UPDATE deals SET next_task_id = (SELECT t.id FROM activities t
        WHERE t.deal_id = deals.id AND t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL
        ORDER BY t.at, t.id LIMIT 1)
    WHERE id IN (old.deal_id, new.deal_id);
END;
CREATE TRIGGER activities_touch_next_delete AFTER DELETE ON activities
WHEN old.kind = 'task' AND old.deal_id IS NOT NULL BEGIN
    UPDATE deals SET next_task_id = (SELECT t.id FROM activities t
        WHERE t.deal_id = old.deal_id AND t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL
        ORDER BY t.at, t.id LIMIT 1)
    WHERE id = old.deal_id;
END;
