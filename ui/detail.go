package ui

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// detailView shows one record: its fields on top, then sections (the
// change history, related records, a deal's stages and quotes). tab moves
// between sections, j/k within one, enter opens what is selected.
type detailView struct {
	sh       *shared
	kind     string
	id       int64
	seq      int64 // tells this view's replies from another detail's
	rec      *detailData
	sections []section
	focus    int
	width    int
	height   int
	err      error
	keys     listKeys
}

// detailData is everything a detail view shows, read in one command.
type detailData struct {
	contact *model.Contact
	account *model.Account
	deal    *model.Deal
	stages  []model.StageMove
	quotes  []model.Quote
	deals   []model.Deal
	lead    *model.Lead
	// what a converted lead became, by name; or the records a lead not
	// yet converted may already be
	became       []leadLink
	likeContacts []model.Match
	likeAccounts []model.Match
}

// leadLink is a record a converted lead became.
type leadLink struct {
	kind, name string
	id         int64
}

var detailSeq atomic.Int64

type detailLoadedMsg struct {
	seq  int64
	data *detailData
	err  error
}

// relatedShown caps the short related lists (deals, quotes) of a record.
const relatedShown = 200

func newDetailView(sh *shared, kind string, id int64) *detailView {
	return &detailView{sh: sh, kind: kind, id: id, seq: detailSeq.Add(1), keys: newListKeys()}
}

func (d *detailView) Init() tea.Cmd { return d.load() }

func (d *detailView) load() tea.Cmd {
	st, kind, id, seq := d.sh.deps.Store, d.kind, d.id, d.seq
	return func() tea.Msg {
		ctx := context.Background()
		data, err := loadDetail(ctx, st, kind, id)
		return detailLoadedMsg{seq: seq, data: data, err: err}
	}
}

