package store

import (
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"rolo/model"
)

func addActivity(t *testing.T, s *Store, a model.Activity) model.Activity {
	t.Helper()
	out, err := s.Activities.Create(ctx, a)
	if err != nil {
		t.Fatalf("create %q: %v", a.Subject, err)
	}
	return out
}

func subjects(as []model.Activity) string {
	var out []string
	for _, a := range as {
		out = append(out, a.Subject)
	}
	return strings.Join(out, ",")
}

func TestActivitiesLinksDoneAndLastActivity(t *testing.T) {
	s := openTestStore(t)
	now := time.Date(2027, 1, 20, 10, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	c, _ := s.Contacts.Create(ctx, model.Contact{FirstName: "Ayşe", LastName: "Yılmaz", AccountName: "Işık Tekstil"}, WriteOptions{})
	d := addDeal(t, s, model.Deal{Title: "Depo otomasyonu", AccountName: "Işık Tekstil", ContactID: &c.ID})
	call := addActivity(t, s, model.Activity{Kind: "call", Subject: "Pricing questions", At: now.Add(-time.Hour), Duration: 15, ContactID: &c.ID})
	if call.AccountID == nil || *call.AccountID != *c.AccountID || !call.Done || call.AccountName != "Işık Tekstil" {
		t.Fatalf("a call on a contact is linked to its account and done: %+v", call)
	}
	task := addActivity(t, s, model.Activity{Kind: "task", Subject: "Send revised proposal", At: now.Add(24 * time.Hour), DealID: &d.ID})
	if task.Done || task.ContactID == nil || *task.ContactID != c.ID || task.DealTitle != "Depo otomasyonu" {
		t.Fatalf("a task on a deal: %+v", task)
	}
	got, _ := s.Contacts.Get(ctx, c.ID)
	if got.LastActivityAt == nil || !got.LastActivityAt.Equal(call.At) {
		t.Fatalf("contact last activity %v, want %v", got.LastActivityAt, call.At)
	}
	dl, _ := s.Deals.Get(ctx, d.ID)
	if dl.NextTask == nil || dl.NextTask.Subject != "Send revised proposal" || !dl.NextTask.Due.Equal(task.At) {
		t.Fatalf("next task %+v", dl.NextTask)
	}
	if _, err := s.Activities.SetDone(ctx, call.ID, 0, true); !errors.Is(err, ErrConflict) {
		t.Fatalf("a call cannot be toggled: %v", err)
	}
	now = now.Add(2 * time.Hour)
	task, err := s.Activities.SetDone(ctx, task.ID, task.Version, true)
	if err != nil || !task.Done || task.DoneAt == nil || !task.DoneAt.Equal(now) {
		t.Fatalf("done: %+v %v", task, err)
	}
	dl, _ = s.Deals.Get(ctx, d.ID)
	if dl.NextTask != nil || dl.LastActivityAt == nil || !dl.LastActivityAt.Equal(now) {
		t.Fatalf("after done: next %+v last %v", dl.NextTask, dl.LastActivityAt)
	}
	task, _ = s.Activities.SetDone(ctx, task.ID, 0, false)
	if task.Done || task.DoneAt != nil {
		t.Fatalf("undone: %+v", task)
	}
	if got, _ := s.Contacts.Get(ctx, c.ID); !got.LastActivityAt.Equal(call.At) {
		t.Fatalf("last activity not recomputed after undoing done: %v", got.LastActivityAt)
	}
	tomorrowEnd := time.Date(2027, 1, 21, 23, 59, 59, 0, time.UTC)
	task, err = s.Activities.Reschedule(ctx, task.ID, task.Version, tomorrowEnd, true)
	if err != nil || !task.At.Equal(tomorrowEnd) || !task.AllDay {
		t.Fatalf("reschedule: %+v %v", task, err)
	}
	if _, err := s.Activities.Create(ctx, model.Activity{Kind: "call", Subject: " ", At: now}); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("empty subject: %v", err)
	}
	if _, err := s.Activities.Create(ctx, model.Activity{Kind: "fax", Subject: "x", At: now}); !errors.Is(err, model.ErrValidation) {
		t.Fatalf("unknown kind: %v", err)
	}
}

