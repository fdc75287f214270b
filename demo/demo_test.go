package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nyaruka/phonenumbers"

	"rolo/model"
	"rolo/store"
)

var ctx = context.Background()

// openStore opens a new store on a temp file; with a user, it is the actor.
func openStore(tb testing.TB, user string) *store.Store {
	tb.Helper()
	s, err := store.Open(ctx, filepath.Join(tb.TempDir(), "rolo.db"), store.Options{Rules: model.Rules{Region: "US"}})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if user != "" {
		me, err := s.Users.Ensure(ctx, user, "me@example.com")
		if err != nil {
			tb.Fatal(err)
		}
		s.SetActor(me.ID)
	}
	return s
}

func run(tb testing.TB, s *store.Store, opt Options) Summary {
	tb.Helper()
	sum, err := Run(ctx, s, opt)
	if err != nil {
		tb.Fatal(err)
	}
	return sum
}

func contacts(t *testing.T, s *store.Store, q store.ListQuery) []model.Contact {
	t.Helper()
	cs, err := s.Contacts.List(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return cs
}

func accounts(t *testing.T, s *store.Store, q store.ListQuery) []model.Account {
	t.Helper()
	as, err := s.Accounts.List(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// counts returns the live contacts and accounts, and the history rows of
// one contact and one account (to see what a wipe left).
func counts(t *testing.T, s *store.Store) (int, int) {
	t.Helper()
	nc, err := s.Contacts.Count(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	na, err := s.Accounts.Count(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return nc, na
}

func TestRunSmall(t *testing.T) {
	s := openStore(t, "Test User")
	sum := run(t, s, Options{Seed: 1})
	if sum.Accounts < 30 || sum.Accounts > 50 || sum.Contacts < 200 || sum.Contacts > 300 {
		t.Errorf("small size wrote %+v, want about 40 accounts and 250 contacts", sum)
	}
	nc, na := counts(t, s)
	if nc != sum.Contacts || na != sum.Accounts {
		t.Errorf("store holds %d contacts and %d accounts, summary says %+v", nc, na, sum)
	}
	users, err := s.Users.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Users != 4 || len(users) != 4 {
		t.Errorf("summary counts %d users, store has %v; want the actor and three team members", sum.Users, users)
	}

	// Owners: everyone owns something, the actor the most.
	owned := map[int64]int{}
	for _, c := range contacts(t, s, store.ListQuery{}) {
		owned[c.OwnerID]++
	}
	for _, a := range accounts(t, s, store.ListQuery{}) {
		owned[a.OwnerID]++
	}
	for _, u := range users {
		if owned[u.ID] == 0 {
			t.Errorf("%s owns nothing", u.Name)
		}
		if u.ID != s.Actor() && owned[u.ID] >= owned[s.Actor()] {
			t.Errorf("%s owns %d records, the actor only %d", u.Name, owned[u.ID], owned[s.Actor()])
		}
	}

	// Most contacts work somewhere; some accounts have many contacts.
	cs := contacts(t, s, store.ListQuery{})
	with, perAccount := 0, map[int64]int{}
	for _, c := range cs {
		if c.AccountID != nil {
			with++
			perAccount[*c.AccountID]++
			if c.AccountName == "" {
				t.Errorf("%s has an account id but no account name", c.Name())
			}
		}
	}
	if share := float64(with) / float64(len(cs)); share < 0.8 || share > 0.97 {
		t.Errorf("%.0f%% of contacts have an account, want about 90%%", share*100)
	}
	most := 0
	for _, n := range perAccount {
		most = max(most, n)
	}
	if avg := float64(with) / float64(len(perAccount)); float64(most) < 2.5*avg {
		t.Errorf("the biggest account has %d contacts, the average %.1f: want an uneven spread", most, avg)
	}
}

func TestRunRefusesNonEmptyAndForceReplaces(t *testing.T) {
	s := openStore(t, "Test User")
	first := run(t, s, Options{Seed: 3})
	before := contacts(t, s, store.ListQuery{})

	_, err := Run(ctx, s, Options{Seed: 4})
	if !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("second run: %v, want ErrNotEmpty", err)
	}
	want := fmt.Sprintf("already holds %d contacts, %d accounts, %d deals and %d products", first.Contacts, first.Accounts,
		first.Deals, first.Products)
	if !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("message %q should say %q and mention --force", err, want)
	}
	after := contacts(t, s, store.ListQuery{})
	if len(after) != len(before) || after[0].Email != before[0].Email {
		t.Fatalf("a refused run changed the data: %d contacts before, %d after", len(before), len(after))
	}

	// A store holding only archived records is not empty either.
	s2 := openStore(t, "Test User")
	c, err := s2.Contacts.Create(ctx, model.Contact{FirstName: "Ada", LastName: "Lovelace"}, store.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Contacts.Archive(ctx, c.ID, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, s2, Options{}); !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), "holds 1 contact and 0 accounts;") {
		t.Errorf("store with an archived contact: %v, want ErrNotEmpty counting it", err)
	}

	// Nor is one holding only products (imported from the ERP, say): the
	// demo catalogue would clash with them.
	s3 := openStore(t, "Test User")
	if _, err := s3.Products.Create(ctx, model.Product{SKU: "SW-100", Name: "Our own", UnitPrice: 100, Currency: "USD"}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(ctx, s3, Options{}); !errors.Is(err, ErrNotEmpty) ||
		!strings.Contains(err.Error(), "holds 0 contacts, 0 accounts and 1 product;") {
		t.Errorf("store with a product: %v, want ErrNotEmpty counting it", err)
	}
	if sum := run(t, s3, Options{Force: true}); sum.Products != len(catalogue) {
		t.Errorf("store with a product, --force: %+v", sum)
	}

	second := run(t, s, Options{Seed: 4, Force: true})
	nc, na := counts(t, s)
	if nc != second.Contacts || na != second.Accounts || nc != first.Contacts || na != first.Accounts {
		t.Errorf("after --force the store holds %d contacts and %d accounts; first run %+v, second %+v", nc, na, first, second)
	}
	replaced := contacts(t, s, store.ListQuery{})
	if sameContacts(before, replaced) {
		t.Error("--force with another seed left the same contacts")
	}
	// The old records' history went with them: the oldest contact's
	// history is its one create, by the second run.
	hist, err := s.History.For(ctx, "contact", replaced[0].ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].Action != "create" {
		t.Errorf("history of a replaced contact: %+v, want one create", hist)
	}
}

// fingerprint is what two runs must agree on.
func fingerprint(c model.Contact) string {
	return strings.Join([]string{c.FirstName, c.LastName, c.Email, c.Phone, c.PhoneE164, c.Title, c.AccountName,
		strings.Join(c.Tags, ","), c.Notes, c.Source, c.OwnerName}, "|")
}

func sameContacts(a, b []model.Contact) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if fingerprint(a[i]) != fingerprint(b[i]) {
			return false
		}
	}
	return true
}

func TestDeterministic(t *testing.T) {
	a, b, c := openStore(t, "Test User"), openStore(t, "Test User"), openStore(t, "Test User")
	run(t, a, Options{Seed: 42})
	run(t, b, Options{Seed: 42, Size: "small"})
	run(t, c, Options{Seed: 43})
	ca, cb, cc := contacts(t, a, store.ListQuery{}), contacts(t, b, store.ListQuery{}), contacts(t, c, store.ListQuery{})
	if !sameContacts(ca, cb) {
		for i := range min(len(ca), len(cb)) {
			if fingerprint(ca[i]) != fingerprint(cb[i]) {
				t.Fatalf("same seed, different contact #%d:\n%s\n%s", i, fingerprint(ca[i]), fingerprint(cb[i]))
			}
		}
		t.Fatalf("same seed, %d and %d contacts", len(ca), len(cb))
	}
	aa, ab := accounts(t, a, store.ListQuery{}), accounts(t, b, store.ListQuery{})
	for i := range aa {
		x, y := aa[i], ab[i]
		if x.Name != y.Name || x.Domain != y.Domain || x.Phone != y.Phone || x.Address != y.Address ||
			x.ExternalID != y.ExternalID || strings.Join(x.Tags, ",") != strings.Join(y.Tags, ",") || x.Contacts != y.Contacts {
			t.Fatalf("same seed, different account #%d: %+v / %+v", i, x, y)
		}
	}
	if sameContacts(ca, cc) {
		t.Error("seeds 42 and 43 gave the same contacts")
	}
}

func TestNoDuplicates(t *testing.T) {
	s := openStore(t, "Test User")
	run(t, s, Options{Seed: 5})
	emails, phones := map[string]string{}, map[string]string{}
	for _, c := range contacts(t, s, store.ListQuery{}) {
		if c.Email == "" {
			t.Errorf("%s has no email", c.Name())
		}
		e := model.NormalizeEmail(c.Email)
		if prev, ok := emails[e]; ok {
			t.Errorf("email %s: %s and %s", e, prev, c.Name())
		}
		emails[e] = c.Name()
		if c.Phone != "" {
			if c.PhoneE164 == "" || c.PhoneE164 != "+"+model.Digits(c.Phone) {
				t.Errorf("%s: phone %q has E.164 %q", c.Name(), c.Phone, c.PhoneE164)
			}
			if prev, ok := phones[c.PhoneE164]; ok {
				t.Errorf("phone %s: %s and %s", c.PhoneE164, prev, c.Name())
			}
			phones[c.PhoneE164] = c.Name()
		}
	}
	names, domains := map[string]bool{}, map[string]bool{}
	for _, a := range accounts(t, s, store.ListQuery{}) {
		if names[a.SortName()] {
			t.Errorf("two accounts named %q", a.SortName())
		}
		names[a.SortName()] = true
		if domains[a.Domain] {
			t.Errorf("two accounts at %s", a.Domain)
		}
		domains[a.Domain] = true
		if a.PhoneE164 == "" || phones[a.PhoneE164] != "" {
			t.Errorf("account %s: phone %q (E.164 %q) missing or shared with a contact", a.Name, a.Phone, a.PhoneE164)
		}
		if a.Website != "https://www."+a.Domain || a.Address == "" || a.Industry == "" {
			t.Errorf("account %s is missing website, address or industry: %+v", a.Name, a)
		}
	}
}

func TestInternational(t *testing.T) {
	s := openStore(t, "Test User")
	run(t, s, Options{Seed: 9})
	var all strings.Builder
	for _, c := range contacts(t, s, store.ListQuery{}) {
		all.WriteString(c.Name() + " ")
		local := c.Email[:strings.IndexByte(c.Email, '@')]
		for _, r := range c.Email {
			if r > 127 {
				t.Errorf("%s: email %q is not ASCII", c.Name(), c.Email)
				break
			}
		}
		if local == "" || strings.ContainsAny(local, "'") {
			t.Errorf("%s: email %q", c.Name(), c.Email)
		}
	}
	for _, a := range accounts(t, s, store.ListQuery{}) {
		all.WriteString(a.Name + " ")
	}
	text := all.String()
	for _, want := range []string{"ş", "ı", "İ", "ğ", "ç", "ü", "ö", "ß", "é", "'", "-", "A.Ş.", "GmbH"} {
		if !strings.Contains(text, want) {
			t.Errorf("no name holds %q", want)
		}
	}

	found := func(q string, want string) {
		t.Helper()
		cs := contacts(t, s, store.ListQuery{Search: q})
		for _, c := range cs {
			if strings.Contains(c.Name()+" "+c.Email+" "+c.AccountName, want) {
				return
			}
		}
		t.Errorf("search %q: %d contacts, none with %q", q, len(cs), want)
	}
	found("ozturk", "İsmail Öztürk")
	found("ayse yilmaz", "ayse.yilmaz@isiktekstil.com.tr")
	found("muller", "juergen.mueller@weber-soehne.de")
	found("oneil", "Seán O'Neil")
	found("o'neil", "Seán O'Neil")
	found("jean-pierre", "Jean-Pierre Lefèvre")
	found("ISIK", "Işık Tekstil A.Ş.")

	as := accounts(t, s, store.ListQuery{Search: "isik tekstil"})
	if len(as) != 1 || as[0].Name != "Işık Tekstil A.Ş." || as[0].Domain != "isiktekstil.com.tr" || as[0].Contacts < 2 {
		t.Errorf("search isik tekstil: %+v", as)
	}
	as = accounts(t, s, store.ListQuery{Search: "weber sohne"})
	if len(as) != 1 || as[0].Name != "Weber & Söhne KG" || as[0].Domain != "weber-soehne.de" {
		t.Errorf("search weber sohne: %+v", as)
	}
}

func TestRunWithoutActor(t *testing.T) {
	s := openStore(t, "")
	sum := run(t, s, Options{Seed: 2})
	if sum.Users != 3 || sum.Contacts == 0 {
		t.Errorf("without an actor: %+v", sum)
	}
}

func TestUnknownSize(t *testing.T) {
	s := openStore(t, "Test User")
	_, err := Run(ctx, s, Options{Size: "huge"})
	if err == nil || !strings.Contains(err.Error(), `"huge"`) || !strings.Contains(err.Error(), "small, large") {
		t.Errorf("size huge: %v", err)
	}
	if empty, err := s.IsEmpty(ctx); err != nil || !empty {
		t.Errorf("an unknown size wrote data: empty %v, %v", empty, err)
	}
	users, _ := s.Users.List(ctx)
	if len(users) != 1 {
		t.Errorf("an unknown size added users: %v", users)
	}
}

// TestPhonePatterns checks that every phone pattern gives numbers that are
// valid in their country and that model.NormalizePhone turns into the
// E.164 form the generator counts on for uniqueness.
func TestPhonePatterns(t *testing.T) {
	g := newGenerator(1, sizes[0], []int64{1})
	for _, c := range countries {
		var patterns []string
		for _, ct := range c.cities {
			patterns = append(patterns, ct.phone)
		}
		patterns = append(patterns, c.mobiles...)
		for _, p := range patterns {
			for range 100 {
				ph, key := g.fill(p)
				e164, err := model.NormalizePhone(ph, "US")
				if err != nil || e164 != "+"+model.Digits(ph) || fmt.Sprint(key) != model.Digits(ph) {
					t.Errorf("%s pattern %q: %q gives %q, %v", c.code, p, ph, e164, err)
					break
				}
				num, err := phonenumbers.Parse(ph, "")
				if err != nil || !phonenumbers.IsValidNumberForRegion(num, c.code) {
					t.Errorf("%s pattern %q: %q is not a valid number there (%v)", c.code, p, ph, err)
					break
				}
			}
		}
	}
}

// TestGenerateMany generates a quarter of the large set (all of it with
// ROLO_DEMO_LARGE=1) without a store and checks what the store does not:
// unique emails, phones and account names; and the deals as the store
// would read them back: exact counts, stage histories, contacts of their
// account, quotes.
func TestGenerateMany(t *testing.T) {
	sz := size{"quarter", 5_000, 25_000, 15_000, 12_500, 0.125, 250_000, 0.05, 2_500}
	if os.Getenv("ROLO_DEMO_LARGE") != "" {
		sz = sizes[1]
	}
	g := newGenerator(1, sz, []int64{1, 2, 3, 4})
	p := g.pipelines[0]
	names, emails, phones := map[string]bool{}, map[string]bool{}, map[string]bool{}
	worksAt := map[int64]*int64{}
	na, nc, np, nq := 0, 0, 0, 0
	byStatus, byStage := map[string]int{}, map[string]int{}
	reopened, back := 0, 0
	type link struct{ account, contact *int64 }
	dealLinks := map[int64]link{}
	var acts, openTasks int
	var last time.Time
	actKinds, perAccount := map[string]int{}, map[int64]int{}
	err := g.generate(writers{
		account: func(a model.Account) (int64, error) {
			na++
			k := model.Fold(a.Name)
			if names[k] {
				return 0, fmt.Errorf("duplicate account name %q", a.Name)
			}
			names[k] = true
			return int64(na), nil
		},
		contact: func(c model.Contact) (int64, error) {
			nc++
			e := model.NormalizeEmail(c.Email)
			if emails[e] {
				return 0, fmt.Errorf("duplicate email %s", e)
			}
			emails[e] = true
			if c.Phone != "" {
				if phones[c.Phone] {
					return 0, fmt.Errorf("duplicate phone %s", c.Phone)
				}
				phones[c.Phone] = true
			}
			worksAt[int64(nc)] = c.AccountID
			return int64(nc), model.CheckEmail(c.Email)
		},
		product: func(pr model.Product) error {
			np++
			return pr.Normalize("USD")
		},
		deal: func(d model.Deal, moves []model.StageMove) (int64, error) {
			if err := checkDeal(d, moves, p, g.today); err != nil {
				return 0, err
			}
			if d.ContactID != nil && (worksAt[*d.ContactID] != nil || d.AccountID != nil) &&
				!sameID(worksAt[*d.ContactID], d.AccountID) {
				return 0, fmt.Errorf("deal %q: contact #%d does not work for account %v", d.Title, *d.ContactID, d.AccountID)
			}
			byStatus[d.Status]++
			byStage[d.Stage]++
			for i, m := range moves {
				if m.From == "lost" && i > 0 {
					reopened++
				}
				if f, ok := openIndex(p, m.From); ok {
					if to, ok := openIndex(p, m.To); ok && to < f {
						back++
					}
				}
			}
			id := int64(byStatus["open"] + byStatus["won"] + byStatus["lost"])
			dealLinks[id] = link{d.AccountID, d.ContactID}
			return id, d.Normalize(p, "USD")
		},
		quote: func(q model.Quote) error {
			nq++
			for i, l := range q.Lines {
				if l.SKU == "" {
					continue
				}
				// as the store resolves it
				for j, pr := range catalogue {
					if pr.sku == l.SKU {
						id := int64(j + 1)
						q.Lines[i].ProductID = &id
						if l.UnitPrice < 0 {
							q.Lines[i].UnitPrice = pr.model().UnitPrice
						}
					}
				}
				if q.Lines[i].ProductID == nil {
					return fmt.Errorf("no product %s", l.SKU)
				}
			}
			if q.Totals().Net <= 0 {
				return fmt.Errorf("quote net %d", q.Totals().Net)
			}
			return q.Normalize()
		},
		activity: func(a model.Activity) error {
			acts++
			if err := a.Normalize(); err != nil {
				return err
			}
			if a.At.Before(last) {
				return fmt.Errorf("activity %q at %v after one at %v", a.Subject, a.At, last)
			}
			last = a.At
			if a.ContactID != nil && (worksAt[*a.ContactID] != nil || a.AccountID != nil) &&
				!sameID(worksAt[*a.ContactID], a.AccountID) {
				return fmt.Errorf("activity %q: contact #%d does not work for account %v", a.Subject, *a.ContactID, a.AccountID)
			}
			if a.DealID != nil {
				l := dealLinks[*a.DealID]
				if l.account != a.AccountID && !sameID(l.account, a.AccountID) || l.contact != a.ContactID && !sameID(l.contact, a.ContactID) {
					return fmt.Errorf("activity %q on deal #%d: not its account and contact", a.Subject, *a.DealID)
				}
			}
			if a.AccountID != nil {
				perAccount[*a.AccountID]++
			}
			actKinds[a.Kind]++
			if a.Kind == model.KindTask && !a.Done {
				openTasks++
			}
			return nil
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if na != sz.accounts || nc != sz.contacts || np != len(catalogue) {
		t.Errorf("%s set: %d accounts, %d contacts, %d products", sz.name, na, nc, np)
	}
	// Names with a city added are fine now and then, not as a rule.
	if g.withCity > na/50 {
		t.Errorf("%d of %d account names needed their city to be unique: add words to the name lists", g.withCity, na)
	}
	closed := sz.deals - sz.open
	if byStatus["open"] != sz.open || byStatus["won"] != closed*6/10 || byStatus["lost"] != closed-closed*6/10 {
		t.Errorf("%s set: deals %v, want %d open of %d, 60%% of the rest won", sz.name, byStatus, sz.open, sz.deals)
	}
	for i, st := range p.Open() {
		if i > 0 && byStage[st.Key] >= byStage[p.Open()[i-1].Key] {
			t.Errorf("stage %s holds %d deals, the one before it %d: want fewer in later stages", st.Key, byStage[st.Key],
				byStage[p.Open()[i-1].Key])
		}
	}
	if reopened < sz.deals/100 || back < sz.deals/100 {
		t.Errorf("%d deals reopened after a loss, %d moves backwards: want some of each", reopened, back)
	}
	if nq < sz.deals/25 || nq > sz.deals/12 {
		t.Errorf("%d quotes on %d deals", nq, sz.deals)
	}
	// Activities: exactly the size's number, a few open tasks, more done
	// ones, every kind, more on some accounts than on others.
	if acts != sz.activities || openTasks < acts/50 || openTasks > acts/20 {
		t.Errorf("%s set: %d activities, %d open tasks", sz.name, acts, openTasks)
	}
	if done := actKinds[model.KindTask] - openTasks; done < acts/10 || done > acts*3/20 {
		t.Errorf("%s set: %d done tasks of %d activities", sz.name, done, acts)
	}
	for _, k := range []string{model.KindCall, model.KindEmail, model.KindMeeting, model.KindNote} {
		if actKinds[k] < acts/20 {
			t.Errorf("%s set: activities by kind %v", sz.name, actKinds)
		}
	}
	counts := make([]int, 0, len(perAccount))
	onAccounts := 0
	for _, n := range perAccount {
		counts = append(counts, n)
		onAccounts += n
	}
	slices.Sort(counts)
	top := 0
	for _, n := range counts[len(counts)*9/10:] {
		top += n
	}
	t.Logf("%s set: %d activities %v, %d open tasks; %d accounts with some, the busiest tenth have %d of %d", sz.name, acts,
		actKinds, openTasks, len(counts), top, onAccounts)
	if len(counts) < na*9/10 || top < onAccounts/4 {
		t.Errorf("%s set: %d of %d accounts have activities; the busiest tenth have %d of %d", sz.name, len(counts), na, top,
			onAccounts)
	}
}

func sameID(a, b *int64) bool { return a != nil && b != nil && *a == *b }

func openIndex(p model.Pipeline, key string) (int, bool) {
	for i, s := range p.Open() {
		if s.Key == key {
			return i, true
		}
	}
	return 0, false
}

// checkDeal checks a deal's stage history: the first move starts it, each
// move leaves the stage the one before entered, the last is in the deal's
// stage; times strictly increase, the first 1 to 12 months before today,
// the last before it; a move into the lost stage has a reason.
func checkDeal(d model.Deal, moves []model.StageMove, p model.Pipeline, today time.Time) error {
	fail := func(format string, args ...any) error {
		return fmt.Errorf("deal %q (%s): %s; moves %+v", d.Title, d.Stage, fmt.Sprintf(format, args...), moves)
	}
	if len(moves) == 0 {
		return fail("no stage history")
	}
	if moves[0].From != "" {
		return fail("the first move comes from %q", moves[0].From)
	}
	for i, m := range moves {
		st, ok := p.Find(m.To)
		if !ok || st.Key != m.To {
			return fail("move %d goes to %q, not a stage key", i, m.To)
		}
		if i > 0 && (m.From != moves[i-1].To || !m.At.After(moves[i-1].At) || m.From == m.To) {
			return fail("move %d from %q at %v after a move to %q at %v", i, m.From, m.At, moves[i-1].To, moves[i-1].At)
		}
		if st.Kind == model.StageLost && m.LostReason == "" {
			return fail("move %d into lost has no reason", i)
		}
	}
	last := moves[len(moves)-1]
	if last.To != d.Stage {
		return fail("the last move goes to %q", last.To)
	}
	if !last.At.Before(today) {
		return fail("the last move is at %v, not before %v", last.At, today)
	}
	if age := today.Sub(moves[0].At); age < 29*24*time.Hour || age > 366*24*time.Hour {
		return fail("created %v before today", age)
	}
	st, _ := p.Find(d.Stage)
	if d.Status != string(st.Kind) {
		return fail("status %q", d.Status)
	}
	if st.Kind == model.StageLost && last.LostReason == "" {
		return fail("lost without a reason")
	}
	if d.Amount <= 0 {
		return fail("amount %d", d.Amount)
	}
	if d.Probability != nil && (*d.Probability%5 != 0 || *d.Probability <= 0 || *d.Probability >= 100) {
		return fail("probability %d", *d.Probability)
	}
	return nil
}

// BenchmarkRunLarge writes the large set into a fresh database:
// go test -run xxx -bench RunLarge -benchtime 1x ./demo
func BenchmarkRunLarge(b *testing.B) {
	for range b.N {
		b.StopTimer()
		s := openStore(b, "Bench User")
		b.StartTimer()
		sum := run(b, s, Options{Size: "large", Seed: 1})
		b.StopTimer()
		checkLarge(b, s, sum)
		if n, err := s.Contacts.Count(ctx, store.ListQuery{Search: "ozturk"}); err != nil || n == 0 {
			b.Fatalf("search after the large run: %d, %v", n, err)
		}
		s.Close()
		b.StartTimer()
	}
}

func TestPhoneAndEmailStayUnique(t *testing.T) {
	g := newGenerator(1, sizes[0], nil)
	seen := map[string]bool{}
	for range 10 {
		p := g.phone("+90 212 555 01 0#")
		if seen[p] {
			t.Fatalf("phone %s handed out twice", p)
		}
		seen[p] = true
	}
	p := person{first: "Jürgen", last: "Müller", key: "Müller", c: countryByCode("DE")}
	var got []string
	for range 3 {
		got = append(got, g.workEmail(p, "weber-soehne.de", true))
	}
	want := []string{"juergen.mueller@weber-soehne.de", "j.mueller@weber-soehne.de", "juergen.mueller2@weber-soehne.de"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("emails %v, want %v", got, want)
	}
}

// today is the day the deal tests count from.
var today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

func deals(t testing.TB, s *store.Store) []model.Deal {
	t.Helper()
	ds, err := s.Deals.List(ctx, store.ListQuery{Limit: 0})
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func quotes(t testing.TB, s *store.Store) []model.Quote {
	t.Helper()
	qs, err := s.Quotes.List(ctx, 0, "", 0)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

func TestDealsSmall(t *testing.T) {
	s := openStore(t, "Test User")
	sum := run(t, s, Options{Seed: 1, Now: today.Add(15 * time.Hour)})
	p, _ := s.Rules().PipelineSet().Find("new-business")

	// Summary counts match the store.
	ds := deals(t, s)
	open, err := s.Deals.Count(ctx, store.ListQuery{Status: model.StatusOpen})
	if err != nil {
		t.Fatal(err)
	}
	products, err := s.Products.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	qs := quotes(t, s)
	if sum.Deals != len(ds) || sum.OpenDeals != open || sum.Products != len(products) || sum.Quotes != len(qs) {
		t.Errorf("summary %+v; store holds %d deals (%d open), %d products, %d quotes", sum, len(ds), open, len(products), len(qs))
	}
	if sum.Deals != 60 || sum.OpenDeals != 40 || sum.Products < 25 || sum.Quotes < 5 || sum.Quotes > 20 {
		t.Errorf("small size wrote %+v, want 60 deals (40 open), about 30 products and some quotes", sum)
	}

	// Every open stage has deals, and there are won and lost ones.
	byStage := map[string]int{}
	for _, d := range ds {
		byStage[d.Stage]++
	}
	for _, st := range p.Stages {
		if byStage[st.Key] == 0 {
			t.Errorf("no deal in %s: %v", st.Key, byStage)
		}
	}

	// Contacts work for the deal's account; stage histories are
	// consistent; closed deals have their closed date.
	worksAt := map[int64]*int64{}
	for _, c := range contacts(t, s, store.ListQuery{}) {
		worksAt[c.ID] = c.AccountID
	}
	withAccount, withContact, withClose, currencies := 0, 0, 0, map[string]int{}
	for _, d := range ds {
		currencies[d.Currency]++
		if d.AccountID != nil {
			withAccount++
			if d.AccountName == "" {
				t.Errorf("deal %q has an account id but no name", d.Title)
			}
		}
		if d.ContactID != nil {
			withContact++
			if (worksAt[*d.ContactID] != nil || d.AccountID != nil) && !sameID(worksAt[*d.ContactID], d.AccountID) {
				t.Errorf("deal %q: contact %s does not work for %s", d.Title, d.ContactName, d.AccountName)
			}
		}
		moves, err := s.Deals.StageHistory(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkDeal(d, moves, p, today); err != nil {
			t.Error(err)
		}
		last := moves[len(moves)-1]
		if !d.StageEnteredAt.Equal(last.At) || !d.CreatedAt.Equal(moves[0].At) {
			t.Errorf("deal %q: entered its stage %v, created %v; moves %+v", d.Title, d.StageEnteredAt, d.CreatedAt, moves)
		}
		if d.Status == model.StatusOpen {
			if d.ClosedAt != nil {
				t.Errorf("open deal %q closed at %v", d.Title, d.ClosedAt)
			}
			if d.CloseDate != "" {
				withClose++
			}
		} else if d.ClosedAt == nil || !d.ClosedAt.Equal(last.At) {
			t.Errorf("%s deal %q closed at %v, last move %v", d.Status, d.Title, d.ClosedAt, last.At)
		}
	}
	if withAccount < len(ds)*85/100 || withContact < len(ds)*3/4 {
		t.Errorf("%d of %d deals have an account, %d a contact", withAccount, len(ds), withContact)
	}
	if withClose < open*7/10 || withClose == open {
		t.Errorf("%d of %d open deals have an expected close date, want about 85%%", withClose, open)
	}
	if len(currencies) < 4 || currencies["EUR"] == 0 || currencies["TRY"] == 0 {
		t.Errorf("deal currencies %v, want several", currencies)
	}

	// The board's totals are the sums over the open deals.
	totals, err := s.Deals.Totals(ctx, store.ListQuery{Pipeline: "new-business"})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ stage, currency string }
	want := map[key][3]int64{}
	for _, d := range ds {
		w := want[key{d.Stage, d.Currency}]
		w[0]++
		w[1] += d.Amount
		if d.Probability == nil {
			w[2] += d.Amount
		}
		want[key{d.Stage, d.Currency}] = w
	}
	got := map[key][3]int64{}
	for _, st := range totals {
		n := 0
		for _, c := range st.Amounts {
			got[key{st.Stage, c.Currency}] = [3]int64{int64(c.Deals), c.Amount, c.Plain}
			n += c.Deals
		}
		if n != st.Deals || int64(st.Deals) != int64(byStage[st.Stage]) {
			t.Errorf("stage %s: total of %d deals, currencies %+v, list %d", st.Stage, st.Deals, st.Amounts, byStage[st.Stage])
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("board totals\n%v\nsums over the deals\n%v", got, want)
	}

	// Quotes: on deals that reached the proposal, in the deal's currency,
	// product lines at their price when the product is in that currency.
	byID := map[int64]model.Deal{}
	for _, d := range ds {
		byID[d.ID] = d
	}
	bySKU := map[string]model.Product{}
	for _, pr := range products {
		bySKU[pr.SKU] = pr
	}
	statuses := map[string]int{}
	for _, q := range qs {
		d := byID[q.DealID]
		statuses[q.Status]++
		if q.Currency != d.Currency || !strings.HasPrefix(q.Number, "Q-") || len(q.Lines) == 0 || len(q.Lines) > 5 {
			t.Errorf("quote %s on %q (%s): currency %s, %d lines", q.Number, d.Title, d.Currency, q.Currency, len(q.Lines))
		}
		if tot := q.Totals(); tot.Total <= 0 || tot.Net <= 0 {
			t.Errorf("quote %s: totals %+v", q.Number, tot)
		}
		if (q.Status == "draft") != (q.SentAt == nil) {
			t.Errorf("quote %s is %s, sent at %v", q.Number, q.Status, q.SentAt)
		}
		if q.SentAt != nil && !q.SentAt.Before(today) {
			t.Errorf("quote %s sent at %v", q.Number, q.SentAt)
		}
		for _, l := range q.Lines {
			if l.SKU == "" {
				continue
			}
			pr, ok := bySKU[l.SKU]
			if !ok || l.ProductID == nil || *l.ProductID != pr.ID {
				t.Errorf("quote %s: line %+v names no product", q.Number, l)
			} else if pr.Currency == q.Currency && l.UnitPrice != pr.UnitPrice {
				t.Errorf("quote %s in %s: %s at %d, listed at %d", q.Number, q.Currency, l.SKU, l.UnitPrice, pr.UnitPrice)
			}
		}
		switch q.Status {
		case "accepted":
			if d.Status != model.StatusWon {
				t.Errorf("accepted quote %s on a %s deal", q.Number, d.Status)
			}
		case "draft", "sent":
			if d.Status != model.StatusOpen {
				t.Errorf("%s quote %s on a %s deal", q.Status, q.Number, d.Status)
			}
		}
	}
	if statuses["sent"] == 0 {
		t.Errorf("quote statuses %v", statuses)
	}

	// The anchor deals.
	for _, a := range []struct{ title, account, contact, currency string }{
		{"Depo otomasyonu", "Işık Tekstil A.Ş.", "Ayşe Yılmaz", "TRY"},
		{"Lagerverwaltung Einführung", "Weber & Söhne KG", "Jürgen Müller", "EUR"},
	} {
		found := false
		for _, d := range ds {
			if d.Title == a.title && d.AccountName == a.account && d.ContactName == a.contact &&
				d.Currency == a.currency && d.Status == model.StatusOpen {
				found = true
			}
		}
		if !found {
			t.Errorf("no open deal %q at %s with %s in %s", a.title, a.account, a.contact, a.currency)
		}
	}
}

func dealFingerprint(d model.Deal) string {
	return fmt.Sprint(d.Title, "|", d.AccountName, "|", d.ContactName, "|", d.Pipeline, "|", d.Stage, "|", d.Amount, "|",
		d.Currency, "|", d.Probability != nil && *d.Probability > 0, "|", d.CloseDate, "|", d.OwnerName, "|", d.LostReason,
		"|", d.StageEnteredAt, "|", d.CreatedAt, "|", d.Notes)
}

func TestDealsDeterministic(t *testing.T) {
	a, b, c, d := openStore(t, "Test User"), openStore(t, "Test User"), openStore(t, "Test User"), openStore(t, "Test User")
	run(t, a, Options{Seed: 42, Now: today})
	run(t, b, Options{Seed: 42, Now: today.Add(23 * time.Hour)})
	run(t, c, Options{Seed: 43, Now: today})
	run(t, d, Options{Seed: 42, Now: today.AddDate(0, 0, 10)})
	da, db, dc, dd := deals(t, a), deals(t, b), deals(t, c), deals(t, d)
	if len(da) != len(db) || len(da) != len(dd) {
		t.Fatalf("same seed: %d, %d and %d deals", len(da), len(db), len(dd))
	}
	same := true
	for i := range da {
		if dealFingerprint(da[i]) != dealFingerprint(db[i]) {
			t.Fatalf("same seed, different deal #%d:\n%s\n%s", i, dealFingerprint(da[i]), dealFingerprint(db[i]))
		}
		ha, _ := a.Deals.StageHistory(ctx, da[i].ID)
		hb, _ := b.Deals.StageHistory(ctx, db[i].ID)
		if fmt.Sprint(ha) != fmt.Sprint(hb) {
			t.Fatalf("same seed, deal %q: history\n%v\n%v", da[i].Title, ha, hb)
		}
		// ten days later, the same deals ten days on (the list is by
		// title, so the order is the same too)
		x, y := da[i], dd[i]
		if x.Title != y.Title || x.Amount != y.Amount || x.Stage != y.Stage || x.ContactName != y.ContactName ||
			!x.CreatedAt.AddDate(0, 0, 10).Equal(y.CreatedAt) {
			t.Fatalf("ten days later, deal #%d:\n%s\n%s", i, dealFingerprint(x), dealFingerprint(y))
		}
		same = same && i < len(dc) && dealFingerprint(da[i]) == dealFingerprint(dc[i])
	}
	if same {
		t.Error("seeds 42 and 43 gave the same deals")
	}
	qa, qb := quotes(t, a), quotes(t, b)
	ja, _ := json.Marshal(stripQuoteTimes(qa))
	jb, _ := json.Marshal(stripQuoteTimes(qb))
	if string(ja) != string(jb) {
		t.Errorf("same seed, different quotes:\n%s\n%s", ja, jb)
	}
	// activities too, to the id
	aa, ab, ac := stripActivityTimes(activities(t, a)), stripActivityTimes(activities(t, b)), stripActivityTimes(activities(t, c))
	if len(aa) == 0 || len(aa) != len(ab) {
		t.Fatalf("same seed: %d and %d activities", len(aa), len(ab))
	}
	for i := range aa {
		x, _ := json.Marshal(aa[i])
		y, _ := json.Marshal(ab[i])
		if string(x) != string(y) {
			t.Fatalf("same seed, different activity #%d:\n%s\n%s", i, x, y)
		}
	}
	jx, _ := json.Marshal(aa)
	jy, _ := json.Marshal(ac)
	if string(jx) == string(jy) {
		t.Error("seeds 42 and 43 gave the same activities")
	}
}

// stripActivityTimes clears what the store stamps with its clock.
func stripActivityTimes(as []model.Activity) []model.Activity {
	for i := range as {
		as[i].CreatedAt, as[i].UpdatedAt = time.Time{}, time.Time{}
	}
	return as
}

// stripQuoteTimes clears what the store stamps with its clock.
func stripQuoteTimes(qs []model.Quote) []model.Quote {
	out := make([]model.Quote, len(qs))
	for i, q := range qs {
		q.CreatedAt, q.UpdatedAt = time.Time{}, time.Time{}
		out[i] = q
	}
	return out
}

// checkLarge checks the large set's counts in the summary and the store.
func checkLarge(tb testing.TB, s *store.Store, sum Summary) {
	tb.Helper()
	if sum.Contacts != 100_000 || sum.Accounts != 20_000 || sum.Deals != 60_000 || sum.OpenDeals != 50_000 ||
		sum.Products != len(catalogue) || sum.Quotes < 2_500 || sum.Quotes > 3_500 {
		tb.Fatalf("large: %+v", sum)
	}
	n, err := s.Deals.Count(ctx, store.ListQuery{})
	if err != nil {
		tb.Fatal(err)
	}
	open, err := s.Deals.Count(ctx, store.ListQuery{Status: model.StatusOpen})
	if err != nil {
		tb.Fatal(err)
	}
	if n != 60_000 || open != 50_000 {
		tb.Fatalf("the large set holds %d deals, %d open", n, open)
	}
	if sum.Activities != 1_000_000 || sum.OpenTasks < 25_000 || sum.OpenTasks > 45_000 {
		tb.Fatalf("large: %d activities, %d open tasks", sum.Activities, sum.OpenTasks)
	}
	na, err := s.Activities.Count(ctx, store.ListQuery{})
	if err != nil {
		tb.Fatal(err)
	}
	nt, err := s.Activities.Count(ctx, store.ListQuery{Open: true})
	if err != nil {
		tb.Fatal(err)
	}
	if na != 1_000_000 || nt != sum.OpenTasks {
		tb.Fatalf("the large set holds %d activities, %d open tasks; summary %+v", na, nt, sum)
	}
	totals, err := s.Deals.Totals(ctx, store.ListQuery{Pipeline: "new-business"})
	if err != nil {
		tb.Fatal(err)
	}
	sumDeals := 0
	for _, st := range totals {
		sumDeals += st.Deals
	}
	if sumDeals != 60_000 {
		tb.Fatalf("board totals count %d deals", sumDeals)
	}
}

// TestRunLarge writes the large set (ROLO_DEMO_LARGE=1 only; it takes a
// while).
func TestRunLarge(t *testing.T) {
	if os.Getenv("ROLO_DEMO_LARGE") == "" {
		t.Skip("set ROLO_DEMO_LARGE=1 to write the large set")
	}
	s := openStore(t, "Test User")
	start := time.Now()
	sum := run(t, s, Options{Size: "large", Seed: 1})
	t.Logf("large set in %v: %+v", time.Since(start).Round(time.Millisecond), sum)
	checkLarge(t, s, sum)
	if n, err := s.Contacts.Count(ctx, store.ListQuery{Search: "ozturk"}); err != nil || n == 0 {
		t.Fatalf("search after the large run: %d, %v", n, err)
	}
}

// TestDealsCustomPipelines: deals go into every configured pipeline, use
// its stage keys, and have the fields its stages require.
func TestDealsCustomPipelines(t *testing.T) {
	pipelines := model.Pipelines{
		{Key: "sales", Name: "Sales", Stages: []model.Stage{
			{Key: "lead", Name: "Lead", Probability: 10, Kind: model.StageOpen},
			{Key: "demo", Name: "Demo", Probability: 30, Kind: model.StageOpen, Requires: []string{"contact"}},
			{Key: "offer", Name: "Offer", Probability: 60, Kind: model.StageOpen, Requires: []string{"amount", "close_date"}},
			{Key: "signed", Name: "Signed", Probability: 100, Kind: model.StageWon, Requires: []string{"probability"}},
			{Key: "dropped", Name: "Dropped", Probability: 0, Kind: model.StageLost},
		}},
		{Key: "renewals", Name: "Renewals", Stages: []model.Stage{
			{Key: "due", Name: "Due", Probability: 70, Kind: model.StageOpen, Requires: []string{"account"}},
			{Key: "renewed", Name: "Renewed", Probability: 100, Kind: model.StageWon},
			{Key: "churned", Name: "Churned", Probability: 0, Kind: model.StageLost},
		}},
	}
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "rolo.db"), store.Options{
		Rules: model.Rules{Region: "TR", Pipelines: pipelines, BaseCurrency: "TRY"}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum := run(t, s, Options{Seed: 7, Now: today})
	ds := deals(t, s)
	if len(ds) != 60 || sum.OpenDeals != 40 {
		t.Fatalf("%d deals, summary %+v", len(ds), sum)
	}
	seen := map[string]int{}
	for _, d := range ds {
		p, ok := pipelines.Find(d.Pipeline)
		if !ok {
			t.Fatalf("deal %q in pipeline %q", d.Title, d.Pipeline)
		}
		seen[d.Pipeline+"/"+d.Stage]++
		moves, err := s.Deals.StageHistory(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if err := checkDeal(d, moves, p, today); err != nil {
			t.Error(err)
		}
		for _, m := range moves {
			st, _ := p.Find(m.To)
			if missing := d.Missing(st); len(missing) > 0 {
				t.Errorf("deal %q went through %s without %v", d.Title, st.Key, missing)
			}
		}
	}
	for _, p := range pipelines {
		for _, st := range p.Stages {
			if seen[p.Key+"/"+st.Key] == 0 {
				t.Errorf("no deal in %s/%s: %v", p.Key, st.Key, seen)
			}
		}
	}
	if seen["sales/lead"] <= seen["renewals/due"] {
		t.Errorf("the first pipeline should get most deals: %v", seen)
	}
}

func activities(t testing.TB, s *store.Store) []model.Activity {
	t.Helper()
	as, err := s.Activities.List(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	return as
}

// subjects are the subjects of the templates in one language.
func subjects(lang func(tmpl) string) map[string]bool {
	out := map[string]bool{}
	for _, td := range topics {
		for _, list := range [][]tmpl{td.logged, td.done, td.next} {
			for _, tm := range list {
				if s := lang(tm); s != "" {
					out[s] = true
				}
			}
		}
	}
	return out
}

// TestActivitiesSmall: the small set's activities are of every kind, in
// the half year before the day, linked consistently; next steps on most
// open deals are overdue, due today and upcoming, and show as the deals'
// next tasks; contacts' last activity is their newest logged one.
func TestActivitiesSmall(t *testing.T) {
	s := openStore(t, "Test User")
	sum := run(t, s, Options{Seed: 1, Now: today.Add(15 * time.Hour)})
	as := activities(t, s)
	n, err := s.Activities.Count(ctx, store.ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	open, err := s.Activities.Count(ctx, store.ListQuery{Open: true})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Activities != n || len(as) != n || sum.OpenTasks != open {
		t.Errorf("summary %+v; the store holds %d activities (%d listed), %d open tasks", sum, n, len(as), open)
	}
	if n < 300 || n > 600 || open < 15 {
		t.Errorf("small size wrote %d activities, %d open tasks; want 300 to 600, and next steps on most open deals", n, open)
	}

	worksAt := map[int64]*int64{}
	cs := contacts(t, s, store.ListQuery{})
	for _, c := range cs {
		worksAt[c.ID] = c.AccountID
	}
	ds := deals(t, s)
	byID := map[int64]model.Deal{}
	for _, d := range ds {
		byID[d.ID] = d
	}
	samePtr := func(a, b *int64) bool { return a == nil && b == nil || sameID(a, b) }
	tr, de := subjects(func(tm tmpl) string { return tm.tr }), subjects(func(tm tmpl) string { return tm.de })
	kinds := map[string]int{}
	var doneTasks, allDay, timed, bodies, turkish, german int
	last := map[int64]time.Time{} // newest logged activity per contact
	nextOf := map[int64][]int64{} // open tasks per deal
	perDeal := map[int64]int{}    // activities per deal
	start := today.AddDate(0, 0, -actWindow)
	for _, a := range as {
		kinds[a.Kind]++
		desc := fmt.Sprintf("%s %q at %v (%s)", a.Kind, a.Subject, a.At, a.Record())
		if a.ContactID != nil && !samePtr(worksAt[*a.ContactID], a.AccountID) {
			t.Errorf("%s: contact %s works for %v, the activity names account %v", desc, a.ContactName, worksAt[*a.ContactID], a.AccountID)
		}
		if a.ContactID == nil && a.AccountID == nil && a.DealID == nil {
			t.Errorf("%s: linked to nobody", desc)
		}
		if a.DealID != nil {
			d, ok := byID[*a.DealID]
			if !ok || !samePtr(d.AccountID, a.AccountID) || !samePtr(d.ContactID, a.ContactID) || a.DealTitle != d.Title {
				t.Errorf("%s: deal %q is with %s, %s", desc, d.Title, d.AccountName, d.ContactName)
			}
			perDeal[*a.DealID]++
		}
		if (a.ContactID != nil) == (a.ContactName == "") || (a.AccountID != nil) == (a.AccountName == "") {
			t.Errorf("%s: names and links differ", desc)
		}
		if a.AllDay && (a.At.Hour() != 23 || a.At.Minute() != 59 || a.At.Second() != 59) {
			t.Errorf("%s: all day, not due at the end of its day", desc)
		}
		if tr[a.Subject] {
			turkish++
		}
		if de[a.Subject] {
			german++
		}
		if strings.Contains(a.Body, "\n") {
			bodies++
		}
		if a.Kind == model.KindTask && !a.Done {
			if a.DealID == nil || a.At.Before(today.AddDate(0, 0, -12)) || !a.At.Before(today.AddDate(0, 0, 24)) {
				t.Errorf("open %s: want a deal's next step due within ten days before or three weeks after %v", desc, today)
			}
			if a.AllDay {
				allDay++
			} else {
				timed++
			}
			if a.DealID != nil {
				nextOf[*a.DealID] = append(nextOf[*a.DealID], a.ID)
			}
			continue
		}
		if a.At.Before(start) || !a.At.Before(today) {
			t.Errorf("%s: not in the half year before %v", desc, today)
		}
		if !a.AllDay && (a.At.Hour() < 8 || a.At.Hour() >= 18) || a.DoneAt != nil && (a.DoneAt.Hour() < 8 || a.DoneAt.Hour() >= 18) &&
			!a.DoneAt.Equal(a.At) {
			t.Errorf("%s: not in working hours (done at %v)", desc, a.DoneAt)
		}
		if wd := a.At.Weekday(); wd == time.Saturday || wd == time.Sunday {
			t.Errorf("%s: on a %s", desc, wd)
		}
		if a.DoneAt == nil || a.DoneAt.After(today) {
			t.Errorf("%s: done at %v", desc, a.DoneAt)
			continue
		}
		switch a.Kind {
		case model.KindTask:
			doneTasks++
		case model.KindCall:
			if a.Duration <= 0 || a.Outcome == "" {
				t.Errorf("%s: a call of %d minutes with outcome %q", desc, a.Duration, a.Outcome)
			}
		case model.KindMeeting:
			if a.Duration < 15 {
				t.Errorf("%s: a meeting of %d minutes", desc, a.Duration)
			}
		}
		if a.ContactID != nil && a.DoneAt.After(last[*a.ContactID]) {
			last[*a.ContactID] = *a.DoneAt
		}
	}
	for _, k := range model.ActivityKinds {
		if kinds[k] < 10 {
			t.Errorf("activities by kind %v: want every kind", kinds)
		}
	}
	if doneTasks < n/20 || allDay == 0 || timed == 0 || bodies < 10 || turkish == 0 || german == 0 {
		t.Errorf("%d done tasks, %d all-day and %d timed open tasks, %d multi-line bodies, %d Turkish and %d German subjects",
			doneTasks, allDay, timed, bodies, turkish, german)
	}

	// the agenda of the day: overdue, today and upcoming next steps
	agenda, err := s.Activities.List(ctx, store.ListQuery{Agenda: today})
	if err != nil {
		t.Fatal(err)
	}
	if na, err := s.Activities.Count(ctx, store.ListQuery{Agenda: today}); err != nil || na != len(agenda) {
		t.Errorf("agenda: %d listed, counted %d (%v)", len(agenda), na, err)
	}
	when := map[string]int{}
	for _, a := range agenda {
		switch {
		case a.At.Before(today):
			when["overdue"]++
		case a.At.Before(today.AddDate(0, 0, 1)):
			when["today"]++
		default:
			when["upcoming"]++
		}
	}
	if when["overdue"] == 0 || when["today"] < 2 || when["upcoming"] < when["today"] || len(agenda) != open {
		t.Errorf("agenda of %d tasks (%d open): %v", len(agenda), open, when)
	}

	// next steps: one on most open deals, shown as their next task
	withNext, perOpen, perClosed, closed := 0, 0, 0, 0
	for _, d := range ds {
		got, err := s.Deals.Get(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		tasks := nextOf[d.ID]
		switch {
		case len(tasks) > 1 || len(tasks) == 1 && d.Status != model.StatusOpen:
			t.Errorf("%s deal %q has open tasks %v", d.Status, d.Title, tasks)
		case len(tasks) == 1 && (got.NextTask == nil || got.NextTask.ID != tasks[0]):
			t.Errorf("deal %q: next task %+v, want #%d", d.Title, got.NextTask, tasks[0])
		case len(tasks) == 0 && got.NextTask != nil:
			t.Errorf("deal %q: next task %+v, it has none", d.Title, got.NextTask)
		}
		if len(tasks) > 0 {
			withNext++
		}
		if d.Status == model.StatusOpen {
			perOpen += perDeal[d.ID]
		} else {
			perClosed += perDeal[d.ID]
			closed++
		}
	}
	if withNext < sum.OpenDeals/2 || withNext > sum.OpenDeals*9/10 {
		t.Errorf("%d of %d open deals have a next step, want about 70%%", withNext, sum.OpenDeals)
	}
	if perOpen < 3*sum.OpenDeals || perOpen*closed <= 2*perClosed*sum.OpenDeals {
		t.Errorf("%d activities on %d open deals, %d on %d closed ones: want several per open deal, fewer on closed ones",
			perOpen, sum.OpenDeals, perClosed, closed)
	}

	// contacts' last activity; some have none
	none := 0
	for _, c := range cs {
		want, ok := last[c.ID]
		switch {
		case !ok && c.LastActivityAt != nil:
			t.Errorf("%s: last activity %v, has none", c.Name(), c.LastActivityAt)
		case ok && (c.LastActivityAt == nil || !c.LastActivityAt.Equal(want)):
			t.Errorf("%s: last activity %v, want %v", c.Name(), c.LastActivityAt, want)
		case !ok:
			none++
		}
	}
	if none < len(cs)/10 || none > len(cs)*6/10 {
		t.Errorf("%d of %d contacts have no activities", none, len(cs))
	}
}

// --force replaces leads too (a converted lead refers to the contacts it
// replaces), and leaves their search index and counts right.
func TestForceReplacesLeads(t *testing.T) {
	s := openStore(t, "Test User")
	l, err := s.Leads.Create(ctx, model.Lead{Name: "Ayşe Yılmaz", Company: "Işık Tekstil"}, store.WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Leads.Create(ctx, model.Lead{Name: "Kept Lead"}, store.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Leads.Convert(ctx, l.ID, 0, store.ConvertOptions{}); err != nil {
		t.Fatal(err)
	}
	sum, err := Run(ctx, s, Options{Seed: 3, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := s.Leads.Count(ctx, store.ListQuery{}); n != sum.Leads || n != 30 {
		t.Errorf("%d leads after --force, want the demo's %d", n, sum.Leads)
	}
	if n, _ := s.Leads.Count(ctx, store.ListQuery{Search: "kept"}); n != 0 {
		t.Errorf("the search index still finds a replaced lead")
	}
	counts, _ := s.Leads.StatusCounts(ctx, 0)
	total := 0
	for _, n := range counts {
		total += n
	}
	if total != sum.Leads || counts[model.LeadConverted] != 0 || counts[model.LeadNew] == 0 || counts[model.LeadDisqualified] == 0 {
		t.Errorf("lead counts after --force: %v", counts)
	}
	// The first lead is a contact met again: converting it finds him.
	ls, _ := s.Leads.List(ctx, store.ListQuery{Search: "jurgen muller"})
	if len(ls) != 1 {
		t.Fatalf("leads named Jürgen Müller: %+v", ls)
	}
	cs, as, err := s.Dupes.ForLead(ctx, ls[0])
	if err != nil || len(cs) == 0 || cs[0].Name != "Jürgen Müller" || len(as) == 0 || as[0].Name != "Weber & Söhne KG" {
		t.Errorf("the duplicate lead: %v contacts %+v accounts %+v", err, cs, as)
	}
}
