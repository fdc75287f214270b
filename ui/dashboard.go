package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// dashboardView shows the numbers management reads: win rate, sales-cycle
// length, open pipeline and this period's forecast next to what was won
// in the same dates a year earlier; the forecast for the next six months
// and the pipeline by stage as bars; and activity per rep over the last
// four weeks. [ and ] move the period, p the pipeline, the global o the
// owner; j/k pick a bar, enter opens the deals behind it.
type dashboardView struct {
	sh     *shared
	period model.Period
	pi     int // pipeline index
	owner  int64
	data   *dashData
	gen    int
	err    error
	cursor int // over the bars: forecast months, then stages
	width  int
	height int
	keys   dashKeys
}

type dashKeys struct {
	Prev, Next, Pipeline, Up, Down, Open, Pane key.Binding
}

// dashData is everything the dashboard draws, read in one command.
type dashData struct {
	period    model.Period
	win       model.WinRate
	cycle     model.Cycle
	pipe      model.PipelineFigures
	missing   []string       // currencies left out of some figure for want of a rate
	forecast  model.Forecast // the next six months
	inPeriod  model.Forecast // the period's months
	wonAgo    int64          // won in the same dates a year earlier, base currency
	wonAgoN   int
	winBefore model.WinRate // the period before, for the change in points
	activity  []model.ActivityCount
	weekly    map[int64][4]int // activities per owner in each of the last four weeks, oldest first
	users     map[int64]string
	rates     []string
}

type dashLoadedMsg struct {
	gen  int
	data *dashData
	err  error
}

const forecastMonths = 6

func newDashboardView(sh *shared) *dashboardView {
	return &dashboardView{sh: sh, keys: dashKeys{
		Prev:     key.NewBinding(key.WithKeys("["), key.WithHelp("[ ]", "period")),
		Next:     key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next period")),
		Pipeline: key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pipeline")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("j/k", "bar")),
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j", "next bar")),
		Pane:     key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "chart")),
		Open:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "deals behind it")),
	}}
}

func (v *dashboardView) pipeline() model.Pipeline {
	ps := v.sh.deps.Config.PipelineSet()
	if len(ps) == 0 {
		ps = model.DefaultPipelines()
	}
	return ps[v.pi%len(ps)]
}

func (v *dashboardView) Init() tea.Cmd {
	if v.period.From.IsZero() {
		v.period, _ = model.NamedPeriod("this-quarter", v.sh.now(), v.sh.loc())
	}
	return v.load()
}

func (v *dashboardView) load() tea.Cmd {
	v.gen++
	gen, st, p, period, owner := v.gen, v.sh.deps.Store, v.pipeline(), v.period, v.owner
	now, loc, rates := v.sh.now(), v.sh.loc(), v.rates()
	return func() tea.Msg {
		d, err := loadDashboard(context.Background(), st, p, period, owner, now, loc, rates)
		return dashLoadedMsg{gen: gen, data: d, err: err}
	}
}

// rates are the store's: the ones every figure was converted with.
func (v *dashboardView) rates() model.Rates { return v.sh.deps.Store.Rates() }

