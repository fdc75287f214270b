package demo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	want := fmt.Sprintf("already holds %d contacts and %d accounts", first.Contacts, first.Accounts)
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
// unique emails, phones and account names.
func TestGenerateMany(t *testing.T) {
	sz := size{"quarter", 5_000, 25_000}
	if os.Getenv("ROLO_DEMO_LARGE") != "" {
		sz = sizes[1]
	}
	g := newGenerator(1, sz, []int64{1, 2, 3, 4})
	names, emails, phones := map[string]bool{}, map[string]bool{}, map[string]bool{}
	na, nc := 0, 0
	err := g.generate(func(a model.Account) (int64, error) {
		na++
		k := model.Fold(a.Name)
		if names[k] {
			return 0, fmt.Errorf("duplicate account name %q", a.Name)
		}
		names[k] = true
		return int64(na), nil
	}, func(c model.Contact) error {
		nc++
		e := model.NormalizeEmail(c.Email)
		if emails[e] {
			return fmt.Errorf("duplicate email %s", e)
		}
		emails[e] = true
		if c.Phone != "" {
			if phones[c.Phone] {
				return fmt.Errorf("duplicate phone %s", c.Phone)
			}
			phones[c.Phone] = true
		}
		return model.CheckEmail(c.Email)
	})
	if err != nil {
		t.Fatal(err)
	}
	if na != sz.accounts || nc != sz.contacts {
		t.Errorf("%s set: %d accounts, %d contacts", sz.name, na, nc)
	}
	// Names with a city added are fine now and then, not as a rule.
	if g.withCity > na/50 {
		t.Errorf("%d of %d account names needed their city to be unique: add words to the name lists", g.withCity, na)
	}
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
		if sum.Contacts != 100_000 || sum.Accounts != 20_000 {
			b.Fatalf("large: %+v", sum)
		}
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
