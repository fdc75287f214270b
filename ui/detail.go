package ui

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// detailView shows one contact or account: its fields, its change history
// and the records related to it (a contact's account, an account's
// contacts). tab moves between the two sections; enter opens a related
// record.
type detailView struct {
	sh      *shared
	kind    string
	id      int64
	seq     int64 // tells this view's replies from another detail's
	contact *model.Contact
	account *model.Account
	history []model.Change
	related *window[model.Contact] // an account's contacts
	pane    int                    // 0 history, 1 related
	hist    struct{ cursor, top int }
	width   int
	height  int
	err     error
	keys    listKeys
}

var detailSeq atomic.Int64

type detailLoadedMsg struct {
	seq     int64
	contact *model.Contact
	account *model.Account
	history []model.Change
	err     error
}

const historyShown = 500

func newDetailView(sh *shared, kind string, id int64) *detailView {
	d := &detailView{sh: sh, kind: kind, id: id, seq: detailSeq.Add(1), keys: newListKeys()}
	if kind == "account" {
		repo := sh.deps.Store.Contacts
		d.related = newWindow("detail-"+strconv.FormatInt(d.seq, 10), source[model.Contact]{
			list: repo.List, count: repo.Count, key: contactKey})
		d.related.q = store.ListQuery{AccountID: id}
	}
	return d
}

func (d *detailView) Init() tea.Cmd {
	cmds := []tea.Cmd{d.load()}
	if d.related != nil {
		cmds = append(cmds, d.related.setQuery(d.related.q))
	}
	return tea.Batch(cmds...)
}

func (d *detailView) load() tea.Cmd {
	st, kind, id, seq := d.sh.deps.Store, d.kind, d.id, d.seq
	return func() tea.Msg {
		ctx := context.Background()
		msg := detailLoadedMsg{seq: seq}
		switch kind {
		case "contact":
			c, err := st.Contacts.Get(ctx, id)
			if err != nil {
				msg.err = err
				return msg
			}
			msg.contact = &c
		case "account":
			a, err := st.Accounts.Get(ctx, id)
			if err != nil {
				msg.err = err
				return msg
			}
			msg.account = &a
		}
		msg.history, msg.err = st.History.For(ctx, kind, id, historyShown)
		return msg
	}
}

// Reload re-reads the record, its history and related records.
func (d *detailView) Reload() tea.Cmd {
	cmds := []tea.Cmd{d.load()}
	if d.related != nil {
		cmds = append(cmds, d.related.reload())
	}
	return tea.Batch(cmds...)
}

func (d *detailView) SetSize(w, h int) {
	d.width, d.height = max(0, w), max(0, h)
	if d.related != nil {
		_, relH := d.paneHeights()
		d.related.setHeight(relH)
	}
}

func (d *detailView) Capturing() bool { return false }

// Title is the breadcrumb: "Contacts › Ayşe Yılmaz".
func (d *detailView) Title() string {
	switch {
	case d.contact != nil:
		return "Contacts › " + d.contact.Name()
	case d.account != nil:
		return "Accounts › " + d.account.Name
	}
	return strings.ToUpper(d.kind[:1]) + d.kind[1:] + " #" + strconv.FormatInt(d.id, 10)
}

func (d *detailView) Summary() string { return "" }

func (d *detailView) KeyMap() keyMap {
	k := d.keys
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open related"))
	return keyMap{
		short: []key.Binding{k.NextPane, open, k.Edit, k.Delete},
		full: [][]key.Binding{
			{k.Up, k.Down, k.Top, k.Bottom, k.NextPane, k.PrevPane},
			{open, k.Edit, k.Delete},
		},
	}
}

func (d *detailView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case detailLoadedMsg:
		if msg.seq != d.seq {
			return nil
		}
		d.err = msg.err
		if msg.err == nil {
			d.contact, d.account, d.history = msg.contact, msg.account, msg.history
			d.clampHistory()
		}
		return nil
	case tea.KeyMsg:
		return d.updateKeys(msg)
	}
	if d.related != nil {
		return d.related.update(msg)
	}
	return nil
}

