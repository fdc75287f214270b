// Package benchdb gives benchmarks the large demo database
// (`rolo demo --size large`: 100,000 contacts, 20,000 accounts), built
// once per machine into the temp directory and reused by later runs.
package benchdb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"rolo/demo"
	"rolo/model"
	"rolo/store"
)

var mu sync.Mutex

// Path returns the large demo database, building it when it is missing.
// ROLO_BENCH_DB names a file to use instead.
func Path(tb testing.TB) string {
	tb.Helper()
	if p := os.Getenv("ROLO_BENCH_DB"); p != "" {
		return p
	}
	mu.Lock()
	defer mu.Unlock()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("rolo-bench-large-%s.db", store.SchemaDigest()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".building"
	os.Remove(tmp)
	ctx := context.Background()
	st, err := store.Open(ctx, tmp, store.Options{Rules: model.Rules{Region: "US"}})
	if err != nil {
		tb.Fatal(err)
	}
	me, err := st.Users.Ensure(ctx, "Bench User", "bench@example.com")
	if err != nil {
		tb.Fatal(err)
	}
	st.SetActor(me.ID)
	if _, err := demo.Run(ctx, st, demo.Options{Size: "large", Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	st.Close()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// Open opens the large demo database with its first user as the actor.
func Open(tb testing.TB) (*store.Store, model.User) {
	tb.Helper()
	ctx := context.Background()
	// the demo's deals are in dollars, euros, pounds and lira: with rates
	// for all, the reports convert every amount
	rates, err := model.NewRates("USD", map[string]string{"EUR": "1.08", "GBP": "1.27", "TRY": "0.029"})
	if err != nil {
		tb.Fatal(err)
	}
	st, err := store.Open(ctx, Path(tb), store.Options{Rules: model.Rules{Region: "US"}, Rates: rates})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	me, err := st.Users.Ensure(ctx, "Bench User", "bench@example.com")
	if err != nil {
		tb.Fatal(err)
	}
	st.SetActor(me.ID)
	return st, me
}