// loadDashboard reads every figure of the dashboard.
func loadDashboard(ctx context.Context, st *store.Store, p model.Pipeline, period model.Period, owner int64,
	now time.Time, loc *time.Location, rates model.Rates) (*dashData, error) {
	d := &dashData{period: period, users: map[int64]string{}}
	f := store.ReportFilter{Period: period, OwnerID: owner, Pipeline: p.Key}
	var err error
	if d.win, err = st.Reports.WinRate(ctx, f); err != nil {
		return nil, err
	}
	before := f
	before.Period = period.Shift(-1)
	if d.winBefore, err = st.Reports.WinRate(ctx, before); err != nil {
		return nil, err
	}
	if d.cycle, err = st.Reports.Cycle(ctx, f, loc); err != nil {
		return nil, err
	}
	if d.pipe, err = st.Reports.Pipeline(ctx, f, p); err != nil {
		return nil, err
	}
	month := time.Date(now.In(loc).Year(), now.In(loc).Month(), 1, 0, 0, 0, 0, loc)
	var months []string
	for i := 0; i < forecastMonths; i++ {
		months = append(months, month.AddDate(0, i, 0).Format("2006-01"))
	}
	if d.forecast, err = st.Reports.Forecast(ctx, f, months); err != nil {
		return nil, err
	}
	if d.inPeriod, err = st.Reports.Forecast(ctx, f, period.Months()); err != nil {
		return nil, err
	}
	ago := f
	ago.Period = period.YearEarlier()
	n, sums, err := st.Reports.Won(ctx, ago)
	if err != nil {
		return nil, err
	}
	d.wonAgoN = n
	var used []string
	missing := append(append(append([]string{}, d.pipe.Missing...), d.forecast.Missing...), d.inPeriod.Missing...)
	for cur, amount := range sums {
		if v, err := rates.Convert(amount, cur, 1); err == nil && rates.Has(cur) {
			d.wonAgo += v
			used = append(used, cur)
		} else {
			missing = append(missing, cur)
		}
	}
	slices.Sort(missing)
	d.missing = slices.Compact(missing)
	today := time.Date(now.In(loc).Year(), now.In(loc).Month(), now.In(loc).Day(), 0, 0, 0, 0, loc)
	weeks := store.ReportFilter{Period: model.Period{Kind: "custom", From: today.AddDate(0, 0, -27), To: today.AddDate(0, 0, 1)}, OwnerID: owner}
	if d.activity, err = st.Reports.TeamActivity(ctx, weeks); err != nil {
		return nil, err
	}
	d.weekly = map[int64][4]int{}
	for w := 0; w < 4; w++ {
		week := weeks
		week.Period.From = today.AddDate(0, 0, -27+7*w)
		week.Period.To = week.Period.From.AddDate(0, 0, 7)
		counts, err := st.Reports.TeamActivity(ctx, week)
		if err != nil {
			return nil, err
		}
		for _, c := range counts {
			row := d.weekly[c.OwnerID]
			row[w] += c.Count
			d.weekly[c.OwnerID] = row
		}
	}
	users, err := st.Users.List(ctx)
	if err != nil {
		return nil, err
	}
	for _, u := range users {
		d.users[u.ID] = u.Name
	}
	d.rates = rates.Used(append(used, d.pipe.Currencies...))
	return d, nil
}

func (v *dashboardView) SetOwner(id int64) tea.Cmd {
	v.owner = id
	return v.load()
}

func (v *dashboardView) Reload() tea.Cmd { return v.load() }

func (v *dashboardView) Focus(savedMsg) tea.Cmd { return v.load() }

func (v *dashboardView) SetSize(w, h int) { v.width, v.height = max(0, w), max(0, h) }

func (v *dashboardView) Capturing() bool { return false }

func (v *dashboardView) Title() string { return "Dashboard" }

func (v *dashboardView) Summary() string { return v.pipeline().Name }

func (v *dashboardView) KeyMap() keyMap {
	k := v.keys
	return keyMap{short: []key.Binding{k.Prev, k.Pipeline, k.Up, k.Pane, k.Open},
		full: [][]key.Binding{{k.Prev, k.Next, k.Pipeline}, {k.Up, k.Down, k.Pane, k.Open}}}
}

func (v *dashboardView) bars() int {
	if v.data == nil {
		return 0
	}
	return len(v.data.forecast.Months) + len(v.data.pipe.Stages)
}

func (v *dashboardView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dashLoadedMsg:
		if msg.gen == v.gen {
			v.err = msg.err
			if msg.err == nil {
				v.data = msg.data
				v.cursor = min(v.cursor, max(0, v.bars()-1))
			}
		}
		return nil
	case tea.KeyMsg:
		k := v.keys
		switch {
		case key.Matches(msg, k.Prev):
			v.period = v.period.Shift(-1)
			return v.load()
		case key.Matches(msg, k.Next):
			v.period = v.period.Shift(1)
			return v.load()
		case key.Matches(msg, k.Pipeline):
			v.pi++
			v.cursor = 0
			return tea.Batch(v.load(), send(statusMsg{"pipeline: " + v.pipeline().Name}))
		case key.Matches(msg, k.Down):
			v.cursor = min(v.cursor+1, max(0, v.bars()-1))
		case key.Matches(msg, k.Up):
			v.cursor = max(v.cursor-1, 0)
		case key.Matches(msg, k.Pane):
			if v.data != nil {
				if v.cursor < len(v.data.forecast.Months) {
					v.cursor = len(v.data.forecast.Months)
				} else {
					v.cursor = 0
				}
				v.cursor = min(v.cursor, max(0, v.bars()-1))
			}
		case key.Matches(msg, k.Open):
			return v.drill()
		}
	}
	return nil
}

// drillMsg opens the deals behind a bar.
type drillMsg struct {
	title string
	q     store.ListQuery
	stage string // a stage bar: show it on the board instead
}

