package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// pipelineView is the kanban board: one column per open stage of the
// current pipeline (won and lost appear with z), each a windowed list of
// deal cards; column headers show count, total and weighted total from
// the store's per-stage totals.
type pipelineView struct {
	sh        *shared
	pipes     model.Pipelines
	pi        int
	closed    bool // show the won and lost columns
	cols      []*boardColumn
	focus     int
	left      int // first column on screen
	totals    map[string]model.StageTotal
	totalsGen int
	owner     int64
	filter    filterBox
	reason    *textinput.Model // the lost-reason prompt, when open
	reasonFor model.Deal
	width     int
	height    int
	keys      boardKeys
	err       error
}

type boardColumn struct {
	stage model.Stage
	win   *window[model.Deal]
}

type boardKeys struct {
	moveKeys
	Left, Right, MoveLeft, MoveRight, Won, Lost, Pipeline, Closed key.Binding
	Open, New, Edit, Delete, Filter, ReasonSave, ReasonCancel     key.Binding
}

func newBoardKeys() boardKeys {
	mk := newMoveKeys()
	mk.Up.SetHelp("j/k", "deal")
	return boardKeys{
		moveKeys:     mk,
		Left:         key.NewBinding(key.WithKeys("h", "left"), key.WithHelp("h/l", "stage")),
		Right:        key.NewBinding(key.WithKeys("l", "right"), key.WithHelp("l", "next stage")),
		MoveLeft:     key.NewBinding(key.WithKeys("H", "shift+left"), key.WithHelp("H/L", "move")),
		MoveRight:    key.NewBinding(key.WithKeys("L", "shift+right"), key.WithHelp("L", "move to next stage")),
		Won:          key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "won")),
		Lost:         key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "lost")),
		Pipeline:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pipeline")),
		Closed:       key.NewBinding(key.WithKeys("z"), key.WithHelp("z", "won/lost")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		New:          key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "new")),
		Edit:         key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Delete:       key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "archive")),
		Filter:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		ReasonSave:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "mark lost")),
		ReasonCancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// boardPage is how many cards a column reads at a time.
const boardPage = 60

// card layout: four lines inside a rounded border.
const cardHeight = 6

func newPipelineView(sh *shared) *pipelineView {
	v := &pipelineView{sh: sh, pipes: sh.deps.Config.PipelineSet(), filter: newFilterBox("titles, accounts, contacts"),
		keys: newBoardKeys(), totals: map[string]model.StageTotal{}}
	if len(v.pipes) == 0 {
		v.pipes = model.DefaultPipelines()
	}
	v.buildColumns()
	return v
}

func (v *pipelineView) pipeline() model.Pipeline { return v.pipes[v.pi] }

// buildColumns makes one windowed column per stage shown.
func (v *pipelineView) buildColumns() {
	p := v.pipeline()
	stages := p.Open()
	if v.closed {
		stages = append(stages, p.Closing(model.StageWon), p.Closing(model.StageLost))
	}
	repo := v.sh.deps.Store.Deals
	v.cols = nil
	for _, st := range stages {
		w := newWindow("board-"+p.Key+"-"+st.Key, source[model.Deal]{list: repo.List, count: repo.Count, key: store.BoardCursor})
		w.page = boardPage
		w.counted = true // column counts come with the stage totals
		v.cols = append(v.cols, &boardColumn{stage: st, win: w})
	}
	v.focus = max(0, min(v.focus, len(v.cols)-1))
	v.layout()
}

func (v *pipelineView) query(st model.Stage) store.ListQuery {
	return store.ListQuery{Pipeline: v.pipeline().Key, Stage: st.Key, Board: true, OwnerID: v.owner,
		Search: strings.TrimSpace(v.filter.value())}
}

func (v *pipelineView) Init() tea.Cmd { return v.requery() }

