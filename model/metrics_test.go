package model

import (
	"reflect"
	"testing"
	"time"
)

var utc = time.UTC

func at(s string) *time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		panic(err)
	}
	return &t
}

func q4() Period {
	p, _ := NamedPeriod("this-quarter", time.Date(2026, 12, 4, 12, 0, 0, 0, utc), utc)
	return p
}

func TestNamedPeriods(t *testing.T) {
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, utc)
	cases := map[string][2]string{
		"this-month":     {"2026-12-01", "2027-01-01"},
		"this-quarter":   {"2026-10-01", "2027-01-01"},
		"last-quarter":   {"2026-07-01", "2026-10-01"},
		"ytd":            {"2026-01-01", "2026-12-05"},
		"last-12-months": {"2025-12-05", "2026-12-05"},
	}
	for name, want := range cases {
		p, err := NamedPeriod(name, now, utc)
		if err != nil || p.From.Format(DateLayout) != want[0] || p.To.Format(DateLayout) != want[1] {
			t.Errorf("%s = %v – %v, %v", name, p.From, p.To, err)
		}
	}
	if p := q4().Shift(-1); p.From.Format(DateLayout) != "2026-07-01" || p.Label() != "Q3 2026 (Jul–Sep)" {
		t.Errorf("previous quarter %v %s", p.From, p.Label())
	}
	if p := q4().Shift(1); p.From.Format(DateLayout) != "2027-01-01" {
		t.Errorf("next quarter %v", p.From)
	}
	if _, err := NamedPeriod("next-decade", now, utc); err == nil {
		t.Error("unknown period accepted")
	}
	if _, err := CustomPeriod(*at("2026-12-10 00:00"), *at("2026-12-01 00:00"), utc); err == nil {
		t.Error("until before since accepted")
	}
	if got := q4().Months(); !reflect.DeepEqual(got, []string{"2026-10", "2026-11", "2026-12"}) {
		t.Errorf("months %v", got)
	}
}

