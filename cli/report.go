package cli

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
)

// Reports on the command line: the metrics of PRODUCT.md ("Metrics (exact
// definitions)") over a period, an owner and a pipeline, as a table, JSON
// or CSV. The numbers come from store.ReportRepo (SQL aggregates whose
// meaning model's Compute functions define); this file resolves the flags
// and shapes the output, nothing more.

// reportNow is the clock reports read "today" from; tests stop it.
var reportNow = time.Now

// reportFlags are the persistent flags of `report`, shared by every
// report.
type reportFlags struct {
	period, since, until, owner, pipeline string
	asJSON, asCSV                         bool
}

func (f *reportFlags) register(cmd *cobra.Command) {
	fl := cmd.PersistentFlags()
	fl.StringVar(&f.period, "period", "", "named period: "+strings.Join(model.PeriodNames, ", ")+" (default this-quarter)")
	fl.StringVar(&f.since, "since", "", "first day of a custom period: 2026-10-01, 01.10.2026, yesterday ...")
	fl.StringVar(&f.until, "until", "", "last day of a custom period, included (default today; needs --since)")
	fl.StringVar(&f.owner, "owner", "", "only this owner's records: me or a team member's name or email (default everyone)")
	fl.StringVar(&f.pipeline, "pipeline", "", "only deals of this pipeline: key or name (default every pipeline)")
	fl.BoolVar(&f.asJSON, "json", false, "print a JSON object (amounts as decimal strings with their currency, dates as YYYY-MM-DD)")
	fl.BoolVar(&f.asCSV, "csv", false, "print CSV: a header row, then one row per line of the table")
}

// periodInput is what was given for the period: the flag values and
// which of them were set.
type periodInput struct {
	period, since, until          string
	hasPeriod, hasSince, hasUntil bool
}

// resolvePeriod turns --period or --since/--until into a period of whole
// local days. --since alone runs to today; --until alone is refused.
// Errors are usage errors naming the flag and the value.
func resolvePeriod(in periodInput, now time.Time, loc *time.Location) (model.Period, error) {
	now = now.In(loc)
	switch {
	case in.hasPeriod && (in.hasSince || in.hasUntil):
		return model.Period{}, usagef("--period and --since/--until do not go together: give a named period or dates")
	case in.hasUntil && !in.hasSince:
		return model.Period{}, usagef("--until needs --since (the first day of the period)")
	case !in.hasSince:
		p, err := model.NamedPeriod(strings.ToLower(strings.TrimSpace(in.period)), now, loc)
		return p, flagError(err)
	}
	since, err := parseDay("since", in.since, now, loc)
	if err != nil {
		return model.Period{}, err
	}
	until := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, loc)
	if in.hasUntil {
		if until, err = parseDay("until", in.until, now, loc); err != nil {
			return model.Period{}, err
		}
	} else if since.After(until) {
		return model.Period{}, usagef("--since: %s is after today; give --until too", since.Format(model.DateLayout))
	}
	p, err := model.CustomPeriod(since, until, loc)
	return p, flagError(err)
}

// parseDay reads --since or --until as a local calendar day, with the
// date parser the other commands use (2026-10-01, 01.10.2026, today ...).
func parseDay(field, s string, now time.Time, loc *time.Location) (time.Time, error) {
	d, err := model.ParseDate(field, s, now)
	if err != nil {
		return time.Time{}, flagError(err)
	}
	t, err := time.ParseInLocation(model.DateLayout, d, loc)
	if err != nil {
		return time.Time{}, usagef("--%s: %q is not a date", field, s)
	}
	return t, nil
}

// flagError makes a validation error about a flag a usage error that
// names the flag: `--since: "2027-13-01" is not a date: no such day`.
func flagError(err error) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return usagef("--%s: %s", ve.Field, ve.Message)
	}
	return err
}

// reportScope is a resolved filter: the period, the owner and the
// pipeline, with the names the output shows.
type reportScope struct {
	now      time.Time
	period   model.Period
	ownerID  int64
	owner    *string         // nil: everyone
	pipeline *model.Pipeline // nil: every pipeline
}