// requery reloads every column and the totals for the current filters.
func (v *pipelineView) requery() tea.Cmd {
	cmds := []tea.Cmd{v.loadTotals()}
	for _, c := range v.cols {
		cmds = append(cmds, c.win.setQuery(v.query(c.stage)))
	}
	return tea.Batch(cmds...)
}

type totalsMsg struct {
	gen    int
	totals []model.StageTotal
	err    error
}

func (v *pipelineView) loadTotals() tea.Cmd {
	v.totalsGen++
	gen, repo := v.totalsGen, v.sh.deps.Store.Deals
	q := store.ListQuery{Pipeline: v.pipeline().Key, OwnerID: v.owner, Search: strings.TrimSpace(v.filter.value())}
	return func() tea.Msg {
		t, err := repo.Totals(context.Background(), q)
		return totalsMsg{gen: gen, totals: t, err: err}
	}
}

func (v *pipelineView) SetOwner(id int64) tea.Cmd {
	v.owner = id
	return v.requery()
}

// Reload re-reads the columns where they are and the totals.
func (v *pipelineView) Reload() tea.Cmd {
	cmds := []tea.Cmd{v.loadTotals()}
	for _, c := range v.cols {
		cmds = append(cmds, c.win.reload())
	}
	return tea.Batch(cmds...)
}

// Focus follows a saved deal to its column and selects it there. After a
// move only the column the deal left is re-read besides its new one.
func (v *pipelineView) Focus(m savedMsg) tea.Cmd {
	if m.deal == nil {
		return v.Reload()
	}
	cmds := []tea.Cmd{v.loadTotals()}
	for i, c := range v.cols {
		switch {
		case c.stage.Key == m.deal.Stage && m.deal.Pipeline == v.pipeline().Key:
			v.focus = i
			v.layout()
			cmds = append(cmds, c.win.focus(store.BoardCursor(*m.deal)))
		case m.from == "" || c.stage.Key == m.from:
			cmds = append(cmds, c.win.reload())
		}
	}
	return tea.Batch(cmds...)
}

func (v *pipelineView) SetSize(w, h int) {
	v.width, v.height = max(0, w), max(0, h)
	v.filter.input.Width = max(1, w-30)
	v.layout()
}

// visibleColumns is how many columns fit side by side.
func (v *pipelineView) visibleColumns() int {
	return max(1, min(len(v.cols), v.width/26))
}

// boardHeight is the height of the columns (a line is kept for the
// filter or the lost-reason prompt).
func (v *pipelineView) boardHeight() int { return max(0, v.height-1) }

// cardsShown is how many cards a column shows.
func (v *pipelineView) cardsShown() int { return max(1, (v.boardHeight()-5)/cardHeight) }

func (v *pipelineView) layout() {
	n := v.visibleColumns()
	if v.focus < v.left {
		v.left = v.focus
	}
	if v.focus >= v.left+n {
		v.left = v.focus - n + 1
	}
	v.left = max(0, min(v.left, len(v.cols)-n))
	for _, c := range v.cols {
		c.win.setHeight(v.cardsShown())
	}
}

func (v *pipelineView) Capturing() bool { return v.filter.active || v.reason != nil }

func (v *pipelineView) Title() string { return "Pipeline" }

// Summary is the header's right side: pipeline, open, won and lost.
func (v *pipelineView) Summary() string {
	p := v.pipeline()
	open, won, lost := 0, 0, 0
	for _, t := range v.totals {
		st, _ := p.Find(t.Stage)
		switch st.Kind {
		case model.StageWon:
			won += t.Deals
		case model.StageLost:
			lost += t.Deals
		default:
			open += t.Deals
		}
	}
	loc := v.sh.locale()
	s := fmt.Sprintf("%s · %s · won %s · lost %s", p.Name, plural(open, "open deal", "open deals", loc),
		formatInt(won, loc), formatInt(lost, loc))
	if len(v.pipes) > 1 {
		s += " · p switches"
	}
	return s
}

