package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

func leadKey(l model.Lead) store.Cursor { return store.Cursor{Sort: l.SortName(), ID: l.ID} }

// leadsView is the Leads tab: a windowed table of leads under a line of
// counts per status. f cycles the status filter (all, then each status),
// c converts the selected lead, x disqualifies it.
type leadsView struct {
	*listView[model.Lead]
	status    int // 0 all, else model.LeadStatuses[status-1]
	counts    map[string]int
	countsGen int
	lk        leadKeys
}

type leadKeys struct {
	Status, Convert, Disqualify key.Binding
}

func newLeadKeys() leadKeys {
	return leadKeys{
		Status:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "status")),
		Convert:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "convert")),
		Disqualify: key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "disqualify")),
	}
}

func newLeadsView(sh *shared) *leadsView {
	repo := sh.deps.Store.Leads
	lv := newListView(sh, listSpec[model.Lead]{
		kind:  "lead",
		title: "Leads",
		noun:  "leads",
		cols: []colSpec{
			{title: "Name", min: 14, weight: 2},
			{title: "Company", min: 12, weight: 2, drop: 3},
			{title: "Status", min: 12},
			{title: "Email / phone", min: 14, weight: 3, drop: 2},
			{title: "Source", min: 8, weight: 1, drop: 5},
			{title: "Owner", min: 10, weight: 1, drop: 6},
			{title: "Last", min: 8, drop: 4},
		},
		cells: func(sh *shared, l model.Lead) []string {
			reach := l.Email
			if reach == "" {
				reach = l.Phone
			}
			return []string{l.Name, l.Company, l.Status, reach, l.Source, l.OwnerName, sh.ago(l.LastActivityAt)}
		},
		ident: func(l model.Lead) (int64, string, int64) { return l.ID, l.Name, l.Version },
		empty: []string{
			"No leads yet.",
			"",
			"n                        add one here",
			"rolo lead add            add one from the command line",
			"rolo import leads FILE   bring a CSV, vCard or JSON file of leads",
		},
		search: "names, companies, emails, phones",
	}, source[model.Lead]{list: repo.List, count: repo.Count, key: leadKey})
	return &leadsView{listView: lv, lk: newLeadKeys()}
}

// statusName is the status filtered on, "" for all.
func (v *leadsView) statusName() string {
	if v.status == 0 {
		return ""
	}
	return model.LeadStatuses[v.status-1]
}

type leadCountsMsg struct {
	gen    int
	counts map[string]int
	err    error
}

// loadCounts reads the number of leads in each status for the owner.
func (v *leadsView) loadCounts() tea.Cmd {
	v.countsGen++
	gen, repo, owner := v.countsGen, v.sh.deps.Store.Leads, v.owner
	return func() tea.Msg {
		c, err := repo.StatusCounts(context.Background(), owner)
		return leadCountsMsg{gen: gen, counts: c, err: err}
	}
}

func (v *leadsView) Init() tea.Cmd { return tea.Batch(v.listView.Init(), v.loadCounts()) }

func (v *leadsView) SetOwner(id int64) tea.Cmd {
	return tea.Batch(v.listView.SetOwner(id), v.loadCounts())
}

func (v *leadsView) Reload() tea.Cmd { return tea.Batch(v.listView.Reload(), v.loadCounts()) }

// Focus selects a saved lead; a filter that would hide it is dropped.
func (v *leadsView) Focus(m savedMsg) tea.Cmd {
	if v.status != 0 {
		v.status = 0
		v.base.Status = ""
		v.win.q = v.query()
	}
	return tea.Batch(v.listView.Focus(m), v.loadCounts())
}

// SetSize keeps the first line for the status counts.
func (v *leadsView) SetSize(w, h int) { v.listView.SetSize(w, max(0, h-1)) }

// Summary is the header's count: "12 leads", or "5 new of 12 leads".
func (v *leadsView) Summary() string {
	if v.counts == nil {
		return ""
	}
	total := 0
	for _, n := range v.counts {
		total += n
	}
	loc := v.sh.locale()
	s := plural(total, "lead", "leads", loc)
	if st := v.statusName(); st != "" {
		s = formatInt(v.counts[st], loc) + " " + st + " of " + s
	}
	return s
}