func (v *dashboardView) drill() tea.Cmd {
	if v.data == nil || v.bars() == 0 {
		return nil
	}
	p := v.pipeline()
	if v.cursor < len(v.data.forecast.Months) {
		m := v.data.forecast.Months[v.cursor]
		from, _ := time.Parse("2006-01", m.Month)
		return send(drillMsg{
			title: fmt.Sprintf("Deals closing in %s · %s", from.Format("January 2006"), p.Name),
			q: store.ListQuery{Pipeline: p.Key, Status: model.StatusOpen, CloseFrom: from.Format(model.DateLayout),
				CloseTo: from.AddDate(0, 1, 0).Format(model.DateLayout)},
		})
	}
	s := v.data.pipe.Stages[v.cursor-len(v.data.forecast.Months)]
	return send(drillMsg{stage: s.Stage.Key, q: store.ListQuery{Pipeline: p.Key}})
}

// sideBySide is the width from which the two charts share the rows.
const sideBySide = 80

func (v *dashboardView) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	st := v.sh.st
	if v.err != nil && v.data == nil {
		return st.Error.Render(cut(v.err.Error(), v.width))
	}
	d := v.data
	if d == nil {
		return ""
	}
	approx := approxIf(d.pipe.Converted)
	title := v.periodLabel(d.period) + " · " + v.ownerLabel(d) + " · " + v.pipeline().Name
	hint := "[ ] period  o owner  p pipeline"
	if lipgloss.Width(title)+2+len(hint) > v.width {
		hint = ""
	}
	lines := []string{st.Title.Render(cut(title, v.width)) +
		strings.Repeat(" ", max(0, v.width-lipgloss.Width(cut(title, v.width))-lipgloss.Width(hint))) + st.Muted.Render(hint)}

	win := "—"
	if d.win.Rate != "" {
		win = percent(d.win.Rate)
	}
	cycle := "—"
	if d.cycle.Won > 0 {
		cycle = fmt.Sprintf("%s d (median %s)", model.TrimDecimal(d.cycle.Mean), model.TrimDecimal(d.cycle.Median))
	}
	var inPeriod int64
	for _, m := range d.inPeriod.Months {
		inPeriod += m.Weighted
	}
	tiles := []string{
		st.Label.Render("Win rate ") + st.Title.Render(win) + change(d.win, d.winBefore) +
			st.Muted.Render(fmt.Sprintf(" (%d won, %d lost)", d.win.Won, d.win.Lost)),
		st.Label.Render("Cycle ") + st.Title.Render(cycle),
		st.Label.Render("Open pipeline ") + st.Title.Render(approx+v.money(d.pipe.Total)) + st.Muted.Render(" weighted "+approx+v.money(d.pipe.Weighted)),
		st.Label.Render("Forecast ") + st.Title.Render(approxIf(d.inPeriod.Converted)+v.money(inPeriod)) +
			st.Muted.Render(fmt.Sprintf(" · won a year earlier %s (%d)", v.money(d.wonAgo), d.wonAgoN)),
	}
	lines = append(lines, flow(tiles, v.width-1, "   ")...)
	if d.pipe.Deals == 0 && d.win.Won+d.win.Lost == 0 && d.wonAgoN == 0 && len(d.activity) == 0 {
		lines = append(lines, st.Faint.Render(cut("Nothing to count yet: n on the board (1) adds a deal; rolo demo adds samples.", v.width)))
	}
	lines = append(lines, "")

	if v.width >= sideBySide {
		lw := v.width / 2
		fc, pc := v.forecastChart(lw-1), v.pipelineChart(v.width-lw)
		for i := 0; i < max(len(fc), len(pc)); i++ {
			l, r := "", ""
			if i < len(fc) {
				l = fc[i]
			}
			if i < len(pc) {
				r = pc[i]
			}
			lines = append(lines, l+strings.Repeat(" ", max(1, lw-lipgloss.Width(l)))+r)
		}
	} else {
		fc, pc := v.forecastChart(v.width), v.pipelineChart(v.width)
		switch {
		case len(lines)+len(fc)+len(pc) <= v.height:
			lines = append(append(lines, fc...), pc...)
		case v.cursor < len(d.forecast.Months):
			// too small for both: the chart with the cursor, tab the other
			lines = append(lines, fc...)
		default:
			lines = append(lines, pc...)
		}
	}
	lines = append(lines, "")
	var foot string
	if len(d.missing) > 0 {
		foot = "left out for want of an exchange rate: " + strings.Join(d.missing, ", ") + " (currency.rates)"
	} else if len(d.rates) > 0 {
		foot = "converted to " + v.rates().Base + ": " + strings.Join(d.rates, ", ")
	}
	room := v.height - len(lines)
	if foot != "" {
		room--
	}
	lines = append(lines, v.activityTable(room)...)
	if foot != "" {
		lines = append(lines, st.Faint.Render(cut(foot, v.width)))
	}
	if len(lines) > v.height {
		lines = lines[:v.height]
	}
	for i, l := range lines {
		lines[i] = cut(l, v.width)
	}
	return strings.Join(lines, "\n")
}