func (sc reportScope) filter() store.ReportFilter {
	f := store.ReportFilter{Period: sc.period, OwnerID: sc.ownerID}
	if sc.pipeline != nil {
		f.Pipeline = sc.pipeline.Key
	}
	return f
}

// pipelineKey is the pipeline's key, nil for every pipeline.
func (sc reportScope) pipelineKey() *string {
	if sc.pipeline == nil {
		return nil
	}
	return &sc.pipeline.Key
}

// describe is the title line of a table: what, over what, for whom.
func (sc reportScope) describe(what string, withPeriod, withPipeline bool) string {
	parts := []string{what}
	if withPeriod {
		label := sc.period.Label()
		if sc.period.Kind != "custom" {
			p := periodOf(sc.period)
			label += fmt.Sprintf(", %s – %s", p.From, p.To)
		}
		parts = append(parts, label)
	} else {
		parts = append(parts, "now ("+sc.now.In(time.Local).Format(model.DateLayout)+")")
	}
	if sc.owner == nil {
		parts = append(parts, "all owners")
	} else {
		parts = append(parts, "owner "+*sc.owner)
	}
	if withPipeline {
		if sc.pipeline == nil {
			parts = append(parts, "all pipelines")
		} else {
			parts = append(parts, "pipeline "+sc.pipeline.Name)
		}
	}
	return strings.Join(parts, " · ")
}

// reportKind says what a report can be narrowed by.
type reportKind struct {
	period   bool // false: a snapshot of now; the period flags are ignored, with a note
	pipeline bool // false: --pipeline is refused
}

// scope checks the flags that need no database (the format and the
// period), so a mistake there opens nothing.
func (f *reportFlags) scope(cmd *cobra.Command, kind reportKind) (reportScope, error) {
	sc := reportScope{now: reportNow()}
	if f.asJSON && f.asCSV {
		return sc, usagef("--json and --csv do not go together: pick one")
	}
	changed := cmd.Flags().Changed
	name := cmd.Name()
	if kind.period {
		p, err := resolvePeriod(periodInput{f.period, f.since, f.until, changed("period"), changed("since"), changed("until")},
			sc.now, time.Local)
		if err != nil {
			return sc, err
		}
		sc.period = p
	} else if changed("period") || changed("since") || changed("until") {
		fmt.Fprintf(cmd.ErrOrStderr(), "note: report %s is a snapshot of now; --period, --since and --until do not apply\n", name)
	}
	if changed("pipeline") && !kind.pipeline {
		return sc, usagef("--pipeline: report %s counts the activities of every pipeline and takes no --pipeline", name)
	}
	return sc, nil
}

// names resolves --pipeline and --owner into the scope.
func (f *reportFlags) names(ctx context.Context, cmd *cobra.Command, s *Session, sc *reportScope) error {
	changed := cmd.Flags().Changed
	if changed("pipeline") {
		if strings.TrimSpace(f.pipeline) == "" {
			return usagef("--pipeline: give a pipeline key or name (one of %s)", pipelineNames(s.Config.PipelineSet()))
		}
		p, err := findPipeline(s, f.pipeline)
		if err != nil {
			return err
		}
		sc.pipeline = &p
	}
	if changed("owner") {
		if strings.TrimSpace(f.owner) == "" {
			return usagef("--owner: give me, a team member's name or email")
		}
		id, err := s.resolveOwner(ctx, f.owner)
		if err != nil {
			return fmt.Errorf("--%w", err) // "--owner: no user x (team: ...)": not found (3), as deal list has it
		}
		u, err := s.Store.Users.Get(ctx, id)
		if err != nil {
			return err
		}
		sc.ownerID, sc.owner = id, &u.Name
	}
	return nil
}

// rates are the configured exchange rates (the base alone when none).
func (s *Session) rates() model.Rates {
	r := s.Config.RateSet()
	if r.Base == "" {
		r, _ = model.NewRates(s.Config.Currency.Base, nil)
	}
	return r
}

// reportOutput is a report: its JSON is the value itself; it prints as a
// table or as CSV, one CSV row per table line.
type reportOutput interface {
	table(w io.Writer, locale string)
	csvRows() [][]string // the header first
	missing() []string   // currencies left out for want of a rate
}

