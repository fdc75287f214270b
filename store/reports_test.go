package store

import (
	"errors"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"rolo/model"
)

// Property: on random deals (moved, lost, reopened, won, in several
// currencies, some without a close date) and activities, the store's SQL
// aggregates say exactly what model's Compute functions say over the same
// records.
func TestReportsAgreeWithTheDefinitions(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		s := openTestStore(t)
		s.rules = gatedRules()
		s.rules.Pipelines[0].Stages[2].Requires = nil
		rates, _ := model.NewRates("USD", map[string]string{"EUR": "1.08", "TRY": "0.031"})
		s.rates = rates
		rng := rand.New(rand.NewPCG(seed, seed*7))
		clock := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		s.now = func() time.Time { return clock }
		other, _ := s.Users.Ensure(ctx, "Other Rep", "")
		// seed 2 reads the reports in a zone off the hour: the periods
		// then start and end inside activity_totals' hours
		loc := time.FixedZone("TRT", 3*3600)
		if seed == 2 {
			loc = time.FixedZone("NPT", 5*3600+45*60)
		}
		stages := []string{"qualification", "needs-analysis", "proposal", "negotiation", "won", "lost"}
		var ids, actIDs []int64
		for i := 0; i < 120; i++ {
			clock = clock.Add(time.Duration(rng.IntN(72)) * time.Hour)
			d := model.Deal{Title: "D", Amount: rng.Int64N(5_000_000), Currency: []string{"USD", "EUR", "TRY", "GBP"}[rng.IntN(4)],
				Pipeline: []string{"new-business", "renewals"}[rng.IntN(5)/4]}
			if rng.IntN(4) > 0 {
				d.CloseDate = clock.AddDate(0, rng.IntN(8), rng.IntN(28)).Format(model.DateLayout)
			}
			if rng.IntN(5) == 0 {
				p := 5 * rng.IntN(21)
				d.Probability = &p
			}
			if rng.IntN(3) == 0 {
				d.OwnerID = other.ID
			}
			d, err := s.Deals.Create(ctx, d, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, d.ID)
		}
		for i := 0; i < 300; i++ {
			clock = clock.Add(time.Duration(rng.IntN(30)) * time.Hour)
			id := ids[rng.IntN(len(ids))]
			d, _ := s.Deals.Get(ctx, id)
			p, _ := s.rules.PipelineSet().Find(d.Pipeline)
			st := p.Stages[rng.IntN(len(p.Stages))]
			_, _ = s.Deals.Move(ctx, id, 0, st.Key, "price")
			if rng.IntN(5) == 0 {
				// edits that move a deal between forecast months, owners
				// and weights
				d, _ := s.Deals.Get(ctx, id)
				switch rng.IntN(4) {
				case 0:
					d.CloseDate = clock.AddDate(0, rng.IntN(8)-2, rng.IntN(28)).Format(model.DateLayout)
				case 1:
					d.Amount = rng.Int64N(5_000_000)
				case 2:
					p := 5 * rng.IntN(21)
					d.Probability = &p
				default:
					d.OwnerID = other.ID
				}
				if _, err := s.Deals.Update(ctx, d, WriteOptions{}); err != nil {
					t.Fatal(err)
				}
			}
			if rng.IntN(4) == 0 {
				a, err := s.Activities.Create(ctx, model.Activity{Kind: model.ActivityKinds[rng.IntN(5)], Subject: "x",
					At:   clock.Add(-time.Duration(rng.IntN(200))*time.Hour - time.Duration(rng.IntN(60))*time.Minute),
					Done: rng.IntN(2) == 0, DealID: &id})
				if err != nil {
					t.Fatal(err)
				}
				actIDs = append(actIDs, a.ID)
			}
			// later: tasks done and undone, activities moved and archived
			if len(actIDs) > 0 && rng.IntN(6) == 0 {
				a, _ := s.Activities.Get(ctx, actIDs[rng.IntN(len(actIDs))])
				var err error
				switch n := rng.IntN(3); {
				case a.ArchivedAt != nil:
				case n == 0:
					if a.Kind != model.KindTask {
						break
					}
					_, err = s.Activities.SetDone(ctx, a.ID, 0, !a.Done)
				case n == 1:
					a.At = a.At.Add(time.Duration(rng.IntN(100)-50) * time.Hour)
					_, err = s.Activities.Update(ctx, a)
				default:
					_, err = s.Activities.Archive(ctx, a.ID, 0)
				}
				if err != nil && !errors.Is(err, ErrNotFound) {
					t.Fatal(err)
				}
			}
		}
		_ = stages
		// the records, as the definitions read them
		all, _ := s.Deals.List(ctx, ListQuery{})
		var facts []model.DealFact
		for _, d := range all {
			p, _ := s.rules.PipelineSet().Find(d.Pipeline)
			st, _ := p.Find(d.Stage)
			facts = append(facts, model.DealFact{ID: d.ID, Pipeline: d.Pipeline, Stage: d.Stage, Status: d.Status, Amount: d.Amount,
				Currency: d.Currency, Probability: d.Weight(st), CloseDate: d.CloseDate, CreatedAt: d.CreatedAt, ClosedAt: d.ClosedAt,
				OwnerID: d.OwnerID})
		}
		acts, _ := s.Activities.List(ctx, ListQuery{})
		var afacts []model.ActivityFact
		for _, a := range acts {
			afacts = append(afacts, model.ActivityFact{OwnerID: a.OwnerID, Kind: a.Kind, At: a.At, Done: a.Done, DoneAt: a.DoneAt})
		}
		for _, per := range []string{"this-month", "this-quarter", "last-quarter", "ytd", "last-12-months"} {
			period, _ := model.NamedPeriod(per, clock, loc)
			for _, f := range []ReportFilter{{Period: period}, {Period: period, OwnerID: other.ID}, {Period: period, Pipeline: "renewals"}} {
				scoped := []model.DealFact{}
				for _, d := range facts {
					if (f.OwnerID == 0 || d.OwnerID == f.OwnerID) && (f.Pipeline == "" || d.Pipeline == f.Pipeline) {
						scoped = append(scoped, d)
					}
				}
				w, err := s.Reports.WinRate(ctx, f)
				if want := model.ComputeWinRate(scoped, period); err != nil || w != want {
					t.Fatalf("seed %d %s %+v: win rate %+v %v, want %+v", seed, per, f, w, err, want)
				}
				c, err := s.Reports.Cycle(ctx, f, loc)
				if want := model.ComputeCycle(scoped, period, loc); err != nil || !reflect.DeepEqual(c, want) {
					t.Fatalf("seed %d %s: cycle %+v %v, want %+v", seed, per, c, err, want)
				}
				months := period.Shift(1).Months()
				fc, err := s.Reports.Forecast(ctx, f, months)
				if want := model.ComputeForecast(scoped, months, rates); err != nil || !reflect.DeepEqual(fc, want) {
					t.Fatalf("seed %d %s: forecast %+v %v, want %+v", seed, per, fc, err, want)
				}
				for _, p := range s.rules.PipelineSet() {
					if f.Pipeline != "" && f.Pipeline != p.Key {
						continue
					}
					pf, err := s.Reports.Pipeline(ctx, f, p)
					if want := model.ComputePipeline(scoped, p, rates); err != nil || !reflect.DeepEqual(pf, want) {
						t.Fatalf("seed %d %s: pipeline %s %+v %v, want %+v", seed, per, p.Key, pf, err, want)
					}
				}
				if f.Pipeline == "" {
					var ownActs []model.ActivityFact
					for _, a := range afacts {
						if f.OwnerID == 0 || a.OwnerID == f.OwnerID {
							ownActs = append(ownActs, a)
						}
					}
					ta, err := s.Reports.TeamActivity(ctx, f)
					want := model.ComputeTeamActivity(ownActs, period)
					if err != nil || len(ta)+len(want) > 0 && !reflect.DeepEqual(ta, want) {
						t.Fatalf("seed %d %s: activity %+v %v, want %+v", seed, per, ta, err, want)
					}
				}
			}
		}
	}
}

