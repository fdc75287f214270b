package main

// End-to-end tests of activities through the built binary: logging a call,
// tasks due "next fri" in a fixed time zone, the agenda lists, done and
// snooze, refused input that writes nothing, and the iCalendar export
// read back with a real parser.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-ical"
)

type activityJSON struct {
	ID          int64      `json:"id"`
	Kind        string     `json:"kind"`
	Subject     string     `json:"subject"`
	At          time.Time  `json:"at"`
	AllDay      bool       `json:"all_day"`
	Done        bool       `json:"done"`
	DoneAt      *time.Time `json:"done_at"`
	Duration    int        `json:"duration_minutes"`
	Outcome     string     `json:"outcome"`
	ContactID   *int64     `json:"contact_id"`
	ContactName string     `json:"contact_name"`
	AccountName string     `json:"account_name"`
	DealID      *int64     `json:"deal_id"`
	DealTitle   string     `json:"deal_title"`
	Owner       string     `json:"owner"`
	Version     int64      `json:"version"`
}

// nextFriday is the date "next fri" means on day (a Friday: a week later).
func nextFriday(day time.Time) time.Time {
	d := (int(time.Friday) - int(day.Weekday()) + 7) % 7
	if d == 0 {
		d = 7
	}
	return time.Date(day.Year(), day.Month(), day.Day()+d, 23, 59, 59, 0, time.UTC)
}

