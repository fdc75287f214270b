package demo

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"rolo/model"
)

// Deals go into the configured pipelines (the default one gets three
// times the share of each other one). Every size has an exact number of
// deals and of open ones; the closed ones are 60% won, 40% lost, and the
// open ones are spread over the open stages, more in the early ones, at
// least one in each. A deal's stage history is a path through the open
// stages that now and then skips a stage or goes back one, may hold a
// loss that was reopened later, and ends in its stage. Its moves are days
// to weeks apart, the first 1 to 12 months before today, the last before
// today. Amounts are of a similar real size in every currency (see
// inEUR). Some of the deals that reached the proposal stage have a quote
// (size.quoteShare), whose net total is then mostly the deal's amount.

// target is where a deal ends up: its pipeline and stage.
type target struct {
	p     int             // index into generator.pipelines
	kind  model.StageKind // open, won or lost
	stage int             // for open deals, the index into the pipeline's open stages
}

// step is one stage of a deal's path: an index into the pipeline's open
// stages, or won or lost.
type step struct {
	stage  int
	reason string // why a deal was lost
}

const (
	stepWon  = -1
	stepLost = -2
)

// generateDeals writes the catalogue, then each deal with its quotes, and
// keeps what activities need of the deals.
func (g *generator) generateDeals(w writers) error {
	for _, p := range catalogue {
		if err := w.product(p.model()); err != nil {
			return fmt.Errorf("product %s: %w", p.sku, err)
		}
	}
	if len(g.pipelines) == 0 {
		g.pipelines = model.DefaultPipelines()
	}
	for i, t := range g.targets() {
		d, moves, quotes := g.deal(i, t)
		id, err := w.deal(d, moves)
		if err != nil {
			return fmt.Errorf("deal %q: %w", d.Title, err)
		}
		g.addDealRef(id, d, moves, g.pipelines[t.p])
		for _, q := range quotes {
			q.DealID = id
			if err := w.quote(q); err != nil {
				return fmt.Errorf("quote on deal %q: %w", d.Title, err)
			}
		}
	}
	return nil
}

func (p product) model() model.Product {
	out := model.Product{
		SKU: p.sku, Name: p.name, UnitPrice: p.price * pow10(model.MinorDigits(p.currency)), Currency: p.currency,
	}
	if p.stock >= 0 {
		stock := p.stock
		out.Stock = &stock
	}
	if p.erp != 0 {
		out.ExternalID = fmt.Sprintf("ERP-P-%05d", p.erp)
	}
	return out
}

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

// split divides total by the weights (largest remainder, ties to the
// first), giving each at least least when there is enough.
func split(total int, weights []float64, least int) []int {
	out := make([]int, len(weights))
	if len(weights) == 0 {
		return out
	}
	if total < least*len(weights) {
		least = 0
	}
	rest := total - least*len(weights)
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	type rem struct {
		i int
		f float64
	}
	var rems []rem
	given := 0
	for i, w := range weights {
		exact := float64(rest) * w / sum
		n := int(math.Floor(exact))
		out[i] = least + n
		given += n
		rems = append(rems, rem{i, exact - float64(n)})
	}
	sort.SliceStable(rems, func(a, b int) bool { return rems[a].f > rems[b].f })
	for k := 0; given < rest; k++ {
		out[rems[k%len(rems)].i]++
		given++
	}
	return out
}

// targets lists where every deal ends up, in random order: the anchor
// deals first.
func (g *generator) targets() []target {
	closed := g.sz.deals - g.sz.open
	won := int(math.Round(float64(closed) * 0.6))
	pw := make([]float64, len(g.pipelines))
	for i := range pw {
		pw[i] = 1
	}
	pw[0] = 3
	openBy, wonBy, lostBy := split(g.sz.open, pw, 1), split(won, pw, 0), split(closed-won, pw, 0)
	out := make([]target, 0, g.sz.deals)
	for pi, p := range g.pipelines {
		n := len(p.Open())
		sw := make([]float64, n)
		for k := range sw {
			sw[k] = float64(n - k + 1) // 5 4 3 2 for four open stages
		}
		for k, c := range split(openBy[pi], sw, 1) {
			for range c {
				out = append(out, target{pi, model.StageOpen, k})
			}
		}
		for range wonBy[pi] {
			out = append(out, target{pi, model.StageWon, 0})
		}
		for range lostBy[pi] {
			out = append(out, target{pi, model.StageLost, 0})
		}
	}
	g.r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	// the anchor deals' stages, when the default pipeline has them
	g.anchors = g.anchorDeals()
	for i, an := range g.anchors {
		for j := i; j < len(out); j++ {
			if out[j] == an.target {
				out[i], out[j] = out[j], out[i]
				break
			}
		}
	}
	return out
}

