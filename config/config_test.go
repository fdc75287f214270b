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
	if cfg.File != "" || cfg.Locale != "en" || cfg.Currency.Base != "USD" || cfg.UI.StartView != "contacts" {
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
