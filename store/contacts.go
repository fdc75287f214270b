package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"rolo/model"
)

// Contacts is the ContactRepo of a Store.
type Contacts struct{ s *Store }

const contactSelect = `SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.phone_e164, c.title,
	c.account_id, coalesce(a.name, ''), c.tags, c.notes, c.source, c.custom, c.owner_id, coalesce(u.name, ''),
	c.merged_into, c.last_activity_at, c.created_at, c.updated_at, c.archived_at, c.version
	FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id LEFT JOIN users u ON u.id = c.owner_id`

type scanner interface{ Scan(dest ...any) error }

func scanContact(sc scanner) (model.Contact, error) {
	var c model.Contact
	var account, merged sql.NullInt64
	var tags, custom, created, updated string
	var last, archived sql.NullString
	err := sc.Scan(&c.ID, &c.FirstName, &c.LastName, &c.Email, &c.Phone, &c.PhoneE164, &c.Title,
		&account, &c.AccountName, &tags, &c.Notes, &c.Source, &custom, &c.OwnerID, &c.OwnerName,
		&merged, &last, &created, &updated, &archived, &c.Version)
	if err != nil {
		return c, err
	}
	if account.Valid {
		id := account.Int64
		c.AccountID = &id
	}
	c.MergedInto = idPtr(merged)
	c.Tags = decodeTags(tags)
	c.Custom = decodeCustom(custom)
	c.LastActivityAt = parseTimePtr(last)
	c.CreatedAt, c.UpdatedAt = parseTime(created), parseTime(updated)
	c.ArchivedAt = parseTimePtr(archived)
	return c, nil
}