// anchorDeal is a deal every demo database has, on an anchor account with
// its first contact, so the guide and the tests can point at it.
type anchorDeal struct {
	title, currency string
	account         int
	target          target
	quote           string // status of its quote
}

func (g *generator) anchorDeals() []anchorDeal {
	if len(g.accounts) < len(anchorAccounts) || g.sz.deals < 2 {
		return nil
	}
	n := len(g.pipelines[0].Open())
	q := quoteStage(g.pipelines[0])
	return []anchorDeal{
		{"Depo otomasyonu", "TRY", 0, target{0, model.StageOpen, q}, "sent"},
		{"Lagerverwaltung Einführung", "EUR", 1, target{0, model.StageOpen, n - 1}, "sent"},
	}
}

// quoteStage is the open stage quotes are sent in: "proposal", else the
// middle one.
func quoteStage(p model.Pipeline) int {
	open := p.Open()
	for i, s := range open {
		if s.Key == "proposal" {
			return i
		}
	}
	return len(open) / 2
}

// walk adds the open stages a deal passes on its way from where it is
// to stage to: forward, now and then skipping one or going back one for a
// while; straight back when to is behind it.
func (g *generator) walk(path []step, to int) []step {
	j := path[len(path)-1].stage
	if j > to {
		return append(path, step{stage: to})
	}
	wobbled := false
	for j < to {
		switch {
		case j+2 <= to && g.chance(0.08):
			j += 2
		case !wobbled && j >= 1 && len(path) > 1 && g.chance(0.05):
			wobbled = true
			path = append(path, step{stage: j - 1})
		default:
			j++
		}
		path = append(path, step{stage: j})
	}
	return path
}

// path is the stages a deal went through to reach t.
func (g *generator) path(n int, t target) []step {
	start := 0
	if n > 1 && g.chance(0.15) {
		start = 1 // came in qualified
	}
	if t.kind == model.StageOpen {
		start = min(start, t.stage)
	}
	path := []step{{stage: start}}
	reopen := 0.04
	switch t.kind {
	case model.StageWon:
		reopen = 0.03
	case model.StageLost:
		reopen = 0.06
	}
	if g.chance(reopen) {
		j := start + g.r.IntN(g.r.IntN(n-start)+1)
		path = g.walk(path, j)
		path = append(path, step{stepLost, g.pick(lostReasons)})
		r := j
		if r > 0 && g.chance(0.4) {
			r--
		}
		path = append(path, step{stage: r})
	}
	switch t.kind {
	case model.StageOpen:
		if t.stage+1 < n && g.chance(0.04) {
			path = g.walk(path, t.stage+1) // went too far and came back
		}
		path = g.walk(path, t.stage)
	case model.StageWon:
		top := n - 1
		if n > 1 && g.chance(0.12) {
			top = n - 2 // won straight from the stage before the last
		}
		path = g.walk(path, max(top, path[len(path)-1].stage))
		path = append(path, step{stage: stepWon})
	default:
		cur := path[len(path)-1].stage
		path = g.walk(path, cur+g.r.IntN(g.r.IntN(n-cur)+1))
		path = append(path, step{stepLost, g.pick(lostReasons)})
	}
	return path
}

// times gives the moves of a path their times: days to weeks apart, the
// first 1 to 12 months before today, the last at least a day before it
// (longer for closed deals), in working hours. It returns the number of
// days since the last move.
func (g *generator) times(path []step, open bool) ([]time.Time, int) {
	gaps := make([]int, len(path)-1)
	sum := 0
	for k := range gaps {
		gaps[k] = 1 + int(30*math.Pow(g.r.Float64(), 1.6))
		if path[k].stage == stepLost {
			gaps[k] += 20 + g.r.IntN(70) // reopened after a while
		}
		sum += gaps[k]
	}
	var stay int
	switch u := g.r.Float64(); {
	case !open:
		stay = 1 + int(300*g.r.Float64())
	case u < 0.7:
		stay = 1 + g.r.IntN(14)
	case u < 0.92:
		stay = 14 + g.r.IntN(32)
	default:
		stay = 45 + g.r.IntN(105)
	}
	const maxAge, minAge = 365, 31
	if sum+stay > maxAge {
		stay = max(1, maxAge-sum)
	}
	if sum+stay > maxAge {
		old := sum
		sum = 0
		for k := range gaps {
			gaps[k] = max(1, gaps[k]*(maxAge-stay-1)/old)
			sum += gaps[k]
		}
	}
	// open deals are a month to half a year old, most of them young
	want := minAge
	if open {
		want += int(150 * math.Pow(g.r.Float64(), 2))
	}
	if extra := want - (sum + stay); extra > 0 {
		// it came in a while ago and moved slowly
		if sum > 0 {
			added := 0
			for k := range gaps {
				more := extra * 3 / 4 * gaps[k] / sum
				gaps[k] += more
				added += more
			}
			sum += added
			extra -= added
		}
		stay += extra
	}
	at := make([]time.Time, len(path))
	d := g.today.AddDate(0, 0, -(sum + stay))
	for k := range path {
		if k > 0 {
			d = d.AddDate(0, 0, gaps[k-1])
		}
		at[k] = d.Add(time.Duration(8*3600+g.r.IntN(10*3600)) * time.Second)
	}
	return at, stay
}

