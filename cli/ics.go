package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-ical"
	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
	"rolo/transfer"
)

// iCalendar (RFC 5545) export of activities. Meetings are events
// (VEVENT), tasks are to-dos (VTODO); calls, emails and notes, which
// calendar programs mostly ignore, are journal entries (VJOURNAL) and are
// exported only when asked for with --kind. Every time is written in UTC;
// a date without a time (all day) is written as a DATE of the local day.
//
// The file is streamed: the calendar's header, then one component per
// activity as the store's pages come in, then its end, so a million
// activities never sit in memory. go-ical encodes each component (text
// escaping, value types, per-component checks); it does not fold long
// lines, so foldWriter folds every content line at 75 octets.

// icsDefaultKinds are what an export holds without --kind.
var icsDefaultKinds = []string{model.KindMeeting, model.KindTask}

// icsWriter writes one VCALENDAR a component at a time.
type icsWriter struct {
	buf   *bufio.Writer
	enc   *ical.Encoder
	loc   *time.Location // the zone all-day dates are taken in
	now   time.Time      // DTSTAMP for a record without an update time
	count map[string]int // components written, by kind
}

// newICSWriter writes the calendar's header to w.
func newICSWriter(w io.Writer, version string, loc *time.Location, now time.Time) (*icsWriter, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	x := &icsWriter{buf: buf, enc: ical.NewEncoder(&foldWriter{w: buf}), loc: loc, now: now, count: map[string]int{}}
	if version == "" {
		version = "dev"
	}
	// the encoder writes only whole calendars with at least one
	// component, so the calendar's own lines are written here
	head := "BEGIN:VCALENDAR\r\n" +
		"VERSION:2.0\r\n" +
		"PRODID:-//rolo//rolo " + icsSafe(version) + "//EN\r\n" +
		"CALSCALE:GREGORIAN\r\n" +
		"X-WR-CALNAME:rolo activities\r\n"
	if _, err := io.WriteString(&foldWriter{w: buf}, head); err != nil {
		return nil, err
	}
	return x, nil
}

// icsSafe keeps a value that is written as it is to safe characters.
func icsSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == ';' || r == ':' || r == ',' || r == '\\' {
			return -1
		}
		return r
	}, s)
}

// add writes one activity.
func (x *icsWriter) add(a model.Activity) error {
	comp := activityComponent(a, x.loc, x.now)
	// a Calendar holding the component itself encodes just that
	// component, checked by the rules of its kind
	if err := x.enc.Encode(&ical.Calendar{Component: comp}); err != nil {
		return fmt.Errorf("activity #%d: %w", a.ID, err)
	}
	x.count[a.Kind]++
	return nil
}

// close ends the calendar and flushes it.
func (x *icsWriter) close() error {
	if _, err := io.WriteString(x.buf, "END:VCALENDAR\r\n"); err != nil {
		return err
	}
	return x.buf.Flush()
}

func (x *icsWriter) total() int {
	n := 0
	for _, c := range x.count {
		n += c
	}
	return n
}

// activityUID is the activity's UID: the same in every export, so a
// calendar that imports the file again updates instead of duplicating.
func activityUID(id int64) string { return "activity-" + strconv.FormatInt(id, 10) + "@rolo" }

// activityComponent turns an activity into a VEVENT (meeting), VTODO
// (task) or VJOURNAL (call, email, note).
func activityComponent(a model.Activity, loc *time.Location, now time.Time) *ical.Component {
	name := ical.CompJournal
	switch a.Kind {
	case model.KindMeeting:
		name = ical.CompEvent
	case model.KindTask:
		name = ical.CompToDo
	}
	c := ical.NewComponent(name)
	p := c.Props
	p.SetText(ical.PropUID, activityUID(a.ID))
	stamp := a.UpdatedAt
	if stamp.IsZero() {
		stamp = now
	}
	p.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
	if !a.CreatedAt.IsZero() {
		p.SetDateTime(ical.PropCreated, a.CreatedAt.UTC())
	}
	if !a.UpdatedAt.IsZero() {
		p.SetDateTime(ical.PropLastModified, a.UpdatedAt.UTC())
	}
	if a.Version > 1 {
		seq := ical.NewProp(ical.PropSequence)
		seq.Value = strconv.FormatInt(a.Version-1, 10)
		p.Set(seq)
	}
	p.SetText(ical.PropSummary, icsText(a.Subject, false))
	if d := icsDescription(a); d != "" {
		p.SetText(ical.PropDescription, d)
	}
	cat := ical.NewProp(ical.PropCategories)
	cat.SetTextList([]string{a.Kind})
	p.Set(cat)

	// a day given without a time is that local day
	day := func(t time.Time) time.Time {
		l := t.In(loc)
		return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
	}
	switch name {
	case ical.CompEvent:
		if a.AllDay {
			d := day(a.At)
			p.SetDate(ical.PropDateTimeStart, d)
			p.SetDate(ical.PropDateTimeEnd, d.AddDate(0, 0, 1))
			break
		}
		length := time.Hour
		if a.Duration > 0 {
			length = time.Duration(a.Duration) * time.Minute
		}
		p.SetDateTime(ical.PropDateTimeStart, a.At.UTC())
		p.SetDateTime(ical.PropDateTimeEnd, a.At.Add(length).UTC())
	case ical.CompToDo:
		if a.AllDay {
			p.SetDate(ical.PropDue, day(a.At))
		} else {
			p.SetDateTime(ical.PropDue, a.At.UTC())
		}
		if a.Done {
			p.SetText(ical.PropStatus, "COMPLETED")
			done := a.At
			if a.DoneAt != nil {
				done = *a.DoneAt
			}
			p.SetDateTime(ical.PropCompleted, done.UTC())
			pct := ical.NewProp(ical.PropPercentComplete)
			pct.Value = "100"
			p.Set(pct)
		} else {
			p.SetText(ical.PropStatus, "NEEDS-ACTION")
		}
	default:
		if a.AllDay {
			p.SetDate(ical.PropDateTimeStart, day(a.At))
		} else {
			p.SetDateTime(ical.PropDateTimeStart, a.At.UTC())
		}
		p.SetText(ical.PropStatus, "FINAL")
	}
	return c
}

