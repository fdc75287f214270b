package main

// End-to-end tests of deals, quotes and products through the built
// binary: the pipeline with a gated stage, closing and reopening deals,
// refused input that writes nothing, rendered quotes and product import.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const dealsConfig = `locale: en
currency:
  base: EUR
company:
  name: Acme Industrial GmbH
  address: Hauptstraße 1, 10115 Berlin
  tax_id: DE123456789
  payment_terms: 30 days net
pipelines:
  - key: new-business
    name: New business
    stages:
      - {key: qualification, name: Qualification, probability: 10, kind: open}
      - {key: needs-analysis, name: Needs analysis, probability: 25, kind: open}
      - {key: proposal, name: Proposal, probability: 50, kind: open, requires: [amount, close_date]}
      - {key: negotiation, name: Negotiation, probability: 75, kind: open}
      - {key: won, name: Won, probability: 100, kind: won}
      - {key: lost, name: Lost, probability: 0, kind: lost}
`

// withConfig writes a config file into the env's directory and returns
// a function running rolo with it.
func (e *env) withConfig(name, yaml string) func(args ...string) (string, string, int) {
	e.t.Helper()
	path := filepath.Join(e.dir, name)
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		e.t.Fatal(err)
	}
	return func(args ...string) (string, string, int) {
		e.t.Helper()
		return e.rolo(append([]string{"--config", path}, args...)...)
	}
}

func decode[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return v
}

func TestCLIDealsPipeline(t *testing.T) {
	e := newEnv(t)
	run := e.withConfig("config.yaml", dealsConfig)
	must := func(args ...string) string {
		t.Helper()
		out, errs, code := run(args...)
		if code != 0 {
			t.Fatalf("rolo %s: exit %d\n%s", strings.Join(args, " "), code, errs)
		}
		return out
	}
	count := func(args ...string) int {
		t.Helper()
		return len(decode[[]map[string]any](t, must(append(args, "--json")...)))
	}

	// a deal on a new account, the amount as people type it
	d1 := decode[map[string]any](t, must("deal", "add", "--title", "Press line retrofit", "--account", "Işık Tekstil A.Ş.",
		"--amount", "1.200,50", "--close", "2027-01-31", "--json"))
	for k, want := range map[string]any{"id": float64(1), "title": "Press line retrofit", "amount": "1200.50", "currency": "EUR",
		"stage": "qualification", "stage_name": "Qualification", "status": "open", "account_name": "Işık Tekstil A.Ş.",
		"close_date": "2027-01-31", "owner": "Test User"} {
		if d1[k] != want {
			t.Errorf("deal add: %s = %v, want %v", k, d1[k], want)
		}
	}
	// the account is found again by its folded name
	must("deal", "add", "--title", "Bare", "--account", "isik tekstil a.s.")
	if n := count("account", "list"); n != 1 {
		t.Fatalf("%d accounts, want 1", n)
	}

	// a stage by name, any case, lists in board order: by close date, none last
	col := decode[[]map[string]any](t, must("deal", "list", "--stage", "QUALIFICATION", "--json"))
	if len(col) != 2 || col[0]["title"] != "Press line retrofit" || col[1]["title"] != "Bare" {
		t.Fatalf("qualification column: %v", col)
	}
	if n := count("deal", "list", "--stage", "needs analysis"); n != 0 {
		t.Fatalf("needs analysis has %d deals", n)
	}

	// two moves; the second passes the gate (amount and close date are set)
	must("deal", "move", "1", "--stage", "needs-analysis")
	moved := decode[map[string]any](t, must("deal", "move", "1", "--stage", "Proposal", "--json"))
	if moved["stage"] != "proposal" || moved["id"] != float64(1) {
		t.Fatalf("move: %v", moved)
	}
	// the gate refuses a deal without amount and close date
	_, errs, code := run("deal", "move", "2", "--stage", "proposal")
	if code != 2 || !strings.Contains(errs, "moving to Proposal needs amount and close_date") {
		t.Fatalf("gated move: exit %d %s", code, errs)
	}
	if d := decode[map[string]any](t, must("deal", "show", "2", "--json")); d["stage"] != "qualification" {
		t.Fatalf("refused move changed the stage: %v", d["stage"])
	}

	for _, args := range [][]string{
		{"deal", "move", "2", "--lost"},
		{"deal", "move", "2", "--won", "--lost", "--reason", "x"},
		{"deal", "move", "2"},
		{"deal", "move", "2", "--stage", "nowhere"},
	} {
		if _, errs, code := run(args...); code != 2 {
			t.Errorf("rolo %s: exit %d %s, want 2", strings.Join(args, " "), code, errs)
		}
	}
	lost := decode[map[string]any](t, must("deal", "move", "2", "--lost", "--reason", "no budget", "--json"))
	if lost["status"] != "lost" || lost["lost_reason"] != "no budget" || lost["closed_at"] == nil {
		t.Fatalf("lost: %v", lost)
	}
	show := decode[map[string]any](t, must("deal", "show", "2", "--json"))
	hist, _ := show["stage_history"].([]any)
	if len(hist) != 2 {
		t.Fatalf("stage_history: %v", show["stage_history"])
	}
	last := hist[1].(map[string]any)
	if last["from"] != "qualification" || last["to"] != "lost" || last["by"] != "Test User" || last["lost_reason"] != "no budget" {
		t.Fatalf("last move: %v", last)
	}
	if at, _ := last["at"].(string); at == "" {
		t.Fatal("move without a time")
	} else if _, err := time.Parse(time.RFC3339, at); err != nil {
		t.Fatalf("at %q: %v", at, err)
	}
	for _, k := range []string{"id", "title", "amount", "currency", "stage", "status", "quotes", "history"} {
		if _, ok := show[k]; !ok {
			t.Errorf("deal show --json lacks %q", k)
		}
	}
	if ids := decode[[]map[string]any](t, must("deal", "list", "--status", "lost", "--json")); len(ids) != 1 || ids[0]["id"] != float64(2) {
		t.Fatalf("lost deals: %v", ids)
	}

	// back to an open stage reopens it, recorded in the history
	reopened := decode[map[string]any](t, must("deal", "move", "2", "--stage", "qualification", "--json"))
	if reopened["status"] != "open" || reopened["closed_at"] != nil || reopened["lost_reason"] != "" {
		t.Fatalf("reopened: %v", reopened)
	}
	show = decode[map[string]any](t, must("deal", "show", "2", "--json"))
	if hist, _ := show["stage_history"].([]any); len(hist) != 3 || hist[2].(map[string]any)["from"] != "lost" {
		t.Fatalf("stage_history after reopening: %v", show["stage_history"])
	}
	if n := count("deal", "list", "--status", "lost"); n != 0 {
		t.Fatalf("%d lost deals after reopening", n)
	}
	if out := must("deal", "show", "2"); !strings.Contains(out, "reopened") || !strings.Contains(out, "lost: no budget") {
		t.Fatalf("deal show:\n%s", out)
	}

	// probability override set and cleared; close date cleared
	if d := decode[map[string]any](t, must("deal", "edit", "1", "--probability", "60", "--json")); d["probability"] != float64(60) {
		t.Fatalf("probability: %v", d["probability"])
	}
	if d := decode[map[string]any](t, must("deal", "show", "1", "--json")); d["weighted_amount"] != "720.30" {
		t.Fatalf("weighted: %v", d["weighted_amount"])
	}
	if d := decode[map[string]any](t, must("deal", "edit", "1", "--probability", "", "--json")); d["probability"] != nil {
		t.Fatalf("probability not cleared: %v", d["probability"])
	}
	if d := decode[map[string]any](t, must("deal", "edit", "2", "--close", "", "--notes", "n", "--json")); d["close_date"] != "" {
		t.Fatalf("close not cleared: %v", d["close_date"])
	}

	// bad input exits non-zero and writes nothing
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"deal", "add", "--title", "X", "--account", "Ghost Co", "--amount", "12,34.5"}, 2, "amount"},
		{[]string{"deal", "add", "--title", "X", "--account", "Ghost Co", "--currency", "EURO"}, 2, "currency"},
		{[]string{"deal", "add", "--title", "X", "--account", "Ghost Co", "--stage", "nowhere"}, 2, "stage"},
		{[]string{"deal", "add", "--title", "X", "--account", "Ghost Co", "--stage", "proposal"}, 2, "needs amount and close_date"},
		{[]string{"deal", "add", "--title", "X", "--close", "someday"}, 2, "close_date"},
		{[]string{"deal", "add", "--title", "X", "--probability", "120"}, 2, "probability"},
		{[]string{"deal", "add", "--title", "X", "--pipeline", "nope"}, 2, "new-business"},
		{[]string{"deal", "add", "--title", "X", "--contact", "nobody@example.com"}, 3, "no contact"},
		{[]string{"deal", "add", "--amount", "5"}, 2, "--title"},
		{[]string{"deal", "list", "--stage", "nowhere"}, 2, "Qualification"},
		{[]string{"deal", "list", "--status", "closed"}, 2, "open, won, lost"},
		{[]string{"deal", "show", "99"}, 3, "no deal"},
		{[]string{"deal", "show", "abc"}, 2, "id"},
		{[]string{"deal", "edit", "1"}, 2, "at least one"},
	}
	for _, tc := range cases {
		_, errs, code := run(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("rolo %s: exit %d %q, want %d %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.want)
		}
	}
	if n := count("deal", "list"); n != 2 {
		t.Fatalf("%d deals after refused writes, want 2", n)
	}
	if n := count("account", "list"); n != 1 {
		t.Fatalf("%d accounts after refused writes, want 1", n)
	}

	// archive and undo
	must("deal", "delete", "2")
	if n := count("deal", "list"); n != 1 {
		t.Fatalf("%d deals after archiving", n)
	}
	must("undo")
	if n := count("deal", "list"); n != 2 {
		t.Fatalf("%d deals after undo", n)
	}
}

func TestCLIQuotesAndProducts(t *testing.T) {
	e := newEnv(t)
	run := e.withConfig("config.yaml", dealsConfig)
	must := func(args ...string) string {
		t.Helper()
		out, errs, code := run(args...)
		if code != 0 {
			t.Fatalf("rolo %s: exit %d\n%s", strings.Join(args, " "), code, errs)
		}
		return out
	}
	count := func(args ...string) int {
		t.Helper()
		return len(decode[[]map[string]any](t, must(append(args, "--json")...)))
	}
	must("contact", "add", "--first", "Ayşe", "--last", "Yılmaz", "--email", "ayse@isik.com.tr", "--account", "Işık Tekstil A.Ş.")
	must("deal", "add", "--title", "Press line", "--account", "Işık Tekstil A.Ş.", "--contact", "ayse@isik.com.tr", "--amount", "3000")
	p := decode[map[string]any](t, must("product", "add", "--sku", "PL-100", "--name", "Press line retrofit kit",
		"--price", "999,99", "--stock", "4", "--json"))
	if p["unit_price"] != "999.99" || p["currency"] != "EUR" || p["stock"] != float64(4) {
		t.Fatalf("product: %v", p)
	}
	if _, errs, code := run("product", "add", "--sku", "pl-100", "--name", "Dup", "--price", "1"); code != 4 || strings.Contains(errs, "allow-duplicate") {
		t.Errorf("duplicate SKU: exit %d %s", code, errs)
	}

	// bad lines are refused before anything is written
	for _, tc := range []struct{ line, want string }{
		{"sku=PL-100,qty=-2", "--line 1: qty: must be more than 0"},
		{"sku=PL-100,colour=red", "--line 1: colour: unknown key"},
		{"desc=Setup,price=abc", "--line 1: price"},
		{"sku=NOPE", "NOPE"},
	} {
		_, errs, code := run("quote", "add", "1", "--line", "desc=ok,price=1", "--line", tc.line)
		want := strings.Replace(tc.want, "--line 1", "--line 2", 1)
		if code != 2 || !strings.Contains(errs, want) {
			t.Errorf("quote add --line %s: exit %d %q, want 2 %q", tc.line, code, errs, want)
		}
	}
	if n := count("quote", "list"); n != 0 {
		t.Fatalf("%d quotes after refused writes", n)
	}

	// 3 × 999.99 −12.5 % = 2624.97 + 19 %; 1.5 × 333.33 = 500.00 + 19 %; 2 × 25 −10 % = 45.00 + 7 %
	q := decode[map[string]any](t, must("quote", "add", "1", "--valid-until", "2027-03-01", "--notes", "Prices ex works.",
		"--line", "sku=PL-100,qty=3,discount=12.5,tax=19",
		"--line", "desc=Installation, on site,qty=1.5,price=333.33,tax=19",
		"--line", "desc=Manual,qty=2,price=25,discount=10,tax=7", "--json"))
	number, _ := q["number"].(string)
	if !strings.HasPrefix(number, "Q-") || q["total"] != "3766.86" {
		t.Fatalf("quote add: %v", q)
	}
	j := decode[map[string]any](t, must("quote", "show", number, "--format", "json"))
	for k, want := range map[string]string{"subtotal": "3169.97", "discount": "380.00", "tax": "596.89", "total": "3766.86", "currency": "EUR"} {
		if j[k] != want {
			t.Errorf("quote json %s = %v, want %s", k, j[k], want)
		}
	}
	if lines, _ := j["lines"].([]any); len(lines) != 3 || lines[0].(map[string]any)["unit_price"] != "999.99" {
		t.Errorf("lines: %v", j["lines"])
	}
	md := must("quote", "show", number, "--format", "md")
	for _, want := range []string{"# Quote " + number, "**Acme Industrial GmbH**", "Tax ID: DE123456789", "**Customer:** Işık Tekstil A.Ş.",
		"**Attention:** Ayşe Yılmaz", "| 1 | PL-100 | Press line retrofit kit | 3 | €999.99 | 12.5 | €2,624.97 | 19 |",
		"| Discount | -€380.00 |", "| Tax 7 % on €45.00 | €3.15 |", "| Tax 19 % on €3,124.97 | €593.74 |",
		"| **Total** | **€3,766.86** |", "**Payment terms:** 30 days net", "Prices ex works."} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	out, errs, code := run("quote", "show", "1")
	if code != 0 || errs != "" {
		t.Fatalf("quote show: exit %d %s", code, errs)
	}
	for _, want := range []string{"QUOTE " + number, "Subtotal (net)  €3,169.97", "Tax 19 % on €3,124.97    €593.74", "Total  €3,766.86"} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	// without company.name the quote still renders, with a warning
	plain := e.withConfig("plain.yaml", "locale: de\ncurrency:\n  base: EUR\n")
	out, errs, code = plain("quote", "show", number)
	if code != 0 || !strings.Contains(errs, "set company.name") || !strings.Contains(out, "3.766,86 €") {
		t.Fatalf("quote without seller: exit %d %q\n%s", code, errs, out)
	}

	// edit: drop a line, add one, mark sent
	ed := decode[map[string]any](t, must("quote", "edit", number, "--remove-line", "3", "--add-line", "desc=Training,qty=2,price=300,tax=19",
		"--status", "sent", "--json"))
	if ed["status"] != "sent" || ed["sent_at"] == nil || ed["total"] != "4432.71" { // 3766.86 − 48.15 + 714.00
		t.Fatalf("quote edit: %v", ed)
	}
	if n := count("quote", "list", "--deal", "1", "--status", "sent"); n != 1 {
		t.Fatalf("%d sent quotes", n)
	}
	if d := decode[map[string]any](t, must("deal", "show", "1", "--json")); len(d["quotes"].([]any)) != 1 {
		t.Fatalf("deal show quotes: %v", d["quotes"])
	}

	// product import: one bad row and nothing is written; then a good file
	bad := filepath.Join(e.dir, "bad.csv")
	os.WriteFile(bad, []byte("\ufeffSKU;Name;Price;Stock\nPL-100;Kit v2;1.300,00;5\nPL-200;Cable;12,34.5;\nPL-300;Bolt;0,50;-1\n"), 0o600)
	_, errs, code = run("product", "import", bad)
	if code != 2 || !strings.Contains(errs, "bad.csv line 3: price:") || !strings.Contains(errs, "bad.csv line 4: stock:") ||
		!strings.Contains(errs, "nothing was imported") {
		t.Fatalf("bad import: exit %d\n%s", code, errs)
	}
	if list := decode[[]map[string]any](t, must("product", "list", "--json")); len(list) != 1 || list[0]["name"] != "Press line retrofit kit" {
		t.Fatalf("the bad import wrote: %v", list)
	}
	good := filepath.Join(e.dir, "good.csv")
	os.WriteFile(good, []byte("sku,name,price\nPL-100,Kit v2,\"1.300,00\"\nPL-200,Cable,12.5\n"), 0o600)
	_, errs, code = run("product", "import", good)
	if code != 0 || !strings.Contains(errs, "created 1, updated 1") {
		t.Fatalf("good import: exit %d\n%s", code, errs)
	}
	list := decode[[]map[string]any](t, must("product", "list", "--json"))
	if len(list) != 2 || list[1]["sku"] != "PL-100" || list[1]["unit_price"] != "1300.00" || list[1]["stock"] != float64(4) {
		t.Fatalf("after import (stock kept, no stock column): %v", list)
	}
}