// dealAccount picks the account of a deal: often a big one, which has
// more contacts too; with contact, one that has contacts (tries a few).
func (g *generator) dealAccount(contact bool) *account {
	var acc *account
	for range 20 {
		if g.chance(0.4) {
			acc = &g.accounts[g.r.IntN(len(g.accounts))]
		} else {
			n := sort.SearchFloat64s(g.accCum, g.r.Float64()*g.accCum[len(g.accCum)-1])
			acc = &g.accounts[min(n, len(g.accounts)-1)]
		}
		if !contact || len(acc.contacts) > 0 {
			break
		}
	}
	return acc
}

// dealTitle names a deal, in the account's language now and then; a
// title the account has a deal with already becomes its next phase.
func (g *generator) dealTitle(acc *account, title string) string {
	if acc == nil {
		return g.pick(looseTitles)
	}
	m := markets[acc.c.code]
	phase := "%s – phase %d"
	switch {
	case title != "": // an anchor's, as the guide shows it
		phase = m.phase
	case m.titles != nil && g.chance(0.35):
		title, phase = g.pick(m.titles), m.phase
		if g.chance(0.12) {
			title += " – " + acc.city.name
		}
	default:
		if g.chance(0.5) {
			title = g.pick(sectorTitles[acc.sector])
		} else {
			title = g.pick(generalTitles)
		}
		if g.chance(0.12) {
			title += " – " + acc.city.name
		}
	}
	t := title
	for n := 2; acc.titles[t]; n++ {
		t = fmt.Sprintf(phase, title, n)
	}
	if acc.titles == nil {
		acc.titles = map[string]bool{}
	}
	acc.titles[t] = true
	return t
}

// nice rounds to three significant digits (48,537 is 48,500), at least 1.
func nice(v float64) int64 {
	if v < 1 {
		return 1
	}
	scale := math.Pow(10, math.Floor(math.Log10(v))-2)
	return max(1, int64(math.Round(v/scale)*scale))
}

// amount is a deal's value in minor units of cur: most worth 5,000 to
// 150,000 euros, a few up to two million, in round figures mostly.
func (g *generator) amount(cur string) int64 {
	eur := math.Exp(math.Log(30_000) + 1.05*g.r.NormFloat64())
	eur = math.Max(1_500, math.Min(2_000_000, eur))
	rate := inEUR[cur]
	if rate == 0 {
		rate = 1
	}
	local := eur / rate
	units := int64(math.Round(local))
	if g.chance(0.8) {
		units = nice(local)
	}
	return units * pow10(model.MinorDigits(cur))
}

func (g *generator) dealCurrency(c *country) string {
	if c == nil {
		return g.base
	}
	m := markets[c.code]
	if g.chance(m.otherP) {
		return g.pick(m.other)
	}
	return m.currency
}

