package ui

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
)

// The merge screen (M on a contact or an account) lists the record's
// likely duplicates; enter picks one, then a two-column table shows each
// field of the record kept (A) and of the one merged into it (B): j/k
// move between fields, a/b (h/l, ←/→) pick the side, space toggles, s
// saves. The merge is one change, so u undoes all of it.

type (
	// mergeMsg opens the merge screen on a record.
	mergeMsg struct {
		kind string
		id   int64
	}
	// mergedMsg reports a merge.
	mergedMsg struct {
		kind       string
		id         int64
		keep, drop string
		dropID     int64
	}
	mergeLoadedMsg struct {
		seq     int64
		contact *model.Contact
		account *model.Account
		matches []model.Match
		err     error
	}
	mergeOtherMsg struct {
		seq     int64
		contact *model.Contact
		account *model.Account
		err     error
	}
	mergeResultMsg struct {
		seq int64
		msg mergedMsg
		err error
	}
)

var mergeSeq atomic.Int64

type mergeKeys struct {
	Up, Down, A, B, Toggle, Pick, Save, Back key.Binding
}

// mergeView is the merge screen.
type mergeView struct {
	sh       *shared
	kind     string // contact, account
	id       int64
	seq      int64
	a, b     *model.Contact
	accA     *model.Account
	accB     *model.Account
	matches  []model.Match
	loaded   bool
	picking  bool // choosing the duplicate; false: choosing fields
	cursor   int
	fields   []model.MergeField
	saving   bool
	problem  string
	width    int
	height   int
	keys     mergeKeys
	dropName string
}

func newMergeView(sh *shared, kind string, id int64) *mergeView {
	return &mergeView{sh: sh, kind: kind, id: id, seq: mergeSeq.Add(1), picking: true, keys: mergeKeys{
		Up:     key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("j/k", "move")),
		Down:   key.NewBinding(key.WithKeys("j", "down")),
		A:      key.NewBinding(key.WithKeys("a", "h", "left"), key.WithHelp("a/←", "keep A")),
		B:      key.NewBinding(key.WithKeys("b", "l", "right"), key.WithHelp("b/→", "take B")),
		Toggle: key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "toggle")),
		Pick:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick")),
		Save:   key.NewBinding(key.WithKeys("s", "enter"), key.WithHelp("s/enter", "merge")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}}
}

func (v *mergeView) Init() tea.Cmd {
	st, kind, id, seq := v.sh.deps.Store, v.kind, v.id, v.seq
	return func() tea.Msg {
		ctx := context.Background()
		msg := mergeLoadedMsg{seq: seq}
		if kind == "account" {
			a, err := st.Accounts.Get(ctx, id)
			if err != nil {
				msg.err = err
				return msg
			}
			msg.account = &a
			msg.matches, msg.err = st.Dupes.ForAccount(ctx, a)
			return msg
		}
		c, err := st.Contacts.Get(ctx, id)
		if err != nil {
			msg.err = err
			return msg
		}
		msg.contact = &c
		msg.matches, msg.err = st.Dupes.ForContact(ctx, c)
		return msg
	}
}

func (v *mergeView) SetSize(w, h int) { v.width, v.height = max(0, w), max(0, h) }

func (v *mergeView) Capturing() bool { return true }

func (v *mergeView) nameA() string {
	switch {
	case v.a != nil:
		return v.a.Name()
	case v.accA != nil:
		return v.accA.Name
	}
	return fmt.Sprintf("%s #%d", v.kind, v.id)
}

func (v *mergeView) Title() string {
	if v.picking {
		return "Merge into " + v.nameA()
	}
	return "Merge " + v.dropName + " into " + v.nameA()
}

func (v *mergeView) Summary() string { return "" }

func (v *mergeView) KeyMap() keyMap {
	k := v.keys
	quit := key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))
	if v.picking {
		cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
		return keyMap{short: []key.Binding{k.Up, k.Pick, cancel}, full: [][]key.Binding{{k.Up, k.Pick, cancel, quit}}}
	}
	return keyMap{short: []key.Binding{k.Up, k.A, k.B, k.Toggle, k.Save, k.Back},
		full: [][]key.Binding{{k.Up, k.A, k.B, k.Toggle}, {k.Save, k.Back, quit}}}
}

