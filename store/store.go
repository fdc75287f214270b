// Package store is rolo's repository layer: it is the one place that knows
// SQL. Callers see the Store, its repositories, model records and the typed
// errors of errors.go; never *sql.DB, SQLite error codes or pragmas.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"rolo/model"

	_ "modernc.org/sqlite" // registers the "sqlite" driver (pure Go, no cgo)
)

// appID is written to the SQLite header (PRAGMA application_id) so a rolo
// database is known without opening it: the bytes "rolo".
const appID = 0x726f6c6f

// timeFormat is how times are stored: UTC, fixed width, so text order is
// time order.
const timeFormat = "2006-01-02T15:04:05.000Z"

// Store is an open rolo database.
type Store struct {
	db    *sql.DB
	path  string
	rules model.Rules
	rates model.Rates
	actor int64
	now   func() time.Time

	Users      UserRepo
	Accounts   AccountRepo
	Contacts   ContactRepo
	Deals      DealRepo
	Products   ProductRepo
	Quotes     QuoteRepo
	Activities ActivityRepo
	Leads      LeadRepo
	Dupes      DupeRepo
	Reports    ReportRepo
	History    HistoryRepo
}

// Options tune Open.
type Options struct {
	Rules model.Rules      // validation rules from config
	Rates model.Rates      // exchange rates for reports (base only when empty)
	Now   func() time.Time // clock; time.Now when nil
	// MapSize lets SQLite read the file through a memory map of up to
	// this many bytes instead of a read call per page: a fifth off a
	// command that reads thousands of rows. The file's mapped pages count
	// in the process's resident memory, so the long-lived TUI leaves it 0.
	MapSize int64
}

// dsn is the connection string DESIGN.md verified: busy_timeout first so
// the pragmas after it wait for a lock instead of failing, WAL for
// concurrent readers, foreign keys on, and BEGIN IMMEDIATE so two writers
// queue on the lock rather than failing with SQLITE_BUSY mid-transaction.
func dsn(path string, mapSize int64) string {
	mmap := ""
	if mapSize > 0 {
		mmap = fmt.Sprintf("&_pragma=mmap_size(%d)", mapSize)
	}
	return "file:" + escapePath(path) +
		"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
		"&_pragma=synchronous(NORMAL)" + mmap + "&_txlock=immediate"
}

func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// Open opens the rolo database at path, creating it (and its directory)
// when it does not exist, and brings its schema up to date. A file that is
// not a rolo database, or one from a newer rolo, is refused before anything
// is written to it.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("no database path")
	}
	if err := checkFile(ctx, path); err != nil {
		return nil, err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create database directory: %w", err)
		}
	}
	db, err := sql.Open("sqlite", dsn(path, opt.MapSize))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(4)
	if err := firstConnection(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, rules: opt.Rules, rates: opt.Rates, now: opt.Now}
	if s.rates.Base == "" {
		s.rates, _ = model.NewRates(opt.Rules.Base(), nil)
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.Users = &Users{s}
	s.Accounts = &Accounts{s}
	s.Contacts = &Contacts{s}
	s.Deals = &Deals{s}
	s.Products = &Products{s}
	s.Quotes = &Quotes{s}
	s.Activities = &Activities{s}
	s.Leads = &Leads{s}
	s.Dupes = &Dupes{s}
	s.Reports = &Reports{s}
	s.History = &History{s}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// SetActor sets the user recorded as the author of every write and made
// owner of new records.
func (s *Store) SetActor(userID int64) { s.actor = userID }

// Actor is the current user's id.
func (s *Store) Actor() int64 { return s.actor }

// Rules are the validation rules the store applies.
func (s *Store) Rules() model.Rules { return s.rules }

// Rates are the exchange rates the store's reports convert with.
func (s *Store) Rates() model.Rates { return s.rates }

// checkFile refuses, without writing a byte, a file that is not a rolo
// database: not SQLite at all, SQLite with another program's application
// id, SQLite holding tables but no rolo schema, or a rolo schema newer
// than this build knows. A missing or empty file is fine: Open creates it.
func checkFile(ctx context.Context, path string) error {
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	if fi.IsDir() {
		return fmt.Errorf("database %s is a directory; pass a file with --db", path)
	}
	if fi.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	header := make([]byte, 100)
	_, err = io.ReadFull(f, header)
	f.Close()
	if err != nil || !bytes.HasPrefix(header, []byte("SQLite format 3\x00")) {
		return fmt.Errorf("%s is not an SQLite file, so it is not a rolo database; it was left untouched (point --db at another path): %w", path, ErrNotRolo)
	}
	id := binary.BigEndian.Uint32(header[68:72])
	if id != 0 && id != appID {
		return fmt.Errorf("%s belongs to another program (SQLite application id %#x); it was left untouched: %w", path, id, ErrNotRolo)
	}
	if id == appID {
		// ours: migrate reads the schema version before it writes and
		// refuses a newer one, so the read-only look below (a second
		// connection, a millisecond on every command) is for files
		// without our id
		return nil
	}
	// read-only, and waiting like a writer would when another rolo holds
	// the lock (it may be creating this very file)
	ro, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("open database %s: %w", path, err)
	}
	defer ro.Close()
	var tables []string
	rows, err := ro.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		if id == appID {
			return nil // ours, but not readable read-only (e.g. a WAL left by a crash): the writer recovers it
		}
		if isBusy(err) {
			return fmt.Errorf("%s is locked by another program; try again: %w", path, err)
		}
		return fmt.Errorf("%s cannot be read as a database (%v); it was left untouched: %w", path, err, ErrNotRolo)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("%s cannot be read as a database (%v); it was left untouched: %w", path, err, ErrNotRolo)
	}
	if len(tables) == 0 {
		return nil
	}
	has := false
	for _, t := range tables {
		has = has || t == "rolo_schema"
	}
	if !has {
		shown := tables
		if len(shown) > 3 {
			shown = append(shown[:3:3], "…")
		}
		return fmt.Errorf("%s is an SQLite database of another program (tables: %s), not a rolo database; it was left untouched: %w",
			path, strings.Join(shown, ", "), ErrNotRolo)
	}
	v, err := schemaVersion(ctx, ro)
	if err != nil {
		return fmt.Errorf("%s: read schema version: %w", path, err)
	}
	if v > latestVersion() {
		return newerSchemaError(path, v)
	}
	return nil
}

// firstConnection opens the first connection, which runs the DSN's
// pragmas. Switching a new file to WAL needs a moment of exclusive access
// that SQLite does not wait for (no busy handler), so when several rolo
// processes create the same file at once the others retry for a while.
func firstConnection(ctx context.Context, db *sql.DB) error {
	deadline := time.Now().Add(10 * time.Second)
	for wait := 2 * time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		err := db.PingContext(ctx)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

func isBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}

func newerSchemaError(path string, v int) error {
	return fmt.Errorf("%s was written by a newer rolo (schema %d; this rolo knows up to %d); upgrade rolo to open it: %w",
		path, v, latestVersion(), ErrNewerSchema)
}

// formatTime and parseTime convert between time.Time and stored text.
func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, err := time.Parse(timeFormat, s)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s)
	}
	return t
}

func parseTimePtr(ns sql.NullString) *time.Time {
	if !ns.Valid || ns.String == "" {
		return nil
	}
	t := parseTime(ns.String)
	return &t
}

// querier is what reads need: a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}