func loadDetail(ctx context.Context, st *store.Store, kind string, id int64) (*detailData, error) {
	data := &detailData{}
	var err error
	related := store.ListQuery{Limit: relatedShown}
	switch kind {
	case "contact":
		var c model.Contact
		if c, err = st.Contacts.Get(ctx, id); err != nil {
			return nil, err
		}
		data.contact = &c
		related.ContactID = id
	case "account":
		var a model.Account
		if a, err = st.Accounts.Get(ctx, id); err != nil {
			return nil, err
		}
		data.account = &a
		related.AccountID = id
	case "deal":
		var dl model.Deal
		if dl, err = st.Deals.Get(ctx, id); err != nil {
			return nil, err
		}
		data.deal = &dl
		if data.stages, err = st.Deals.StageHistory(ctx, id); err != nil {
			return nil, err
		}
		if data.quotes, err = st.Quotes.List(ctx, id, "", relatedShown); err != nil {
			return nil, err
		}
	case "lead":
		var l model.Lead
		if l, err = st.Leads.Get(ctx, id); err != nil {
			return nil, err
		}
		data.lead = &l
		if l.Status == model.LeadConverted {
			data.became = leadBecame(ctx, st, l)
		} else if l.ArchivedAt == nil {
			// a reading problem here only leaves the section empty
			data.likeContacts, data.likeAccounts, _ = st.Dupes.ForLead(ctx, l)
		}
		return data, nil
	}
	if kind != "deal" {
		if data.deals, err = st.Deals.List(ctx, related); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// leadBecame names what a converted lead became.
func leadBecame(ctx context.Context, st *store.Store, l model.Lead) []leadLink {
	var out []leadLink
	if l.ContactID != nil {
		if c, err := st.Contacts.Get(ctx, *l.ContactID); err == nil {
			out = append(out, leadLink{"contact", c.Name(), c.ID})
		}
	}
	if l.AccountID != nil {
		if a, err := st.Accounts.Get(ctx, *l.AccountID); err == nil {
			out = append(out, leadLink{"account", a.Name, a.ID})
		}
	}
	if l.DealID != nil {
		if d, err := st.Deals.Get(ctx, *l.DealID); err == nil {
			out = append(out, leadLink{"deal", d.Title, d.ID})
		}
	}
	return out
}

// Reload re-reads the record and its sections.
func (d *detailView) Reload() tea.Cmd {
	cmds := []tea.Cmd{d.load()}
	for _, s := range d.sections {
		cmds = append(cmds, s.reload())
	}
	return tea.Batch(cmds...)
}

func (d *detailView) SetSize(w, h int) {
	d.width, d.height = max(0, w), max(0, h)
	d.sizeSections()
}

func (d *detailView) Capturing() bool { return false }

// Title is the breadcrumb: "Contacts › Ayşe Yılmaz".
func (d *detailView) Title() string {
	if r := d.rec; r != nil {
		switch {
		case r.contact != nil:
			return "Contacts › " + r.contact.Name()
		case r.account != nil:
			return "Accounts › " + r.account.Name
		case r.deal != nil:
			return "Pipeline › " + r.deal.Title
		case r.lead != nil:
			return "Leads › " + r.lead.Name
		}
	}
	return strings.ToUpper(d.kind[:1]) + d.kind[1:] + " #" + strconv.FormatInt(d.id, 10)
}

func (d *detailView) Summary() string { return "" }

func (d *detailView) KeyMap() keyMap {
	k := d.keys
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open"))
	short := []key.Binding{k.NextPane, open, k.Edit, k.Delete}
	full := [][]key.Binding{{k.Up, k.Down, k.Top, k.Bottom, k.NextPane, k.PrevPane}, {open, k.Edit, k.Delete}}
	switch d.kind {
	case "deal":
		quote := key.NewBinding(key.WithKeys("Q"), key.WithHelp("Q", "new quote"))
		short = append(short, quote)
		full[1] = append(full[1], quote)
	case "lead":
		lk := newLeadKeys()
		short = append([]key.Binding{lk.Convert, lk.Disqualify}, short...)
		full[1] = append(full[1], lk.Convert, lk.Disqualify)
	case "contact", "account":
		short = append(short, k.Merge)
		full[1] = append(full[1], k.Merge)
	}
	return keyMap{short: short, full: full}
}

func (d *detailView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailLoadedMsg:
		if msg.seq != d.seq {
			return nil
		}
		d.err = msg.err
		if msg.err != nil {
			return nil
		}
		first := d.rec == nil
		d.rec = msg.data
		if first {
			d.sections = d.buildSections()
			d.sizeSections()
			d.refreshSections()
			var cmds []tea.Cmd
			for _, s := range d.sections {
				cmds = append(cmds, s.init())
			}
			return tea.Batch(cmds...)
		}
		d.refreshSections()
		return nil
	case tea.KeyMsg:
		return d.updateKeys(msg)
	}
	var cmds []tea.Cmd
	for _, s := range d.sections {
		cmds = append(cmds, s.update(msg))
	}
	return tea.Batch(cmds...)
}

func (d *detailView) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := d.keys
	switch {
	case key.Matches(msg, k.NextPane):
		if len(d.sections) > 0 {
			d.focus = (d.focus + 1) % len(d.sections)
		}
		return nil
	case key.Matches(msg, k.PrevPane):
		if len(d.sections) > 0 {
			d.focus = (d.focus + len(d.sections) - 1) % len(d.sections)
		}
		return nil
	case key.Matches(msg, k.Edit):
		return send(editMsg{kind: d.kind, id: d.id})
	case key.Matches(msg, k.Delete):
		name, version := d.nameVersion()
		return send(askArchiveMsg{kind: d.kind, id: d.id, version: version, name: name})
	case msg.String() == "Q" && d.kind == "deal":
		return send(newQuoteMsg{dealID: d.id})
	case msg.String() == "c" && d.kind == "lead":
		return send(convertMsg{id: d.id})
	case msg.String() == "x" && d.kind == "lead":
		name, version := d.nameVersion()
		if d.rec == nil {
			return nil
		}
		status := ""
		if d.rec.lead != nil {
			status = d.rec.lead.Status
		}
		return send(askDisqualifyMsg{id: d.id, version: version, name: name, status: status})
	case key.Matches(msg, k.Merge) && (d.kind == "contact" || d.kind == "account"):
		return send(mergeMsg{kind: d.kind, id: d.id})
	}
	if len(d.sections) == 0 {
		return nil
	}
	s := d.sections[d.focus]
	half := max(1, s.height()/2)
	switch {
	case key.Matches(msg, k.Open):
		return s.open()
	case key.Matches(msg, k.Down):
		return s.move(1)
	case key.Matches(msg, k.Up):
		return s.move(-1)
	case key.Matches(msg, k.HalfDown):
		return s.move(half)
	case key.Matches(msg, k.HalfUp):
		return s.move(-half)
	case key.Matches(msg, k.Top):
		return s.move(-1 << 30)
	case key.Matches(msg, k.Bottom):
		return s.move(1 << 30)
	}
	return nil
}

