package demo

import (
	"fmt"
	"strings"

	"rolo/model"
)

// Leads: people who are not customers yet, from the sources a sales team
// gets them from, at every status. One in twenty-five is someone already
// a contact, met again at a fair or through a web form, so converting it
// shows the duplicate check at work.

var leadSources = []string{"web form", "web form", "trade fair", "referral", "cold call", "LinkedIn", "webinar", "partner"}

var disqualifyReasons = []string{"no budget this year", "went with a competitor", "not the decision maker",
	"no need right now", "too small for us", "could not reach them"}

func (g *generator) generateLeads(w writers) error {
	if w.lead == nil {
		return nil
	}
	for i := 0; i < g.sz.leads; i++ {
		l := g.lead(i)
		if err := w.lead(l); err != nil {
			return fmt.Errorf("lead %q: %w", l.Name, err)
		}
	}
	return nil
}

func (g *generator) lead(i int) model.Lead {
	l := model.Lead{Source: g.pick(leadSources), OwnerID: g.owner()}
	if len(g.contactRefs) > 0 && (i == 0 || g.chance(0.04)) {
		// someone already a contact: the same name and company, the
		// address they gave this time a private one. The first is
		// always Jürgen Müller of Weber & Söhne, for the guide.
		ref := g.contactRefs[g.r.IntN(len(g.contactRefs))]
		if i == 0 {
			for _, r := range g.contactRefs[:min(len(g.contactRefs), len(anchorContacts))] {
				if r.name == "Jürgen Müller" {
					ref = r
				}
			}
		}
		l.Name = ref.name
		if ref.acc >= 0 {
			l.Company = g.accounts[ref.acc].name
		}
		p := person{first: ref.first, key: strings.TrimSpace(strings.TrimPrefix(ref.name, ref.first)), c: ref.c}
		l.Email = g.privateEmail(p)
	} else {
		c := g.country()
		p := g.person(c)
		ct := &c.cities[g.r.IntN(len(c.cities))]
		base, _ := g.companyBase(c, ct)
		l.Name = p.first + " " + p.last
		l.Company = base + " " + g.pick(c.legal)
		l.Title = g.title(c.titles, p)
		l.Email = g.workEmail(p, g.domainOf(base, c), false)
		if g.chance(0.7) {
			l.Phone = g.phone(c.mobiles...)
		}
	}
	switch n := g.r.IntN(100); {
	case n < 40:
		l.Status = model.LeadNew
	case n < 65:
		l.Status = model.LeadContacted
	case n < 80:
		l.Status = model.LeadQualified
	default:
		l.Status = model.LeadDisqualified
		l.Reason = g.pick(disqualifyReasons)
	}
	return l
}