// deal makes the i-th deal: the deal, its moves and its quotes.
func (g *generator) deal(i int, t target) (model.Deal, []model.StageMove, []model.Quote) {
	p := g.pipelines[t.p]
	open := p.Open()
	n := len(open)
	path := g.path(n, t)
	at, stay := g.times(path, t.kind == model.StageOpen)
	key := func(s step) model.Stage {
		switch s.stage {
		case stepWon:
			return p.Closing(model.StageWon)
		case stepLost:
			return p.Closing(model.StageLost)
		}
		return open[s.stage]
	}
	moves := make([]model.StageMove, len(path))
	requires := map[string]bool{}
	for k, s := range path {
		st := key(s)
		moves[k] = model.StageMove{To: st.Key, At: at[k], LostReason: s.reason}
		if k > 0 {
			moves[k].From = moves[k-1].To
		}
		for _, f := range st.Requires {
			requires[f] = true
		}
	}
	last := moves[len(moves)-1]
	final := key(path[len(path)-1])

	var an *anchorDeal
	if i < len(g.anchors) && g.anchors[i].target == t {
		an = &g.anchors[i]
	}
	d := model.Deal{Pipeline: p.Key, Stage: final.Key, Status: string(final.Kind), LostReason: last.LostReason}
	var acc *account
	var where *country // the country the deal is done in
	switch {
	case an != nil:
		acc = &g.accounts[an.account]
	case len(g.accounts) > 0 && (requires["account"] || requires["contact"] || g.chance(0.96)):
		acc = g.dealAccount(requires["contact"])
	}
	if acc != nil {
		where = acc.c
		id := acc.id
		d.AccountID, d.AccountName = &id, acc.name
		if len(acc.contacts) > 0 && (an != nil || requires["contact"] || g.chance(0.92)) {
			c := acc.contacts[0]
			if an == nil && g.chance(0.5) {
				c = acc.contacts[g.r.IntN(len(acc.contacts))]
			}
			d.ContactID, d.ContactName = &c, g.people[c]
		}
		d.OwnerID = acc.owner
		if !g.chance(0.85) {
			d.OwnerID = g.owner()
		}
	} else {
		if len(g.loose) > 0 && g.chance(0.7) {
			l := g.loose[g.r.IntN(len(g.loose))]
			d.ContactID, d.ContactName, where = &l.id, g.people[l.id], l.c
		}
		d.OwnerID = g.owner()
	}
	d.Currency = g.dealCurrency(where)
	if an != nil {
		d.Title, d.Currency = g.dealTitle(acc, an.title), an.currency
	} else {
		d.Title = g.dealTitle(acc, "")
	}
	d.Amount = g.amount(d.Currency)

	if final.Kind == model.StageOpen {
		if g.chance(0.85) || requires["close_date"] {
			d.CloseDate = g.closeDate(t.stage, n, at[0]).Format(time.DateOnly)
		}
		if g.chance(0.17) || requires["probability"] {
			d.Probability = g.probability(final.Probability)
		}
	} else {
		if g.chance(0.9) || requires["close_date"] {
			d.CloseDate = last.At.Format(time.DateOnly)
		}
		if requires["probability"] {
			d.Probability = g.probability(final.Probability)
		}
	}
	if g.chance(0.1) {
		d.Notes = g.pick(dealNotes)
	}
	quotes := g.quotes(&d, an, path, at, stay, where, quoteStage(p))
	return d, moves, quotes
}

// closeDate is an open deal's expected close date: within the next six
// months, sooner in later stages, now and then overdue (but after the
// deal was created).
func (g *generator) closeDate(stage, n int, created time.Time) time.Time {
	if g.chance(0.12) {
		late := 1 + g.r.IntN(45)
		if c := day(created).AddDate(0, 0, 7); g.today.AddDate(0, 0, -late).Before(c) {
			return c
		}
		return g.today.AddDate(0, 0, -late)
	}
	horizon := 180
	if n > 1 {
		horizon = 30 + 150*(n-1-stage)/(n-1)
	}
	return g.today.AddDate(0, 0, 1+g.r.IntN(horizon))
}

// probability is an override near the stage's, a multiple of 5.
func (g *generator) probability(stage int) *int {
	base := int(math.Round(float64(stage)/5)) * 5
	p := base + 5*(g.r.IntN(9)-4)
	if p == base {
		p += 5
	}
	p = max(5, min(95, p))
	return &p
}

