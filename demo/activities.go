package demo

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"

	"rolo/model"
)

// Activities come last. Every size has an exact number of them. About 70%
// of the open deals have one open next-step task, due between ten days
// before today and three weeks after it: a quarter overdue, some today,
// the rest upcoming; a third of them all-day (due 23:59:59 UTC), the others
// at a time of day. Everything else happened in the half year before
// today, on weekdays between 08:00 and 18:00 UTC: calls, emails, meetings
// and notes, and about 12% done tasks. They are spread over the deals, the
// contacts and the accounts by weight: an open deal has several, more in
// later stages, a closed one a few (none when it closed before the half
// year), 60% of the contacts have some outside deals and accounts a few of
// their own; an account's level of activity scales all of these. A deal's
// activities cluster around its stage moves (the intro call when it came
// in, the proposal email when it reached the proposal stage, a note when it
// was lost) and follow it up since its last move; they link the deal, its
// account and its contact.
//
// Activities are planned first as small events (16 bytes each, a million
// of them take 16 MB), sorted by time and written in that order: the
// store's time indexes then grow at their end, and ids follow time (the
// store refills the search index in time order, which is much slower when
// ids do not). Each becomes a model.Activity only when it is written.

const (
	actWindow = 183  // days before today activities were logged in
	actDays   = 190  // days from generator.actBase to today
	doneShare = 0.12 // done tasks, of all activities
	nextShare = 0.7  // open deals with an open next-step task
)

// contactRef is what activities need to know about a contact.
type contactRef struct {
	id          int64
	acc         int32 // index into generator.accounts; -1: none
	owner       int64
	c           *country
	first, name string
}

// dealRef is what activities need to know about a deal.
type dealRef struct {
	id      int64
	acc     int32 // index into generator.accounts; -1: none
	contact int32 // index into generator.contactRefs; -1: none
	owner   int64
	title   string
	open    bool
	won     bool
	stage   topic // of the stage it is in
	level   int   // the open stage's index
	moves   int32 // its first move in generator.dealMoves
	nMoves  int32
}

// dealMove is a stage move as activities see it.
type dealMove struct {
	at     int64 // Unix seconds
	topic  topic
	reason string // why it was lost
}

// actEvent is a planned activity.
type actEvent struct {
	at    uint32 // seconds since generator.actBase
	seq   uint32 // the order it was planned in, to break ties
	ref   int32  // index into dealRefs, contactRefs or accounts (by flags)
	top   topic
	tmpl  uint8 // index into the topic's logged, done or next list (by flags)
	flags uint8
}

const (
	refDeal    = 0
	refContact = 1
	refAccount = 2
	refMask    = 3
	evDone     = 4  // a done task
	evNext     = 8  // an open task
	evAllDay   = 16 // a task due by the end of its day
)

// stageTopic is what activities around a move into the stage key are
// about, and the stage's index among the open ones.
func stageTopic(p model.Pipeline, key string) (topic, int) {
	st, _ := p.Find(key)
	switch st.Kind {
	case model.StageWon:
		return topWon, 0
	case model.StageLost:
		return topLost, 0
	}
	q := quoteStage(p)
	for i, s := range p.Open() {
		if s.Key != key {
			continue
		}
		switch {
		case i == 0 && i < q:
			return topIntro, i
		case i < q:
			return topAnalysis, i
		case i == q:
			return topProposal, i
		}
		return topNegotiation, i
	}
	return topFollow, 0
}

// addDealRef keeps what activities need of a deal just written.
func (g *generator) addDealRef(id int64, d model.Deal, moves []model.StageMove, p model.Pipeline) {
	r := dealRef{id: id, acc: -1, contact: -1, owner: d.OwnerID, title: d.Title, open: d.Status == model.StatusOpen,
		won: d.Status == model.StatusWon, moves: int32(len(g.dealMoves)), nMoves: int32(len(moves))}
	if d.AccountID != nil {
		r.acc = g.accountAt[*d.AccountID]
	}
	if d.ContactID != nil {
		r.contact = g.contactAt[*d.ContactID]
	}
	for _, m := range moves {
		t, _ := stageTopic(p, m.To)
		g.dealMoves = append(g.dealMoves, dealMove{at: m.At.Unix(), topic: t, reason: m.LostReason})
	}
	r.stage, r.level = stageTopic(p, d.Stage)
	g.dealRefs = append(g.dealRefs, r)
}

