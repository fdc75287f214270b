package model

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestRatesConvert(t *testing.T) {
	r, err := NewRates("USD", map[string]string{"EUR": "1.08", "JPY": "0.0067", "KWD": "3.25", "TRY": "0.029"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		v     int64
		code  string
		scale int64
		want  int64
	}{
		{120050, "EUR", 1, 129654},       // €1,200.50 × 1.08 = $1,296.54
		{1, "EUR", 1, 1},                 // €0.01 × 1.08 = $0.0108 → $0.01
		{5, "EUR", 1, 5},                 // 0.054 → 0.05
		{-120050, "EUR", 1, -129654},     // negative amounts round away from zero too
		{150000, "JPY", 1, 100500},       // ¥150,000 × 0.0067 = $1,005.00 (0 → 2 decimals)
		{1234, "KWD", 1, 401},            // 1.234 KWD × 3.25 = $4.0105 → $4.01 (3 → 2 decimals)
		{4800000, "TRY", 1, 139200},      // ₺48,000 × 0.029 = $1,392
		{120050 * 50, "EUR", 100, 64827}, // weighted 50 %: 648.27
		{999, "USD", 1, 999},
	}
	for _, tc := range cases {
		got, err := r.Convert(tc.v, tc.code, tc.scale)
		if err != nil || got != tc.want {
			t.Errorf("Convert(%d %s /%d) = %d %v, want %d", tc.v, tc.code, tc.scale, got, err, tc.want)
		}
	}
	if _, err := r.Convert(100, "GBP", 1); err == nil || !strings.Contains(err.Error(), "currency.rates.gbp") {
		t.Errorf("missing rate: %v", err)
	}
	if _, err := NewRates("USD", map[string]string{"EUR": "abc"}); err == nil {
		t.Error("a rate that is not a number was accepted")
	}
	if _, err := NewRates("USD", map[string]string{"EUR": "0"}); err == nil {
		t.Error("a zero rate was accepted")
	}
}

func TestStageTotalInBase(t *testing.T) {
	r, _ := NewRates("USD", map[string]string{"EUR": "1.10"})
	st := Stage{Key: "proposal", Probability: 50}
	tot := StageTotal{Stage: "proposal", Deals: 3, Amounts: []CurrencyTotal{
		{Currency: "USD", Deals: 1, Amount: 100000, Plain: 100000},         // $1,000 at the stage's 50 %
		{Currency: "EUR", Deals: 1, Amount: 200000, Weighted: 200000 * 80}, // €2,000 with an 80 % override
		{Currency: "GBP", Deals: 1, Amount: 50000, Plain: 50000},           // no rate
	}}
	total, weighted, converted, missing := tot.InBase(r, st)
	// $1,000 + €2,000 × 1.10 = $3,200; $500 + €1,600 × 1.10 = $2,260
	if total != 320000 || weighted != 226000 || !converted || strings.Join(missing, ",") != "GBP" {
		t.Fatalf("InBase = %d %d %v %v", total, weighted, converted, missing)
	}
}

func TestQuoteLineRounding(t *testing.T) {
	cases := []struct {
		l    QuoteLine
		want LineAmounts
	}{
		// 3 × 999.99 = 2999.97; 12.5 % = 374.99625 → 375.00; net 2624.97; 19 % = 498.7443 → 498.74
		{QuoteLine{Quantity: 3000, UnitPrice: 99999, DiscountBP: 1250, TaxBP: 1900}, LineAmounts{299997, 37500, 262497, 49874, 312371}},
		// 1.5 × 333.33 = 499.995 → 500.00 (half away from zero)
		{QuoteLine{Quantity: 1500, UnitPrice: 33333, TaxBP: 1900}, LineAmounts{50000, 0, 50000, 9500, 59500}},
		// 0.333 × 0.10 = 0.0333 → 0.03
		{QuoteLine{Quantity: 333, UnitPrice: 10}, LineAmounts{3, 0, 3, 0, 3}},
		// 100 % discount
		{QuoteLine{Quantity: 1000, UnitPrice: 5000, DiscountBP: 10000, TaxBP: 2000}, LineAmounts{5000, 5000, 0, 0, 0}},
		// a large line does not overflow: 1,000,000 × 1,000,000.00
		{QuoteLine{Quantity: 1_000_000_000, UnitPrice: 100_000_000}, LineAmounts{100_000_000_000_000, 0, 100_000_000_000_000, 0, 100_000_000_000_000}},
	}
	for _, tc := range cases {
		if got := tc.l.Amounts(); got != tc.want {
			t.Errorf("%+v: %+v, want %+v", tc.l, got, tc.want)
		}
	}
}

// Property: for random lines the amounts keep their identities and the
// quote's totals are exactly the sums of its lines.
func TestQuoteTotalsProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for i := 0; i < 2000; i++ {
		q := Quote{Currency: "EUR"}
		var sumNet, sumTax, sumTotal, sumDisc int64
		for j := 0; j < 1+rng.IntN(6); j++ {
			l := QuoteLine{Description: "x", Quantity: 1 + rng.Int64N(100_000), UnitPrice: rng.Int64N(10_000_000),
				DiscountBP: rng.Int64N(10001), TaxBP: []int64{0, 700, 1000, 1900, 2000, 2500}[rng.IntN(6)]}
			a := l.Amounts()
			if a.Net != a.Gross-a.Discount || a.Total != a.Net+a.Tax || a.Discount > a.Gross || a.Net < 0 || a.Tax < 0 {
				t.Fatalf("identities broken for %+v: %+v", l, a)
			}
			exact := float64(l.Quantity) * float64(l.UnitPrice) / 1000
			if d := float64(a.Gross) - exact; d > 0.5 || d < -0.5 {
				t.Fatalf("gross %d off the exact %f", a.Gross, exact)
			}
			sumNet, sumTax, sumTotal, sumDisc = sumNet+a.Net, sumTax+a.Tax, sumTotal+a.Total, sumDisc+a.Discount
			q.Lines = append(q.Lines, l)
		}
		tot := q.Totals()
		if tot.Net != sumNet || tot.Tax != sumTax || tot.Total != sumTotal || tot.Discount != sumDisc {
			t.Fatalf("totals %+v, sums %d %d %d", tot, sumNet, sumTax, sumTotal)
		}
		var taxByRate int64
		for _, tl := range tot.Taxes {
			taxByRate += tl.Tax
		}
		if taxByRate != tot.Tax {
			t.Fatalf("tax per rate %d, total tax %d", taxByRate, tot.Tax)
		}
	}
}

