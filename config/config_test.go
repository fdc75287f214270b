package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func isolate(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "ROLO_") {
			t.Setenv(strings.SplitN(kv, "=", 2)[0], "")
			os.Unsetenv(strings.SplitN(kv, "=", 2)[0])
		}
	}
}

func TestDefaultsWithoutFile(t *testing.T) {
	isolate(t)
	cfg, err := Load(LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.File != "" || cfg.Locale != "en" || cfg.Currency.Base != "USD" || cfg.UI.StartView != "pipeline" || len(cfg.PipelineSet()) != 1 {
		t.Fatalf("%+v", cfg)
	}
	if want := filepath.Join(os.Getenv("XDG_DATA_HOME"), "rolo", "rolo.db"); cfg.Database.Path != want {
		t.Fatalf("db %q want %q", cfg.Database.Path, want)
	}
	if cfg.User.Name == "" {
		t.Fatal("no user name fallback")
	}
}

// The example documents every key and loads to exactly the defaults.
func TestExampleIsCompleteAndDefault(t *testing.T) {
	isolate(t)
	ex, err := Load(LoadOptions{File: filepath.Join("..", "config.example.yaml")})
	if err != nil {
		t.Fatal(err)
	}
	def, _ := Load(LoadOptions{})
	ex.File = ""
	if !reflect.DeepEqual(ex, def) {
		t.Fatalf("example %+v\ndefaults %+v", ex, def)
	}
	body, _ := os.ReadFile(filepath.Join("..", "config.example.yaml"))
	for k := range defaults() {
		parts := strings.Split(k, ".")
		if !strings.Contains(string(body), parts[len(parts)-1]+":") {
			t.Errorf("config.example.yaml does not document %s", k)
		}
	}
}

func TestFileAndEnvOverrides(t *testing.T) {
	isolate(t)
	p := writeConfig(t, "user:\n  name: Ayşe Yılmaz\nlocale: tr\nphone:\n  default_region: tr\ndatabase:\n  path: ~/crm/rolo.db\n")
	t.Setenv("ROLO_LOCALE", "de")
	cfg, err := Load(LoadOptions{File: p})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.User.Name != "Ayşe Yılmaz" || cfg.Locale != "de" || cfg.Phone.DefaultRegion != "TR" {
		t.Fatalf("%+v", cfg)
	}
	home, _ := os.UserHomeDir()
	if cfg.Database.Path != filepath.Join(home, "crm", "rolo.db") {
		t.Fatalf("db %q", cfg.Database.Path)
	}
	cfg, _ = Load(LoadOptions{File: p, DBPath: "/tmp/x.db"})
	if cfg.Database.Path != "/tmp/x.db" {
		t.Fatalf("--db ignored: %q", cfg.Database.Path)
	}
	t.Setenv("ROLO_REQUIRED_CONTACT", "email,phone")
	cfg, err = Load(LoadOptions{File: p})
	if err != nil || !reflect.DeepEqual(cfg.Required.Contact, []string{"email", "phone"}) {
		t.Fatalf("env list: %v %v", cfg.Required.Contact, err)
	}
}

func TestBadConfigNamesFileKeyAndProblem(t *testing.T) {
	isolate(t)
	cases := []struct{ body, want string }{
		{"ui:\n  strat_view: contacts\n", `unknown key "ui.strat_view" (did you mean "ui.start_view"?)`},
		{"colour: blue\n", `unknown key "colour"`},
		{"locale: [en, tr]\n", "locale: expected a text value"},
		{"ui: 5\n", "ui: expected a section of keys"},
		{"team:\n  - nmae: X\n", `unknown key "team[0].nmae"`},
		{"ui:\n  start_view: pipline\n", `ui.start_view: "pipline" is not a view`},
		{"currency:\n  base: EURO\n", `currency.base: "EURO" is not an ISO 4217 currency code`},
		{"required:\n  contact: [emial]\n", `required.contact: "emial" is not a contact field`},
		{"phone:\n  default_region: XX\n", "phone.default_region"},
		{"dates:\n  format: YYYY-MM-DD\n", "dates.format"},
		{"user: {name: [1\n", "yaml"},
		{"pipelines:\n  - key: p\n    stages:\n      - {key: a, kind: open}\n      - {key: w, kind: won}\n", `pipeline "p": needs exactly one lost stage`},
		{"pipelines:\n  - key: p\n    stages:\n      - {key: a}\n      - {key: a, kind: won}\n      - {key: l, kind: lost}\n", `pipeline "p": two stages have the key "a"`},
		{"pipelines:\n  - key: p\n    stages:\n      - {key: a, requires: [budget]}\n      - {key: w, kind: won}\n      - {key: l, kind: lost}\n", `requires "budget"`},
		{"currency:\n  rates:\n    EURO: 1.1\n", `"EURO" is not an ISO 4217`},
		{"currency:\n  rates:\n    EUR: -1\n", `currency.rates.eur`},
	}
	for _, tc := range cases {
		p := writeConfig(t, tc.body)
		_, err := Load(LoadOptions{File: p})
		if err == nil {
			t.Errorf("%q: no error", tc.body)
			continue
		}
		if !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q:\n got  %v\n want %s (and the file name)", tc.body, err, tc.want)
		}
	}
	if _, err := Load(LoadOptions{File: filepath.Join(t.TempDir(), "missing.yaml")}); err == nil {
		t.Error("a missing --config file is not an error")
	}
	t.Setenv("ROLO_UI_START_VIEW", "nowhere")
	_, err := Load(LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "ROLO_UI_START_VIEW") {
		t.Errorf("env error does not name the variable: %v", err)
	}
}

func TestPipelinesAndRates(t *testing.T) {
	isolate(t)
	p := writeConfig(t, `currency:
  base: eur
  rates:
    USD: 0.92
    try: "0.028"
pipelines:
  - key: renewals
    name: Renewals
    stages:
      - {key: due, name: Due, probability: 60}
      - {key: proposal, name: Offer sent, probability: 80, requires: [amount, close_date]}
      - {key: won, name: Renewed, probability: 100, kind: won}
      - {key: lost, name: Churned, kind: lost}
  - key: new-business
    name: New business
    stages:
      - {key: q, name: Qualification, probability: 10}
      - {key: won, name: Won, probability: 100, kind: won}
      - {key: lost, name: Lost, kind: lost}
`)
	cfg, err := Load(LoadOptions{File: p})
	if err != nil {
		t.Fatal(err)
	}
	ps := cfg.PipelineSet()
	if len(ps) != 2 || ps[0].Key != "renewals" || ps[0].Stages[1].Name != "Offer sent" || len(ps[0].Stages[1].Requires) != 2 {
		t.Fatalf("%+v", ps)
	}
	r := cfg.RateSet()
	if r.Base != "EUR" || !r.Has("USD") || !r.Has("TRY") {
		t.Fatalf("rates %+v", r)
	}
	if v, err := r.Convert(10000, "USD", 1); err != nil || v != 9200 {
		t.Fatalf("convert %d %v", v, err)
	}
}
