package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"embed"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

type migration struct {
	version int
	name    string
	sql     string
}

var migrations = loadMigrations()

func loadMigrations() []migration {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		panic(err) // embedded at build time: cannot fail at run time
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("migration without a number: " + e.Name())
		}
		b, _ := migrationFS.ReadFile("migrations/" + e.Name())
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			panic(fmt.Sprintf("migrations must be numbered 1, 2, 3...: %s", m.name))
		}
	}
	return out
}

func latestVersion() int { return len(migrations) }

// LatestSchema is the schema version this build writes.
func LatestSchema() int { return latestVersion() }

// SchemaDigest identifies the exact migration SQL of this build (for
// caches of generated databases).
func SchemaDigest() string {
	h := sha256.New()
	for _, m := range migrations {
		h.Write([]byte(m.sql))
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

const schemaTable = `CREATE TABLE IF NOT EXISTS rolo_schema (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
)`

func schemaVersion(ctx context.Context, q querier) (int, error) {
	var v sql.NullInt64
	err := q.QueryRowContext(ctx, `SELECT max(version) FROM rolo_schema`).Scan(&v)
	if err != nil && strings.Contains(err.Error(), "no such table") {
		return 0, nil
	}
	return int(v.Int64), err
}

// migrate applies every migration the database lacks, each in its own
// transaction together with its row in rolo_schema. Transactions begin
// IMMEDIATE, so when two processes open a new file at once the second
// waits, re-reads the version and skips what the first applied.
func migrate(ctx context.Context, db *sql.DB) error {
	return migrateTo(ctx, db, latestVersion())
}

func migrateTo(ctx context.Context, db *sql.DB, target int) error {
	v, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	if v > latestVersion() {
		return newerSchemaError("database", v)
	}
	for _, m := range migrations {
		if m.version <= v || m.version > target {
			continue
		}
		if err := applyMigration(ctx, db, m); err != nil {
			return err
		}
	}
	return nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schemaTable); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	cur, err := schemaVersion(ctx, tx)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if cur >= m.version {
		return nil // another process applied it while we waited for the lock
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO rolo_schema(version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, formatTime(time.Now())); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	return tx.Commit()
}