func TestAgendaAndLogOrder(t *testing.T) {
	s := openTestStore(t)
	day := time.Date(2027, 1, 20, 0, 0, 0, 0, time.UTC)
	at := func(d int, h int) time.Time { return day.AddDate(0, 0, d).Add(time.Duration(h) * time.Hour) }
	for _, a := range []model.Activity{
		{Kind: "task", Subject: "old done", At: at(-5, 9), Done: true},
		{Kind: "task", Subject: "overdue 1", At: at(-3, 9)},
		{Kind: "task", Subject: "overdue 2", At: at(-1, 17)},
		{Kind: "task", Subject: "today done", At: at(0, 9), Done: true},
		{Kind: "task", Subject: "today", At: at(0, 14)},
		{Kind: "task", Subject: "friday", At: at(2, 10)},
		{Kind: "call", Subject: "a call", At: at(0, 11)},
		{Kind: "note", Subject: "a note", At: at(-2, 8)},
	} {
		addActivity(t, s, a)
	}
	q := ListQuery{Agenda: day}
	got, err := s.Activities.List(ctx, q)
	if err != nil || subjects(got) != "overdue 1,overdue 2,today done,today,friday" {
		t.Fatalf("agenda %s %v", subjects(got), err)
	}
	if n, _ := s.Activities.Count(ctx, q); n != 5 {
		t.Fatalf("agenda count %d", n)
	}
	// keyset paging through the agenda
	q.Limit = 2
	var paged []string
	for {
		page, _ := s.Activities.List(ctx, q)
		for _, a := range page {
			paged = append(paged, a.Subject)
		}
		if len(page) < 2 {
			break
		}
		last := page[len(page)-1]
		q.After = &Cursor{Sort: formatTime(last.At), ID: last.ID}
	}
	if strings.Join(paged, ",") != "overdue 1,overdue 2,today done,today,friday" {
		t.Fatalf("paged agenda %v", paged)
	}
	log, _ := s.Activities.List(ctx, ListQuery{Desc: true})
	if subjects(log) != "friday,today,a call,today done,overdue 2,a note,overdue 1,old done" {
		t.Fatalf("log %s", subjects(log))
	}
	first, _ := s.Activities.List(ctx, ListQuery{Desc: true, Limit: 3})
	next, _ := s.Activities.List(ctx, ListQuery{Desc: true, Limit: 3, After: &Cursor{Sort: formatTime(first[2].At), ID: first[2].ID}})
	if subjects(next) != "today done,overdue 2,a note" {
		t.Fatalf("log page 2 %s", subjects(next))
	}
	calls, _ := s.Activities.List(ctx, ListQuery{Desc: true, Kind: "call"})
	if subjects(calls) != "a call" {
		t.Fatalf("kind filter %s", subjects(calls))
	}
	found, _ := s.Activities.List(ctx, ListQuery{Desc: true, Search: "overd"})
	if subjects(found) != "overdue 2,overdue 1" {
		t.Fatalf("search %s", subjects(found))
	}
}

