// Package config reads rolo's configuration with viper and hands the rest
// of the program a plain Config struct; nothing else imports viper.
package config

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/viper"

	"rolo/model"
)

// Config is every setting rolo reads. config.example.yaml documents each
// key with its default.
type Config struct {
	User      User           `mapstructure:"user"`
	Team      []User         `mapstructure:"team"`
	Locale    string         `mapstructure:"locale"`
	Currency  Currency       `mapstructure:"currency"`
	Dates     Dates          `mapstructure:"dates"`
	Phone     Phone          `mapstructure:"phone"`
	Database  Database       `mapstructure:"database"`
	UI        UI             `mapstructure:"ui"`
	Required  Required       `mapstructure:"required"`
	Company   Company        `mapstructure:"company"`
	Deals     Deals          `mapstructure:"deals"`
	Pipelines []PipelineConf `mapstructure:"pipelines"`

	// Checked forms of the sections above, filled by Load.
	pipelines model.Pipelines
	rates     model.Rates

	// File is the config file that was read; empty when there was none.
	File string `mapstructure:"-"`
}

// User is a team member as config names them.
type User struct {
	Name  string `mapstructure:"name"`
	Email string `mapstructure:"email"`
}

// Currency holds the base currency totals are shown in and the exchange
// rates into it (1 unit of the key = value units of base).
type Currency struct {
	Base  string            `mapstructure:"base"`
	Rates map[string]string `mapstructure:"rates"`
}

// Company is the seller block printed on quotes.
type Company struct {
	Name         string `mapstructure:"name"`
	Address      string `mapstructure:"address"`
	TaxID        string `mapstructure:"tax_id"`
	Email        string `mapstructure:"email"`
	Phone        string `mapstructure:"phone"`
	Website      string `mapstructure:"website"`
	PaymentTerms string `mapstructure:"payment_terms"`
}

// Deals tunes the pipeline board.
type Deals struct {
	// IdleDays: an open deal not moved or edited for longer is marked stale.
	IdleDays int `mapstructure:"idle_days"`
}

// PipelineConf is a pipeline as config writes it.
type PipelineConf struct {
	Key    string      `mapstructure:"key"`
	Name   string      `mapstructure:"name"`
	Stages []StageConf `mapstructure:"stages"`
}

// StageConf is a stage as config writes it.
type StageConf struct {
	Key         string   `mapstructure:"key"`
	Name        string   `mapstructure:"name"`
	Probability int      `mapstructure:"probability"`
	Kind        string   `mapstructure:"kind"`
	Requires    []string `mapstructure:"requires"`
}

// Dates says how dates are shown.
type Dates struct {
	Format    string `mapstructure:"format"`
	WeekStart string `mapstructure:"week_start"`
}

// Phone holds the region assumed for numbers without a country code.
type Phone struct {
	DefaultRegion string `mapstructure:"default_region"`
}

// Database says where the data lives.
type Database struct {
	Path string `mapstructure:"path"`
}

// UI tunes the terminal interface.
type UI struct {
	StartView string `mapstructure:"start_view"`
	Theme     string `mapstructure:"theme"`
}

// Required lists the fields that must be filled per record kind.
type Required struct {
	Contact []string `mapstructure:"contact"`
	Account []string `mapstructure:"account"`
}

// Views are the TUI views that exist, in tab order, as ui.start_view names
// them.
var Views = []string{"pipeline", "contacts", "accounts", "leads", "activities", "dashboard"}

var (
	locales    = []string{"en", "tr", "de"}
	themes     = []string{"auto", "dark", "light"}
	weekStarts = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)

func defaults() map[string]any {
	return map[string]any{
		"user.name":             "",
		"user.email":            "",
		"team":                  []map[string]any{},
		"locale":                "en",
		"currency.base":         "USD",
		"dates.format":          "2006-01-02",
		"dates.week_start":      "monday",
		"phone.default_region":  "US",
		"database.path":         "",
		"ui.start_view":         "pipeline",
		"ui.theme":              "auto",
		"required.contact":      []string{},
		"required.account":      []string{"name"},
		"currency.rates":        map[string]string{},
		"company.name":          "",
		"company.address":       "",
		"company.tax_id":        "",
		"company.email":         "",
		"company.phone":         "",
		"company.website":       "",
		"company.payment_terms": "",
		"deals.idle_days":       14,
		"pipelines":             defaultPipelines(),
	}
}

