// Package demo fills a rolo database with realistic, international sample
// data (`rolo demo`): companies from eleven countries with their legal
// forms, addresses and phone numbers, and the people who work there, with
// names in their own spelling (Ayşe Yılmaz, Jürgen Müller, Seán O'Neil);
// a product catalogue; deals moving through the configured pipelines with
// their stage history, and quotes on some of them; and the calls, emails,
// meetings, notes and tasks of the half year before the day, with next
// steps on most open deals. The same seed, size and day always give the
// same data (dates are relative to the day).
package demo

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"rolo/model"
	"rolo/store"
)

// Options choose what Run writes.
type Options struct {
	Size  string // "small" (the default when empty) or "large"
	Seed  int64  // the same seed and size give the same data
	Force bool   // replace what the database holds instead of refusing
	// Now is the day deal and activity dates are relative to: stage
	// changes and logged activities before it, expected close dates and
	// open tasks around it. Zero: the store's clock at the write. Only its
	// UTC date counts, so runs on one day agree.
	Now time.Time
}

// Summary counts what Run wrote: the users records are owned by, accounts,
// contacts, products, deals (OpenDeals of them open), quotes and
// activities (OpenTasks of them open tasks).
type Summary struct {
	Users, Accounts, Contacts          int
	Products, Deals, OpenDeals, Quotes int
	Activities, OpenTasks              int
	Leads                              int
}

// ErrNotEmpty is returned, wrapped in a message that says what the
// database holds, when Run is asked to fill a database that is not empty
// without Force.
var ErrNotEmpty = errors.New("the database is not empty")

type notEmptyError struct{ contacts, accounts, deals, products int }

