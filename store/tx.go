package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"

	"rolo/model"
)

// wtx is one write transaction: every row it changes is recorded in
// history under one change group, stamped with the same time and actor.
type wtx struct {
	*sql.Tx
	s      *Store
	now    time.Time
	group  int64
	undoes int64 // set while undoing a change group
	stmts  map[string]*sql.Stmt
	search *deferredSearch  // set while the search index is deferred (see searchdefer.go)
	ids    map[string]int64 // per table: the next id newID hands out
}

// newID is the id of a new row of table: above every id the table has
// and every id its entity's history has named. SQLite would reuse the
// id of a row deleted at the end (by an undo), and the new record would
// show the old one's history as its own.
func (w *wtx) newID(ctx context.Context, table, entity string) (int64, error) {
	if next, ok := w.ids[table]; ok {
		w.ids[table] = next + 1
		return next, nil
	}
	var next int64
	if err := w.QueryRowContext(ctx, `SELECT max(coalesce((SELECT max(id) FROM `+table+`), 0),
		coalesce((SELECT max(entity_id) FROM history WHERE entity = ?), 0)) + 1`, entity).Scan(&next); err != nil {
		return 0, err
	}
	if w.ids == nil {
		w.ids = map[string]int64{}
	}
	w.ids[table] = next + 1
	return next, nil
}

// exec runs a statement prepared once per transaction: the hot writes of
// an import or a bulk change skip preparing the same SQL again per row.
// The transaction closes its statements when it ends.
func (w *wtx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow is QueryRowContext, through w's statement cache when q is a
// write transaction: reading a record by id for each of thousands of rows
// (an undo, an import) need not prepare the same SQL each time.
func queryRow(ctx context.Context, q querier, query string, args ...any) *sql.Row {
	if w, ok := q.(*wtx); ok {
		return w.queryRow(ctx, query, args...)
	}
	return q.QueryRowContext(ctx, query, args...)
}

// queryRow is QueryRowContext through the same statement cache.
func (w *wtx) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return w.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

func (w *wtx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := w.stmts[query]; ok {
		return st, nil
	}
	st, err := w.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if w.stmts == nil {
		w.stmts = map[string]*sql.Stmt{}
	}
	w.stmts[query] = st
	return st, nil
}

// write runs fn in one IMMEDIATE transaction and commits it, or rolls it
// back when fn fails. The change group it wrote is reported to a Tracker in
// ctx, if any.
func (s *Store) write(ctx context.Context, fn func(*wtx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin write: %w", err)
	}
	w := &wtx{Tx: tx, s: s, now: s.now().UTC().Truncate(time.Millisecond)}
	if err := fn(w); err != nil {
		tx.Rollback()
		return mapSQLError(err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", mapSQLError(err))
	}
	if t, ok := ctx.Value(trackerKey{}).(*Tracker); ok && w.group != 0 {
		t.add(w.group)
	}
	return nil
}

// mapSQLError turns the SQLite errors a caller can act on into typed ones.
func mapSQLError(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "FOREIGN KEY constraint failed"):
		return fmt.Errorf("%w: other records still refer to it", ErrConflict)
	case strings.Contains(msg, "UNIQUE constraint failed"):
		return fmt.Errorf("%w: %s", ErrDuplicate, msg)
	}
	return err
}

// fieldChange is one changed field: old and new value.
type fieldChange [2]any

// record writes one history row for entity id.
func (w *wtx) record(ctx context.Context, entity string, id int64, action string, changes map[string]fieldChange) error {
	if changes == nil {
		changes = map[string]fieldChange{}
	}
	b, err := json.Marshal(changes)
	if err != nil {
		return err
	}
	return w.recordJSON(ctx, entity, id, action, string(b))
}

// recordCreated records the creation of rec: what snapshot(rec, true)
// holds, encoded without the round trip through a map.
func (w *wtx) recordCreated(ctx context.Context, entity string, id int64, rec any) error {
	var changes string
	var err error
	if c, ok := rec.(model.Contact); ok {
		changes = contactCreatedJSON(c) // the hot path of an import
	} else if changes, err = createdJSON(rec); err != nil {
		return err
	}
	return w.recordJSON(ctx, entity, id, "create", changes)
}

// recordJSON writes one history row whose changes are already encoded.
func (w *wtx) recordJSON(ctx context.Context, entity string, id int64, action, changes string) error {
	var undoes any
	if w.undoes != 0 {
		undoes = w.undoes
	}
	var actor any
	if w.s.actor != 0 {
		actor = w.s.actor
	}
	res, err := w.exec(ctx, `INSERT INTO history(change_group, entity, entity_id, action, changes, user_id, at, undoes)
		VALUES (coalesce(?, 0), ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(w.group), entity, id, action, changes, actor, formatTime(w.now), undoes)
	if err != nil {
		return fmt.Errorf("record history: %w", err)
	}
	if w.group == 0 {
		hid, _ := res.LastInsertId()
		w.group = hid
		if _, err := w.ExecContext(ctx, `UPDATE history SET change_group = ? WHERE id = ?`, hid, hid); err != nil {
			return err
		}
	}
	return nil
}

func nullIfZero(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

// toMap is the record as its JSON fields, the form history stores.
func toMap(v any) map[string]any {
	b, _ := json.Marshal(v)
	m := map[string]any{}
	_ = json.Unmarshal(b, &m)
	return m
}

// diff returns the user-visible fields that differ between two records.
func diff(before, after any) map[string]fieldChange {
	a, b := toMap(before), toMap(after)
	out := map[string]fieldChange{}
	for k, nv := range b {
		if model.ReadOnlyFields[k] {
			continue
		}
		if ov := a[k]; !reflect.DeepEqual(emptyToNil(ov), emptyToNil(nv)) {
			out[k] = fieldChange{ov, nv}
		}
	}
	return out
}

// snapshot is every non-empty user field of a record, as a create or
// delete records it.
func snapshot(v any, created bool) map[string]fieldChange {
	out := map[string]fieldChange{}
	for k, val := range toMap(v) {
		if model.ReadOnlyFields[k] && k != "id" || emptyToNil(val) == nil {
			continue
		}
		if created {
			out[k] = fieldChange{nil, val}
		} else {
			out[k] = fieldChange{val, nil}
		}
	}
	return out
}

func emptyToNil(v any) any {
	switch x := v.(type) {
	case string:
		if x == "" {
			return nil
		}
	case []any:
		if len(x) == 0 {
			return nil
		}
	case map[string]any:
		if len(x) == 0 {
			return nil
		}
	case float64:
		if x == 0 {
			return nil
		}
	}
	return v
}

// Tracker collects the change groups written by calls made with its
// context, so the TUI can undo what this session did.
type Tracker struct {
	mu     sync.Mutex
	groups []int64
}

type trackerKey struct{}

// Track returns a context whose writes are reported to a new Tracker.
func Track(ctx context.Context) (context.Context, *Tracker) {
	t := &Tracker{}
	return context.WithValue(ctx, trackerKey{}, t), t
}

func (t *Tracker) add(g int64) {
	t.mu.Lock()
	t.groups = append(t.groups, g)
	t.mu.Unlock()
}

// Groups are the change groups written so far, oldest first.
func (t *Tracker) Groups() []int64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]int64(nil), t.groups...)
}

func notFound(entity string, key any) error {
	return &NotFoundError{Entity: entity, Key: fmt.Sprint(key)}
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

// queryAll runs a query and scans every row with scan.
func queryAll[T any](ctx context.Context, q querier, query string, args []any, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