func TestTimelineInterleavesActivitiesAndChanges(t *testing.T) {
	s := openTestStore(t)
	clock := time.Date(2027, 1, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Minute); return clock }
	c := addContact(t, s, "Hans", "Müller", "", "")
	addActivity(t, s, model.Activity{Kind: "call", Subject: "first call", At: clock.Add(30 * time.Second), ContactID: &c.ID})
	c.Title = "CEO"
	c, _ = s.Contacts.Update(ctx, c, WriteOptions{})
	addActivity(t, s, model.Activity{Kind: "email", Subject: "brochure", At: clock.Add(30 * time.Second), ContactID: &c.ID})
	items, err := s.Activities.Timeline(ctx, "contact", c.ID, ListQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		if it.Activity != nil {
			got = append(got, it.Activity.Subject)
		} else {
			got = append(got, it.Change.Action)
		}
	}
	// changes: create (9:01), update (9:03); activities logged at 9:02:30 and 9:04:30 and their
	// own history rows are not the contact's
	if strings.Join(got, ",") != "brochure,update,first call,create" {
		t.Fatalf("timeline %v", got)
	}
	page, _ := s.Activities.Timeline(ctx, "contact", c.ID, ListQuery{Limit: 2})
	rest, _ := s.Activities.Timeline(ctx, "contact", c.ID, ListQuery{Limit: 2, After: &Cursor{Sort: formatTime(page[1].At), ID: page[1].Key}})
	if len(page) != 2 || len(rest) != 2 || rest[0].Activity == nil || rest[0].Activity.Subject != "first call" {
		t.Fatalf("timeline pages %+v %+v", page, rest)
	}
	last, _ := s.Activities.Timeline(ctx, "contact", c.ID, ListQuery{Limit: 3, Last: true})
	before, _ := s.Activities.Timeline(ctx, "contact", c.ID, ListQuery{Limit: 3, Before: &Cursor{Sort: formatTime(rest[0].At), ID: rest[0].Key}})
	if len(last) != 3 || last[0].Change == nil || last[2].Change == nil || last[2].Change.Action != "create" ||
		len(before) != 2 || before[1].Change == nil || before[1].Change.Action != "update" {
		t.Fatalf("backwards pages %+v / %+v", last, before)
	}
	if n, _ := s.Activities.TimelineCount(ctx, "contact", c.ID); n != 4 {
		t.Fatalf("timeline count %d", n)
	}
}

// Property: after any sequence of task writes (create, reschedule, done,
// undone, moved to another deal, turned into a call, archived, undone),
// every deal's next task is its earliest open task, as a query over the
// activities finds it.
func TestNextTaskKeptByTriggers(t *testing.T) {
	s := openTestStore(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var deals, tasks []int64
	for i := 0; i < 6; i++ {
		d, err := s.Deals.Create(ctx, model.Deal{Title: fmt.Sprint("D", i)}, WriteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		deals = append(deals, d.ID)
	}
	base := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 300; i++ {
		if len(tasks) == 0 || rng.IntN(3) == 0 {
			deal := deals[rng.IntN(len(deals))]
			a, err := s.Activities.Create(ctx, model.Activity{Kind: model.KindTask, Subject: fmt.Sprint("T", i),
				At: base.Add(time.Duration(rng.IntN(20)) * time.Hour), DealID: &deal})
			if err != nil {
				t.Fatal(err)
			}
			tasks = append(tasks, a.ID)
			continue
		}
		a, err := s.Activities.Get(ctx, tasks[rng.IntN(len(tasks))])
		if err != nil {
			t.Fatal(err)
		}
		if a.ArchivedAt != nil {
			continue
		}
		op := rng.IntN(6)
		if a.Kind != model.KindTask && op < 2 {
			op = 2
		}
		switch op {
		case 0:
			_, err = s.Activities.SetDone(ctx, a.ID, 0, !a.Done)
		case 1:
			_, err = s.Activities.Reschedule(ctx, a.ID, 0, base.Add(time.Duration(rng.IntN(20))*time.Hour), false)
		case 2:
			deal := deals[rng.IntN(len(deals))]
			a.DealID = &deal
			_, err = s.Activities.Update(ctx, a)
		case 3:
			if a.Kind == model.KindTask && !a.Done {
				a.Kind = model.KindCall
				_, err = s.Activities.Update(ctx, a)
			}
		case 4:
			_, err = s.Activities.Archive(ctx, a.ID, 0)
		default:
			_, err = s.History.Undo(ctx, 0)
		}
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.Fatalf("step %d: %v", i, err)
		}
		for _, id := range deals {
			var want sql.NullInt64
			if err := s.db.QueryRowContext(ctx, `SELECT id FROM activities WHERE deal_id = ? AND kind = 'task' AND done = 0
				AND archived_at IS NULL ORDER BY at, id LIMIT 1`, id).Scan(&want); err != nil && !errors.Is(err, sql.ErrNoRows) {
				t.Fatal(err)
			}
			d, err := s.Deals.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			got := int64(0)
			if d.NextTask != nil {
				got = d.NextTask.ID
			}
			if got != want.Int64 {
				t.Fatalf("step %d: deal %d next task %d, want %d", i, id, got, want.Int64)
			}
		}
	}
}
