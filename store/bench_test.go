package store_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"rolo/internal/benchdb"
	"rolo/model"
	"rolo/store"
)

// Benchmarks on the large demo set (100,000 contacts); see
// docs/BENCHMARKS.md. The database is built once into the temp directory.

func BenchmarkContactSearch(b *testing.B) {
	st, _ := benchdb.Open(b)
	ctx := context.Background()
	for _, q := range []string{"m", "ma", "mar", "müller", "isik", "0101", "zzzz"} {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := st.Contacts.List(ctx, store.ListQuery{Search: q, Limit: 50}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkContactSearchCount(b *testing.B) {
	st, _ := benchdb.Open(b)
	ctx := context.Background()
	for _, q := range []string{"m", "mar", "isik"} {
		b.Run(q, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := st.Contacts.Count(ctx, store.ListQuery{Search: q}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkContactPage(b *testing.B) {
	st, _ := benchdb.Open(b)
	ctx := context.Background()
	first, _ := st.Contacts.List(ctx, store.ListQuery{Limit: 200})
	mid := first[len(first)-1]
	b.Run("first", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st.Contacts.List(ctx, store.ListQuery{Limit: 200})
		}
	})
	b.Run("after", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st.Contacts.List(ctx, store.ListQuery{Limit: 200, After: &store.Cursor{Sort: mid.SortName(), ID: mid.ID}})
		}
	})
	b.Run("last", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st.Contacts.List(ctx, store.ListQuery{Limit: 200, Last: true})
		}
	})
	b.Run("count", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			st.Contacts.Count(ctx, store.ListQuery{})
		}
	})
}

func BenchmarkAccountPage(b *testing.B) {
	st, _ := benchdb.Open(b)
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		st.Accounts.List(ctx, store.ListQuery{Limit: 200})
	}
}

// importRows makes n contact rows like a CRM export brought into the
// large demo set: every tenth row is a person already stored (same
// email), the others are new people with new emails and phones.
func importRows(b *testing.B, st *store.Store, n int) []store.ImportItem {
	ctx := context.Background()
	known, err := st.Contacts.List(ctx, store.ListQuery{Limit: n/10 + 1})
	if err != nil {
		b.Fatal(err)
	}
	firsts := []string{"Ayşe", "Mehmet", "Hans", "Jürgen", "Emma", "Olivia", "Lucas", "Zeynep", "Łukasz", "Sofía"}
	lasts := []string{"Yılmaz", "Müller", "Smith", "Kowalski", "García", "Öztürk", "Schäfer", "Brown", "Dubois", "Rossi"}
	out := make([]store.ImportItem, n)
	for i := range out {
		c := model.Contact{FirstName: firsts[i%len(firsts)] + fmt.Sprint(i/100), LastName: lasts[(i/10)%len(lasts)],
			Email: fmt.Sprintf("import%d@example%d.com", i, i%97), Phone: fmt.Sprintf("+1 512 %03d %04d", 200+i/10000, i%10000),
			Title: "Buyer", AccountName: fmt.Sprintf("Import Account %d", i%500), Tags: []string{"import"}}
		if i%10 == 0 && i/10 < len(known) {
			k := known[i/10]
			c.FirstName, c.LastName, c.Email = k.FirstName, k.LastName, k.Email
		}
		out[i] = store.ImportItem{Line: i + 2, Contact: &c}
	}
	return out
}

