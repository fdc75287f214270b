package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"rolo/model"
)

// Bulk writes many records in one transaction: statements are prepared
// once, the per-row search-index triggers are off while it runs and the
// indexes are rebuilt once at the end (much faster than row by row). Every
// record is validated like a single write and recorded in history; there is
// no duplicate check, so callers feed it clean data (demo data, or an
// import that has checked its rows).
type Bulk struct {
	w        *wtx
	ctx      context.Context
	account  *sql.Stmt
	contact  *sql.Stmt
	deal     *sql.Stmt
	move     *sql.Stmt
	activity *sql.Stmt
	actCount int
	history  *sql.Stmt
	triggers []string
	indexes  []string // dropped for the write, created again at the end
	folded   map[string]string
	firstAct int64
	// the newest logged activity per contact, account and deal, kept as
	// activities are added and written once at the end
	lastAct map[string]map[int64]string
}

// fold folds text for search, remembering what it folded: a bulk write
// folds the same names and subjects over and over.
func (b *Bulk) fold(s string) string {
	if f, ok := b.folded[s]; ok {
		return f
	}
	if b.folded == nil || len(b.folded) > 200_000 {
		b.folded = map[string]string{}
	}
	f := model.Fold(model.Printable(s))
	b.folded[s] = f
	return f
}

// bulkTables are the tables whose secondary indexes a bulk write drops
// and rebuilds: creating an index once over sorted rows is far cheaper
// than keeping ten of them up to date through a million inserts.
var bulkTables = []string{"activities", "deals", "contacts"}

// BulkWrite runs fn with a Bulk in one transaction; nothing is written
// when fn returns an error.
func (s *Store) BulkWrite(ctx context.Context, fn func(*Bulk) error) error {
	return s.write(ctx, func(w *wtx) error {
		b := &Bulk{w: w, ctx: ctx}
		if err := b.begin(); err != nil {
			return err
		}
		defer b.close()
		if err := fn(b); err != nil {
			return err
		}
		return b.finish()
	})
}

// bulkCacheKiB is the page cache of a bulk write's connection: large
// writes spill fewer pages mid-transaction (about 10% faster for the
// large demo set); it is set back when the write ends.
const bulkCacheKiB = 128 << 10