// icsDescription is the body, then what the activity is about.
func icsDescription(a model.Activity) string {
	var parts []string
	if b := strings.TrimSpace(icsText(a.Body, true)); b != "" {
		parts = append(parts, b)
	}
	var meta []string
	add := func(label, v string) {
		if v = strings.TrimSpace(icsText(v, false)); v != "" {
			meta = append(meta, label+": "+v)
		}
	}
	add("Outcome", a.Outcome)
	if a.Duration > 0 && a.Kind != model.KindMeeting {
		add("Duration", strconv.Itoa(a.Duration)+" min")
	}
	add("Account", a.AccountName)
	add("Contact", a.ContactName)
	if a.DealID != nil {
		add("Deal", fmt.Sprintf("%s (#%d)", a.DealTitle, *a.DealID))
	}
	if a.LeadID != nil {
		add("Lead", fmt.Sprintf("#%d", *a.LeadID))
	}
	add("Owner", a.OwnerName)
	if len(meta) > 0 {
		parts = append(parts, strings.Join(meta, "\n"))
	}
	return strings.Join(parts, "\n\n")
}

// icsText cleans text for a TEXT value: no control characters or terminal
// escapes (RFC 5545 allows none but tab), line breaks kept as \n when
// multiline, valid UTF-8. go-ical escapes \ ; , and newlines.
func icsText(s string, multiline bool) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if multiline {
		return model.PrintableBlock(s)
	}
	return model.Printable(s)
}

// foldWriter folds content lines longer than 75 octets (RFC 5545 3.1):
// CRLF and a space go before the octet that would pass the limit, never
// inside a UTF-8 sequence. Lines end in CRLF.
type foldWriter struct {
	w   io.Writer
	col int // octets on the current physical line
	out []byte
}

const icsLineOctets = 75

func (f *foldWriter) Write(p []byte) (int, error) {
	f.out = f.out[:0]
	for i := 0; i < len(p); i++ {
		b := p[i]
		switch {
		case b == '\n':
			f.col = 0
		case b == '\r':
		case b&0xC0 != 0x80: // the first octet of a character
			n := 1
			switch {
			case b >= 0xF0:
				n = 4
			case b >= 0xE0:
				n = 3
			case b >= 0xC0:
				n = 2
			}
			if f.col+n > icsLineOctets {
				f.out = append(f.out, '\r', '\n', ' ')
				f.col = 1
			}
			f.col += n
		default: // a continuation octet, counted with its character
		}
		f.out = append(f.out, b)
	}
	if _, err := f.w.Write(f.out); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (a *app) exportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write records to a file in an open format",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.exportActivitiesCmd())
	for _, k := range []transfer.Kind{transfer.KindContacts, transfer.KindAccounts, transfer.KindLeads, transfer.KindDeals} {
		cmd.AddCommand(a.exportRecordsCmd(k))
	}
	return cmd
}

