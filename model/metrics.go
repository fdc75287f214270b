package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Period is a span of whole local days, [From, To).
type Period struct {
	Kind string // month, quarter, ytd, 12m or custom
	From time.Time
	To   time.Time
}

// PeriodNames are the named periods reports and the dashboard take.
var PeriodNames = []string{"this-month", "this-quarter", "last-quarter", "ytd", "last-12-months"}

func dayStart(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
}

func quarterStart(t time.Time) time.Time {
	m := (int(t.Month())-1)/3*3 + 1
	return time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, t.Location())
}

// NamedPeriod is a named period around now, in loc.
func NamedPeriod(name string, now time.Time, loc *time.Location) (Period, error) {
	today := dayStart(now, loc)
	switch name {
	case "this-month":
		from := time.Date(today.Year(), today.Month(), 1, 0, 0, 0, 0, loc)
		return Period{"month", from, from.AddDate(0, 1, 0)}, nil
	case "", "this-quarter":
		from := quarterStart(today)
		return Period{"quarter", from, from.AddDate(0, 3, 0)}, nil
	case "last-quarter":
		from := quarterStart(today).AddDate(0, -3, 0)
		return Period{"quarter", from, from.AddDate(0, 3, 0)}, nil
	case "ytd":
		return Period{"ytd", time.Date(today.Year(), 1, 1, 0, 0, 0, 0, loc), today.AddDate(0, 0, 1)}, nil
	case "last-12-months":
		return Period{"12m", today.AddDate(-1, 0, 1), today.AddDate(0, 0, 1)}, nil
	}
	return Period{}, Invalid("period", "%q is not a period (one of %s)", name, strings.Join(PeriodNames, ", "))
}

// CustomPeriod runs from since to until, both days included.
func CustomPeriod(since, until time.Time, loc *time.Location) (Period, error) {
	from, to := dayStart(since, loc), dayStart(until, loc).AddDate(0, 0, 1)
	if !to.After(from) {
		return Period{}, Invalid("until", "%s is before --since %s", until.In(loc).Format(DateLayout), since.In(loc).Format(DateLayout))
	}
	return Period{"custom", from, to}, nil
}

// Shift moves a period n of its own lengths back (n < 0) or forth:
// quarters by quarters, months by months, the others by years or days.
func (p Period) Shift(n int) Period {
	switch p.Kind {
	case "month":
		return Period{p.Kind, p.From.AddDate(0, n, 0), p.To.AddDate(0, n, 0)}
	case "quarter":
		return Period{p.Kind, p.From.AddDate(0, 3*n, 0), p.To.AddDate(0, 3*n, 0)}
	case "ytd", "12m":
		return Period{p.Kind, p.From.AddDate(n, 0, 0), p.To.AddDate(n, 0, 0)}
	}
	days := int(p.To.Sub(p.From).Hours()/24 + 0.5)
	return Period{p.Kind, p.From.AddDate(0, 0, n*days), p.To.AddDate(0, 0, n*days)}
}

// YearEarlier is the same calendar dates one year before.
func (p Period) YearEarlier() Period {
	return Period{p.Kind, p.From.AddDate(-1, 0, 0), p.To.AddDate(-1, 0, 0)}
}

// Contains says whether t falls in the period.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

// Last is the period's last day.
func (p Period) Last() time.Time { return p.To.AddDate(0, 0, -1) }