func (v *pipelineView) KeyMap() keyMap {
	k := v.keys
	switch {
	case v.reason != nil:
		return keyMap{short: []key.Binding{k.ReasonSave, k.ReasonCancel}, full: [][]key.Binding{{k.ReasonSave, k.ReasonCancel}}}
	case v.filter.active:
		return v.filter.keyMap()
	}
	return keyMap{
		short: []key.Binding{k.Left, k.Up, k.MoveLeft, k.Won, k.Lost, k.Open, k.New, k.Filter, k.Pipeline, k.Closed},
		full: [][]key.Binding{
			append([]key.Binding{k.Left, k.Right}, k.bindings()...),
			{k.MoveLeft, k.MoveRight, k.Won, k.Lost, k.Open, k.New, k.Edit, k.Delete},
			{k.Filter, k.Pipeline, k.Closed},
		},
	}
}

func (v *pipelineView) column() *boardColumn {
	if len(v.cols) == 0 {
		return nil
	}
	return v.cols[v.focus]
}

// Selected is the deal under the cursor of the focused column.
func (v *pipelineView) Selected() (model.Deal, bool) {
	if c := v.column(); c != nil {
		return c.win.selected()
	}
	return model.Deal{}, false
}

func (v *pipelineView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case totalsMsg:
		if msg.gen != v.totalsGen {
			return nil
		}
		v.err = msg.err
		if msg.err != nil {
			return nil
		}
		v.totals = map[string]model.StageTotal{}
		for _, t := range msg.totals {
			v.totals[t.Stage] = t
		}
		var cmds []tea.Cmd
		for _, c := range v.cols {
			cmds = append(cmds, c.win.setTotal(v.totals[c.stage.Key].Deals))
		}
		return tea.Batch(cmds...)
	case tea.KeyMsg:
		switch {
		case v.reason != nil:
			return v.updateReason(msg)
		case v.filter.active:
			changed, cmd := v.filter.update(msg)
			if changed {
				return tea.Batch(cmd, v.requery())
			}
			return cmd
		}
		return v.updateKeys(msg)
	}
	var cmds []tea.Cmd
	for _, c := range v.cols {
		cmds = append(cmds, c.win.update(msg))
	}
	return tea.Batch(cmds...)
}

func (v *pipelineView) updateReason(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, v.keys.ReasonCancel):
		v.reason = nil
		return send(statusMsg{"not marked lost"})
	case key.Matches(msg, v.keys.ReasonSave):
		reason := strings.TrimSpace(v.reason.Value())
		if reason == "" {
			return send(errMsg{fmt.Errorf("a lost deal needs a reason: type one, or esc")})
		}
		d := v.reasonFor
		v.reason = nil
		return v.move(d, v.pipeline().Closing(model.StageLost), reason)
	}
	in, cmd := v.reason.Update(msg)
	v.reason = &in
	return cmd
}