// BenchmarkImportContacts imports 100,000 contact rows into the large demo
// set with duplicate checking on, as a dry run (all the work, then a
// rollback, so the shared database is unchanged); rows/s is the figure.
func BenchmarkImportContacts(b *testing.B) {
	st, _ := benchdb.Open(b)
	ctx := context.Background()
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("ROLO_BENCH_IMPORT_ROWS")); err == nil && v > 0 {
		n = v // a quicker look, e.g. under a profiler
	}
	rows := importRows(b, st, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		next := 0
		res, err := st.Import(ctx, store.ImportOptions{Kind: "contacts", DryRun: true}, func() (store.ImportItem, error) {
			if next == len(rows) {
				return store.ImportItem{}, io.EOF
			}
			next++
			return rows[next-1], nil
		}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if res.Created+res.Skipped != n {
			b.Fatalf("result %+v", res)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkDedupeContacts lists the likely duplicate pairs of the large
// demo set's 100,000 contacts.
func BenchmarkDedupeContacts(b *testing.B) {
	st, _ := benchdb.Open(b)
	ctx := context.Background()
	var pairs int
	for i := 0; i < b.N; i++ {
		ps, err := st.Dupes.ContactPairs(ctx, model.MinScore)
		if err != nil {
			b.Fatal(err)
		}
		pairs = len(ps)
	}
	b.ReportMetric(float64(pairs), "pairs")
}

// leadsStore opens a database of 100,000 leads (imported once into the
// temp directory, keyed by the schema, and reused).
func leadsStore(b *testing.B) *store.Store {
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), "rolo-bench-leads-"+store.SchemaDigest()+".db")
	if _, err := os.Stat(path); err != nil {
		tmp := path + ".building"
		os.Remove(tmp)
		st, err := store.Open(ctx, tmp, store.Options{Rules: model.Rules{Region: "US"}})
		if err != nil {
			b.Fatal(err)
		}
		me, _ := st.Users.Ensure(ctx, "Bench User", "")
		st.SetActor(me.ID)
		firsts := []string{"Ayşe", "Mehmet", "Hans", "Jürgen", "Emma", "Olivia", "Lucas", "Zeynep", "Łukasz", "Sofía", "Mark", "Maria"}
		lasts := []string{"Yılmaz", "Müller", "Smith", "Kowalski", "García", "Öztürk", "Schäfer", "Brown", "Dubois", "Rossi", "Işık"}
		n := 0
		_, err = st.Import(ctx, store.ImportOptions{Kind: "leads", OnDuplicate: store.OnDuplicateCreate}, func() (store.ImportItem, error) {
			if n == 100_000 {
				return store.ImportItem{}, io.EOF
			}
			n++
			l := model.Lead{Name: fmt.Sprintf("%s %s%d", firsts[n%len(firsts)], lasts[(n/7)%len(lasts)], n/100),
				Company: fmt.Sprintf("Company %d", n%5000), Email: fmt.Sprintf("lead%d@example%d.com", n, n%89),
				Phone: fmt.Sprintf("+1 512 %03d %04d", 300+n/10000, n%10000), Source: []string{"web", "fair", "referral"}[n%3],
				Status: []string{model.LeadNew, model.LeadNew, model.LeadContacted, model.LeadQualified}[n%4]}
			return store.ImportItem{Line: n, Lead: &l}, nil
		}, nil)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
	}
	st, err := store.Open(ctx, path, store.Options{Rules: model.Rules{Region: "US"}})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// BenchmarkLeads is what the Leads view asks for on 100,000 leads: a
// page, a page of one status, a search, the counts of its header.
func BenchmarkLeads(b *testing.B) {
	st := leadsStore(b)
	ctx := context.Background()
	for _, c := range []struct {
		name string
		fn   func() error
	}{
		{"page", func() error { _, err := st.Leads.List(ctx, store.ListQuery{Limit: 200}); return err }},
		{"page-qualified", func() error {
			_, err := st.Leads.List(ctx, store.ListQuery{Status: model.LeadQualified, Limit: 200})
			return err
		}},
		{"last-page", func() error { _, err := st.Leads.List(ctx, store.ListQuery{Last: true, Limit: 200}); return err }},
		{"search-mar", func() error { _, err := st.Leads.List(ctx, store.ListQuery{Search: "mar", Limit: 50}); return err }},
		{"search-isik", func() error { _, err := st.Leads.List(ctx, store.ListQuery{Search: "isik", Limit: 50}); return err }},
		{"count-qualified", func() error { _, err := st.Leads.Count(ctx, store.ListQuery{Status: model.LeadQualified}); return err }},
		{"status-counts", func() error { _, err := st.Leads.StatusCounts(ctx, 0); return err }},
		{"leads-like", func() error {
			_, err := st.Dupes.LeadsLike(ctx, model.Lead{Name: "Maria Schäfer12", Email: "x@y.com"})
			return err
		}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := c.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
