package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"rolo/config"
	"rolo/model"
	"rolo/store"
)

func TestResolvePeriod(t *testing.T) {
	loc := time.FixedZone("TRT", 3*3600)
	// 01:30 on 15 November in loc is still 14 November in UTC: days are local
	now := time.Date(2026, 11, 14, 22, 30, 0, 0, time.UTC)
	cases := []struct {
		name     string
		in       periodInput
		from, to string // to is the last day, included
		kind     string
	}{
		{"default", periodInput{}, "2026-10-01", "2026-12-31", "quarter"},
		{"this-quarter", periodInput{period: "this-quarter", hasPeriod: true}, "2026-10-01", "2026-12-31", "quarter"},
		{"any case", periodInput{period: " This-Month ", hasPeriod: true}, "2026-11-01", "2026-11-30", "month"},
		{"last-quarter", periodInput{period: "last-quarter", hasPeriod: true}, "2026-07-01", "2026-09-30", "quarter"},
		{"ytd", periodInput{period: "ytd", hasPeriod: true}, "2026-01-01", "2026-11-15", "ytd"},
		{"last-12-months", periodInput{period: "last-12-months", hasPeriod: true}, "2025-11-16", "2026-11-15", "12m"},
		{"since and until", periodInput{since: "2026-10-05", until: "2026-10-20", hasSince: true, hasUntil: true},
			"2026-10-05", "2026-10-20", "custom"},
		{"one day", periodInput{since: "05.10.2026", until: "2026-10-05", hasSince: true, hasUntil: true},
			"2026-10-05", "2026-10-05", "custom"},
		{"since alone runs to today", periodInput{since: "2026-11-01", hasSince: true}, "2026-11-01", "2026-11-15", "custom"},
		{"relative since", periodInput{since: "yesterday", hasSince: true}, "2026-11-14", "2026-11-15", "custom"},
		{"today", periodInput{since: "today", hasSince: true}, "2026-11-15", "2026-11-15", "custom"},
	}
	for _, c := range cases {
		p, err := resolvePeriod(c.in, now, loc)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		got := periodOf(p)
		if got.From != c.from || got.To != c.to || p.Kind != c.kind {
			t.Errorf("%s: %s – %s (%s), want %s – %s (%s)", c.name, got.From, got.To, p.Kind, c.from, c.to, c.kind)
		}
		if p.From.Location() != loc {
			t.Errorf("%s: period in %v, want the local zone", c.name, p.From.Location())
		}
	}
}

func TestResolvePeriodErrors(t *testing.T) {
	now := time.Date(2026, 11, 15, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		in   periodInput
		want []string // all in the message
	}{
		{"no such month", periodInput{since: "2027-13-01", hasSince: true}, []string{"--since", `"2027-13-01"`, "no such day"}},
		{"no such day in until", periodInput{since: "2026-01-01", until: "2026-02-30", hasSince: true, hasUntil: true},
			[]string{"--until", `"2026-02-30"`, "no such day"}},
		{"not a date", periodInput{since: "soon", hasSince: true}, []string{"--since", `"soon"`, "is not a date"}},
		{"empty since", periodInput{since: "", hasSince: true}, []string{"--since", "is not a date"}},
		{"until before since", periodInput{since: "2026-11-01", until: "2026-10-31", hasSince: true, hasUntil: true},
			[]string{"--until", "2026-10-31 is before --since 2026-11-01"}},
		{"until alone", periodInput{until: "2026-10-31", hasUntil: true}, []string{"--until needs --since"}},
		{"period with since", periodInput{period: "ytd", since: "2026-01-01", hasPeriod: true, hasSince: true},
			[]string{"--period and --since/--until do not go together"}},
		{"period with until", periodInput{period: "ytd", until: "2026-01-01", hasPeriod: true, hasUntil: true},
			[]string{"--period and --since/--until"}},
		{"unknown period", periodInput{period: "next-decade", hasPeriod: true},
			[]string{"--period", `"next-decade"`, "this-month, this-quarter, last-quarter, ytd, last-12-months"}},
		{"since in the future without until", periodInput{since: "2026-12-01", hasSince: true},
			[]string{"--since", "2026-12-01 is after today", "--until"}},
	}
	for _, c := range cases {
		_, err := resolvePeriod(c.in, now, time.UTC)
		var ue *usageError
		if err == nil || !errors.As(err, &ue) {
			t.Errorf("%s: %v, want a usage error", c.name, err)
			continue
		}
		if exitCode(err) != ExitUsage {
			t.Errorf("%s: exit %d", c.name, exitCode(err))
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", c.name, err, w)
			}
		}
	}
}