func (v *pipelineView) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	c := v.column()
	if c == nil {
		return nil
	}
	if cmd, ok := navigate(c.win, msg, k.moveKeys); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Left):
		if v.focus > 0 {
			v.focus--
			v.layout()
		}
		return nil
	case key.Matches(msg, k.Right):
		if v.focus < len(v.cols)-1 {
			v.focus++
			v.layout()
		}
		return nil
	case key.Matches(msg, k.Filter):
		return v.filter.start()
	case key.Matches(msg, k.Pipeline):
		v.pi = (v.pi + 1) % len(v.pipes)
		v.focus, v.left = 0, 0
		v.buildColumns()
		return tea.Batch(v.requery(), send(statusMsg{"pipeline: " + v.pipeline().Name}))
	case key.Matches(msg, k.Closed):
		v.closed = !v.closed
		focusKey := c.stage.Key
		v.buildColumns()
		for i, col := range v.cols {
			if col.stage.Key == focusKey {
				v.focus = i
			}
		}
		v.layout()
		return v.requery()
	case key.Matches(msg, k.New):
		return send(newMsg{kind: "deal", pipeline: v.pipeline().Key, stage: v.newStage()})
	case msg.String() == "esc" && v.filter.clear():
		return v.requery()
	}
	d, ok := c.win.selected()
	if !ok {
		return nil
	}
	p := v.pipeline()
	switch {
	case key.Matches(msg, k.Open):
		return send(openMsg{kind: "deal", id: d.ID})
	case key.Matches(msg, k.Edit):
		return send(editMsg{kind: "deal", id: d.ID})
	case key.Matches(msg, k.Delete):
		return send(askArchiveMsg{kind: "deal", id: d.ID, version: d.Version, name: d.Title})
	case key.Matches(msg, k.MoveLeft), key.Matches(msg, k.MoveRight):
		dir := 1
		if key.Matches(msg, k.MoveLeft) {
			dir = -1
		}
		if c.stage.Kind != model.StageOpen { // from won or lost, H reopens into the last open stage
			if dir > 0 {
				return nil
			}
			open := p.Open()
			return v.move(d, open[len(open)-1], "")
		}
		to, ok := p.Neighbour(d.Stage, dir)
		if !ok {
			return send(statusMsg{"already at the " + map[int]string{-1: "first", 1: "last"}[dir] + " stage"})
		}
		return v.move(d, to, "")
	case key.Matches(msg, k.Won):
		return v.move(d, p.Closing(model.StageWon), "")
	case key.Matches(msg, k.Lost):
		in := textinput.New()
		in.Prompt = fmt.Sprintf("Lost reason for %q: ", model.Printable(d.Title))
		in.Placeholder = "price, competitor, no budget, timing…"
		in.CharLimit = 200
		in.Width = max(10, v.width-lipgloss.Width(in.Prompt)-2)
		v.reason, v.reasonFor = &in, d
		return in.Focus()
	}
	return nil
}

// show focuses a pipeline's stage (a dashboard drill-down), showing the
// closed columns when the stage is one of them.
func (v *pipelineView) show(pipeline, stage string) tea.Cmd {
	for i, p := range v.pipes {
		if p.Key == pipeline && i != v.pi {
			v.pi = i
			v.buildColumns()
		}
	}
	if st, ok := v.pipeline().Find(stage); ok && st.Kind != model.StageOpen && !v.closed {
		v.closed = true
		v.buildColumns()
	}
	for i, c := range v.cols {
		if c.stage.Key == stage {
			v.focus = i
		}
	}
	v.layout()
	return v.requery()
}

// newStage is the stage a new deal starts in: the focused open column.
func (v *pipelineView) newStage() string {
	if c := v.column(); c != nil && c.stage.Kind == model.StageOpen {
		return c.stage.Key
	}
	return ""
}

// move asks the store to put d into stage st; the board follows the deal.
func (v *pipelineView) move(d model.Deal, st model.Stage, reason string) tea.Cmd {
	repo, ctx := v.sh.deps.Store.Deals, v.sh.writeCtx
	return func() tea.Msg {
		out, err := repo.Move(ctx, d.ID, d.Version, st.Key, reason)
		if err != nil {
			return errMsg{err}
		}
		verb := "moved"
		switch st.Kind {
		case model.StageWon:
			verb = "won"
		case model.StageLost:
			verb = "lost"
		}
		return savedMsg{kind: "deal", id: out.ID, verb: verb, name: fmt.Sprintf("%s → %s (u undoes)", out.Title, out.StageName),
			deal: &out, from: d.Stage}
	}
}