// emit prints a report in the format asked for. CSV has no place to say
// which currencies it left out, so that goes to stderr.
func emit(cmd *cobra.Command, f *reportFlags, s *Session, rep reportOutput) error {
	out := cmd.OutOrStdout()
	switch {
	case f.asJSON:
		return printJSON(out, rep)
	case f.asCSV:
		if m := rep.missing(); len(m) > 0 {
			fmt.Fprintln(cmd.ErrOrStderr(), "warning: "+leftOut(m))
		}
		w := csv.NewWriter(out)
		if err := w.WriteAll(rep.csvRows()); err != nil {
			return err
		}
		return w.Error()
	}
	rep.table(out, s.Config.Locale)
	return nil
}

// leftOut says which currencies a converted total leaves out and how to
// bring them in.
func leftOut(missing []string) string {
	var keys []string
	for _, c := range missing {
		keys = append(keys, "currency.rates."+strings.ToLower(c))
	}
	return fmt.Sprintf("left out for want of an exchange rate: %s (add %s to the config)",
		strings.Join(missing, ", "), strings.Join(keys, ", "))
}

// footRates says under a table which rates converted the amounts and
// which currencies were left out.
func footRates(w io.Writer, base string, used, missing []string) {
	if len(used) > 0 {
		fmt.Fprintln(w, "≈ converted to "+base+" at "+strings.Join(used, ", "))
	}
	if len(missing) > 0 {
		fmt.Fprintln(w, leftOut(missing))
	}
}

// csvText guards a text cell against spreadsheet formulas.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// optional is a JSON string that is null when empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// periodJSON is a period as ISO dates, both days included.
type periodJSON struct {
	From  string `json:"from"`
	To    string `json:"to"`
	Label string `json:"label"`
}

func periodOf(p model.Period) periodJSON {
	return periodJSON{From: p.From.Format(model.DateLayout), To: p.Last().Format(model.DateLayout), Label: p.Label()}
}

// grid is a table whose number columns are right-aligned.
type grid struct {
	header []string
	right  []bool
	rows   [][]string
}

func newGrid(header ...string) *grid { return &grid{header: header, right: make([]bool, len(header))} }

// alignRight right-aligns the columns numbered.
func (g *grid) alignRight(cols ...int) *grid {
	for _, c := range cols {
		g.right[c] = true
	}
	return g
}

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

func (g *grid) write(w io.Writer) {
	all := append([][]string{g.header}, g.rows...)
	width := make([]int, len(g.header))
	for _, r := range all {
		for i, c := range r {
			c = model.Printable(c)
			if c == "" {
				c = "-"
			}
			r[i] = c
			width[i] = max(width[i], min(ansi.StringWidth(c), 40))
		}
	}
	t := newTable(w, pad(all[0], g.right, width)...)
	for _, r := range all[1:] {
		t.row(pad(r, g.right, width)...)
	}
	t.flush()
}

func pad(cells []string, right []bool, width []int) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		if right[i] {
			if n := width[i] - ansi.StringWidth(c); n > 0 {
				c = strings.Repeat(" ", n) + c
			}
		}
		out[i] = c
	}
	return out
}

// money writes minor units of the base currency for people.
func money(v int64, base, locale string) string {
	return model.FormatMoney(model.Money{Amount: v, Currency: base}, locale)
}

