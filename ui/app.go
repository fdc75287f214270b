// Package ui is rolo's terminal interface (Bubble Tea). The root model in
// this file owns the tabs, the detail stack, forms, dialogs, help, the
// status line and undo; each view lives in its own file and talks to the
// store only through commands.
package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"rolo/model"
	"rolo/store"
)

// screen is anything the root shows in its content area.
type screen interface {
	Init() tea.Cmd
	Update(tea.Msg) tea.Cmd
	View() string
	SetSize(w, h int)
	KeyMap() keyMap
	Capturing() bool // a text field has focus: global keys are off
	Title() string
	Summary() string
}

// listScreen is a tab's main view.
type listScreen interface {
	screen
	SetOwner(id int64) tea.Cmd
	Reload() tea.Cmd
	Focus(m savedMsg) tea.Cmd
}

type tab struct {
	key    string // the digit that opens it
	name   string // config name (ui.start_view)
	kind   string // record kind it lists
	view   listScreen
	inited bool // its data was asked for (tabs load when first shown)
	stale  bool // written to while hidden: reload when shown
}

// App is the root model.
type App struct {
	sh       *shared
	keys     globalKeys
	help     help.Model
	width    int
	height   int
	tabs     []tab
	active   int
	stack    []screen // detail views over the active tab
	form     *formView
	dialog   screen // the convert dialog or the merge screen, over the rest
	confirm  *confirmation
	prompt   *promptLine
	showHelp bool
	status   string
	isErr    bool
	users    []model.User
	owner    int // 0 all, 1 me, then each other user
	tracker  *store.Tracker
	undone   map[int64]bool
	debug    bool // ROLO_DEBUG_LOG: log every message
}

// confirmation is a yes/no question in the status line.
type confirmation struct {
	prompt string
	yes    tea.Cmd
}

// promptLine asks for one line of text in the footer (a disqualify
// reason): enter gives it to submit, esc cancels.
type promptLine struct {
	input  textinput.Model
	submit func(string) tea.Cmd
	empty  string // said when enter is pressed on nothing
	cancel string // said on esc
}

func newPrompt(label, placeholder string, width int) *promptLine {
	in := textinput.New()
	in.Prompt = label
	in.CharLimit = 200
	in.Width = max(10, width-lipgloss.Width(label)-3)
	// textinput (bubbles v1.0) counts the prompt into Width for the
	// placeholder but not for typed text, which cut the placeholder to its
	// first letter: it is set only when the line has room for all of it
	// that way.
	if in.Width-lipgloss.Width(label)-1 >= lipgloss.Width(placeholder) {
		in.Placeholder = placeholder
	}
	in.Focus()
	return &promptLine{input: in}
}

// New builds the root model.
func New(deps Deps) *App {
	ctx, tr := store.Track(context.Background())
	sh := &shared{deps: deps, st: NewStyles(), writeCtx: ctx}
	a := &App{sh: sh, keys: newGlobalKeys(), help: help.New(), tracker: tr, undone: map[int64]bool{},
		debug: os.Getenv("ROLO_DEBUG_LOG") != ""}
	a.help.Styles.ShortKey = sh.st.Accent
	a.help.Styles.FullKey = sh.st.Accent
	a.tabs = []tab{
		{key: "1", name: "pipeline", kind: "deal", view: newPipelineView(sh)},
		{key: "2", name: "contacts", kind: "contact", view: newContactsView(sh)},
		{key: "3", name: "accounts", kind: "account", view: newAccountsView(sh)},
		{key: "4", name: "leads", kind: "lead", view: newLeadsView(sh)},
		{key: "5", name: "activities", kind: "activity", view: newActivitiesView(sh)},
		{key: "6", name: "dashboard", kind: "dashboard", view: newDashboardView(sh)},
	}
	for i, t := range a.tabs {
		if t.name == deps.Config.UI.StartView {
			a.active = i
		}
	}
	return a
}