// mapSections hold user-named keys (currency.rates.eur).
var mapSections = []string{"currency.rates"}

func defaultPipelines() []map[string]any {
	var out []map[string]any
	for _, p := range model.DefaultPipelines() {
		var stages []map[string]any
		for _, st := range p.Stages {
			stages = append(stages, map[string]any{"key": st.Key, "name": st.Name, "probability": st.Probability,
				"kind": string(st.Kind), "requires": []string{}})
		}
		out = append(out, map[string]any{"key": p.Key, "name": p.Name, "stages": stages})
	}
	return out
}

// LoadOptions are what the command line passes in.
type LoadOptions struct {
	File   string // --config; empty: $XDG_CONFIG_HOME/rolo/config.yaml if it exists
	DBPath string // --db; overrides database.path
}

// Load reads the config file (if any), applies ROLO_* environment
// overrides and defaults, and checks every value. Errors name the file,
// the key and what is wrong.
func Load(opt LoadOptions) (Config, error) {
	v := viper.New()
	for k, val := range defaults() {
		v.SetDefault(k, val)
	}
	v.SetEnvPrefix("ROLO")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()

	file, explicit := opt.File, opt.File != ""
	if !explicit {
		file = DefaultConfigPath()
	}
	v.SetConfigFile(file)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		var pe *os.PathError
		if explicit || !errors.As(err, &pe) || !errors.Is(err, os.ErrNotExist) {
			return Config{}, fmt.Errorf("config %s: %w", file, cleanYAMLError(err))
		}
		file = ""
	}
	where := "config " + file
	if file == "" {
		where = "config (environment)"
	}
	known := map[string]bool{}
	for k := range defaults() {
		known[k] = true
	}
	for _, k := range v.AllKeys() {
		if inMapSection(k) {
			continue
		}
		if isSection(k, known) {
			return Config{}, fmt.Errorf("%s: %s: expected a section of keys (%s), got %v", where, k, sectionKeys(k, known), v.Get(k))
		}
		if !known[k] {
			return Config{}, fmt.Errorf("%s: unknown key %q%s", where, k, suggest(k, known))
		}
	}
	var cfg Config
	err := v.Unmarshal(&cfg, func(dc *mapstructure.DecoderConfig) { dc.ErrorUnused = true })
	if err != nil {
		return Config{}, fmt.Errorf("%s: %s", where, describeDecodeError(err))
	}
	cfg.File = file
	if opt.DBPath != "" {
		cfg.Database.Path = opt.DBPath
	}
	if err := cfg.resolve(); err != nil {
		return Config{}, fmt.Errorf("%s: %w", whereFor(where, err), err)
	}
	return cfg, nil
}

// whereFor names the environment variable when a bad value came from one.
func whereFor(where string, err error) string {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		env := "ROLO_" + strings.ToUpper(strings.ReplaceAll(ve.Field, ".", "_"))
		if os.Getenv(env) != "" {
			return "config (environment " + env + ")"
		}
	}
	return where
}

