package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

// seedTasks adds tasks around testNow (2026-12-04 12:00 UTC): overdue,
// today (one done), upcoming, and logged activities.
func seedTasks(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	c, err := st.Contacts.FindByEmail(ctx, "ayse@isik.com.tr")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	for _, a := range []model.Activity{
		{Kind: "task", Subject: "Call back about invoice", At: day.AddDate(0, 0, -3).Add(9 * time.Hour), ContactID: &c.ID},
		{Kind: "task", Subject: "Send revised proposal", At: day.Add(14 * time.Hour), ContactID: &c.ID},
		{Kind: "task", Subject: "Standup with partner", At: day.Add(9*time.Hour + 30*time.Minute), Done: true},
		{Kind: "task", Subject: "Follow up on quote", At: day.AddDate(0, 0, 1).Add(23*time.Hour + 59*time.Minute + 59*time.Second), AllDay: true, ContactID: &c.ID},
		{Kind: "call", Subject: "Pricing questions", At: day.Add(-20 * time.Hour), Duration: 15, Outcome: "wants a demo", ContactID: &c.ID},
		{Kind: "email", Subject: "Intro + brochure", At: day.AddDate(0, 0, -2).Add(10 * time.Hour), ContactID: &c.ID},
	} {
		if _, err := st.Activities.Create(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
}

func activitiesApp(t *testing.T, w, h int) (*App, *store.Store) {
	st, me := testStore(t)
	seed(t, st)
	seedTasks(t, st)
	a := newTestApp(t, st, me)
	run(t, a, size(w, h))
	run(t, a, runCmd(a.Init())...)
	run(t, a, keys("5")...)
	return a, st
}

func acts(a *App) *activitiesView { return a.tabs[4].view.(*activitiesView) }

func TestAgendaGoldenAndBuckets(t *testing.T) {
	for _, sz := range [][2]int{{100, 30}, {60, 15}} {
		a, _ := activitiesApp(t, sz[0], sz[1])
		v := a.View()
		name := fmt.Sprintf("agenda_%dx%d", sz[0], sz[1])
		golden(t, name, v)
		checkFits(t, v, sz[0], sz[1])
		run(t, a, press(tea.KeyTab))
		golden(t, strings.Replace(name, "agenda", "log", 1), a.View())
	}
	a, _ := activitiesApp(t, 120, 30)
	v := a.View()
	for _, want := range []string{"Overdue (1)", "Today (2)", "Upcoming (1)", "☑ 09:30", "☐ 14:00", "all day"} {
		if !strings.Contains(v, want) && !strings.Contains(v, strings.Replace(want, "all day", "Sat 05", 1)) {
			t.Errorf("agenda lacks %q:\n%s", want, v)
		}
	}
}

func TestAgendaBucketsFollowTheUsersZone(t *testing.T) {
	// 23:30 UTC on Dec 3 is already Dec 4 in Istanbul (UTC+3)
	ist := time.FixedZone("TRT", 3*3600)
	task := model.Activity{At: time.Date(2026, 12, 3, 23, 30, 0, 0, time.UTC)}
	dayIst := time.Date(2026, 12, 4, 0, 0, 0, 0, ist)
	dayUTC := time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)
	if b := model.Agenda(task, dayIst); b != "today" {
		t.Errorf("in Istanbul: %s", b)
	}
	if b := model.Agenda(task, dayUTC); b != "overdue" {
		t.Errorf("in UTC: %s", b)
	}
	// a task due by the end of today is not overdue at 23:59 local
	end := model.Activity{At: time.Date(2026, 12, 4, 23, 59, 59, 0, ist), AllDay: true}
	if b := model.Agenda(end, dayIst); b != "today" {
		t.Errorf("end of day: %s", b)
	}
	// snoozing keeps the time of day, in the user's zone
	due, allDay := snoozeTime(model.Activity{At: time.Date(2026, 12, 4, 11, 0, 0, 0, time.UTC)}, time.Date(2026, 12, 4, 21, 30, 0, 0, time.UTC), ist)
	if allDay || !due.Equal(time.Date(2026, 12, 5, 11, 0, 0, 0, time.UTC)) {
		// 21:30 UTC is 00:30 on Dec 5 in Istanbul: tomorrow is Dec 6, at 14:00 local = 11:00 UTC
		if !due.Equal(time.Date(2026, 12, 6, 11, 0, 0, 0, time.UTC)) {
			t.Errorf("snooze %v", due)
		}
	}
}

func TestToggleSnoozeAndReschedule(t *testing.T) {
	a, st := activitiesApp(t, 120, 30)
	v := acts(a)
	ctx := context.Background()
	sel := func() model.Activity { x, _ := v.Selected(); return x }
	if sel().Subject != "Call back about invoice" {
		t.Fatalf("first agenda row %q", sel().Subject)
	}
	run(t, a, keys(" ")...)
	got, _ := st.Activities.Get(ctx, sel().ID)
	if !got.Done {
		// the done task leaves the overdue bucket; find it again
		list, _ := st.Activities.List(ctx, store.ListQuery{Kind: "task", Desc: true})
		for _, x := range list {
			if x.Subject == "Call back about invoice" && !x.Done {
				t.Fatal("space did not mark the task done")
			}
		}
	}
	run(t, a, keys("u")...)
	if list, _ := st.Activities.List(ctx, store.ListQuery{Open: true, Until: time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)}); len(list) != 1 {
		t.Fatalf("undo of done: %d overdue", len(list))
	}
	// s snoozes the overdue task to tomorrow at its time (09:00)
	run(t, a, keys("s")...)
	list, _ := st.Activities.List(ctx, store.ListQuery{Search: "invoice"})
	if len(list) != 1 || !list[0].At.Equal(time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)) {
		t.Fatalf("snooze: %+v", list)
	}
	// S asks for a date; a bad one is refused with what was understood
	run(t, a, keys("S")...)
	if !v.Capturing() {
		t.Fatal("no due prompt")
	}
	typeText(t, a, "31/02")
	run(t, a, press(tea.KeyEnter))
	if !strings.Contains(a.View(), "understood day 31 of February") {
		t.Fatalf("bad date not explained:\n%s", a.View())
	}
	run(t, a, press(tea.KeyEsc))
	run(t, a, keys("S")...)
	typeText(t, a, "next fri 14:00")
	run(t, a, press(tea.KeyEnter))
	found := false
	all, _ := st.Activities.List(ctx, store.ListQuery{Kind: "task"})
	for _, x := range all {
		if x.At.Equal(time.Date(2026, 12, 11, 14, 0, 0, 0, time.UTC)) {
			found = true
		}
	}
	if !found {
		t.Fatalf("S next fri 14:00 not applied: %+v", all)
	}
	// the log: f cycles kinds, space on a call is refused
	run(t, a, press(tea.KeyTab))
	run(t, a, keys("f")...)
	if x := sel(); x.Kind != "call" || !strings.Contains(a.View(), "calls") {
		t.Fatalf("kind filter: %+v", x)
	}
	run(t, a, keys(" ")...)
	if !strings.Contains(a.View(), "only tasks") {
		t.Fatalf("toggling a call:\n%s", a.View())
	}
}

