package store

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"rolo/model"
)

func gatedRules() model.Rules {
	ps := model.DefaultPipelines()
	ps[0].Stages[2].Requires = []string{"amount", "close_date"} // Proposal
	ps = append(ps, model.Pipeline{Key: "renewals", Name: "Renewals", Stages: []model.Stage{
		{Key: "due", Name: "Due", Probability: 60, Kind: model.StageOpen},
		{Key: "won", Name: "Renewed", Probability: 100, Kind: model.StageWon},
		{Key: "lost", Name: "Churned", Kind: model.StageLost},
	}})
	return model.Rules{Region: "TR", Pipelines: ps, BaseCurrency: "USD"}
}

func addDeal(t *testing.T, s *Store, d model.Deal) model.Deal {
	t.Helper()
	out, err := s.Deals.Create(ctx, d, WriteOptions{})
	if err != nil {
		t.Fatalf("create deal %q: %v", d.Title, err)
	}
	return out
}

func TestDealStagesHistoryAndStatus(t *testing.T) {
	s := openTestStore(t)
	s.rules = gatedRules()
	clock := time.Date(2027, 1, 10, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return clock }
	d := addDeal(t, s, model.Deal{Title: "Fleet telematics", AccountName: "Weber & Söhne KG", Amount: 9600000, Currency: "eur"})
	if d.Stage != "qualification" || d.Status != "open" || d.Currency != "EUR" || d.AccountName != "Weber & Söhne KG" {
		t.Fatalf("created %+v", d)
	}
	clock = clock.Add(48 * time.Hour)
	d, err := s.Deals.Move(ctx, d.ID, d.Version, "Needs Analysis", "")
	if err != nil || d.Stage != "needs-analysis" || !d.StageEnteredAt.Equal(clock) {
		t.Fatalf("move by name: %+v %v", d, err)
	}
	// Proposal needs amount and close date: the close date is missing
	_, err = s.Deals.Move(ctx, d.ID, d.Version, "proposal", "")
	var ge *model.GateError
	if !errors.As(err, &ge) || strings.Join(ge.Missing, ",") != "close_date" || !errors.Is(err, model.ErrValidation) {
		t.Fatalf("gate: %v", err)
	}
	if got, _ := s.Deals.Get(ctx, d.ID); got.Stage != "needs-analysis" || got.Version != d.Version {
		t.Fatal("a refused move changed the deal")
	}
	d.CloseDate = "2027-03-31"
	d, _ = s.Deals.Update(ctx, d, WriteOptions{})
	clock = clock.Add(24 * time.Hour)
	if d, err = s.Deals.Move(ctx, d.ID, d.Version, "proposal", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Deals.Move(ctx, d.ID, d.Version, "lost", ""); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("lost without a reason: %v", err)
	}
	clock = clock.Add(24 * time.Hour)
	d, err = s.Deals.Move(ctx, d.ID, d.Version, "LOST", "price")
	if err != nil || d.Status != "lost" || d.LostReason != "price" || d.ClosedAt == nil || !d.ClosedAt.Equal(clock) {
		t.Fatalf("lost: %+v %v", d, err)
	}
	// moving a lost deal to an open stage reopens it
	clock = clock.Add(24 * time.Hour)
	d, err = s.Deals.Move(ctx, d.ID, d.Version, "negotiation", "")
	if err != nil || d.Status != "open" || d.ClosedAt != nil || d.LostReason != "" {
		t.Fatalf("reopen: %+v %v", d, err)
	}
	clock = clock.Add(24 * time.Hour)
	if d, err = s.Deals.Move(ctx, d.ID, d.Version, "won", ""); err != nil || d.Status != "won" {
		t.Fatalf("won: %+v %v", d, err)
	}
	moves, err := s.Deals.StageHistory(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	var path []string
	for _, m := range moves {
		path = append(path, m.From+">"+m.To)
	}
	if strings.Join(path, " ") != ">qualification qualification>needs-analysis needs-analysis>proposal proposal>lost lost>negotiation negotiation>won" {
		t.Fatalf("stage history %v", path)
	}
	if moves[3].LostReason != "price" || moves[3].By != "Test User" || moves[3].ToName != "Lost" {
		t.Fatalf("lost move %+v", moves[3])
	}
	if _, err := s.Deals.Move(ctx, d.ID, d.Version, "Closed-ish", ""); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("unknown stage: %v", err)
	}
}

