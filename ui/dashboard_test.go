package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

// dashStore is a store whose clock the test moves, so deals are created,
// won and lost on chosen days.
func dashStore(t *testing.T) (*store.Store, model.User, *time.Time) {
	t.Helper()
	cfg := testConfig()
	clock := new(time.Time)
	*clock = testNow
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "rolo.db"),
		store.Options{Rules: cfg.Rules(), Rates: cfg.RateSet(), Now: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	me, err := st.Users.Ensure(context.Background(), "Test User", "me@example.com")
	if err != nil {
		t.Fatal(err)
	}
	st.SetActor(me.ID)
	return st, me, clock
}

func day(s string) time.Time {
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		panic(err)
	}
	return d.Add(10 * time.Hour)
}

// seedDashboard is a data set whose figures were worked out by hand (the
// test clock is 2026-12-04, so "this quarter" is Q4 2026, Oct–Dec; rates
// EUR 1.10 and TRY 0.03 to USD). Deniz owns Beta, Gamma and India; Test
// User the rest.
//
//	won/lost in Q4 2026: Alpha won 10-11 (created 09-01: 40 d), Beta won
//	  11-30 (created 10-01: 60 d), Gamma lost 11-15, Golf lost 10-20,
//	  reopened 11-01 and won 12-02 (created 10-10: 53 d)
//	  → win rate 3 ÷ 4 = 75 %, cycle mean (40+60+53)/3 = 51 d, median 53 d
//	Q3 2026: Echo won 08-15 (created 07-01: 45 d), Delta lost 09-20 → 50 %
//	Q4 2025: Foxtrot won $30,000 on 2025-11-20 → "won a year earlier"
//	open: Hotel $10,000 Qualification 10 % closing 2026-12-20 → $1,000
//	      India €20,000 = $22,000 Proposal 50 % closing 2027-01-15 → $11,000
//	      Juliet $40,000 Negotiation, 80 % override, 2027-02-10 → $32,000
//	      Kilo ₺100,000 = $3,000 Needs analysis 25 %, no close date → $750
//	      → open $75,000, weighted $44,750; forecast Dec $1k, Jan $11k,
//	      Feb $32k; this quarter's forecast $1,000
//	renewals: Lima $5,000 Due 60 % closing 2026-12-31 (other pipeline)
//	activity since 2026-11-07: Test User 2 calls, 1 email, 1 task done;
//	  Deniz 1 meeting; a call on 10-01 is older than four weeks
func seedDashboard(t *testing.T, st *store.Store, me model.User, clock *time.Time) model.User {
	t.Helper()
	ctx := context.Background()
	deniz, err := st.Users.Ensure(ctx, "Deniz Kaya", "deniz@example.com")
	if err != nil {
		t.Fatal(err)
	}
	type step struct {
		on, stage string
	}
	deals := []struct {
		d     model.Deal
		on    string
		steps []step
	}{
		{model.Deal{Title: "Alpha", Amount: 1000000, Currency: "USD"}, "2026-09-01", []step{{"2026-10-11", "won"}}},
		{model.Deal{Title: "Beta", Amount: 2000000, Currency: "USD", OwnerID: deniz.ID}, "2026-10-01", []step{{"2026-11-30", "won"}}},
		{model.Deal{Title: "Gamma", Amount: 500000, Currency: "EUR", OwnerID: deniz.ID}, "2026-10-05", []step{{"2026-11-15", "lost"}}},
		{model.Deal{Title: "Delta", Amount: 800000, Currency: "USD"}, "2026-08-01", []step{{"2026-09-20", "lost"}}},
		{model.Deal{Title: "Echo", Amount: 400000, Currency: "USD"}, "2026-07-01", []step{{"2026-08-15", "won"}}},
		{model.Deal{Title: "Foxtrot", Amount: 3000000, Currency: "USD"}, "2025-10-01", []step{{"2025-11-20", "won"}}},
		{model.Deal{Title: "Golf", Amount: 600000, Currency: "USD", CloseDate: "2026-12-15"}, "2026-10-10",
			[]step{{"2026-10-20", "lost"}, {"2026-11-01", "proposal"}, {"2026-12-02", "won"}}},
		{model.Deal{Title: "Hotel", Amount: 1000000, Currency: "USD", CloseDate: "2026-12-20"}, "2026-11-02", nil},
		{model.Deal{Title: "India", Amount: 2000000, Currency: "EUR", Stage: "proposal", CloseDate: "2027-01-15", OwnerID: deniz.ID}, "2026-11-03", nil},
		{model.Deal{Title: "Juliet", Amount: 4000000, Currency: "USD", Stage: "negotiation", Probability: intp(80), CloseDate: "2027-02-10"}, "2026-11-04", nil},
		{model.Deal{Title: "Kilo", Amount: 10000000, Currency: "TRY", Stage: "needs-analysis"}, "2026-11-05", nil},
		{model.Deal{Title: "Lima", Amount: 500000, Currency: "USD", Pipeline: "renewals", CloseDate: "2026-12-31"}, "2026-11-06", nil},
	}
	var hotel int64
	for _, x := range deals {
		*clock = day(x.on)
		d, err := st.Deals.Create(ctx, x.d, store.WriteOptions{})
		if err != nil {
			t.Fatalf("%s: %v", x.d.Title, err)
		}
		for _, s := range x.steps {
			*clock = day(s.on)
			if _, err := st.Deals.Move(ctx, d.ID, 0, s.stage, "price"); err != nil {
				t.Fatalf("%s to %s: %v", x.d.Title, s.stage, err)
			}
		}
		if x.d.Title == "Hotel" {
			hotel = d.ID
		}
	}
	for _, a := range []model.Activity{
		{Kind: model.KindCall, Subject: "Intro", At: day("2026-11-20")},
		{Kind: model.KindCall, Subject: "Follow-up", At: day("2026-12-03")},
		{Kind: model.KindEmail, Subject: "Proposal sent", At: day("2026-12-01")},
		{Kind: model.KindCall, Subject: "Old call", At: day("2026-10-01")},
		{Kind: model.KindMeeting, Subject: "Site visit", At: day("2026-11-25"), OwnerID: deniz.ID},
	} {
		*clock = a.At
		a.DealID = &hotel
		if _, err := st.Activities.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	*clock = day("2026-11-28")
	task, err := st.Activities.Create(ctx, model.Activity{Kind: model.KindTask, Subject: "Send contract", At: day("2026-12-01"), DealID: &hotel})
	if err != nil {
		t.Fatal(err)
	}
	*clock = day("2026-12-02")
	if _, err := st.Activities.SetDone(ctx, task.ID, 0, true); err != nil {
		t.Fatal(err)
	}
	*clock = testNow
	return deniz
}

func dashApp(t *testing.T, w, h int) (*App, *store.Store) {
	st, me, clock := dashStore(t)
	seedDashboard(t, st, me, clock)
	a := newTestApp(t, st, me)
	run(t, a, size(w, h))
	run(t, a, runCmd(a.Init())...)
	run(t, a, keys("6")...)
	return a, st
}

func dash(a *App) *dashboardView { return a.tabs[5].view.(*dashboardView) }

func TestDashboardGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {160, 48}, {60, 15}, {120, 40}} {
		name := fmt.Sprintf("%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			a, _ := dashApp(t, sz[0], sz[1])
			v := a.View()
			golden(t, "dashboard_"+name, v)
			checkFits(t, v, sz[0], sz[1])
		})
	}
}