func TestQuoteValidation(t *testing.T) {
	q := Quote{Currency: "EUR", Status: "maybe", ValidUntil: "2027-02-30", Lines: []QuoteLine{
		{Description: "a", Quantity: -1000},
		{Quantity: 1000},
		{Description: "b", Quantity: 1000, DiscountBP: 12000},
	}}
	err := q.Normalize()
	var ves ValidationErrors
	if !errors.As(err, &ves) {
		t.Fatal(err)
	}
	for _, f := range []string{"status", "valid_until", "lines[1].quantity", "lines[2]", "lines[3].discount"} {
		if ves.Field(f) == nil {
			t.Errorf("no error for %s in %v", f, err)
		}
	}
}

func TestPipelineCheck(t *testing.T) {
	ok := DefaultPipelines()[0]
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	noLost := Pipeline{Key: "p", Stages: []Stage{{Key: "a", Kind: StageOpen}, {Key: "w", Kind: StageWon}}}
	if err := noLost.Check(); err == nil || !strings.Contains(err.Error(), `pipeline "p"`) || !strings.Contains(err.Error(), "lost") {
		t.Errorf("no lost stage: %v", err)
	}
	dup := Pipeline{Key: "p", Stages: []Stage{{Key: "a", Kind: StageOpen}, {Key: "a", Kind: StageWon}, {Key: "l", Kind: StageLost}}}
	if err := dup.Check(); err == nil || !strings.Contains(err.Error(), "two stages") {
		t.Errorf("duplicate keys: %v", err)
	}
	if st, ok := ok.Find("NEEDS ANALYSIS"); !ok || st.Key != "needs-analysis" {
		t.Error("stage by name, any case")
	}
	if n, ok := ok.Neighbour("qualification", -1); ok {
		t.Errorf("before the first stage: %v", n)
	}
	if n, ok := ok.Neighbour("negotiation", 1); ok {
		t.Errorf("after the last open stage: %v", n)
	}
}

