package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"rolo/config"
	"rolo/model"
	"rolo/store"
)

// Deps are what the TUI runs on.
type Deps struct {
	Store  *store.Store
	Config config.Config
	Me     model.User
	// Now is the clock (time.Now when nil); tests fix it.
	Now func() time.Time
}

// shared is the program context every view reads: dependencies, styles
// and the clock. Views never write to it.
type shared struct {
	deps Deps
	st   Styles
	// writeCtx carries the tracker that collects this session's changes
	// for undo; every write the TUI makes uses it.
	writeCtx context.Context
}

func (s *shared) now() time.Time {
	if s.deps.Now != nil {
		return s.deps.Now()
	}
	return time.Now()
}

func (s *shared) locale() string { return s.deps.Config.Locale }

// date formats a time as a date in the configured layout, local time.
func (s *shared) date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(s.loc()).Format(s.deps.Config.Dates.Format)
}

func (s *shared) loc() *time.Location {
	if s.deps.Now != nil {
		return s.deps.Now().Location()
	}
	return time.Local
}

// ago is a short relative time for lists: "just now", "5m ago", "3h ago",
// "2d ago", "3w ago", then the date.
func (s *shared) ago(t *time.Time) string {
	if t == nil || t.IsZero() {
		return "—"
	}
	d := s.now().Sub(*t)
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%dm ago", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%dh ago", int(d.Hours()))
	case d < 14*24*time.Hour:
		return fmt.Sprintf("%dd ago", int(d.Hours()/24))
	case d < 60*24*time.Hour:
		return fmt.Sprintf("%dw ago", int(d.Hours()/24/7))
	}
	return s.date(*t)
}

// formatInt groups thousands the locale's way: 100,000 or 100.000.
func formatInt(n int, locale string) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	sep := ","
	if locale == "tr" || locale == "de" {
		sep = "."
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func plural(n int, one, many, locale string) string {
	if n == 1 {
		return "1 " + one
	}
	return formatInt(n, locale) + " " + many
}

// when is an activity's time for lists: "today 14:30", "tomorrow",
// "yesterday 09:00", else the date (and time unless all day).
func (s *shared) when(t time.Time, allDay bool) string {
	loc := s.loc()
	lt, now := t.In(loc), s.now().In(loc)
	day := func(x time.Time) time.Time { return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, loc) }
	clock := " " + lt.Format("15:04")
	if allDay {
		clock = ""
	}
	switch int(day(lt).Sub(day(now)).Hours() / 24) {
	case 0:
		return "today" + clock
	case 1:
		return "tomorrow" + clock
	case -1:
		return "yesterday" + clock
	}
	return lt.Format(s.deps.Config.Dates.Format) + clock
}
