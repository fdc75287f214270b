package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

func intp(v int) *int { return &v }

// seedDeals adds a small hand-checkable board.
func seedDeals(t testing.TB, st *store.Store) map[string]model.Deal {
	t.Helper()
	ctx := context.Background()
	out := map[string]model.Deal{}
	for _, d := range []model.Deal{
		{Title: "Press line retrofit", AccountName: "Anadolu Makina", Amount: 120050, Currency: "EUR", CloseDate: "2027-01-15"},
		{Title: "Spare parts 2027", Amount: 500000, Currency: "USD"},
		{Title: "ERP rollout phase 2", AccountName: "Demir Lojistik", Amount: 4800000, Currency: "TRY", Stage: "needs-analysis"},
		{Title: "Fleet telematics", AccountName: "Weber & Söhne KG", Amount: 9600000, Currency: "EUR", Stage: "proposal", CloseDate: "2026-12-20"},
		{Title: "Warehouse WMS", AccountName: "Öztürk Gıda", Amount: 7500000, Currency: "USD", Stage: "negotiation", Probability: intp(80)},
		{Title: "Service contract", AccountName: "Öztürk Gıda", Amount: 1200000, Currency: "USD", Stage: "won"},
		{Title: "Cloud migration", AccountName: "Demir Lojistik", Amount: 3000000, Currency: "USD", Stage: "lost", LostReason: "price"},
		{Title: "Annual renewal", AccountName: "Weber & Söhne KG", Amount: 2400000, Currency: "EUR", Pipeline: "renewals"},
	} {
		saved, err := st.Deals.Create(ctx, d, store.WriteOptions{})
		if err != nil {
			t.Fatalf("seed %s: %v", d.Title, err)
		}
		out[d.Title] = saved
	}
	return out
}

func boardApp(t *testing.T, w, h int) (*App, *store.Store, map[string]model.Deal) {
	st, me := testStore(t)
	deals := seedDeals(t, st)
	a := newTestApp(t, st, me)
	run(t, a, size(w, h))
	run(t, a, runCmd(a.Init())...)
	run(t, a, keys("1")...)
	return a, st, deals
}

func board(a *App) *pipelineView { return a.tabs[0].view.(*pipelineView) }

func TestBoardGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 15}, {200, 50}} {
		name := fmt.Sprintf("%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			a, _, _ := boardApp(t, sz[0], sz[1])
			v := a.View()
			golden(t, "board_"+name, v)
			checkFits(t, v, sz[0], sz[1])
			run(t, a, keys("z")...)
			v = a.View()
			golden(t, "board_closed_"+name, v)
			checkFits(t, v, sz[0], sz[1])
		})
	}
}

func TestBoardHeadersAddUp(t *testing.T) {
	a, _, _ := boardApp(t, 200, 40)
	v := a.View()
	// Proposal: €96,000 at 1.10 = $105,600, weighted 50 % = $52,800
	// Needs analysis: ₺48,000 at 0.03 = $1,440, 25 % = $360
	// Negotiation: $75,000 with an 80 % override = $60,000
	// Qualification: €1,200.50 → $1,320.55 and $5,000: $6,320.55; 10 % = $632.06 → $632
	for _, want := range []string{"1 · ≈$105.6k · ≈$52.8k", "1 · ≈$1.4k · ≈$360", "1 · $75k · $60k", "2 · ≈$6.3k · ≈$632"} {
		if !strings.Contains(v, want) {
			t.Errorf("board lacks header %q:\n%s", want, v)
		}
	}
	if !strings.Contains(v, "New business · 5 open deals · won 1 · lost 1") {
		t.Errorf("header counts:\n%s", v)
	}
}