// resolve fills derived defaults and checks every value.
func (c *Config) resolve() error {
	if strings.TrimSpace(c.User.Name) == "" {
		c.User.Name = osUserName()
	}
	if c.User.Email != "" {
		if err := model.CheckEmail(c.User.Email); err != nil {
			return model.Invalid("user.email", "%q is not an email address", c.User.Email)
		}
	}
	for i, t := range c.Team {
		if strings.TrimSpace(t.Name) == "" {
			return model.Invalid(fmt.Sprintf("team[%d].name", i), "a team member needs a name")
		}
		if t.Email != "" && model.CheckEmail(t.Email) != nil {
			return model.Invalid(fmt.Sprintf("team[%d].email", i), "%q is not an email address", t.Email)
		}
	}
	c.Locale = strings.ToLower(strings.TrimSpace(c.Locale))
	if !slices.Contains(locales, c.Locale) {
		return model.Invalid("locale", "%q is not supported (one of %s)", c.Locale, strings.Join(locales, ", "))
	}
	rates := map[string]string{}
	for k, v := range c.Currency.Rates {
		rates[strings.ToUpper(k)] = v
	}
	c.Currency.Rates = rates
	r, err := model.NewRates(c.Currency.Base, rates)
	if err != nil {
		return err
	}
	c.rates = r
	c.Currency.Base = r.Base
	if c.Deals.IdleDays < 0 {
		return model.Invalid("deals.idle_days", "%d is negative", c.Deals.IdleDays)
	}
	if len(c.Pipelines) == 0 {
		return model.Invalid("pipelines", "at least one pipeline is needed")
	}
	c.pipelines = nil
	seenPipe := map[string]bool{}
	for i, pc := range c.Pipelines {
		p := model.Pipeline{Key: strings.TrimSpace(pc.Key), Name: strings.TrimSpace(pc.Name)}
		if p.Name == "" {
			p.Name = p.Key
		}
		for _, sc := range pc.Stages {
			st := model.Stage{Key: strings.TrimSpace(sc.Key), Name: strings.TrimSpace(sc.Name), Probability: sc.Probability,
				Kind: model.StageKind(strings.ToLower(strings.TrimSpace(sc.Kind))), Requires: sc.Requires}
			if st.Kind == "" {
				st.Kind = model.StageOpen
			}
			if st.Name == "" {
				st.Name = st.Key
			}
			p.Stages = append(p.Stages, st)
		}
		if err := p.Check(); err != nil {
			return model.Invalid(fmt.Sprintf("pipelines[%d]", i), "%s", err.Error())
		}
		if seenPipe[p.Key] {
			return model.Invalid(fmt.Sprintf("pipelines[%d]", i), "pipeline %q: two pipelines have this key", p.Key)
		}
		seenPipe[p.Key] = true
		c.pipelines = append(c.pipelines, p)
	}
	probe := time.Date(2027, 1, 31, 14, 30, 0, 0, time.UTC).Format(c.Dates.Format)
	if c.Dates.Format == "" || !strings.Contains(probe, "27") && !strings.Contains(probe, "31") {
		return model.Invalid("dates.format", "%q is not a Go date layout (write e.g. 2006-01-02 or 02.01.2006)", c.Dates.Format)
	}
	c.Dates.WeekStart = strings.ToLower(strings.TrimSpace(c.Dates.WeekStart))
	if !slices.Contains(weekStarts, c.Dates.WeekStart) {
		return model.Invalid("dates.week_start", "%q is not a day of the week", c.Dates.WeekStart)
	}
	c.Phone.DefaultRegion = strings.ToUpper(strings.TrimSpace(c.Phone.DefaultRegion))
	if !model.ValidRegion(c.Phone.DefaultRegion) {
		return model.Invalid("phone.default_region", "%q is not a region code (e.g. US, TR, DE)", c.Phone.DefaultRegion)
	}
	c.UI.StartView = strings.ToLower(strings.TrimSpace(c.UI.StartView))
	if !slices.Contains(Views, c.UI.StartView) {
		return model.Invalid("ui.start_view", "%q is not a view (one of %s)", c.UI.StartView, strings.Join(Views, ", "))
	}
	c.UI.Theme = strings.ToLower(strings.TrimSpace(c.UI.Theme))
	if !slices.Contains(themes, c.UI.Theme) {
		return model.Invalid("ui.theme", "%q is not a theme (one of %s)", c.UI.Theme, strings.Join(themes, ", "))
	}
	for _, f := range c.Required.Contact {
		if !slices.Contains(model.ContactRequirable, f) {
			return model.Invalid("required.contact", "%q is not a contact field (one of %s)", f, strings.Join(model.ContactRequirable, ", "))
		}
	}
	for _, f := range c.Required.Account {
		if !slices.Contains(model.AccountRequirable, f) {
			return model.Invalid("required.account", "%q is not an account field (one of %s)", f, strings.Join(model.AccountRequirable, ", "))
		}
	}
	if c.Database.Path == "" {
		c.Database.Path = DefaultDBPath()
	} else {
		c.Database.Path = expandHome(c.Database.Path)
	}
	return nil
}

