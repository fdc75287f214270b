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

// ParseWhen reads a moment as people type it, in loc, relative to now:
// anything ParseDate takes, optionally followed by a time ("2027-01-31
// 14:30", "tomorrow 9:00", "next fri 14:00"), a time alone ("14:30",
// today), "now", "in 2 hours", "in 30 min", "+2h", "+45min". A date
// without a time means the end of that day (allDay is true): a task due
// "tomorrow" is due by the end of tomorrow. The result is in UTC. An error
// says what was understood and what is accepted.
func ParseWhen(field, s string, now time.Time, loc *time.Location) (t time.Time, allDay bool, err error) {
	in := strings.TrimSpace(s)
	low := strings.ToLower(strings.Join(strings.Fields(in), " "))
	now = now.In(loc)
	bad := func(why string) (time.Time, bool, error) {
		return time.Time{}, false, Invalid(field, "%q is not a date or time%s (write 2027-01-31, 2027-01-31 14:30, 31.01.2027, today, tomorrow 9:00, +3d, +2w, next fri, in 2 hours)", in, why)
	}
	if low == "now" {
		return now.UTC().Truncate(time.Second), false, nil
	}
	if rest, ok := strings.CutPrefix(low, "in "); ok {
		if d, ok := parseSpan(rest); ok {
			return now.Add(d).UTC().Truncate(time.Second), false, nil
		}
	}
	if rest, ok := strings.CutPrefix(low, "+"); ok {
		if d, ok := parseSpan(rest); ok && !isDateSpan(rest) {
			return now.Add(d).UTC().Truncate(time.Second), false, nil
		}
	}
	datePart, clock := low, ""
	if i := strings.LastIndexByte(low, ' '); i > 0 && looksLikeClock(low[i+1:]) {
		datePart, clock = low[:i], low[i+1:]
	} else if looksLikeClock(low) {
		datePart, clock = "today", low
	}
	if datePart == "" {
		return bad("")
	}
	day, err := ParseDate(field, datePart, now)
	if err != nil {
		return bad(explainDate(datePart, now))
	}
	d, _ := time.ParseInLocation(DateLayout, day, loc)
	if clock == "" {
		end := time.Date(d.Year(), d.Month(), d.Day(), 23, 59, 59, 0, loc)
		return end.UTC(), true, nil
	}
	h, m, ok := parseClock(clock)
	if !ok {
		return bad(fmt.Sprintf(": %q is not a time of day (write 14:30 or 9am)", clock))
	}
	return time.Date(d.Year(), d.Month(), d.Day(), h, m, 0, 0, loc).UTC(), false, nil
}

// parseSpan reads "2 hours", "2h", "30 min", "45m", "3 days", "1w".
func parseSpan(s string) (time.Duration, bool) {
	n, unit := splitNumber(strings.TrimSpace(s))
	if n <= 0 || n > 100000 {
		return 0, false
	}
	switch unit {
	case "m", "min", "mins", "minute", "minutes":
		return time.Duration(n) * time.Minute, true
	case "h", "hr", "hrs", "hour", "hours":
		return time.Duration(n) * time.Hour, true
	case "d", "day", "days":
		return time.Duration(n) * 24 * time.Hour, true
	case "w", "wk", "week", "weeks":
		return time.Duration(n) * 7 * 24 * time.Hour, true
	}
	return 0, false
}

// isDateSpan: "+3d", "+2w", "+1m" are calendar spans (ParseDate), ending
// at the end of the day; "+2h" and "+30min" are exact spans.
func isDateSpan(s string) bool {
	_, unit := splitNumber(strings.TrimSpace(s))
	switch unit {
	case "d", "day", "days", "w", "wk", "week", "weeks", "m", "mo", "month", "months":
		return true
	}
	return false
}

func looksLikeClock(s string) bool {
	_, _, ok := parseClock(s)
	return ok
}

// parseClock reads 14:30, 9:05, 14.30, 9am, 2pm, 12:15pm.
func parseClock(s string) (h, m int, ok bool) {
	s = strings.TrimSpace(s)
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "pm"), "am")
	hs, ms, found := strings.Cut(s, ":")
	if !found {
		hs, ms, found = strings.Cut(s, ".")
	}
	if !found {
		if !pm && !am {
			return 0, 0, false
		}
		ms = "0"
	}
	hv, err1 := strconv.Atoi(hs)
	mv, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || len(hs) == 0 || len(hs) > 2 || len(ms) > 2 || mv < 0 || mv > 59 {
		return 0, 0, false
	}
	switch {
	case pm && hv >= 1 && hv <= 11:
		hv += 12
	case am && hv == 12:
		hv = 0
	case (pm || am) && (hv < 1 || hv > 12):
		return 0, 0, false
	}
	if hv < 0 || hv > 23 {
		return 0, 0, false
	}
	return hv, mv, true
}

// explainDate says what a date-looking input was understood as when it is
// not a real day ("31/02": day 31 of February, which has 28 days).
func explainDate(s string, now time.Time) string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(f) < 2 || len(f) > 3 {
		return ""
	}
	nums := make([]int, len(f))
	for i, p := range f {
		n, err := strconv.Atoi(p)
		if err != nil {
			return ""
		}
		nums[i] = n
	}
	day, month := nums[0], nums[1]
	year := now.Year()
	if len(f[0]) == 4 && len(nums) == 3 { // year first
		year, month, day = nums[0], nums[1], nums[2]
	} else if len(nums) == 3 {
		year = nums[2]
	}
	if month < 1 || month > 12 {
		return fmt.Sprintf(": understood day %d of month %d, and there is no month %d", day, month, month)
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return fmt.Sprintf(": understood day %d of %s, which has %d days", day, time.Month(month), last)
	}
	if len(nums) == 2 {
		return ": give the year too (31.01.2027) or write 2027-01-31"
	}
	return ""
}