func (e *notEmptyError) Error() string {
	held := []string{plural(e.contacts, "contact"), plural(e.accounts, "account")}
	if e.deals > 0 {
		held = append(held, plural(e.deals, "deal"))
	}
	if e.products > 0 {
		held = append(held, plural(e.products, "product"))
	}
	return fmt.Sprintf("the database already holds %s and %s; use --force to replace everything (that deletes them and their history)",
		strings.Join(held[:len(held)-1], ", "), held[len(held)-1])
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func (e *notEmptyError) Unwrap() error { return ErrNotEmpty }

type size struct {
	name               string
	accounts, contacts int
	deals, open        int     // the closed ones are 60% won, 40% lost
	quoteShare         float64 // of the deals at or past the proposal stage
	activities         int     // exactly
	bodies             float64 // scales the share of activities with a body
	leads              int
}

var sizes = []size{
	{"small", 40, 250, 60, 40, 0.3, 480, 1, 30},
	{"large", 20_000, 100_000, 60_000, 50_000, 0.125, 1_000_000, 0.05, 10_000},
}

// Sizes are the valid values of Options.Size.
func Sizes() []string {
	out := make([]string, len(sizes))
	for i, s := range sizes {
		out[i] = s.name
	}
	return out
}

func lookupSize(name string) (size, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "" {
		n = "small"
	}
	for _, s := range sizes {
		if s.name == n {
			return s, nil
		}
	}
	return size{}, fmt.Errorf("unknown demo size %q (valid sizes: %s)", name, strings.Join(Sizes(), ", "))
}

// Run fills the store with demo data in one transaction. It refuses a
// store that holds contacts, accounts, deals or products unless opt.Force
// is set; then it deletes them (and the history) in the same transaction,
// so a failure leaves the old data as it was. Three team members are
// added as users (they stay, like every user) and records are spread over
// them and the store's actor, who owns the largest share. Deal dates are
// relative to opt.Now (the store's clock when zero), and so are activities.
func Run(ctx context.Context, s *store.Store, opt Options) (Summary, error) {
	sz, err := lookupSize(opt.Size)
	if err != nil {
		return Summary{}, err
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("demo data: %w", err)
	}
	// the store's emptiness counts contacts and accounts; demo products
	// would clash with products imported before, so deals and products
	// count too
	dn, pn, err := dealsAndProducts(ctx, s)
	if err != nil {
		return Summary{}, fmt.Errorf("demo data: %w", err)
	}
	other := dn+pn > 0
	if (!empty || other) && !opt.Force {
		return Summary{}, notEmpty(ctx, s)
	}
	owners, err := ensureTeam(ctx, s)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{Users: len(owners)}
	err = s.BulkWrite(ctx, func(b *store.Bulk) error {
		sum = Summary{Users: len(owners)}
		// checked again under the write lock: another process may have
		// written since
		if empty, err = b.Empty(); err != nil {
			return err
		}
		empty = empty && !other
		if !empty && !opt.Force {
			return notEmpty(ctx, s)
		}
		if !empty {
			if err := b.Wipe(); err != nil {
				return fmt.Errorf("delete the old data: %w", err)
			}
		}
		g := newGenerator(opt.Seed, sz, owners)
		g.pipelines = s.Rules().PipelineSet()
		g.base = s.Rules().Base()
		now := opt.Now
		if now.IsZero() {
			var perr error
			if now, perr = time.Parse(time.RFC3339Nano, b.Now()); perr != nil {
				return fmt.Errorf("the store's clock: %w", perr)
			}
		}
		g.today = day(now)
		return g.generate(writers{
			account: func(a model.Account) (int64, error) {
				id, err := b.AddAccount(a)
				if err == nil {
					sum.Accounts++
				}
				return id, err
			},
			contact: func(c model.Contact) (int64, error) {
				id, err := b.AddContact(c)
				if err == nil {
					sum.Contacts++
				}
				return id, err
			},
			product: func(p model.Product) error {
				_, err := b.AddProduct(p)
				if err == nil {
					sum.Products++
				}
				return err
			},
			deal: func(d model.Deal, moves []model.StageMove) (int64, error) {
				id, err := b.AddDeal(d, moves)
				if err == nil {
					sum.Deals++
					if d.Status == model.StatusOpen {
						sum.OpenDeals++
					}
				}
				return id, err
			},
			quote: func(q model.Quote) error {
				_, err := b.AddQuote(q)
				if err == nil {
					sum.Quotes++
				}
				return err
			},
			lead: func(l model.Lead) error {
				if _, err := b.AddLead(l); err != nil {
					return err
				}
				sum.Leads++
				return nil
			},
			activity: func(a model.Activity) error {
				if _, err := b.AddActivity(a); err != nil {
					return fmt.Errorf("activity %q on %s: %w", a.Subject, a.Record(), err)
				}
				sum.Activities++
				if a.Kind == model.KindTask && !a.Done {
					sum.OpenTasks++
				}
				return nil
			},
		})
	})
	if errors.Is(err, ErrNotEmpty) {
		return Summary{}, err
	}
	if err != nil {
		return Summary{}, fmt.Errorf("write demo data: %w", err)
	}
	return sum, nil
}

// notEmpty builds the ErrNotEmpty error, counting archived records too.
func notEmpty(ctx context.Context, s *store.Store) error {
	var nc, na int
	for _, archived := range []bool{false, true} {
		c, err := s.Contacts.Count(ctx, store.ListQuery{Archived: archived})
		if err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		a, err := s.Accounts.Count(ctx, store.ListQuery{Archived: archived})
		if err != nil {
			return fmt.Errorf("demo data: %w", err)
		}
		nc, na = nc+c, na+a
	}
	nd, np, err := dealsAndProducts(ctx, s)
	if err != nil {
		return fmt.Errorf("demo data: %w", err)
	}
	return &notEmptyError{contacts: nc, accounts: na, deals: nd, products: np}
}

// dealsAndProducts counts the deals (archived ones too) and products.
func dealsAndProducts(ctx context.Context, s *store.Store) (deals, products int, err error) {
	for _, archived := range []bool{false, true} {
		n, err := s.Deals.Count(ctx, store.ListQuery{Archived: archived})
		if err != nil {
			return 0, 0, err
		}
		deals += n
	}
	ps, err := s.Products.List(ctx, store.ListQuery{})
	return deals, len(ps), err
}

// ensureTeam makes sure the team exists and returns the owners of demo
// records: the actor first (when there is one), then the team.
func ensureTeam(ctx context.Context, s *store.Store) ([]int64, error) {
	var owners []int64
	if s.Actor() != 0 {
		owners = append(owners, s.Actor())
	}
	for _, m := range team {
		u, err := s.Users.Ensure(ctx, m.name, m.email)
		if err != nil {
			return nil, fmt.Errorf("add team member %s: %w", m.name, err)
		}
		if u.ID != s.Actor() {
			owners = append(owners, u.ID)
		}
	}
	return owners, nil
}

// account is what contacts and deals need to know about an account
// written earlier.
type account struct {
	idx      int32 // in generator.accounts
	id       int64
	name     string
	domain   string
	c        *country
	city     *city
	owner    int64
	sector   int             // index into industries
	contacts []int64         // ids of the people who work there, first added first
	titles   map[string]bool // of its deals
}

// loose is a contact who works for no account (a freelancer, say).
type loose struct {
	id int64
	c  *country
}

// person is a contact's name, in their own country's spelling.
type person struct {
	first, last string
	key         string // the surname as used in an email address
	female      bool
	c           *country
}

// generator makes the records one at a time; it keeps only what
// uniqueness needs (the names, emails and phones handed out) and a small
// summary of each account.
type generator struct {
	r      *rand.Rand
	sz     size
	owners []int64

	countryCum []int
	accounts   []account
	accCum     []float64 // cumulative weights: some accounts get many contacts
	cover      []int     // accounts in the order the first contacts go to them
	covered    int

	names    map[string]bool  // company names, folded to letters and digits
	people   map[int64]string // contact names by id, for the deals that name them
	domains  map[string]bool
	emails   map[string]bool
	phones   map[uint64]bool // E.164 digits
	erp      int
	withCity int // company names that needed their city to be unique

	loose     []loose         // contacts without an account
	pipelines model.Pipelines // deals go into these; the first gets most
	base      string          // currency of deals without an account or contact
	today     time.Time       // midnight UTC of the day dates are relative to
	anchors   []anchorDeal

	// what activities need of the records written before them
	accountAt   map[int64]int32 // index into accounts by id
	contactAt   map[int64]int32 // index into contactRefs by id
	contactRefs []contactRef
	dealRefs    []dealRef
	dealMoves   []dealMove
	actBase     time.Time // activity times count from here
}

func newGenerator(seed int64, sz size, owners []int64) *generator {
	g := &generator{
		r:       rand.New(rand.NewPCG(uint64(seed), uint64(seed)^0x9e3779b97f4a7c15)),
		sz:      sz,
		owners:  owners,
		names:   make(map[string]bool, sz.accounts),
		domains: make(map[string]bool, sz.accounts),
		emails:  make(map[string]bool, sz.contacts),
		phones:  make(map[uint64]bool, sz.contacts+sz.accounts),
	}
	total := 0
	for _, c := range countries {
		total += c.weight
		g.countryCum = append(g.countryCum, total)
	}
	g.erp = 1000 + g.r.IntN(4000)
	g.pipelines = model.DefaultPipelines()
	g.base = "USD"
	g.today = defaultToday
	return g
}

// defaultToday is the day a generator without a store counts from.
var defaultToday = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// day is midnight UTC of t's UTC date.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// writers take the records the generator makes, in this order: accounts,
// contacts, products, each deal followed by its quotes, then the
// activities in time order (none when activity is nil).
type writers struct {
	account  func(model.Account) (int64, error)
	contact  func(model.Contact) (int64, error)
	product  func(model.Product) error
	deal     func(model.Deal, []model.StageMove) (int64, error)
	quote    func(model.Quote) error
	activity func(model.Activity) error
	lead     func(model.Lead) error
}

// anchors are records every demo database has, whatever the seed, so the
// guide and the tests can point at them: folded search finds "Öztürk" by
// "ozturk", "O'Neil" by "oneil", "Müller" by "muller".
var anchorAccounts = []struct {
	country, base, legal string
	sector, city         int
}{
	{"TR", "Işık Tekstil", "A.Ş.", 0, 0},
	{"DE", "Weber & Söhne", "KG", 10, 2},
}

var anchorContacts = []struct {
	country, first, last, title string
	account                     int // index into the accounts; -1: none
}{
	{"TR", "Ayşe", "Yılmaz", "Genel Müdür", 0},
	{"TR", "İsmail", "Öztürk", "Satın Alma Müdürü", 0},
	{"DE", "Jürgen", "Müller", "Einkaufsleiter", 1},
	{"GB", "Seán", "O'Neil", "Head of Procurement", 2},
	{"FR", "Jean-Pierre", "Lefèvre", "Consultant indépendant", -1},
}

func countryByCode(code string) *country {
	for _, c := range countries {
		if c.code == code {
			return c
		}
	}
	panic("demo: no country " + code)
}

// generate hands every record to the writers.
func (g *generator) generate(w writers) error {
	g.accounts = make([]account, 0, g.sz.accounts)
	g.accCum = make([]float64, 0, g.sz.accounts)
	g.accountAt = make(map[int64]int32, g.sz.accounts)
	g.contactAt = make(map[int64]int32, g.sz.contacts)
	g.contactRefs = make([]contactRef, 0, g.sz.contacts)
	total := 0.0
	// A Pareto-like weight per account: most accounts get a few contacts,
	// some dozens, and in the large set a few over a hundred.
	maxWeight := math.Min(150, float64(g.sz.accounts)/3)
	for i := 0; i < g.sz.accounts; i++ {
		a, meta := g.account(i)
		id, err := w.account(a)
		if err != nil {
			return fmt.Errorf("account %q: %w", a.Name, err)
		}
		meta.id, meta.idx = id, int32(len(g.accounts))
		g.accountAt[id] = meta.idx
		g.accounts = append(g.accounts, meta)
		w := math.Min(maxWeight, math.Pow(1-g.r.Float64(), -1/1.2))
		total += w
		g.accCum = append(g.accCum, total)
	}
	// The first contacts go to 95% of the accounts in turn, so few
	// accounts are left without anyone; the rest follow the weights.
	g.cover = g.r.Perm(len(g.accounts))
	g.cover = g.cover[:len(g.cover)*95/100]
	for i := 0; i < g.sz.contacts; i++ {
		c, acc, pc := g.contact(i)
		id, err := w.contact(c)
		if err != nil {
			return fmt.Errorf("contact %s (%s): %w", c.Name(), c.Email, err)
		}
		if g.people == nil {
			g.people = map[int64]string{}
		}
		g.people[id] = c.Name()
		ref := contactRef{id: id, acc: -1, owner: c.OwnerID, c: pc, first: c.FirstName, name: c.Name()}
		if acc != nil {
			acc.contacts = append(acc.contacts, id)
			ref.acc = acc.idx
		} else {
			g.loose = append(g.loose, loose{id, pc})
		}
		g.contactAt[id] = int32(len(g.contactRefs))
		g.contactRefs = append(g.contactRefs, ref)
	}
	if err := g.generateDeals(w); err != nil {
		return err
	}
	if err := g.generateActivities(w); err != nil {
		return err
	}
	// last, so the records before them are the same as without leads
	return g.generateLeads(w)
}

func (g *generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *generator) chance(p float64) bool { return g.r.Float64() < p }

func (g *generator) country() *country {
	n := g.r.IntN(g.countryCum[len(g.countryCum)-1])
	return countries[sort.SearchInts(g.countryCum, n+1)]
}

// owner picks an owner: the first (the actor) twice as often as each other.
func (g *generator) owner() int64 {
	if len(g.owners) == 0 {
		return 0
	}
	n := g.r.IntN(len(g.owners) + 1)
	if n >= len(g.owners) {
		n = 0
	}
	return g.owners[n]
}

// fill expands a pattern ('#' a digit, 'N' a digit 2-9, 'L' a letter) and
// returns the text and the number its digits make.
func (g *generator) fill(p string) (string, uint64) {
	buf := make([]byte, 0, len(p))
	var digits uint64
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch c {
		case '#':
			c = '0' + byte(g.r.IntN(10))
		case 'N':
			c = '2' + byte(g.r.IntN(8))
		case 'L':
			c = postLetters[g.r.IntN(len(postLetters))]
		}
		if c >= '0' && c <= '9' {
			digits = digits*10 + uint64(c-'0')
		}
		buf = append(buf, c)
	}
	return string(buf), digits
}