func TestBoardNavigationAndMoves(t *testing.T) {
	a, st, deals := boardApp(t, 120, 40)
	b := board(a)
	ctx := context.Background()
	run(t, a, keys("h")...) // stops at the first column
	if b.focus != 0 {
		t.Fatalf("h moved past the first column: %d", b.focus)
	}
	run(t, a, keys("j")...)
	if d, _ := b.Selected(); d.Title != "Spare parts 2027" {
		t.Fatalf("j selected %q", d.Title)
	}
	run(t, a, keys("k")...)
	// L moves Press line retrofit to Needs analysis; the focus follows it
	run(t, a, keys("L")...)
	if b.focus != 1 {
		t.Fatalf("focus did not follow the deal: column %d", b.focus)
	}
	if d, _ := b.Selected(); d.Title != "Press line retrofit" || d.Stage != "needs-analysis" {
		t.Fatalf("selected after L: %+v", d)
	}
	// a second L into Proposal works: it has an amount and a close date
	run(t, a, keys("L")...)
	if d, _ := st.Deals.Get(ctx, deals["Press line retrofit"].ID); d.Stage != "proposal" {
		t.Fatalf("second L: %s", d.Stage)
	}
	// ERP rollout has no close date: Proposal refuses it, naming the field
	run(t, a, keys("h")...)
	run(t, a, keys("L")...)
	if !strings.Contains(a.View(), "moving to Proposal needs close_date") {
		t.Fatalf("gate refusal not shown:\n%s", a.View())
	}
	if d, _ := st.Deals.Get(ctx, deals["ERP rollout phase 2"].ID); d.Stage != "needs-analysis" {
		t.Fatal("a gated move went through")
	}
	// x asks for a reason; an empty one is refused, esc cancels
	run(t, a, keys("x")...)
	if !b.Capturing() || !strings.Contains(a.View(), "Lost reason for") {
		t.Fatalf("no reason prompt:\n%s", a.View())
	}
	run(t, a, press(tea.KeyEnter))
	if !strings.Contains(a.View(), "needs a reason") {
		t.Fatalf("empty reason accepted:\n%s", a.View())
	}
	typeText(t, a, "competitor")
	run(t, a, press(tea.KeyEnter))
	if d, _ := st.Deals.Get(ctx, deals["ERP rollout phase 2"].ID); d.Status != "lost" || d.LostReason != "competitor" {
		t.Fatalf("not lost: %+v", d)
	}
	// z shows won and lost; from Lost, H reopens into the last open stage
	run(t, a, keys("z")...)
	for b.column().stage.Key != "lost" {
		run(t, a, keys("l")...)
	}
	for {
		d, ok := b.Selected()
		if !ok {
			t.Fatal("ERP rollout not in the Lost column")
		}
		if d.Title == "ERP rollout phase 2" {
			break
		}
		run(t, a, keys("j")...)
	}
	run(t, a, keys("H")...)
	d, _ := st.Deals.Get(ctx, deals["ERP rollout phase 2"].ID)
	if d.Stage != "negotiation" || d.Status != "open" {
		t.Fatalf("H from Lost did not reopen: %+v", d)
	}
	// u undoes the reopening, then the lost
	run(t, a, keys("u")...)
	if d, _ := st.Deals.Get(ctx, d.ID); d.Stage != "lost" {
		t.Fatalf("undo of the reopen: %s", d.Stage)
	}
	run(t, a, keys("u")...)
	if d, _ := st.Deals.Get(ctx, d.ID); d.Stage != "needs-analysis" || d.Status != "open" {
		t.Fatalf("undo of lost: %+v", d)
	}
	moves, _ := st.Deals.StageHistory(ctx, d.ID)
	if len(moves) != 5 {
		t.Fatalf("every move and undo is in the stage history: %d rows", len(moves))
	}
	// w wins the selected deal
	run(t, a, keys("z")...)
	b.focus = 3
	run(t, a, keys("w")...)
	if d, _ := st.Deals.Get(ctx, deals["Warehouse WMS"].ID); d.Status != "won" {
		t.Fatalf("w: %+v", d)
	}
}

