package store

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"rolo/model"
)

func names(cs []model.Contact) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name()
	}
	return out
}

func TestSearchFolding(t *testing.T) {
	s := openTestStore(t)
	addContact(t, s, "Işık", "Demir", "", "")
	addContact(t, s, "Hans", "MÜLLER", "hans@mueller.de", "+49 30 1234567")
	addContact(t, s, "Sean", "O'Neil", "sean@oneil.ie", "")
	addContact(t, s, "İsmail", "Öztürk", "", "+90 212 555 01 01")
	addContact(t, s, "Jean-Pierre", "Straße", "jp@example.fr", "")
	addContact(t, s, "Mary", "Smith", "mary@example.com", "+1 (415) 555-0199")

	cases := []struct {
		q    string
		want []string
	}{
		{"isik", []string{"Işık Demir"}},
		{"IŞIK", []string{"Işık Demir"}},
		{"ışık", []string{"Işık Demir"}},
		{"işi", []string{"Işık Demir"}},
		{"muller", []string{"Hans MÜLLER"}},
		{"Müll", []string{"Hans MÜLLER"}},
		{"oneil", []string{"Sean O'Neil"}},
		{"o'neil", []string{"Sean O'Neil"}},
		{"O’Neil", []string{"Sean O'Neil"}},
		{"neil", []string{"Sean O'Neil"}},
		{"0101", []string{"İsmail Öztürk"}},
		{"555 01 01", []string{"İsmail Öztürk"}},
		{"02125550101", []string{"İsmail Öztürk"}},
		{"555-0199", []string{"Mary Smith"}},
		{"ismail", []string{"İsmail Öztürk"}},
		{"ozturk", []string{"İsmail Öztürk"}},
		{"strasse", []string{"Jean-Pierre Straße"}},
		{"jean-pierre", []string{"Jean-Pierre Straße"}},
		{"pierre", []string{"Jean-Pierre Straße"}},
		{"hans@mueller", []string{"Hans MÜLLER"}},
		{"mary smi", []string{"Mary Smith"}},
		{"smith mary", []string{"Mary Smith"}},
		{"mary jones", nil},
		{"example", []string{"Jean-Pierre Straße", "Mary Smith"}},
		{"zzz", nil},
	}
	for _, tc := range cases {
		got, err := s.Contacts.List(ctx, ListQuery{Search: tc.q, Limit: 50})
		if err != nil {
			t.Errorf("%q: %v", tc.q, err)
			continue
		}
		if !slices.Equal(names(got), tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("search %q = %v, want %v", tc.q, names(got), tc.want)
		}
		n, err := s.Contacts.Count(ctx, ListQuery{Search: tc.q})
		if err != nil || n != len(tc.want) {
			t.Errorf("count %q = %d %v, want %d", tc.q, n, err, len(tc.want))
		}
	}
}

func TestSearchHostileInputNeverErrors(t *testing.T) {
	s := openTestStore(t)
	addContact(t, s, "And", "Near", "", "")
	for _, q := range []string{"AND", "OR", "NOT", `"`, `""`, "*", "NEAR(", "NEAR(a b)", "555-0101", "a OR b", "(", ")", "^", "-",
		"col:val", "search:x", `a"b`, "'", "''", "\x00", "\x1b[31m", strings.Repeat("a ", 500), strings.Repeat("x", 5000),
		"{a b}", "a + b", ":", "ṩ̴̛", "🙂", "\u202e"} {
		if _, err := s.Contacts.List(ctx, ListQuery{Search: q, Limit: 10}); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
		if _, err := s.Accounts.List(ctx, ListQuery{Search: q, Limit: 10}); err != nil {
			t.Errorf("account search %q: %v", q, err)
		}
		if _, err := s.Contacts.Count(ctx, ListQuery{Search: q}); err != nil {
			t.Errorf("count %q: %v", q, err)
		}
	}
	got, _ := s.Contacts.List(ctx, ListQuery{Search: "and", Limit: 10})
	if len(got) != 1 {
		t.Errorf("the word AND is searchable as a name: %v", names(got))
	}
}

func FuzzSearchQuery(f *testing.F) {
	for _, seed := range []string{"isik", "o'neil", "AND", `"`, "*", "NEAR(", "555-0101", "a OR b", "İ", "\x00"} {
		f.Add(seed)
	}
	s := openTestStore(f)
	addContact(f, s, "Işık", "O'Neil", "x@y.com", "+90 212 555 01 01")
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.Contacts.List(ctx, ListQuery{Search: q, Limit: 5}); err != nil {
			t.Fatalf("search %q (fts %q): %v", q, ftsQuery(q), err)
		}
	})
}

