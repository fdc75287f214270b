package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"

	"rolo/model"
)

// History is the HistoryRepo of a Store.
type History struct{ s *Store }

// entityOps is what undo needs to know of a record kind: where it lives,
// how to read it as its JSON fields and how to write such fields back
// through the same validated path as a user edit.
type entityOps struct {
	table  string
	get    func(ctx context.Context, q querier, id int64) (map[string]any, error)
	update func(ctx context.Context, w *wtx, fields map[string]any) error
	insert func(ctx context.Context, w *wtx, fields map[string]any) error
}

var undoOpts = WriteOptions{AllowDuplicate: true, imported: true}

// undoOps builds the entityOps of a record kind from its read, update
// and insert functions.
func undoOps[T any](table string, get func(context.Context, querier, int64) (T, error),
	update func(*wtx, context.Context, T) error, insert func(*wtx, context.Context, T) error) entityOps {
	return entityOps{
		table: table,
		get: func(ctx context.Context, q querier, id int64) (map[string]any, error) {
			v, err := get(ctx, q, id)
			return toMap(v), err
		},
		update: func(ctx context.Context, w *wtx, f map[string]any) error {
			var v T
			if err := fromMap(f, &v); err != nil {
				return err
			}
			return update(w, ctx, v)
		},
		insert: func(ctx context.Context, w *wtx, f map[string]any) error {
			var v T
			if err := fromMap(f, &v); err != nil {
				return err
			}
			return insert(w, ctx, v)
		},
	}
}

func init() {
	entities["deal"] = undoOps("deals", func(ctx context.Context, q querier, id int64) (model.Deal, error) {
		w, ok := q.(*wtx)
		if !ok {
			return model.Deal{}, fmt.Errorf("deal undo outside a write")
		}
		return w.s.getDeal(ctx, w, id)
	}, func(w *wtx, ctx context.Context, d model.Deal) error {
		_, err := w.updateDeal(ctx, d, undoOpts)
		return err
	}, func(w *wtx, ctx context.Context, d model.Deal) error {
		_, err := w.insertDeal(ctx, d, undoOpts)
		return err
	})
	entities["activity"] = undoOps("activities", getActivity, func(w *wtx, ctx context.Context, a model.Activity) error {
		_, err := w.updateActivity(ctx, a)
		return err
	}, func(w *wtx, ctx context.Context, a model.Activity) error {
		_, err := w.insertActivity(ctx, a)
		return err
	})
	entities["lead"] = undoOps("leads", getLead, func(w *wtx, ctx context.Context, l model.Lead) error {
		_, err := w.updateLead(ctx, l, undoOpts)
		return err
	}, func(w *wtx, ctx context.Context, l model.Lead) error {
		_, err := w.insertLead(ctx, l, undoOpts)
		return err
	})
	entities["product"] = undoOps("products", getProduct, func(w *wtx, ctx context.Context, p model.Product) error {
		_, err := w.updateProduct(ctx, p)
		return err
	}, func(w *wtx, ctx context.Context, p model.Product) error {
		_, err := w.insertProduct(ctx, p)
		return err
	})
	entities["quote"] = undoOps("quotes", func(ctx context.Context, q querier, id int64) (model.Quote, error) {
		return getQuote(ctx, q, "q.id = ?", id)
	}, func(w *wtx, ctx context.Context, q model.Quote) error {
		_, err := w.updateQuote(ctx, q)
		return err
	}, func(w *wtx, ctx context.Context, q model.Quote) error {
		_, err := w.insertQuote(ctx, q)
		return err
	})
}

var entities = map[string]entityOps{
	"contact": undoOps("contacts", getContact, func(w *wtx, ctx context.Context, c model.Contact) error {
		_, err := w.updateContact(ctx, c, undoOpts)
		return err
	}, func(w *wtx, ctx context.Context, c model.Contact) error {
		_, err := w.insertContact(ctx, c, undoOpts)
		return err
	}),
	"account": undoOps("accounts", getAccount, func(w *wtx, ctx context.Context, a model.Account) error {
		_, err := w.updateAccount(ctx, a, undoOpts)
		return err
	}, func(w *wtx, ctx context.Context, a model.Account) error {
		_, err := w.insertAccount(ctx, a, undoOpts)
		return err
	}),
}

