package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/store"
)

func seededApp(t *testing.T, w, h int) (*App, *store.Store) {
	st, me := testStore(t)
	seed(t, st)
	a := newTestApp(t, st, me)
	run(t, a, size(w, h))
	run(t, a, runCmd(a.Init())...)
	return a, st
}

func TestGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}, {60, 15}} {
		name := fmt.Sprintf("%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			a, _ := seededApp(t, sz[0], sz[1])
			golden(t, "contacts_"+name, a.View())
			run(t, a, keys("/isik")...)
			golden(t, "contacts_search_"+name, a.View())
			run(t, a, press(tea.KeyEnter), press(tea.KeyEnter))
			golden(t, "contact_detail_"+name, a.View())
			run(t, a, keys("3")...)
			golden(t, "accounts_"+name, a.View())
			run(t, a, press(tea.KeyEnter))
			golden(t, "account_detail_"+name, a.View())
		})
	}
}

func TestEveryViewFitsEverySize(t *testing.T) {
	for _, sz := range [][2]int{{60, 15}, {80, 24}, {100, 30}, {200, 60}, {250, 80}} {
		a, _ := seededApp(t, sz[0], sz[1])
		steps := [][]tea.Msg{
			nil, keys("/isik"), {press(tea.KeyEnter)}, {press(tea.KeyEnter)}, {press(tea.KeyTab)}, keys("?"), keys("x"),
			{press(tea.KeyEsc)}, keys("3"), {press(tea.KeyEnter)}, keys("e"), {press(tea.KeyEsc)}, keys("2n"),
		}
		for i, s := range steps {
			run(t, a, s...)
			v := a.View()
			checkFits(t, v, sz[0], sz[1])
			if strings.ContainsRune(v, '\x1b') || strings.Contains(v, "PWNED") {
				t.Fatalf("step %d at %v: an escape sequence from the data reached the screen: %q", i, sz, v)
			}
		}
	}
}

func TestEmptyStateSaysWhatToDo(t *testing.T) {
	st, me := testStore(t)
	a := newTestApp(t, st, me)
	run(t, a, size(80, 24))
	run(t, a, runCmd(a.Init())...)
	v := a.View()
	for _, want := range []string{"No contacts yet.", "n ", "rolo demo"} {
		if !strings.Contains(v, want) {
			t.Errorf("empty view lacks %q:\n%s", want, v)
		}
	}
	golden(t, "contacts_empty_80x24", v)
}

func TestSearchFiltersAsYouTypeAndEscClears(t *testing.T) {
	a, _ := seededApp(t, 100, 30)
	run(t, a, keys("/müll")...)
	v := a.View()
	if !strings.Contains(v, "Hans MÜLLER") || strings.Contains(v, "Ayşe") || !strings.Contains(v, "1 match") {
		t.Fatalf("search müll:\n%s", v)
	}
	// q is text while the search field has focus, not quit
	_, cmd := a.Update(keys("q")[0])
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("q quit while typing in the search field")
		}
	}
	run(t, a, press(tea.KeyBackspace))
	run(t, a, press(tea.KeyEsc))
	v = a.View()
	if !strings.Contains(v, "Ayşe Yılmaz") || !strings.Contains(v, "6 contacts") {
		t.Fatalf("esc did not clear the search:\n%s", v)
	}
	// enter keeps the filter and returns to the list: j then moves
	run(t, a, keys("/işık")...)
	run(t, a, press(tea.KeyEnter))
	run(t, a, keys("j")...)
	if c, ok := a.tabs[1].view.(*listView[modelContact]).Selected(); !ok || c.LastName != "Işıkçı" {
		t.Fatalf("after enter and j selected %+v", c)
	}
}

func TestStaleSearchReplyIsDropped(t *testing.T) {
	a, _ := seededApp(t, 100, 30)
	lv := a.tabs[1].view.(*listView[modelContact])
	// type two characters but deliver the first query's reply last
	_, cmd1 := a.Update(keys("/")[0])
	runCmd(cmd1)
	_, first := a.Update(keys("h")[0])
	_, second := a.Update(keys("a")[0])
	newer := runCmd(second)
	older := runCmd(first)
	run(t, a, newer...)
	run(t, a, older...)
	if lv.filter.value() != "ha" {
		t.Fatalf("input %q", lv.filter.value())
	}
	for _, c := range lv.win.rows {
		if !strings.Contains(strings.ToLower(c.FirstName+c.Email), "ha") {
			t.Fatalf("a stale reply replaced the results: %v", c.Name())
		}
	}
}

func TestWindowPagesThroughManyRows(t *testing.T) {
	st, me := testStore(t)
	ctx := context.Background()
	if err := st.BulkWrite(ctx, func(b *store.Bulk) error {
		for i := 0; i < 1000; i++ {
			if _, err := b.AddContact(modelContact{FirstName: fmt.Sprintf("Person%04d", i)}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	a := newTestApp(t, st, me)
	run(t, a, size(80, 24))
	run(t, a, runCmd(a.Init())...)
	lv := a.tabs[1].view.(*listView[modelContact])
	for i := 0; i < 300; i++ {
		run(t, a, keys("j")...)
	}
	if c, ok := lv.Selected(); !ok || c.FirstName != "Person0300" {
		t.Fatalf("after 300 j: %+v %v", c, ok)
	}
	run(t, a, keys("G")...)
	if c, ok := lv.Selected(); !ok || c.FirstName != "Person0999" || lv.win.cursor != 999 {
		t.Fatalf("G: %+v cursor %d", c, lv.win.cursor)
	}
	if !strings.Contains(a.View(), "Person0999") {
		t.Fatal("last row not drawn")
	}
	run(t, a, press(tea.KeyCtrlU))
	run(t, a, keys("k")...)
	if c, _ := lv.Selected(); c.FirstName != fmt.Sprintf("Person%04d", 999-lv.win.height/2-1) {
		t.Fatalf("ctrl+u k: %s", c.FirstName)
	}
	run(t, a, keys("g")...)
	if c, ok := lv.Selected(); !ok || c.FirstName != "Person0000" {
		t.Fatalf("g: %+v", c)
	}
	if len(lv.win.rows) > maxCache {
		t.Fatalf("cache grew to %d rows", len(lv.win.rows))
	}
}

// Keys typed faster than they are read come as one message: "/isik"
// must open the search and type "isik", not be one unknown key.
func TestFastTypedKeysAreSplit(t *testing.T) {
	a, _ := seededApp(t, 100, 30)
	run(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/isik")})
	lv := a.tabs[1].view.(*listView[modelContact])
	if !lv.filter.active || lv.filter.value() != "isik" {
		t.Fatalf("filtering %v, input %q", lv.filter.active, lv.filter.value())
	}
	run(t, a, press(tea.KeyEsc))
	run(t, a, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("3j")})
	if a.active != 2 {
		t.Fatal("3 in a burst did not switch to accounts")
	}
}