// localDecimal writes a plain decimal with the locale's decimal mark.
func localDecimal(s, locale string) string {
	if locale == "tr" || locale == "de" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// percentOf shows a four-place fraction ("0.6667") as a percentage with
// one decimal in the locale's decimal mark ("66.7%").
func percentOf(rate, locale string) string {
	v, err := model.ParseDecimal("rate", rate, 4)
	if err != nil {
		return rate
	}
	return localDecimal(model.TrimDecimal(model.FormatDecimal((v+5)/10, 1)), locale) + "%"
}

func (a *app) reportCmd() *cobra.Command {
	f := &reportFlags{}
	cmd := &cobra.Command{
		Use:   "report winrate|cycle|forecast|pipeline|activity",
		Short: "Win rate, sales cycle, forecast, pipeline and team activity",
		Long: "report prints the metrics of the dashboard as a table, --json or --csv.\n" +
			"A period is a named one (--period, default this-quarter) or --since DATE [--until DATE],\n" +
			"both days included, in the local time zone; --since alone runs to today. pipeline is a\n" +
			"snapshot of now and takes no period. Amounts are converted to currency.base with\n" +
			"currency.rates; the report names the rates it used and the currencies it left out.",
		Example: `  rolo report winrate --period last-quarter
  rolo report cycle --owner me --pipeline renewals
  rolo report forecast --since 2026-10-01 --until 2026-12-31 --owner "Deniz Kaya" --json
  rolo report pipeline --csv > pipeline.csv
  rolo report activity --period this-month`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("report: unknown command %q: name a report (winrate, cycle, forecast, pipeline or activity)", args[0])
			}
			return cmd.Help()
		},
	}
	f.register(cmd)
	dealKind := reportKind{period: true, pipeline: true}
	cmd.AddCommand(
		a.reportSub(f, "winrate", "Deals won ÷ (won + lost), over the deals closed in the period",
			"winrate counts the deals whose (last) closed date falls in the period: won ÷ (won + lost).\n"+
				"A deal lost, reopened and won counts once, as won. win_rate is null when no deal closed.",
			"  rolo report winrate --period ytd --owner me\n  rolo report winrate --since 2026-01-01 --json",
			dealKind, a.winRate),
		a.reportSub(f, "cycle", "Days from creation to won, over the deals won in the period",
			"cycle measures, for each deal won in the period, the local calendar days from its creation\n"+
				"to its won date, and prints the mean and the median (null when none was won).",
			"  rolo report cycle --period last-12-months --pipeline new-business --json",
			dealKind, a.cycle),
		a.reportSub(f, "forecast", "Weighted amount of open deals per expected close month",
			"forecast sums, for each month the period touches (whole months), amount × probability\n"+
				"(the deal's override, else its stage's) of the open deals expected to close in it,\n"+
				"converted to currency.base. Deals without a close date are in no month. A deal in a\n"+
				"currency without a rate is counted but its amount is left out, and the currency named.",
			"  rolo report forecast                      # the months of this quarter\n"+
				"  rolo report forecast --since 2027-01-01 --until 2027-06-30 --csv",
			dealKind, a.forecast),
		a.reportSub(f, "pipeline", "Count, total and weighted total of the open deals per stage, now",
			"pipeline is a snapshot of now: for each open stage of each pipeline (or of --pipeline)\n"+
				"the number of open deals, their total and their weighted total (amount × probability),\n"+
				"converted to currency.base. The period does not apply: --period, --since and --until\n"+
				"are ignored.",
			"  rolo report pipeline --pipeline renewals --owner me\n  rolo report pipeline --json",
			reportKind{pipeline: true}, a.pipelineReport),
		a.reportSub(f, "activity", "Activities logged and tasks completed per owner and kind",
			"activity counts, per owner and kind, the calls, emails, meetings and notes that happened\n"+
				"in the period and the tasks completed in it. It has no --pipeline.",
			"  rolo report activity --period this-month\n  rolo report activity --owner me --since 2026-11-01 --json",
			reportKind{period: true}, a.activityReport),
	)
	return cmd
}

// reportSub builds a report subcommand: it opens the session, resolves
// the flags and hands the scope to run.
func (a *app) reportSub(f *reportFlags, use, short, long, example string, kind reportKind,
	run func(ctx context.Context, s *Session, sc reportScope) (reportOutput, error)) *cobra.Command {
	flags := "[--owner me|NAME] [--json|--csv]"
	if kind.pipeline {
		flags = "[--pipeline P] " + flags
	}
	if kind.period {
		flags = "[--period P | --since DATE [--until DATE]] " + flags
	}
	return &cobra.Command{
		Use:     use + " " + flags,
		Short:   short,
		Long:    long,
		Example: example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			sc, err := f.scope(cmd, kind)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := f.names(ctx, cmd, s, &sc); err != nil {
				return err
			}
			rep, err := run(ctx, s, sc)
			if err != nil {
				return err
			}
			return emit(cmd, f, s, rep)
		},
	}
}

// --- win rate ---------------------------------------------------------------

