package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"rolo/model"
)

// Accounts is the AccountRepo of a Store.
type Accounts struct{ s *Store }

const accountSelect = `SELECT a.id, a.name, a.domain, a.industry, a.phone, a.phone_e164, a.website, a.address,
	a.external_id, a.tags, a.notes, a.custom, a.owner_id, coalesce(u.name, ''),
	(SELECT count(*) FROM contacts k WHERE k.account_id = a.id AND k.archived_at IS NULL),
	a.merged_into, a.last_activity_at, a.created_at, a.updated_at, a.archived_at, a.version
	FROM accounts a LEFT JOIN users u ON u.id = a.owner_id`

func scanAccount(sc scanner) (model.Account, error) {
	var a model.Account
	var tags, custom, created, updated string
	var last, archived sql.NullString
	var merged sql.NullInt64
	err := sc.Scan(&a.ID, &a.Name, &a.Domain, &a.Industry, &a.Phone, &a.PhoneE164, &a.Website, &a.Address,
		&a.ExternalID, &tags, &a.Notes, &custom, &a.OwnerID, &a.OwnerName, &a.Contacts,
		&merged, &last, &created, &updated, &archived, &a.Version)
	if err != nil {
		return a, err
	}
	a.MergedInto = idPtr(merged)
	a.Tags = decodeTags(tags)
	a.Custom = decodeCustom(custom)
	a.LastActivityAt = parseTimePtr(last)
	a.CreatedAt, a.UpdatedAt = parseTime(created), parseTime(updated)
	a.ArchivedAt = parseTimePtr(archived)
	return a, nil
}

func getAccount(ctx context.Context, q querier, id int64) (model.Account, error) {
	a, err := scanAccount(queryRow(ctx, q, accountSelect+` WHERE a.id = ?`, id))
	if isNoRows(err) {
		return a, notFound("account", "#"+strconv.FormatInt(id, 10))
	}
	return a, err
}

// Get returns the account with this id, archived or not.
func (r *Accounts) Get(ctx context.Context, id int64) (model.Account, error) {
	return getAccount(ctx, r.s.db, id)
}

// FindByName finds a live account by folded name.
func (r *Accounts) FindByName(ctx context.Context, name string) (model.Account, error) {
	return accountByName(ctx, r.s.db, name)
}

func (w *wtx) accountByName(ctx context.Context, name string) (model.Account, error) {
	return accountByName(ctx, w, name)
}

func accountByName(ctx context.Context, q querier, name string) (model.Account, error) {
	id, _, err := accountIDByName(ctx, q, name)
	if err != nil {
		return model.Account{}, err
	}
	return getAccount(ctx, q, id)
}

// accountIDByName finds the live account of a name: the one whose folded
// name it is, else the only one whose name is the same but for the legal
// form ("isik tekstil" and "ISIK TEKSTIL AS" find "Işık Tekstil A.Ş.").
// Two accounts that differ only by legal form are not guessed between.
func accountIDByName(ctx context.Context, q querier, name string) (int64, string, error) {
	var id int64
	var found string
	err := queryRow(ctx, q, `SELECT id, name FROM accounts WHERE sort_name = ? AND archived_at IS NULL ORDER BY id LIMIT 1`,
		model.Fold(strings.TrimSpace(model.Printable(name)))).Scan(&id, &found)
	if !isNoRows(err) {
		return id, found, err
	}
	// An account merged into another lives on as the survivor.
	err = queryRow(ctx, q, `WITH RECURSIVE chain(id, depth) AS (
			SELECT merged_into, 0 FROM accounts WHERE sort_name = ? AND merged_into IS NOT NULL
			UNION ALL SELECT a.merged_into, depth + 1 FROM accounts a JOIN chain ON a.id = chain.id
			WHERE a.merged_into IS NOT NULL AND depth < 20)
		SELECT a.id, a.name FROM chain JOIN accounts a ON a.id = chain.id WHERE a.archived_at IS NULL LIMIT 1`,
		model.Fold(strings.TrimSpace(model.Printable(name)))).Scan(&id, &found)
	if !isNoRows(err) {
		return id, found, err
	}
	key := model.CompanyKey(name)
	missing := notFound("account", strconv.Quote(strings.TrimSpace(name)))
	match := ftsQuery(key)
	if key == "" || match == "" {
		return 0, "", missing
	}
	cands, err := queryAll(ctx, q, `SELECT id, name FROM accounts WHERE archived_at IS NULL
		AND id IN (SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ? LIMIT 200)`, []any{match},
		func(sc scanner) (namedAccount, error) {
			var a namedAccount
			return a, sc.Scan(&a.id, &a.name)
		})
	if err != nil {
		return 0, "", err
	}
	var hit *namedAccount
	for i, c := range cands {
		if model.CompanyKey(c.name) != key {
			continue
		}
		if hit != nil {
			return 0, "", missing // two of them: do not guess
		}
		hit = &cands[i]
	}
	if hit == nil {
		return 0, "", missing
	}
	return hit.id, hit.name, nil
}