func TestParseDate(t *testing.T) {
	fri := time.Date(2027, 1, 29, 10, 0, 0, 0, time.UTC) // a Friday
	cases := map[string]string{
		"2027-01-31": "2027-01-31", "31.01.2027": "2027-01-31", "today": "2027-01-29", "tomorrow": "2027-01-30",
		"+3d": "2027-02-01", "+2w": "2027-02-12", "+1m": "2027-03-01", "next fri": "2027-02-05", "fri": "2027-02-05",
		"Mon": "2027-02-01", "in 3 days": "2027-02-01",
	}
	for in, want := range cases {
		if got, err := ParseDate("close_date", in, fri); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %q %v, want %s", in, got, err, want)
		}
	}
	for _, bad := range []string{"31/02", "2027-02-30", "soon", "+0d", "next blursday", ""} {
		_, err := ParseDate("close_date", bad, fri)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "close_date" || !strings.Contains(ve.Message, bad) {
			t.Errorf("ParseDate(%q) = %v", bad, err)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2027-01-31", "31.01.2027", "today", "+3d", "next fri", "31/02", "+99999999999d", "in 2 w"} {
		f.Add(s)
	}
	now := time.Date(2027, 1, 29, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate("date", s, now)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "date" {
				t.Fatalf("error without the field: %v", err)
			}
			return
		}
		if _, err := time.Parse(DateLayout, got); err != nil {
			t.Fatalf("ParseDate(%q) = %q, not a date", s, got)
		}
	})
}

func TestParseWhen(t *testing.T) {
	ist := time.FixedZone("TRT", 3*3600)
	now := time.Date(2027, 1, 29, 22, 30, 0, 0, ist) // a Friday evening in Istanbul (19:30 UTC)
	cases := []struct {
		in     string
		want   time.Time
		allDay bool
	}{
		{"2027-01-31", time.Date(2027, 1, 31, 23, 59, 59, 0, ist), true},
		{"2027-01-31 14:30", time.Date(2027, 1, 31, 14, 30, 0, 0, ist), false},
		{"31.01.2027", time.Date(2027, 1, 31, 23, 59, 59, 0, ist), true},
		{"31.01.2027 9:05", time.Date(2027, 1, 31, 9, 5, 0, 0, ist), false},
		{"today", time.Date(2027, 1, 29, 23, 59, 59, 0, ist), true},
		{"tomorrow", time.Date(2027, 1, 30, 23, 59, 59, 0, ist), true},
		{"tomorrow 9am", time.Date(2027, 1, 30, 9, 0, 0, 0, ist), false},
		{"+3d", time.Date(2027, 2, 1, 23, 59, 59, 0, ist), true},
		{"+2w", time.Date(2027, 2, 12, 23, 59, 59, 0, ist), true},
		{"next fri", time.Date(2027, 2, 5, 23, 59, 59, 0, ist), true}, // on a Friday: a week later
		{"next fri 14:00", time.Date(2027, 2, 5, 14, 0, 0, 0, ist), false},
		{"in 2 hours", time.Date(2027, 1, 30, 0, 30, 0, 0, ist), false}, // crosses midnight
		{"+45min", time.Date(2027, 1, 29, 23, 15, 0, 0, ist), false},
		{"14:30", time.Date(2027, 1, 29, 14, 30, 0, 0, ist), false},
		{"now", now, false},
	}
	for _, tc := range cases {
		got, allDay, err := ParseWhen("due", tc.in, now, ist)
		if err != nil || !got.Equal(tc.want) || allDay != tc.allDay || got.Location() != time.UTC {
			t.Errorf("ParseWhen(%q) = %v %v %v, want %v %v (in UTC)", tc.in, got, allDay, err, tc.want.UTC(), tc.allDay)
		}
	}
	for bad, says := range map[string]string{
		"31/02":            "understood day 31 of February, which has 28 days",
		"2027-02-30":       "which has 28 days",
		"31.13.2027":       "no month 13",
		"tomorrow 25:00":   "not a date or time",
		"next blursday":    "not a date or time",
		"":                 "not a date or time",
		"in 3 fortnights":  "not a date or time",
		"2027-01-31 14:61": "not a date or time",
	} {
		_, _, err := ParseWhen("due", bad, now, ist)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "due" || !strings.Contains(ve.Message, says) {
			t.Errorf("ParseWhen(%q) = %v, want it to say %q", bad, err, says)
		}
	}
}

func FuzzParseWhen(f *testing.F) {
	for _, s := range []string{"2027-01-31 14:30", "tomorrow 9am", "in 2 hours", "next fri 14:00", "31/02", "+45min", "12:60"} {
		f.Add(s)
	}
	now := time.Date(2027, 1, 29, 22, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, _, err := ParseWhen("when", s, now, time.FixedZone("X", -5*3600))
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "when" {
				t.Fatalf("error without the field: %v", err)
			}
			return
		}
		if got.Location() != time.UTC || got.IsZero() {
			t.Fatalf("ParseWhen(%q) = %v", s, got)
		}
	})
}
