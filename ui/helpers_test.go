package ui

import (
	osexec "os/exec"
	"reflect"
	"runtime"
	"sync"

	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"rolo/config"
	"rolo/model"
	"rolo/store"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	lipgloss.SetHasDarkBackground(true)
	dupDelay = time.Millisecond // forms check for duplicates without a noticeable pause
	os.Exit(m.Run())
}

var testNow = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

// testYAML is the config of the UI tests: two pipelines (Proposal needs
// an amount and a close date), exchange rates, contacts first.
const testYAML = `user: {name: Test User}
locale: en
currency:
  base: USD
  rates: {EUR: "1.10", TRY: "0.03"}
phone: {default_region: TR}
ui: {start_view: contacts, theme: dark}
deals: {idle_days: 14}
pipelines:
  - key: new-business
    name: New business
    stages:
      - {key: qualification, name: Qualification, probability: 10}
      - {key: needs-analysis, name: Needs analysis, probability: 25}
      - {key: proposal, name: Proposal, probability: 50, requires: [amount, close_date]}
      - {key: negotiation, name: Negotiation, probability: 75}
      - {key: won, name: Won, probability: 100, kind: won}
      - {key: lost, name: Lost, probability: 0, kind: lost}
  - key: renewals
    name: Renewals
    stages:
      - {key: due, name: Due, probability: 60}
      - {key: won, name: Renewed, probability: 100, kind: won}
      - {key: lost, name: Churned, kind: lost}
`

var loadedConfig *config.Config

func testConfig() config.Config {
	if loadedConfig == nil {
		dir, err := os.MkdirTemp("", "rolo-ui-config")
		if err != nil {
			panic(err)
		}
		path := filepath.Join(dir, "config.yaml")
		if err := os.WriteFile(path, []byte(testYAML), 0o600); err != nil {
			panic(err)
		}
		cfg, err := config.Load(config.LoadOptions{File: path, DBPath: filepath.Join(dir, "unused.db")})
		if err != nil {
			panic(err)
		}
		os.RemoveAll(dir)
		loadedConfig = &cfg
	}
	return *loadedConfig
}

// testStore is a store on a temp file with a fixed clock and a user.
func testStore(t testing.TB) (*store.Store, model.User) {
	t.Helper()
	cfg := testConfig()
	clock := testNow.Add(-72 * time.Hour)
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "rolo.db"),
		store.Options{Rules: cfg.Rules(), Rates: cfg.RateSet(), Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	me, err := st.Users.Ensure(context.Background(), "Test User", "me@example.com")
	if err != nil {
		t.Fatal(err)
	}
	st.SetActor(me.ID)
	return st, me
}

// seed adds the people the golden views show.
func seed(t testing.TB, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Users.Ensure(ctx, "Deniz Kaya", "deniz@example.com"); err != nil {
		t.Fatal(err)
	}
	people := []model.Contact{
		{FirstName: "Ayşe", LastName: "Yılmaz", Email: "ayse@isik.com.tr", Phone: "+90 212 555 01 01", Title: "Genel Müdür", AccountName: "Işık Tekstil A.Ş.", Tags: []string{"vip", "textile"}},
		{FirstName: "İsmail", LastName: "Işık", Email: "ismail@isik.com.tr", Phone: "+90 532 111 22 33", AccountName: "Işık Tekstil A.Ş."},
		{FirstName: "Elif", LastName: "Işıkçı", Email: "elif@demirlojistik.com", Phone: "+90 555 123 45 67", AccountName: "Demir Lojistik"},
		{FirstName: "Hans", LastName: "MÜLLER", Email: "hans@weber-soehne.de", Phone: "+49 30 1234567", Title: "Einkaufsleiter", AccountName: "Weber & Söhne KG"},
		{FirstName: "Sean", LastName: "O'Neil", Email: "sean@oneil.ie"},
		{FirstName: "Evil\x1b]0;PWNED\x07", LastName: "Name\x1b[31m\r\n", Notes: "line one\nline two"},
	}
	for _, c := range people {
		if _, err := st.Contacts.Create(ctx, c, store.WriteOptions{}); err != nil {
			t.Fatal(err)
		}
	}
}

func newTestApp(t testing.TB, st *store.Store, me model.User) *App {
	return New(Deps{Store: st, Config: testConfig(), Me: me, Now: func() time.Time { return testNow }})
}

// run feeds msgs to the app and then every message the returned commands
// produce, until none is left. Commands run with a timeout so timers
// (cursor blinks) are dropped instead of waited for.
func run(t testing.TB, a *App, msgs ...tea.Msg) {
	t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("messages never settle")
		}
		msg := queue[0]
		queue = queue[1:]
		if isTimer(msg) {
			continue
		}
		_, cmd := a.Update(msg)
		queue = append(queue, runCmd(cmd)...)
	}
}

// isTimerCmd tells a cursor-blink or tick command by its function's name,
// so it is skipped instead of waited for.
func isTimerCmd(cmd tea.Cmd) bool {
	fn := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer())
	if fn == nil {
		return false
	}
	name := fn.Name()
	return strings.Contains(name, "cursor.") && strings.Contains(name, "Blink") || strings.Contains(name, "bubbletea.Tick")
}

func isTimer(msg tea.Msg) bool {
	name := fmt.Sprintf("%T", msg)
	return strings.Contains(name, "cursor.") || strings.Contains(name, "blink")
}

// exec runs a command and flattens batches into their messages.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil || isTimerCmd(cmd) {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(time.Second):
		return nil
	}
	switch m := msg.(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		// run a batch concurrently, as Bubble Tea does, keeping its order
		results := make([][]tea.Msg, len(m))
		var wg sync.WaitGroup
		for i, c := range m {
			wg.Add(1)
			go func() { defer wg.Done(); results[i] = runCmd(c) }()
		}
		wg.Wait()
		var out []tea.Msg
		for _, r := range results {
			out = append(out, r...)
		}
		return out
	}
	if v := reflect.ValueOf(msg); fmt.Sprintf("%T", msg) == "tea.sequenceMsg" {
		var out []tea.Msg
		for i := 0; i < v.Len(); i++ {
			if c, ok := v.Index(i).Interface().(tea.Cmd); ok {
				out = append(out, runCmd(c)...)
			}
		}
		return out
	}
	return []tea.Msg{msg}
}

func keys(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

func press(t tea.KeyType) tea.Msg { return tea.KeyMsg{Type: t} }

func size(w, h int) tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} }

// golden compares got with testdata/name.golden (rewritten with -update).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from %s:\n--- got ---\n%s\n--- want ---\n%s", name, path, got, want)
	}
}

// checkFits fails when a line is wider than w or there are more than h.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines at height %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d wide at width %d: %q", i, lw, w, l)
		}
	}
}

type modelContact = model.Contact

// runScript runs an editor stand-in on a file, as $EDITOR would be.
func runScript(script, file string) error {
	return osexec.Command(script, file).Run()
}
