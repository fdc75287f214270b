package ui

import (
	"context"

	"os"
	"rolo/store"
	"strings"

	"rolo/config"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/internal/benchdb"
)

// Benchmarks on the large demo set (100,000 contacts, 20,000 accounts);
// figures in docs/BENCHMARKS.md. Each measures what a user waits for:
// Update, the commands it returns (the SQL), the replies' Update and the
// View that draws them.

// benchConfig is the default configuration (one pipeline, no rates), as
// the large demo set is written with.
func benchConfig() config.Config {
	cfg, err := config.Load(config.LoadOptions{File: os.DevNull, DBPath: os.DevNull})
	if err != nil {
		panic(err)
	}
	cfg.UI.StartView = "contacts"
	return cfg
}

func benchApp(b *testing.B) *App {
	st, me := benchdb.Open(b)
	a := New(Deps{Store: st, Config: benchConfig(), Me: me, Now: time.Now})
	run(b, a, size(160, 45))
	run(b, a, runCmd(a.Init())...)
	return a
}

// settle runs msg and everything it causes, then draws the frame.
func settle(b *testing.B, a *App, msg tea.Msg) string {
	run(b, a, msg)
	return a.View()
}

func BenchmarkFirstFrame(b *testing.B) {
	st, me := benchdb.Open(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := New(Deps{Store: st, Config: benchConfig(), Me: me, Now: time.Now})
		run(b, a, size(160, 45))
		run(b, a, runCmd(a.Init())...)
		if v := a.View(); len(v) == 0 {
			b.Fatal("empty frame")
		}
	}
}

func BenchmarkScrollKeystroke(b *testing.B) {
	a := benchApp(b)
	j, k := keys("j")[0], keys("k")[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%400 < 200 {
			settle(b, a, j)
		} else {
			settle(b, a, k)
		}
	}
}

func BenchmarkHalfPageKeystroke(b *testing.B) {
	a := benchApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%200 < 100 {
			settle(b, a, press(tea.KeyCtrlD))
		} else {
			settle(b, a, press(tea.KeyCtrlU))
		}
	}
}

func BenchmarkJumpToEnd(b *testing.B) {
	a := benchApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settle(b, a, keys("G")[0])
		settle(b, a, keys("g")[0])
	}
}

// BenchmarkSearchEcho is the keystroke's echo: Update and View, before
// the query's reply.
func BenchmarkSearchEcho(b *testing.B) {
	a := benchApp(b)
	run(b, a, keys("/")...)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Update(keys("x")[0])
		a.View()
		a.Update(press(tea.KeyBackspace))
		a.View()
	}
}

// BenchmarkSearchResults types the last character of a query and waits
// for its results on screen: Update, the search (and count) queries, the
// replies and View.
func BenchmarkSearchResults(b *testing.B) {
	for _, q := range []string{"ma", "mar", "isi", "mül", "0101"} {
		b.Run(q, func(b *testing.B) {
			a := benchApp(b)
			run(b, a, keys("/"+q[:len(q)-1])...)
			last := keys(q[len(q)-1:])[0]
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				settle(b, a, last)
				b.StopTimer()
				run(b, a, press(tea.KeyBackspace))
				b.StartTimer()
			}
		})
	}
}

func BenchmarkOpenDetail(b *testing.B) {
	a := benchApp(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settle(b, a, press(tea.KeyEnter))
		settle(b, a, press(tea.KeyEsc))
	}
}

// The board on the large set: 50,000 open deals in four columns.

func benchBoard(b *testing.B) *App {
	a := benchApp(b)
	run(b, a, keys("1")...)
	return a
}

func BenchmarkBoardFirstFrame(b *testing.B) {
	st, me := benchdb.Open(b)
	cfg := benchConfig()
	cfg.UI.StartView = "pipeline"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := New(Deps{Store: st, Config: cfg, Me: me, Now: time.Now})
		run(b, a, size(160, 45))
		run(b, a, runCmd(a.Init())...)
		if v := a.View(); !strings.Contains(v, "of ") {
			b.Fatal("no cards on the first frame")
		}
	}
}

func BenchmarkBoardKeystroke(b *testing.B) {
	for _, k := range []string{"j", "k", "l", "h"} {
		b.Run(k, func(b *testing.B) {
			a := benchBoard(b)
			back := map[string]string{"j": "k", "k": "j", "l": "h", "h": "l"}[k]
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%100 < 50 {
					settle(b, a, keys(k)[0])
				} else {
					settle(b, a, keys(back)[0])
				}
			}
		})
	}
}

// BenchmarkBoardMove moves the selected deal a stage right and back (L,
// then H from the next column): the write, the stage history, the totals
// and the reloaded columns, drawn.
func BenchmarkBoardMove(b *testing.B) {
	a := benchBoard(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settle(b, a, keys("L")[0])
		settle(b, a, keys("H")[0])
	}
}