// Create saves a new account; an account whose folded name is taken is a
// duplicate unless opt.AllowDuplicate.
func (r *Accounts) Create(ctx context.Context, a model.Account, opt WriteOptions) (model.Account, error) {
	var out model.Account
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.insertAccount(ctx, a, opt)
		return err
	})
	return out, err
}

func (w *wtx) prepareAccount(a *model.Account, normalized bool) error {
	if !normalized {
		if err := a.Normalize(w.s.rules); err != nil {
			return err
		}
	}
	if a.OwnerID == 0 {
		a.OwnerID = w.s.actor
	}
	if a.OwnerID == 0 {
		return model.Invalid("owner", "no owner: set user.name in the config")
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if a.Custom == nil {
		a.Custom = map[string]string{}
	}
	return nil
}

func (w *wtx) accountDuplicate(ctx context.Context, a model.Account) error {
	var id int64
	var name string
	err := w.QueryRowContext(ctx, `SELECT id, name FROM accounts WHERE sort_name = ? AND id <> ? AND archived_at IS NULL ORDER BY id LIMIT 1`,
		a.SortName(), a.ID).Scan(&id, &name)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return &DuplicateError{Entity: "account", Field: "name", Value: a.Name, ExistingID: id, ExistingName: name}
}

func (w *wtx) insertAccount(ctx context.Context, a model.Account, opt WriteOptions) (model.Account, error) {
	if err := w.prepareAccount(&a, opt.normalized); err != nil {
		return a, err
	}
	if !opt.AllowDuplicate {
		if err := w.accountDuplicate(ctx, a); err != nil {
			return a, err
		}
	}
	if err := w.noteSearch(ctx, "accounts", a.ID); err != nil {
		return a, err
	}
	now := formatTime(w.now)
	if a.ID == 0 {
		id, err := w.newID(ctx, "accounts", "account")
		if err != nil {
			return a, err
		}
		a.ID = id
	}
	res, err := w.exec(ctx, `INSERT INTO accounts(id, name, sort_name, domain, industry, phone, phone_e164, website, address,
		external_id, tags, notes, custom, owner_id, merged_into, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(a.ID), a.Name, a.SortName(), a.Domain, a.Industry, a.Phone, a.PhoneE164, a.Website, a.Address,
		a.ExternalID, encodeJSON(a.Tags), a.Notes, encodeJSON(a.Custom), a.OwnerID, a.MergedInto, a.SearchText(), now, now)
	if err != nil {
		return a, err
	}
	a.ID, _ = res.LastInsertId()
	if err := w.recordCreated(ctx, "account", a.ID, a); err != nil {
		return a, err
	}
	return getAccount(ctx, w, a.ID)
}

// Update saves a when a.Version is current. Renaming an account refreshes
// the search text of its contacts, which are found by account name.
func (r *Accounts) Update(ctx context.Context, a model.Account, opt WriteOptions) (model.Account, error) {
	var out model.Account
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.updateAccount(ctx, a, opt)
		return err
	})
	return out, err
}

func (w *wtx) updateAccount(ctx context.Context, a model.Account, opt WriteOptions) (model.Account, error) {
	cur, err := getAccount(ctx, w, a.ID)
	if err != nil {
		return cur, err
	}
	if a.Version != cur.Version {
		return cur, staleConflict("account", a.ID)
	}
	if err := w.prepareAccount(&a, opt.normalized); err != nil {
		return cur, err
	}
	if !opt.AllowDuplicate && a.SortName() != cur.SortName() {
		if err := w.accountDuplicate(ctx, a); err != nil {
			return cur, err
		}
	}
	changes := diff(cur, a)
	if len(changes) == 0 {
		return cur, nil
	}
	if err := w.noteSearch(ctx, "accounts", a.ID); err != nil {
		return cur, err
	}
	res, err := w.ExecContext(ctx, `UPDATE accounts SET name = ?, sort_name = ?, domain = ?, industry = ?, phone = ?, phone_e164 = ?,
		website = ?, address = ?, external_id = ?, tags = ?, notes = ?, custom = ?, owner_id = ?, merged_into = ?, search = ?,
		updated_at = ?, version = version + 1
		WHERE id = ? AND version = ?`,
		a.Name, a.SortName(), a.Domain, a.Industry, a.Phone, a.PhoneE164, a.Website, a.Address, a.ExternalID,
		encodeJSON(a.Tags), a.Notes, encodeJSON(a.Custom), a.OwnerID, a.MergedInto, a.SearchText(), formatTime(w.now), a.ID, a.Version)
	if err != nil {
		return cur, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cur, staleConflict("account", a.ID)
	}
	if err := w.record(ctx, "account", a.ID, "update", changes); err != nil {
		return cur, err
	}
	if a.Name != cur.Name {
		if err := w.refreshContactSearch(ctx, a.ID); err != nil {
			return cur, err
		}
	}
	return getAccount(ctx, w, a.ID)
}

// refreshContactSearch recomputes the search text of an account's
// contacts (derived data: no history, no version change).
func (w *wtx) refreshContactSearch(ctx context.Context, accountID int64) error {
	cs, err := queryAll(ctx, w, contactSelect+` WHERE c.account_id = ?`, []any{accountID}, scanContact)
	if err != nil {
		return err
	}
	for _, c := range cs {
		if err := w.noteSearch(ctx, "contacts", c.ID); err != nil {
			return err
		}
		if _, err := w.ExecContext(ctx, `UPDATE contacts SET search = ? WHERE id = ?`, c.SearchText(), c.ID); err != nil {
			return err
		}
	}
	return nil
}

// Archive hides an account from lists and search. version 0 skips the
// stale-data check (the command line names records by id only).
func (r *Accounts) Archive(ctx context.Context, id, version int64) (model.Account, error) {
	return setArchived(ctx, r.s, "account", "accounts", id, version, true, getAccount)
}

// Restore brings an archived account back.
func (r *Accounts) Restore(ctx context.Context, id, version int64) (model.Account, error) {
	return setArchived(ctx, r.s, "account", "accounts", id, version, false, getAccount)
}

// List returns one page of accounts; see ListQuery.
func (r *Accounts) List(ctx context.Context, q ListQuery) ([]model.Account, error) {
	f, err := r.s.filter(ctx, "a", "accounts_fts", "sort_name", q, nil, nil)
	if err != nil || f.empty {
		return []model.Account{}, err
	}
	tail, args := f.page(q.Limit)
	out, err := queryAll(ctx, r.s.db, accountSelect+f.where+tail, args, scanAccount)
	if f.desc {
		reverse(out)
	}
	return out, err
}

// Count is the number of accounts List would return without a limit.
func (r *Accounts) Count(ctx context.Context, q ListQuery) (int, error) {
	f, err := r.s.filter(ctx, "a", "accounts_fts", "sort_name", q, nil, nil)
	if err != nil {
		return 0, err
	}
	return r.s.count(ctx, "accounts", "a", "accounts_fts", f)
}