func TestPercentOf(t *testing.T) {
	for rate, want := range map[string]string{"0.6667": "66.7%", "1.0000": "100%", "0.0000": "0%", "0.1250": "12.5%", "0.0005": "0.1%"} {
		if got := percentOf(rate, "en"); got != want {
			t.Errorf("%s: %s, want %s", rate, got, want)
		}
	}
	if got := percentOf("0.1250", "tr"); got != "12,5%" {
		t.Errorf("tr: %s", got)
	}
}

const reportConfig = `user: {name: Test User}
team:
  - {name: Deniz Kaya, email: deniz@example.com}
locale: en
currency: {base: USD, rates: {EUR: "1.10"}}
pipelines:
  - key: sales
    name: New business
    stages:
      - {key: lead, name: Lead, probability: 20, kind: open}
      - {key: offer, name: Offer, probability: 60, kind: open}
      - {key: won, name: Won, probability: 100, kind: won}
      - {key: lost, name: Lost, probability: 0, kind: lost}
  - key: renewals
    name: Renewals
    stages:
      - {key: due, name: Due, probability: 80, kind: open}
      - {key: won, name: Won, probability: 100, kind: won}
      - {key: lost, name: Lost, probability: 0, kind: lost}
`

// day is noon UTC of a date. The fixture runs the reports in UTC (days
// are local days), so the figures do not hang on the machine's TZ.
func day(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		t.Fatal(err)
	}
	return d.Add(12 * time.Hour)
}