// phone returns a number of the pattern no other record has.
func (g *generator) phone(patterns ...string) string {
	for {
		p, key := g.fill(patterns[g.r.IntN(len(patterns))])
		if !g.phones[key] {
			g.phones[key] = true
			return p
		}
	}
}

var translit = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue", "ß", "ss")

// words folds s to ASCII (German umlauts as ae, oe, ue when de) and
// returns its runs of letters and digits; apostrophes do not split a word
// (O'Neil is "oneil").
func words(s string, de bool) []string {
	if de {
		s = translit.Replace(s)
	}
	f := model.Fold(s)
	var out []string
	var w []byte
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			w = append(w, c)
		case c == '\'':
		default:
			if len(w) > 0 {
				out = append(out, string(w))
				w = w[:0]
			}
		}
	}
	if len(w) > 0 {
		out = append(out, string(w))
	}
	return out
}

// local is a name as the part of an email address: "jean-pierre",
// "oneil", "vandenberg", "mueller".
func local(name string, de bool) string {
	var b strings.Builder
	for i, part := range strings.Split(name, "-") {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(strings.Join(words(part, de), ""))
	}
	return b.String()
}

var connectors = map[string]bool{"e": true, "y": true, "i": true, "et": true, "und": true, "and": true, "ve": true}

