-- rolo schema 3: activities (calls, emails, meetings, notes and tasks)
-- linked to contacts, accounts, deals and leads, and the last-activity
-- times derived from them.

CREATE TABLE activities (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('call', 'email', 'meeting', 'note', 'task')),
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,  -- when it happened; when a task is due
    all_day     INTEGER NOT NULL DEFAULT 0, -- at is the end of a day given without a time
    done        INTEGER NOT NULL DEFAULT 0,
    done_at     TEXT,
    duration    INTEGER NOT NULL DEFAULT 0, -- minutes
    outcome     TEXT NOT NULL DEFAULT '',
    contact_id  INTEGER REFERENCES contacts(id),
    account_id  INTEGER REFERENCES accounts(id),
    deal_id     INTEGER REFERENCES deals(id),
    lead_id     INTEGER, -- leads arrive with their own migration
    owner_id    INTEGER NOT NULL REFERENCES users(id),
    search      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
-- the agenda: open tasks by due time, and every task by due time
CREATE INDEX activities_open_tasks ON activities(at, id) WHERE kind = 'task' AND done = 0 AND archived_at IS NULL;
CREATE INDEX activities_tasks ON activities(at, id) WHERE kind = 'task' AND archived_at IS NULL;
-- the log, newest first, all kinds or one
CREATE INDEX activities_log ON activities(at, id) WHERE archived_at IS NULL;
CREATE INDEX activities_log_kind ON activities(kind, at, id) WHERE archived_at IS NULL;
-- timelines and next steps
CREATE INDEX activities_contact ON activities(contact_id, at, id) WHERE contact_id IS NOT NULL;
CREATE INDEX activities_account ON activities(account_id, at, id) WHERE account_id IS NOT NULL;
CREATE INDEX activities_deal ON activities(deal_id, at, id) WHERE deal_id IS NOT NULL;
CREATE INDEX activities_lead ON activities(lead_id, at, id) WHERE lead_id IS NOT NULL;
CREATE INDEX activities_deal_next ON activities(deal_id, at) WHERE kind = 'task' AND done = 0 AND archived_at IS NULL;
CREATE INDEX history_timeline ON history(entity, entity_id, at, id);

CREATE VIRTUAL TABLE activities_fts USING fts5(search, content='activities', content_rowid='id', prefix='2');
CREATE TRIGGER activities_fts_insert AFTER INSERT ON activities WHEN new.archived_at IS NULL BEGIN
    INSERT INTO activities_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER activities_fts_delete AFTER DELETE ON activities WHEN old.archived_at IS NULL BEGIN
    INSERT INTO activities_fts(activities_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER activities_fts_update AFTER UPDATE OF search, archived_at ON activities
WHEN old.search IS NOT new.search OR old.archived_at IS NOT new.archived_at BEGIN
    INSERT INTO activities_fts(activities_fts, rowid, search) SELECT 'delete', old.id, old.search WHERE old.archived_at IS NULL;
    INSERT INTO activities_fts(rowid, search) SELECT new.id, new.search WHERE new.archived_at IS NULL;
END;

-- When something last happened with a contact, an account or a deal: the
-- newest logged activity or done task (its done time) linked to it.
ALTER TABLE deals ADD COLUMN last_activity_at TEXT;

CREATE TRIGGER activities_touch_insert AFTER INSERT ON activities
WHEN new.archived_at IS NULL AND (new.kind <> 'task' OR new.done = 1) BEGIN
    UPDATE contacts SET last_activity_at = max(coalesce(last_activity_at, ''), coalesce(new.done_at, new.at)) WHERE id = new.contact_id;
    UPDATE accounts SET last_activity_at = max(coalesce(last_activity_at, ''), coalesce(new.done_at, new.at)) WHERE id = new.account_id;
    UPDATE deals SET last_activity_at = max(coalesce(last_activity_at, ''), coalesce(new.done_at, new.at)) WHERE id = new.deal_id;
END;
CREATE TRIGGER activities_touch_update AFTER UPDATE OF at, done, done_at, archived_at, contact_id, account_id, deal_id ON activities BEGIN
    UPDATE contacts SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.contact_id = contacts.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id IN (old.contact_id, new.contact_id);
    UPDATE accounts SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.account_id = accounts.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id IN (old.account_id, new.account_id);
    UPDATE deals SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.deal_id = deals.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id IN (old.deal_id, new.deal_id);
END;
CREATE TRIGGER activities_touch_delete AFTER DELETE ON activities BEGIN
    UPDATE contacts SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.contact_id = contacts.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id = old.contact_id;
    UPDATE accounts SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.account_id = accounts.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id = old.account_id;
    UPDATE deals SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.deal_id = deals.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id = old.deal_id;
END;
