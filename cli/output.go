package cli

import (
	"bufio"
	"context"
	"errors"

	"github.com/spf13/cobra"

	"encoding/json"
	"fmt"
	"io"
	"rolo/store"
	"strings"
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
	var b []byte
	var err error
	if m, ok := v.(json.Marshaler); ok {
		b, err = m.MarshalJSON() // json.Marshal would re-scan the bytes it returns
	} else {
		b, err = json.Marshal(v)
	}
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
// cut to max display width. Columns are aligned by display width, so
// wide characters (CJK, emoji) and combining marks do not shift them.
type table struct {
	w    io.Writer
	rows [][]string
}

func newTable(w io.Writer, header ...string) *table {
	t := &table{w: w}
	t.row(header...)
	return t
}

func (t *table) row(cells ...string) {
	out := make([]string, len(cells))
	for i, c := range cells {
		c = model.Printable(c)
		if i < len(cells)-1 && ansi.StringWidth(c) > 40 { // the last column aligns nothing after it
			c = ansi.Truncate(c, 39, "…")
		}
		if c == "" {
			c = "-"
		}
		out[i] = c
	}
	t.rows = append(t.rows, out)
}

// flush writes the rows: each cell but a row's last padded to its
// column's widest cell and two spaces.
func (t *table) flush() error {
	var widths []int
	for _, r := range t.rows {
		for i := 0; i < len(r)-1; i++ {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], ansi.StringWidth(r[i]))
		}
	}
	bw := bufio.NewWriter(t.w)
	for _, r := range t.rows {
		for i, c := range r {
			bw.WriteString(c)
			if i < len(r)-1 {
				bw.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(c)+2))
			}
		}
		bw.WriteByte('\n')
	}
	t.rows = nil
	return bw.Flush()
}

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

// printHistory prints a record's changes; those of records merged into it
// (another id) say so.
func printHistory(w io.Writer, s *Session, id int64, changes []model.Change) {
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
		if c.EntityID != id {
			what += fmt.Sprintf(" of #%d (merged in)", c.EntityID)
		}
		fields := ""
		if c.Action == "update" {
			fields = strings.Join(c.FieldNames(), ", ")
		}
		t.row("  "+s.formatTime(c.At), c.User, what, fields)
	}
	t.flush()
}

// listing streams records of one kind as a table or a JSON array, a
// keyset page at a time.
type listing[T any] struct {
	header []string
	row    func(T) []string
	key    func(T) store.Cursor
	fetch  func(ctx context.Context, q store.ListQuery) ([]T, error)
	empty  string // said on stderr when there is nothing to list
}

func (l listing[T]) run(cmd *cobra.Command, q store.ListQuery, limit int, asJSON bool) error {
	if limit < 0 {
		return usagef("--limit must be 0 (no limit) or more")
	}
	var out func(T) error
	var done func() error
	if asJSON {
		arr := &jsonArray{w: cmd.OutOrStdout()}
		out, done = func(v T) error { return arr.add(v) }, arr.close
	} else {
		t := newTable(cmd.OutOrStdout(), l.header...)
		out = func(v T) error { t.row(l.row(v)...); return nil }
		done = t.flush
	}
	// pages are read on one goroutine and written on this one, so the
	// queries and the encoding use both cores
	type page struct {
		rows []T
		err  error
	}
	pages := make(chan page, 2)
	stop := make(chan struct{})
	go func() {
		defer close(pages)
		err := pageAll(limit, func(size int, after *store.Cursor) (int, *store.Cursor, error) {
			q.Limit, q.After = size, after
			rows, err := l.fetch(cmd.Context(), q)
			if err != nil || len(rows) == 0 {
				return 0, nil, err
			}
			select {
			case pages <- page{rows: rows}:
			case <-stop:
				return 0, nil, errStopped
			}
			k := l.key(rows[len(rows)-1])
			return len(rows), &k, nil
		})
		if err != nil && err != errStopped {
			pages <- page{err: err}
		}
	}()
	shown := 0
	var err error
	for p := range pages {
		if err == nil {
			err = p.err
		}
		for _, v := range p.rows {
			if err != nil {
				break
			}
			err = out(v)
			shown++
		}
		if err != nil {
			close(stop)
			for range pages { // let the reader end
			}
			break
		}
	}
	if err != nil {
		return err
	}
	if shown == 0 && !asJSON && l.empty != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), l.empty)
	}
	return done()
}

var errStopped = errors.New("stopped")

// report says what a write did on stderr and, with --json, prints the
// record on stdout.
func report(cmd *cobra.Command, asJSON bool, rec any, format string, args ...any) error {
	fmt.Fprintln(cmd.ErrOrStderr(), model.Printable(fmt.Sprintf(format, args...)))
	if asJSON {
		return printJSON(cmd.OutOrStdout(), rec)
	}
	return nil
}

// archiveCmd is "NOUN delete KEY": find the record, archive it, say so.
func archiveCmd[T any](a *app, noun, key string, find func(context.Context, *Session, string) (T, error),
	archive func(context.Context, *Session, T) (T, error), describe func(T) (int64, string)) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "delete " + key,
		Aliases: []string{"archive"},
		Short:   "Archive a " + noun + " (hidden from lists; rolo undo brings it back)",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			rec, err := find(ctx, s, args[0])
			if err != nil {
				return err
			}
			if rec, err = archive(ctx, s, rec); err != nil {
				return err
			}
			id, name := describe(rec)
			return report(cmd, asJSON, rec, "archived %s #%d %s (rolo undo brings it back)", noun, id, name)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the archived "+noun+" as JSON")
	return cmd
}