func (d *detailView) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := d.keys
	switch {
	case key.Matches(msg, k.NextPane), key.Matches(msg, k.PrevPane):
		d.pane = 1 - d.pane
		return nil
	case key.Matches(msg, k.Edit):
		return send(editMsg{kind: d.kind, id: d.id})
	case key.Matches(msg, k.Delete):
		name, version := d.nameVersion()
		return send(askArchiveMsg{kind: d.kind, id: d.id, version: version, name: name})
	case key.Matches(msg, k.Open):
		return d.openRelated()
	}
	step := 0
	switch {
	case key.Matches(msg, k.Down):
		step = 1
	case key.Matches(msg, k.Up):
		step = -1
	case key.Matches(msg, k.HalfDown):
		step = max(1, d.height/4)
	case key.Matches(msg, k.HalfUp):
		step = -max(1, d.height/4)
	case key.Matches(msg, k.Top):
		step = -1 << 30
	case key.Matches(msg, k.Bottom):
		step = 1 << 30
	default:
		return nil
	}
	if d.pane == 1 && d.related != nil {
		switch step {
		case -1 << 30:
			return d.related.home()
		case 1 << 30:
			return d.related.end()
		}
		return d.related.move(step)
	}
	if d.pane == 0 {
		d.hist.cursor += step
		d.clampHistory()
	}
	return nil
}

func (d *detailView) nameVersion() (string, int64) {
	switch {
	case d.contact != nil:
		return d.contact.Name(), d.contact.Version
	case d.account != nil:
		return d.account.Name, d.account.Version
	}
	return "", 0
}

func (d *detailView) openRelated() tea.Cmd {
	switch {
	case d.contact != nil && d.contact.AccountID != nil:
		return send(openMsg{kind: "account", id: *d.contact.AccountID})
	case d.related != nil && d.pane == 1:
		if c, ok := d.related.selected(); ok {
			return send(openMsg{kind: "contact", id: c.ID})
		}
	}
	return nil
}

func (d *detailView) clampHistory() {
	_, h := d.paneHeightsHistory()
	d.hist.cursor = max(0, min(d.hist.cursor, len(d.history)-1))
	if d.hist.cursor < d.hist.top {
		d.hist.top = d.hist.cursor
	}
	if h > 0 && d.hist.cursor >= d.hist.top+h {
		d.hist.top = d.hist.cursor - h + 1
	}
}

