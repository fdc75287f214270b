package cli

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-ical"

	"rolo/model"
)

func int64p(v int64) *int64 { return &v }

// icsSample is a timed meeting, an all-day task, a done task and a call,
// with text that needs escaping and a long non-ASCII line.
func icsSample(loc *time.Location) []model.Activity {
	created := time.Date(2027, 1, 10, 8, 0, 0, 0, time.UTC)
	updated := time.Date(2027, 1, 12, 9, 30, 15, 0, time.UTC)
	doneAt := time.Date(2027, 1, 20, 16, 45, 0, 0, time.UTC)
	long := strings.Repeat("Işık Tekstil ile görüşme: fiyat, teslimat; ödeme koşulları — ", 4)
	// the end of 31 January in loc, as ParseWhen stores a date without a time
	endOfDay := time.Date(2027, 1, 31, 23, 59, 59, 0, loc).UTC()
	return []model.Activity{
		{ID: 1, Kind: model.KindMeeting, Subject: "Kick-off, part 1; agenda", Body: "Line one\nLine two, with a comma; and a semicolon\\backslash",
			At: time.Date(2027, 1, 25, 13, 0, 0, 0, time.UTC), Duration: 90, Done: true, AccountName: "Işık Tekstil A.Ş.",
			ContactName: "Ayşe Yılmaz", DealID: int64p(7), DealTitle: "Press line retrofit", OwnerName: "Test User",
			CreatedAt: created, UpdatedAt: updated, Version: 3},
		{ID: 2, Kind: model.KindTask, Subject: long, Body: long + "\r\n" + long, At: endOfDay, AllDay: true,
			CreatedAt: created, UpdatedAt: created, Version: 1},
		{ID: 3, Kind: model.KindTask, Subject: "Send the quote", At: time.Date(2027, 1, 20, 9, 0, 0, 0, time.UTC), Done: true,
			DoneAt: &doneAt, LeadID: int64p(4), CreatedAt: created, UpdatedAt: doneAt, Version: 2},
		{ID: 4, Kind: model.KindMeeting, Subject: "Evil\x1b]0;PWNED\x07 title\x00", At: time.Date(2027, 2, 1, 7, 30, 0, 0, time.UTC),
			CreatedAt: created, UpdatedAt: created, Version: 1},
		{ID: 5, Kind: model.KindCall, Subject: "Called", Outcome: "call back", Duration: 15,
			At: time.Date(2027, 1, 18, 10, 0, 0, 0, time.UTC), Done: true, CreatedAt: created, UpdatedAt: created, Version: 1},
	}
}

