-- rolo schema 1: users, accounts, contacts, their search index and the
-- change history. Times are UTC text "YYYY-MM-DDTHH:MM:SS.sssZ". Every
-- record carries a version that each update increments, so a write based
-- on stale data can be refused. Tags are JSON arrays, custom fields JSON
-- objects. search columns hold folded text (see model.SearchText) indexed
-- by FTS5 tables with external content.

PRAGMA application_id = 1919904879; -- 'rolo'

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    name_fold   TEXT NOT NULL,
    email       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_name_fold ON users(name_fold);

CREATE TABLE accounts (
    id               INTEGER PRIMARY KEY,
    name             TEXT NOT NULL,
    sort_name        TEXT NOT NULL,
    domain           TEXT NOT NULL DEFAULT '',
    industry         TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    phone_e164       TEXT NOT NULL DEFAULT '',
    website          TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    external_id      TEXT NOT NULL DEFAULT '',
    tags             TEXT NOT NULL DEFAULT '[]',
    notes            TEXT NOT NULL DEFAULT '',
    custom           TEXT NOT NULL DEFAULT '{}',
    owner_id         INTEGER NOT NULL REFERENCES users(id),
    search           TEXT NOT NULL DEFAULT '',
    last_activity_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived_at      TEXT,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX accounts_sort ON accounts(sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX accounts_owner_sort ON accounts(owner_id, sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX accounts_name ON accounts(sort_name);
CREATE INDEX accounts_domain ON accounts(domain);
CREATE INDEX accounts_external_id ON accounts(external_id);

CREATE TABLE contacts (
    id               INTEGER PRIMARY KEY,
    first_name       TEXT NOT NULL DEFAULT '',
    last_name        TEXT NOT NULL DEFAULT '',
    sort_name        TEXT NOT NULL,
    email            TEXT NOT NULL DEFAULT '',
    email_norm       TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    phone_e164       TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    account_id       INTEGER REFERENCES accounts(id),
    tags             TEXT NOT NULL DEFAULT '[]',
    notes            TEXT NOT NULL DEFAULT '',
    source           TEXT NOT NULL DEFAULT '',
    custom           TEXT NOT NULL DEFAULT '{}',
    owner_id         INTEGER NOT NULL REFERENCES users(id),
    search           TEXT NOT NULL DEFAULT '',
    last_activity_at TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived_at      TEXT,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_sort ON contacts(sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX contacts_owner_sort ON contacts(owner_id, sort_name, id) WHERE archived_at IS NULL;
CREATE INDEX contacts_account ON contacts(account_id, sort_name, id);
CREATE INDEX contacts_email ON contacts(email_norm);
CREATE INDEX contacts_phone ON contacts(phone_e164);

-- Search indexes hold live (not archived) rows only, so a match count
-- is an index count; prefix indexes keep one- to three-letter prefix
-- queries fast.
CREATE VIRTUAL TABLE contacts_fts USING fts5(search, content='contacts', content_rowid='id', prefix='1 2 3');
CREATE VIRTUAL TABLE accounts_fts USING fts5(search, content='accounts', content_rowid='id', prefix='1 2 3');

CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts WHEN new.archived_at IS NULL BEGIN
    INSERT INTO contacts_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts WHEN old.archived_at IS NULL BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF search, archived_at ON contacts
WHEN old.search IS NOT new.search OR old.archived_at IS NOT new.archived_at BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, search) SELECT 'delete', old.id, old.search WHERE old.archived_at IS NULL;
    INSERT INTO contacts_fts(rowid, search) SELECT new.id, new.search WHERE new.archived_at IS NULL;
END;
CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts WHEN new.archived_at IS NULL BEGIN
    INSERT INTO accounts_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts WHEN old.archived_at IS NULL BEGIN
    INSERT INTO accounts_fts(accounts_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER accounts_fts_update AFTER UPDATE OF search, archived_at ON accounts
WHEN old.search IS NOT new.search OR old.archived_at IS NOT new.archived_at BEGIN
    INSERT INTO accounts_fts(accounts_fts, rowid, search) SELECT 'delete', old.id, old.search WHERE old.archived_at IS NULL;
    INSERT INTO accounts_fts(rowid, search) SELECT new.id, new.search WHERE new.archived_at IS NULL;
END;

-- One row per create, update, archive, restore or delete of a record.
-- changes is a JSON object {"field": [old, new]}; a create holds the new
-- values, a delete the old ones. Rows written by one transaction share a
-- change_group; undoing a group writes new rows whose undoes names it.
CREATE TABLE history (
    id           INTEGER PRIMARY KEY,
    change_group INTEGER NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    INTEGER NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('create', 'update', 'archive', 'restore', 'delete')),
    changes      TEXT NOT NULL DEFAULT '{}',
    user_id      INTEGER REFERENCES users(id),
    at           TEXT NOT NULL,
    undoes       INTEGER
);
CREATE INDEX history_entity ON history(entity, entity_id, id);
CREATE INDEX history_group ON history(change_group);
CREATE INDEX history_undoes ON history(undoes) WHERE undoes IS NOT NULL;