// domainOf turns a company name into its domain: "Işık Tekstil" →
// isiktekstil.com.tr, "Weber & Söhne" → weber-soehne.de. A taken domain
// is written with hyphens, then numbered.
func (g *generator) domainOf(base string, c *country) string {
	var ws []string
	for _, w := range words(base, c.translit) {
		if !connectors[w] {
			ws = append(ws, w)
		}
	}
	joined := strings.Join(ws, "")
	hyphens := strings.Join(ws, "-")
	var tries []string
	if strings.ContainsAny(base, "&-") || len(joined) > 20 {
		tries = []string{hyphens, joined}
	} else {
		tries = []string{joined, hyphens}
	}
	for _, t := range tries {
		if d := t + "." + c.tld; !g.domains[d] {
			g.domains[d] = true
			return d
		}
	}
	for n := 2; ; n++ {
		if d := tries[0] + strconv.Itoa(n) + "." + c.tld; !g.domains[d] {
			g.domains[d] = true
			return d
		}
	}
}

// claimName reserves a company name; false when one like it (the same
// letters and digits, folded) exists.
func (g *generator) claimName(base string) bool {
	k := strings.Join(words(base, false), "")
	if g.names[k] {
		return false
	}
	g.names[k] = true
	return true
}

// companyBase invents a company name (without legal form) that no other
// account has, and the sector it works in.
func (g *generator) companyBase(c *country, ct *city) (string, int) {
	sector := 0
	var base string
	var b strings.Builder
	for try := 0; try < 40; try++ {
		sector = g.r.IntN(len(industries))
		l := g.pick(c.last)
		l2 := g.pick(c.last)
		for l2 == l {
			l2 = g.pick(c.last)
		}
		w := g.pick(c.words)
		b.Reset()
		tpl := g.pick(c.templates)
		for len(tpl) > 0 {
			i := strings.IndexByte(tpl, '{')
			if i < 0 {
				b.WriteString(tpl)
				break
			}
			b.WriteString(tpl[:i])
			j := strings.IndexByte(tpl, '}')
			switch tpl[i+1 : j] {
			case "L":
				b.WriteString(l)
			case "L2":
				b.WriteString(l2)
			case "W":
				b.WriteString(w)
			case "S":
				b.WriteString(c.sectors[sector])
			case "s":
				b.WriteString(strings.ToLower(c.sectors[sector]))
			}
			tpl = tpl[j+1:]
		}
		base = b.String()
		if g.claimName(base) {
			return base, sector
		}
	}
	// Every name tried is taken: tell it apart by its city, as people do.
	g.withCity++
	withCity := base + " " + ct.name
	for n := 2; !g.claimName(withCity); n++ {
		withCity = base + " " + ct.name + " " + strconv.Itoa(n)
	}
	return withCity, sector
}