// Months are the YYYY-MM months the period touches.
func (p Period) Months() []string {
	var out []string
	for m := time.Date(p.From.Year(), p.From.Month(), 1, 0, 0, 0, 0, p.From.Location()); m.Before(p.To); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

// Label names the period for people: "Q4 2026 (Oct–Dec)", "December 2026",
// "2026 to date", "12 months to 2026-12-04", "2026-10-01 – 2026-11-15".
func (p Period) Label() string {
	switch p.Kind {
	case "quarter":
		q := (int(p.From.Month())-1)/3 + 1
		return fmt.Sprintf("Q%d %d (%s–%s)", q, p.From.Year(), p.From.Format("Jan"), p.Last().Format("Jan"))
	case "month":
		return p.From.Format("January 2006")
	case "ytd":
		return fmt.Sprintf("%d to %s", p.From.Year(), p.Last().Format("Jan 2"))
	case "12m":
		return "12 months to " + p.Last().Format(DateLayout)
	}
	return p.From.Format(DateLayout) + " – " + p.Last().Format(DateLayout)
}

// DealFact is what the metrics read of a deal.
type DealFact struct {
	ID          int64
	Pipeline    string
	Stage       string
	Status      string
	Amount      int64
	Currency    string
	Probability int    // the deal's override, else its stage's
	CloseDate   string // expected, YYYY-MM-DD
	CreatedAt   time.Time
	ClosedAt    *time.Time // the last time it was won or lost
	OwnerID     int64
}

// WinRate is won ÷ (won + lost) over the deals closed in a period; Rate
// is a decimal fraction with four places ("0.6667"), empty when no deal
// closed.
type WinRate struct {
	Won  int
	Lost int
	Rate string
}

// ComputeWinRate counts the deals whose (last) closed date is in p. A
// deal lost, reopened and won counts once, as won, at its last close.
func ComputeWinRate(deals []DealFact, p Period) WinRate {
	var w WinRate
	for _, d := range deals {
		if d.ClosedAt == nil || !p.Contains(*d.ClosedAt) {
			continue
		}
		switch d.Status {
		case StatusWon:
			w.Won++
		case StatusLost:
			w.Lost++
		}
	}
	w.Rate = RateOf(w.Won, w.Won+w.Lost)
	return w
}

// RateOf is n ÷ of as a four-place decimal fraction, halves rounded up;
// empty when of is 0.
func RateOf(n, of int) string {
	if of == 0 {
		return ""
	}
	return FormatDecimal((int64(n)*20000/int64(of)+1)/2, 4)
}

// Cycle is the sales-cycle length over the deals won in a period: days
// from creation to the won date (local calendar days), mean and median
// with one decimal; empty when nothing was won.
type Cycle struct {
	Won    int
	Mean   string
	Median string
	Days   []int // each won deal's days, sorted
}

// ComputeCycle measures the deals won in p.
func ComputeCycle(deals []DealFact, p Period, loc *time.Location) Cycle {
	var c Cycle
	for _, d := range deals {
		if d.Status != StatusWon || d.ClosedAt == nil || !p.Contains(*d.ClosedAt) {
			continue
		}
		c.Days = append(c.Days, CalendarDays(d.CreatedAt, *d.ClosedAt, loc))
	}
	c.Won = len(c.Days)
	if c.Won == 0 {
		return c
	}
	sort.Ints(c.Days)
	sum := 0
	for _, d := range c.Days {
		sum += d
	}
	c.Mean = FormatDecimal((int64(sum)*20/int64(c.Won)+1)/2, 1)
	n := c.Won
	if n%2 == 1 {
		c.Median = FormatDecimal(int64(c.Days[n/2])*10, 1)
	} else {
		c.Median = FormatDecimal(int64(c.Days[n/2-1]+c.Days[n/2])*5, 1)
	}
	return c
}

// CalendarDays is the number of local days from a to b.
func CalendarDays(a, b time.Time, loc *time.Location) int {
	return int(dayStart(b, loc).Sub(dayStart(a, loc)).Hours()/24 + 0.5)
}

// MonthForecast is the weighted amount expected to close in a month.
type MonthForecast struct {
	Month    string // YYYY-MM
	Deals    int
	Weighted int64 // base currency minor units
}

// Forecast is the weighted forecast per month, in the base currency.
type Forecast struct {
	Months     []MonthForecast
	Converted  bool     // some amounts were in another currency
	Missing    []string // currencies left out for want of a rate
	Currencies []string // every currency met, for the rates a report names
}

// ComputeForecast sums, for each month, amount × probability of the open
// deals expected to close in it; per currency first, then converted
// (rounded once per month and currency). Deals without a close date are in
// no month.
func ComputeForecast(deals []DealFact, months []string, r Rates) Forecast {
	counts := map[string]int{}
	var open []DealFact
	for _, d := range deals {
		if d.Status == StatusOpen && len(d.CloseDate) >= 7 && slices.Contains(months, d.CloseDate[:7]) {
			open = append(open, d)
			counts[d.CloseDate[:7]]++
		}
	}
	return forecastFrom(months, counts, func(yield func(month, cur string, weighted100 int64)) {
		for _, d := range open {
			yield(d.CloseDate[:7], d.Currency, d.Amount*int64(d.Probability))
		}
	}, r)
}

// ForecastFromSums builds the forecast from per-month, per-currency sums
// of amount × probability, as the store aggregates them.
func ForecastFromSums(months []string, counts map[string]int, each func(yield func(month, cur string, weighted100 int64)), r Rates) Forecast {
	return forecastFrom(months, counts, each, r)
}

func forecastFrom(months []string, counts map[string]int, each func(yield func(month, cur string, weighted100 int64)), r Rates) Forecast {
	type key struct{ month, cur string }
	sums := map[key]int64{}
	each(func(month, cur string, w int64) { sums[key{month, cur}] += w })
	f := Forecast{}
	byMonth := map[string]int64{}
	missing := map[string]bool{}
	seen := map[string]bool{}
	for k, w := range sums {
		if !seen[k.cur] {
			seen[k.cur] = true
			f.Currencies = append(f.Currencies, k.cur)
		}
		v, err := r.Convert(w, k.cur, 100)
		if err != nil || !r.Has(k.cur) {
			missing[k.cur] = true
			continue
		}
		byMonth[k.month] += v
		f.Converted = f.Converted || k.cur != r.Base
	}
	for _, m := range months {
		f.Months = append(f.Months, MonthForecast{Month: m, Deals: counts[m], Weighted: byMonth[m]})
	}
	for c := range missing {
		f.Missing = append(f.Missing, c)
	}
	sort.Strings(f.Missing)
	sort.Strings(f.Currencies)
	return f
}

// ActivityFact is what team activity reads of an activity.
type ActivityFact struct {
	OwnerID int64
	Kind    string
	At      time.Time
	Done    bool
	DoneAt  *time.Time
}

// ActivityCount is how many activities of a kind an owner logged (or,
// for tasks, completed) in a period.
type ActivityCount struct {
	OwnerID int64
	Kind    string
	Count   int
}

// ComputeTeamActivity counts per owner and kind the calls, emails,
// meetings and notes that happened in p and the tasks completed in p.
// Rows are ordered by owner, then kind in ActivityKinds order.
func ComputeTeamActivity(acts []ActivityFact, p Period) []ActivityCount {
	type key struct {
		owner int64
		kind  string
	}
	counts := map[key]int{}
	for _, a := range acts {
		switch {
		case a.Kind == KindTask:
			if a.Done && a.DoneAt != nil && p.Contains(*a.DoneAt) {
				counts[key{a.OwnerID, a.Kind}]++
			}
		case p.Contains(a.At):
			counts[key{a.OwnerID, a.Kind}]++
		}
	}
	out := make([]ActivityCount, 0, len(counts))
	for k, n := range counts {
		out = append(out, ActivityCount{OwnerID: k.owner, Kind: k.kind, Count: n})
	}
	SortActivityCounts(out)
	return out
}

// SortActivityCounts orders rows by owner, then kind in ActivityKinds order.
func SortActivityCounts(rows []ActivityCount) {
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].OwnerID != rows[j].OwnerID {
			return rows[i].OwnerID < rows[j].OwnerID
		}
		return slices.Index(ActivityKinds, rows[i].Kind) < slices.Index(ActivityKinds, rows[j].Kind)
	})
}