func TestLogAndTaskFromContactsAndTimeline(t *testing.T) {
	st, me := testStore(t)
	seed(t, st)
	a := newTestApp(t, st, me)
	run(t, a, size(120, 40))
	run(t, a, runCmd(a.Init())...) // contacts; Ayşe selected
	run(t, a, keys("a")...)
	if a.form == nil || !strings.Contains(a.View(), "Log on Ayşe Yılmaz") {
		t.Fatalf("no log form:\n%s", a.View())
	}
	run(t, a, press(tea.KeyEnter)) // kind: call
	typeText(t, a, "Pricing questions")
	submitForm(t, a)
	if a.form != nil || !strings.Contains(a.View(), "logged call: Pricing questions") {
		t.Fatalf("call not logged:\n%s", a.View())
	}
	run(t, a, keys("t")...)
	typeText(t, a, "Send revised proposal")
	run(t, a, press(tea.KeyTab))
	for i := 0; i < 10; i++ {
		run(t, a, press(tea.KeyBackspace))
	}
	typeText(t, a, "next fri")
	submitForm(t, a)
	if !strings.Contains(a.View(), "added task due") {
		t.Fatalf("task not added:\n%s", a.View())
	}
	ctx := context.Background()
	c, _ := st.Contacts.FindByEmail(ctx, "ayse@isik.com.tr")
	list, _ := st.Activities.List(ctx, store.ListQuery{ContactID: c.ID})
	if len(list) != 2 || list[1].Kind != "task" || list[1].AccountName != "Işık Tekstil A.Ş." ||
		!list[1].At.Equal(time.Date(2026, 12, 11, 23, 59, 59, 0, time.UTC)) || !list[1].AllDay {
		t.Fatalf("activities %+v", list)
	}
	// the contact's timeline shows both, newest first, with its changes
	run(t, a, press(tea.KeyEnter))
	v := a.View()
	for _, want := range []string{"Timeline (3)", "due 2026-12-11", "Send revised proposal", "Pricing questions", "created"} {
		if !strings.Contains(v, want) {
			t.Fatalf("timeline lacks %q:\n%s", want, v)
		}
	}
	// the task is on the agenda, upcoming
	run(t, a, keys("5")...)
	if !strings.Contains(a.View(), "Upcoming (1)") || !strings.Contains(a.View(), "Send revised proposal") {
		t.Fatalf("agenda:\n%s", a.View())
	}
}