// header lines: the fields of the record.
func (d *detailView) fieldLines() []string {
	st := d.sh.st
	var pairs [][2]string
	var notes string
	switch {
	case d.contact != nil:
		c := d.contact
		role := c.Title
		if c.AccountName != "" {
			if role != "" {
				role += " at "
			}
			role += c.AccountName
		}
		pairs = [][2]string{{"", role}, {"", c.Email}, {"", c.Phone}, {"tags", strings.Join(c.Tags, ", ")},
			{"source", c.Source}}
		for _, k := range slices.Sorted(maps.Keys(c.Custom)) {
			pairs = append(pairs, [2]string{k, c.Custom[k]})
		}
		pairs = append(pairs, [2]string{"created", d.sh.date(c.CreatedAt)}, [2]string{"updated", d.sh.ago(&c.UpdatedAt)})
		notes = c.Notes
	case d.account != nil:
		a := d.account
		pairs = [][2]string{{"", a.Industry}, {"", a.Domain}, {"", a.Phone}, {"", a.Website}, {"", a.Address},
			{"erp", a.ExternalID}, {"tags", strings.Join(a.Tags, ", ")}}
		for _, k := range slices.Sorted(maps.Keys(a.Custom)) {
			pairs = append(pairs, [2]string{k, a.Custom[k]})
		}
		pairs = append(pairs, [2]string{"created", d.sh.date(a.CreatedAt)}, [2]string{"updated", d.sh.ago(&a.UpdatedAt)})
		notes = a.Notes
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

func (d *detailView) sideBySide() bool { return d.width >= 90 }

// paneHeights are the rows available to the history and related lists.
func (d *detailView) paneHeights() (int, int) {
	rest := d.height - 2 - len(d.fieldLines()) - 1 // title, owner line, fields, section rule
	if rest < 2 {
		rest = 2
	}
	if d.sideBySide() {
		return rest, rest
	}
	h := (rest - 1) / 2
	return rest - 1 - h, max(1, h)
}

func (d *detailView) paneHeightsHistory() (int, int) {
	h, _ := d.paneHeights()
	return 0, h
}

func (d *detailView) View() string {
	if d.width <= 0 || d.height <= 0 {
		return ""
	}
	st := d.sh.st
	if d.err != nil && d.contact == nil && d.account == nil {
		return st.Error.Render(cut(d.err.Error(), d.width))
	}
	if d.contact == nil && d.account == nil {
		return ""
	}
	title, owner, version, archived := "", "", int64(0), false
	if c := d.contact; c != nil {
		title, owner, version, archived = c.Name(), c.OwnerName, c.Version, c.ArchivedAt != nil
	} else if a := d.account; a != nil {
		title, owner, version, archived = a.Name, a.OwnerName, a.Version, a.ArchivedAt != nil
	}
	right := st.Muted.Render(fmt.Sprintf("owner: %s · v%d", model.Printable(owner), version))
	left := st.Title.Render(model.Printable(title))
	if archived {
		left += st.Error.Render(" (archived)")
	}
	left = cut(left, max(0, d.width-lipgloss.Width(right)-1))
	lines := []string{left + strings.Repeat(" ", max(1, d.width-lipgloss.Width(left)-lipgloss.Width(right))) + right}
	lines = append(lines, d.fieldLines()...)
	histH, relH := d.paneHeights()
	relTitle := "Contacts"
	if d.kind == "contact" {
		relTitle = "Account"
	}
	if d.sideBySide() {
		lw := d.width * 3 / 5
		rw := d.width - lw - 1
		lines = append(lines, d.rule("History", lw, d.pane == 0)+" "+d.rule(relTitle, rw, d.pane == 1))
		hl, rl := d.historyLines(lw, histH), d.relatedLines(rw, relH)
		sep := st.Faint.Render("│")
		for i := 0; i < histH; i++ {
			l, r := "", ""
			if i < len(hl) {
				l = hl[i]
			}
			if i < len(rl) {
				r = rl[i]
			}
			lines = append(lines, l+strings.Repeat(" ", max(0, lw-lipgloss.Width(l)))+sep+r)
		}
	} else {
		lines = append(lines, d.rule("History", d.width, d.pane == 0))
		lines = append(lines, pad(d.historyLines(d.width, histH), histH)...)
		lines = append(lines, d.rule(relTitle, d.width, d.pane == 1))
		lines = append(lines, d.relatedLines(d.width, relH)...)
	}
	if len(lines) > d.height {
		lines = lines[:d.height]
	}
	return lipgloss.NewStyle().MaxWidth(d.width).Render(strings.Join(lines, "\n"))
}

func pad(lines []string, n int) []string {
	for len(lines) < n {
		lines = append(lines, "")
	}
	return lines
}

// rule is a section title over a line: "─ History ─────".
func (d *detailView) rule(title string, w int, on bool) string {
	st := d.sh.st.Section
	if on {
		st = d.sh.st.SectionOn
	}
	head := "─ " + title + " "
	return st.Render(cut(head+strings.Repeat("─", max(0, w-lipgloss.Width(head))), w))
}

func (d *detailView) historyLines(w, h int) []string {
	st := d.sh.st
	if len(d.history) == 0 {
		return []string{st.Faint.Render(" no changes recorded")}
	}
	var out []string
	for i := d.hist.top; i < len(d.history) && len(out) < h; i++ {
		c := d.history[i]
		marker := " "
		if d.pane == 0 && i == d.hist.cursor {
			marker = st.Accent.Render("▌")
		}
		what := describeChange(c)
		line := fmt.Sprintf("%s  %s  %s", d.sh.dateTime(c.At), model.Printable(c.User), what)
		out = append(out, marker+cut(line, w-1))
	}
	return out
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

func (d *detailView) relatedLines(w, h int) []string {
	st := d.sh.st
	if d.contact != nil {
		if d.contact.AccountID == nil {
			return []string{st.Faint.Render(" no account")}
		}
		marker := " "
		if d.pane == 1 {
			marker = st.Accent.Render("▌")
		}
		return []string{marker + cut(model.Printable(d.contact.AccountName), w-1)}
	}
	if d.related == nil {
		return nil
	}
	if d.related.ready && d.related.total == 0 {
		return []string{st.Faint.Render(" no contacts")}
	}
	var out []string
	d.related.visible(func(i int, c model.Contact, loaded bool) {
		marker := " "
		if d.pane == 1 && i == d.related.cursor {
			marker = st.Accent.Render("▌")
		}
		text := "…"
		if loaded {
			text = model.Printable(c.Name())
			if c.Title != "" {
				text += st.Muted.Render("  " + model.Printable(c.Title))
			}
		}
		out = append(out, marker+cut(text, w-1))
	})
	if len(out) > h {
		out = out[:h]
	}
	return out
}