// StageFigures are the open deals of one stage: how many, their total and
// their weighted total in the base currency.
type StageFigures struct {
	Stage    Stage
	Deals    int
	Total    int64
	Weighted int64
}

// PipelineFigures is a pipeline's open deals per stage, in the base
// currency. Converted says some amounts were in another currency; amounts
// in currencies without a rate are left out and listed in Missing.
type PipelineFigures struct {
	Pipeline   Pipeline
	Stages     []StageFigures
	Deals      int
	Total      int64
	Weighted   int64
	Converted  bool
	Missing    []string
	Currencies []string // every currency met, for the rates a report names
}

// ComputePipeline sums the open deals of p per stage: count, Σ amount and
// Σ amount × probability (the deal's override, else its stage's), per
// currency first and converted once per stage and currency.
func ComputePipeline(deals []DealFact, p Pipeline, r Rates) PipelineFigures {
	byStage := map[string]*StageTotal{}
	for _, d := range deals {
		if d.Status != StatusOpen || d.Pipeline != p.Key {
			continue
		}
		t := byStage[d.Stage]
		if t == nil {
			t = &StageTotal{Stage: d.Stage}
			byStage[d.Stage] = t
		}
		t.Deals++
		i := slices.IndexFunc(t.Amounts, func(c CurrencyTotal) bool { return c.Currency == d.Currency })
		if i < 0 {
			t.Amounts = append(t.Amounts, CurrencyTotal{Currency: d.Currency})
			i = len(t.Amounts) - 1
		}
		c := &t.Amounts[i]
		c.Deals++
		c.Amount += d.Amount
		c.Weighted += d.Amount * int64(d.Probability)
	}
	var totals []StageTotal
	for _, t := range byStage {
		totals = append(totals, *t)
	}
	return PipelineFromTotals(p, totals, r)
}

// PipelineFromTotals is the pipeline figures from per-stage, per-currency
// sums, as the store keeps them.
func PipelineFromTotals(p Pipeline, totals []StageTotal, r Rates) PipelineFigures {
	byStage := map[string]StageTotal{}
	for _, t := range totals {
		byStage[t.Stage] = t
	}
	f := PipelineFigures{Pipeline: p}
	missing, seen := map[string]bool{}, map[string]bool{}
	for _, s := range p.Open() {
		t := byStage[s.Key]
		total, weighted, conv, miss := t.InBase(r, s)
		f.Stages = append(f.Stages, StageFigures{Stage: s, Deals: t.Deals, Total: total, Weighted: weighted})
		f.Deals += t.Deals
		f.Total += total
		f.Weighted += weighted
		f.Converted = f.Converted || conv
		for _, m := range miss {
			missing[m] = true
		}
		for _, c := range t.Amounts {
			if !seen[c.Currency] {
				seen[c.Currency] = true
				f.Currencies = append(f.Currencies, c.Currency)
			}
		}
	}
	for m := range missing {
		f.Missing = append(f.Missing, m)
	}
	sort.Strings(f.Missing)
	sort.Strings(f.Currencies)
	return f
}