func (d *detailView) nameVersion() (string, int64) {
	if r := d.rec; r != nil {
		switch {
		case r.contact != nil:
			return r.contact.Name(), r.contact.Version
		case r.account != nil:
			return r.account.Name, r.account.Version
		case r.deal != nil:
			return r.deal.Title, r.deal.Version
		case r.lead != nil:
			return r.lead.Name, r.lead.Version
		}
	}
	return "", 0
}

// timelineSection is the record's activities and changes, newest first,
// read page by page.
func (d *detailView) timelineSection() section {
	repo := d.sh.deps.Store.Activities
	kind, id := d.kind, d.id
	w := newWindow("timeline-"+strconv.FormatInt(d.seq, 10), source[model.TimelineItem]{
		list: func(ctx context.Context, q store.ListQuery) ([]model.TimelineItem, error) {
			return repo.Timeline(ctx, kind, id, q)
		},
		count: func(ctx context.Context, q store.ListQuery) (int, error) { return repo.TimelineCount(ctx, kind, id) },
		key:   store.TimelineCursor,
	})
	w.page = 100
	return &windowSection[model.TimelineItem]{title: "Timeline", empty: "nothing yet: a logs an activity, t adds a task", win: w,
		render: d.timelineText,
		openRow: func(it model.TimelineItem) tea.Cmd {
			if it.Activity != nil && it.Activity.DealID != nil && d.kind != "deal" {
				return send(openMsg{kind: "deal", id: *it.Activity.DealID})
			}
			return nil
		}}
}

// timelineText is one line of a timeline.
func (d *detailView) timelineText(it model.TimelineItem) string {
	st := d.sh.st
	if a := it.Activity; a != nil {
		icon := kindIcons[a.Kind]
		if a.IsTask() && a.Done {
			icon = "☑"
		}
		text := model.Printable(a.Subject)
		if a.Duration > 0 {
			text += fmt.Sprintf(", %d min", a.Duration)
		}
		if a.Outcome != "" {
			text += " — " + model.Printable(a.Outcome)
		}
		when := d.sh.when(a.At, a.AllDay)
		if a.IsTask() && !a.Done {
			when = "due " + when
		}
		return fmt.Sprintf("%-18s %s %-7s %s", when, icon, a.Kind, text)
	}
	c := it.Change
	return st.Muted.Render(fmt.Sprintf("%-18s %s %-7s %s", d.sh.when(c.At, false), "✎", "edit",
		model.Printable(c.User)+": "+describeChange(*c)))
}

// buildSections makes the sections of the record's kind.
func (d *detailView) buildSections() []section {
	history := d.timelineSection()
	switch d.kind {
	case "contact":
		return []section{history, &listSection{title: "Account", empty: "no account"}, &listSection{title: "Deals", empty: "no deals"}}
	case "account":
		repo := d.sh.deps.Store.Contacts
		w := newWindow("detail-"+strconv.FormatInt(d.seq, 10), source[model.Contact]{list: repo.List, count: repo.Count, key: contactKey})
		w.q = store.ListQuery{AccountID: d.id}
		contacts := &windowSection[model.Contact]{title: "Contacts", empty: "no contacts", win: w,
			render: func(c model.Contact) string {
				s := model.Printable(c.Name())
				if c.Title != "" {
					s += "  " + d.sh.st.Muted.Render(model.Printable(c.Title))
				}
				return s
			},
			openRow: func(c model.Contact) tea.Cmd { return send(openMsg{kind: "contact", id: c.ID}) }}
		return []section{history, contacts, &listSection{title: "Deals", empty: "no deals"}}
	case "deal":
		return []section{history, &listSection{title: "Stages", empty: "no stage history"},
			&listSection{title: "Quotes", empty: "no quotes: Q adds one"}, &listSection{title: "Related", empty: "no account or contact"}}
	case "lead":
		return []section{history, &listSection{title: "Related", empty: "no likely matches: c converts it into new records"}}
	}
	return []section{history}
}