func writeICS(t testing.TB, acts []model.Activity, loc *time.Location) []byte {
	t.Helper()
	var buf bytes.Buffer
	x, err := newICSWriter(&buf, "1.2.3", loc, time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range acts {
		if err := x.add(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// checkLines: CRLF line ends, no line over 75 octets, no character cut in
// two by folding.
func checkLines(t testing.TB, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatalf("does not end in CRLF: %q", out[max(0, len(out)-20):])
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(l) > icsLineOctets {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d cuts a character: %q", i+1, l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
	}
}

func decodeICS(t testing.TB, out []byte) *ical.Calendar {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(out)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the export: %v\n%s", err, out)
	}
	return cal
}

func prop(t *testing.T, c *ical.Component, name string) *ical.Prop {
	t.Helper()
	p := c.Props.Get(name)
	if p == nil {
		t.Fatalf("%s %s has no %s", c.Name, c.Props.Get(ical.PropUID).Value, name)
	}
	return p
}

func text(t *testing.T, c *ical.Component, name string) string {
	t.Helper()
	s, err := prop(t, c, name).Text()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// utc checks a DATE-TIME is written in UTC and returns it.
func utc(t *testing.T, c *ical.Component, name string) time.Time {
	t.Helper()
	p := prop(t, c, name)
	if !strings.HasSuffix(p.Value, "Z") || len(p.Value) != len("20060102T150405Z") || p.Params.Get(ical.ParamTimezoneID) != "" {
		t.Errorf("%s %s = %q %v, want a UTC date-time", c.Name, name, p.Value, p.Params)
	}
	v, err := p.DateTime(time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestICSExportRoundTrip(t *testing.T) {
	loc := time.FixedZone("UTC-5", -5*3600)
	acts := icsSample(loc)
	out := writeICS(t, acts, loc)
	checkLines(t, out)
	if !bytes.Contains(out, []byte("\r\n ")) {
		t.Fatal("no line was folded")
	}
	cal := decodeICS(t, out)
	if v := cal.Props.Get(ical.PropVersion); v == nil || v.Value != "2.0" {
		t.Errorf("VERSION %v", v)
	}
	if p := cal.Props.Get(ical.PropProductID); p == nil || !strings.Contains(p.Value, "rolo 1.2.3") {
		t.Errorf("PRODID %v", p)
	}
	if len(cal.Children) != len(acts) {
		t.Fatalf("%d components, want %d", len(cal.Children), len(acts))
	}
	byUID := map[string]*ical.Component{}
	for _, c := range cal.Children {
		byUID[text(t, c, ical.PropUID)] = c
		// DTSTAMP is the last change: the same in every export
		if got, want := utc(t, c, ical.PropDateTimeStamp), acts[0].UpdatedAt; c.Name == ical.CompEvent && text(t, c, ical.PropUID) == "activity-1@rolo" && !got.Equal(want) {
			t.Errorf("DTSTAMP %v, want %v", got, want)
		}
	}

	// the timed meeting: start, end = start + 90 min, escaped text
	m := byUID["activity-1@rolo"]
	if m == nil || m.Name != ical.CompEvent {
		t.Fatalf("meeting: %v", m)
	}
	if got := utc(t, m, ical.PropDateTimeStart); !got.Equal(acts[0].At) {
		t.Errorf("DTSTART %v", got)
	}
	if got := utc(t, m, ical.PropDateTimeEnd); !got.Equal(acts[0].At.Add(90 * time.Minute)) {
		t.Errorf("DTEND %v", got)
	}
	if got := text(t, m, ical.PropSummary); got != acts[0].Subject {
		t.Errorf("SUMMARY %q", got)
	}
	if raw := prop(t, m, ical.PropSummary).Value; raw != `Kick-off\, part 1\; agenda` {
		t.Errorf("SUMMARY is written %q", raw)
	}
	desc := text(t, m, ical.PropDescription)
	for _, want := range []string{acts[0].Body + "\n\n", "Account: Işık Tekstil A.Ş.", "Contact: Ayşe Yılmaz", "Deal: Press line retrofit (#7)", "Owner: Test User"} {
		if !strings.Contains(desc, want) {
			t.Errorf("DESCRIPTION %q lacks %q", desc, want)
		}
	}
	if v := prop(t, m, ical.PropSequence).Value; v != "2" {
		t.Errorf("SEQUENCE %q", v)
	}
	if utc(t, m, ical.PropDateTimeStamp) != acts[0].UpdatedAt {
		t.Errorf("DTSTAMP is not the last change")
	}

	// the all-day task: DUE is the DATE of the local day, not the UTC one
	a := byUID["activity-2@rolo"]
	if a == nil || a.Name != ical.CompToDo {
		t.Fatalf("all-day task: %v", a)
	}
	due := prop(t, a, ical.PropDue)
	if due.Value != "20270131" || due.ValueType() != ical.ValueDate {
		t.Errorf("all-day DUE %q (%s), want DATE 20270131", due.Value, due.ValueType())
	}
	if got := text(t, a, ical.PropStatus); got != "NEEDS-ACTION" {
		t.Errorf("STATUS %q", got)
	}
	if a.Props.Get(ical.PropCompleted) != nil {
		t.Error("an open task has COMPLETED")
	}
	if got := text(t, a, ical.PropSummary); got != acts[1].Subject {
		t.Errorf("long SUMMARY did not survive folding:\n%q\n%q", got, acts[1].Subject)
	}
	if got, want := text(t, a, ical.PropDescription), strings.TrimSpace(strings.ReplaceAll(acts[1].Body, "\r\n", "\n")); got != want {
		t.Errorf("long DESCRIPTION:\n%q\nwant\n%q", got, want)
	}

	// the done task: COMPLETED at its done time, DUE in UTC
	d := byUID["activity-3@rolo"]
	if got := text(t, d, ical.PropStatus); got != "COMPLETED" {
		t.Errorf("STATUS %q", got)
	}
	if got := utc(t, d, ical.PropCompleted); !got.Equal(*acts[2].DoneAt) {
		t.Errorf("COMPLETED %v", got)
	}
	if got := utc(t, d, ical.PropDue); !got.Equal(acts[2].At) {
		t.Errorf("DUE %v", got)
	}
	if !strings.Contains(text(t, d, ical.PropDescription), "Lead: #4") {
		t.Error("the lead is not in the description")
	}

	// no duration: one hour; terminal escapes and NULs are gone
	e := byUID["activity-4@rolo"]
	if got := utc(t, e, ical.PropDateTimeEnd); !got.Equal(acts[3].At.Add(time.Hour)) {
		t.Errorf("DTEND without a duration %v", got)
	}
	if got := text(t, e, ical.PropSummary); got != "Evil title" {
		t.Errorf("SUMMARY %q", got)
	}
	if bytes.ContainsAny(out, "\x1b\x07\x00") {
		t.Error("control characters in the file")
	}

	// a call is a journal entry
	j := byUID["activity-5@rolo"]
	if j == nil || j.Name != ical.CompJournal {
		t.Fatalf("call: %v", j)
	}
	if got := utc(t, j, ical.PropDateTimeStart); !got.Equal(acts[4].At) {
		t.Errorf("call DTSTART %v", got)
	}
	if desc := text(t, j, ical.PropDescription); !strings.Contains(desc, "Outcome: call back") || !strings.Contains(desc, "Duration: 15 min") {
		t.Errorf("call DESCRIPTION %q", desc)
	}

	// the same activities give the same file
	if again := writeICS(t, acts, loc); !bytes.Equal(again, out) {
		t.Error("two exports of the same activities differ")
	}
}

func TestICSAllDayMeetingAndEmptyCalendar(t *testing.T) {
	loc := time.FixedZone("UTC+3", 3*3600)
	at := time.Date(2027, 1, 31, 23, 59, 59, 0, loc).UTC()
	out := writeICS(t, []model.Activity{{ID: 9, Kind: model.KindMeeting, Subject: "Fair", At: at, AllDay: true, Version: 1}}, loc)
	cal := decodeICS(t, out)
	ev := cal.Children[0]
	if s, e := prop(t, ev, ical.PropDateTimeStart), prop(t, ev, ical.PropDateTimeEnd); s.Value != "20270131" || e.Value != "20270201" ||
		s.ValueType() != ical.ValueDate {
		t.Errorf("all-day meeting %s %s", s.Value, e.Value)
	}
	// DTSTAMP falls back to the export time when the record has none
	if p := prop(t, ev, ical.PropDateTimeStamp); p.Value != "20270301T000000Z" {
		t.Errorf("DTSTAMP %q", p.Value)
	}

	empty := writeICS(t, nil, loc)
	checkLines(t, empty)
	if cal := decodeICS(t, empty); len(cal.Children) != 0 {
		t.Errorf("empty export has %d components", len(cal.Children))
	}
}

func TestFoldWriter(t *testing.T) {
	for _, line := range []string{
		strings.Repeat("a", 75), strings.Repeat("a", 76), strings.Repeat("ğ", 40), strings.Repeat("a", 74) + "ğ",
		strings.Repeat("😀", 30), strings.Repeat("x€", 50), "",
	} {
		var buf bytes.Buffer
		fw := &foldWriter{w: &buf}
		// written in odd pieces, as an encoder may
		in := "DESCRIPTION:" + line + "\r\nX:y\r\n"
		for i := 0; i < len(in); i += 7 {
			fw.Write([]byte(in[i:min(i+7, len(in))]))
		}
		checkLines(t, buf.Bytes())
		if got := strings.ReplaceAll(buf.String(), "\r\n ", ""); got != in {
			t.Errorf("unfolded %q, want %q", got, in)
		}
	}
}

func TestParseMinutes(t *testing.T) {
	for in, want := range map[string]int{"30": 30, " 45 ": 45, "45m": 45, "45min": 45, "45 mins": 45, "1h30m": 90, "1.5h": 90, "2h": 120, "0": 0} {
		got, err := parseMinutes(in)
		if err != nil || got != want {
			t.Errorf("parseMinutes(%q) = %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "-5", "-1h", "1x", "9999999h"} {
		if _, err := parseMinutes(in); !errors.Is(err, model.ErrValidation) || !strings.Contains(err.Error(), "duration") {
			t.Errorf("parseMinutes(%q): %v, want a duration error", in, err)
		}
	}
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"30", "45m", "1h30m", "1.5h", "-1", "", "1e9h", "0.0000001ns", "3min"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseMinutes(s)
		if err != nil {
			if !errors.Is(err, model.ErrValidation) {
				t.Fatalf("%q: %v is not a validation error", s, err)
			}
			return
		}
		if n < 0 {
			t.Fatalf("%q: %d minutes", s, n)
		}
	})
}

// Any subject and body survive the trip through the encoder, the folding
// and go-ical's decoder, cleaned of control characters.
func FuzzICSText(f *testing.F) {
	for _, s := range []string{"a,b;c\\d\ne", "\r\n\r", strings.Repeat("ş", 80), "\x1b[31mred", "\xff\xfe", "\\n", " lead", "\t"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, subject, body string) {
		a := model.Activity{ID: 1, Kind: model.KindTask, Subject: subject, Body: body, At: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), Version: 1}
		out := writeICS(t, []model.Activity{a}, time.UTC)
		checkLines(t, out)
		cal := decodeICS(t, out)
		c := cal.Children[0]
		got, err := c.Props.Get(ical.PropSummary).Text()
		if err != nil || got != icsText(subject, false) {
			t.Fatalf("SUMMARY %q %v, want %q", got, err, icsText(subject, false))
		}
		if want := strings.TrimSpace(icsText(body, true)); want != "" {
			got, err := c.Props.Get(ical.PropDescription).Text()
			if err != nil || !strings.HasPrefix(got, want) {
				t.Fatalf("DESCRIPTION %q %v, want %q", got, err, want)
			}
		}
	})
}