// reportFixture writes a config and a database of hand-made deals and
// activities, made through the store with its clock stopped at each
// step, and stops the reports' clock at 2026-11-15 (Q4 2026). It returns
// a function running rolo in-process on them.
//
// Deals (Test User owns what Deniz Kaya does not):
//
//	D1 sales     1000.00 USD  created 09-01, won 10-11          (40 days)
//	D2 sales     2000.00 EUR  created 10-01, won 11-02, Deniz   (32 days)
//	D3 sales      500.00 USD  created 08-01, lost 10-20, Deniz
//	D4 renewals   700.00 USD  created 06-01, won 09-15          (Q3)
//	D5 sales      300.00 USD  created 07-01, lost 08-01, reopened 10-05,
//	                          won 11-10: counts once, as won, in Q4 (132 days)
//	D6 sales offer 60%   1000.00 USD  close 2026-11-20
//	D7 sales lead 20%    3000.00 EUR  close 2026-12-05, override 50%, Deniz
//	D8 renewals due 80%   400.00 GBP  close 2026-12-15 (no GBP rate)
//	D9 sales offer 60%    250.00 USD  no close date
//	D10 renewals due 80%  100.00 USD  close 2027-01-10
//
// Activities: Test User calls on 10-02 and 11-03, emails on 09-30 (Q3),
// meets on 11-14, completes a task on 10-09 and another on 09-20 (Q3) and
// has one open; Deniz emails twice on 10-15 and notes on 12-01.
func reportFixture(t *testing.T) func(args ...string) (string, string, int) {
	t.Helper()
	local := time.Local
	time.Local = time.UTC
	t.Cleanup(func() { time.Local = local })
	dir := t.TempDir()
	cfgPath, dbPath := filepath.Join(dir, "config.yaml"), filepath.Join(dir, "rolo.db")
	if err := os.WriteFile(cfgPath, []byte(reportConfig), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(config.LoadOptions{File: cfgPath, DBPath: dbPath})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var clock time.Time
	st, err := store.Open(ctx, dbPath, store.Options{Rules: cfg.Rules(), Rates: cfg.RateSet(), Now: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	me, err := st.Users.Ensure(ctx, "Test User", "")
	if err != nil {
		t.Fatal(err)
	}
	deniz, err := st.Users.Ensure(ctx, "Deniz Kaya", "deniz@example.com")
	if err != nil {
		t.Fatal(err)
	}
	st.SetActor(me.ID)
	must := func(d model.Deal, err error) model.Deal {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	deal := func(created, pipeline string, amount int64, cur, closeDate string, owner int64, prob *int) model.Deal {
		clock = day(t, created)
		return must(st.Deals.Create(ctx, model.Deal{Title: "Deal " + created, Pipeline: pipeline, Amount: amount, Currency: cur,
			CloseDate: closeDate, OwnerID: owner, Probability: prob}, store.WriteOptions{AllowDuplicate: true}))
	}
	move := func(d model.Deal, on, stage string) {
		clock = day(t, on)
		reason := ""
		if stage == "lost" {
			reason = "price"
		}
		must(st.Deals.Move(ctx, d.ID, 0, stage, reason))
	}
	half := 50
	move(deal("2026-09-01", "sales", 100000, "USD", "", me.ID, nil), "2026-10-11", "won")
	move(deal("2026-10-01", "sales", 200000, "EUR", "", deniz.ID, nil), "2026-11-02", "won")
	move(deal("2026-08-01", "sales", 50000, "USD", "", deniz.ID, nil), "2026-10-20", "lost")
	move(deal("2026-06-01", "renewals", 70000, "USD", "", me.ID, nil), "2026-09-15", "won")
	d5 := deal("2026-07-01", "sales", 30000, "USD", "", me.ID, nil)
	move(d5, "2026-08-01", "lost")
	move(d5, "2026-10-05", "offer")
	move(d5, "2026-11-10", "won")
	move(deal("2026-10-03", "sales", 100000, "USD", "2026-11-20", me.ID, nil), "2026-10-04", "offer")
	deal("2026-10-06", "sales", 300000, "EUR", "2026-12-05", deniz.ID, &half)
	deal("2026-10-07", "renewals", 40000, "GBP", "2026-12-15", me.ID, nil)
	move(deal("2026-10-08", "sales", 25000, "USD", "", me.ID, nil), "2026-10-09", "offer")
	deal("2026-10-10", "renewals", 10000, "USD", "2027-01-10", me.ID, nil)

	clock = day(t, "2026-11-15")
	log := func(kind, at string, owner int64, done string) {
		t.Helper()
		a := model.Activity{Kind: kind, Subject: kind + " " + at, At: day(t, at), OwnerID: owner}
		if done != "" {
			d := day(t, done)
			a.Done, a.DoneAt = true, &d
		}
		if _, err := st.Activities.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	log("call", "2026-10-02", me.ID, "")
	log("call", "2026-11-03", me.ID, "")
	log("email", "2026-09-30", me.ID, "")
	log("meeting", "2026-11-14", me.ID, "")
	log("task", "2026-10-10", me.ID, "2026-10-09")
	log("task", "2026-09-25", me.ID, "2026-09-20")
	log("task", "2026-11-01", me.ID, "")
	log("email", "2026-10-15", deniz.ID, "")
	log("email", "2026-10-15", deniz.ID, "")
	log("note", "2026-12-01", deniz.ID, "")

	stopped := reportNow
	reportNow = func() time.Time { return day(t, "2026-11-15") }
	t.Cleanup(func() { reportNow = stopped })
	return func(args ...string) (string, string, int) {
		t.Helper()
		var out, errb bytes.Buffer
		all := append([]string{"--config", cfgPath, "--db", dbPath}, args...)
		code := Run(ctx, all, Options{Stdout: &out, Stderr: &errb})
		return out.String(), errb.String(), code
	}
}

const q4 = `"period":{"from":"2026-10-01","to":"2026-12-31","label":"Q4 2026 (Oct–Dec)"}`

// Each report's JSON on the fixture, exactly; the figures are worked out
// by hand from the deals and activities above.
func TestReportJSON(t *testing.T) {
	rolo := reportFixture(t)
	zeroDue := `{"stage":"due","name":"Due","probability":80,"deals":0,"total":"0.00","weighted":"0.00","currency":"USD"}`
	cases := []struct {
		args []string
		want string
	}{
		// Q4: won D1, D2, D5; lost D3. D4 closed in Q3; D5's loss in
		// August is not its last close.
		{[]string{"winrate"}, `{` + q4 + `,"owner":null,"pipeline":null,"won":3,"lost":1,"win_rate":"0.7500"}`},
		{[]string{"winrate", "--owner", "me"}, `{` + q4 + `,"owner":"Test User","pipeline":null,"won":2,"lost":0,"win_rate":"1.0000"}`},
		{[]string{"winrate", "--owner", "DENIZ@example.com", "--pipeline", "new business"},
			`{` + q4 + `,"owner":"Deniz Kaya","pipeline":"sales","won":1,"lost":1,"win_rate":"0.5000"}`},
		// persistent flags go before the report's name too
		{[]string{"--period", "last-quarter", "winrate"},
			`{"period":{"from":"2026-07-01","to":"2026-09-30","label":"Q3 2026 (Jul–Sep)"},"owner":null,"pipeline":null,` +
				`"won":1,"lost":0,"win_rate":"1.0000"}`},
		// nothing closed: counts 0, win_rate null
		{[]string{"winrate", "--since", "2026-01-01", "--until", "2026-03-31"},
			`{"period":{"from":"2026-01-01","to":"2026-03-31","label":"2026-01-01 – 2026-03-31"},"owner":null,"pipeline":null,` +
				`"won":0,"lost":0,"win_rate":null}`},
		{[]string{"winrate", "--pipeline", "renewals"}, `{` + q4 + `,"owner":null,"pipeline":"renewals","won":0,"lost":0,"win_rate":null}`},
		// --since alone runs to today (2026-11-15): D2 and D5 won, D3 not
		{[]string{"winrate", "--since", "2026-10-21"},
			`{"period":{"from":"2026-10-21","to":"2026-11-15","label":"2026-10-21 – 2026-11-15"},"owner":null,"pipeline":null,` +
				`"won":2,"lost":0,"win_rate":"1.0000"}`},

		// days 32, 40, 132: mean 204 / 3 = 68.0, median 40.0
		{[]string{"cycle"}, `{` + q4 + `,"owner":null,"pipeline":null,"won":3,"mean_days":"68.0","median_days":"40.0"}`},
		// 40 and 132: mean and median 86.0
		{[]string{"cycle", "--owner", "Test User"}, `{` + q4 + `,"owner":"Test User","pipeline":null,"won":2,"mean_days":"86.0","median_days":"86.0"}`},
		{[]string{"cycle", "--period", "this-month"},
			`{"period":{"from":"2026-11-01","to":"2026-11-30","label":"November 2026"},"owner":null,"pipeline":null,` +
				`"won":2,"mean_days":"82.0","median_days":"82.0"}`},
		{[]string{"cycle", "--pipeline", "renewals"}, `{` + q4 + `,"owner":null,"pipeline":"renewals","won":0,"mean_days":null,"median_days":null}`},

		// Nov: D6 1000.00 × 60% = 600.00. Dec: D7 3000.00 EUR × 50% =
		// 1500.00 EUR × 1.10 = 1650.00; D8 is counted, its GBP left out.
		{[]string{"forecast"}, `{` + q4 + `,"owner":null,"pipeline":null,"months":[` +
			`{"month":"2026-10","deals":0,"weighted":"0.00","currency":"USD"},` +
			`{"month":"2026-11","deals":1,"weighted":"600.00","currency":"USD"},` +
			`{"month":"2026-12","deals":2,"weighted":"1650.00","currency":"USD"}],` +
			`"deals":3,"weighted":"2250.00","currency":"USD","rates":["1 EUR = 1.10 USD"],"missing":["GBP"]}`},
		// mine: D6 and D8; no EUR, so no rate named
		{[]string{"forecast", "--owner", "me"}, `{` + q4 + `,"owner":"Test User","pipeline":null,"months":[` +
			`{"month":"2026-10","deals":0,"weighted":"0.00","currency":"USD"},` +
			`{"month":"2026-11","deals":1,"weighted":"600.00","currency":"USD"},` +
			`{"month":"2026-12","deals":1,"weighted":"0.00","currency":"USD"}],` +
			`"deals":2,"weighted":"600.00","currency":"USD","rates":[],"missing":["GBP"]}`},
		// D10: 100.00 × 80%
		{[]string{"forecast", "--since", "2027-01-01", "--until", "2027-01-31", "--pipeline", "renewals"},
			`{"period":{"from":"2027-01-01","to":"2027-01-31","label":"2027-01-01 – 2027-01-31"},"owner":null,"pipeline":"renewals",` +
				`"months":[{"month":"2027-01","deals":1,"weighted":"80.00","currency":"USD"}],` +
				`"deals":1,"weighted":"80.00","currency":"USD","rates":[],"missing":[]}`},

		// lead: D7 3000.00 EUR = 3300.00, weighted at its 50% 1650.00;
		// offer: D6 + D9 = 1250.00, at 60% 750.00; due: D10 100.00 at
		// 80% 80.00, D8 counted but its GBP left out.
		{[]string{"pipeline"}, `{"as_of":"2026-11-15","owner":null,"pipeline":null,"pipelines":[` +
			`{"pipeline":"sales","name":"New business","stages":[` +
			`{"stage":"lead","name":"Lead","probability":20,"deals":1,"total":"3300.00","weighted":"1650.00","currency":"USD"},` +
			`{"stage":"offer","name":"Offer","probability":60,"deals":2,"total":"1250.00","weighted":"750.00","currency":"USD"}],` +
			`"deals":3,"total":"4550.00","weighted":"2400.00","currency":"USD"},` +
			`{"pipeline":"renewals","name":"Renewals","stages":[` +
			`{"stage":"due","name":"Due","probability":80,"deals":2,"total":"100.00","weighted":"80.00","currency":"USD"}],` +
			`"deals":2,"total":"100.00","weighted":"80.00","currency":"USD"}],` +
			`"deals":5,"total":"4650.00","weighted":"2480.00","currency":"USD","rates":["1 EUR = 1.10 USD"],"missing":["GBP"]}`},
		{[]string{"pipeline", "--pipeline", "RENEWALS", "--owner", "deniz kaya"},
			`{"as_of":"2026-11-15","owner":"Deniz Kaya","pipeline":"renewals","pipelines":[` +
				`{"pipeline":"renewals","name":"Renewals","stages":[` + zeroDue + `],"deals":0,"total":"0.00","weighted":"0.00","currency":"USD"}],` +
				`"deals":0,"total":"0.00","weighted":"0.00","currency":"USD","rates":[],"missing":[]}`},

		// Q4: Test User 2 calls, 1 meeting, 1 task done (the 09-30 email
		// and the 09-20 task are Q3, the open task does not count); Deniz
		// 2 emails and a note.
		{[]string{"activity"}, `{` + q4 + `,"owner":null,"rows":[` +
			`{"owner":"Deniz Kaya","owner_id":2,"kind":"email","count":2},` +
			`{"owner":"Deniz Kaya","owner_id":2,"kind":"note","count":1},` +
			`{"owner":"Test User","owner_id":1,"kind":"call","count":2},` +
			`{"owner":"Test User","owner_id":1,"kind":"meeting","count":1},` +
			`{"owner":"Test User","owner_id":1,"kind":"task","count":1}],` +
			`"totals":{"call":2,"email":2,"meeting":1,"note":1,"task":1},"total":7}`},
		{[]string{"activity", "--owner", "me", "--period", "last-quarter"},
			`{"period":{"from":"2026-07-01","to":"2026-09-30","label":"Q3 2026 (Jul–Sep)"},"owner":"Test User","rows":[` +
				`{"owner":"Test User","owner_id":1,"kind":"email","count":1},` +
				`{"owner":"Test User","owner_id":1,"kind":"task","count":1}],` +
				`"totals":{"call":0,"email":1,"meeting":0,"note":0,"task":1},"total":2}`},
		{[]string{"activity", "--since", "2026-01-01", "--until", "2026-06-30"},
			`{"period":{"from":"2026-01-01","to":"2026-06-30","label":"2026-01-01 – 2026-06-30"},"owner":null,"rows":[],` +
				`"totals":{"call":0,"email":0,"meeting":0,"note":0,"task":0},"total":0}`},
	}
	for _, c := range cases {
		args := append([]string{"report"}, c.args...)
		out, errs, code := rolo(append(args, "--json")...)
		if code != 0 {
			t.Errorf("rolo %s: exit %d: %s", strings.Join(c.args, " "), code, errs)
			continue
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, []byte(out)); err != nil {
			t.Errorf("rolo %s: not JSON: %v\n%s", strings.Join(c.args, " "), err, out)
			continue
		}
		if got := compact.String(); got != c.want {
			t.Errorf("rolo %s --json:\n got %s\nwant %s", strings.Join(args, " "), got, c.want)
		}
	}
}

func TestReportCSV(t *testing.T) {
	rolo := reportFixture(t)
	cases := []struct {
		args    []string
		want    [][]string
		warning string // on stderr
	}{
		{[]string{"winrate", "--owner", "me"}, [][]string{
			{"from", "to", "owner", "pipeline", "won", "lost", "win_rate"},
			{"2026-10-01", "2026-12-31", "Test User", "", "2", "0", "1.0000"}}, ""},
		{[]string{"winrate", "--pipeline", "renewals"}, [][]string{
			{"from", "to", "owner", "pipeline", "won", "lost", "win_rate"},
			{"2026-10-01", "2026-12-31", "", "renewals", "0", "0", ""}}, ""},
		{[]string{"cycle"}, [][]string{
			{"from", "to", "owner", "pipeline", "won", "mean_days", "median_days"},
			{"2026-10-01", "2026-12-31", "", "", "3", "68.0", "40.0"}}, ""},
		{[]string{"forecast"}, [][]string{{"month", "deals", "weighted", "currency"},
			{"2026-10", "0", "0.00", "USD"}, {"2026-11", "1", "600.00", "USD"}, {"2026-12", "2", "1650.00", "USD"},
			{"total", "3", "2250.00", "USD"}}, "left out for want of an exchange rate: GBP (add currency.rates.gbp to the config)"},
		{[]string{"pipeline"}, [][]string{{"pipeline", "stage", "probability", "deals", "total", "weighted", "currency"},
			{"New business", "Lead", "20", "1", "3300.00", "1650.00", "USD"},
			{"New business", "Offer", "60", "2", "1250.00", "750.00", "USD"},
			{"New business", "total", "", "3", "4550.00", "2400.00", "USD"},
			{"Renewals", "Due", "80", "2", "100.00", "80.00", "USD"},
			{"Renewals", "total", "", "2", "100.00", "80.00", "USD"},
			{"all", "total", "", "5", "4650.00", "2480.00", "USD"}}, "GBP"},
		{[]string{"activity"}, [][]string{{"owner", "call", "email", "meeting", "note", "task", "total"},
			{"Deniz Kaya", "0", "2", "0", "1", "0", "3"},
			{"Test User", "2", "0", "1", "0", "1", "4"},
			{"all", "2", "2", "1", "1", "1", "7"}}, ""},
	}
	for _, c := range cases {
		args := append(append([]string{"report"}, c.args...), "--csv")
		out, errs, code := rolo(args...)
		if code != 0 {
			t.Errorf("rolo %s: exit %d: %s", strings.Join(args, " "), code, errs)
			continue
		}
		got, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Errorf("rolo %s: %v\n%s", strings.Join(args, " "), err, out)
			continue
		}
		if !equalRows(got, c.want) {
			t.Errorf("rolo %s:\n got %q\nwant %q", strings.Join(args, " "), got, c.want)
		}
		if c.warning == "" && errs != "" || !strings.Contains(errs, c.warning) {
			t.Errorf("rolo %s: stderr %q, want %q", strings.Join(args, " "), errs, c.warning)
		}
	}
}

func TestReportCSVGuardsFormulas(t *testing.T) {
	sc := reportScope{owner: optional("=HYPERLINK(1)")}
	rows := newActivityReport(sc, []model.ActivityCount{{OwnerID: 7, Kind: "email", Count: 5}},
		[]model.User{{ID: 7, Name: "@evil, \"the\" rep"}}).csvRows()
	if rows[1][0] != "'@evil, \"the\" rep" {
		t.Errorf("owner cell %q", rows[1][0])
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(newWinRateReport(sc).csvRows())
	if !strings.Contains(b.String(), "'=HYPERLINK(1)") {
		t.Errorf("winrate CSV: %s", b.String())
	}
}

func newWinRateReport(sc reportScope) winRateReport {
	return winRateReport{Period: periodOf(quarterOf(time.Date(2026, 11, 15, 0, 0, 0, 0, time.UTC))), Owner: sc.owner}
}

func quarterOf(now time.Time) model.Period {
	p, _ := model.NamedPeriod("this-quarter", now, time.UTC)
	return p
}

func equalRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

// Tables are aligned: numbers to the right, amounts in the locale's style,
// the rates and the left-out currencies said under them.
func TestReportTables(t *testing.T) {
	rolo := reportFixture(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"winrate"}, "Win rate · Q4 2026 (Oct–Dec), 2026-10-01 – 2026-12-31 · all owners · all pipelines\n" +
			"WON  LOST  WIN RATE\n" +
			"  3     1       75%\n"},
		{[]string{"cycle", "--pipeline", "renewals"}, "Sales cycle · Q4 2026 (Oct–Dec), 2026-10-01 – 2026-12-31 · all owners · pipeline Renewals\n" +
			"WON  MEAN DAYS  MEDIAN DAYS\n" +
			"  0          -            -\n" +
			"no deal was won in this period\n"},
		{[]string{"forecast"}, "Forecast · Q4 2026 (Oct–Dec), 2026-10-01 – 2026-12-31 · all owners · all pipelines\n" +
			"MONTH    DEALS  WEIGHTED (USD)\n" +
			"2026-10      0           $0.00\n" +
			"2026-11      1         $600.00\n" +
			"2026-12      2       $1,650.00\n" +
			"total        3       $2,250.00\n" +
			"open deals by expected close month: amount × probability\n" +
			"≈ converted to USD at 1 EUR = 1.10 USD\n" +
			"left out for want of an exchange rate: GBP (add currency.rates.gbp to the config)\n"},
		{[]string{"pipeline", "--owner", "me"}, "Pipeline · now (2026-11-15) · owner Test User · all pipelines\n" +
			"PIPELINE      STAGE  PROB  DEALS  TOTAL (USD)  WEIGHTED (USD)\n" +
			"New business  Lead    20%      0        $0.00           $0.00\n" +
			"New business  Offer   60%      2    $1,250.00         $750.00\n" +
			"New business  total     -      2    $1,250.00         $750.00\n" +
			"Renewals      Due     80%      2      $100.00          $80.00\n" +
			"Renewals      total     -      2      $100.00          $80.00\n" +
			"all           total     -      4    $1,350.00         $830.00\n" +
			"open deals per stage; weighted: amount × probability\n" +
			"left out for want of an exchange rate: GBP (add currency.rates.gbp to the config)\n"},
		{[]string{"activity"}, "Team activity · Q4 2026 (Oct–Dec), 2026-10-01 – 2026-12-31 · all owners\n" +
			"OWNER       CALLS  EMAILS  MEETINGS  NOTES  TASKS DONE  TOTAL\n" +
			"Deniz Kaya      0       2         0      1           0      3\n" +
			"Test User       2       0         1      0           1      4\n" +
			"all             2       2         1      1           1      7\n" +
			"calls, emails, meetings and notes that happened in the period; tasks completed in it\n"},
	}
	for _, c := range cases {
		args := append([]string{"report"}, c.args...)
		out, errs, code := rolo(args...)
		if code != 0 || out != c.want {
			t.Errorf("rolo %s: exit %d %s\n got:\n%s\nwant:\n%s", strings.Join(args, " "), code, errs, out, c.want)
		}
	}
}

// Bad filters: a usage error (exit 2) that names the flag and the value,
// or not found (3) for an owner, as deal list has it; nothing on stdout.
func TestReportErrors(t *testing.T) {
	rolo := reportFixture(t)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"winrate", "--since", "2027-13-01"}, ExitUsage, `--since: "2027-13-01" is not a date: no such day`},
		{[]string{"forecast", "--since", "2026-01-01", "--until", "2026-02-30"}, ExitUsage, `--until: "2026-02-30" is not a date`},
		{[]string{"activity", "--since", "last tuesday"}, ExitUsage, `--since: "last tuesday" is not a date`},
		{[]string{"cycle", "--since", "2026-05-01", "--until", "2026-04-30"}, ExitUsage, "--until: 2026-04-30 is before --since 2026-05-01"},
		{[]string{"winrate", "--period", "ytd", "--since", "2026-01-01"}, ExitUsage, "--period and --since/--until do not go together"},
		{[]string{"activity", "--until", "2026-04-30"}, ExitUsage, "--until needs --since"},
		{[]string{"winrate", "--since", "2026-12-01"}, ExitUsage, "--since: 2026-12-01 is after today; give --until too"},
		{[]string{"forecast", "--period", "next-decade"}, ExitUsage, `--period: "next-decade" is not a period`},
		{[]string{"winrate", "--owner", "nobody"}, ExitNotFound, "--owner: no user nobody (team: me, Deniz Kaya, Test User)"},
		{[]string{"activity", "--owner", ""}, ExitUsage, "--owner: give me, a team member's name or email"},
		{[]string{"winrate", "--pipeline", "upsell"}, ExitUsage, `--pipeline: "upsell" is not a pipeline (one of sales (New business), renewals (Renewals))`},
		{[]string{"pipeline", "--pipeline", " "}, ExitUsage, "--pipeline: give a pipeline key or name"},
		{[]string{"activity", "--pipeline", "sales"}, ExitUsage, "--pipeline: report activity counts the activities of every pipeline"},
		{[]string{"winrate", "--json", "--csv"}, ExitUsage, "--json and --csv do not go together"},
		{[]string{"winrate", "extra"}, ExitUsage, "unknown command"},
		{[]string{"nonsense"}, ExitUsage, "unknown command"},
	}
	for _, c := range cases {
		args := append([]string{"report"}, c.args...)
		out, errs, code := rolo(args...)
		if code != c.code || !strings.Contains(errs, c.want) || out != "" {
			t.Errorf("rolo %s: exit %d, stdout %q, stderr %q; want exit %d and %q", strings.Join(args, " "), code, out, errs, c.code, c.want)
		}
	}

	// a mistake in the period opens (and creates) no database
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	code := Run(context.Background(), []string{"--db", filepath.Join(dir, "new.db"), "report", "forecast", "--until", "2026-01-01"},
		Options{Stdout: &stdout, Stderr: &stderr})
	if _, err := os.Stat(filepath.Join(dir, "new.db")); code != ExitUsage || !os.IsNotExist(err) {
		t.Errorf("--until alone: exit %d, database %v", code, err)
	}

	// the pipeline is a snapshot: a period is noted and ignored
	out, errs, code := rolo("report", "pipeline", "--period", "ytd", "--json")
	if code != 0 || !strings.Contains(errs, "snapshot of now") || !strings.Contains(out, `"as_of": "2026-11-15"`) {
		t.Errorf("pipeline --period: exit %d %q\n%s", code, errs, out)
	}
}

func TestReportHelp(t *testing.T) {
	rolo := reportFixture(t)
	out, _, code := rolo("report", "--help")
	for _, w := range []string{"winrate", "cycle", "forecast", "pipeline", "activity", "Examples:", "rolo report forecast --since",
		"--period", "--owner", "--pipeline", "--csv"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("report --help lacks %q (exit %d):\n%s", w, code, out)
		}
	}
	out, _, _ = rolo("report", "pipeline", "--help")
	if !strings.Contains(out, "The period does not apply") {
		t.Errorf("report pipeline --help:\n%s", out)
	}
}