func TestDealValidation(t *testing.T) {
	s := openTestStore(t)
	for _, d := range []model.Deal{
		{Title: ""},
		{Title: "x", Currency: "EURO"},
		{Title: "x", Amount: -1},
		{Title: "x", Amount: model.MaxAmount + 1},
		{Title: "x", Stage: "nowhere"},
		{Title: "x", Pipeline: "nope"},
		{Title: "x", CloseDate: "2027-02-31"},
		{Title: "x", Probability: ptrInt(101)},
	} {
		if _, err := s.Deals.Create(ctx, d, WriteOptions{}); !errors.Is(err, model.ErrValidation) {
			t.Errorf("%+v accepted: %v", d, err)
		}
	}
	if n, _ := s.Deals.Count(ctx, ListQuery{}); n != 0 {
		t.Fatalf("%d deals written by invalid creates", n)
	}
}

func ptrInt(v int) *int { return &v }

// The trigger-kept totals equal sums computed from the deals, through
// creates, moves, edits, archives, undo and an account of other owners.
func TestDealTotalsFollowEveryWrite(t *testing.T) {
	s := openTestStore(t)
	s.rules = gatedRules()
	tctx, tr := Track(ctx)
	a := addDeal(t, s, model.Deal{Title: "A", Amount: 100000, Currency: "USD"})
	b := addDeal(t, s, model.Deal{Title: "B", Amount: 50000, Currency: "EUR", Probability: ptrInt(40)})
	c := addDeal(t, s, model.Deal{Title: "C", Amount: 7000, Currency: "USD", Stage: "negotiation"})
	addDeal(t, s, model.Deal{Title: "R", Amount: 1000, Pipeline: "renewals"})
	var err error
	if a, err = s.Deals.Move(tctx, a.ID, 0, "needs-analysis", ""); err != nil {
		t.Fatal(err)
	}
	b.Amount = 60000
	if b, err = s.Deals.Update(tctx, b, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err = s.Deals.Archive(ctx, c.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err = s.History.Undo(ctx, tr.Groups()[0]); err != nil { // a back to qualification
		t.Fatal(err)
	}
	check := func() {
		t.Helper()
		totals, err := s.Deals.Totals(ctx, ListQuery{Pipeline: "new-business"})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, st := range totals {
			for _, c := range st.Amounts {
				got[st.Stage+"/"+c.Currency] = fmtTotal(c)
			}
		}
		var rows []model.Deal
		rows, _ = s.Deals.List(ctx, ListQuery{Pipeline: "new-business"})
		want := map[string]model.CurrencyTotal{}
		for _, d := range rows {
			k := d.Stage + "/" + d.Currency
			w := want[k]
			w.Currency = d.Currency
			w.Deals++
			w.Amount += d.Amount
			if d.Probability == nil {
				w.Plain += d.Amount
			} else {
				w.Weighted += d.Amount * int64(*d.Probability)
			}
			want[k] = w
		}
		if len(got) != len(want) {
			t.Fatalf("totals %v, want %v", got, want)
		}
		for k, w := range want {
			if got[k] != fmtTotal(w) {
				t.Fatalf("%s: totals %s, want %s", k, got[k], fmtTotal(w))
			}
		}
	}
	check()
	if a.Stage != "needs-analysis" {
		t.Fatal("setup")
	}
	if d, _ := s.Deals.Get(ctx, a.ID); d.Stage != "qualification" {
		t.Fatalf("undo of the move: %s", d.Stage)
	}
	// search-filtered totals are computed from the matching deals
	totals, _ := s.Deals.Totals(ctx, ListQuery{Pipeline: "new-business", Search: "b"})
	if len(totals) != 1 || totals[0].Deals != 1 || totals[0].Amounts[0].Amount != 60000 {
		t.Fatalf("filtered totals %+v", totals)
	}
}

func fmtTotal(c model.CurrencyTotal) string {
	return strings.Join([]string{c.Currency, itoa(c.Deals), itoa64(c.Amount), itoa64(c.Plain), itoa64(c.Weighted)}, " ")
}

func itoa(n int) string     { return strconv.Itoa(n) }
func itoa64(n int64) string { return strconv.FormatInt(n, 10) }

func TestColumnPagingInBoardOrder(t *testing.T) {
	s := openTestStore(t)
	dates := []string{"2027-03-01", "", "2027-01-15", "2027-01-15", "2027-02-01"}
	for i, cd := range dates {
		addDeal(t, s, model.Deal{Title: "D" + itoa(i), CloseDate: cd})
	}
	q := ListQuery{Pipeline: "new-business", Stage: "qualification", Board: true, Limit: 2}
	var titles []string
	for {
		page, err := s.Deals.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range page {
			titles = append(titles, d.Title)
		}
		if len(page) < q.Limit {
			break
		}
		last := page[len(page)-1]
		q.After = &Cursor{Sort: boardKey(last), ID: last.ID}
	}
	if strings.Join(titles, ",") != "D2,D3,D4,D0,D1" {
		t.Fatalf("board order %v", titles)
	}
	n, _ := s.Deals.Count(ctx, ListQuery{Pipeline: "new-business", Stage: "qualification", Board: true})
	if n != 5 {
		t.Fatalf("count %d", n)
	}
}

func TestQuotesNumberedWithExactTotals(t *testing.T) {
	s := openTestStore(t)
	s.now = func() time.Time { return time.Date(2027, 2, 1, 10, 0, 0, 0, time.UTC) }
	d := addDeal(t, s, model.Deal{Title: "Press line", Amount: 120050, Currency: "EUR"})
	p, err := s.Products.Create(ctx, model.Product{SKU: "PL-100", Name: "Press line retrofit kit", UnitPrice: 99999, Currency: "EUR"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Products.Create(ctx, model.Product{SKU: "pl-100", Name: "dup", Currency: "EUR"}); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("duplicate SKU: %v", err)
	}
	q, err := s.Quotes.Create(ctx, model.Quote{DealID: d.ID, ValidUntil: "2027-03-01", Lines: []model.QuoteLine{
		{SKU: "PL-100", Quantity: 3000, UnitPrice: -1, DiscountBP: 1250, TaxBP: 1900},
		{Description: "Installation", Quantity: 1500, UnitPrice: 33333, TaxBP: 1900},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if q.Number != "Q-2027-0001" || q.Currency != "EUR" || len(q.Lines) != 2 || q.Lines[0].ProductID == nil || *q.Lines[0].ProductID != p.ID {
		t.Fatalf("quote %+v", q)
	}
	// line 1: 3 × 999.99 = 2999.97; −12.5 % = 374.99625 → 375.00; net 2624.97; tax 19 % = 498.7443 → 498.74
	// line 2: 1.5 × 333.33 = 499.995 → 500.00; tax 95.00
	tot := q.Totals()
	if tot.Gross != 349997 || tot.Discount != 37500 || tot.Net != 312497 || tot.Tax != 59374 || tot.Total != 371871 {
		t.Fatalf("totals %+v", tot)
	}
	q2, _ := s.Quotes.Create(ctx, model.Quote{DealID: d.ID, Lines: []model.QuoteLine{{Description: "x", Quantity: 1000}}})
	if q2.Number != "Q-2027-0002" {
		t.Fatalf("second number %s", q2.Number)
	}
	if _, err := s.Quotes.Create(ctx, model.Quote{DealID: d.ID, Lines: []model.QuoteLine{{Description: "x", Quantity: -1000}}}); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("negative quantity: %v", err)
	}
	q.Status = "sent"
	q.Lines = q.Lines[:1]
	q, err = s.Quotes.Update(ctx, q)
	if err != nil || q.SentAt == nil || len(q.Lines) != 1 {
		t.Fatalf("update: %+v %v", q, err)
	}
	byNumber, err := s.Quotes.FindByNumber(ctx, "q-2027-0001")
	if err != nil || byNumber.ID != q.ID {
		t.Fatalf("by number: %v", err)
	}
	list, _ := s.Quotes.List(ctx, d.ID, "", 0)
	if len(list) != 2 || list[0].Number != "Q-2027-0002" {
		t.Fatalf("list %v", list)
	}
}

// The bulk writer's fast history encoding says the same as snapshot.
func TestContactCreatedJSON(t *testing.T) {
	acc, merged := int64(3), int64(9)
	for _, c := range []model.Contact{
		{ID: 7, FirstName: "Ayşe", LastName: "Yılmaz", Email: "a@b.co", Phone: "+90 212 555 01 01", PhoneE164: "+902125550101",
			AccountID: &acc, AccountName: "X", Title: "CFO <&>", Source: "fair", Notes: "line\nwith \"quotes\" and \u2028",
			Tags: []string{"vip", "b"}, Custom: map[string]string{"k": "v", "a": "<b>"}, OwnerID: 1, OwnerName: "Me", Version: 1},
		{ID: 8, LastName: "Solo", Tags: []string{}, Custom: map[string]string{}, OwnerID: 2, MergedInto: &merged},
		{},
	} {
		want, err := createdJSON(c)
		if err != nil {
			t.Fatal(err)
		}
		if got := contactCreatedJSON(c); got != want {
			t.Errorf("contactCreatedJSON\n%s\ncreatedJSON\n%s", got, want)
		}
	}
}

// A field added to Contact must be added to contactCreatedJSON too.
func TestContactCreatedJSONKnowsEveryField(t *testing.T) {
	typ := reflect.TypeOf(model.Contact{})
	for i := 0; i < typ.NumField(); i++ {
		name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
		if model.ReadOnlyFields[name] && name != "id" {
			continue
		}
		known := map[string]bool{"account_id": true, "custom": true, "email": true, "first_name": true, "id": true,
			"last_name": true, "merged_into": true, "notes": true, "owner_id": true, "phone": true, "source": true,
			"tags": true, "title": true}
		if !known[name] {
			t.Errorf("contactCreatedJSON does not write Contact.%s (%q)", typ.Field(i).Name, name)
		}
	}
}

func TestCreatedJSONMatchesSnapshot(t *testing.T) {
	acc := int64(3)
	recs := []any{
		model.Contact{ID: 7, FirstName: "Ayşe", LastName: "Yılmaz", Email: "a@b.co", AccountID: &acc, AccountName: "X",
			Tags: []string{"vip"}, Custom: map[string]string{"k": "v"}, OwnerID: 1, Version: 1},
		model.Deal{ID: 9, Title: "Deal", Amount: 120050, Currency: "EUR", Stage: "proposal", Status: "open", Probability: ptrInt(0), OwnerID: 1},
		model.Account{ID: 4, Name: "Işık", Domain: "isik.com.tr", Tags: []string{}, Custom: map[string]string{}, OwnerID: 1, MergedInto: &acc},
		model.Lead{ID: 5, Name: "Ali", Status: "new", Tags: []string{"a"}, OwnerID: 2, ContactID: &acc},
	}
	for _, r := range recs {
		got, err := createdJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		if want := encodeJSON(snapshot(r, true)); got != want {
			t.Errorf("createdJSON\n%s\nsnapshot\n%s", got, want)
		}
	}
}