// refreshSections fills the static sections from the loaded record.
func (d *detailView) refreshSections() {
	r := d.rec
	st := d.sh.st
	for _, s := range d.sections {
		ls, ok := s.(*listSection)
		if !ok {
			continue
		}
		var items []item
		switch ls.title {
		case "Account":
			if r.contact.AccountID != nil {
				items = append(items, item{text: model.Printable(r.contact.AccountName), open: send(openMsg{kind: "account", id: *r.contact.AccountID})})
			}
		case "Deals":
			for _, dl := range r.deals {
				items = append(items, item{text: fmt.Sprintf("%s  %s  %s", model.Printable(dl.Title), st.Muted.Render(dl.StageName),
					model.FormatMoney(dl.Money(), d.sh.locale())), open: send(openMsg{kind: "deal", id: dl.ID})})
			}
		case "Stages":
			items = d.stageItems()
		case "Quotes":
			for _, q := range r.quotes {
				t := q.Totals()
				items = append(items, item{text: fmt.Sprintf("%s  %-8s  %s", q.Number, q.Status,
					model.FormatMoney(model.Money{Amount: t.Total, Currency: q.Currency}, d.sh.locale())),
					open: send(openQuoteMsg{id: q.ID})})
			}
		case "Related":
			if dl := r.deal; dl != nil {
				if dl.AccountID != nil {
					items = append(items, item{text: "account  " + model.Printable(dl.AccountName), open: send(openMsg{kind: "account", id: *dl.AccountID})})
				}
				if dl.ContactID != nil {
					items = append(items, item{text: "contact  " + model.Printable(dl.ContactName), open: send(openMsg{kind: "contact", id: *dl.ContactID})})
				}
			}
			if r.lead != nil {
				items = d.leadItems()
			}
		}
		ls.setItems(items)
	}
}

// leadItems are what a converted lead became, or the contacts and
// accounts a lead not yet converted may already be.
func (d *detailView) leadItems() []item {
	r := d.rec
	var items []item
	for _, b := range r.became {
		items = append(items, item{text: fmt.Sprintf("became %-8s #%d %s", b.kind, b.id, model.Printable(b.name)),
			open: send(openMsg{kind: b.kind, id: b.id})})
	}
	for _, m := range r.likeContacts {
		items = append(items, item{text: "maybe contact " + model.Printable(m.String()), open: send(openMsg{kind: "contact", id: m.ID})})
	}
	for _, m := range r.likeAccounts {
		items = append(items, item{text: "maybe account " + model.Printable(m.String()), open: send(openMsg{kind: "account", id: m.ID})})
	}
	return items
}

// stageItems lists a deal's stages with the time spent in each.
func (d *detailView) stageItems() []item {
	r := d.rec
	var items []item
	for i, m := range r.stages {
		end := d.sh.now()
		if i+1 < len(r.stages) {
			end = r.stages[i+1].At
		} else if r.deal.Status != model.StatusOpen {
			end = m.At
		}
		stay := ""
		if i+1 < len(r.stages) || r.deal.Status == model.StatusOpen {
			stay = "  " + duration(end.Sub(m.At))
		}
		text := fmt.Sprintf("%s  %s%s", d.sh.date(m.At), model.Printable(m.ToName), stay)
		if m.LostReason != "" {
			text += "  (" + model.Printable(m.LostReason) + ")"
		}
		if m.By != "" {
			text += "  " + d.sh.st.Muted.Render(model.Printable(m.By))
		}
		items = append(items, item{text: text})
	}
	slices.Reverse(items) // newest first, like the history
	return items
}

// duration is a short human duration: 3d, 5h, 2w 3d.
func duration(t time.Duration) string {
	days := int(t.Hours() / 24)
	switch {
	case t < time.Hour:
		return fmt.Sprintf("%dm", int(t.Minutes()))
	case days == 0:
		return fmt.Sprintf("%dh", int(t.Hours()))
	case days < 14:
		return fmt.Sprintf("%dd", days)
	}
	return fmt.Sprintf("%dw %dd", days/7, days%7)
}

func (d *detailView) sideBySide() bool { return d.width >= 100 && len(d.sections) > 1 }

// sizeSections shares the height left under the fields between sections.
func (d *detailView) sizeSections() {
	if len(d.sections) == 0 {
		return
	}
	rest := max(2, d.height-1-len(d.fieldLines()))
	if d.sideBySide() {
		d.sections[0].setHeight(rest - 1)
		right := d.sections[1:]
		hs := splitWidth(rest, len(right))
		for i, s := range right {
			s.setHeight(max(1, hs[i]-1))
		}
		return
	}
	hs := splitWidth(rest, len(d.sections))
	for i, s := range d.sections {
		s.setHeight(max(1, hs[i]-1))
	}
}