type winRateReport struct {
	Period   periodJSON `json:"period"`
	Owner    *string    `json:"owner"`    // null: everyone
	Pipeline *string    `json:"pipeline"` // null: every pipeline
	Won      int        `json:"won"`
	Lost     int        `json:"lost"`
	WinRate  *string    `json:"win_rate"` // null when no deal closed
	title    string
}

func (a *app) winRate(ctx context.Context, s *Session, sc reportScope) (reportOutput, error) {
	w, err := s.Store.Reports.WinRate(ctx, sc.filter())
	if err != nil {
		return nil, err
	}
	return winRateReport{Period: periodOf(sc.period), Owner: sc.owner, Pipeline: sc.pipelineKey(),
		Won: w.Won, Lost: w.Lost, WinRate: optional(w.Rate), title: sc.describe("Win rate", true, true)}, nil
}

func (r winRateReport) missing() []string { return nil }

func (r winRateReport) table(w io.Writer, locale string) {
	fmt.Fprintln(w, model.Printable(r.title))
	g := newGrid("WON", "LOST", "WIN RATE").alignRight(0, 1, 2)
	rate := ""
	if r.WinRate != nil {
		rate = percentOf(*r.WinRate, locale)
	}
	g.add(strconv.Itoa(r.Won), strconv.Itoa(r.Lost), rate)
	g.write(w)
	if r.WinRate == nil {
		fmt.Fprintln(w, "no deal was won or lost in this period")
	}
}

func (r winRateReport) csvRows() [][]string {
	return [][]string{{"from", "to", "owner", "pipeline", "won", "lost", "win_rate"},
		{r.Period.From, r.Period.To, csvText(deref(r.Owner)), csvText(deref(r.Pipeline)), strconv.Itoa(r.Won),
			strconv.Itoa(r.Lost), deref(r.WinRate)}}
}

// --- sales cycle ------------------------------------------------------------

type cycleReport struct {
	Period     periodJSON `json:"period"`
	Owner      *string    `json:"owner"`
	Pipeline   *string    `json:"pipeline"`
	Won        int        `json:"won"`
	MeanDays   *string    `json:"mean_days"`   // null when nothing was won
	MedianDays *string    `json:"median_days"` // null when nothing was won
	title      string
}

func (a *app) cycle(ctx context.Context, s *Session, sc reportScope) (reportOutput, error) {
	c, err := s.Store.Reports.Cycle(ctx, sc.filter(), time.Local)
	if err != nil {
		return nil, err
	}
	return cycleReport{Period: periodOf(sc.period), Owner: sc.owner, Pipeline: sc.pipelineKey(), Won: c.Won,
		MeanDays: optional(c.Mean), MedianDays: optional(c.Median), title: sc.describe("Sales cycle", true, true)}, nil
}

func (r cycleReport) missing() []string { return nil }

func (r cycleReport) table(w io.Writer, locale string) {
	fmt.Fprintln(w, model.Printable(r.title))
	g := newGrid("WON", "MEAN DAYS", "MEDIAN DAYS").alignRight(0, 1, 2)
	g.add(strconv.Itoa(r.Won), localDecimal(deref(r.MeanDays), locale), localDecimal(deref(r.MedianDays), locale))
	g.write(w)
	if r.Won == 0 {
		fmt.Fprintln(w, "no deal was won in this period")
	}
}

func (r cycleReport) csvRows() [][]string {
	return [][]string{{"from", "to", "owner", "pipeline", "won", "mean_days", "median_days"},
		{r.Period.From, r.Period.To, csvText(deref(r.Owner)), csvText(deref(r.Pipeline)), strconv.Itoa(r.Won),
			deref(r.MeanDays), deref(r.MedianDays)}}
}

// --- forecast ---------------------------------------------------------------

type forecastMonth struct {
	Month    string `json:"month"` // YYYY-MM
	Deals    int    `json:"deals"`
	Weighted string `json:"weighted"`
	Currency string `json:"currency"`
	weighted int64
}