// account makes the i-th account.
func (g *generator) account(i int) (model.Account, account) {
	var c *country
	var ct *city
	var base, legal string
	var sector int
	if i < len(anchorAccounts) {
		an := anchorAccounts[i]
		c = countryByCode(an.country)
		ct = &c.cities[an.city]
		base, legal, sector = an.base, an.legal, an.sector
		g.claimName(base)
	} else {
		c = g.country()
		ct = &c.cities[g.r.IntN(len(c.cities))]
		base, sector = g.companyBase(c, ct)
		legal = g.pick(c.legal)
	}
	domain := g.domainOf(base, c)
	no := strconv.Itoa(1 + g.r.IntN(180))
	if c.code == "US" {
		no = strconv.Itoa(100 + g.r.IntN(4900))
	}
	post, _ := g.fill(ct.post)
	area := ct.area
	if area == "" {
		area = ct.name
	}
	a := model.Account{
		Name:     base + " " + legal,
		Domain:   domain,
		Industry: industries[sector],
		Phone:    g.phone(ct.phone),
		Website:  "https://www." + domain,
		Address:  c.address(g.pick(c.streets), no, post, area),
		OwnerID:  g.owner(),
	}
	if g.chance(0.6) {
		g.erp += 1 + g.r.IntN(7)
		a.ExternalID = fmt.Sprintf("ERP-%06d", g.erp)
	}
	if g.chance(0.75) {
		a.Tags = g.tags(accountTags)
	}
	if g.chance(0.15) {
		a.Notes = g.pick(accountNote)
	}
	return a, account{name: a.Name, domain: domain, c: c, city: ct, owner: a.OwnerID, sector: sector}
}