func (v *mergeView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case mergeLoadedMsg:
		if msg.seq != v.seq {
			return nil
		}
		v.loaded = true
		if msg.err != nil {
			v.problem = msg.err.Error()
			return nil
		}
		v.a, v.accA, v.matches = msg.contact, msg.account, msg.matches
		return nil
	case mergeOtherMsg:
		if msg.seq != v.seq {
			return nil
		}
		if msg.err != nil {
			v.problem = msg.err.Error()
			return nil
		}
		v.problem = ""
		v.b, v.accB = msg.contact, msg.account
		if v.b != nil && v.a != nil {
			v.fields = model.ContactMergePlan(*v.a, *v.b)
			v.dropName = v.b.Name()
		}
		if v.accB != nil && v.accA != nil {
			v.fields = model.AccountMergePlan(*v.accA, *v.accB)
			v.dropName = v.accB.Name
		}
		v.picking, v.cursor = false, 0
		return nil
	case mergeResultMsg:
		if msg.seq != v.seq {
			return nil
		}
		v.saving = false
		if msg.err != nil {
			v.problem = "not merged: " + msg.err.Error()
			return nil
		}
		return tea.Batch(send(closeDialogMsg{}), send(msg.msg))
	case tea.KeyMsg:
		if v.saving {
			return nil
		}
		if msg.String() == "ctrl+c" {
			return tea.Quit
		}
		if v.picking {
			return v.updatePick(msg)
		}
		return v.updateFields(msg)
	}
	return nil
}

func (v *mergeView) updatePick(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	switch {
	case key.Matches(msg, k.Back):
		return tea.Batch(send(closeDialogMsg{}), send(statusMsg{"not merged"}))
	case key.Matches(msg, k.Up):
		v.cursor = max(0, v.cursor-1)
	case key.Matches(msg, k.Down):
		v.cursor = max(0, min(len(v.matches)-1, v.cursor+1))
	case key.Matches(msg, k.Pick):
		m, ok := at(v.matches, v.cursor)
		if !ok {
			return nil
		}
		return v.loadOther(m.ID)
	}
	return nil
}

func (v *mergeView) loadOther(id int64) tea.Cmd {
	st, kind, seq := v.sh.deps.Store, v.kind, v.seq
	return func() tea.Msg {
		ctx := context.Background()
		if kind == "account" {
			a, err := st.Accounts.Get(ctx, id)
			return mergeOtherMsg{seq: seq, account: &a, err: err}
		}
		c, err := st.Contacts.Get(ctx, id)
		return mergeOtherMsg{seq: seq, contact: &c, err: err}
	}
}

func (v *mergeView) updateFields(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	switch {
	case key.Matches(msg, k.Back):
		v.picking, v.fields, v.b, v.accB, v.problem = true, nil, nil, nil, ""
		v.cursor = 0
	case key.Matches(msg, k.Up):
		v.cursor = max(0, v.cursor-1)
	case key.Matches(msg, k.Down):
		v.cursor = max(0, min(len(v.fields)-1, v.cursor+1))
	case key.Matches(msg, k.A), key.Matches(msg, k.B), key.Matches(msg, k.Toggle):
		if v.cursor < len(v.fields) {
			f := &v.fields[v.cursor]
			switch {
			case key.Matches(msg, k.A):
				f.TakeB = false
			case key.Matches(msg, k.B):
				f.TakeB = true
			default:
				f.TakeB = !f.TakeB
			}
		}
	case key.Matches(msg, k.Save):
		return v.save()
	}
	return nil
}

func (v *mergeView) save() tea.Cmd {
	v.saving, v.problem = true, ""
	dupes, ctx, seq := v.sh.deps.Store.Dupes, v.sh.writeCtx, v.seq
	fields := append([]model.MergeField(nil), v.fields...)
	if v.kind == "account" {
		a, b := *v.accA, *v.accB
		keep := model.MergeAccounts(a, b, fields)
		return func() tea.Msg {
			out, err := dupes.MergeAccounts(ctx, keep, b.ID, b.Version)
			return mergeResultMsg{seq: seq, err: err,
				msg: mergedMsg{kind: "account", id: out.ID, keep: out.Name, drop: b.Name, dropID: b.ID}}
		}
	}
	a, b := *v.a, *v.b
	keep := model.MergeContacts(a, b, fields)
	return func() tea.Msg {
		out, err := dupes.MergeContacts(ctx, keep, b.ID, b.Version)
		return mergeResultMsg{seq: seq, err: err,
			msg: mergedMsg{kind: "contact", id: out.ID, keep: out.Name(), drop: b.Name(), dropID: b.ID}}
	}
}