func TestCLIActivities(t *testing.T) {
	e := newEnv(t)
	e.vars = append(e.vars, "TZ=UTC")
	must := e.mustRolo
	ids := func(list []activityJSON) string {
		var s []string
		for _, a := range list {
			s = append(s, a.Subject)
		}
		return strings.Join(s, ", ")
	}
	tasks := func(args ...string) []activityJSON {
		t.Helper()
		return decode[[]activityJSON](t, must(append([]string{"task", "list", "--json"}, args...)...))
	}
	activities := func(args ...string) []activityJSON {
		t.Helper()
		return decode[[]activityJSON](t, must(append([]string{"activity", "list", "--json"}, args...)...))
	}

	must("contact", "add", "--first", "Ayşe", "--last", "Yılmaz", "--email", "ayse@isik.com.tr", "--account", "Işık Tekstil A.Ş.")
	// "Işık Tekstil" is the account "Işık Tekstil A.Ş." but for the legal form
	must("deal", "add", "--title", "Press line retrofit", "--account", "Işık Tekstil", "--amount", "1000")

	// a call on a contact named by email links the contact's account
	start := time.Now().UTC().Truncate(time.Second)
	call := decode[activityJSON](t, must("log", "call", "--subject", "Discussed the retrofit", "--contact", "AYSE@isik.com.tr",
		"--duration", "15", "--outcome", "send quote", "--json"))
	if call.Kind != "call" || call.ContactName != "Ayşe Yılmaz" || call.AccountName != "Işık Tekstil A.Ş." || !call.Done ||
		call.Duration != 15 || call.Outcome != "send quote" || call.Owner != "Test User" {
		t.Fatalf("call %+v", call)
	}
	if call.At.Before(start) || call.At.After(time.Now().Add(time.Second)) || call.At.Location() != time.UTC {
		t.Errorf("call at %v, want now in UTC", call.At)
	}
	out := must("log", "call", "--subject", "x", "--contact", "ayse@isik.com.tr", "--json", "--at", "2027-01-31 14:30")
	if !strings.Contains(out, `"at": "2027-01-31T14:30:00Z"`) || !strings.Contains(out, `"contact_id": 1`) {
		t.Errorf("JSON keys or times: %s", out)
	}
	must("log", "meeting", "--subject", "Site visit", "--account", "isik tekstil", "--at", "yesterday 14:00", "--duration", "1h30m")

	// a task due next friday: the end of that day, in TZ=UTC
	before := time.Now().UTC()
	task := decode[activityJSON](t, must("task", "add", "--subject", "Send the quote", "--deal", "1", "--due", "next fri", "--json"))
	if want, alt := nextFriday(before), nextFriday(time.Now().UTC()); !task.At.Equal(want) && !task.At.Equal(alt) || !task.AllDay {
		t.Fatalf("next fri: due %v all_day %v, want %v", task.At, task.AllDay, want)
	}
	if task.Kind != "task" || task.Done || task.DoneAt != nil || task.DealTitle != "Press line retrofit" || task.AccountName != "Işık Tekstil A.Ş." {
		t.Errorf("task %+v", task)
	}
	old := decode[activityJSON](t, must("task", "add", "--subject", "Old thing", "--due", "yesterday 9:00", "--json"))
	today := decode[activityJSON](t, must("task", "add", "--subject", "Today thing", "--json")) // due by the end of today
	if y := time.Now().UTC().AddDate(0, 0, -1); old.AllDay || old.At.Hour() != 9 || old.At.Day() != y.Day() {
		t.Errorf("yesterday 9:00 is %v", old.At)
	}

	if got := ids(tasks()); got != "Old thing, Today thing, Send the quote" {
		t.Errorf("open tasks by due time: %s", got)
	}
	if got := ids(tasks("--overdue")); got != "Old thing" {
		t.Errorf("overdue: %s", got)
	}
	if got := ids(tasks("--today")); got != "Today thing" {
		t.Errorf("today: %s", got)
	}
	if got := ids(tasks("--upcoming")); got != "Send the quote" {
		t.Errorf("upcoming: %s", got)
	}
	if got := ids(tasks("--deal", "1")); got != "Send the quote" {
		t.Errorf("tasks of deal 1: %s", got)
	}
	table := must("task", "list")
	if !strings.Contains(table, "overdue") || !strings.Contains(table, "all day") || !strings.Contains(table, "09:00") {
		t.Errorf("task list table:\n%s", table)
	}

	// done, and undone
	done := decode[activityJSON](t, must("task", "done", fmt.Sprint(today.ID), "--json"))
	if !done.Done || done.DoneAt == nil {
		t.Fatalf("done %+v", done)
	}
	if got := ids(tasks()); got != "Old thing, Send the quote" {
		t.Errorf("open tasks after done: %s", got)
	}
	if got := ids(tasks("--today", "--all")); got != "Today thing" {
		t.Errorf("today with done ones: %s", got)
	}
	if _, errs, code := e.rolo("task", "done", fmt.Sprint(today.ID)); code != 0 || !strings.Contains(errs, "already done") {
		t.Errorf("done twice: %d %s", code, errs)
	}
	undone := decode[activityJSON](t, must("task", "done", fmt.Sprint(today.ID), "--undo", "--json"))
	if undone.Done || undone.DoneAt != nil {
		t.Errorf("undo %+v", undone)
	}

	// snooze: tomorrow at the same time, or the end of tomorrow
	tomorrow := time.Now().UTC().AddDate(0, 0, 1)
	s1 := decode[activityJSON](t, must("task", "snooze", fmt.Sprint(old.ID), "--json"))
	if s1.At != time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day(), 9, 0, 0, 0, time.UTC) || s1.AllDay {
		t.Errorf("snoozed a 9:00 task to %v", s1.At)
	}
	s2 := decode[activityJSON](t, must("task", "snooze", fmt.Sprint(today.ID), "--json"))
	if s2.At != time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day(), 23, 59, 59, 0, time.UTC) || !s2.AllDay {
		t.Errorf("snoozed an all-day task to %v", s2.At)
	}
	s3 := decode[activityJSON](t, must("task", "snooze", fmt.Sprint(task.ID), "--to", "2030-01-15 14:30", "--json"))
	if s3.At != time.Date(2030, 1, 15, 14, 30, 0, 0, time.UTC) || s3.AllDay {
		t.Errorf("snoozed to %v", s3.At)
	}
	if got := ids(tasks("--overdue")); got != "" {
		t.Errorf("overdue after snoozing: %s", got)
	}

	// refused input writes nothing
	count := len(activities())
	callBefore := must("activity", "list", "--kind", "call", "--json")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"task", "add", "--subject", "X", "--due", "31/02"}, 2, "due: \"31/02\""},
		{[]string{"task", "add", "--subject", "X", "--due", "31/02"}, 2, "February, which has 28 days"},
		{[]string{"task", "add", "--subject", ""}, 2, "subject"},
		{[]string{"task", "add", "--subject", "   "}, 2, "subject"},
		{[]string{"task", "add"}, 2, "--subject"},
		{[]string{"log", "call"}, 2, "--subject"},
		{[]string{"log", "call", "--subject", "x", "--at", "soonish"}, 2, "at: \"soonish\""},
		{[]string{"log", "call", "--subject", "x", "--duration", "long"}, 2, "duration"},
		{[]string{"log", "call", "--subject", "x", "--contact", "nobody@example.com"}, 3, "no contact"},
		{[]string{"log", "call", "--subject", "x", "--account", "No Such Co"}, 3, "account"},
		{[]string{"log", "call", "--subject", "x", "--deal", "99"}, 3, "deal"},
		{[]string{"log", "call", "--subject", "x", "--owner", "nobody"}, 3, "owner"},
		{[]string{"log", "task", "--subject", "x"}, 2, "task add"},
		{[]string{"log", "visit", "--subject", "x"}, 2, "call, email, meeting or note"},
		{[]string{"task", "done", fmt.Sprint(call.ID)}, 4, "only tasks"},
		{[]string{"task", "snooze", fmt.Sprint(call.ID)}, 4, "only tasks"},
		{[]string{"task", "done", "999"}, 3, "no activity #999"},
		{[]string{"task", "done", "abc"}, 2, "id"},
		{[]string{"task", "list", "--overdue", "--today"}, 2, "one of"},
		{[]string{"task", "list", "--overdue", "--all"}, 2, "--all"},
		{[]string{"activity", "list", "--kind", "visit"}, 2, "kind"},
		{[]string{"activity", "list", "--since", "31.02.2027"}, 2, "since"},
		{[]string{"export", "activities", "--format", "csv"}, 2, "ics"},
		{[]string{"export", "activities", "--kind", "visit"}, 2, "kind"},
	}
	for _, tc := range cases {
		out, errs, code := e.rolo(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || out != "" {
			t.Errorf("rolo %s: exit %d %q (stdout %q), want %d %q", strings.Join(tc.args, " "), code, errs, out, tc.code, tc.want)
		}
	}
	if n := len(activities()); n != count {
		t.Errorf("%d activities after refused writes, want %d", n, count)
	}
	if after := must("activity", "list", "--kind", "call", "--json"); after != callBefore {
		t.Errorf("a refused write changed the calls:\n%s\n%s", callBefore, after)
	}

	// the log: newest first, filtered
	all := activities()
	for i := 1; i < len(all); i++ {
		if all[i].At.After(all[i-1].At) {
			t.Errorf("not newest first: %v after %v", all[i].At, all[i-1].At)
		}
	}
	if got := ids(activities("--contact", "ayse@isik.com.tr", "--kind", "call")); got != "x, Discussed the retrofit" {
		t.Errorf("calls with ayşe: %s", got)
	}
	if got := ids(activities("--since", "2027-01-31", "--until", "2027-01-31")); got != "x" {
		t.Errorf("on 2027-01-31: %s", got)
	}
	if got := ids(activities("--search", "retrof", "--kind", "call")); got != "Discussed the retrofit" {
		t.Errorf("search: %s", got)
	}
	if got := ids(activities("--limit", "2")); len(strings.Split(got, ", ")) != 2 {
		t.Errorf("limit 2: %s", got)
	}

	// iCalendar: meetings and tasks, read back with go-ical
	path := filepath.Join(e.dir, "out", "rolo.ics")
	os.MkdirAll(filepath.Dir(path), 0o700)
	out, errs, code := e.rolo("export", "activities", "-o", path)
	if code != 0 || out != "" || !strings.Contains(errs, "1 meeting, 3 tasks") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ical.NewDecoder(bytes.NewReader(raw)).Decode()
	if err != nil {
		t.Fatalf("go-ical: %v\n%s", err, raw)
	}
	kinds := map[string]int{}
	for _, c := range cal.Children {
		kinds[c.Name]++
		uid, _ := c.Props.Text(ical.PropUID)
		if !strings.HasPrefix(uid, "activity-") || !strings.HasSuffix(uid, "@rolo") {
			t.Errorf("UID %q", uid)
		}
		if uid == fmt.Sprintf("activity-%d@rolo", task.ID) {
			if due := c.Props.Get(ical.PropDue); due == nil || due.Value != "20300115T143000Z" {
				t.Errorf("DUE of the snoozed task %v", due)
			}
		}
		if uid == fmt.Sprintf("activity-%d@rolo", today.ID) {
			due := c.Props.Get(ical.PropDue)
			if due == nil || due.ValueType() != ical.ValueDate || due.Value != tomorrow.Format("20060102") {
				t.Errorf("all-day DUE %v", due)
			}
		}
	}
	if kinds[ical.CompEvent] != 1 || kinds[ical.CompToDo] != 3 || kinds[ical.CompJournal] != 0 {
		t.Errorf("components %v", kinds)
	}
	for _, l := range strings.Split(string(raw), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line over 75 octets: %q", l)
		}
	}
	// the same data exports to the same bytes; calls on request, to stdout
	again := must("export", "activities")
	if again != string(raw) {
		t.Error("a second export differs")
	}
	calls := must("export", "activities", "--kind", "call", "--contact", "ayse@isik.com.tr")
	if n := strings.Count(calls, "BEGIN:VJOURNAL"); n != 2 || strings.Contains(calls, "VTODO") {
		t.Errorf("calls as journal entries: %d\n%s", n, calls)
	}
}