func TestWinRate(t *testing.T) {
	cases := []struct {
		name  string
		deals []DealFact
		want  WinRate
	}{
		{"no closed deal: no rate, not 0", []DealFact{{Status: StatusOpen}}, WinRate{}},
		{"only lost", []DealFact{{Status: StatusLost, ClosedAt: at("2026-10-02 10:00")}, {Status: StatusLost, ClosedAt: at("2026-11-02 10:00")}},
			WinRate{Won: 0, Lost: 2, Rate: "0.0000"}},
		{"two of three", []DealFact{
			{Status: StatusWon, ClosedAt: at("2026-10-01 00:00")},
			{Status: StatusWon, ClosedAt: at("2026-12-31 23:59")},
			{Status: StatusLost, ClosedAt: at("2026-11-15 09:00")},
			{Status: StatusWon, ClosedAt: at("2026-09-30 23:59")},  // before the period
			{Status: StatusLost, ClosedAt: at("2027-01-01 00:00")}, // after it
		}, WinRate{Won: 2, Lost: 1, Rate: "0.6667"}},
		// a deal lost in October, reopened and won in December counts once,
		// as won, at its last close (the store keeps only the last close)
		{"lost, reopened, won", []DealFact{{Status: StatusWon, ClosedAt: at("2026-12-10 12:00")}}, WinRate{Won: 1, Rate: "1.0000"}},
	}
	for _, tc := range cases {
		if got := ComputeWinRate(tc.deals, q4()); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
	if RateOf(1, 8) != "0.1250" || RateOf(1, 3) != "0.3333" || RateOf(1, 20000) != "0.0001" {
		t.Error("rounding of rates")
	}
}

func TestCycle(t *testing.T) {
	ist := time.FixedZone("TRT", 3*3600)
	deals := []DealFact{
		// 10 days; in Istanbul the created date is Oct 1 (23:30 UTC Sep 30 = 02:30 Oct 1)
		{Status: StatusWon, CreatedAt: *at("2026-09-30 23:30"), ClosedAt: at("2026-10-11 08:00")},
		{Status: StatusWon, CreatedAt: *at("2026-10-01 08:00"), ClosedAt: at("2026-10-05 08:00")},  // 4
		{Status: StatusWon, CreatedAt: *at("2026-06-01 08:00"), ClosedAt: at("2026-12-01 08:00")},  // 183
		{Status: StatusLost, CreatedAt: *at("2026-06-01 08:00"), ClosedAt: at("2026-12-01 08:00")}, // lost: not counted
		{Status: StatusWon, CreatedAt: *at("2026-06-01 08:00"), ClosedAt: at("2026-09-01 08:00")},  // before the period
		{Status: StatusWon, CreatedAt: *at("2026-11-01 08:00"), ClosedAt: at("2026-11-08 08:00")},  // 7
	}
	got := ComputeCycle(deals, q4(), ist)
	// days 4, 7, 10, 183: mean 204/4 = 51.0, median (7+10)/2 = 8.5
	if got.Won != 4 || got.Mean != "51.0" || got.Median != "8.5" || !reflect.DeepEqual(got.Days, []int{4, 7, 10, 183}) {
		t.Errorf("cycle %+v", got)
	}
	if got := ComputeCycle(deals[1:2], q4(), utc); got.Mean != "4.0" || got.Median != "4.0" {
		t.Errorf("one deal %+v", got)
	}
	if got := ComputeCycle(nil, q4(), utc); got.Won != 0 || got.Mean != "" || got.Median != "" {
		t.Errorf("no deal %+v", got)
	}
}

func TestForecastMixedCurrencies(t *testing.T) {
	r, _ := NewRates("USD", map[string]string{"EUR": "1.10"})
	deals := []DealFact{
		{Status: StatusOpen, Amount: 1000000, Currency: "USD", Probability: 50, CloseDate: "2026-12-15"}, // $5,000
		{Status: StatusOpen, Amount: 200000, Currency: "EUR", Probability: 25, CloseDate: "2026-12-31"},  // €500 → $550
		{Status: StatusOpen, Amount: 333, Currency: "EUR", Probability: 50, CloseDate: "2026-12-01"},     // €1.665 with the €500: €501.665 → $551.83
		{Status: StatusOpen, Amount: 500000, Currency: "GBP", Probability: 50, CloseDate: "2027-01-10"},  // no rate
		{Status: StatusOpen, Amount: 700000, Currency: "USD", Probability: 75},                           // no close date
		{Status: StatusWon, Amount: 900000, Currency: "USD", Probability: 100, CloseDate: "2026-12-05"},  // not open
		{Status: StatusOpen, Amount: 100000, Currency: "USD", Probability: 10, CloseDate: "2027-01-31"},  // $100
	}
	got := ComputeForecast(deals, []string{"2026-12", "2027-01", "2027-02"}, r)
	want := Forecast{Months: []MonthForecast{
		{Month: "2026-12", Deals: 3, Weighted: 500000 + 55183},
		{Month: "2027-01", Deals: 2, Weighted: 10000},
		{Month: "2027-02", Deals: 0, Weighted: 0},
	}, Converted: true, Missing: []string{"GBP"}, Currencies: []string{"EUR", "GBP", "USD"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("forecast %+v, want %+v", got, want)
	}
	if usd := ComputeForecast(deals[:1], []string{"2026-12"}, r); usd.Converted || usd.Months[0].Weighted != 500000 {
		t.Errorf("dollars only %+v", usd)
	}
}

func TestPipelineFigures(t *testing.T) {
	r, _ := NewRates("USD", map[string]string{"EUR": "1.10"})
	p := DefaultPipelines()[0] // qualification 10, needs-analysis 25, proposal 50, negotiation 75
	deals := []DealFact{
		{Pipeline: p.Key, Stage: "qualification", Status: StatusOpen, Amount: 1000000, Currency: "USD", Probability: 10}, // $10,000 → $1,000
		{Pipeline: p.Key, Stage: "proposal", Status: StatusOpen, Amount: 400000, Currency: "USD", Probability: 50},       // $4,000 → $2,000
		{Pipeline: p.Key, Stage: "proposal", Status: StatusOpen, Amount: 200000, Currency: "USD", Probability: 90},       // override: $2,000 → $1,800
		{Pipeline: p.Key, Stage: "proposal", Status: StatusOpen, Amount: 100000, Currency: "EUR", Probability: 50},       // €1,000 → $1,100 → $550
		{Pipeline: p.Key, Stage: "negotiation", Status: StatusOpen, Amount: 300000, Currency: "GBP", Probability: 75},    // no rate: left out
		{Pipeline: p.Key, Stage: "won", Status: StatusWon, Amount: 900000, Currency: "USD", Probability: 100},            // closed
		{Pipeline: "renewals", Stage: "proposal", Status: StatusOpen, Amount: 5000, Currency: "USD", Probability: 50},    // other pipeline
	}
	got := ComputePipeline(deals, p, r)
	want := []StageFigures{
		{Stage: p.Stages[0], Deals: 1, Total: 1000000, Weighted: 100000},
		{Stage: p.Stages[1]},
		{Stage: p.Stages[2], Deals: 3, Total: 400000 + 200000 + 110000, Weighted: 200000 + 180000 + 55000},
		{Stage: p.Stages[3], Deals: 1},
	}
	if !reflect.DeepEqual(got.Stages, want) {
		t.Errorf("stages %+v\nwant %+v", got.Stages, want)
	}
	if got.Deals != 5 || got.Total != 1710000 || got.Weighted != 535000 || !got.Converted ||
		!reflect.DeepEqual(got.Missing, []string{"GBP"}) || !reflect.DeepEqual(got.Currencies, []string{"EUR", "GBP", "USD"}) {
		t.Errorf("pipeline %+v", got)
	}
	if e := ComputePipeline(nil, p, r); e.Deals != 0 || e.Total != 0 || len(e.Stages) != 4 || e.Converted {
		t.Errorf("empty pipeline %+v", e)
	}
}

func TestTeamActivity(t *testing.T) {
	acts := []ActivityFact{
		{OwnerID: 2, Kind: KindCall, At: *at("2026-11-01 10:00")},
		{OwnerID: 2, Kind: KindCall, At: *at("2026-11-02 10:00")},
		{OwnerID: 1, Kind: KindEmail, At: *at("2026-10-05 10:00")},
		{OwnerID: 1, Kind: KindTask, At: *at("2026-09-01 10:00"), Done: true, DoneAt: at("2026-10-02 10:00")}, // done in the period
		{OwnerID: 1, Kind: KindTask, At: *at("2026-10-20 10:00")},                                             // open: not counted
		{OwnerID: 1, Kind: KindTask, At: *at("2026-10-20 10:00"), Done: true, DoneAt: at("2026-09-30 10:00")}, // done before
		{OwnerID: 1, Kind: KindNote, At: *at("2026-09-30 23:59")},                                             // before
	}
	got := ComputeTeamActivity(acts, q4())
	want := []ActivityCount{{1, KindEmail, 1}, {1, KindTask, 1}, {2, KindCall, 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("activity %+v", got)
	}
	if got := ComputeTeamActivity(nil, q4()); len(got) != 0 {
		t.Errorf("empty %+v", got)
	}
}