// A period in a zone 5:45 off UTC starts and ends inside activity_totals'
// hours: the minutes at both ends are counted from the activities, exactly.
func TestTeamActivityAtRaggedPeriodEnds(t *testing.T) {
	s := openTestStore(t)
	loc := time.FixedZone("NPT", 5*3600+45*60)
	period, err := model.CustomPeriod(time.Date(2026, 11, 2, 0, 0, 0, 0, loc), time.Date(2026, 11, 3, 0, 0, 0, 0, loc), loc)
	if err != nil {
		t.Fatal(err)
	}
	from, to := period.From, period.To // 2026-11-01 18:15 UTC, 2026-11-03 18:15 UTC
	var clock time.Time
	s.now = func() time.Time { return clock }
	in := 0
	for _, at := range []time.Time{
		from.Add(-time.Minute), from, from.Add(10 * time.Minute), from.Add(50 * time.Minute), from.Add(3 * time.Hour),
		to.Add(-50 * time.Minute), to.Add(-time.Minute), to, to.Add(30 * time.Minute),
	} {
		clock = at
		if _, err := s.Activities.Create(ctx, model.Activity{Kind: model.KindCall, Subject: "c", At: at}); err != nil {
			t.Fatal(err)
		}
		task, err := s.Activities.Create(ctx, model.Activity{Kind: model.KindTask, Subject: "t", At: at.Add(48 * time.Hour)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Activities.SetDone(ctx, task.ID, 0, true); err != nil {
			t.Fatal(err)
		}
		if period.Contains(at) {
			in++
		}
	}
	got, err := s.Reports.TeamActivity(ctx, ReportFilter{Period: period})
	want := []model.ActivityCount{{OwnerID: s.actor, Kind: model.KindCall, Count: in}, {OwnerID: s.actor, Kind: model.KindTask, Count: in}}
	if err != nil || in != 6 || !reflect.DeepEqual(got, want) {
		t.Fatalf("team activity %+v %v, want %+v (%d in the period)", got, err, want, in)
	}
}
