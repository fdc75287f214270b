package store

import (
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
		loc := time.FixedZone("TRT", 3*3600)
		stages := []string{"qualification", "needs-analysis", "proposal", "negotiation", "won", "lost"}
		var ids []int64
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
			if rng.IntN(4) == 0 {
				_, err := s.Activities.Create(ctx, model.Activity{Kind: model.ActivityKinds[rng.IntN(5)], Subject: "x",
					At: clock.Add(-time.Duration(rng.IntN(200)) * time.Hour), Done: rng.IntN(2) == 0, DealID: &id})
				if err != nil {
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