// fromMap fills a record from its JSON fields, leaving out the read-only
// ones (the store derives them) but keeping id and version.
func fromMap(f map[string]any, dst any) error {
	clean := map[string]any{}
	for k, v := range f {
		if !model.ReadOnlyFields[k] || k == "id" || k == "version" {
			clean[k] = v
		}
	}
	b, err := json.Marshal(clean)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, dst)
}

const historySelect = `SELECT h.id, h.change_group, h.entity, h.entity_id, h.action, h.changes, coalesce(u.name, ''),
	h.at, coalesce(h.undoes, 0) FROM history h LEFT JOIN users u ON u.id = h.user_id`

func scanChange(sc scanner) (model.Change, error) {
	var c model.Change
	var changes, at string
	if err := sc.Scan(&c.ID, &c.Group, &c.Entity, &c.EntityID, &c.Action, &changes, &c.User, &at, &c.Undoes); err != nil {
		return c, err
	}
	c.At = parseTime(at)
	raw := map[string][2]any{}
	if err := json.Unmarshal([]byte(changes), &raw); err != nil {
		return c, fmt.Errorf("history #%d: %w", c.ID, err)
	}
	c.Fields = make(map[string]model.FieldChange, len(raw))
	for k, v := range raw {
		c.Fields[k] = model.FieldChange{Old: v[0], New: v[1]}
	}
	return c, nil
}

func queryChanges(ctx context.Context, q querier, query string, args ...any) ([]model.Change, error) {
	return queryAll(ctx, q, query, args, scanChange)
}

// For lists the changes of one record, newest first (limit 0: all).
func (h *History) For(ctx context.Context, entity string, id int64, limit int) ([]model.Change, error) {
	q := historySelect + ` WHERE h.entity = ? AND h.entity_id` + historyOf(entity) + ` ORDER BY h.id DESC`
	args := []any{entity, id, id}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	return queryChanges(ctx, h.s.db, q, args...)
}

// Last is the actor's newest change group that is neither an undo nor
// undone, or 0.
func (h *History) Last(ctx context.Context) (int64, error) {
	var g int64
	err := h.s.db.QueryRowContext(ctx, `SELECT h.change_group FROM history h
		WHERE h.user_id = ? AND h.undoes IS NULL AND h.entity <> 'user'
		  AND NOT EXISTS (SELECT 1 FROM history x WHERE x.undoes = h.change_group)
		ORDER BY h.id DESC LIMIT 1`, h.s.actor).Scan(&g)
	if isNoRows(err) {
		return 0, nil
	}
	return g, err
}

// Undo reverses every change of a group, newest first, in one
// transaction: a create is deleted, a delete re-created, an archive
// restored (and back), an update's fields set to their old values. When a
// field has changed again since, the undo is refused as a conflict rather
// than overwrite the newer value. It returns the changes it undid.
func (h *History) Undo(ctx context.Context, group int64) ([]model.Change, error) {
	var undone []model.Change
	err := h.s.write(ctx, func(w *wtx) error {
		var n int
		if err := w.QueryRowContext(ctx, `SELECT count(*) FROM history WHERE undoes = ?`, group).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &ConflictError{Entity: "change", ID: group, Reason: "already undone"}
		}
		if err := w.QueryRowContext(ctx, `SELECT count(*) FROM history WHERE change_group = ?`, group).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return notFound("change", "#"+strconv.FormatInt(group, 10))
		}
		// A large group (an import) is undone with the search index
		// deferred, and read a page at a time.
		big := n > undoPage
		if big {
			if err := w.deferSearch(ctx); err != nil {
				return err
			}
		}
		w.undoes = group
		before := int64(-1) // the history id the next page comes before (-1: from the newest)
		for {
			q := historySelect + ` WHERE h.change_group = ?`
			args := []any{group}
			if before >= 0 {
				q += ` AND h.id < ?`
				args = append(args, before)
			}
			changes, err := queryChanges(ctx, w, q+` ORDER BY h.id DESC LIMIT `+strconv.Itoa(undoPage), args...)
			if err != nil {
				return err
			}
			for _, c := range changes {
				if err := w.undoChange(ctx, c); err != nil {
					return fmt.Errorf("undo %s of %s #%d: %w", c.Action, c.Entity, c.EntityID, err)
				}
			}
			if !big {
				undone = append(undone, changes...)
			} else {
				for _, c := range changes {
					undone = append(undone, model.Change{ID: c.ID, Group: c.Group, Entity: c.Entity, EntityID: c.EntityID, Action: c.Action})
				}
			}
			if len(changes) < undoPage {
				break
			}
			before = changes[len(changes)-1].ID
		}
		return w.flushSearch(ctx)
	})
	return undone, err
}

