package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// activitiesView is where a rep starts the day: the agenda (overdue, today
// and upcoming tasks) and the log of everything logged, newest first.
// tab switches between them; space toggles a task done, s snoozes it to
// tomorrow, S asks for a new due time, f cycles the log's kind filter, /
// filters the log by text, enter opens the record an activity is about.
type activitiesView struct {
	sh        *shared
	agenda    *window[model.Activity]
	log       *window[model.Activity]
	pane      int // 0 agenda, 1 log
	kind      int // log filter: 0 all, then model.ActivityKinds
	owner     int64
	day       time.Time // start of the agenda's today, local
	counts    [3]int    // overdue, today, upcoming
	countsGen int
	filter    filterBox
	due       *textinput.Model // the new-due-time prompt (S)
	dueFor    model.Activity
	width     int
	height    int
	keys      activityKeys
}

type activityKeys struct {
	moveKeys
	Pane, Toggle, Snooze, Reschedule, Kind, Filter, Open key.Binding
	Log, Task, DueSave, DueCancel, EditBody, Delete      key.Binding
}

func newActivitiesView(sh *shared) *activitiesView {
	repo := sh.deps.Store.Activities
	src := source[model.Activity]{list: repo.List, count: repo.Count, key: store.ActivityCursor}
	log := newWindow("log", src)
	// a log of a million rows is not counted: it pages on as it scrolls,
	// and a short page tells where it ends
	log.counted = true
	v := &activitiesView{sh: sh, agenda: newWindow("agenda", src), log: log,
		filter: newFilterBox("subjects, notes, outcomes, people"),
		keys: activityKeys{
			moveKeys:   newMoveKeys(),
			Pane:       key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("tab", "agenda/log")),
			Toggle:     key.NewBinding(key.WithKeys(" "), key.WithHelp("space", "done")),
			Snooze:     key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "tomorrow")),
			Reschedule: key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "due date")),
			Kind:       key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "kind")),
			Filter:     key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter log")),
			Open:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
			Log:        key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "log")),
			Task:       key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "task")),
			DueSave:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "set due")),
			DueCancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
			EditBody:   key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "notes in $EDITOR")),
			Delete:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "archive")),
		}}
	return v
}

// today is the start of the user's day.
func (v *activitiesView) today() time.Time {
	now := v.sh.now().In(v.sh.loc())
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
}

func (v *activitiesView) agendaQuery() store.ListQuery {
	return store.ListQuery{Agenda: v.day, OwnerID: v.owner}
}

func (v *activitiesView) logQuery() store.ListQuery {
	q := store.ListQuery{Desc: true, OwnerID: v.owner, Search: strings.TrimSpace(v.filter.value())}
	if v.kind > 0 {
		q.Kind = model.ActivityKinds[v.kind-1]
	}
	return q
}

func (v *activitiesView) Init() tea.Cmd {
	v.day = v.today()
	return tea.Batch(v.agenda.setQuery(v.agendaQuery()), v.log.setQuery(v.logQuery()), v.loadCounts())
}

type agendaCountsMsg struct {
	gen    int
	counts [3]int
	err    error
}

// loadCounts counts the agenda's three buckets.
func (v *activitiesView) loadCounts() tea.Cmd {
	v.countsGen++
	gen, repo, day, owner := v.countsGen, v.sh.deps.Store.Activities, v.day, v.owner
	return func() tea.Msg {
		ctx := context.Background()
		var c [3]int
		var err error
		tomorrow := day.AddDate(0, 0, 1)
		qs := []store.ListQuery{
			{Open: true, Until: day, OwnerID: owner},
			{Kind: model.KindTask, Since: day, Until: tomorrow, OwnerID: owner},
			{Kind: model.KindTask, Since: tomorrow, OwnerID: owner},
		}
		for i, q := range qs {
			if c[i], err = repo.Count(ctx, q); err != nil {
				break
			}
		}
		return agendaCountsMsg{gen: gen, counts: c, err: err}
	}
}

func (v *activitiesView) SetOwner(id int64) tea.Cmd {
	v.owner = id
	return v.Init()
}

// Reload re-reads both lists where they are; a new day re-buckets.
func (v *activitiesView) Reload() tea.Cmd {
	if d := v.today(); !d.Equal(v.day) {
		return v.Init()
	}
	return tea.Batch(v.agenda.reload(), v.log.reload(), v.loadCounts())
}

func (v *activitiesView) Focus(m savedMsg) tea.Cmd { return v.Reload() }

