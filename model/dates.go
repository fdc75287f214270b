package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateLayout is how calendar dates (a deal's close date, a quote's
// valid-until) are stored and exchanged.
const DateLayout = "2006-01-02"

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday, "mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday, "wed": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday, "sat": time.Saturday, "saturday": time.Saturday,
}

// ParseDate reads a calendar date as people type it, relative to now (in
// now's time zone): 2027-01-31, 31.01.2027, today, tomorrow, yesterday,
// +3d, +2w, +1m, fri (the next Friday, today excluded) and next fri (the
// same; on a Friday it is a week later). It returns the date as
// YYYY-MM-DD; an error says what was understood and what is accepted.
func ParseDate(field, s string, now time.Time) (string, error) {
	in := strings.TrimSpace(s)
	t := strings.ToLower(strings.Join(strings.Fields(in), " "))
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	bad := func(why string) (string, error) {
		return "", Invalid(field, "%q is not a date%s (write 2027-01-31, 31.01.2027, today, tomorrow, +3d, +2w or next fri)", in, why)
	}
	switch t {
	case "":
		return bad("")
	case "today":
		return today.Format(DateLayout), nil
	case "tomorrow":
		return today.AddDate(0, 0, 1).Format(DateLayout), nil
	case "yesterday":
		return today.AddDate(0, 0, -1).Format(DateLayout), nil
	}
	if strings.HasPrefix(t, "+") || strings.HasPrefix(t, "in ") {
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "+"), "in "))
		n, unit := splitNumber(rest)
		if n <= 0 || n > 3650 {
			return bad(": give a number of days, weeks or months")
		}
		switch unit {
		case "d", "day", "days":
			return today.AddDate(0, 0, n).Format(DateLayout), nil
		case "w", "wk", "week", "weeks":
			return today.AddDate(0, 0, 7*n).Format(DateLayout), nil
		case "m", "mo", "month", "months":
			return today.AddDate(0, n, 0).Format(DateLayout), nil
		}
		return bad(fmt.Sprintf(": unknown unit %q", unit))
	}
	word := strings.TrimPrefix(t, "next ")
	if wd, ok := weekdays[word]; ok {
		days := (int(wd) - int(today.Weekday()) + 7) % 7
		if days == 0 {
			days = 7
		}
		return today.AddDate(0, 0, days).Format(DateLayout), nil
	}
	for _, layout := range []string{DateLayout, "02.01.2006", "2.1.2006", "2006/01/02"} {
		if d, err := time.ParseInLocation(layout, t, now.Location()); err == nil {
			return d.Format(DateLayout), nil
		}
	}
	if strings.Count(t, "-") == 2 || strings.Count(t, ".") == 2 {
		return bad(": no such day")
	}
	return bad("")
}

func splitNumber(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, err := strconv.Atoi(s[:i])
	if err != nil {
		return 0, ""
	}
	return n, strings.TrimSpace(s[i:])
}

// CheckDate accepts "" or a YYYY-MM-DD date.
func CheckDate(field, s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse(DateLayout, s); err != nil {
		return Invalid(field, "%q is not a date (YYYY-MM-DD)", s)
	}
	return nil
}