func TestBoardPipelineSwitchAndFilter(t *testing.T) {
	a, _, _ := boardApp(t, 120, 40)
	run(t, a, keys("/weber")...)
	v := a.View()
	if !strings.Contains(v, "Fleet telematics") || strings.Contains(v, "Press line retrofit") {
		t.Fatalf("filter:\n%s", v)
	}
	run(t, a, press(tea.KeyEsc))
	run(t, a, keys("p")...)
	v = a.View()
	if !strings.Contains(v, "Due 60%") || !strings.Contains(v, "Annual renewal") || strings.Contains(v, "Qualification") {
		t.Fatalf("renewals pipeline:\n%s", v)
	}
}

func TestBoardNewDealFormAndDetail(t *testing.T) {
	a, st, _ := boardApp(t, 120, 40)
	run(t, a, keys("l")...) // Needs analysis
	run(t, a, keys("n")...)
	if a.form == nil || !strings.Contains(a.View(), "New deal in New business") {
		t.Fatalf("no deal form:\n%s", a.View())
	}
	typeText(t, a, "Depo otomasyonu")
	tabs(t, a, 1)
	typeText(t, a, "Işık Tekstil A.Ş.")
	tabs(t, a, 2)
	typeText(t, a, "12,34.5") // not an amount: stays on the field
	run(t, a, press(tea.KeyTab))
	if !strings.Contains(a.View(), "grouped by three") {
		t.Fatalf("bad amount not refused inline:\n%s", a.View())
	}
	for i := 0; i < 10; i++ {
		run(t, a, press(tea.KeyBackspace))
	}
	typeText(t, a, "48.000,00")
	submitForm(t, a)
	if a.form != nil {
		t.Fatalf("form still open:\n%s", a.View())
	}
	b := board(a)
	d, ok := b.Selected()
	if !ok || d.Title != "Depo otomasyonu" || d.Stage != "needs-analysis" || d.Amount != 4800000 || d.AccountName != "Işık Tekstil A.Ş." {
		t.Fatalf("new deal not selected in its column: %+v", d)
	}
	run(t, a, press(tea.KeyEnter))
	v := a.View()
	for _, want := range []string{"Pipeline › Depo otomasyonu", "Stages", "Needs analysis", "Quotes", "$48,000.00"} {
		if !strings.Contains(v, want) {
			t.Fatalf("deal detail lacks %q:\n%s", want, v)
		}
	}
	// Q starts a quote; a adds a line
	run(t, a, keys("Q")...)
	if !strings.Contains(a.View(), "Q-") {
		t.Fatalf("no quote view:\n%s", a.View())
	}
	run(t, a, keys("a")...)
	tabs(t, a, 1)
	typeText(t, a, "Installation")
	tabs(t, a, 1)
	for i := 0; i < 3; i++ {
		run(t, a, press(tea.KeyBackspace))
	}
	typeText(t, a, "2")
	tabs(t, a, 1)
	typeText(t, a, "1.000")
	tabs(t, a, 1)
	typeText(t, a, "10")
	tabs(t, a, 1)
	typeText(t, a, "20")
	submitQuoteForm(t, a)
	// 2 × 1,000.00 = 2,000.00; −10 % = 1,800.00; +20 % tax = 360.00; total 2,160.00
	v = a.View()
	if !strings.Contains(v, "$2,160.00") || !strings.Contains(v, "$1,800.00") {
		t.Fatalf("quote totals:\n%s", v)
	}
	qs, _ := st.Quotes.List(context.Background(), d.ID, "", 0)
	if len(qs) != 1 || len(qs[0].Lines) != 1 || qs[0].Totals().Total != 216000 {
		t.Fatalf("stored quote %+v", qs)
	}
}

func submitQuoteForm(t *testing.T, a *App) {
	t.Helper()
	for i := 0; i < 8; i++ {
		q, ok := a.current().(*quoteView)
		if !ok || q.form == nil {
			return
		}
		run(t, a, press(tea.KeyEnter))
	}
}