func (v *activitiesView) SetSize(w, h int) {
	v.width, v.height = max(0, w), max(0, h)
	v.filter.input.Width = max(1, w-30)
	v.agenda.setHeight(h - 5) // pane header, three bucket headers, prompt line
	v.log.setHeight(h - 3)    // pane header, filter line, prompt line
}

func (v *activitiesView) Capturing() bool { return v.filter.active || v.due != nil }

func (v *activitiesView) Title() string { return "Activities" }

func (v *activitiesView) Summary() string {
	loc := v.sh.locale()
	return fmt.Sprintf("%s overdue · %s today · %s upcoming", formatInt(v.counts[0], loc), formatInt(v.counts[1], loc),
		formatInt(v.counts[2], loc))
}

func (v *activitiesView) KeyMap() keyMap {
	k := v.keys
	switch {
	case v.due != nil:
		return keyMap{short: []key.Binding{k.DueSave, k.DueCancel}, full: [][]key.Binding{{k.DueSave, k.DueCancel}}}
	case v.filter.active:
		return v.filter.keyMap()
	}
	short := []key.Binding{k.Toggle, k.Snooze, k.Reschedule, k.Open, k.Pane, k.Log, k.Task}
	if v.pane == 1 {
		short = []key.Binding{k.Kind, k.Filter, k.Toggle, k.Open, k.Pane, k.Log, k.Task}
	}
	return keyMap{short: short, full: [][]key.Binding{
		append(k.bindings(), k.Pane),
		{k.Toggle, k.Snooze, k.Reschedule, k.Open, k.Log, k.Task, k.EditBody, k.Delete},
		{k.Kind, k.Filter},
	}}
}

func (v *activitiesView) win() *window[model.Activity] {
	if v.pane == 1 {
		return v.log
	}
	return v.agenda
}

// Selected is the activity under the cursor.
func (v *activitiesView) Selected() (model.Activity, bool) { return v.win().selected() }

func (v *activitiesView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case agendaCountsMsg:
		if msg.gen == v.countsGen && msg.err == nil {
			v.counts = msg.counts
		}
		return nil
	case tea.KeyMsg:
		switch {
		case v.due != nil:
			return v.updateDue(msg)
		case v.filter.active:
			changed, cmd := v.filter.update(msg)
			if changed {
				return tea.Batch(cmd, v.log.setQuery(v.logQuery()))
			}
			return cmd
		}
		return v.updateKeys(msg)
	}
	return tea.Batch(v.agenda.update(msg), v.log.update(msg))
}

func (v *activitiesView) updateDue(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, v.keys.DueCancel):
		v.due = nil
		return nil
	case key.Matches(msg, v.keys.DueSave):
		due, allDay, err := model.ParseWhen("due", v.due.Value(), v.sh.now(), v.sh.loc())
		if err != nil {
			return send(errMsg{err})
		}
		a := v.dueFor
		v.due = nil
		return v.reschedule(a, due, allDay)
	}
	in, cmd := v.due.Update(msg)
	v.due = &in
	return cmd
}

func (v *activitiesView) updateKeys(msg tea.KeyMsg) tea.Cmd {
	k := v.keys
	w := v.win()
	if cmd, ok := navigate(w, msg, k.moveKeys); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, k.Pane):
		v.pane = 1 - v.pane
		return nil
	case key.Matches(msg, k.Kind):
		v.pane = 1
		v.kind = (v.kind + 1) % (len(model.ActivityKinds) + 1)
		return v.log.setQuery(v.logQuery())
	case key.Matches(msg, k.Filter):
		v.pane = 1
		return v.filter.start()
	case msg.String() == "esc" && v.filter.clear():
		return v.log.setQuery(v.logQuery())
	}
	a, ok := w.selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(msg, k.Open):
		return openRecordOf(a)
	case key.Matches(msg, k.Toggle):
		if !a.IsTask() {
			return send(statusMsg{"only tasks are done or not done"})
		}
		return v.setDone(a, !a.Done)
	case key.Matches(msg, k.Snooze):
		if !a.IsTask() {
			return send(statusMsg{"only tasks can be snoozed"})
		}
		due, allDay := snoozeTime(a, v.sh.now(), v.sh.loc())
		return v.reschedule(a, due, allDay)
	case key.Matches(msg, k.Reschedule):
		if !a.IsTask() {
			return send(statusMsg{"only tasks have a due date"})
		}
		in := textinput.New()
		in.Prompt = fmt.Sprintf("New due for %q: ", model.Printable(a.Subject))
		in.Placeholder = "tomorrow 9:00, next fri, +3d, 2027-01-31 14:30"
		in.CharLimit = 100
		in.Width = max(10, v.width-lipgloss.Width(in.Prompt)-2)
		v.due, v.dueFor = &in, a
		return in.Focus()
	case key.Matches(msg, k.Delete):
		return send(askArchiveMsg{kind: "activity", id: a.ID, version: a.Version, name: a.Subject})
	}
	return nil
}