// quotes plans the quotes of a deal that reached the stage quotes are
// sent in, and makes the deal's amount the accepted (or latest) quote's
// net total most of the time.
func (g *generator) quotes(d *model.Deal, an *anchorDeal, path []step, at []time.Time, stay int, where *country,
	qStage int) []model.Quote {
	if d.AccountID == nil {
		return nil
	}
	// when the quote went out: the last move into the quote stage or a
	// later open one, else the move into the stage it was won or lost from
	sent := -1
	for k, s := range path {
		if s.stage >= qStage {
			sent = k
		}
	}
	last := path[len(path)-1].stage
	var statuses []string
	switch {
	case an != nil:
		statuses = []string{an.quote}
	case last == stepWon:
		if g.chance(g.sz.quoteShare) {
			statuses = []string{"accepted"}
		}
		if sent < 0 {
			sent = len(path) - 2
		}
	case last == stepLost:
		if sent >= 0 && g.chance(g.sz.quoteShare/3) {
			statuses = []string{g.pick([]string{"declined", "declined", "expired"})}
		}
	case last >= qStage:
		if !g.chance(g.sz.quoteShare) {
			break
		}
		switch {
		case last == qStage && g.chance(0.3):
			statuses = []string{"draft"}
		case last > qStage && g.chance(0.25):
			statuses = []string{"declined", "sent"} // a revised offer
		default:
			statuses = []string{"sent"}
		}
	}
	if len(statuses) == 0 || sent < 0 {
		return nil
	}
	vat := markets[where.code].vatBP
	notes := ""
	if g.chance(0.25) {
		notes = g.pick(quoteNotes)
	}
	out := make([]model.Quote, len(statuses))
	var net int64
	for k, status := range statuses {
		target := d.Amount
		if k < len(statuses)-1 {
			target = target * 115 / 100 // the first offer was dearer
		}
		q := model.Quote{Status: status, Notes: notes}
		q.Lines, net = g.quoteLines(d.Currency, target, vat)
		validity := []int{30, 30, 30, 14, 60}[g.r.IntN(5)]
		if status == "draft" {
			q.ValidUntil = g.today.AddDate(0, 0, validity).Format(time.DateOnly)
		} else {
			s := at[sent].Add(time.Duration(2+g.r.IntN(2)) * time.Hour)
			if k > 0 { // the revision, a while into the stage
				s = at[sent].Add(time.Duration(stay/2)*24*time.Hour + 4*time.Hour)
			}
			q.SentAt = &s
			until := day(s).AddDate(0, 0, validity)
			q.ValidUntil = until.Format(time.DateOnly)
			if status == "sent" && until.Before(g.today) {
				q.Status = "expired"
			}
		}
		out[k] = q
	}
	if statuses[len(statuses)-1] == "accepted" || an != nil || g.chance(0.7) {
		d.Amount = net
	}
	return out
}

// quoteLines makes one to five lines worth about amount (minor units of
// cur) before tax: products of the catalogue, at their price when they are
// sold in cur, else at a converted one, and now and then a line of free
// text. It returns the lines and their net total.
func (g *generator) quoteLines(cur string, amount int64, vatBP int64) ([]model.QuoteLine, int64) {
	unit := pow10(model.MinorDigits(cur))
	// products sold in cur, and the rest (but items named in Turkish
	// for the Turkish market only)
	var same, other []int
	for i, p := range catalogue {
		switch {
		case p.currency == cur:
			same = append(same, i)
		case p.currency != "TRY":
			other = append(other, i)
		}
	}
	k := 1 + g.r.IntN(4)
	var picked []int
	for try := 0; len(picked) < k && try < 20; try++ {
		var pi int
		if len(same) > 0 && g.chance(0.75) {
			pi = same[g.r.IntN(len(same))]
		} else {
			pi = other[g.r.IntN(len(other))]
		}
		if !slices.Contains(picked, pi) {
			picked = append(picked, pi)
		}
	}
	free := g.chance(0.35)
	weights := make([]float64, len(picked), len(picked)+1)
	sum := 0.0
	for i := range weights {
		weights[i] = 0.5 + g.r.Float64()
		sum += weights[i]
	}
	if free {
		weights = append(weights, 0.15+0.3*g.r.Float64())
		sum += weights[len(weights)-1]
	}
	var discount int64
	if g.chance(0.35) {
		discount = []int64{500, 750, 1000, 1500, 2000}[g.r.IntN(5)]
	}
	var lines []model.QuoteLine
	var net int64
	for i, pi := range picked {
		p := catalogue[pi]
		alloc := float64(amount) * weights[i] / sum
		l := model.QuoteLine{SKU: p.sku, UnitPrice: -1, DiscountBP: discount, TaxBP: vatBP}
		price := p.price * unit
		if p.currency != cur {
			rate := inEUR[cur]
			if rate == 0 {
				rate = 1
			}
			price = nice(float64(p.price)*inEUR[p.currency]/rate) * unit
			l.UnitPrice = price
		}
		qty := max(1, min(p.most, int64(math.Round(alloc/float64(price)))))
		l.Quantity = qty * 1000
		priced := l
		priced.UnitPrice = price
		net += priced.Amounts().Net
		lines = append(lines, l)
	}
	// a line of free text: its share, or what the products could not
	// make up (a big deal is not 400 training days)
	rest := float64(amount - net)
	if free {
		rest = max(rest, float64(amount)*weights[len(weights)-1]/sum)
	}
	if big := rest > float64(amount)/5; free || big && len(lines) < 5 {
		text := freeLines
		if big {
			text = projectLines
		}
		l := model.QuoteLine{Description: g.pick(text), Quantity: 1000, UnitPrice: nice(rest/float64(unit)) * unit,
			TaxBP: vatBP}
		net += l.Amounts().Net
		lines = append(lines, l)
	}
	return lines, net
}