// The figures worked out by hand in seedDashboard, as the dashboard shows
// them.
func TestDashboardFiguresMatchTheHandComputation(t *testing.T) {
	a, _ := dashApp(t, 160, 48)
	v := squash(a.View())
	for _, want := range []string{
		"This quarter (Oct–Dec 2026) · all owners · New business",
		"Win rate 75% ▲25 pts (3 won, 1 lost)",
		"Cycle 51 d (median 53)",
		"Open pipeline ≈$75k weighted ≈$44.8k",
		"Forecast $1k · won a year earlier $30k (1)",
		"Dec 26", "Jan 27", "Feb 27", "May 27",
		"Qualification", "1 $10k", "Needs analysis", "1 $3k", "Proposal", "1 $22k", "Negotiation", "1 $40k",
		"converted to USD: 1 EUR = 1.10 USD, 1 TRY = 0.03 USD",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, v)
		}
	}
	d := dash(a).data
	if got := []int64{d.forecast.Months[0].Weighted, d.forecast.Months[1].Weighted, d.forecast.Months[2].Weighted, d.forecast.Months[3].Weighted}; fmt.Sprint(got) != "[100000 1100000 3200000 0]" {
		t.Errorf("forecast by month %v", got)
	}
	if d.pipe.Total != 7500000 || d.pipe.Weighted != 4475000 || d.wonAgo != 3000000 || d.wonAgoN != 1 {
		t.Errorf("open %d weighted %d, won a year earlier %d (%d)", d.pipe.Total, d.pipe.Weighted, d.wonAgo, d.wonAgoN)
	}
	// activity, last four weeks
	rows := map[string]bool{}
	for _, l := range strings.Split(v, "\n") {
		rows[strings.TrimSpace(l)] = true
	}
	for _, want := range []string{"calls emails meetings notes tasks done weekly", "Test User 2 1 0 0 1 ▁▃▁█", "Deniz Kaya 0 0 1 0 0 ▁▁█▁"} {
		if !rows[want] {
			t.Errorf("activity table lacks row %q:\n%s", want, v)
		}
	}
}

