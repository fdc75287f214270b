package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rolo/model"
)

var ctx = context.Background()

// openTestStore opens a new store on a temp file with a current user.
func openTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "rolo.db"), Options{Rules: model.Rules{Region: "TR"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	me, err := s.Users.Ensure(ctx, "Test User", "me@example.com")
	if err != nil {
		t.Fatal(err)
	}
	s.SetActor(me.ID)
	return s
}

func addContact(t testing.TB, s *Store, first, last, email, phone string) model.Contact {
	t.Helper()
	c, err := s.Contacts.Create(ctx, model.Contact{FirstName: first, LastName: last, Email: email, Phone: phone}, WriteOptions{})
	if err != nil {
		t.Fatalf("create %s %s: %v", first, last, err)
	}
	return c
}

func TestMigrationsFromEveryVersion(t *testing.T) {
	for from := 0; from <= latestVersion(); from++ {
		path := filepath.Join(t.TempDir(), "m.db")
		db, err := sql.Open("sqlite", dsn(path, 0))
		if err != nil {
			t.Fatal(err)
		}
		if err := migrateTo(ctx, db, from); err != nil {
			t.Fatalf("migrate to %d: %v", from, err)
		}
		db.Close()
		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatalf("open from version %d: %v", from, err)
		}
		v, err := schemaVersion(ctx, s.db)
		if err != nil || v != latestVersion() {
			t.Fatalf("from %d: version %d, %v; want %d", from, v, err, latestVersion())
		}
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM rolo_schema`).Scan(&n); err != nil || n != latestVersion() {
			t.Fatalf("from %d: %d rows in rolo_schema", from, n)
		}
		s.Close()
	}
}

func TestOpenIsIdempotentAndWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "dir", "rolo.db")
	for i := 0; i < 2; i++ {
		s, err := Open(ctx, path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var mode string
		if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
			t.Fatalf("journal_mode %q %v", mode, err)
		}
		var fk int
		if err := s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
			t.Fatalf("foreign_keys %d %v", fk, err)
		}
		s.Close()
	}
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestOpenRefusesForeignFilesUntouched(t *testing.T) {
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("\x00\xffnot sqlite at all", 400)), 0o600); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", "file:"+foreign)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE songs(id INTEGER PRIMARY KEY, title TEXT); INSERT INTO songs(title) VALUES ('x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	otherApp := filepath.Join(dir, "app.db")
	db, _ = sql.Open("sqlite", "file:"+otherApp)
	if _, err := db.Exec(`PRAGMA application_id = 42; CREATE TABLE t(x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	for _, path := range []string{garbage, foreign, otherApp} {
		before := fileHash(t, path)
		_, err := Open(ctx, path, Options{})
		if !errors.Is(err, ErrNotRolo) {
			t.Errorf("%s: err = %v, want ErrNotRolo", filepath.Base(path), err)
		}
		if err != nil && !strings.Contains(err.Error(), path) {
			t.Errorf("error does not name the file: %v", err)
		}
		if fileHash(t, path) != before {
			t.Errorf("%s was modified", filepath.Base(path))
		}
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(path + suffix); err == nil {
				t.Errorf("%s%s was created", filepath.Base(path), suffix)
			}
		}
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	s := openTestStore(t)
	path := s.Path()
	if _, err := s.db.Exec(`INSERT INTO rolo_schema(version, name, applied_at) VALUES (999, 'future', 'x')`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before := fileHash(t, path)
	_, err := Open(ctx, path, Options{})
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "newer rolo") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v", err)
	}
	if fileHash(t, path) != before {
		t.Errorf("a database from a newer rolo was modified")
	}
}

func TestOpenEmptyAndFreshSQLiteFile(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	s, err := Open(ctx, empty, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// reopening the now-initialised file works and keeps it a rolo database
	s, err = Open(ctx, empty, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestContactCRUDAndHistory(t *testing.T) {
	s := openTestStore(t)
	c, err := s.Contacts.Create(ctx, model.Contact{FirstName: " Ayşe ", LastName: "Yılmaz", Email: "Ayse@Isik.com.tr",
		Phone: "0212 555 01 01", AccountName: "Işık Tekstil A.Ş.", Tags: []string{"VIP", "vip", " textile "}}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.FirstName != "Ayşe" || c.PhoneE164 != "+902125550101" || c.AccountID == nil || c.AccountName != "Işık Tekstil A.Ş." {
		t.Fatalf("created %+v", c)
	}
	if strings.Join(c.Tags, ",") != "vip,textile" || c.Version != 1 || c.OwnerID != s.actor {
		t.Fatalf("tags %v version %d owner %d", c.Tags, c.Version, c.OwnerID)
	}
	// the account was created in the same transaction and is found folded
	a, err := s.Accounts.FindByName(ctx, "ISIK tekstil a.s.")
	if err != nil || a.ID != *c.AccountID || a.Contacts != 1 {
		t.Fatalf("account %+v %v", a, err)
	}
	got, err := s.Contacts.FindByEmail(ctx, "AYSE@isik.com.tr")
	if err != nil || got.ID != c.ID {
		t.Fatalf("by email: %v %v", got.ID, err)
	}

	c.Title = "Genel Müdür"
	c2, err := s.Contacts.Update(ctx, c, WriteOptions{})
	if err != nil || c2.Version != 2 || c2.Title != "Genel Müdür" {
		t.Fatalf("update: %+v %v", c2, err)
	}
	// an update based on the old version is a conflict, not an overwrite
	c.Title = "Stale"
	if _, err := s.Contacts.Update(ctx, c, WriteOptions{}); !errors.Is(err, ErrConflict) {
		t.Fatalf("stale update: %v", err)
	}
	if cur, _ := s.Contacts.Get(ctx, c.ID); cur.Title != "Genel Müdür" {
		t.Fatalf("stale update overwrote: %q", cur.Title)
	}
	if _, err := s.Contacts.Archive(ctx, c.ID, c2.Version); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Contacts.Count(ctx, ListQuery{}); n != 0 {
		t.Fatalf("archived contact still listed: %d", n)
	}
	if n, _ := s.Contacts.Count(ctx, ListQuery{Archived: true}); n != 1 {
		t.Fatalf("archived list: %d", n)
	}
	hist, err := s.History.For(ctx, "contact", c.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, h := range hist {
		actions = append(actions, h.Action)
	}
	if strings.Join(actions, ",") != "archive,update,create" {
		t.Fatalf("history %v", actions)
	}
	if f := hist[1].Fields["title"]; f.Old != nil && f.Old != "" || f.New != "Genel Müdür" || hist[1].User != "Test User" {
		t.Fatalf("update history %+v by %q", hist[1].Fields, hist[1].User)
	}
	if hist[2].Fields["email"].New != "Ayse@Isik.com.tr" {
		t.Fatalf("create history %+v", hist[2].Fields)
	}
}

func TestValidationWritesNothing(t *testing.T) {
	s := openTestStore(t)
	_, err := s.Contacts.Create(ctx, model.Contact{FirstName: "A", Email: "not-an-email", AccountName: "New Co"}, WriteOptions{})
	var ve model.ValidationErrors
	if !errors.As(err, &ve) || ve.Field("email") == nil {
		t.Fatalf("err = %v", err)
	}
	if n, _ := s.Accounts.Count(ctx, ListQuery{}); n != 0 {
		t.Fatal("account written for an invalid contact")
	}
	if _, err := s.Contacts.Create(ctx, model.Contact{Email: "a@b.co"}, WriteOptions{}); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("nameless contact: %v", err)
	}
	if _, err := s.Contacts.Create(ctx, model.Contact{FirstName: "X", Phone: "call me maybe"}, WriteOptions{}); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("bad phone: %v", err)
	}
}

func TestRequiredFieldsFromRules(t *testing.T) {
	s := openTestStore(t)
	s.rules.RequiredContact = []string{"email", "account"}
	_, err := s.Contacts.Create(ctx, model.Contact{FirstName: "A"}, WriteOptions{})
	var ve model.ValidationErrors
	if !errors.As(err, &ve) || ve.Field("email") == nil || ve.Field("account") == nil {
		t.Fatalf("err = %v", err)
	}
}

func TestDuplicates(t *testing.T) {
	s := openTestStore(t)
	addContact(t, s, "Ayşe", "Yılmaz", "ayse@isik.com.tr", "+90 212 555 01 01")
	var de *DuplicateError
	_, err := s.Contacts.Create(ctx, model.Contact{FirstName: "Other", Email: " AYSE@isik.com.tr"}, WriteOptions{})
	if !errors.As(err, &de) || de.Field != "email" || de.ExistingName != "Ayşe Yılmaz" {
		t.Fatalf("email dup: %v", err)
	}
	_, err = s.Contacts.Create(ctx, model.Contact{FirstName: "Other", Phone: "02125550101"}, WriteOptions{})
	if !errors.As(err, &de) || de.Field != "phone" {
		t.Fatalf("phone dup: %v", err)
	}
	if _, err := s.Contacts.Create(ctx, model.Contact{FirstName: "Other", Phone: "02125550101"}, WriteOptions{AllowDuplicate: true}); err != nil {
		t.Fatalf("allowed dup: %v", err)
	}
	if _, err := s.Accounts.Create(ctx, model.Account{Name: "Işık Tekstil"}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Accounts.Create(ctx, model.Account{Name: "ISIK TEKSTIL"}, WriteOptions{}); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("account dup: %v", err)
	}
}

func TestUndoGroups(t *testing.T) {
	s := openTestStore(t)
	tctx, tr := Track(ctx)
	c, err := s.Contacts.Create(tctx, model.Contact{FirstName: "Jonas", LastName: "Weber", AccountName: "Weber & Söhne KG"}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c.Title = "CEO"
	c, err = s.Contacts.Update(tctx, c, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Contacts.Archive(tctx, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	groups := tr.Groups()
	if len(groups) != 3 {
		t.Fatalf("groups %v", groups)
	}
	if last, _ := s.History.Last(ctx); last != groups[2] {
		t.Fatalf("last %d want %d", last, groups[2])
	}
	// undo archive, then edit, then create (which also removes the account
	// created with it)
	for i := 2; i >= 0; i-- {
		if _, err := s.History.Undo(ctx, groups[i]); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		switch i {
		case 2:
			if got, _ := s.Contacts.Get(ctx, c.ID); got.ArchivedAt != nil {
				t.Fatal("archive not undone")
			}
		case 1:
			if got, _ := s.Contacts.Get(ctx, c.ID); got.Title != "" {
				t.Fatalf("edit not undone: %q", got.Title)
			}
		}
	}
	if _, err := s.Contacts.Get(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("create not undone: %v", err)
	}
	if n, _ := s.Accounts.Count(ctx, ListQuery{}); n != 0 {
		t.Fatalf("account created with the contact is still there")
	}
	if _, err := s.History.Undo(ctx, groups[1]); !errors.Is(err, ErrConflict) {
		t.Fatalf("second undo of the same group: %v", err)
	}
	// undoing the undo of the create brings the contact back with its id
	var undoOfCreate int64
	s.db.QueryRow(`SELECT change_group FROM history WHERE undoes = ?`, groups[0]).Scan(&undoOfCreate)
	if _, err := s.History.Undo(ctx, undoOfCreate); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Contacts.Get(ctx, c.ID); err != nil || got.AccountName != "Weber & Söhne KG" {
		t.Fatalf("redo: %+v %v", got, err)
	}
}

func TestUndoRefusesWhenChangedAgain(t *testing.T) {
	s := openTestStore(t)
	c := addContact(t, s, "A", "B", "", "")
	tctx, tr := Track(ctx)
	c.Title = "one"
	c, _ = s.Contacts.Update(tctx, c, WriteOptions{})
	c.Title = "two"
	if _, err := s.Contacts.Update(ctx, c, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.History.Undo(ctx, tr.Groups()[0]); !errors.Is(err, ErrConflict) {
		t.Fatalf("undo over a newer edit: %v", err)
	}
	if got, _ := s.Contacts.Get(ctx, c.ID); got.Title != "two" {
		t.Fatalf("newer edit lost: %q", got.Title)
	}
}

func TestAccountRenameRefreshesContactSearch(t *testing.T) {
	s := openTestStore(t)
	c, _ := s.Contacts.Create(ctx, model.Contact{FirstName: "A", AccountName: "Old Name"}, WriteOptions{})
	a, _ := s.Accounts.Get(ctx, *c.AccountID)
	a.Name = "Demir Lojistik"
	if _, err := s.Accounts.Update(ctx, a, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Contacts.List(ctx, ListQuery{Search: "demir"})
	if err != nil || len(got) != 1 || got[0].AccountName != "Demir Lojistik" {
		t.Fatalf("%v %v", got, err)
	}
}

func TestTimesAreUTC(t *testing.T) {
	s := openTestStore(t)
	s.now = func() time.Time { return time.Date(2027, 1, 31, 14, 30, 0, 0, time.FixedZone("TRT", 3*3600)) }
	c := addContact(t, s, "A", "B", "", "")
	var created string
	s.db.QueryRow(`SELECT created_at FROM contacts WHERE id = ?`, c.ID).Scan(&created)
	if created != "2027-01-31T11:30:00.000Z" {
		t.Fatalf("created_at %q", created)
	}
}

// Commands read through a memory map; the TUI (MapSize 0) does not.
func TestOpenMapSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rolo.db")
	for _, size := range []int64{0, 1 << 30} {
		s, err := Open(ctx, path, Options{MapSize: size})
		if err != nil {
			t.Fatal(err)
		}
		var got int64
		if err := s.db.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&got); err != nil || got != size {
			t.Errorf("mmap_size %d %v, want %d", got, err, size)
		}
		s.Close()
	}
}