func (v *mergeView) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	st := v.sh.st
	lines := []string{st.Title.Render(cut(model.Printable(v.Title()), v.width))}
	switch {
	case v.problem != "":
		lines = append(lines, st.Error.Render(cut(model.Printable(v.problem), v.width)))
	case v.saving:
		lines = append(lines, st.Muted.Render("merging…"))
	default:
		lines = append(lines, "")
	}
	if v.picking {
		lines = append(lines, v.pickLines()...)
	} else {
		lines = append(lines, v.fieldLines()...)
	}
	if len(lines) > v.height {
		lines = lines[:v.height]
	}
	return lipgloss.NewStyle().MaxWidth(v.width).Render(strings.Join(lines, "\n"))
}

func (v *mergeView) pickLines() []string {
	st := v.sh.st
	if !v.loaded {
		return []string{st.Muted.Render("looking for duplicates…")}
	}
	if v.a == nil && v.accA == nil {
		return nil
	}
	if len(v.matches) == 0 {
		return []string{st.Empty.Render(cut(fmt.Sprintf("No likely duplicates of %s. esc goes back.", model.Printable(v.nameA())), v.width))}
	}
	out := []string{st.Muted.Render(cut(fmt.Sprintf("Likely duplicates of %s: enter picks the one to merge into it (it is kept as A).",
		model.Printable(v.nameA())), v.width)), ""}
	for i, m := range v.matches {
		marker := "  "
		text := model.Printable(m.String())
		if i == v.cursor {
			marker = st.Accent.Render("▌ ")
			text = st.Selected.Render(cut(text, v.width-2))
		}
		out = append(out, marker+cut(text, v.width-2))
	}
	return out
}

// fieldLines is the two-column table: field, A's value, B's value, the
// side taken marked ●.
func (v *mergeView) fieldLines() []string {
	st := v.sh.st
	nameW := 12
	colW := max(4, (v.width-nameW-3)/2)
	var idA, idB int64
	if v.a != nil {
		idA, idB = v.a.ID, v.b.ID
	} else {
		idA, idB = v.accA.ID, v.accB.ID
	}
	cell := func(s string, w int) string {
		s = cut(model.Printable(s), w)
		return s + strings.Repeat(" ", max(0, w-lipgloss.Width(s)))
	}
	head := "  " + cell("", nameW) + cell(fmt.Sprintf("A #%d (kept)", idA), colW) + " " + cell(fmt.Sprintf("B #%d (archived)", idB), colW)
	out := []string{st.TableHeader.Render(cut(head, v.width))}
	shown := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return "—"
		}
		return s
	}
	for i, f := range v.fields {
		f.A, f.B = shown(f.A), shown(f.B)
		dotA, dotB := "● ", "○ "
		if f.TakeB {
			dotA, dotB = "○ ", "● "
		}
		a, b := cell(dotA+f.A, colW), cell(dotB+f.B, colW)
		switch {
		case !f.Differs():
			a, b = st.Faint.Render(cell("  "+f.A, colW)), st.Faint.Render(cell("  "+f.B, colW))
		case f.TakeB:
			a, b = st.Muted.Render(a), st.Selected.Render(b)
		default:
			a, b = st.Selected.Render(a), st.Muted.Render(b)
		}
		marker := "  "
		if i == v.cursor {
			marker = st.Accent.Render("▌ ")
		}
		out = append(out, marker+st.Label.Render(cell(f.Name, nameW))+a+" "+b)
	}
	moves := "deals, activities and leads"
	if v.kind == "account" {
		moves = "contacts, deals, activities and leads"
	}
	out = append(out, "",
		st.Muted.Render(cut("Tags and custom fields are joined, notes kept from both.", v.width)),
		st.Muted.Render(cut("B's "+moves+" move to A; B is archived.", v.width)),
		st.Muted.Render(cut("An email or phone not kept stays as A's other one. u undoes the merge.", v.width)))
	return out
}
