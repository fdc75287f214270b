package ui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"rolo/model"
	"rolo/store"
)

// listSpec is what makes a listView show one kind of record.
type listSpec[T any] struct {
	kind   string // contact, account
	title  string // Contacts
	noun   string // contacts
	cols   []colSpec
	cells  func(*shared, T) []string
	ident  func(T) (id int64, name string, version int64)
	empty  []string // lines shown when there are no records at all
	search string   // what / searches, for the hint
	merge  bool     // M merges the selected record with a likely duplicate
}

// listView is a windowed table of records with a search-as-you-type
// filter: the Contacts, Accounts and Leads views.
type listView[T any] struct {
	sh     *shared
	spec   listSpec[T]
	win    *window[T]
	filter filterBox
	base   store.ListQuery // filters the view always has (a drill-down's)
	owner  int64
	width  int
	height int
	all    int // records without the search, for the header; -1 unknown
	table  table.Model
	keys   listKeys
}

func newListView[T any](sh *shared, spec listSpec[T], src source[T]) *listView[T] {
	t := table.New(table.WithFocused(true))
	t.SetStyles(table.Styles{Header: sh.st.TableHeader, Cell: sh.st.Cell, Selected: sh.st.Selected})
	return &listView[T]{sh: sh, spec: spec, win: newWindow(spec.kind+"s", src), filter: newFilterBox(spec.search), table: t,
		keys: newListKeys(), all: -1}
}

func (v *listView[T]) Init() tea.Cmd { return tea.Batch(v.win.setQuery(v.query()), v.countAll()) }

// allCountMsg is the number of records without the search.
type allCountMsg struct {
	id    string
	owner int64
	n     int
}

// countAll counts the records the header shows ("100,000 contacts"),
// which the search does not change.
func (v *listView[T]) countAll() tea.Cmd {
	q := v.base
	q.OwnerID = v.owner
	id, count := v.win.id, v.win.src.count
	return func() tea.Msg {
		n, err := count(context.Background(), q)
		if err != nil {
			return errMsg{err}
		}
		return allCountMsg{id: id, owner: q.OwnerID, n: n}
	}
}

func (v *listView[T]) query() store.ListQuery {
	q := v.base
	q.Search, q.OwnerID = strings.TrimSpace(v.filter.value()), v.owner
	return q
}

// SetOwner filters by owner (0: everyone).
func (v *listView[T]) SetOwner(id int64) tea.Cmd {
	v.owner = id
	return tea.Batch(v.win.setQuery(v.query()), v.countAll())
}

// Reload re-reads the rows shown.
func (v *listView[T]) Reload() tea.Cmd { return tea.Batch(v.win.reload(), v.countAll()) }

// Focus selects a saved record once loaded.
func (v *listView[T]) Focus(m savedMsg) tea.Cmd { return tea.Batch(v.win.focus(m.key), v.countAll()) }

func (v *listView[T]) SetSize(w, h int) {
	v.width, v.height = max(0, w), max(0, h)
	v.filter.input.Width = max(1, w-30)
	v.win.setHeight(h - 2) // search line and table header
}

// Capturing is true while the search field has focus: global keys are off.
func (v *listView[T]) Capturing() bool { return v.filter.active }

func (v *listView[T]) Title() string { return v.spec.title }

// Summary is the header's count: "100,000 contacts".
func (v *listView[T]) Summary() string {
	if v.all < 0 {
		return ""
	}
	return plural(v.all, strings.TrimSuffix(v.spec.noun, "s"), v.spec.noun, v.sh.locale())
}

func (v *listView[T]) KeyMap() keyMap {
	if v.filter.active {
		return v.filter.keyMap()
	}
	k := v.keys
	if v.win.ready && v.win.total == 0 {
		return keyMap{short: []key.Binding{k.New, k.Filter}, full: [][]key.Binding{{k.New, k.Filter}}}
	}
	short := []key.Binding{k.Open, k.New, k.Edit, k.Delete, k.Filter}
	if v.spec.merge {
		short = append(short, k.Merge)
	}
	return keyMap{short: short, full: [][]key.Binding{k.bindings(), short}}
}

func (v *listView[T]) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case allCountMsg:
		if msg.id == v.win.id && msg.owner == v.owner {
			v.all = msg.n
		}
		return nil
	case tea.KeyMsg:
		if v.filter.active {
			changed, cmd := v.filter.update(msg)
			if changed {
				return tea.Batch(cmd, v.win.setQuery(v.query()))
			}
			return cmd
		}
		return v.updateKeys(msg)
	}
	return v.win.update(msg)
}

