package store

import (
	"context"
	"fmt"
	"sort"
	"strconv"
)

// Writing thousands of rows in one transaction through the search-index
// triggers is slow: each trigger opens a statement savepoint, and FTS5
// writes its pending terms to disk at every savepoint, so the index is
// rebuilt in tiny pieces. An import and the undo of a large change group
// defer the index instead: the triggers of the tables they write come off
// for the transaction, every row is noted before it changes (noteSearch)
// and the index is brought up to date once at the end (flush). It all
// happens inside the one transaction; no one else sees the triggers gone.

// deferredTables are the tables whose search index a deferred write
// keeps itself.
var deferredTables = []string{"contacts", "accounts", "leads"}

type deferredSearch struct {
	triggers []string                     // the triggers taken off, to restore
	firstNew map[string]int64             // per table: the first id a new row may get
	touched  map[string]map[int64]indexed // per table: rows changed, as indexed before
}

// indexed is what the search index holds for a row.
type indexed struct {
	search string
	live   bool
}

// deferSearch takes the search-index triggers of deferredTables off for
// the rest of w.
func (w *wtx) deferSearch(ctx context.Context) error {
	d := &deferredSearch{firstNew: map[string]int64{}, touched: map[string]map[int64]indexed{}}
	for _, t := range deferredTables {
		var maxID int64
		if err := w.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM `+t).Scan(&maxID); err != nil {
			return err
		}
		d.firstNew[t] = maxID + 1
		d.touched[t] = map[int64]indexed{}
		defs, err := w.dropTriggers(ctx, `tbl_name = ? AND name LIKE ? ESCAPE '\'`, t, t+`\_fts\_%`)
		if err != nil {
			return err
		}
		d.triggers = append(d.triggers, defs...)
	}
	w.search = d
	return nil
}

// noteSearch records the index entry of a row of table before w changes
// it; a no-op unless the index is deferred. Rows created by w need no
// note: every id from firstNew on is indexed at the end.
func (w *wtx) noteSearch(ctx context.Context, table string, id int64) error {
	d := w.search
	if d == nil || id >= d.firstNew[table] {
		return nil
	}
	seen, ok := d.touched[table]
	if !ok {
		return nil
	}
	if _, done := seen[id]; done {
		return nil
	}
	var e indexed
	err := w.queryRow(ctx, `SELECT search, archived_at IS NULL FROM `+table+` WHERE id = ?`, id).Scan(&e.search, &e.live)
	if err != nil && !isNoRows(err) {
		return err
	}
	seen[id] = e // a row that does not exist (yet) is not in the index
	return nil
}

// flushSearch brings the deferred index up to date with every row w
// changed and created, and puts the triggers back.
func (w *wtx) flushSearch(ctx context.Context) error {
	d := w.search
	if d == nil {
		return nil
	}
	w.search = nil
	// The rows changed go through a temporary table, so that each index
	// is updated by two statements: FTS5 writes to disk at the start of
	// every statement, and one per row would undo the point of deferring.
	if _, err := w.ExecContext(ctx, `CREATE TEMP TABLE search_touched(tbl TEXT NOT NULL, id INTEGER NOT NULL,
		search TEXT NOT NULL, live INTEGER NOT NULL)`); err != nil {
		return err
	}
	for _, t := range deferredTables {
		ids := make([]int64, 0, len(d.touched[t]))
		for id := range d.touched[t] {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		for _, id := range ids {
			e := d.touched[t][id]
			if _, err := w.exec(ctx, `INSERT INTO search_touched VALUES (?, ?, ?, ?)`, t, id, e.search, e.live); err != nil {
				return err
			}
		}
	}
	for _, t := range deferredTables {
		fts := t + "_fts"
		for _, q := range []string{
			`INSERT INTO ` + fts + `(` + fts + `, rowid, search) SELECT 'delete', id, search FROM search_touched
				WHERE tbl = '` + t + `' AND live ORDER BY id`,
			`INSERT INTO ` + fts + `(rowid, search) SELECT x.id, x.search FROM search_touched s JOIN main.` + t + ` x ON x.id = s.id
				WHERE s.tbl = '` + t + `' AND x.archived_at IS NULL ORDER BY x.id`,
			// New rows, in id order: FTS5 takes ascending rowids fastest.
			`INSERT INTO ` + fts + `(rowid, search) SELECT id, search FROM main.` + t + `
				WHERE id >= ` + strconv.FormatInt(d.firstNew[t], 10) + ` AND archived_at IS NULL ORDER BY id`,
		} {
			if _, err := w.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("search index of %s: %w", t, err)
			}
		}
	}
	if _, err := w.ExecContext(ctx, `DROP TABLE temp.search_touched`); err != nil {
		return err
	}
	for _, def := range d.triggers {
		if _, err := w.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("restore search trigger: %w", err)
		}
	}
	return nil
}

// dropTriggers drops the triggers matching cond (SQL on sqlite_master's
// name and tbl_name) and returns their definitions, to create again.
func (w *wtx) dropTriggers(ctx context.Context, cond string, args ...any) ([]string, error) {
	rows, err := w.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (`+cond+`)`, args...)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, name)
		defs = append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, n := range names {
		if _, err := w.ExecContext(ctx, `DROP TRIGGER `+n); err != nil {
			return nil, err
		}
	}
	return defs, nil
}
