package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/ansi"

	"rolo/model"
)

// printJSON writes v as indented JSON and a newline.
func printJSON(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// jsonArray streams a JSON array one element at a time, so a list of
// 100,000 records never sits in memory.
type jsonArray struct {
	w io.Writer
	n int
}

func (j *jsonArray) add(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	j.n++
	_, err = fmt.Fprintf(j.w, "%s%s", sep, b)
	return err
}

func (j *jsonArray) close() error {
	if j.n == 0 {
		_, err := io.WriteString(j.w, "[]\n")
		return err
	}
	_, err := io.WriteString(j.w, "\n]\n")
	return err
}

// table writes aligned columns; every cell is made printable (no escape
// sequences or control characters from the data reach the terminal) and
// cut to max display width.
type table struct {
	tw *tabwriter.Writer
}

func newTable(w io.Writer, header ...string) *table {
	t := &table{tw: tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	for i, c := range cells {
		c = model.Printable(c)
		if ansi.StringWidth(c) > 40 {
			c = ansi.Truncate(c, 39, "…")
		}
		if c == "" {
			c = "-"
		}
		cells[i] = c
	}
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

func (t *table) flush() error { return t.tw.Flush() }

// card prints "label  value" lines for a show command.
type card struct {
	w io.Writer
}

func (c card) line(label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	fmt.Fprintf(c.w, "  %-10s %s\n", label, model.Printable(value))
}

func (s *Session) formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format(s.Config.Dates.Format + " 15:04")
}

func printHistory(w io.Writer, s *Session, changes []model.Change) {
	if len(changes) == 0 {
		return
	}
	fmt.Fprintln(w, "History")
	t := newTable(w, "  WHEN", "WHO", "WHAT", "FIELDS")
	for _, c := range changes {
		what := c.Action
		if c.Undoes != 0 {
			what += " (undo)"
		}
		fields := ""
		if c.Action == "update" {
			fields = strings.Join(c.FieldNames(), ", ")
		}
		t.row("  "+s.formatTime(c.At), c.User, what, fields)
	}
	t.flush()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
