-- rolo schema 2: deals moving through pipelines, their stage history, the
-- per-stage totals the board shows, products, quotes and quote lines.
-- Pipelines and stages live in config; deals store the stable keys.
-- Amounts are integer minor units of their currency.

CREATE TABLE deals (
    id               INTEGER PRIMARY KEY,
    title            TEXT NOT NULL,
    sort_title       TEXT NOT NULL,
    account_id       INTEGER REFERENCES accounts(id),
    contact_id       INTEGER REFERENCES contacts(id),
    pipeline         TEXT NOT NULL,
    stage            TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost')),
    amount           INTEGER NOT NULL DEFAULT 0,
    currency         TEXT NOT NULL,
    probability      INTEGER CHECK (probability BETWEEN 0 AND 100),
    close_date       TEXT,
    -- order of cards in a board column: open deals by expected close date
    -- (none last), closed ones by closed date, newest first
    board_key        TEXT NOT NULL,
    owner_id         INTEGER NOT NULL REFERENCES users(id),
    lost_reason      TEXT NOT NULL DEFAULT '',
    closed_at        TEXT,
    stage_entered_at TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    search           TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    archived_at      TEXT,
    version          INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX deals_board ON deals(pipeline, stage, board_key, id) WHERE archived_at IS NULL;
CREATE INDEX deals_board_owner ON deals(owner_id, pipeline, stage, board_key, id) WHERE archived_at IS NULL;
CREATE INDEX deals_title ON deals(sort_title, id) WHERE archived_at IS NULL;
CREATE INDEX deals_closed ON deals(status, closed_at) WHERE archived_at IS NULL;
CREATE INDEX deals_close_date ON deals(close_date) WHERE archived_at IS NULL;
CREATE INDEX deals_account ON deals(account_id);
CREATE INDEX deals_contact ON deals(contact_id);

CREATE VIRTUAL TABLE deals_fts USING fts5(search, content='deals', content_rowid='id', prefix='1 2 3');
CREATE TRIGGER deals_fts_insert AFTER INSERT ON deals WHEN new.archived_at IS NULL BEGIN
    INSERT INTO deals_fts(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER deals_fts_delete AFTER DELETE ON deals WHEN old.archived_at IS NULL BEGIN
    INSERT INTO deals_fts(deals_fts, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER deals_fts_update AFTER UPDATE OF search, archived_at ON deals
WHEN old.search IS NOT new.search OR old.archived_at IS NOT new.archived_at BEGIN
    INSERT INTO deals_fts(deals_fts, rowid, search) SELECT 'delete', old.id, old.search WHERE old.archived_at IS NULL;
    INSERT INTO deals_fts(rowid, search) SELECT new.id, new.search WHERE new.archived_at IS NULL;
END;

-- Live deals summed per pipeline, stage, owner and currency, kept by
-- triggers so the board's column headers never scan the deals. weighted
-- holds Σ amount × probability (minor units × percent) of deals with a
-- probability override; plain Σ amount of those without, which the stage's
-- probability (config) weighs when read.
CREATE TABLE deal_totals (
    pipeline TEXT NOT NULL,
    stage    TEXT NOT NULL,
    owner_id INTEGER NOT NULL,
    currency TEXT NOT NULL,
    deals    INTEGER NOT NULL,
    amount   INTEGER NOT NULL,
    plain    INTEGER NOT NULL,
    weighted INTEGER NOT NULL,
    PRIMARY KEY (pipeline, stage, owner_id, currency)
);
CREATE TRIGGER deals_totals_insert AFTER INSERT ON deals WHEN new.archived_at IS NULL BEGIN
    INSERT INTO deal_totals VALUES (new.pipeline, new.stage, new.owner_id, new.currency, 1, new.amount,
        CASE WHEN new.probability IS NULL THEN new.amount ELSE 0 END, coalesce(new.amount * new.probability, 0))
    ON CONFLICT DO UPDATE SET deals = deals + 1, amount = amount + excluded.amount,
        plain = plain + excluded.plain, weighted = weighted + excluded.weighted;
END;
CREATE TRIGGER deals_totals_delete AFTER DELETE ON deals WHEN old.archived_at IS NULL BEGIN
    UPDATE deal_totals SET deals = deals - 1, amount = amount - old.amount,
        plain = plain - CASE WHEN old.probability IS NULL THEN old.amount ELSE 0 END,
        weighted = weighted - coalesce(old.amount * old.probability, 0)
    WHERE pipeline = old.pipeline AND stage = old.stage AND owner_id = old.owner_id AND currency = old.currency;
END;
CREATE TRIGGER deals_totals_update AFTER UPDATE OF pipeline, stage, owner_id, currency, amount, probability, archived_at ON deals
WHEN old.pipeline IS NOT new.pipeline OR old.stage IS NOT new.stage OR old.owner_id IS NOT new.owner_id
  OR old.currency IS NOT new.currency OR old.amount IS NOT new.amount OR old.probability IS NOT new.probability
  OR old.archived_at IS NOT new.archived_at BEGIN
    UPDATE deal_totals SET deals = deals - 1, amount = amount - old.amount,
        plain = plain - CASE WHEN old.probability IS NULL THEN old.amount ELSE 0 END,
        weighted = weighted - coalesce(old.amount * old.probability, 0)
    WHERE old.archived_at IS NULL
      AND pipeline = old.pipeline AND stage = old.stage AND owner_id = old.owner_id AND currency = old.currency;
    INSERT INTO deal_totals SELECT new.pipeline, new.stage, new.owner_id, new.currency, 1, new.amount,
        CASE WHEN new.probability IS NULL THEN new.amount ELSE 0 END, coalesce(new.amount * new.probability, 0)
    WHERE new.archived_at IS NULL
    ON CONFLICT DO UPDATE SET deals = deals + 1, amount = amount + excluded.amount,
        plain = plain + excluded.plain, weighted = weighted + excluded.weighted;
END;

-- Every stage change of a deal, written with the change: the first row of
-- a deal has no from_stage.
CREATE TABLE deal_stage_history (
    id          INTEGER PRIMARY KEY,
    deal_id     INTEGER NOT NULL REFERENCES deals(id) ON DELETE CASCADE,
    from_stage  TEXT,
    to_stage    TEXT NOT NULL,
    lost_reason TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    user_id     INTEGER REFERENCES users(id)
);
CREATE INDEX deal_stage_history_deal ON deal_stage_history(deal_id, id);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    sku         TEXT NOT NULL,
    sku_fold    TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    sort_name   TEXT NOT NULL,
    unit_price  INTEGER NOT NULL,
    currency    TEXT NOT NULL,
    stock       INTEGER,
    external_id TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX products_sort ON products(sort_name, id) WHERE archived_at IS NULL;

-- The last quote number handed out per year (Q-2027-0001, ...).
CREATE TABLE quote_numbers (
    year INTEGER PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    number      TEXT NOT NULL UNIQUE,
    deal_id     INTEGER NOT NULL REFERENCES deals(id),
    status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'expired')),
    valid_until TEXT,
    currency    TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    sent_at     TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    archived_at TEXT,
    version     INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX quotes_deal ON quotes(deal_id, id);
CREATE INDEX quotes_status ON quotes(status, valid_until) WHERE archived_at IS NULL;

-- quantity in thousandths, unit_price in minor units of the quote's
-- currency, discount_bp and tax_bp in hundredths of a percent.
CREATE TABLE quote_lines (
    id          INTEGER PRIMARY KEY,
    quote_id    INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    product_id  INTEGER REFERENCES products(id),
    sku         TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    quantity    INTEGER NOT NULL CHECK (quantity > 0),
    unit_price  INTEGER NOT NULL CHECK (unit_price >= 0),
    discount_bp INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    tax_bp      INTEGER NOT NULL DEFAULT 0 CHECK (tax_bp BETWEEN 0 AND 10000)
);
CREATE INDEX quote_lines_quote ON quote_lines(quote_id, position);
CREATE INDEX quote_lines_product ON quote_lines(product_id);