// dayOf is the day (since actBase) of a Unix time.
func (g *generator) dayOf(unix int64) int {
	return int(math.Floor(float64(unix-g.actBase.Unix()) / 86400))
}

// workday moves a day on a weekend to the Monday after it, or to the
// Friday before when that Monday is after last; it stays within first
// and last.
func (g *generator) workday(day, first, last int) int {
	switch (int(g.actBase.Weekday()) + day%7 + 7) % 7 {
	case int(time.Saturday):
		if day+2 <= last {
			return day + 2
		}
		day--
	case int(time.Sunday):
		if day+1 <= last {
			return day + 1
		}
		day -= 2
	}
	return max(first, min(last, day))
}

// pickTmpl picks a template by weight.
func (g *generator) pickTmpl(list []tmpl) uint8 {
	total := 0
	for _, t := range list {
		total += t.w
	}
	n := g.r.IntN(total)
	for i, t := range list {
		if n -= t.w; n < 0 {
			return uint8(i)
		}
	}
	return uint8(len(list) - 1)
}

// generateActivities plans the activities, then writes them in time order.
func (g *generator) generateActivities(w writers) error {
	total := g.sz.activities
	if w.activity == nil || total <= 0 {
		return nil
	}
	g.actBase = g.today.AddDate(0, 0, -actDays)
	first, last := actDays-actWindow, actDays-1 // the days activities were logged on
	level := make([]float64, len(g.accounts))
	for i := range level {
		level[i] = math.Exp(0.7 * g.r.NormFloat64())
	}
	events := make([]actEvent, 0, total)

	// next steps on open deals
	var next []int32
	for i := range g.dealRefs {
		if g.dealRefs[i].open && g.chance(nextShare) {
			next = append(next, int32(i))
		}
	}
	next = next[:min(len(next), total)]
	var when []int // 0 overdue, 1 today, 2 upcoming
	for b, n := range split(len(next), []float64{0.25, 0.15, 0.6}, 1) {
		for range n {
			when = append(when, b)
		}
	}
	g.r.Shuffle(len(when), func(i, j int) { when[i], when[j] = when[j], when[i] })
	for k, di := range next {
		day := actDays
		switch when[k] {
		case 0:
			day = g.workday(actDays-1-g.r.IntN(10), actDays-12, actDays-1)
		case 2:
			day = g.workday(actDays+1+g.r.IntN(21), actDays+1, actDays+23)
		}
		e := actEvent{seq: uint32(len(events)), ref: di, top: g.dealRefs[di].stage, flags: refDeal | evNext}
		if g.chance(0.35) {
			e.at, e.flags = uint32(day*86400+86399), e.flags|evAllDay
		} else {
			e.at = uint32(day*86400 + taskTimes[g.r.IntN(len(taskTimes))]*60)
		}
		if len(topics[e.top].next) == 0 {
			e.top = topFollow
		}
		e.tmpl = g.pickTmpl(topics[e.top].next)
		events = append(events, e)
	}

	// the rest by weight: deals, then contacts, then accounts
	rest := total - len(events)
	nd, nc := len(g.dealRefs), len(g.contactRefs)
	weights := make([]float64, nd+nc+len(g.accounts))
	for i := range g.dealRefs {
		d := &g.dealRefs[i]
		lv := 1.0
		if d.acc >= 0 {
			lv = level[d.acc]
		}
		switch {
		case d.open:
			weights[i] = (5 + float64(d.level)) * lv
		case g.dayOf(g.dealMoves[d.moves+d.nMoves-1].at) >= first-2:
			weights[i] = 2 * lv
			if d.won {
				weights[i] = 3 * lv
			}
		}
	}
	for i, c := range g.contactRefs {
		if g.chance(0.6) {
			lv := 1.0
			if c.acc >= 0 {
				lv = level[c.acc]
			}
			weights[nd+i] = 1.5 * lv
		}
	}
	for i := range g.accounts {
		weights[nd+nc+i] = 0.4 * level[i]
	}
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	var counts []int
	doneP := 0.0
	if rest > 0 && sum > 0 {
		counts = split(rest, weights, 0)
		doneP = min(1, doneShare*float64(total)/float64(rest))
	}
	for i, k := range counts {
		switch {
		case k == 0:
		case i < nd:
			events = g.dealEvents(events, int32(i), k, first, last, doneP)
		case i < nd+nc:
			for range k {
				day := g.workday(last-int(actWindow*math.Pow(g.r.Float64(), 1.3)), first, last)
				events = g.logEvent(events, day, topGeneral, int32(i-nd), refContact, doneP)
			}
		default:
			for range k {
				day := g.workday(last-int(actWindow*math.Pow(g.r.Float64(), 1.3)), first, last)
				events = g.logEvent(events, day, topAccount, int32(i-nd-nc), refAccount, doneP)
			}
		}
	}

	slices.SortFunc(events, func(a, b actEvent) int {
		if c := cmp.Compare(a.at, b.at); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	})
	for _, e := range events {
		a := g.activity(e)
		if err := w.activity(a); err != nil {
			return err
		}
	}
	return nil
}