// fieldLines are the record's fields, flowed into lines.
func (d *detailView) fieldLines() []string {
	r := d.rec
	if r == nil {
		return nil
	}
	st := d.sh.st
	var pairs [][2]string
	var notes string
	var custom map[string]string
	switch {
	case r.contact != nil:
		c := r.contact
		role := c.Title
		if c.AccountName != "" {
			if role != "" {
				role += " at "
			}
			role += c.AccountName
		}
		pairs = [][2]string{{"", role}, {"", c.Email}, {"", c.Phone}, {"tags", strings.Join(c.Tags, ", ")}, {"source", c.Source}}
		custom, notes = c.Custom, c.Notes
		pairs = append(pairs, [2]string{"created", d.sh.date(c.CreatedAt)}, [2]string{"updated", d.sh.ago(&c.UpdatedAt)})
	case r.account != nil:
		a := r.account
		pairs = [][2]string{{"", a.Industry}, {"", a.Domain}, {"", a.Phone}, {"", a.Website}, {"", a.Address},
			{"erp", a.ExternalID}, {"tags", strings.Join(a.Tags, ", ")}}
		custom, notes = a.Custom, a.Notes
		pairs = append(pairs, [2]string{"created", d.sh.date(a.CreatedAt)}, [2]string{"updated", d.sh.ago(&a.UpdatedAt)})
	case r.deal != nil:
		dl := r.deal
		pairs = d.dealPairs(dl)
		notes = dl.Notes
	case r.lead != nil:
		l := r.lead
		status := l.Status
		switch {
		case l.Status == model.LeadDisqualified && l.Reason != "":
			status += ": " + l.Reason
		case l.Status == model.LeadConverted && l.ConvertedAt != nil:
			status += " " + d.sh.date(*l.ConvertedAt)
		}
		pairs = [][2]string{{"", l.Title}, {"", l.Company}, {"", l.Email}, {"", l.Phone}, {"status", status},
			{"source", l.Source}, {"tags", strings.Join(l.Tags, ", ")}, {"last activity", d.sh.ago(l.LastActivityAt)},
			{"created", d.sh.date(l.CreatedAt)}, {"updated", d.sh.ago(&l.UpdatedAt)}}
		notes = l.Notes
	}
	for _, k := range slices.Sorted(maps.Keys(custom)) {
		pairs = append(pairs, [2]string{k, custom[k]})
	}
	var items []string
	for _, p := range pairs {
		v := model.Printable(p[1])
		if strings.TrimSpace(v) == "" {
			continue
		}
		if p[0] != "" {
			items = append(items, st.Label.Render(p[0]+": ")+st.Value.Render(v))
		} else {
			items = append(items, st.Value.Render(v))
		}
	}
	lines := flow(items, d.width-1, "   ")
	if notes != "" {
		first := strings.SplitN(strings.TrimSpace(notes), "\n", 2)[0]
		lines = append(lines, st.Label.Render("notes: ")+st.Muted.Render(cut(model.Printable(first), d.width-9)))
	}
	return lines
}

func (d *detailView) dealPairs(dl *model.Deal) [][2]string {
	loc := d.sh.locale()
	p, _ := d.sh.deps.Config.PipelineSet().Find(dl.Pipeline)
	st, _ := p.Find(dl.Stage)
	prob := fmt.Sprintf("%d%% (stage)", st.Probability)
	if dl.Probability != nil {
		prob = fmt.Sprintf("%d%% (set)", *dl.Probability)
	}
	weighted := model.Money{Amount: dl.Amount * int64(dl.Weight(st)) / 100, Currency: dl.Currency}
	status := dl.StageName + " · " + dl.Status
	if dl.Status == model.StatusLost {
		status += ": " + dl.LostReason
	}
	pairs := [][2]string{
		{"", model.FormatMoney(dl.Money(), loc)}, {"stage", status}, {"probability", prob},
		{"weighted", model.FormatMoney(weighted, loc)}, {"account", dl.AccountName}, {"contact", dl.ContactName},
		{"close", dl.CloseDate}, {"pipeline", p.Name}, {"in stage", duration(d.sh.now().Sub(dl.StageEnteredAt))},
		{"created", d.sh.date(dl.CreatedAt)},
	}
	if dl.ClosedAt != nil {
		pairs = append(pairs, [2]string{"closed", d.sh.date(*dl.ClosedAt)})
	}
	if dl.Status == model.StatusOpen {
		next := "⚠ no next step: t adds a task"
		if t := dl.NextTask; t != nil {
			next = t.Subject + ", due " + d.sh.when(t.Due, t.AllDay)
		}
		pairs = append([][2]string{{"next", next}}, pairs...)
	}
	return pairs
}