func (v *pipelineView) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	st := v.sh.st
	var bottom string
	switch {
	case v.reason != nil:
		bottom = st.Accent.Render(cut(v.reason.View(), v.width))
	case v.filter.active || v.filter.value() != "":
		bottom = cut(v.filter.input.View(), v.width)
	case v.err != nil:
		bottom = st.Error.Render(cut("totals: "+v.err.Error(), v.width))
	case len(v.missingRates()) > 0:
		m := strings.Join(v.missingRates(), ", ")
		bottom = st.Faint.Render(cut(" totals leave out "+m+": no exchange rate (set currency.rates in the config)", v.width))
	case v.visibleColumns() < len(v.cols):
		first, last := v.left+1, v.left+v.visibleColumns()
		more := "h/l scroll"
		bottom = st.Faint.Render(cut(fmt.Sprintf(" columns %d–%d of %d · %s", first, last, len(v.cols), more), v.width))
	}
	h := v.boardHeight()
	if v.boardEmpty() {
		lines := []string{"", "  " + st.Title.Render("No deals in "+model.Printable(v.pipeline().Name)+" yet."), "",
			"  " + st.Empty.Render("n                 add one here"),
			"  " + st.Empty.Render("rolo deal add     add one from the command line"),
			"  " + st.Empty.Render("rolo demo         fill the database with sample data to try rolo")}
		if v.filter.value() != "" || v.owner != 0 {
			lines = []string{"", "  " + st.Empty.Render("No deals match. esc clears the filter, o changes the owner.")}
		}
		return lipgloss.NewStyle().MaxWidth(v.width).Render(strings.Join(pad(lines, h), "\n") + "\n" + bottom)
	}
	n := v.visibleColumns()
	widths := splitWidth(v.width, n)
	var cols []string
	for i := 0; i < n && v.left+i < len(v.cols); i++ {
		cols = append(cols, v.columnView(v.left+i, widths[i], h))
	}
	board := lipgloss.JoinHorizontal(lipgloss.Top, cols...)
	return lipgloss.NewStyle().MaxWidth(v.width).Render(board + "\n" + bottom)
}

// boardEmpty: every column is loaded and empty.
func (v *pipelineView) boardEmpty() bool {
	for _, c := range v.cols {
		if !c.win.ready || c.win.total != 0 {
			return false
		}
	}
	return len(v.cols) > 0 && !v.closed
}

func splitWidth(total, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = total / n
		if i < total%n {
			out[i]++
		}
	}
	return out
}

func (v *pipelineView) columnView(i, w, h int) string {
	st := v.sh.st
	c := v.cols[i]
	focused := i == v.focus
	inner := max(1, w-2)
	title := fmt.Sprintf("%s %d%%", c.stage.Name, c.stage.Probability)
	if c.stage.Kind != model.StageOpen {
		title = c.stage.Name
	}
	title = model.Printable(title)
	titleStyle := st.Muted
	if focused {
		title = "▸ " + title
		titleStyle = st.SectionOn
	}
	lines := []string{titleStyle.Render(cut(title, inner)), st.Muted.Render(cut(v.header(c), inner))}
	var cards []string
	c.win.visible(func(idx int, d model.Deal, loaded bool) {
		if !loaded {
			cards = append(cards, st.Faint.Render("…"))
			return
		}
		cards = append(cards, v.card(d, inner, focused && idx == c.win.cursor))
	})
	if c.win.ready && c.win.total == 0 {
		cards = append(cards, st.Faint.Render(cut("no deals", inner)))
	}
	body := strings.Split(strings.Join(cards, "\n"), "\n")
	room := h - 2 - 3 // border, title and header lines, position line
	body = pad(body, room)
	if len(body) > room {
		body = body[:room]
	}
	lines = append(lines, body...)
	pos := ""
	if c.win.total > 0 {
		loc := v.sh.locale()
		pos = fmt.Sprintf("%s of %s", formatInt(c.win.cursor+1, loc), formatInt(c.win.total, loc))
	}
	lines = append(lines, lipgloss.PlaceHorizontal(inner, lipgloss.Right, st.Faint.Render(pos)))
	border := lipgloss.NormalBorder()
	bs := lipgloss.NewStyle().Border(border).BorderForeground(colFaint).Width(inner).Height(max(0, h-2))
	if focused {
		bs = bs.BorderForeground(colAccent)
	}
	return bs.Render(strings.Join(lines, "\n"))
}