// dealEvents plans k activities of a deal: around its stage moves (within
// the half year), and since its last move when it is open.
func (g *generator) dealEvents(events []actEvent, di int32, k, first, last int, doneP float64) []actEvent {
	d := &g.dealRefs[di]
	moves := g.dealMoves[d.moves : d.moves+d.nMoves]
	e0 := 0
	for e0 < len(moves) && g.dayOf(moves[e0].at) < first-2 {
		e0++
	}
	since := max(first, g.dayOf(moves[len(moves)-1].at))
	for range k {
		var day int
		var top topic
		if d.open && (e0 == len(moves) || g.chance(0.4)) {
			day = since + g.r.IntN(max(1, last-since+1))
			top = topFollow
			if g.chance(0.3) {
				top = d.stage
			}
		} else {
			m := moves[e0+g.r.IntN(len(moves)-e0)]
			off := 0
			if !g.chance(0.35) {
				off = -2 + g.r.IntN(8)
				if m.topic == topWon || m.topic == topLost {
					off = g.r.IntN(5)
				}
			}
			day, top = g.dayOf(m.at)+off, m.topic
		}
		events = g.logEvent(events, g.workday(max(first, min(last, day)), first, last), top, di, refDeal, doneP)
	}
	return events
}

// logEvent plans an activity on a past day: a done task now and then,
// else something logged.
func (g *generator) logEvent(events []actEvent, day int, top topic, ref int32, kind uint8, doneP float64) []actEvent {
	td := &topics[top]
	e := actEvent{seq: uint32(len(events)), ref: ref, top: top, flags: kind}
	list := td.logged
	if len(td.done) > 0 && g.chance(doneP) {
		e.flags |= evDone
		list = td.done
	}
	e.at = uint32(day*86400 + 8*3600 + g.r.IntN(10*3600))
	if e.flags&evDone != 0 && g.chance(0.3) {
		e.at, e.flags = uint32(day*86400+86399), e.flags|evAllDay
	}
	e.tmpl = g.pickTmpl(list)
	return append(events, e)
}

