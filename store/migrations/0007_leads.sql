-- rolo schema 7: leads, merges and import batches.
--
-- A lead is a potential customer who is not yet an account. Converting it
-- links it to the contact, account and deal it became. A contact or an
-- account merged into another is archived with merged_into naming the
-- survivor, so the survivor's history can show the merged record's too.
-- An import batch is the change group one `rolo import` wrote: undoing
-- the batch undoes that group.

CREATE TABLE leads (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    sort_name         TEXT NOT NULL,
    company           TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL DEFAULT '',
    email             TEXT NOT NULL DEFAULT '',
    email_norm        TEXT NOT NULL DEFAULT '',
    phone             TEXT NOT NULL DEFAULT '',
    phone_e164        TEXT NOT NULL DEFAULT '',
    source            TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'new'
                      CHECK (status IN ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
    disqualify_reason TEXT NOT NULL DEFAULT '',
    tags              TEXT NOT NULL DEFAULT '[]',
    notes             TEXT NOT NULL DEFAULT '',
    owner_id          INTEGER NOT NULL REFERENCES users(id),
    contact_id        INTEGER REFERENCES contacts(id),
    account_id        INTEGER REFERENCES accounts(id),
    deal_id           INTEGER REFERENCES deals(id),
    converted_at      TEXT,
    search            TEXT NOT NULL DEFAULT '',
    last_activity_at  TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    archived_at       TEXT,
    version           INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX leads_sort ON leads(sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX leads_status_sort ON leads(status, sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX leads_owner_sort ON leads(owner_id, sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX leads_email ON leads(email_norm);
CREATE INDEX leads_phone ON leads(phone_e164);
CREATE INDEX leads_contact ON leads(contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX leads_account ON leads(account_id) WHERE account_id IS NOT NULL;
CREATE INDEX leads_deal ON leads(deal_id) WHERE deal_id IS NOT NULL;

CREATE VIRTUAL TABLE leads_fts USING fts5(search, content='leads', content_rowid='id', prefix='1 2 3');
CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads WHEN new.archived_at IS NULL BEGIN
    INSERT INTO leads_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads WHEN old.archived_at IS NULL BEGIN
    INSERT INTO leads_fts(leads_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER leads_fts_update AFTER UPDATE OF search, archived_at ON leads
WHEN old.search IS NOT new.search OR old.archived_at IS NOT new.archived_at BEGIN
    INSERT INTO leads_fts(leads_fts, rowid, search) SELECT 'delete', old.id, old.search WHERE old.archived_at IS NULL;
    INSERT INTO leads_fts(rowid, search) SELECT new.id, new.search WHERE new.archived_at IS NULL;
END;

-- A lead's last activity, kept like a contact's (schema 3).
CREATE TRIGGER activities_touch_lead_insert AFTER INSERT ON activities
WHEN new.lead_id IS NOT NULL AND new.archived_at IS NULL AND (new.kind <> 'task' OR new.done = 1) BEGIN
    UPDATE leads SET last_activity_at = max(coalesce(last_activity_at, ''), coalesce(new.done_at, new.at)) WHERE id = new.lead_id;
END;
CREATE TRIGGER activities_touch_lead_update AFTER UPDATE OF at, done, done_at, archived_at, lead_id ON activities
WHEN coalesce(old.lead_id, new.lead_id) IS NOT NULL BEGIN
    UPDATE leads SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.lead_id = leads.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id IN (old.lead_id, new.lead_id);
END;
CREATE TRIGGER activities_touch_lead_delete AFTER DELETE ON activities WHEN old.lead_id IS NOT NULL BEGIN
    UPDATE leads SET last_activity_at = (SELECT max(coalesce(x.done_at, x.at)) FROM activities x
        WHERE x.lead_id = leads.id AND x.archived_at IS NULL AND (x.kind <> 'task' OR x.done = 1))
    WHERE id = old.lead_id;
END;

ALTER TABLE contacts ADD COLUMN merged_into INTEGER REFERENCES contacts(id);
ALTER TABLE accounts ADD COLUMN merged_into INTEGER REFERENCES accounts(id);
CREATE INDEX contacts_merged_into ON contacts(merged_into) WHERE merged_into IS NOT NULL;
CREATE INDEX accounts_merged_into ON accounts(merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE import_batches (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,           -- contacts, accounts, leads
    file         TEXT NOT NULL,           -- the file's base name
    format       TEXT NOT NULL,
    change_group INTEGER,                 -- the history group of its writes; NULL when it wrote nothing
    created      INTEGER NOT NULL DEFAULT 0,
    updated      INTEGER NOT NULL DEFAULT 0,
    skipped      INTEGER NOT NULL DEFAULT 0,
    failed       INTEGER NOT NULL DEFAULT 0,
    user_id      INTEGER REFERENCES users(id),
    at           TEXT NOT NULL
);

-- The number of live leads per status and owner, kept by triggers: the
-- Leads view's header shows them on every load, and counting 100,000
-- leads takes longer than a frame.
CREATE TABLE lead_totals (
    status   TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (status, owner_id)
) WITHOUT ROWID;
CREATE TRIGGER leads_totals_insert AFTER INSERT ON leads WHEN new.archived_at IS NULL BEGIN
    INSERT INTO lead_totals(status, owner_id, n) VALUES (new.status, new.owner_id, 1)
        ON CONFLICT(status, owner_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER leads_totals_delete AFTER DELETE ON leads WHEN old.archived_at IS NULL BEGIN
    UPDATE lead_totals SET n = n - 1 WHERE status = old.status AND owner_id = old.owner_id;
END;
CREATE TRIGGER leads_totals_update AFTER UPDATE OF status, owner_id, archived_at ON leads
WHEN old.status IS NOT new.status OR old.owner_id IS NOT new.owner_id OR old.archived_at IS NOT new.archived_at BEGIN
    UPDATE lead_totals SET n = n - 1 WHERE old.archived_at IS NULL AND status = old.status AND owner_id = old.owner_id;
    INSERT INTO lead_totals(status, owner_id, n) SELECT new.status, new.owner_id, 1 WHERE new.archived_at IS NULL
        ON CONFLICT(status, owner_id) DO UPDATE SET n = n + 1;
END;