// Dates are read in the zone of TZ and stored in UTC; the table shows them
// back in that zone, and the export's all-day DATE is the local day.
func TestCLIActivitiesTimeZone(t *testing.T) {
	if _, err := os.Stat("/usr/share/zoneinfo/Asia/Tokyo"); err != nil {
		t.Skip("no time zone database")
	}
	e := newEnv(t)
	e.vars = append(e.vars, "TZ=Asia/Tokyo")
	due := decode[activityJSON](t, e.mustRolo("task", "add", "--subject", "Tokyo", "--due", "2027-01-31", "--json"))
	if due.At != time.Date(2027, 1, 31, 14, 59, 59, 0, time.UTC) || !due.AllDay {
		t.Errorf("2027-01-31 in Tokyo is due %v", due.At)
	}
	at := decode[activityJSON](t, e.mustRolo("log", "meeting", "--subject", "Lunch", "--at", "2027-02-01 08:30", "--json"))
	if at.At != time.Date(2027, 1, 31, 23, 30, 0, 0, time.UTC) {
		t.Errorf("2027-02-01 08:30 in Tokyo is %v", at.At)
	}
	if out := e.mustRolo("activity", "list"); !strings.Contains(out, "2027-02-01 08:30") || !strings.Contains(out, "2027-01-31 all day") {
		t.Errorf("the table is not in local time:\n%s", out)
	}
	ics := e.mustRolo("export", "activities")
	if !strings.Contains(ics, "DUE;VALUE=DATE:20270131\r\n") || !strings.Contains(ics, "DTSTART:20270131T233000Z\r\n") {
		t.Errorf("export:\n%s", ics)
	}
	// the same file read in another zone shows other local times
	e.vars = append(e.vars, "TZ=UTC")
	if out := e.mustRolo("activity", "list", "--kind", "meeting"); !strings.Contains(out, "2027-01-31 23:30") {
		t.Errorf("in UTC:\n%s", out)
	}
}