// activity makes the activity an event plans, linked to its deal, contact
// and account.
func (g *generator) activity(e actEvent) model.Activity {
	td := &topics[e.top]
	list := td.logged
	switch {
	case e.flags&evNext != 0:
		list = td.next
	case e.flags&evDone != 0:
		list = td.done
	}
	tm := &list[e.tmpl]
	a := model.Activity{Kind: tm.kind, At: g.actBase.Add(time.Duration(e.at) * time.Second)}
	var c *country
	var acc int32 = -1
	var contact int32 = -1
	var deal *dealRef
	switch e.flags & refMask {
	case refDeal:
		deal = &g.dealRefs[e.ref]
		id := deal.id
		a.DealID, a.DealTitle, a.OwnerID = &id, deal.title, deal.owner
		acc, contact = deal.acc, deal.contact
	case refContact:
		contact = e.ref
		cr := &g.contactRefs[contact]
		acc, a.OwnerID = cr.acc, cr.owner
	default:
		acc = e.ref
		a.OwnerID = g.accounts[acc].owner
	}
	first := ""
	if acc >= 0 {
		ar := &g.accounts[acc]
		id := ar.id
		a.AccountID, a.AccountName, c = &id, ar.name, ar.c
	}
	if contact >= 0 {
		cr := &g.contactRefs[contact]
		id := cr.id
		a.ContactID, a.ContactName, c, first = &id, cr.name, cr.c, cr.first
	}

	a.Subject = tm.en
	if c != nil {
		switch {
		case c.code == "TR" && tm.tr != "" && g.chance(0.4):
			a.Subject = tm.tr
		case c.code == "DE" && tm.de != "" && g.chance(0.4):
			a.Subject = tm.de
		}
	}
	reason := ""
	if e.top == topLost && deal != nil {
		reason = g.lostReason(deal, e.at)
		a.Subject = strings.ReplaceAll(a.Subject, "{reason}", reason)
	}
	if tm.dur[1] > 0 {
		m := tm.dur[0] + g.r.IntN(tm.dur[1]-tm.dur[0]+1)
		if a.Kind == model.KindMeeting {
			m = max(15, (m+7)/15*15)
		}
		a.Duration = m
	}
	if len(tm.outcomes) > 0 && (a.Kind == model.KindCall || g.chance(0.6)) {
		a.Outcome = tm.outcomes[g.r.IntN(len(tm.outcomes))]
	}
	bodyP := 0.0
	switch a.Kind {
	case model.KindNote:
		bodyP = 0.8
	case model.KindMeeting:
		bodyP = 0.35
	case model.KindCall:
		bodyP = 0.1
	}
	if len(td.bodies) > 0 && g.chance(bodyP*g.sz.bodies) {
		a.Body = fillBody(td.bodies[g.r.IntN(len(td.bodies))], first, a.DealTitle, reason)
	}
	switch {
	case e.flags&evNext != 0:
		a.AllDay = e.flags&evAllDay != 0
	case e.flags&evDone != 0:
		a.Done, a.AllDay = true, e.flags&evAllDay != 0
		day := a.At.Truncate(24 * time.Hour)
		switch {
		case a.AllDay: // done some time that day
			at := day.Add(time.Duration(8*3600+g.r.IntN(10*3600)) * time.Second)
			a.DoneAt = &at
		case g.chance(0.3): // done a little early, in working hours
			at := a.At.Add(-time.Duration(g.r.IntN(180)) * time.Minute)
			if open := day.Add(8 * time.Hour); at.Before(open) {
				at = open
			}
			a.DoneAt = &at
		}
	}
	return a
}

// lostReason is why a deal was lost by the time of an event: the reason
// of the last loss on or before its day.
func (g *generator) lostReason(d *dealRef, at uint32) string {
	day := int(at / 86400)
	reason := ""
	for _, m := range g.dealMoves[d.moves : d.moves+d.nMoves] {
		if m.reason == "" {
			continue
		}
		if reason == "" || g.dayOf(m.at) <= day {
			reason = m.reason
		}
	}
	return reason
}

// fillBody fills in a body's contact, deal and reason.
func fillBody(body, first, deal, reason string) string {
	if first == "" {
		if strings.HasPrefix(body, "{first}") {
			body = "The buyer" + strings.TrimPrefix(body, "{first}")
		}
		first = "the buyer"
	}
	return strings.NewReplacer("{first}", first, "{deal}", deal, "{reason}", reason).Replace(body)
}