func (v *leadsView) KeyMap() keyMap {
	if v.filter.active {
		return v.filter.keyMap()
	}
	k, lk := v.keys, v.lk
	if v.win.ready && v.win.total == 0 {
		return keyMap{short: []key.Binding{k.New, lk.Status, k.Filter}, full: [][]key.Binding{{k.New, lk.Status, k.Filter}}}
	}
	return keyMap{
		short: []key.Binding{lk.Convert, lk.Disqualify, k.Open, k.New, lk.Status, k.Filter},
		full: [][]key.Binding{
			k.bindings(),
			{k.Open, k.New, k.Edit, k.Delete, k.Filter},
			{lk.Convert, lk.Disqualify, lk.Status},
		},
	}
}

func (v *leadsView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case leadCountsMsg:
		if msg.gen == v.countsGen {
			if msg.err != nil {
				return send(errMsg{fmt.Errorf("could not count leads: %w", msg.err)})
			}
			v.counts = msg.counts
		}
		return nil
	case tea.KeyMsg:
		if v.filter.active {
			break
		}
		lk := v.lk
		switch {
		case key.Matches(msg, lk.Status):
			v.status = (v.status + 1) % (len(model.LeadStatuses) + 1)
			v.base.Status = v.statusName()
			label := v.statusName()
			if label == "" {
				label = "all"
			}
			return tea.Batch(v.win.setQuery(v.query()), v.countAll(), send(statusMsg{"leads: " + label}))
		case key.Matches(msg, lk.Convert), key.Matches(msg, lk.Disqualify):
			l, ok := v.win.selected()
			if !ok {
				return nil
			}
			if key.Matches(msg, lk.Convert) {
				return send(convertMsg{id: l.ID})
			}
			return send(askDisqualifyMsg{id: l.ID, version: l.Version, name: l.Name, status: l.Status})
		}
	}
	return v.listView.Update(msg)
}

func (v *leadsView) View() string {
	if v.width <= 0 {
		return ""
	}
	head := v.statusLine()
	if v.height <= 0 {
		return head
	}
	var body string
	if st := v.statusName(); st != "" && v.win.ready && v.win.total == 0 && v.filter.value() == "" && v.win.err == nil {
		msg := fmt.Sprintf("No %s leads. f shows the next status.", st)
		body = v.searchLine() + "\n\n  " + v.sh.st.Empty.Render(cut(msg, v.width-2))
	} else {
		body = v.listView.View()
	}
	return lipgloss.NewStyle().MaxWidth(v.width).Render(head + "\n" + body)
}

// statusLine shows the leads per status, the filter in brackets:
// "all 12  [new 5]  contacted 3 …". Nothing moves when the filter does.
func (v *leadsView) statusLine() string {
	st := v.sh.st
	loc := v.sh.locale()
	total := 0
	for _, n := range v.counts {
		total += n
	}
	names := append([]string{"all"}, model.LeadStatuses...)
	render := func(short bool) string {
		var parts []string
		for i, name := range names {
			n := total
			if i > 0 {
				n = v.counts[name]
			}
			label := name
			if short && i > 0 {
				label = name[:min(4, len(name))] // new, cont, qual, disq, conv: every count fits 60 columns
			}
			if v.counts != nil {
				label += " " + formatInt(n, loc)
			}
			if i == v.status {
				parts = append(parts, st.SectionOn.Render("["+label+"]"))
			} else if short {
				parts = append(parts, st.Muted.Render(label))
			} else {
				parts = append(parts, st.Muted.Render(" "+label+" "))
			}
		}
		return strings.Join(parts, " ")
	}
	line := render(false)
	if lipgloss.Width(line) > v.width {
		line = render(true)
	}
	hint := st.Faint.Render("f status")
	if lipgloss.Width(line)+lipgloss.Width(hint)+2 <= v.width {
		line += strings.Repeat(" ", v.width-lipgloss.Width(line)-lipgloss.Width(hint)) + hint
	}
	return cut(line, v.width)
}

// disqualify marks a lead disqualified with the reason given.
func (a *App) disqualify(m askDisqualifyMsg, reason string) tea.Cmd {
	repo, ctx := a.sh.deps.Store.Leads, a.sh.writeCtx
	return func() tea.Msg {
		l, err := repo.Disqualify(ctx, m.id, m.version, reason)
		if err != nil {
			return errMsg{fmt.Errorf("not disqualified: %w", err)}
		}
		return savedMsg{kind: "lead", id: l.ID, verb: "disqualified", name: l.Name + " (u undoes)"}
	}
}