type forecastReport struct {
	Period   periodJSON      `json:"period"`
	Owner    *string         `json:"owner"`
	Pipeline *string         `json:"pipeline"`
	Months   []forecastMonth `json:"months"`
	Deals    int             `json:"deals"`    // over every month
	Weighted string          `json:"weighted"` // over every month
	Currency string          `json:"currency"`
	Rates    []string        `json:"rates"`   // "1 EUR = 1.10 USD", the rates amounts were converted at
	Missing  []string        `json:"missing"` // currencies left out for want of a rate
	title    string
	weighted int64
}

func newForecastReport(sc reportScope, f model.Forecast, base string, rates []string) forecastReport {
	r := forecastReport{Period: periodOf(sc.period), Owner: sc.owner, Pipeline: sc.pipelineKey(), Months: []forecastMonth{},
		Currency: base, Rates: orEmpty(rates), Missing: orEmpty(f.Missing), title: sc.describe("Forecast", true, true)}
	for _, m := range f.Months {
		r.Months = append(r.Months, forecastMonth{Month: m.Month, Deals: m.Deals, Weighted: model.FormatAmount(m.Weighted, base),
			Currency: base, weighted: m.Weighted})
		r.Deals += m.Deals
		r.weighted += m.Weighted
	}
	r.Weighted = model.FormatAmount(r.weighted, base)
	return r
}

func (a *app) forecast(ctx context.Context, s *Session, sc reportScope) (reportOutput, error) {
	rates := s.rates()
	fc, err := s.Store.Reports.Forecast(ctx, sc.filter(), sc.period.Months())
	if err != nil {
		return nil, err
	}
	return newForecastReport(sc, fc, rates.Base, rates.Used(fc.Currencies)), nil
}

func (r forecastReport) missing() []string { return r.Missing }

func (r forecastReport) table(w io.Writer, locale string) {
	fmt.Fprintln(w, model.Printable(r.title))
	g := newGrid("MONTH", "DEALS", "WEIGHTED ("+r.Currency+")").alignRight(1, 2)
	for _, m := range r.Months {
		g.add(m.Month, strconv.Itoa(m.Deals), money(m.weighted, r.Currency, locale))
	}
	g.add("total", strconv.Itoa(r.Deals), money(r.weighted, r.Currency, locale))
	g.write(w)
	fmt.Fprintln(w, "open deals by expected close month: amount × probability")
	footRates(w, r.Currency, r.Rates, r.Missing)
}

func (r forecastReport) csvRows() [][]string {
	rows := [][]string{{"month", "deals", "weighted", "currency"}}
	for _, m := range r.Months {
		rows = append(rows, []string{m.Month, strconv.Itoa(m.Deals), m.Weighted, m.Currency})
	}
	return append(rows, []string{"total", strconv.Itoa(r.Deals), r.Weighted, r.Currency})
}

// --- pipeline ---------------------------------------------------------------

type stageJSON struct {
	Stage       string `json:"stage"`
	Name        string `json:"name"`
	Probability int    `json:"probability"`
	Deals       int    `json:"deals"`
	Total       string `json:"total"`
	Weighted    string `json:"weighted"`
	Currency    string `json:"currency"`
}

type pipelineJSON struct {
	Pipeline string      `json:"pipeline"`
	Name     string      `json:"name"`
	Stages   []stageJSON `json:"stages"`
	Deals    int         `json:"deals"`
	Total    string      `json:"total"`
	Weighted string      `json:"weighted"`
	Currency string      `json:"currency"`
	fig      model.PipelineFigures
}

type pipelineReport struct {
	AsOf      string         `json:"as_of"` // the day of the snapshot
	Owner     *string        `json:"owner"`
	Pipeline  *string        `json:"pipeline"` // --pipeline, null: every pipeline
	Pipelines []pipelineJSON `json:"pipelines"`
	Deals     int            `json:"deals"` // over every pipeline listed
	Total     string         `json:"total"`
	Weighted  string         `json:"weighted"`
	Currency  string         `json:"currency"`
	Rates     []string       `json:"rates"`
	Missing   []string       `json:"missing"`
	title     string
	total     int64
	weighted  int64
}