// flow packs items into lines no wider than w, separated by sep.
func flow(items []string, w int, sep string) []string {
	var lines []string
	cur := ""
	for _, it := range items {
		it = cut(it, w)
		switch {
		case cur == "":
			cur = it
		case lipgloss.Width(cur)+len(sep)+lipgloss.Width(it) <= w:
			cur += sep + it
		default:
			lines = append(lines, cur)
			cur = it
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func (d *detailView) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	st := d.sh.st
	if d.err != nil && d.rec == nil {
		return st.Error.Render(cut(d.err.Error(), d.width))
	}
	if d.rec == nil {
		return ""
	}
	var title, owner string
	var version int64
	archived := false
	switch r := d.rec; {
	case r.contact != nil:
		title, owner, version, archived = r.contact.Name(), r.contact.OwnerName, r.contact.Version, r.contact.ArchivedAt != nil
	case r.account != nil:
		title, owner, version, archived = r.account.Name, r.account.OwnerName, r.account.Version, r.account.ArchivedAt != nil
	case r.deal != nil:
		title, owner, version, archived = r.deal.Title, r.deal.OwnerName, r.deal.Version, r.deal.ArchivedAt != nil
	case r.lead != nil:
		title, owner, version, archived = r.lead.Name, r.lead.OwnerName, r.lead.Version, r.lead.ArchivedAt != nil
	}
	right := st.Muted.Render(fmt.Sprintf("owner: %s · v%d", model.Printable(owner), version))
	left := st.Title.Render(model.Printable(title))
	if archived {
		left += st.Error.Render(" (archived)")
	}
	left = cut(left, max(0, d.width-lipgloss.Width(right)-1))
	lines := []string{left + strings.Repeat(" ", max(1, d.width-lipgloss.Width(left)-lipgloss.Width(right))) + right}
	lines = append(lines, d.fieldLines()...)
	if d.sideBySide() {
		lw := d.width * 3 / 5
		rw := d.width - lw - 1
		left := d.sectionView(0, lw)
		var right []string
		for i := 1; i < len(d.sections); i++ {
			right = append(right, d.sectionView(i, rw)...)
		}
		sep := st.Faint.Render("│")
		for i := 0; i < max(len(left), len(right)); i++ {
			l, r := "", ""
			if i < len(left) {
				l = left[i]
			}
			if i < len(right) {
				r = right[i]
			}
			lines = append(lines, l+strings.Repeat(" ", max(0, lw-lipgloss.Width(l)))+sep+r)
		}
	} else {
		for i := range d.sections {
			lines = append(lines, d.sectionView(i, d.width)...)
		}
	}
	if len(lines) > d.height {
		lines = lines[:d.height]
	}
	return lipgloss.NewStyle().MaxWidth(d.width).Render(strings.Join(lines, "\n"))
}

// sectionView is a section's rule and rows, padded to its height.
func (d *detailView) sectionView(i, w int) []string {
	s := d.sections[i]
	on := i == d.focus
	style := d.sh.st.Section
	if on {
		style = d.sh.st.SectionOn
	}
	head := "─ " + s.name() + " "
	lines := []string{style.Render(cut(head+strings.Repeat("─", max(0, w-lipgloss.Width(head))), w))}
	rows := s.rows(d.sh, w, on)
	lines = append(lines, pad(rows, s.height())...)
	return lines
}

func pad(lines []string, n int) []string {
	for len(lines) < n {
		lines = append(lines, "")
	}
	return lines
}

// describeChange says what a history row did, for people.
func describeChange(c model.Change) string {
	what := map[string]string{"create": "created", "update": "changed", "archive": "archived",
		"restore": "restored", "delete": "deleted"}[c.Action]
	if what == "" {
		what = c.Action
	}
	if c.Action == "update" {
		what += " " + strings.Join(c.FieldNames(), ", ")
	}
	if c.Undoes != 0 {
		what += " (undo)"
	}
	return what
}

// section is one scrollable part of a detail view.
type section interface {
	name() string
	init() tea.Cmd
	reload() tea.Cmd
	update(msg tea.Msg) tea.Cmd
	setHeight(h int)
	height() int
	move(delta int) tea.Cmd
	open() tea.Cmd
	rows(sh *shared, w int, focused bool) []string
}

// item is a row of a listSection; open runs on enter.
type item struct {
	text string
	open tea.Cmd
}

// listSection is a section over a short list read with the record.
type listSection struct {
	title       string
	empty       string
	items       []item
	cursor, top int
	h           int
}

func (s *listSection) name() string               { return s.title }
func (s *listSection) init() tea.Cmd              { return nil }
func (s *listSection) reload() tea.Cmd            { return nil }
func (s *listSection) update(msg tea.Msg) tea.Cmd { return nil }
func (s *listSection) height() int                { return s.h }
func (s *listSection) setHeight(h int)            { s.h = max(1, h); s.clamp() }
func (s *listSection) setItems(items []item)      { s.items = items; s.clamp() }
func (s *listSection) move(delta int) tea.Cmd     { s.cursor += delta; s.clamp(); return nil }
func (s *listSection) selected() (item, bool)     { return at(s.items, s.cursor) }
func at[T any](xs []T, i int) (T, bool) {
	var z T
	if i < 0 || i >= len(xs) {
		return z, false
	}
	return xs[i], true
}

func (s *listSection) open() tea.Cmd {
	if it, ok := s.selected(); ok {
		return it.open
	}
	return nil
}

func (s *listSection) clamp() {
	s.cursor = max(0, min(s.cursor, len(s.items)-1))
	if s.cursor < s.top {
		s.top = s.cursor
	}
	if s.cursor >= s.top+s.h {
		s.top = s.cursor - s.h + 1
	}
	s.top = max(0, min(s.top, len(s.items)-s.h))
}

func (s *listSection) rows(sh *shared, w int, focused bool) []string {
	if len(s.items) == 0 {
		return []string{sh.st.Faint.Render(cut(" "+s.empty, w))}
	}
	var out []string
	for i := s.top; i < len(s.items) && len(out) < s.h; i++ {
		marker := " "
		if focused && i == s.cursor {
			marker = sh.st.Accent.Render("▌")
		}
		out = append(out, marker+cut(s.items[i].text, w-1))
	}
	return out
}

// windowSection is a section over a list too long to read at once.
type windowSection[T any] struct {
	title   string
	empty   string
	win     *window[T]
	render  func(T) string
	openRow func(T) tea.Cmd
}

func (s *windowSection[T]) name() string {
	if s.win.total > 0 {
		return fmt.Sprintf("%s (%d)", s.title, s.win.total)
	}
	return s.title
}
func (s *windowSection[T]) init() tea.Cmd              { return s.win.setQuery(s.win.q) }
func (s *windowSection[T]) reload() tea.Cmd            { return s.win.reload() }
func (s *windowSection[T]) update(msg tea.Msg) tea.Cmd { return s.win.update(msg) }
func (s *windowSection[T]) setHeight(h int)            { s.win.setHeight(h) }
func (s *windowSection[T]) height() int                { return s.win.height }

func (s *windowSection[T]) move(delta int) tea.Cmd {
	switch delta {
	case -1 << 30:
		return s.win.home()
	case 1 << 30:
		return s.win.end()
	}
	return s.win.move(delta)
}

func (s *windowSection[T]) open() tea.Cmd {
	if r, ok := s.win.selected(); ok {
		return s.openRow(r)
	}
	return nil
}

func (s *windowSection[T]) rows(sh *shared, w int, focused bool) []string {
	if s.win.ready && s.win.total == 0 {
		return []string{sh.st.Faint.Render(cut(" "+s.empty, w))}
	}
	var out []string
	s.win.visible(func(i int, r T, loaded bool) {
		marker := " "
		if focused && i == s.win.cursor {
			marker = sh.st.Accent.Render("▌")
		}
		text := "…"
		if loaded {
			text = s.render(r)
		}
		out = append(out, marker+cut(text, w-1))
	})
	return out
}