// tags picks one or two different tags.
func (g *generator) tags(list []string) []string {
	t := []string{g.pick(list)}
	if g.chance(0.4) {
		if u := g.pick(list); u != t[0] {
			t = append(t, u)
		}
	}
	return t
}

func (g *generator) person(c *country) person {
	p := person{c: c, female: g.r.IntN(2) == 0}
	if p.female {
		p.first = g.pick(c.female)
	} else {
		p.first = g.pick(c.male)
	}
	p.last = g.pick(c.last)
	if p.female && c.feminine != nil {
		p.last = c.feminine(p.last)
	}
	p.key = p.last
	if c.second && g.chance(0.35) {
		if second := g.pick(c.last); second != p.last {
			p.last += " " + second
		}
	}
	return p
}

// claimEmail reserves the first free address among the candidates, then
// the first one numbered 2, 3, ...
func (g *generator) claimEmail(domain string, candidates ...string) string {
	for _, l := range candidates {
		if e := l + "@" + domain; !g.emails[e] {
			g.emails[e] = true
			return e
		}
	}
	for n := 2; ; n++ {
		if e := candidates[0] + strconv.Itoa(n) + "@" + domain; !g.emails[e] {
			g.emails[e] = true
			return e
		}
	}
}

// title picks a job title in the person's form ("Einkaufsleiterin").
func (g *generator) title(list []string, p person) string {
	t := g.pick(list)
	if i := strings.IndexByte(t, '|'); i >= 0 {
		if p.female {
			return t[i+1:]
		}
		return t[:i]
	}
	return t
}