// Activities on the large set: 1,000,000 of them.

func BenchmarkActivitiesFirstFrame(b *testing.B) {
	st, me := benchdb.Open(b)
	cfg := benchConfig()
	cfg.UI.StartView = "activities"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := New(Deps{Store: st, Config: cfg, Me: me, Now: time.Now})
		run(b, a, size(160, 45))
		run(b, a, runCmd(a.Init())...)
		if v := a.View(); !strings.Contains(v, "Overdue (") && !strings.Contains(v, "Today (") {
			b.Fatal("no agenda on the first frame")
		}
	}
}

func BenchmarkActivitiesKeystroke(b *testing.B) {
	for _, pane := range []string{"agenda", "log"} {
		b.Run(pane, func(b *testing.B) {
			a := benchApp(b)
			run(b, a, keys("5")...)
			if pane == "log" {
				run(b, a, press(tea.KeyTab))
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%100 < 50 {
					settle(b, a, keys("j")[0])
				} else {
					settle(b, a, keys("k")[0])
				}
			}
		})
	}
}

// BenchmarkLogKindFilter cycles the log's kind filter (f): each step
// re-reads the newest page of a million-row log.
func BenchmarkLogKindFilter(b *testing.B) {
	a := benchApp(b)
	run(b, a, keys("5")...)
	run(b, a, press(tea.KeyTab))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settle(b, a, keys("f")[0])
	}
}

// BenchmarkContactTimeline opens the contact with the most activities.
func BenchmarkContactTimeline(b *testing.B) {
	st, _ := benchdb.Open(b)
	a := benchApp(b)
	var id int64
	rows, _ := st.Activities.List(context.Background(), store.ListQuery{Desc: true, Limit: 1})
	if len(rows) > 0 && rows[0].ContactID != nil {
		id = *rows[0].ContactID
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settle(b, a, openMsg{kind: "contact", id: id})
		if !strings.Contains(a.View(), "Timeline") {
			b.Fatal("no timeline")
		}
		settle(b, a, press(tea.KeyEsc))
	}
}

func BenchmarkDashboardFirstFrame(b *testing.B) {
	st, me := benchdb.Open(b)
	cfg := benchConfig()
	cfg.UI.StartView = "dashboard"
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a := New(Deps{Store: st, Config: cfg, Me: me, Now: time.Now})
		run(b, a, size(160, 45))
		run(b, a, runCmd(a.Init())...)
		if v := a.View(); !strings.Contains(v, "Pipeline by stage") {
			b.Fatalf("no dashboard:\n%s", v)
		}
	}
}

// BenchmarkDashboardPeriodSwitch is [ and ] in turn: every figure read
// again for the other quarter.
func BenchmarkDashboardPeriodSwitch(b *testing.B) {
	a := benchApp(b)
	run(b, a, keys("6")...)
	prev, next := keys("[")[0], keys("]")[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			settle(b, a, prev)
		} else {
			settle(b, a, next)
		}
	}
}

// BenchmarkDashboardOwnerSwitch is o: all, me, each rep in turn.
func BenchmarkDashboardOwnerSwitch(b *testing.B) {
	a := benchApp(b)
	run(b, a, keys("6")...)
	o := keys("o")[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		settle(b, a, o)
	}
}

// BenchmarkLeads is the Leads view on the large demo set's 10,000 leads:
// the first frame, a keystroke, a status filter step and a search.
func BenchmarkLeads(b *testing.B) {
	b.Run("first-frame", func(b *testing.B) {
		st, me := benchdb.Open(b)
		cfg := benchConfig()
		cfg.UI.StartView = "leads"
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			a := New(Deps{Store: st, Config: cfg, Me: me, Now: time.Now})
			run(b, a, size(160, 45))
			run(b, a, runCmd(a.Init())...)
			if v := a.View(); !strings.Contains(v, "leads") {
				b.Fatal("no leads on the first frame")
			}
		}
	})
	b.Run("keystroke", func(b *testing.B) {
		a := benchApp(b)
		run(b, a, keys("4")...)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if i%100 < 50 {
				settle(b, a, keys("j")[0])
			} else {
				settle(b, a, keys("k")[0])
			}
		}
	})
	b.Run("status-filter", func(b *testing.B) {
		a := benchApp(b)
		run(b, a, keys("4")...)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			settle(b, a, keys("f")[0])
		}
	})
	b.Run("search", func(b *testing.B) {
		a := benchApp(b)
		run(b, a, keys("4")...)
		run(b, a, keys("/")...)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			settle(b, a, keys("m")[0])
			settle(b, a, press(tea.KeyBackspace))
		}
	})
}