// periodLabel names the period relative to today where it can: "This
// quarter (Oct–Dec 2026)", "Last quarter (Jul–Sep 2026)", "This month
// (December 2026)", else its own label.
func (v *dashboardView) periodLabel(p model.Period) string {
	now, loc := v.sh.now(), v.sh.loc()
	for _, n := range []struct{ name, label string }{
		{"this-quarter", "This quarter"}, {"last-quarter", "Last quarter"}, {"this-month", "This month"},
	} {
		if q, err := model.NamedPeriod(n.name, now, loc); err == nil && q.From.Equal(p.From) && q.To.Equal(p.To) {
			switch p.Kind {
			case "quarter":
				return fmt.Sprintf("%s (%s–%s)", n.label, p.From.Format("Jan"), p.Last().Format("Jan 2006"))
			case "month":
				return fmt.Sprintf("%s (%s)", n.label, p.From.Format("January 2006"))
			}
		}
	}
	return p.Label()
}

// ownerLabel says whose numbers these are.
func (v *dashboardView) ownerLabel(d *dashData) string {
	switch v.owner {
	case 0:
		return "all owners"
	case v.sh.deps.Me.ID:
		return "mine"
	}
	return model.Printable(d.users[v.owner])
}

// change is the win rate's move from the period before, in points:
// "▲4 pts", "▼12.5 pts", "±0 pts"; nothing when either has no rate.
func change(now, before model.WinRate) string {
	if now.Rate == "" || before.Rate == "" {
		return ""
	}
	a, err1 := model.ParseDecimal("rate", now.Rate, 4)
	b, err2 := model.ParseDecimal("rate", before.Rate, 4)
	if err1 != nil || err2 != nil {
		return ""
	}
	// rates have four places, points one: tenths of a point, half away
	// from zero
	d := a - b
	tenths := (max(d, -d) + 5) / 10
	pts := model.TrimDecimal(model.FormatDecimal(tenths, 1))
	switch {
	case tenths == 0:
		return " ±0 pts"
	case d > 0:
		return " ▲" + pts + " pts"
	}
	return " ▼" + pts + " pts"
}

// sparkline draws counts as block heights.
func sparkline(counts []int) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	most := 0
	for _, c := range counts {
		most = max(most, c)
	}
	var b strings.Builder
	for _, c := range counts {
		i := 0
		if most > 0 {
			i = c * (len(blocks) - 1) / most
		}
		b.WriteRune(blocks[i])
	}
	return b.String()
}

// approxIf is the ≈ of amounts converted from other currencies.
func approxIf(converted bool) string {
	if converted {
		return "≈"
	}
	return ""
}

// money is an amount of the base currency, short ("$44.8k").
func (v *dashboardView) money(m int64) string {
	return model.FormatShort(model.Money{Amount: m, Currency: v.rates().Base}, v.sh.locale())
}

// percent renders a four-place fraction ("0.6667") as "66.7%".
func percent(rate string) string {
	v, err := model.ParseDecimal("rate", rate, 4)
	if err != nil {
		return rate
	}
	return model.TrimDecimal(model.FormatDecimal((v+5)/10, 1)) + "%"
}

// bar is a horizontal bar of width w for v of most.
func bar(v, most int64, w int) string {
	if most <= 0 || v <= 0 || w <= 0 {
		return ""
	}
	n := int(v * int64(w) / most)
	if n == 0 {
		return "▏"
	}
	return strings.Repeat("█", n)
}

// barRow is one bar of a chart: a marker for the selected bar, the label,
// the bar, then the right-aligned figures.
func (v *dashboardView) barRow(selected bool, label, bar string, barW int, figures ...string) string {
	st := v.sh.st
	marker := " "
	if selected {
		marker = st.Accent.Render("▌")
	}
	return marker + label + " " + st.Accent.Render(bar) + strings.Repeat(" ", max(0, barW-lipgloss.Width(bar))) + " " + strings.Join(figures, " ")
}

