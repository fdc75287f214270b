package store

import (
	"context"
	"time"

	"rolo/model"
)

// ReportFilter narrows a report: the period, an owner (0: everyone) and a
// pipeline ("": every pipeline).
type ReportFilter struct {
	Period   model.Period
	OwnerID  int64
	Pipeline string
}

// ReportRepo computes the metrics of PRODUCT.md with SQL aggregates over
// covering indexes; model's Compute functions define what they mean and
// the tests hold the two together.
type ReportRepo interface {
	WinRate(ctx context.Context, f ReportFilter) (model.WinRate, error)
	Cycle(ctx context.Context, f ReportFilter, loc *time.Location) (model.Cycle, error)
	// Forecast is per month of months, for open deals expected to close
	// then; the filter's period is not used.
	Forecast(ctx context.Context, f ReportFilter, months []string) (model.Forecast, error)
	// Won sums what was won in the period, per currency.
	Won(ctx context.Context, f ReportFilter) (deals int, amounts map[string]int64, err error)
	TeamActivity(ctx context.Context, f ReportFilter) ([]model.ActivityCount, error)
	// Pipeline is the open deals of p per stage, now; the period is not
	// used.
	Pipeline(ctx context.Context, f ReportFilter, p model.Pipeline) (model.PipelineFigures, error)
}

// Reports is the ReportRepo of a Store.
type Reports struct{ s *Store }

// dealScope is the pipeline and owner conditions of a deal report.
func dealScope(f ReportFilter) (string, []any) {
	q, args := "", []any{}
	if f.Pipeline != "" {
		q += " AND pipeline = ?"
		args = append(args, f.Pipeline)
	}
	if f.OwnerID != 0 {
		q += " AND owner_id = ?"
		args = append(args, f.OwnerID)
	}
	return q, args
}

func periodArgs(p model.Period) []any { return []any{formatTime(p.From), formatTime(p.To)} }

// WinRate counts deals won and lost with their (last) closed date in the
// period.
func (r *Reports) WinRate(ctx context.Context, f ReportFilter) (model.WinRate, error) {
	scope, args := dealScope(f)
	rows, err := r.s.db.QueryContext(ctx, `SELECT status, count(*) FROM deals WHERE archived_at IS NULL
		AND status IN ('won', 'lost') AND closed_at >= ? AND closed_at < ?`+scope+` GROUP BY status`,
		append(periodArgs(f.Period), args...)...)
	if err != nil {
		return model.WinRate{}, err
	}
	defer rows.Close()
	var w model.WinRate
	for rows.Next() {
		var status string
		var n int
		if err := rows.Scan(&status, &n); err != nil {
			return w, err
		}
		if status == model.StatusWon {
			w.Won = n
		} else {
			w.Lost = n
		}
	}
	w.Rate = model.RateOf(w.Won, w.Won+w.Lost)
	return w, rows.Err()
}

// Cycle measures the deals won in the period.
func (r *Reports) Cycle(ctx context.Context, f ReportFilter, loc *time.Location) (model.Cycle, error) {
	scope, args := dealScope(f)
	facts, err := queryAll(ctx, r.s.db, `SELECT created_at, closed_at FROM deals WHERE archived_at IS NULL
		AND status = 'won' AND closed_at >= ? AND closed_at < ?`+scope, append(periodArgs(f.Period), args...),
		func(sc scanner) (model.DealFact, error) {
			var created, closed string
			err := sc.Scan(&created, &closed)
			c := parseTime(closed)
			return model.DealFact{Status: model.StatusWon, CreatedAt: parseTime(created), ClosedAt: &c}, err
		})
	if err != nil {
		return model.Cycle{}, err
	}
	return model.ComputeCycle(facts, f.Period, loc), nil
}

// Forecast sums amount × probability per month and currency from the
// forecast_totals the triggers keep; the stage's probability weighs deals
// without an override.
func (r *Reports) Forecast(ctx context.Context, f ReportFilter, months []string) (model.Forecast, error) {
	if len(months) == 0 {
		return model.Forecast{}, nil
	}
	scope, args := dealScope(f)
	type row struct {
		month, cur, pipeline, stage string
		deals                       int
		plain, weighted             int64
	}
	rows, err := queryAll(ctx, r.s.db, `SELECT month, currency, pipeline, stage, sum(deals), sum(plain), sum(weighted)
		FROM forecast_totals WHERE month >= ? AND month <= ?`+scope+`
		GROUP BY 1, 2, 3, 4 HAVING sum(deals) > 0`, append([]any{months[0], months[len(months)-1]}, args...), func(sc scanner) (row, error) {
		var x row
		return x, sc.Scan(&x.month, &x.cur, &x.pipeline, &x.stage, &x.deals, &x.plain, &x.weighted)
	})
	if err != nil {
		return model.Forecast{}, err
	}
	pipes := r.s.rules.PipelineSet()
	counts := map[string]int{}
	for _, x := range rows {
		counts[x.month] += x.deals
	}
	return model.ForecastFromSums(months, counts, func(yield func(month, cur string, weighted100 int64)) {
		for _, x := range rows {
			prob := 0
			if p, ok := pipes.Find(x.pipeline); ok {
				if st, ok := p.Find(x.stage); ok {
					prob = st.Probability
				}
			}
			yield(x.month, x.cur, x.weighted+x.plain*int64(prob))
		}
	}, r.rates()), nil
}