// snoozeTime is tomorrow at the task's time of day, or the end of
// tomorrow for an all-day task.
func snoozeTime(a model.Activity, now time.Time, loc *time.Location) (time.Time, bool) {
	t := now.In(loc).AddDate(0, 0, 1)
	if a.AllDay {
		return time.Date(t.Year(), t.Month(), t.Day(), 23, 59, 59, 0, loc).UTC(), true
	}
	at := a.At.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), at.Hour(), at.Minute(), 0, 0, loc).UTC(), false
}

// openRecordOf opens what an activity is about: its deal, else its
// contact, else its account.
func openRecordOf(a model.Activity) tea.Cmd {
	switch {
	case a.DealID != nil:
		return send(openMsg{kind: "deal", id: *a.DealID})
	case a.ContactID != nil:
		return send(openMsg{kind: "contact", id: *a.ContactID})
	case a.AccountID != nil:
		return send(openMsg{kind: "account", id: *a.AccountID})
	case a.LeadID != nil:
		return send(openMsg{kind: "lead", id: *a.LeadID})
	}
	return send(statusMsg{"this activity is not linked to a record"})
}

func (v *activitiesView) setDone(a model.Activity, done bool) tea.Cmd {
	repo, ctx := v.sh.deps.Store.Activities, v.sh.writeCtx
	return func() tea.Msg {
		out, err := repo.SetDone(ctx, a.ID, a.Version, done)
		if err != nil {
			return errMsg{err}
		}
		verb := "done:"
		if !done {
			verb = "not done:"
		}
		return savedMsg{kind: "activity", id: out.ID, verb: verb, name: out.Subject + " (u undoes)"}
	}
}

func (v *activitiesView) reschedule(a model.Activity, due time.Time, allDay bool) tea.Cmd {
	repo, ctx, sh := v.sh.deps.Store.Activities, v.sh.writeCtx, v.sh
	return func() tea.Msg {
		out, err := repo.Reschedule(ctx, a.ID, a.Version, due, allDay)
		if err != nil {
			return errMsg{err}
		}
		return savedMsg{kind: "activity", id: out.ID, verb: "due " + sh.when(out.At, out.AllDay) + ":", name: out.Subject + " (u undoes)"}
	}
}

func (v *activitiesView) View() string {
	if v.width <= 0 || v.height <= 0 {
		return ""
	}
	st := v.sh.st
	var lines []string
	head := func(title string, on bool) string {
		s := st.Section
		if on {
			s = st.SectionOn
		}
		h := "─ " + title + " "
		return s.Render(cut(h+strings.Repeat("─", max(0, v.width-lipgloss.Width(h))), v.width))
	}
	if v.pane == 0 {
		lines = append(lines, head("Agenda · tab: log", true))
		lines = append(lines, v.agendaLines()...)
	} else {
		kind := "all kinds"
		if v.kind > 0 {
			kind = model.ActivityKinds[v.kind-1] + "s"
		}
		lines = append(lines, head("Log · "+kind+" · f kind · tab: agenda", true))
		if v.filter.active || v.filter.value() != "" {
			right := ""
			if v.log.total >= 0 {
				right = st.Muted.Render(plural(v.log.total, "match", "matches", v.sh.locale()))
			} else if v.log.ready {
				right = st.Muted.Render(plural(len(v.log.rows), "match", "matches", v.sh.locale()) + "+")
			}
			left := cut(v.filter.input.View(), max(0, v.width-lipgloss.Width(right)-1))
			lines = append(lines, left+strings.Repeat(" ", max(1, v.width-lipgloss.Width(left)-lipgloss.Width(right)))+right)
		} else {
			lines = append(lines, st.Faint.Render(cut("/ filter "+v.filter.input.Placeholder, v.width)))
		}
		lines = append(lines, v.logLines()...)
	}
	body := pad(lines, v.height-1)
	if len(body) > v.height-1 {
		body = body[:v.height-1]
	}
	prompt := ""
	if v.due != nil {
		prompt = st.Accent.Render(cut(v.due.View(), v.width))
	}
	return lipgloss.NewStyle().MaxWidth(v.width).Render(strings.Join(append(body, prompt), "\n"))
}