// squash collapses the runs of spaces of a screen, so tests read figures
// without caring for alignment.
func squash(v string) string {
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

func TestDashboardPeriodAndOwnerKeysChangeTheNumbers(t *testing.T) {
	a, _ := dashApp(t, 160, 48)
	run(t, a, keys("[")...)
	v := squash(a.View())
	for _, want := range []string{"Last quarter (Jul–Sep 2026) · all owners", "Win rate 50% (1 won, 1 lost)", "Cycle 45 d (median 45)", "Forecast $0 · won a year earlier $0 (0)"} {
		if !strings.Contains(v, want) {
			t.Errorf("last quarter lacks %q:\n%s", want, v)
		}
	}
	run(t, a, keys("[")...)
	if v := squash(a.View()); !strings.Contains(v, "Q2 2026 (Apr–Jun)") || !strings.Contains(v, "Win rate — (0 won, 0 lost)") {
		t.Errorf("a quarter without closed deals has no win rate:\n%s", v)
	}
	run(t, a, keys("]]")...)
	if v := squash(a.View()); !strings.Contains(v, "Win rate 75% ▲25 pts (3 won, 1 lost)") {
		t.Errorf("] came back to this quarter:\n%s", v)
	}
	// o: all → me → Deniz
	run(t, a, keys("o")...)
	v = squash(a.View())
	for _, want := range []string{"owner: me", "· mine ·", "Win rate 100% ▲50 pts (2 won, 0 lost)", "Cycle 46.5 d (median 46.5)", "Open pipeline ≈$53k weighted ≈$33.8k"} {
		if !strings.Contains(v, want) {
			t.Errorf("my numbers lack %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "Deniz Kaya") {
		t.Errorf("my activity table shows Deniz:\n%s", v)
	}
	run(t, a, keys("o")...)
	v = squash(a.View())
	for _, want := range []string{"owner: Deniz Kaya", "· Deniz Kaya ·", "Win rate 50% (1 won, 1 lost)", "Cycle 60 d (median 60)", "Open pipeline ≈$22k weighted ≈$11k"} {
		if !strings.Contains(v, want) {
			t.Errorf("Deniz's numbers lack %q:\n%s", want, v)
		}
	}
	// p: the renewals pipeline
	run(t, a, keys("op")...)
	v = squash(a.View())
	for _, want := range []string{"This quarter (Oct–Dec 2026) · all owners · Renewals", "Win rate — (0 won, 0 lost)", "Open pipeline $5k weighted $3k", "Forecast $3k"} {
		if !strings.Contains(v, want) {
			t.Errorf("renewals lack %q:\n%s", want, v)
		}
	}
}

func TestDashboardDrillsIntoAStageAndAMonth(t *testing.T) {
	a, _ := dashApp(t, 120, 40)
	// tab jumps from the forecast bars to the stages; j to Proposal
	run(t, a, press(tea.KeyTab))
	run(t, a, keys("jj")...)
	run(t, a, press(tea.KeyEnter))
	if a.active != 0 {
		t.Fatalf("enter on a stage opened tab %d, not the board", a.active)
	}
	b := board(a)
	col := b.cols[b.focus]
	if d, ok := col.win.selected(); col.stage.Key != "proposal" || !ok || d.Title != "India" || col.win.total != 1 {
		t.Fatalf("board focused on %q, %d deals, selected %q", col.stage.Key, col.win.total, d.Title)
	}
	// back on the dashboard, enter on January lists the deals closing then
	run(t, a, keys("6")...)
	run(t, a, press(tea.KeyTab))
	run(t, a, keys("j")...)
	run(t, a, press(tea.KeyEnter))
	v := a.View()
	if !strings.Contains(v, "India") || strings.Contains(v, "Juliet") || strings.Contains(v, "Hotel") {
		t.Errorf("January's deals:\n%s", v)
	}
	if !strings.Contains(v, "Deals closing in January 2027") {
		t.Errorf("the list says what it shows:\n%s", v)
	}
}

func TestWinRateChangeInPoints(t *testing.T) {
	for _, c := range []struct{ now, before, want string }{
		{"0.7500", "0.5000", " ▲25 pts"},
		{"0.3333", "0.5000", " ▼16.7 pts"},
		{"0.5004", "0.5000", " ±0 pts"},
		{"0.5005", "0.5000", " ▲0.1 pts"},
		{"0.5000", "", ""},
		{"", "0.5000", ""},
	} {
		if got := change(model.WinRate{Rate: c.now}, model.WinRate{Rate: c.before}); got != c.want {
			t.Errorf("%s after %s: %q, want %q", c.now, c.before, got, c.want)
		}
	}
	if got := sparkline([]int{0, 1, 0, 3}); got != "▁▃▁█" {
		t.Errorf("sparkline %q", got)
	}
	if got := sparkline([]int{0, 0}); got != "▁▁" {
		t.Errorf("empty sparkline %q", got)
	}
}

func TestDashboardOnAnEmptyDatabaseSaysWhatToDo(t *testing.T) {
	st, me := testStore(t)
	a := newTestApp(t, st, me)
	run(t, a, size(80, 24))
	run(t, a, runCmd(a.Init())...)
	run(t, a, keys("6")...)
	v := a.View()
	golden(t, "dashboard_empty_80x24", v)
	checkFits(t, v, 80, 24)
	if !strings.Contains(v, "Nothing to count yet") || !strings.Contains(v, "Win rate — (0 won, 0 lost)") {
		t.Errorf("empty dashboard:\n%s", v)
	}
	run(t, a, press(tea.KeyEnter))
	if v := a.View(); !strings.Contains(v, "No deals here.") {
		t.Errorf("drilling into an empty month:\n%s", v)
	}
}