// header is a column's count, total and weighted total in the base
// currency; ≈ marks totals converted from other currencies, and
// currencies without an exchange rate are named instead of guessed.
func (v *pipelineView) header(c *boardColumn) string {
	t, ok := v.totals[c.stage.Key]
	if !ok {
		return "0"
	}
	rates := v.rates()
	total, weighted, converted, missing := t.InBase(rates, c.stage)
	loc := v.sh.locale()
	approx := ""
	if converted {
		approx = "≈"
	}
	s := fmt.Sprintf("%s · %s%s", formatInt(t.Deals, loc), approx, model.FormatShort(model.Money{Amount: total, Currency: rates.Base}, loc))
	if c.stage.Kind == model.StageOpen {
		s += " · " + approx + model.FormatShort(model.Money{Amount: weighted, Currency: rates.Base}, loc)
	}
	if len(missing) > 0 {
		s += " +" + strings.Join(missing, ",")
	}
	return s
}

func (v *pipelineView) rates() model.Rates {
	r := v.sh.deps.Config.RateSet()
	if r.Base == "" {
		r, _ = model.NewRates(v.sh.deps.Config.Currency.Base, nil)
	}
	return r
}

// missingRates are the currencies on the board without an exchange rate.
func (v *pipelineView) missingRates() []string {
	r := v.rates()
	seen := map[string]bool{}
	var out []string
	for _, t := range v.totals {
		for _, a := range t.Amounts {
			if !r.Has(a.Currency) && !seen[a.Currency] {
				seen[a.Currency] = true
				out = append(out, a.Currency)
			}
		}
	}
	slices.Sort(out)
	return out
}

// card draws one deal: title, account, amount and days in stage (⚠ when
// nothing happened for deals.idle_days), and its next step (the earliest
// open task, red when overdue; "no next step" when there is none) or how
// it closed.
func (v *pipelineView) card(d model.Deal, w int, selected bool) string {
	st := v.sh.st
	inner := max(1, w-2)
	now := v.sh.now()
	days := int(now.Sub(d.StageEnteredAt).Hours() / 24)
	amount := fmt.Sprintf("%s · %dd", model.FormatMoney(d.Money(), v.sh.locale()), days)
	idle := v.sh.deps.Config.Deals.IdleDays
	if d.Status == model.StatusOpen && idle > 0 && d.Idle(now) > time.Duration(idle)*24*time.Hour {
		amount += " ⚠"
	}
	account := d.AccountName
	if account == "" {
		account = "—"
	}
	var last string
	lastStyle := st.Muted
	switch {
	case d.Status == model.StatusWon && d.ClosedAt != nil:
		last = "won " + v.sh.date(*d.ClosedAt)
	case d.Status == model.StatusLost:
		last = "lost: " + d.LostReason
	case d.NextTask != nil:
		last = d.NextTask.Subject + " · " + v.sh.when(d.NextTask.Due, d.NextTask.AllDay)
		if d.NextTask.Due.Before(now) {
			lastStyle = st.Error
		}
	default:
		last, lastStyle = "no next step", st.Error
	}
	lines := []string{
		st.Title.Render(cut(model.Printable(d.Title), inner)),
		cut(model.Printable(account), inner),
		st.Value.Render(cut(amount, inner)),
		lastStyle.Render(cut("▸ "+model.Printable(last), inner)),
	}
	bs := lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(colFaint).Width(inner)
	if selected {
		bs = bs.Border(lipgloss.ThickBorder()).BorderForeground(colAccent)
	}
	return bs.Render(strings.Join(lines, "\n"))
}