func rightAlign(s string, w int) string { return strings.Repeat(" ", max(0, w-lipgloss.Width(s))) + s }

func (v *dashboardView) forecastChart(w int) []string {
	d := v.data
	var most int64
	moneyW := 0
	for _, m := range d.forecast.Months {
		most = max(most, m.Weighted)
		moneyW = max(moneyW, lipgloss.Width(v.money(m.Weighted)))
	}
	barW := max(4, w-1-6-1-1-moneyW)
	out := []string{v.sh.st.Section.Render(cut("Forecast by month (weighted)", w))}
	for i, m := range d.forecast.Months {
		t, _ := time.Parse("2006-01", m.Month)
		out = append(out, v.barRow(i == v.cursor, t.Format("Jan 06"), bar(m.Weighted, most, barW), barW,
			rightAlign(v.money(m.Weighted), moneyW)))
	}
	return out
}

func (v *dashboardView) pipelineChart(w int) []string {
	d := v.data
	var most int64
	nameW, countW, moneyW := 0, 0, 0
	for _, s := range d.pipe.Stages {
		most = max(most, s.Total)
		nameW = max(nameW, lipgloss.Width(model.Printable(s.Stage.Name)))
		countW = max(countW, lipgloss.Width(formatInt(s.Deals, v.sh.locale())))
		moneyW = max(moneyW, lipgloss.Width(v.money(s.Total)))
	}
	nameW = min(nameW, 16)
	barW := max(4, w-1-nameW-1-1-countW-1-moneyW)
	out := []string{v.sh.st.Section.Render(cut("Pipeline by stage (deals, total)", w))}
	off := len(d.forecast.Months)
	for i, s := range d.pipe.Stages {
		name := cut(model.Printable(s.Stage.Name), nameW)
		name += strings.Repeat(" ", nameW-lipgloss.Width(name))
		out = append(out, v.barRow(off+i == v.cursor, name, bar(s.Total, most, barW), barW,
			rightAlign(formatInt(s.Deals, v.sh.locale()), countW), rightAlign(v.money(s.Total), moneyW)))
	}
	return out
}

// activityTable is activity per rep and kind over the last four weeks, in
// at most room lines; the busiest reps first when not all fit.
func (v *dashboardView) activityTable(room int) []string {
	st := v.sh.st
	d := v.data
	if room < 2 {
		return nil
	}
	out := []string{st.Section.Render("Activity, last 4 weeks")}
	if len(d.activity) == 0 {
		return append(out, st.Faint.Render(" nothing logged"))
	}
	counts := map[int64]map[string]int{}
	totals := map[int64]int{}
	var owners []int64
	for _, a := range d.activity {
		if counts[a.OwnerID] == nil {
			counts[a.OwnerID] = map[string]int{}
			owners = append(owners, a.OwnerID)
		}
		counts[a.OwnerID][a.Kind] = a.Count
		totals[a.OwnerID] += a.Count
	}
	const nameW = 18
	labels := make([]string, len(model.ActivityKinds))
	header := " " + strings.Repeat(" ", nameW)
	for i, k := range model.ActivityKinds {
		labels[i] = k + "s"
		if k == model.KindTask {
			labels[i] = "tasks done"
		}
		header += " " + rightAlign(labels[i], max(6, len(labels[i])))
	}
	out = append(out, st.Muted.Render(header+"  weekly"))
	shown := owners
	if fit := room - len(out); len(owners) > fit {
		// the busiest reps, in the usual order, and a line for the rest
		busiest := slices.Clone(owners)
		slices.SortStableFunc(busiest, func(a, b int64) int { return totals[b] - totals[a] })
		keep := map[int64]bool{}
		for _, o := range busiest[:max(0, fit-1)] {
			keep[o] = true
		}
		shown = slices.DeleteFunc(slices.Clone(owners), func(o int64) bool { return !keep[o] })
	}
	for _, o := range shown {
		name := cut(model.Printable(d.users[o]), nameW)
		row := " " + name + strings.Repeat(" ", nameW-lipgloss.Width(name))
		for i, k := range model.ActivityKinds {
			row += " " + rightAlign(formatInt(counts[o][k], v.sh.locale()), max(6, len(labels[i])))
		}
		w := d.weekly[o]
		out = append(out, row+"  "+st.Accent.Render(sparkline(w[:])))
	}
	if n := len(owners) - len(shown); n > 0 {
		out = append(out, st.Faint.Render(fmt.Sprintf(" … %d more reps (o picks one)", n)))
	}
	return out
}