func TestOrderedByFoldedName(t *testing.T) {
	s := openTestStore(t)
	for _, n := range [][2]string{{"Zeynep", "Kaya"}, {"ayşe", "Kaya"}, {"Çağla", "Ak"}, {"Ümit", "Er"}, {"İlker", "Su"}, {"Bob", "X"}} {
		addContact(t, s, n[0], n[1], "", "")
	}
	got, _ := s.Contacts.List(ctx, ListQuery{})
	want := []string{"ayşe Kaya", "Bob X", "Çağla Ak", "İlker Su", "Ümit Er", "Zeynep Kaya"}
	if !slices.Equal(names(got), want) {
		t.Fatalf("order %v", names(got))
	}
}

func TestKeysetPaging(t *testing.T) {
	s := openTestStore(t)
	for i := 0; i < 95; i++ {
		addContact(t, s, fmt.Sprintf("P%03d", i), "Same", "", "")
	}
	var all []model.Contact
	q := ListQuery{Limit: 20}
	for {
		page, err := s.Contacts.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, page...)
		if len(page) < q.Limit {
			break
		}
		last := page[len(page)-1]
		q.After = &Cursor{Sort: last.SortName(), ID: last.ID}
	}
	if len(all) != 95 || all[0].FirstName != "P000" || all[94].FirstName != "P094" {
		t.Fatalf("forward paging: %d rows", len(all))
	}
	last, _ := s.Contacts.List(ctx, ListQuery{Last: true, Limit: 10})
	if len(last) != 10 || last[0].FirstName != "P085" || last[9].FirstName != "P094" {
		t.Fatalf("last page %v", names(last))
	}
	before, _ := s.Contacts.List(ctx, ListQuery{Before: &Cursor{Sort: last[0].SortName(), ID: last[0].ID}, Limit: 5})
	if len(before) != 5 || before[0].FirstName != "P080" || before[4].FirstName != "P084" {
		t.Fatalf("before page %v", names(before))
	}
}

func TestArchivedLeaveTheSearchIndex(t *testing.T) {
	s := openTestStore(t)
	c := addContact(t, s, "Işık", "Archived", "isik@example.com", "")
	addContact(t, s, "Işık", "Live", "", "")
	if _, err := s.Contacts.Archive(ctx, c.ID, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Contacts.List(ctx, ListQuery{Search: "isik"})
	if !slices.Equal(names(got), []string{"Işık Live"}) {
		t.Fatalf("live search %v", names(got))
	}
	if n, _ := s.Contacts.Count(ctx, ListQuery{Search: "isik"}); n != 1 {
		t.Fatalf("count %d", n)
	}
	got, _ = s.Contacts.List(ctx, ListQuery{Search: "IŞIK arch", Archived: true})
	if !slices.Equal(names(got), []string{"Işık Archived"}) {
		t.Fatalf("archived search %v", names(got))
	}
	if _, err := s.Contacts.Restore(ctx, c.ID, 0); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Contacts.Count(ctx, ListQuery{Search: "isik"}); n != 2 {
		t.Fatalf("restored contact not searchable: %d", n)
	}
	var res string
	if err := s.db.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check: %q %v", res, err)
	}
	if _, err := s.db.Exec(`INSERT INTO contacts_fts(contacts_fts) VALUES ('integrity-check')`); err != nil {
		t.Logf("fts5 integrity-check (external content, live rows only): %v", err)
	}
}

// With more matches than denseMatches the list walks the name index; the
// rows, their order and the keyset pages must be the same as when few
// rows match.
func TestDenseSearchPlan(t *testing.T) {
	s := openTestStore(t)
	err := s.BulkWrite(ctx, func(b *Bulk) error {
		for i := 0; i < denseMatches+300; i++ {
			first := fmt.Sprintf("Mar%04d", (i*7919)%(denseMatches+300))
			if i%3 == 0 {
				first = fmt.Sprintf("Zed%04d", i)
			}
			if _, err := b.AddContact(model.Contact{FirstName: first, LastName: "Kaya"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"kaya", "mar", "zed"} {
		want, _ := s.Contacts.Count(ctx, ListQuery{Search: q})
		var all []model.Contact
		lq := ListQuery{Search: q, Limit: 97}
		for {
			page, err := s.Contacts.List(ctx, lq)
			if err != nil {
				t.Fatal(err)
			}
			all = append(all, page...)
			if len(page) < lq.Limit {
				break
			}
			last := page[len(page)-1]
			lq.After = &Cursor{Sort: last.SortName(), ID: last.ID}
		}
		if len(all) != want {
			t.Fatalf("%s: paged %d rows, count %d", q, len(all), want)
		}
		for i := 1; i < len(all); i++ {
			if a, b := all[i-1].SortName(), all[i].SortName(); a > b {
				t.Fatalf("%s: out of order at %d: %s > %s", q, i, a, b)
			}
		}
	}
}