// rates are the configured exchange rates.
func (r *Reports) rates() model.Rates {
	return r.s.rates
}

// Won sums the deals won in the period, per currency.
func (r *Reports) Won(ctx context.Context, f ReportFilter) (int, map[string]int64, error) {
	scope, args := dealScope(f)
	rows, err := r.s.db.QueryContext(ctx, `SELECT currency, count(*), sum(amount) FROM deals WHERE archived_at IS NULL
		AND status = 'won' AND closed_at >= ? AND closed_at < ?`+scope+` GROUP BY currency`,
		append(periodArgs(f.Period), args...)...)
	if err != nil {
		return 0, nil, err
	}
	defer rows.Close()
	n, sums := 0, map[string]int64{}
	for rows.Next() {
		var cur string
		var c int
		var s int64
		if err := rows.Scan(&cur, &c, &s); err != nil {
			return 0, nil, err
		}
		n += c
		sums[cur] = s
	}
	return n, sums, rows.Err()
}

// TeamActivity counts activities logged and tasks completed per owner and
// kind in the period: the whole UTC hours inside it from activity_totals,
// the ragged ends (a time zone off the hour) from the activities.
func (r *Reports) TeamActivity(ctx context.Context, f ReportFilter) ([]model.ActivityCount, error) {
	type key struct {
		owner int64
		kind  string
	}
	counts := map[key]int{}
	add := func(q string, args []any) error {
		rows, err := queryAll(ctx, r.s.db, q, args, func(sc scanner) (model.ActivityCount, error) {
			var c model.ActivityCount
			return c, sc.Scan(&c.OwnerID, &c.Kind, &c.Count)
		})
		for _, c := range rows {
			counts[key{c.OwnerID, c.Kind}] += c.Count
		}
		return err
	}
	owner, ownerArgs := "", []any{}
	if f.OwnerID != 0 {
		owner = " AND owner_id = ?"
		ownerArgs = []any{f.OwnerID}
	}
	raw := func(from, to time.Time) error {
		args := []any{formatTime(from), formatTime(to)}
		args = append(append(append(append([]any{}, args...), ownerArgs...), args...), ownerArgs...)
		return add(`SELECT owner_id, kind, count(*) FROM activities
			WHERE archived_at IS NULL AND kind <> 'task' AND at >= ? AND at < ?`+owner+` GROUP BY owner_id, kind
			UNION ALL
			SELECT owner_id, 'task', count(*) FROM activities
			WHERE kind = 'task' AND done = 1 AND archived_at IS NULL AND done_at >= ? AND done_at < ?`+owner+` GROUP BY owner_id`, args)
	}
	from, to := f.Period.From.UTC(), f.Period.To.UTC()
	h1, h2 := from.Truncate(time.Hour), to.Truncate(time.Hour)
	if h1.Before(from) {
		h1 = h1.Add(time.Hour)
	}
	if !h1.Before(h2) {
		if err := raw(from, to); err != nil {
			return nil, err
		}
	} else {
		if err := add(`SELECT owner_id, kind, sum(n) FROM activity_totals WHERE hour >= ? AND hour < ?`+owner+`
			GROUP BY owner_id, kind HAVING sum(n) > 0`,
			append([]any{h1.Format(hourFormat), h2.Format(hourFormat)}, ownerArgs...)); err != nil {
			return nil, err
		}
		if h1.After(from) {
			if err := raw(from, h1); err != nil {
				return nil, err
			}
		}
		if to.After(h2) {
			if err := raw(h2, to); err != nil {
				return nil, err
			}
		}
	}
	out := make([]model.ActivityCount, 0, len(counts))
	for k, n := range counts {
		if n > 0 {
			out = append(out, model.ActivityCount{OwnerID: k.owner, Kind: k.kind, Count: n})
		}
	}
	model.SortActivityCounts(out)
	return out, nil
}

// hourFormat is an activity_totals hour.
const hourFormat = "2006-01-02T15"

// Pipeline reads the per-stage sums the deal_totals triggers keep.
func (r *Reports) Pipeline(ctx context.Context, f ReportFilter, p model.Pipeline) (model.PipelineFigures, error) {
	totals, err := r.s.Deals.Totals(ctx, ListQuery{Pipeline: p.Key, OwnerID: f.OwnerID})
	if err != nil {
		return model.PipelineFigures{}, err
	}
	return model.PipelineFromTotals(p, totals, r.rates()), nil
}