func (b *Bulk) begin() error {
	ctx, w := b.ctx, b.w
	if _, err := w.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, bulkCacheKiB)); err != nil {
		return err
	}
	defs, err := w.dropTriggers(ctx, `name LIKE '%\_fts\_%' ESCAPE '\' OR name LIKE '%\_totals\_%' ESCAPE '\'
		OR name LIKE '%\_touch\_%' ESCAPE '\'`)
	if err != nil {
		return err
	}
	b.triggers = defs
	var names []string
	// unique indexes stay: they keep the data right, not just fast
	rows, err := w.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (`+placeholders(len(bulkTables))+`)`, anySlice(bulkTables)...)
	if err != nil {
		return err
	}
	names = names[:0]
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		b.indexes = append(b.indexes, def)
	}
	rows.Close()
	for _, n := range names {
		if _, err := w.ExecContext(ctx, `DROP INDEX `+n); err != nil {
			return err
		}
	}
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = w.PrepareContext(ctx, q)
		return st
	}
	b.account = prep(`INSERT INTO accounts(name, sort_name, domain, industry, phone, phone_e164, website, address,
		external_id, tags, notes, custom, owner_id, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	b.contact = prep(`INSERT INTO contacts(first_name, last_name, sort_name, email, email_norm, phone, phone_e164,
		title, account_id, tags, notes, source, custom, owner_id, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	b.history = prep(`INSERT INTO history(change_group, entity, entity_id, action, changes, user_id, at)
		VALUES (?, ?, ?, 'create', ?, ?, ?)`)
	b.deal = prep(`INSERT INTO deals(title, sort_title, account_id, contact_id, pipeline, stage, status,
		amount, currency, probability, close_date, board_key, owner_id, lost_reason, closed_at, stage_entered_at, notes,
		search, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	b.move = prep(`INSERT INTO deal_stage_history(deal_id, from_stage, to_stage, lost_reason, at, user_id)
		VALUES (?, ?, ?, ?, ?, ?)`)
	b.activity = prep(`INSERT INTO activities(kind, subject, body, at, all_day, done, done_at, duration, outcome,
		contact_id, account_id, deal_id, lead_id, owner_id, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	return err
}

func (b *Bulk) close() {
	b.w.ExecContext(b.ctx, `PRAGMA cache_size = -2000`) // SQLite's default
	for _, st := range []*sql.Stmt{b.account, b.contact, b.deal, b.move, b.activity, b.history} {
		if st != nil {
			st.Close()
		}
	}
}

func (b *Bulk) finish() error {
	ctx, w := b.ctx, b.w
	if err := b.recordActivities(); err != nil {
		return err
	}
	for _, def := range b.indexes {
		if _, err := w.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("rebuild index: %w", err)
		}
	}
	for _, def := range b.triggers {
		if _, err := w.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("restore search trigger: %w", err)
		}
	}
	// the indexes hold live rows only (see the schema), so they are
	// refilled from those rather than with FTS5's 'rebuild'
	for _, table := range []string{"contacts", "accounts", "deals", "activities", "leads"} {
		fts := table + "_fts"
		if _, err := w.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`) VALUES ('delete-all')`); err != nil {
			return fmt.Errorf("clear %s: %w", fts, err)
		}
		// in id order (no index): FTS5 takes ascending rowids far faster
		if _, err := w.ExecContext(ctx, `INSERT INTO `+fts+`(rowid, search) SELECT id, search FROM `+table+
			` NOT INDEXED WHERE archived_at IS NULL ORDER BY id`); err != nil {
			return fmt.Errorf("fill %s: %w", fts, err)
		}
	}
	for _, table := range []string{"contacts", "accounts", "deals"} {
		if len(b.lastAct[table]) == 0 {
			continue
		}
		st, err := w.PrepareContext(ctx, `UPDATE `+table+` SET last_activity_at = max(coalesce(last_activity_at, ''), ?) WHERE id = ?`)
		if err != nil {
			return err
		}
		for id, at := range b.lastAct[table] {
			if _, err := st.ExecContext(ctx, at, id); err != nil {
				st.Close()
				return fmt.Errorf("last activity of %s: %w", table, err)
			}
		}
		st.Close()
	}
	// as migration 6 fills it, for the deals with an open task
	if _, err := w.ExecContext(ctx, `UPDATE deals SET next_task_id = (SELECT t.id FROM activities t
		WHERE t.deal_id = deals.id AND t.kind = 'task' AND t.done = 0 AND t.archived_at IS NULL
		ORDER BY t.at, t.id LIMIT 1)
		WHERE id IN (SELECT deal_id FROM activities WHERE kind = 'task' AND done = 0 AND archived_at IS NULL)`); err != nil {
		return fmt.Errorf("next tasks: %w", err)
	}
	if _, err := w.ExecContext(ctx, `DELETE FROM lead_totals`); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `INSERT INTO lead_totals SELECT status, owner_id, count(*) FROM leads
		WHERE archived_at IS NULL GROUP BY status, owner_id`); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `DELETE FROM deal_totals`); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `INSERT INTO deal_totals SELECT pipeline, stage, owner_id, currency, count(*), sum(amount),
		sum(CASE WHEN probability IS NULL THEN amount ELSE 0 END), sum(coalesce(amount * probability, 0))
		FROM deals WHERE archived_at IS NULL GROUP BY pipeline, stage, owner_id, currency`); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `DELETE FROM forecast_totals`); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `INSERT INTO forecast_totals SELECT substr(close_date, 1, 7), pipeline, stage, owner_id, currency,
		count(*), sum(CASE WHEN probability IS NULL THEN amount ELSE 0 END), sum(coalesce(amount * probability, 0))
		FROM deals WHERE archived_at IS NULL AND status = 'open' AND length(close_date) >= 7 GROUP BY 1, 2, 3, 4, 5`); err != nil {
		return err
	}
	if _, err := w.ExecContext(ctx, `DELETE FROM activity_totals`); err != nil {
		return err
	}
	// as migration 5 fills it; NOT INDEXED: one pass over the table beats
	// a million index lookups
	_, err := w.ExecContext(ctx, `INSERT INTO activity_totals
		SELECT substr(CASE WHEN kind = 'task' THEN done_at ELSE at END, 1, 13), owner_id, kind, count(*)
		FROM activities NOT INDEXED
		WHERE archived_at IS NULL AND (kind <> 'task' OR (done = 1 AND done_at IS NOT NULL)) GROUP BY 1, 2, 3`)
	return err
}

// recordCreate writes the history row of a bulk-created record; the first
// one starts the transaction's change group.
func (b *Bulk) recordCreate(entity string, id int64, rec any) error {
	if b.w.group == 0 {
		return b.w.record(b.ctx, entity, id, "create", snapshot(rec, true))
	}
	changes, err := createdJSON(rec)
	if err != nil {
		return err
	}
	_, err = b.history.ExecContext(b.ctx, b.w.group, entity, id, changes, nullIfZero(b.w.s.actor), formatTime(b.w.now))
	return err
}

// createdJSON is snapshot(rec, true) encoded, computed without decoding
// the values: each non-empty user field as "field": [null, value].
func createdJSON(rec any) (string, error) {
	raw, err := json.Marshal(rec)
	if err != nil {
		return "", err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return "", err
	}
	keys := make([]string, 0, len(fields))
	for k, v := range fields {
		if model.ReadOnlyFields[k] && k != "id" || isEmptyJSON(v) {
			continue
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var sb strings.Builder
	sb.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			sb.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		sb.Write(kb)
		sb.WriteString(":[null,")
		sb.Write(fields[k])
		sb.WriteByte(']')
	}
	sb.WriteByte('}')
	return sb.String(), nil
}

// contactCreatedJSON is createdJSON of a contact, written field by field
// (a test holds the two equal): encoding the whole record and decoding it
// again cost an import a fifth of its time.
func contactCreatedJSON(c model.Contact) string {
	var sb strings.Builder
	sb.Grow(256)
	n := 0
	field := func(k string, v []byte) {
		if n > 0 {
			sb.WriteByte(',')
		}
		n++
		sb.WriteString(`"` + k + `":[null,`)
		sb.Write(v)
		sb.WriteByte(']')
	}
	str := func(k, v string) {
		if v != "" {
			b, _ := json.Marshal(v)
			field(k, b)
		}
	}
	id := func(k string, v *int64) {
		if v != nil && *v != 0 {
			field(k, []byte(strconv.FormatInt(*v, 10)))
		}
	}
	sb.WriteByte('{')
	id("account_id", c.AccountID)
	if len(c.Custom) > 0 {
		b, _ := json.Marshal(c.Custom)
		field("custom", b)
	}
	str("email", c.Email)
	str("first_name", c.FirstName)
	id("id", &c.ID)
	str("last_name", c.LastName)
	id("merged_into", c.MergedInto)
	str("notes", c.Notes)
	id("owner_id", &c.OwnerID)
	str("phone", c.Phone)
	str("source", c.Source)
	if len(c.Tags) > 0 {
		b, _ := json.Marshal(c.Tags)
		field("tags", b)
	}
	str("title", c.Title)
	sb.WriteByte('}')
	return sb.String()
}

func isEmptyJSON(v json.RawMessage) bool {
	switch string(v) {
	case `""`, `null`, `[]`, `{}`, `0`:
		return true
	}
	return false
}

// Now is the time stamped on everything this bulk write creates.
func (b *Bulk) Now() string { return formatTime(b.w.now) }

// AddAccount validates and inserts an account, returning its id.
func (b *Bulk) AddAccount(a model.Account) (int64, error) {
	if err := b.w.prepareAccount(&a, false); err != nil {
		return 0, err
	}
	now := formatTime(b.w.now)
	res, err := b.account.ExecContext(b.ctx, a.Name, a.SortName(), a.Domain, a.Industry, a.Phone, a.PhoneE164, a.Website,
		a.Address, a.ExternalID, encodeJSON(a.Tags), a.Notes, encodeJSON(a.Custom), a.OwnerID, a.SearchText(), now, now)
	if err != nil {
		return 0, err
	}
	a.ID, _ = res.LastInsertId()
	return a.ID, b.recordCreate("account", a.ID, a)
}

// AddContact validates and inserts a contact. Its AccountID must name an
// account (AccountName is taken as that account's name for search).
func (b *Bulk) AddContact(c model.Contact) (int64, error) {
	if err := c.Normalize(b.w.s.rules); err != nil {
		return 0, err
	}
	if c.OwnerID == 0 {
		c.OwnerID = b.w.s.actor
	}
	if c.OwnerID == 0 {
		return 0, model.Invalid("owner", "no owner: set user.name in the config")
	}
	if c.Tags == nil {
		c.Tags = []string{}
	}
	if c.Custom == nil {
		c.Custom = map[string]string{}
	}
	now := formatTime(b.w.now)
	res, err := b.contact.ExecContext(b.ctx, c.FirstName, c.LastName, c.SortName(), c.Email, model.NormalizeEmail(c.Email),
		c.Phone, c.PhoneE164, c.Title, c.AccountID, encodeJSON(c.Tags), c.Notes, c.Source, encodeJSON(c.Custom), c.OwnerID,
		c.SearchText(), now, now)
	if err != nil {
		return 0, err
	}
	c.ID, _ = res.LastInsertId()
	return c.ID, b.recordCreate("contact", c.ID, c)
}

// AddLead validates and inserts a lead (not converted), returning its id.
func (b *Bulk) AddLead(l model.Lead) (int64, error) {
	if err := b.w.prepareLead(&l, false); err != nil {
		return 0, err
	}
	if l.Status == model.LeadConverted {
		return 0, model.Invalid("status", "a lead becomes converted by converting it")
	}
	now := formatTime(b.w.now)
	res, err := b.w.exec(b.ctx, `INSERT INTO leads(name, sort_name, company, title, email, email_norm, phone, phone_e164,
		source, status, disqualify_reason, tags, notes, owner_id, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		l.Name, l.SortName(), l.Company, l.Title, l.Email, model.NormalizeEmail(l.Email), l.Phone, l.PhoneE164,
		l.Source, l.Status, l.Reason, encodeJSON(l.Tags), l.Notes, l.OwnerID, l.SearchText(), now, now)
	if err != nil {
		return 0, err
	}
	l.ID, _ = res.LastInsertId()
	return l.ID, b.recordCreate("lead", l.ID, l)
}

// Wipe deletes every record but the users, and their history, for
// replacing a database's content in the same transaction.
func (b *Bulk) Wipe() error {
	for _, q := range []string{`DELETE FROM activities`, `DELETE FROM leads`, `DELETE FROM import_batches`, `DELETE FROM quote_lines`, `DELETE FROM quotes`, `DELETE FROM quote_numbers`,
		`DELETE FROM deal_stage_history`, `DELETE FROM deals`, `DELETE FROM products`, `DELETE FROM contacts`,
		`DELETE FROM accounts`, `DELETE FROM history WHERE entity <> 'user'`} {
		if _, err := b.w.ExecContext(b.ctx, q); err != nil {
			return err
		}
	}
	b.w.group = 0
	return nil
}

// Empty reports, inside the bulk transaction, whether the database holds
// no contacts, accounts, deals or products.
func (b *Bulk) Empty() (bool, error) { return isEmpty(b.ctx, b.w) }

// IsEmpty reports whether the database holds no contacts, accounts, deals
// or products, archived ones included.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) { return isEmpty(ctx, s.db) }

func isEmpty(ctx context.Context, q querier) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM (SELECT 1 FROM contacts LIMIT 1)) +
		(SELECT count(*) FROM (SELECT 1 FROM accounts LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM deals LIMIT 1)) +
		(SELECT count(*) FROM (SELECT 1 FROM products LIMIT 1))`).Scan(&n)
	return n == 0, err
}

// AddDeal inserts a deal with the stage history it went through, oldest
// move first. The moves must chain (the first From empty, each From the
// previous To), use stages of the deal's pipeline, be in time order, and
// give a reason for every move into the lost stage; the deal's stage,
// status, closed date and time in stage follow from the last move, and its
// creation is the first move's time. As in AddContact, an AccountID or
// ContactID is taken with the AccountName and ContactName given (the
// foreign keys check the ids); gates are not checked: history is history.
func (b *Bulk) AddDeal(d model.Deal, moves []model.StageMove) (int64, error) {
	if len(moves) == 0 {
		return 0, fmt.Errorf("deal %q has no stage history", d.Title)
	}
	p, err := b.w.s.pipeline(d.Pipeline)
	if err != nil {
		return 0, err
	}
	for i, m := range moves {
		st, ok := p.Find(m.To)
		switch {
		case !ok:
			return 0, fmt.Errorf("deal %q move %d: no stage %q in %s", d.Title, i+1, m.To, p.Name)
		case i == 0 && m.From != "", i > 0 && m.From != moves[i-1].To:
			return 0, fmt.Errorf("deal %q move %d: comes from %q, not from where the deal was", d.Title, i+1, m.From)
		case i > 0 && !m.At.After(moves[i-1].At):
			return 0, fmt.Errorf("deal %q move %d: not after the move before it", d.Title, i+1)
		case st.Kind == model.StageLost && strings.TrimSpace(m.LostReason) == "":
			return 0, fmt.Errorf("deal %q move %d: a move into %s needs a reason", d.Title, i+1, st.Name)
		}
	}
	last := moves[len(moves)-1]
	d.Stage, d.LostReason = last.To, last.LostReason
	if err := d.Normalize(p, b.w.s.rules.Base()); err != nil {
		return 0, err
	}
	if d.AccountID == nil {
		d.AccountName = ""
	}
	if d.ContactID == nil {
		d.ContactName = ""
	}
	if d.OwnerID == 0 {
		d.OwnerID = b.w.s.actor
	}
	if d.OwnerID == 0 {
		return 0, model.Invalid("owner", "no owner: set user.name in the config")
	}
	st, _ := p.Find(d.Stage)
	d.StageEnteredAt = last.At
	d.ClosedAt = nil
	if st.Kind != model.StageOpen {
		at := last.At
		d.ClosedAt = &at
	}
	res, err := b.deal.ExecContext(b.ctx, d.Title, d.SortTitle(), d.AccountID, d.ContactID, d.Pipeline, d.Stage, d.Status,
		d.Amount, d.Currency, d.Probability, nullString(d.CloseDate), boardKey(d), d.OwnerID, d.LostReason,
		timePtrArg(d.ClosedAt), formatTime(d.StageEnteredAt), d.Notes, d.SearchText(), formatTime(moves[0].At), formatTime(last.At))
	if err != nil {
		return 0, err
	}
	d.ID, _ = res.LastInsertId()
	for _, m := range moves {
		if _, err := b.move.ExecContext(b.ctx, d.ID, nullString(m.From), m.To, m.LostReason, formatTime(m.At), d.OwnerID); err != nil {
			return 0, err
		}
	}
	return d.ID, b.recordCreate("deal", d.ID, d)
}

// AddProduct validates and inserts a product (its SKU must be new).
func (b *Bulk) AddProduct(p model.Product) (int64, error) {
	out, err := b.w.insertProduct(b.ctx, p)
	return out.ID, err
}

// AddQuote numbers and inserts a quote on a deal.
func (b *Bulk) AddQuote(q model.Quote) (int64, error) {
	out, err := b.w.insertQuote(b.ctx, q)
	return out.ID, err
}

// AddActivity inserts an activity. As in AddContact, its links are taken
// with the names given (ContactName, AccountName, DealTitle: the search
// text is built from them) and the foreign keys check the ids; a task
// with Done and no DoneAt is done at its due time. Activities written in
// bulk are recorded in history together, as one row for the whole write
// (ids and count), not one row each: a million of them stay cheap.
func (b *Bulk) AddActivity(a model.Activity) (int64, error) {
	if err := a.Normalize(); err != nil {
		return 0, err
	}
	if a.OwnerID == 0 {
		a.OwnerID = b.w.s.actor
	}
	if a.OwnerID == 0 {
		return 0, model.Invalid("owner", "no owner: set user.name in the config")
	}
	if a.Done && a.DoneAt == nil {
		at := a.At
		a.DoneAt = &at
	}
	now := formatTime(b.w.now)
	res, err := b.activity.ExecContext(b.ctx, a.Kind, a.Subject, a.Body, formatTime(a.At), a.AllDay, a.Done, timePtrArg(a.DoneAt),
		a.Duration, a.Outcome, a.ContactID, a.AccountID, a.DealID, a.LeadID, a.OwnerID, a.SearchTextFold(b.fold), now, now)
	if err != nil {
		return 0, err
	}
	a.ID, _ = res.LastInsertId()
	if b.actCount == 0 {
		b.firstAct = a.ID
	}
	b.actCount++
	if a.Kind != model.KindTask || a.Done {
		at := a.At
		if a.DoneAt != nil {
			at = *a.DoneAt
		}
		b.touch("contacts", a.ContactID, formatTime(at))
		b.touch("accounts", a.AccountID, formatTime(at))
		b.touch("deals", a.DealID, formatTime(at))
	}
	return a.ID, nil
}

func (b *Bulk) touch(table string, id *int64, at string) {
	if id == nil {
		return
	}
	if b.lastAct == nil {
		b.lastAct = map[string]map[int64]string{}
	}
	m := b.lastAct[table]
	if m == nil {
		m = map[int64]string{}
		b.lastAct[table] = m
	}
	if at > m[*id] {
		m[*id] = at
	}
}

// recordActivities writes the one history row of the activities this
// bulk write added.
func (b *Bulk) recordActivities() error {
	if b.actCount == 0 {
		return nil
	}
	last := b.firstAct + int64(b.actCount) - 1
	return b.w.record(b.ctx, "activity", b.firstAct, "create", map[string]fieldChange{
		"bulk": {nil, fmt.Sprintf("%d activities, ids %d to %d", b.actCount, b.firstAct, last)}})
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
