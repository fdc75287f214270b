package store_test

import (
	"context"
	"testing"

	"rolo/internal/benchdb"
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