func newPipelineReport(sc reportScope, figs []model.PipelineFigures, rates model.Rates) pipelineReport {
	base := rates.Base
	r := pipelineReport{AsOf: sc.now.In(time.Local).Format(model.DateLayout), Owner: sc.owner, Pipeline: sc.pipelineKey(),
		Pipelines: []pipelineJSON{}, Currency: base, title: sc.describe("Pipeline", false, true)}
	var curs, missing []string
	for _, f := range figs {
		p := pipelineJSON{Pipeline: f.Pipeline.Key, Name: f.Pipeline.Name, Stages: []stageJSON{}, Deals: f.Deals,
			Total: model.FormatAmount(f.Total, base), Weighted: model.FormatAmount(f.Weighted, base), Currency: base, fig: f}
		for _, st := range f.Stages {
			p.Stages = append(p.Stages, stageJSON{Stage: st.Stage.Key, Name: st.Stage.Name, Probability: st.Stage.Probability,
				Deals: st.Deals, Total: model.FormatAmount(st.Total, base), Weighted: model.FormatAmount(st.Weighted, base), Currency: base})
		}
		r.Pipelines = append(r.Pipelines, p)
		r.Deals += f.Deals
		r.total += f.Total
		r.weighted += f.Weighted
		curs = append(curs, f.Currencies...)
		missing = append(missing, f.Missing...)
	}
	r.Total, r.Weighted = model.FormatAmount(r.total, base), model.FormatAmount(r.weighted, base)
	r.Rates = orEmpty(rates.Used(curs))
	sort.Strings(missing)
	r.Missing = orEmpty(slices.Compact(missing))
	return r
}

func (a *app) pipelineReport(ctx context.Context, s *Session, sc reportScope) (reportOutput, error) {
	pipes := s.Config.PipelineSet()
	if sc.pipeline != nil {
		pipes = model.Pipelines{*sc.pipeline}
	}
	var figs []model.PipelineFigures
	for _, p := range pipes {
		f, err := s.Store.Reports.Pipeline(ctx, sc.filter(), p)
		if err != nil {
			return nil, err
		}
		figs = append(figs, f)
	}
	return newPipelineReport(sc, figs, s.rates()), nil
}

func (r pipelineReport) missing() []string { return r.Missing }

func (r pipelineReport) table(w io.Writer, locale string) {
	fmt.Fprintln(w, model.Printable(r.title))
	cur := " (" + r.Currency + ")"
	g := newGrid("PIPELINE", "STAGE", "PROB", "DEALS", "TOTAL"+cur, "WEIGHTED"+cur).alignRight(2, 3, 4, 5)
	for _, p := range r.Pipelines {
		for _, st := range p.fig.Stages {
			g.add(p.Name, st.Stage.Name, strconv.Itoa(st.Stage.Probability)+"%", strconv.Itoa(st.Deals),
				money(st.Total, r.Currency, locale), money(st.Weighted, r.Currency, locale))
		}
		g.add(p.Name, "total", "", strconv.Itoa(p.Deals), money(p.fig.Total, r.Currency, locale), money(p.fig.Weighted, r.Currency, locale))
	}
	if len(r.Pipelines) > 1 {
		g.add("all", "total", "", strconv.Itoa(r.Deals), money(r.total, r.Currency, locale), money(r.weighted, r.Currency, locale))
	}
	g.write(w)
	fmt.Fprintln(w, "open deals per stage; weighted: amount × probability")
	footRates(w, r.Currency, r.Rates, r.Missing)
}

func (r pipelineReport) csvRows() [][]string {
	rows := [][]string{{"pipeline", "stage", "probability", "deals", "total", "weighted", "currency"}}
	for _, p := range r.Pipelines {
		for _, st := range p.Stages {
			rows = append(rows, []string{csvText(p.Name), csvText(st.Name), strconv.Itoa(st.Probability), strconv.Itoa(st.Deals),
				st.Total, st.Weighted, st.Currency})
		}
		rows = append(rows, []string{csvText(p.Name), "total", "", strconv.Itoa(p.Deals), p.Total, p.Weighted, p.Currency})
	}
	if len(r.Pipelines) > 1 {
		rows = append(rows, []string{"all", "total", "", strconv.Itoa(r.Deals), r.Total, r.Weighted, r.Currency})
	}
	return rows
}

// --- team activity ----------------------------------------------------------