// PipelineSet is the checked pipelines; the first is the default.
func (c Config) PipelineSet() model.Pipelines { return c.pipelines }

// RateSet is the checked base currency and exchange rates.
func (c Config) RateSet() model.Rates { return c.rates }

// Rules are the validation rules the store applies.
func (c Config) Rules() model.Rules {
	return model.Rules{Region: c.Phone.DefaultRegion, RequiredContact: c.Required.Contact, RequiredAccount: c.Required.Account,
		Pipelines: c.pipelines, BaseCurrency: c.Currency.Base}
}

// DefaultConfigPath is $XDG_CONFIG_HOME/rolo/config.yaml (~/.config/...).
func DefaultConfigPath() string {
	return filepath.Join(xdg("XDG_CONFIG_HOME", ".config"), "rolo", "config.yaml")
}

// DefaultDBPath is $XDG_DATA_HOME/rolo/rolo.db (~/.local/share/...).
func DefaultDBPath() string {
	return filepath.Join(xdg("XDG_DATA_HOME", filepath.Join(".local", "share")), "rolo", "rolo.db")
}

func xdg(env, fallback string) string {
	if d := os.Getenv(env); d != "" && filepath.IsAbs(d) {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return fallback
	}
	return filepath.Join(home, fallback)
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, p[1:])
		}
	}
	return p
}

func osUserName() string {
	if u, err := user.Current(); err == nil {
		if n := strings.TrimSpace(strings.Split(u.Name, ",")[0]); n != "" {
			return n
		}
		if u.Username != "" {
			return u.Username
		}
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "me"
}

// describeDecodeError turns mapstructure's errors into "key: problem".
func describeDecodeError(err error) string {
	var msgs []string
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var de *mapstructure.DecodeError
		if !errors.As(e, &de) {
			msgs = append(msgs, e.Error())
			return
		}
		inner := de.Unwrap()
		var ut *mapstructure.UnconvertibleTypeError
		var pe *mapstructure.ParseError
		switch {
		case errors.As(inner, &ut):
			msgs = append(msgs, fmt.Sprintf("%s: expected %s, got %v", de.Name(), kindName(ut.Expected.Type()), ut.Value))
		case errors.As(inner, &pe):
			msgs = append(msgs, fmt.Sprintf("%s: expected %s, got %v", de.Name(), kindName(pe.Expected.Type()), pe.Value))
		case strings.HasPrefix(inner.Error(), "has invalid keys: "):
			for _, k := range strings.Split(strings.TrimPrefix(inner.Error(), "has invalid keys: "), ", ") {
				name := k
				if de.Name() != "" {
					name = de.Name() + "." + k
				}
				msgs = append(msgs, fmt.Sprintf("unknown key %q", name))
			}
		default:
			msgs = append(msgs, de.Name()+": "+inner.Error())
		}
	}
	walk(err)
	sort.Strings(msgs)
	return strings.Join(msgs, "; ")
}

func kindName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a text value"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Slice:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "a section of keys"
	}
	return t.String()
}

// cleanYAMLError keeps the parser's line number but drops library noise.
func cleanYAMLError(err error) error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "While parsing config: ")
	return errors.New(msg)
}

func inMapSection(k string) bool {
	for _, m := range mapSections {
		if strings.HasPrefix(k, m+".") {
			return true
		}
	}
	return false
}

func isSection(k string, known map[string]bool) bool {
	return sectionKeys(k, known) != ""
}

func sectionKeys(k string, known map[string]bool) string {
	var keys []string
	for cand := range known {
		if strings.HasPrefix(cand, k+".") {
			keys = append(keys, strings.TrimPrefix(cand, k+"."))
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// suggest proposes the known key closest to a mistyped one.
func suggest(k string, known map[string]bool) string {
	best, bestD := "", 4
	for cand := range known {
		if d := editDistance(k, cand); d < bestD || d == bestD && cand < best {
			best, bestD = cand, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