func (v *listView[T]) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	if cmd, ok := navigate(v.win, msg, k.moveKeys); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Filter):
		return v.filter.start()
	case key.Matches(msg, k.New):
		return send(newMsg{kind: v.spec.kind})
	case msg.String() == "esc":
		if v.filter.clear() {
			return v.win.setQuery(v.query())
		}
	}
	row, ok := v.win.selected()
	if !ok {
		return nil
	}
	id, name, version := v.spec.ident(row)
	switch {
	case key.Matches(msg, k.Open):
		return send(openMsg{kind: v.spec.kind, id: id})
	case key.Matches(msg, k.Edit):
		return send(editMsg{kind: v.spec.kind, id: id})
	case key.Matches(msg, k.Delete):
		return send(askArchiveMsg{kind: v.spec.kind, id: id, version: version, name: name})
	case v.spec.merge && key.Matches(msg, k.Merge):
		return send(mergeMsg{kind: v.spec.kind, id: id})
	}
	return nil
}

// Selected is the record under the cursor.
func (v *listView[T]) Selected() (T, bool) { return v.win.selected() }

func (v *listView[T]) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	lines := []string{v.searchLine()}
	body := v.height - 1
	switch {
	case v.win.err != nil && len(v.win.rows) == 0:
		lines = append(lines, v.sh.st.Error.Render(cut("could not read "+v.spec.noun+": "+v.win.err.Error(), v.width)))
	case v.win.ready && v.win.total == 0 && v.filter.value() == "" && v.owner == 0:
		lines = append(lines, v.emptyState(body)...)
	case v.win.ready && v.win.total == 0:
		msg := fmt.Sprintf("No %s match %q.", v.spec.noun, model.Printable(v.filter.value()))
		if v.filter.value() == "" {
			msg = fmt.Sprintf("No %s for this owner. o changes the owner filter.", v.spec.noun)
		} else {
			msg += " esc clears the search."
		}
		lines = append(lines, "", "  "+v.sh.st.Empty.Render(cut(msg, v.width-2)))
	default:
		lines = append(lines, v.tableView())
	}
	return lipgloss.NewStyle().MaxWidth(v.width).Render(strings.Join(lines, "\n"))
}

func (v *listView[T]) searchLine() string {
	right := ""
	if v.win.total >= 0 && v.filter.value() != "" {
		right = v.sh.st.Muted.Render(plural(v.win.total, "match", "matches", v.sh.locale()))
	}
	var left string
	switch {
	case v.filter.active || v.filter.value() != "":
		in := v.filter.input
		in.Width = max(1, v.width-lipgloss.Width(right)-4)
		left = in.View()
	default:
		left = v.sh.st.Faint.Render("/ search " + v.spec.search)
	}
	left = cut(left, max(0, v.width-lipgloss.Width(right)-1))
	gap := max(1, v.width-lipgloss.Width(left)-lipgloss.Width(right))
	return left + strings.Repeat(" ", gap) + right
}

func (v *listView[T]) emptyState(h int) []string {
	out := []string{""}
	for i, l := range v.spec.empty {
		st := v.sh.st.Empty
		if i == 0 {
			st = v.sh.st.Title
		}
		out = append(out, "  "+st.Render(cut(l, v.width-2)))
	}
	if len(out) > h {
		out = out[:h]
	}
	return out
}

func (v *listView[T]) tableView() string {
	cols, widths := layoutColumns(v.width, v.spec.cols)
	rows := make([]table.Row, 0, v.win.height)
	cursor := -1
	v.win.visible(func(i int, row T, loaded bool) {
		var cells []string
		if loaded {
			cells = v.spec.cells(v.sh, row)
			for j := range cells {
				cells[j] = model.Printable(cells[j])
			}
		} else {
			cells = make([]string, len(v.spec.cols))
			cells[0] = "…"
		}
		marker := " "
		if i == v.win.cursor {
			marker = "▌"
			cursor = len(rows)
		}
		rows = append(rows, append(table.Row{marker}, fitCells(v.spec.cols, widths, cells)...))
	})
	t := v.table
	t.SetColumns(cols)
	t.SetHeight(v.win.height + 1)
	t.SetWidth(v.width)
	t.SetRows(rows)
	if cursor >= 0 {
		t.SetCursor(cursor)
	} else {
		t.SetCursor(-1)
	}
	return t.View()
}

// cut truncates s to w display cells.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

func send(msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