// workEmail is first.last@ the account's domain, or f.last@ now and then
// (never for an anchor, whose address the guide shows).
func (g *generator) workEmail(p person, domain string, anchor bool) string {
	first, last := local(p.first, p.c.translit), local(p.key, p.c.translit)
	full, short := first+"."+last, first[:1]+"."+last
	if g.chance(0.15) && !anchor {
		return g.claimEmail(domain, short, full)
	}
	return g.claimEmail(domain, full, short)
}

// privateEmail is an address at a mail provider of the person's country.
func (g *generator) privateEmail(p person) string {
	first, last := local(p.first, p.c.translit), local(p.key, p.c.translit)
	year := fmt.Sprintf("%02d", (60+g.r.IntN(46))%100)
	var l string
	switch g.r.IntN(5) {
	case 0:
		l = first + last
	case 1:
		l = first + "." + last + year
	case 2:
		l = first + "_" + last
	case 3:
		l = first[:1] + "." + last + year
	default:
		l = first + "." + last
	}
	return g.claimEmail(g.pick(p.c.providers), l)
}

// contact makes the i-th contact; it returns the account it works for
// (nil: none) and the person's country.
func (g *generator) contact(i int) (model.Contact, *account, *country) {
	var acc *account
	var p person
	var title string
	anchor := i < len(anchorContacts)
	if anchor {
		an := anchorContacts[i]
		c := countryByCode(an.country)
		p = person{first: an.first, last: an.last, key: an.last, c: c}
		title = an.title
		if an.account >= 0 && an.account < len(g.accounts) {
			acc = &g.accounts[an.account]
		}
	} else {
		if g.chance(0.9) && len(g.accounts) > 0 {
			if g.covered < len(g.cover) {
				acc = &g.accounts[g.cover[g.covered]]
				g.covered++
			} else {
				n := sort.SearchFloat64s(g.accCum, g.r.Float64()*g.accCum[len(g.accCum)-1])
				acc = &g.accounts[min(n, len(g.accounts)-1)]
			}
		}
		pc := g.country()
		if acc != nil && g.chance(0.88) {
			pc = acc.c
		}
		p = g.person(pc)
		switch {
		case acc != nil && g.chance(0.8):
			title = g.title(acc.c.titles, p)
		case acc != nil || g.chance(0.4):
			title = g.title(enTitles, p)
		}
	}
	c := model.Contact{
		FirstName: p.first,
		LastName:  p.last,
		Title:     title,
		Source:    g.pick(sources),
		OwnerID:   g.owner(),
	}
	if acc != nil {
		c.AccountID = &acc.id
		c.AccountName = acc.name
		c.Email = g.workEmail(p, acc.domain, anchor)
		if g.chance(0.85) {
			c.OwnerID = acc.owner
		}
		if g.chance(0.95) {
			if g.chance(0.55) {
				c.Phone = g.phone(acc.city.phone)
			} else {
				c.Phone = g.phone(acc.c.mobiles...)
			}
		}
	} else {
		c.Email = g.privateEmail(p)
		if g.chance(0.95) {
			c.Phone = g.phone(p.c.mobiles...)
		}
	}
	if g.chance(0.3) {
		c.Tags = g.tags(contactTags)
	}
	if g.chance(0.12) {
		if g.chance(0.7) {
			c.Notes = g.pick(p.c.notes)
		} else {
			c.Notes = g.pick(enNotes)
		}
	}
	return c, acc, p.c
}