// agendaLines draws the tasks with a header where a bucket starts.
func (v *activitiesView) agendaLines() []string {
	st := v.sh.st
	w := v.agenda
	if w.ready && w.total == 0 {
		return []string{"", "  " + st.Title.Render("Nothing due."), "",
			"  " + st.Empty.Render("t                  add a task on the selected record (in any view)"),
			"  " + st.Empty.Render("rolo task add      add one from the command line")}
	}
	now := v.sh.now()
	loc := v.sh.loc()
	names := []string{"Overdue", "Today", "Upcoming"}
	last := ""
	var out []string
	w.visible(func(i int, a model.Activity, loaded bool) {
		if !loaded {
			out = append(out, st.Faint.Render("  …"))
			return
		}
		b := model.Agenda(a, v.day)
		if b != last {
			last = b
			idx := map[string]int{"overdue": 0, "today": 1, "upcoming": 2}[b]
			h := fmt.Sprintf("%s (%s)", names[idx], formatInt(v.counts[idx], v.sh.locale()))
			style := st.Title
			if b == "overdue" {
				style = st.Error
			}
			out = append(out, " "+style.Render(h))
		}
		out = append(out, v.taskLine(a, i == w.cursor, b, now, loc))
	})
	return out
}

func (v *activitiesView) taskLine(a model.Activity, selected bool, b string, now time.Time, loc *time.Location) string {
	st := v.sh.st
	box := "☐"
	if a.Done {
		box = "☑"
	}
	var when string
	at := a.At.In(loc)
	switch {
	case b == "today" && a.AllDay:
		when = "all day"
	case b == "today":
		when = at.Format("15:04")
	case a.AllDay:
		when = at.Format("Mon 02")
	default:
		when = at.Format("Mon 02 15:04")
	}
	marker := " "
	if selected {
		marker = st.Accent.Render("▌")
	}
	subjectW := max(10, (v.width-20)*11/20)
	subject := fmt.Sprintf("%-*s", subjectW, cut(model.Printable(a.Subject), subjectW))
	line := fmt.Sprintf("%s %s %-12s %s  %s", marker, box, when, subject, st.Muted.Render(model.Printable(a.Record())))
	if a.Done {
		line = fmt.Sprintf("%s %s %-12s %s  %s", marker, box, when, st.Faint.Render(subject), st.Faint.Render(model.Printable(a.Record())))
	}
	return cut(line, v.width)
}

var kindIcons = map[string]string{model.KindCall: "☎", model.KindEmail: "✉", model.KindMeeting: "◷", model.KindNote: "✎", model.KindTask: "☐"}

func (v *activitiesView) logLines() []string {
	st := v.sh.st
	w := v.log
	if w.ready && w.total == 0 {
		if v.filter.value() != "" || v.kind > 0 {
			return []string{"", "  " + st.Empty.Render("Nothing matches. esc clears the filter, f changes the kind.")}
		}
		return []string{"", "  " + st.Title.Render("Nothing logged yet."), "",
			"  " + st.Empty.Render("a                   log a call, email, meeting or note on the selected record"),
			"  " + st.Empty.Render("rolo log call ...   log one from the command line")}
	}
	var out []string
	w.visible(func(i int, a model.Activity, loaded bool) {
		if !loaded {
			out = append(out, st.Faint.Render("  …"))
			return
		}
		out = append(out, v.logLine(a, i == w.cursor))
	})
	return out
}

func (v *activitiesView) logLine(a model.Activity, selected bool) string {
	st := v.sh.st
	marker := " "
	if selected {
		marker = st.Accent.Render("▌")
	}
	icon := kindIcons[a.Kind]
	if a.IsTask() && a.Done {
		icon = "☑"
	}
	subject := a.Subject
	if a.Duration > 0 {
		subject += fmt.Sprintf(", %d min", a.Duration)
	}
	if a.Outcome != "" {
		subject += " — " + a.Outcome
	}
	subjectW := max(10, (v.width-30)*11/20)
	subject = fmt.Sprintf("%-*s", subjectW, cut(model.Printable(subject), subjectW))
	when := v.sh.when(a.At, a.AllDay)
	line := fmt.Sprintf("%s %-16s %s %-7s %s  %s", marker, when, icon, a.Kind, subject, st.Muted.Render(model.Printable(a.Record())))
	return cut(line, v.width)
}