func (a *app) exportActivitiesCmd() *cobra.Command {
	var links linkFlags
	var format, output, since, until string
	var kinds []string
	cmd := &cobra.Command{
		Use: "activities [--format ics] [-o FILE] [--kind K]... [--since WHEN] [--until WHEN] " +
			"[--contact ID|EMAIL] [--account NAME|ID] [--deal ID] [--owner me|NAME]",
		Short: "Export meetings and tasks as an iCalendar (.ics) file",
		Long: "export activities writes an iCalendar file (RFC 5545) that calendar and to-do\n" +
			"programs import:\n" +
			"  meetings  as events (VEVENT): start, end (start + duration, else 1 hour)\n" +
			"  tasks     as to-dos (VTODO): due time, COMPLETED with its time when done\n" +
			"  calls, emails, notes  as journal entries (VJOURNAL), only when asked for\n" +
			"            with --kind (most calendar programs do not show journal entries)\n" +
			"By default meetings and tasks are exported. Times are written in UTC; a date\n" +
			"without a time is a whole day (a DATE). Each activity keeps its UID\n" +
			"(activity-ID@rolo) in every export, so importing again updates it.\n" +
			"Without -o the calendar goes to standard output.",
		Example: `  rolo export activities -o rolo.ics
  rolo export activities --kind task --owner me --since today -o my-tasks.ics
  rolo export activities --kind meeting,call --contact ayse@isik.com.tr`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if f := strings.ToLower(strings.TrimSpace(format)); f != "ics" {
				return usagef("--format: activities are exported as ics, not %q (for JSON use rolo activity list --json)", format)
			}
			selected, err := exportKinds(kinds)
			if err != nil {
				return err
			}
			now := time.Now()
			q := store.ListQuery{}
			if cmd.Flags().Changed("since") {
				if q.Since, err = parseBound("since", since, now, false); err != nil {
					return err
				}
			}
			if cmd.Flags().Changed("until") {
				if q.Until, err = parseBound("until", until, now, true); err != nil {
					return err
				}
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := links.query(ctx, s, &q); err != nil {
				return err
			}
			return writeOutput(cmd, output, func(w io.Writer) error {
				x, err := newICSWriter(w, a.opt.Version, time.Local, now)
				if err != nil {
					return err
				}
				for _, k := range selected {
					kq := q
					kq.Kind = k
					err := pageAll(0, func(page int, after *store.Cursor) (int, *store.Cursor, error) {
						kq.Limit, kq.After = page, after
						rows, err := s.Store.Activities.List(ctx, kq)
						if err != nil || len(rows) == 0 {
							return 0, nil, err
						}
						for _, act := range rows {
							if err := x.add(act); err != nil {
								return 0, nil, err
							}
						}
						next := store.ActivityCursor(rows[len(rows)-1])
						return len(rows), &next, nil
					})
					if err != nil {
						return err
					}
				}
				if err := x.close(); err != nil {
					return err
				}
				var parts []string
				for _, k := range selected {
					parts = append(parts, fmt.Sprintf("%d %s", x.count[k], plural(x.count[k], k, k+"s")))
				}
				where := "standard output"
				if output != "" && output != "-" {
					where = output
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "exported %s to %s\n", strings.Join(parts, ", "), where)
				if x.total() == 0 {
					fmt.Fprintln(cmd.ErrOrStderr(), "nothing matched: the calendar is empty")
				}
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "ics", "file format: ics")
	fl.StringVarP(&output, "output", "o", "", "file to write (default standard output); replaced only once the export is complete")
	fl.StringSliceVar(&kinds, "kind", nil, "kinds to export, repeat or comma-separate: meeting, task (default both), call, email, note")
	fl.StringVar(&since, "since", "", "only activities at or after (tasks: due): 2027-01-01, today, 2027-01-31 14:00")
	fl.StringVar(&until, "until", "", "only activities before: 2027-01-31 (the whole day), 2027-01-31 14:00")
	links.register(cmd, true)
	return cmd
}

// exportKinds checks --kind, in the order of model.ActivityKinds.
func exportKinds(kinds []string) ([]string, error) {
	if len(kinds) == 0 {
		return icsDefaultKinds, nil
	}
	want := map[string]bool{}
	for _, k := range kinds {
		k = strings.ToLower(strings.TrimSpace(k))
		if k == "" {
			continue
		}
		if !slices.Contains(model.ActivityKinds, k) {
			return nil, usagef("--kind: %q is not a kind (one of %s)", k, strings.Join(model.ActivityKinds, ", "))
		}
		want[k] = true
	}
	var out []string
	for _, k := range model.ActivityKinds {
		if want[k] {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		return icsDefaultKinds, nil
	}
	return out, nil
}

// writeOutput runs write on standard output ("" or "-") or on a new file
// next to path that replaces path only when write succeeded, so a failed
// export never leaves a half-written file behind.
func writeOutput(cmd *cobra.Command, path string, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(cmd.OutOrStdout())
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return usagef("-o %s is a folder; give a file name, e.g. -o %s", path, filepath.Join(path, "rolo.ics"))
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("-o %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