type activityRow struct {
	Owner   string `json:"owner"`
	OwnerID int64  `json:"owner_id"`
	Kind    string `json:"kind"`
	Count   int    `json:"count"` // for tasks: completed in the period
}

type activityReport struct {
	Period periodJSON     `json:"period"`
	Owner  *string        `json:"owner"`
	Rows   []activityRow  `json:"rows"`   // by owner name, then kind
	Totals map[string]int `json:"totals"` // per kind, every kind, zeros included
	Total  int            `json:"total"`
	title  string
}

// newActivityReport names the owners and orders the rows by owner name,
// then kind.
func newActivityReport(sc reportScope, counts []model.ActivityCount, users []model.User) activityReport {
	names := map[int64]string{}
	for _, u := range users {
		names[u.ID] = u.Name
	}
	r := activityReport{Period: periodOf(sc.period), Owner: sc.owner, Rows: []activityRow{}, Totals: map[string]int{},
		title: sc.describe("Team activity", true, false)}
	for _, k := range model.ActivityKinds {
		r.Totals[k] = 0
	}
	for _, c := range counts {
		name, ok := names[c.OwnerID]
		if !ok {
			name = "#" + strconv.FormatInt(c.OwnerID, 10)
		}
		r.Rows = append(r.Rows, activityRow{Owner: name, OwnerID: c.OwnerID, Kind: c.Kind, Count: c.Count})
		r.Totals[c.Kind] += c.Count
		r.Total += c.Count
	}
	sort.SliceStable(r.Rows, func(i, j int) bool {
		a, b := r.Rows[i], r.Rows[j]
		if fa, fb := model.Fold(a.Owner), model.Fold(b.Owner); fa != fb {
			return fa < fb
		}
		if a.OwnerID != b.OwnerID {
			return a.OwnerID < b.OwnerID
		}
		return slices.Index(model.ActivityKinds, a.Kind) < slices.Index(model.ActivityKinds, b.Kind)
	})
	return r
}

func (a *app) activityReport(ctx context.Context, s *Session, sc reportScope) (reportOutput, error) {
	counts, err := s.Store.Reports.TeamActivity(ctx, sc.filter())
	if err != nil {
		return nil, err
	}
	users, err := s.Store.Users.List(ctx)
	if err != nil {
		return nil, err
	}
	return newActivityReport(sc, counts, users), nil
}

func (r activityReport) missing() []string { return nil }

// lines are the table's lines: one per owner with a count per kind and a
// total, then "all".
func (r activityReport) lines() [][]string {
	var out [][]string
	line := func(owner string, counts map[string]int) {
		cells, sum := []string{owner}, 0
		for _, k := range model.ActivityKinds {
			cells = append(cells, strconv.Itoa(counts[k]))
			sum += counts[k]
		}
		out = append(out, append(cells, strconv.Itoa(sum)))
	}
	for i := 0; i < len(r.Rows); {
		j, counts := i, map[string]int{}
		for ; j < len(r.Rows) && r.Rows[j].OwnerID == r.Rows[i].OwnerID; j++ {
			counts[r.Rows[j].Kind] += r.Rows[j].Count
		}
		line(r.Rows[i].Owner, counts)
		i = j
	}
	line("all", r.Totals)
	return out
}

func (r activityReport) table(w io.Writer, _ string) {
	fmt.Fprintln(w, model.Printable(r.title))
	header := []string{"OWNER"}
	for _, k := range model.ActivityKinds {
		if k == model.KindTask {
			header = append(header, "TASKS DONE")
		} else {
			header = append(header, strings.ToUpper(k)+"S")
		}
	}
	g := newGrid(append(header, "TOTAL")...)
	for i := 1; i < len(g.header); i++ {
		g.alignRight(i)
	}
	for _, l := range r.lines() {
		g.add(l...)
	}
	g.write(w)
	fmt.Fprintln(w, "calls, emails, meetings and notes that happened in the period; tasks completed in it")
}

func (r activityReport) csvRows() [][]string {
	rows := [][]string{append(append([]string{"owner"}, model.ActivityKinds...), "total")}
	for _, l := range r.lines() {
		l[0] = csvText(l[0])
		rows = append(rows, l)
	}
	return rows
}