// undoPage is how many changes of a group Undo reads at a time; a group
// larger than that is undone with the search index deferred.
const undoPage = 1000

func (w *wtx) undoChange(ctx context.Context, c model.Change) error {
	ops, ok := entities[c.Entity]
	if !ok {
		return &ConflictError{Entity: c.Entity, ID: c.EntityID, Reason: "changes to this kind of record cannot be undone"}
	}
	if _, bulk := c.Fields["bulk"]; bulk {
		return &ConflictError{Entity: c.Entity, ID: c.EntityID, Reason: "records written in bulk (demo data) are not undone one by one"}
	}
	switch c.Action {
	case "archive", "restore":
		return w.setArchivedRow(ctx, c.Entity, ops.table, c.EntityID, 0, c.Action == "restore")
	case "create":
		cur, err := ops.get(ctx, w, c.EntityID)
		if err != nil {
			return err
		}
		// A record changed since it was created (and the change not
		// undone) is not deleted: that would lose the later change.
		var later int64
		err = w.queryRow(ctx, `SELECT h.change_group FROM history h WHERE h.entity = ? AND h.entity_id = ? AND h.id > ?
			AND h.change_group <> ? AND h.undoes IS NULL
			AND NOT EXISTS (SELECT 1 FROM history u WHERE u.undoes = h.change_group) LIMIT 1`,
			c.Entity, c.EntityID, c.ID, c.Group).Scan(&later)
		switch {
		case err == nil:
			return &ConflictError{Entity: c.Entity, ID: c.EntityID,
				Reason: fmt.Sprintf("it was changed since (change %d); undo that first or archive it by hand", later)}
		case !isNoRows(err):
			return err
		}
		if err := w.noteSearch(ctx, ops.table, c.EntityID); err != nil {
			return err
		}
		if _, err := w.exec(ctx, `DELETE FROM `+ops.table+` WHERE id = ?`, c.EntityID); err != nil {
			if mapped := mapSQLError(err); mapped != err {
				return &ConflictError{Entity: c.Entity, ID: c.EntityID, Reason: "other records refer to it now"}
			}
			return err
		}
		snap := map[string]fieldChange{}
		for k, v := range cur {
			if !model.ReadOnlyFields[k] || k == "id" {
				snap[k] = fieldChange{v, nil}
			}
		}
		return w.record(ctx, c.Entity, c.EntityID, "delete", snap)
	case "delete":
		fields := map[string]any{}
		for k, fc := range c.Fields {
			fields[k] = fc.Old
		}
		fields["id"] = float64(c.EntityID)
		return ops.insert(ctx, w, fields)
	case "update":
		cur, err := ops.get(ctx, w, c.EntityID)
		if err != nil {
			return err
		}
		for field, fc := range c.Fields {
			if !reflect.DeepEqual(emptyToNil(cur[field]), emptyToNil(fc.New)) {
				return &ConflictError{Entity: c.Entity, ID: c.EntityID,
					Reason: fmt.Sprintf("%s was changed again since; edit it by hand instead", field)}
			}
			cur[field] = fc.Old
		}
		return ops.update(ctx, w, cur)
	}
	return fmt.Errorf("unknown history action %q", c.Action)
}

// historyOf is the condition on history.entity_id that selects a record's
// history, taking two arguments (the id twice): for contacts and accounts
// it includes the records merged into it, whose history the survivor
// carries on.
func historyOf(entity string) string {
	switch entity {
	case "contact":
		return ` IN (SELECT ? UNION ALL SELECT id FROM contacts WHERE merged_into = ?)`
	case "account":
		return ` IN (SELECT ? UNION ALL SELECT id FROM accounts WHERE merged_into = ?)`
	}
	return ` = ? AND ? IS NOT NULL`
}