// Run starts the TUI and returns when the user quits.
func Run(ctx context.Context, deps Deps, noColor bool) error {
	if noColor || os.Getenv("NO_COLOR") != "" {
		lipgloss.SetColorProfile(termenv.Ascii)
	}
	switch deps.Config.UI.Theme {
	case "dark":
		lipgloss.SetHasDarkBackground(true)
	case "light":
		lipgloss.SetHasDarkBackground(false)
	}
	if path := os.Getenv("ROLO_DEBUG_LOG"); path != "" {
		f, err := tea.LogToFile(path, "rolo")
		if err == nil {
			defer f.Close()
		}
	}
	_, err := tea.NewProgram(New(deps), tea.WithAltScreen(), tea.WithContext(ctx)).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// Init loads the team and the tab rolo opens on; the others load when
// first shown, so the first frame waits for one view only.
func (a *App) Init() tea.Cmd { return tea.Batch(a.loadUsers(), a.showTab(a.active)) }

// showTab makes tab i active, loading it the first time.
func (a *App) showTab(i int) tea.Cmd {
	a.active = i
	t := &a.tabs[i]
	switch {
	case !t.inited:
		t.inited, t.stale = true, false
		return t.view.Init()
	case t.stale:
		t.stale = false
		return t.view.Reload()
	}
	return nil
}

func (a *App) loadUsers() tea.Cmd {
	st := a.sh.deps.Store
	return func() tea.Msg {
		users, err := st.Users.List(context.Background())
		return usersMsg{users, err}
	}
}

// current is the screen in front: the top detail, else the active tab.
func (a *App) current() screen {
	if a.form != nil {
		return a.form
	}
	if a.dialog != nil {
		return a.dialog
	}
	if n := len(a.stack); n > 0 {
		return a.stack[n-1]
	}
	return a.tabs[a.active].view
}

func (a *App) contentSize() (int, int) { return a.width, max(0, a.height-3) }

func (a *App) resize(w, h int) {
	a.width, a.height = w, h
	cw, ch := a.contentSize()
	for _, t := range a.tabs {
		t.view.SetSize(cw, ch)
	}
	for _, s := range a.stack {
		s.SetSize(cw, ch)
	}
	if a.form != nil {
		a.form.SetSize(cw, ch)
	}
	if a.dialog != nil {
		a.dialog.SetSize(cw, ch)
	}
	a.help.Width = w
}

func (a *App) push(s screen) tea.Cmd {
	s.SetSize(a.contentSize())
	a.stack = append(a.stack, s)
	return s.Init()
}

func (a *App) setStatus(s string, isErr bool) {
	a.status, a.isErr = s, isErr
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if a.debug {
		log.Printf("%T", msg)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.resize(msg.Width, msg.Height)
		return a, nil
	case tea.KeyMsg:
		return a, a.handleKey(msg)
	case openMsg:
		a.setStatus("", false)
		return a, a.push(newDetailView(a.sh, msg.kind, msg.id))
	case openQuoteMsg:
		return a, a.push(newQuoteView(a.sh, msg.id))
	case drillMsg:
		return a, a.drill(msg)
	case newQuoteMsg:
		return a, a.createQuote(msg.dealID)
	case quoteCreatedMsg:
		a.setStatus("added quote "+msg.q.Number+" (a adds lines, u undoes)", false)
		return a, tea.Batch(a.afterWrite(nil), a.push(newQuoteView(a.sh, msg.q.ID)))
	case newMsg:
		switch msg.kind {
		case "deal":
			return a, a.showForm(newDealForm(a.sh, model.Deal{Pipeline: msg.pipeline, Stage: msg.stage}))
		case "lead":
			return a, a.showForm(newLeadForm(a.sh, model.Lead{}))
		}
		return a, a.openForm(msg.kind, nil, nil)
	case editMsg:
		return a, a.loadForEdit(msg.kind, msg.id)
	case editLoadedMsg:
		if msg.err != nil {
			a.setStatus(msg.err.Error(), true)
			return a, nil
		}
		if msg.deal != nil {
			return a, a.showForm(newDealForm(a.sh, *msg.deal))
		}
		if msg.lead != nil {
			return a, a.showForm(newLeadForm(a.sh, *msg.lead))
		}
		return a, a.openForm("", msg.contact, msg.account)
	case askArchiveMsg:
		a.confirm = &confirmation{
			prompt: fmt.Sprintf("Archive %s %q? y/n", msg.kind, model.Printable(msg.name)),
			yes:    a.archive(msg),
		}
		return a, nil
	case closeFormMsg:
		a.form = nil
		return a, nil
	case closeDialogMsg:
		a.dialog = nil
		return a, nil
	case convertMsg:
		a.setStatus("", false)
		return a, a.loadConversion(msg.id)
	case convertReadyMsg:
		if msg.err != nil {
			a.setStatus("cannot check for duplicates: "+msg.err.Error(), true)
			return a, nil
		}
		return a, a.showDialog(newConvertView(a.sh, msg))
	case convertedMsg:
		a.setStatus(convertedText(msg.conv), false)
		return a, a.afterWrite(nil)
	case askDisqualifyMsg:
		if msg.status == model.LeadConverted {
			a.setStatus(fmt.Sprintf("%s is converted; a converted lead cannot be disqualified", model.Printable(msg.name)), true)
			return a, nil
		}
		p := newPrompt(fmt.Sprintf("Disqualify %q because: ", model.Printable(msg.name)), "no budget, not a fit, no answer…", a.width)
		p.empty = "a disqualified lead needs a reason: type one, or esc"
		p.cancel = "not disqualified"
		p.submit = func(reason string) tea.Cmd { return a.disqualify(msg, reason) }
		a.prompt = p
		return a, nil
	case mergeMsg:
		a.setStatus("", false)
		return a, a.showDialog(newMergeView(a.sh, msg.kind, msg.id))
	case mergedMsg:
		a.setStatus(fmt.Sprintf("merged %s (#%d) into %s (#%d) (u undoes)", msg.drop, msg.dropID, msg.keep, msg.id), false)
		return a, a.afterWrite(nil)
	case savedMsg:
		status := fmt.Sprintf("%s %s %s", msg.verb, msg.kind, model.Printable(msg.name))
		if strings.HasSuffix(msg.verb, ":") { // the verb names what was saved
			status = msg.verb + " " + model.Printable(msg.name)
		}
		a.setStatus(status, false)
		return a, a.afterWrite(&msg)
	case undoneMsg:
		if msg.err != nil {
			a.setStatus("cannot undo: "+msg.err.Error(), true)
			return a, nil
		}
		var parts []string
		for _, c := range msg.changes {
			parts = append(parts, fmt.Sprintf("%s %s #%d", describeChange(c), c.Entity, c.EntityID))
		}
		a.setStatus("undid "+strings.Join(parts, "; "), false)
		return a, a.afterWrite(nil)
	case errMsg:
		a.setStatus(msg.err.Error(), true)
		return a, nil
	case activityFormMsg:
		if msg.err != nil {
			a.setStatus(msg.err.Error(), true)
			return a, nil
		}
		a.form = newActivityForm(a.sh, msg.kind, msg.link, msg.about)
		a.form.SetSize(a.contentSize())
		return a, a.form.Init()
	case editorLoadedMsg:
		if msg.err != nil {
			a.setStatus(msg.err.Error(), true)
			return a, nil
		}
		return a, a.openEditor(msg)
	case editorDoneMsg:
		return a, a.editorDone(msg)
	case statusMsg:
		a.setStatus(msg.text, false)
		return a, nil
	case usersMsg:
		if msg.err != nil {
			a.setStatus("could not read the team: "+msg.err.Error(), true)
		}
		a.users = msg.users
		return a, nil
	}
	return a, a.broadcast(msg)
}

// broadcast hands a data message to every screen; each keeps only replies
// addressed to it.
func (a *App) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	if a.form != nil {
		cmds = append(cmds, a.form.Update(msg))
	}
	if a.dialog != nil {
		cmds = append(cmds, a.dialog.Update(msg))
	}
	for _, t := range a.tabs {
		cmds = append(cmds, t.view.Update(msg))
	}
	for _, s := range a.stack {
		cmds = append(cmds, s.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (a *App) handleKey(k tea.KeyMsg) tea.Cmd {
	// Keys typed faster than they are read arrive as one message ("/x");
	// outside a text field each is a command of its own.
	if k.Type == tea.KeyRunes && len(k.Runes) > 1 && !k.Paste && a.confirm == nil && a.prompt == nil && !a.current().Capturing() {
		var cmds []tea.Cmd
		for i, r := range k.Runes {
			if a.current().Capturing() {
				rest := k
				rest.Runes = k.Runes[i:]
				cmds = append(cmds, a.handleKey(rest))
				break
			}
			one := k
			one.Runes = []rune{r}
			cmds = append(cmds, a.handleKey(one))
		}
		return tea.Batch(cmds...)
	}
	if c := a.confirm; c != nil {
		a.confirm = nil
		switch k.String() {
		case "y", "Y":
			return c.yes
		case "ctrl+c":
			return tea.Quit
		}
		a.setStatus("cancelled", false)
		return nil
	}
	if p := a.prompt; p != nil {
		switch k.String() {
		case "esc":
			a.prompt = nil
			a.setStatus(p.cancel, false)
			return nil
		case "ctrl+c":
			return tea.Quit
		case "enter":
			v := strings.TrimSpace(p.input.Value())
			if v == "" {
				a.setStatus(p.empty, true)
				return nil
			}
			a.prompt = nil
			return p.submit(v)
		}
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(k)
		return cmd
	}
	if a.showHelp {
		a.showHelp = false
		if key.Matches(k, a.keys.ForceEnd) {
			return tea.Quit
		}
		return nil
	}
	cur := a.current()
	// The merge screen takes every key (a, b, h, l pick sides), but has
	// no text to type a ? into: ? shows its keys.
	if _, merging := cur.(*mergeView); merging && key.Matches(k, a.keys.Help) {
		a.showHelp = true
		return nil
	}
	if cur.Capturing() {
		return cur.Update(k)
	}
	g := a.keys
	switch {
	case key.Matches(k, g.Quit):
		return tea.Quit
	case key.Matches(k, g.Help):
		a.showHelp = true
		return nil
	case key.Matches(k, g.Undo):
		return a.undo()
	case key.Matches(k, g.Owner):
		return a.cycleOwner()
	case key.Matches(k, g.Reload):
		a.setStatus("reloaded", false)
		return tea.Batch(a.reloadAll(), a.loadUsers())
	case key.Matches(k, g.Back) && len(a.stack) > 0:
		a.stack = a.stack[:len(a.stack)-1]
		return nil
	}
	for i, t := range a.tabs {
		if k.String() == t.key {
			a.stack = nil
			return a.showTab(i)
		}
	}
	if p, ok := cur.(recordPicker); ok {
		switch k.String() {
		case "a", "t":
			kind := map[string]string{"a": "activity", "t": "task"}[k.String()]
			rec, ok := p.selectedRecord()
			return a.activityForm(kind, rec, ok)
		case "E":
			if rec, ok := p.selectedRecord(); ok {
				return a.loadNotes(rec)
			}
			return nil
		}
	}
	a.setStatus("", false)
	return cur.Update(k)
}

// showForm puts a form in front.
func (a *App) showForm(f *formView) tea.Cmd {
	a.form = f
	a.form.SetSize(a.contentSize())
	return a.form.Init()
}

// showDialog puts a dialog (convert, merge) in front.
func (a *App) showDialog(d screen) tea.Cmd {
	a.dialog = d
	d.SetSize(a.contentSize())
	return d.Init()
}

func (a *App) openForm(kind string, c *model.Contact, acc *model.Account) tea.Cmd {
	switch {
	case c != nil:
		a.form = newContactForm(a.sh, *c)
	case acc != nil:
		a.form = newAccountForm(a.sh, *acc)
	case kind == "account":
		a.form = newAccountForm(a.sh, model.Account{})
	default:
		a.form = newContactForm(a.sh, model.Contact{})
	}
	a.form.SetSize(a.contentSize())
	return a.form.Init()
}

func (a *App) loadForEdit(kind string, id int64) tea.Cmd {
	st := a.sh.deps.Store
	return func() tea.Msg {
		ctx := context.Background()
		switch kind {
		case "account":
			acc, err := st.Accounts.Get(ctx, id)
			return editLoadedMsg{account: &acc, err: err}
		case "deal":
			d, err := st.Deals.Get(ctx, id)
			return editLoadedMsg{deal: &d, err: err}
		case "lead":
			l, err := st.Leads.Get(ctx, id)
			return editLoadedMsg{lead: &l, err: err}
		}
		c, err := st.Contacts.Get(ctx, id)
		return editLoadedMsg{contact: &c, err: err}
	}
}

type quoteCreatedMsg struct{ q model.Quote }

// drill opens the deals behind a dashboard bar: a stage on the board, a
// month as a list of the deals expected to close in it.
func (a *App) drill(m drillMsg) tea.Cmd {
	if m.stage != "" {
		a.stack = nil
		cmd := a.showTab(0)
		return tea.Batch(cmd, a.tabs[0].view.(*pipelineView).show(m.q.Pipeline, m.stage))
	}
	v := newDealsView(a.sh, m.title, m.q)
	if o := a.ownerOptions(); a.owner > 0 && a.owner < len(o) {
		v.owner = o[a.owner].ID
	}
	return a.push(v)
}

// activityFormMsg opens the log or task form once its links are known.
type activityFormMsg struct {
	kind  string
	link  model.Activity
	about string
	err   error
}

// activityForm resolves what a new activity is about, then opens its form.
func (a *App) activityForm(kind string, rec recordRef, ok bool) tea.Cmd {
	if !ok {
		return send(activityFormMsg{kind: kind})
	}
	return func() tea.Msg {
		link, err := a.linkOf(context.Background(), rec)
		about := rec.name
		if rec.kind == "activity" {
			about = ""
			if src, err := a.sh.deps.Store.Activities.Get(context.Background(), rec.id); err == nil {
				about = src.Record()
			}
		}
		return activityFormMsg{kind: kind, link: link, about: about, err: err}
	}
}

// createQuote starts an empty draft quote on a deal.
func (a *App) createQuote(dealID int64) tea.Cmd {
	st, ctx := a.sh.deps.Store, a.sh.writeCtx
	valid := a.sh.now().AddDate(0, 0, 30).Format(model.DateLayout)
	return func() tea.Msg {
		q, err := st.Quotes.Create(ctx, model.Quote{DealID: dealID, ValidUntil: valid})
		if err != nil {
			return errMsg{err}
		}
		return quoteCreatedMsg{q}
	}
}

func (a *App) archive(m askArchiveMsg) tea.Cmd {
	st, ctx := a.sh.deps.Store, a.sh.writeCtx
	return func() tea.Msg {
		var err error
		switch m.kind {
		case "account":
			_, err = st.Accounts.Archive(ctx, m.id, m.version)
		case "deal":
			_, err = st.Deals.Archive(ctx, m.id, m.version)
		case "lead":
			_, err = st.Leads.Archive(ctx, m.id, m.version)
		default:
			_, err = st.Contacts.Archive(ctx, m.id, m.version)
		}
		if err != nil {
			return errMsg{err}
		}
		return savedMsg{kind: m.kind, id: m.id, verb: "archived", name: m.name + " (u undoes)"}
	}
}

// afterWrite reloads the screens in front; hidden tabs reload when next
// shown. A created (or moved) record is selected in its list.
func (a *App) afterWrite(m *savedMsg) tea.Cmd {
	cmds := []tea.Cmd{}
	for i := range a.tabs {
		t := &a.tabs[i]
		switch {
		case !t.inited:
		case m != nil && (m.created || m.deal != nil) && t.kind == m.kind:
			cmds = append(cmds, t.view.Focus(*m))
		case i == a.active:
			cmds = append(cmds, t.view.Reload())
		default:
			t.stale = true
		}
	}
	for _, s := range a.stack {
		if r, ok := s.(interface{ Reload() tea.Cmd }); ok {
			cmds = append(cmds, r.Reload())
		}
	}
	return tea.Batch(cmds...)
}

func (a *App) reloadAll() tea.Cmd { return a.afterWrite(nil) }

// undo reverses the newest change this session made that is not undone.
func (a *App) undo() tea.Cmd {
	groups := a.tracker.Groups()
	for i := len(groups) - 1; i >= 0; i-- {
		g := groups[i]
		if a.undone[g] {
			continue
		}
		a.undone[g] = true
		st := a.sh.deps.Store
		return func() tea.Msg {
			changes, err := st.History.Undo(context.Background(), g)
			return undoneMsg{group: g, changes: changes, err: err}
		}
	}
	a.setStatus("nothing to undo: no changes made since rolo was opened", false)
	return nil
}

// ownerOptions are the owner filter's steps: everyone, me, the others.
func (a *App) ownerOptions() []model.User {
	opts := []model.User{{}, a.sh.deps.Me}
	for _, u := range a.users {
		if u.ID != a.sh.deps.Me.ID {
			opts = append(opts, u)
		}
	}
	return opts
}

func (a *App) ownerLabel() string {
	opts := a.ownerOptions()
	switch {
	case a.owner == 0 || a.owner >= len(opts):
		return "all"
	case a.owner == 1:
		return "me"
	}
	return opts[a.owner].Name
}

func (a *App) cycleOwner() tea.Cmd {
	opts := a.ownerOptions()
	a.owner = (a.owner + 1) % len(opts)
	id := opts[a.owner].ID
	a.setStatus("owner: "+model.Printable(a.ownerLabel()), false)
	var cmds []tea.Cmd
	for i := range a.tabs {
		t := &a.tabs[i]
		if t.inited {
			cmds = append(cmds, t.view.SetOwner(id))
		} else {
			t.view.SetOwner(id) // sets the filter; the data loads when the tab is shown
		}
	}
	return tea.Batch(cmds...)
}

func (a *App) View() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	cw, ch := a.contentSize()
	var body string
	if a.showHelp {
		body = a.helpView(cw, ch)
	} else {
		body = a.current().View()
	}
	body = lipgloss.NewStyle().Width(cw).Height(ch).MaxWidth(cw).MaxHeight(ch).Render(body)
	return strings.Join([]string{a.header(), body, a.footer()}, "\n")
}

// headerRightRoom is the width kept for the owner filter and the count
// before the tab bar falls back to its compact form.
const headerRightRoom = 40

func (a *App) header() string {
	st := a.sh.st
	tabs := func(compact bool) string {
		parts := []string{st.Brand.Render(" rolo")}
		for i, t := range a.tabs {
			label := t.key + " " + t.view.Title()
			switch {
			case i == a.active:
				parts = append(parts, st.TabActive.Render(label))
			case compact:
				// On narrow terminals the inactive tabs shrink to their key so
				// the owner filter and the count stay readable.
				parts = append(parts, st.Tab.Render(t.key))
			default:
				parts = append(parts, st.Tab.Render(label))
			}
		}
		return strings.Join(parts, "  ")
	}
	var right string
	if n := len(a.stack); a.dialog != nil && a.form == nil {
		right = a.dialog.Title()
	} else if n > 0 && a.form == nil {
		right = a.stack[n-1].Title()
	} else {
		// the owner filter is named when it filters (SCREENS.md): six
		// tabs leave the count too little room for "owner: all" as well
		var parts []string
		if a.owner != 0 {
			parts = append(parts, "owner: "+a.ownerLabel())
		}
		if s := a.tabs[a.active].view.Summary(); s != "" {
			parts = append(parts, s)
		}
		right = strings.Join(parts, " · ")
	}
	left := tabs(false)
	if lipgloss.Width(left)+min(lipgloss.Width(right)+3, headerRightRoom) > a.width {
		left = tabs(true)
	}
	right = st.HeaderRight.Render(cut(model.Printable(right), max(0, a.width-lipgloss.Width(left)-3))) + " "
	if lipgloss.Width(left)+lipgloss.Width(right) > a.width {
		return cut(left, a.width)
	}
	return left + strings.Repeat(" ", a.width-lipgloss.Width(left)-lipgloss.Width(right)) + right
}

func (a *App) globalHelp() []key.Binding {
	g := a.keys
	b := []key.Binding{g.Undo, g.Owner, g.Help, g.Quit}
	if len(a.stack) > 0 {
		b = append([]key.Binding{g.Back}, b...)
	}
	return b
}

func (a *App) footer() string {
	st := a.sh.st
	var helpLine string
	switch {
	case a.confirm != nil:
		helpLine = st.Accent.Render(" " + a.confirm.prompt)
	case a.prompt != nil:
		helpLine = " " + a.prompt.input.View()
	case a.showHelp:
		helpLine = st.Muted.Render(" any key closes the help")
	default:
		km := a.current().KeyMap()
		bindings := km.ShortHelp()
		if !a.current().Capturing() {
			bindings = append(bindings, a.globalHelp()...)
		}
		helpLine = " " + a.help.ShortHelpView(bindings)
	}
	status := ""
	if a.status != "" {
		s := st.Muted
		if a.isErr {
			s = st.Error
		}
		status = " " + s.Render(model.Printable(a.status))
	}
	return cut(helpLine, a.width) + "\n" + cut(status, a.width)
}

func (a *App) helpView(w, h int) string {
	km := a.current().KeyMap()
	groups := km.FullHelp()
	g := a.keys
	groups = append(groups, append(append([]key.Binding{}, g.Views...), g.Back, g.Undo, g.Owner, g.Reload, g.Help, g.Quit))
	if _, ok := a.current().(recordPicker); ok {
		groups = append(groups, []key.Binding{g.Log, g.Task, g.Notes})
	}
	hm := a.help
	hm.ShowAll = true
	hm.Width = w
	title := a.sh.st.Title.Render("Keys for " + a.current().Title())
	return lipgloss.NewStyle().MaxWidth(w).MaxHeight(h).Render(title + "\n\n" + hm.FullHelpView(groups))
}