func decodeTags(s string) []string {
	out := []string{}
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

func decodeCustom(s string) map[string]string {
	out := map[string]string{}
	_ = json.Unmarshal([]byte(s), &out)
	return out
}

func encodeJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func getContact(ctx context.Context, q querier, id int64) (model.Contact, error) {
	c, err := scanContact(queryRow(ctx, q, contactSelect+` WHERE c.id = ?`, id))
	if isNoRows(err) {
		return c, notFound("contact", "#"+strconv.FormatInt(id, 10))
	}
	return c, err
}

// Get returns the contact with this id, archived or not.
func (r *Contacts) Get(ctx context.Context, id int64) (model.Contact, error) {
	return getContact(ctx, r.s.db, id)
}

// FindByEmail returns the live contact with this email (any case), or the
// newest archived one when no live contact has it.
func (r *Contacts) FindByEmail(ctx context.Context, email string) (model.Contact, error) {
	c, err := scanContact(r.s.db.QueryRowContext(ctx, contactSelect+
		` WHERE c.email_norm = ? ORDER BY c.archived_at IS NOT NULL, c.id DESC LIMIT 1`, model.NormalizeEmail(email)))
	if isNoRows(err) {
		return c, notFound("contact", email)
	}
	return c, err
}

// Create saves a new contact; see ContactRepo.
func (r *Contacts) Create(ctx context.Context, c model.Contact, opt WriteOptions) (model.Contact, error) {
	var out model.Contact
	err := r.s.write(ctx, func(w *wtx) error {
		id, err := w.insertContact(ctx, c, opt)
		if err != nil {
			return err
		}
		out, err = getContact(ctx, w, id)
		return err
	})
	return out, err
}

// prepareContact validates c and resolves its account and owner inside w.
func (w *wtx) prepareContact(ctx context.Context, c *model.Contact, opt WriteOptions) error {
	if !opt.normalized {
		if err := c.Normalize(w.s.rules); err != nil {
			return err
		}
	}
	if c.AccountID == nil && strings.TrimSpace(c.AccountName) != "" {
		id, name, err := accountIDByName(ctx, w, c.AccountName)
		switch {
		case err == nil:
		case isNotFound(err):
			owner := c.OwnerID
			if owner == 0 {
				owner = w.s.actor
			}
			a, err := w.insertAccount(ctx, model.Account{Name: c.AccountName, OwnerID: owner}, opt)
			if err != nil {
				return err
			}
			id, name = a.ID, a.Name
		default:
			return err
		}
		c.AccountID, c.AccountName = &id, name
	} else if c.AccountID != nil {
		var name string
		if err := w.queryRow(ctx, `SELECT name FROM accounts WHERE id = ?`, *c.AccountID).Scan(&name); err != nil {
			return model.Invalid("account_id", "no account #%d", *c.AccountID)
		}
		c.AccountName = name
	} else {
		c.AccountName = ""
	}
	if c.OwnerID == 0 {
		c.OwnerID = w.s.actor
	}
	if c.OwnerID == 0 {
		return model.Invalid("owner", "no owner: set user.name in the config")
	}
	if c.Tags == nil {
		c.Tags = []string{}
	}
	if c.Custom == nil {
		c.Custom = map[string]string{}
	}
	return nil
}

// contactDuplicate finds a live contact other than self with the same
// normalised email or E.164 phone.
func (w *wtx) contactDuplicate(ctx context.Context, c model.Contact, checkEmail, checkPhone bool) error {
	type probe struct {
		field, col, value, shown string
		on                       bool
	}
	for _, p := range []probe{
		{"email", "email_norm", model.NormalizeEmail(c.Email), c.Email, checkEmail},
		{"phone", "phone_e164", c.PhoneE164, c.Phone, checkPhone},
	} {
		if !p.on || p.value == "" {
			continue
		}
		var id int64
		var first, last string
		err := w.QueryRowContext(ctx, `SELECT id, first_name, last_name FROM contacts
			WHERE `+p.col+` = ? AND id <> ? AND archived_at IS NULL ORDER BY id LIMIT 1`, p.value, c.ID).Scan(&id, &first, &last)
		if isNoRows(err) {
			continue
		}
		if err != nil {
			return err
		}
		return &DuplicateError{Entity: "contact", Field: p.field, Value: p.shown, ExistingID: id,
			ExistingName: strings.TrimSpace(first + " " + last)}
	}
	return nil
}

func (w *wtx) insertContact(ctx context.Context, c model.Contact, opt WriteOptions) (int64, error) {
	if err := w.prepareContact(ctx, &c, opt); err != nil {
		return 0, err
	}
	if !opt.AllowDuplicate {
		if err := w.contactDuplicate(ctx, c, true, true); err != nil {
			return 0, err
		}
	}
	if err := w.noteSearch(ctx, "contacts", c.ID); err != nil {
		return 0, err
	}
	now := formatTime(w.now)
	if c.ID == 0 {
		id, err := w.newID(ctx, "contacts", "contact")
		if err != nil {
			return 0, err
		}
		c.ID = id
	}
	res, err := w.exec(ctx, `INSERT INTO contacts(id, first_name, last_name, sort_name, email, email_norm, phone, phone_e164,
		title, account_id, tags, notes, source, custom, owner_id, merged_into, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(c.ID), c.FirstName, c.LastName, c.SortName(), c.Email, model.NormalizeEmail(c.Email), c.Phone, c.PhoneE164,
		c.Title, c.AccountID, encodeJSON(c.Tags), c.Notes, c.Source, encodeJSON(c.Custom), c.OwnerID, c.MergedInto,
		c.SearchText(), now, now)
	if err != nil {
		return 0, err
	}
	id, _ := res.LastInsertId()
	c.ID = id
	return id, w.recordCreated(ctx, "contact", id, c)
}

// Update saves c when c.Version is current; see ContactRepo.
func (r *Contacts) Update(ctx context.Context, c model.Contact, opt WriteOptions) (model.Contact, error) {
	var out model.Contact
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.updateContact(ctx, c, opt)
		return err
	})
	return out, err
}

func (w *wtx) updateContact(ctx context.Context, c model.Contact, opt WriteOptions) (model.Contact, error) {
	cur, err := getContact(ctx, w, c.ID)
	if err != nil {
		return cur, err
	}
	if c.Version != cur.Version {
		return cur, staleConflict("contact", c.ID)
	}
	if err := w.prepareContact(ctx, &c, opt); err != nil {
		return cur, err
	}
	if !opt.AllowDuplicate {
		emailChanged := model.NormalizeEmail(c.Email) != model.NormalizeEmail(cur.Email)
		if err := w.contactDuplicate(ctx, c, emailChanged, c.PhoneE164 != cur.PhoneE164); err != nil {
			return cur, err
		}
	}
	changes := diff(cur, c)
	if len(changes) == 0 {
		return cur, nil
	}
	if err := w.noteSearch(ctx, "contacts", c.ID); err != nil {
		return cur, err
	}
	res, err := w.ExecContext(ctx, `UPDATE contacts SET first_name = ?, last_name = ?, sort_name = ?, email = ?, email_norm = ?,
		phone = ?, phone_e164 = ?, title = ?, account_id = ?, tags = ?, notes = ?, source = ?, custom = ?, owner_id = ?,
		merged_into = ?, search = ?, updated_at = ?, version = version + 1
		WHERE id = ? AND version = ?`,
		c.FirstName, c.LastName, c.SortName(), c.Email, model.NormalizeEmail(c.Email), c.Phone, c.PhoneE164, c.Title,
		c.AccountID, encodeJSON(c.Tags), c.Notes, c.Source, encodeJSON(c.Custom), c.OwnerID, c.MergedInto, c.SearchText(),
		formatTime(w.now), c.ID, c.Version)
	if err != nil {
		return cur, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cur, staleConflict("contact", c.ID)
	}
	if err := w.record(ctx, "contact", c.ID, "update", changes); err != nil {
		return cur, err
	}
	return getContact(ctx, w, c.ID)
}

// Archive hides a contact from lists and search; see AccountRepo.Archive.
func (r *Contacts) Archive(ctx context.Context, id, version int64) (model.Contact, error) {
	return setArchived(ctx, r.s, "contact", "contacts", id, version, true, getContact)
}

// Restore brings an archived contact back.
func (r *Contacts) Restore(ctx context.Context, id, version int64) (model.Contact, error) {
	return setArchived(ctx, r.s, "contact", "contacts", id, version, false, getContact)
}

// setArchived archives or restores one row of table, checking version
// unless it is 0, and records it.
func setArchived[T any](ctx context.Context, s *Store, entity, table string, id, version int64, archive bool,
	get func(context.Context, querier, int64) (T, error)) (T, error) {
	var out T
	err := s.write(ctx, func(w *wtx) error {
		if err := w.setArchivedRow(ctx, entity, table, id, version, archive); err != nil {
			return err
		}
		var err error
		out, err = get(ctx, w, id)
		return err
	})
	return out, err
}

func (w *wtx) setArchivedRow(ctx context.Context, entity, table string, id, version int64, archive bool) error {
	q := `UPDATE ` + table + ` SET archived_at = ?, updated_at = ?, version = version + 1 WHERE id = ?`
	var at any
	action := "restore"
	if archive {
		at = formatTime(w.now)
		action = "archive"
		q += ` AND archived_at IS NULL`
	} else {
		q += ` AND archived_at IS NOT NULL`
	}
	args := []any{at, formatTime(w.now), id}
	if err := w.noteSearch(ctx, table, id); err != nil {
		return err
	}
	if version != 0 {
		q += ` AND version = ?`
		args = append(args, version)
	}
	res, err := w.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var archived sql.NullString
		var v int64
		err := w.QueryRowContext(ctx, `SELECT archived_at, version FROM `+table+` WHERE id = ?`, id).Scan(&archived, &v)
		switch {
		case isNoRows(err):
			return notFound(entity, "#"+strconv.FormatInt(id, 10))
		case err != nil:
			return err
		case version != 0 && v != version:
			return staleConflict(entity, id)
		case archive:
			return &ConflictError{Entity: entity, ID: id, Reason: "already archived"}
		default:
			return &ConflictError{Entity: entity, ID: id, Reason: "not archived"}
		}
	}
	return w.record(ctx, entity, id, action, nil)
}

// List returns one page of contacts; see ListQuery.
func (r *Contacts) List(ctx context.Context, q ListQuery) ([]model.Contact, error) {
	f, err := r.filter(ctx, q)
	if err != nil || f.empty {
		return []model.Contact{}, err
	}
	tail, args := f.page(q.Limit)
	out, err := queryAll(ctx, r.s.db, contactSelect+f.where+tail, args, scanContact)
	if f.desc {
		reverse(out)
	}
	return out, err
}

func (r *Contacts) filter(ctx context.Context, q ListQuery) (listFilter, error) {
	var extra []string
	var extraArgs []any
	if q.AccountID != 0 {
		extra, extraArgs = []string{"c.account_id = ?"}, []any{q.AccountID}
	}
	return r.s.filter(ctx, "c", "contacts_fts", "sort_name", q, extra, extraArgs)
}

// Count is the number of contacts List would return without a limit.
func (r *Contacts) Count(ctx context.Context, q ListQuery) (int, error) {
	f, err := r.filter(ctx, q)
	if err != nil {
		return 0, err
	}
	return r.s.count(ctx, "contacts", "c", "contacts_fts", f)
}
