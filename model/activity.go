package model

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Activity kinds.
const (
	KindCall    = "call"
	KindEmail   = "email"
	KindMeeting = "meeting"
	KindNote    = "note"
	KindTask    = "task"
)

// ActivityKinds are the kinds in the order filters cycle through them.
var ActivityKinds = []string{KindCall, KindEmail, KindMeeting, KindNote, KindTask}

// Activity is something that happened (a call, an email, a meeting, a
// note) or is to be done (a task), linked to any of a contact, an account,
// a deal and a lead. Times are UTC; a task has a due time (a date without a
// time is due by the end of that day, in the user's zone), the others the
// time they happened.
type Activity struct {
	ID          int64      `json:"id"`
	Kind        string     `json:"kind"`
	Subject     string     `json:"subject"`
	Body        string     `json:"body"`
	At          time.Time  `json:"at"`      // when it happened, or when a task is due
	AllDay      bool       `json:"all_day"` // At is the end of a day with no time given
	Done        bool       `json:"done"`
	DoneAt      *time.Time `json:"done_at"`
	Duration    int        `json:"duration_minutes"`
	Outcome     string     `json:"outcome"`
	ContactID   *int64     `json:"contact_id"`
	ContactName string     `json:"contact_name"`
	AccountID   *int64     `json:"account_id"`
	AccountName string     `json:"account_name"`
	DealID      *int64     `json:"deal_id"`
	DealTitle   string     `json:"deal_title"`
	LeadID      *int64     `json:"lead_id"`
	LeadName    string     `json:"lead_name"`
	OwnerID     int64      `json:"owner_id"`
	OwnerName   string     `json:"owner"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	ArchivedAt  *time.Time `json:"archived_at"`
	Version     int64      `json:"version"`
}

// IsTask says whether the activity is a task (it has a due time and can
// be done); the other kinds are logged as done when they happen.
func (a Activity) IsTask() bool { return a.Kind == KindTask }

// Record names what the activity is about, most specific first.
func (a Activity) Record() string {
	var parts []string
	if a.AccountName != "" {
		parts = append(parts, a.AccountName)
	}
	if a.ContactName != "" {
		parts = append(parts, a.ContactName)
	}
	if a.DealTitle != "" && len(parts) == 0 {
		parts = append(parts, a.DealTitle)
	}
	if a.LeadName != "" && len(parts) == 0 {
		parts = append(parts, "lead "+a.LeadName)
	}
	return strings.Join(parts, " · ")
}

// SearchText is what the log's filter finds an activity by.
func (a Activity) SearchText() string {
	return a.SearchTextFold(func(s string) string { return Fold(Printable(s)) })
}

// SearchTextFold is SearchText with the folding given.
func (a Activity) SearchTextFold(fold func(string) string) string {
	return SearchTextFold([]string{a.Subject, a.Body, a.Outcome, a.ContactName, a.AccountName, a.DealTitle, a.LeadName}, nil, fold)
}

// Normalize checks an activity. A non-task is done when logged.
func (a *Activity) Normalize() error {
	var errs ValidationErrors
	a.Kind = strings.ToLower(strings.TrimSpace(a.Kind))
	a.Subject = strings.TrimSpace(a.Subject)
	a.Outcome = strings.TrimSpace(a.Outcome)
	if !slices.Contains(ActivityKinds, a.Kind) {
		errs = append(errs, Invalid("kind", "%q is not one of %s", a.Kind, strings.Join(ActivityKinds, ", ")))
	}
	if a.Subject == "" {
		errs = append(errs, Invalid("subject", "an activity needs a subject"))
	}
	if utf8.RuneCountInString(a.Subject) > maxField {
		errs = append(errs, Invalid("subject", "longer than %d characters", maxField))
	}
	checkLen(&errs, "body", a.Body, maxNotes)
	checkLen(&errs, "outcome", a.Outcome, maxField)
	if a.Duration < 0 || a.Duration > 24*60*7 {
		errs = append(errs, Invalid("duration_minutes", "%d is not between 0 and a week", a.Duration))
	}
	if a.At.IsZero() {
		errs = append(errs, Invalid("at", "needs a time"))
	}
	a.At = a.At.UTC().Truncate(time.Second)
	if a.Kind != KindTask {
		a.Done = true
	}
	return errs.Err()
}

// Agenda places a task in the agenda that starts at day (the start of
// the user's today): overdue (open and due before today), today (due
// today, done or not) or upcoming (due after today).
func Agenda(a Activity, day time.Time) string {
	switch {
	case a.At.Before(day):
		return "overdue"
	case a.At.Before(day.AddDate(0, 0, 1)):
		return "today"
	}
	return "upcoming"
}

// TimelineItem is an activity or a change in a record's timeline.
type TimelineItem struct {
	At       time.Time
	Key      int64 // the activity's id, or the change's id negated
	Activity *Activity
	Change   *Change
}