// writeEditor makes a script that stands in for $EDITOR.
func writeEditor(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	return p
}

// editNotes runs E on the selected record with a scripted editor: the
// ExecProcess command is run here as Bubble Tea would.
func editNotes(t *testing.T, a *App, editor string) {
	t.Helper()
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editor)
	_, cmd := a.Update(keys("E")[0])
	loaded := runCmd(cmd)
	if len(loaded) != 1 {
		t.Fatalf("E: %v", loaded)
	}
	m, ok := loaded[0].(editorLoadedMsg)
	if !ok {
		t.Fatalf("E gave %T", loaded[0])
	}
	_, exec := a.Update(m)
	msg := exec()
	// tea.ExecProcess returns an execMsg the program runs; run it directly
	f, err := os.CreateTemp("", "rolo-notes-test-*.md")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(m.text)
	f.Close()
	_ = msg
	err = runScript(editor, f.Name())
	run(t, a, editorDoneMsg{rec: m.rec, version: m.version, path: f.Name(), before: m.text, err: err})
}

func TestEditNotesInEditor(t *testing.T) {
	a, st := seededApp(t, 100, 30)
	ctx := context.Background()
	c, _ := selectedContact(a)
	// an editor that appends a line
	editNotes(t, a, writeEditor(t, `printf 'Met at the trade fair.\n' >> "$1"`))
	got, _ := st.Contacts.Get(ctx, c.ID)
	if got.Notes != "Met at the trade fair." || !strings.Contains(a.View(), "saved notes") {
		t.Fatalf("notes %q\n%s", got.Notes, a.View())
	}
	// an editor that changes nothing, one that empties the file, one that fails
	for _, script := range []string{`true`, `: > "$1"`, `echo broken >> "$1"; exit 3`} {
		before, _ := st.Contacts.Get(ctx, c.ID)
		editNotes(t, a, writeEditor(t, script))
		after, _ := st.Contacts.Get(ctx, c.ID)
		if after.Notes != before.Notes || after.Version != before.Version {
			t.Fatalf("%q changed the notes to %q", script, after.Notes)
		}
	}
	if !strings.Contains(a.View(), "the editor failed") {
		t.Fatalf("a failing editor is not reported:\n%s", a.View())
	}
	// u undoes the notes edit
	run(t, a, keys("u")...)
	if got, _ := st.Contacts.Get(ctx, c.ID); got.Notes != "" {
		t.Fatalf("undo of notes: %q", got.Notes)
	}
}
