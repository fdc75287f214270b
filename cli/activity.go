package cli

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"rolo/model"
	"rolo/store"
)

// Activities on the command line: `log` records what happened (calls,
// emails, meetings, notes), `task` adds and works through what is to be
// done, `activity list` reads the log. Dates and times are read and shown
// in the local time zone (time.Local, so TZ=Europe/Istanbul works) and
// stored in UTC.

// loggable are the kinds `rolo log` takes; tasks have `rolo task add`.
var loggable = []string{model.KindCall, model.KindEmail, model.KindMeeting, model.KindNote}

// linkFlags name the records an activity is about, and its owner.
type linkFlags struct{ contact, account, deal, lead, owner string }

// register adds --contact, --account, --deal, --lead and --owner; what is
// "link" on writes and "filter" on lists.
func (f *linkFlags) register(cmd *cobra.Command, filter bool) {
	fl := cmd.Flags()
	if filter {
		fl.StringVar(&f.contact, "contact", "", "only those about this contact: id or email")
		fl.StringVar(&f.account, "account", "", "only those about this account: name (folded) or id")
		fl.StringVar(&f.deal, "deal", "", "only those about this deal: id")
		fl.StringVar(&f.owner, "owner", "", "only those of this owner: me or a team member's name or email")
		return
	}
	fl.StringVar(&f.contact, "contact", "", "the contact it is about: id or email (links the contact's account too)")
	fl.StringVar(&f.account, "account", "", "the account it is about: name (folded) or id; never created here")
	fl.StringVar(&f.deal, "deal", "", "the deal it is about: id (links the deal's account and contact too)")
	fl.StringVar(&f.lead, "lead", "", "the lead it is about: id or email")
	fl.StringVar(&f.owner, "owner", "", "owner: me (default) or a team member's name or email")
}

// apply links the named records to a.
func (f *linkFlags) apply(ctx context.Context, cmd *cobra.Command, s *Session, a *model.Activity) error {
	changed := cmd.Flags().Changed
	if changed("contact") && strings.TrimSpace(f.contact) != "" {
		c, err := findContact(ctx, s, f.contact)
		if err != nil {
			return fmt.Errorf("contact: %w", err)
		}
		id := c.ID
		a.ContactID = &id
	}
	if changed("account") && strings.TrimSpace(f.account) != "" {
		acc, err := findAccount(ctx, s, f.account)
		if err != nil {
			return fmt.Errorf("account: %w", err)
		}
		id := acc.ID
		a.AccountID = &id
	}
	if changed("deal") && strings.TrimSpace(f.deal) != "" {
		d, err := findDeal(ctx, s, f.deal)
		if err != nil {
			return fmt.Errorf("deal: %w", err)
		}
		id := d.ID
		a.DealID = &id
	}
	if changed("lead") && strings.TrimSpace(f.lead) != "" {
		l, err := findLead(ctx, s, f.lead)
		if err != nil {
			return fmt.Errorf("lead: %w", err)
		}
		id := l.ID
		a.LeadID = &id
	}
	if changed("owner") {
		id, err := s.resolveOwner(ctx, f.owner)
		if err != nil {
			return err
		}
		a.OwnerID = id
	}
	return nil
}

// query narrows a list to the named records.
func (f *linkFlags) query(ctx context.Context, s *Session, q *store.ListQuery) error {
	if strings.TrimSpace(f.contact) != "" {
		c, err := findContact(ctx, s, f.contact)
		if err != nil {
			return fmt.Errorf("contact: %w", err)
		}
		q.ContactID = c.ID
	}
	if strings.TrimSpace(f.account) != "" {
		acc, err := findAccount(ctx, s, f.account)
		if err != nil {
			return fmt.Errorf("account: %w", err)
		}
		q.AccountID = acc.ID
	}
	if strings.TrimSpace(f.deal) != "" {
		d, err := findDeal(ctx, s, f.deal)
		if err != nil {
			return fmt.Errorf("deal: %w", err)
		}
		q.DealID = d.ID
	}
	var err error
	q.OwnerID, err = s.resolveOwner(ctx, f.owner)
	return err
}

// parseID reads a record id: 12 or #12.
func parseID(what, key string) (int64, error) {
	key = strings.TrimSpace(key)
	id, err := strconv.ParseInt(strings.TrimPrefix(key, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, usagef("name a %s by its id, not %q", what, key)
	}
	return id, nil
}

// findActivity resolves an activity id ("12" or "#12").
func findActivity(ctx context.Context, s *Session, key string) (model.Activity, error) {
	id, err := parseID("task or activity", key)
	if err != nil {
		return model.Activity{}, usagef("%s (find it with: rolo task list, rolo activity list)", err)
	}
	return s.Store.Activities.Get(ctx, id)
}

// parseMinutes reads a duration: 30 (minutes), 45m, 1h30m, 1.5h.
func parseMinutes(s string) (int, error) {
	t := strings.ToLower(strings.Join(strings.Fields(s), ""))
	bad := func() (int, error) {
		return 0, model.Invalid("duration", "%q is not a number of minutes (write 30, 45m, 1h30m or 1.5h)", strings.TrimSpace(s))
	}
	if t == "" {
		return bad()
	}
	if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(t, "min"), "mins")); err == nil {
		if n < 0 {
			return bad()
		}
		return n, nil
	}
	d, err := time.ParseDuration(t)
	if err != nil || d < 0 || d > 365*24*time.Hour {
		return bad()
	}
	return int(math.Round(d.Minutes())), nil
}

// startOfDay is midnight of t's day in the local zone.
func startOfDay(t time.Time) time.Time {
	l := t.In(time.Local)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.Local)
}

// parseWhen reads --at, --due or --to in the local zone.
func parseWhen(field, s string, now time.Time) (time.Time, bool, error) {
	return model.ParseWhen(field, s, now, time.Local)
}

// parseBound reads --since (end false) or --until (end true): a date
// alone is the start of that day for --since and takes in the whole day
// for --until (the bound is exclusive).
func parseBound(field, s string, now time.Time, end bool) (time.Time, error) {
	t, allDay, err := parseWhen(field, s, now)
	if err != nil || !allDay {
		return t, err
	}
	day := startOfDay(t)
	if end {
		day = day.AddDate(0, 0, 1)
	}
	return day.UTC(), nil
}

// formatWhen shows an activity's time in the local zone: the date and
// time, or the date and "all day" for a date given without a time.
func (s *Session) formatWhen(a model.Activity) string {
	if a.At.IsZero() {
		return ""
	}
	l := a.At.In(time.Local)
	if a.AllDay {
		return l.Format(s.Config.Dates.Format) + " all day"
	}
	return l.Format(s.Config.Dates.Format + " 15:04")
}

// about is " on Acme · Jane Doe" or "".
func about(a model.Activity) string {
	if r := a.Record(); r != "" {
		return " on " + r
	}
	return ""
}

// activityFields are the fields log and task add set.
type activityFields struct {
	subject, body, outcome, duration string
}

func (a *app) logCmd() *cobra.Command {
	var f activityFields
	var links linkFlags
	var at string
	var asJSON bool
	cmd := &cobra.Command{
		Use: "log call|email|meeting|note --subject S [--body B] [--at WHEN] [--duration MIN] [--outcome O] " +
			"[--contact ID|EMAIL] [--account NAME|ID] [--deal ID] [--lead ID] [--owner me|NAME] [--json]",
		Short: "Log a call, email, meeting or note",
		Long: "log records something that happened, linked to any of a contact, an account, a deal\n" +
			"and a lead. --at is when it happened (default now), read in the local time zone:\n" +
			"2027-01-31 14:30, yesterday 9:00, 14:30 (today), in 2 hours; a date alone means that whole day.\n" +
			"A contact or deal links its account too. Tasks are added with rolo task add.",
		Example: `  rolo log call --subject "Discussed the retrofit" --contact ayse@isik.com.tr --duration 15 --outcome "send quote"
  rolo log meeting --subject "Site visit" --account "Işık Tekstil" --at "yesterday 14:00" --duration 1h30m
  rolo log note --subject "Prefers email" --deal 12 --json`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: loggable,
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := strings.ToLower(strings.TrimSpace(args[0]))
			switch {
			case kind == model.KindTask:
				return usagef("tasks are added with rolo task add --subject S [--due WHEN]")
			case !slices.Contains(loggable, kind):
				return usagef("%q is not something to log: call, email, meeting or note", args[0])
			case !cmd.Flags().Changed("subject"):
				return usagef("log %s needs --subject S", kind)
			}
			now := time.Now()
			act := model.Activity{Kind: kind, Subject: f.subject, Body: f.body, Outcome: f.outcome, At: now}
			if cmd.Flags().Changed("at") {
				t, allDay, err := parseWhen("at", at, now)
				if err != nil {
					return err
				}
				act.At, act.AllDay = t, allDay
			}
			if cmd.Flags().Changed("duration") {
				n, err := parseMinutes(f.duration)
				if err != nil {
					return err
				}
				act.Duration = n
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := links.apply(ctx, cmd, s, &act); err != nil {
				return err
			}
			act, err = s.Store.Activities.Create(ctx, act)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, act, "logged %s #%d %s%s (%s)", act.Kind, act.ID, act.Subject, about(act), s.formatWhen(act))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.subject, "subject", "", "what it was about, in a line")
	fl.StringVar(&f.body, "body", "", "notes, minutes, the email's text")
	fl.StringVar(&at, "at", "", "when it happened: now (default), 2027-01-31 14:30, yesterday 9:00, 14:30")
	fl.StringVar(&f.duration, "duration", "", "how long: minutes (30) or 45m, 1h30m")
	fl.StringVar(&f.outcome, "outcome", "", "what came of it, e.g. \"send quote\"")
	links.register(cmd, false)
	fl.BoolVar(&asJSON, "json", false, "print the logged activity as JSON")
	return cmd
}

func (a *app) taskCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "task",
		Short: "Add, list, complete and snooze tasks",
		Long: "A task is something to do by a due time. A due date without a time is due by the\n" +
			"end of that day (local time). Tasks show up as overdue, today or upcoming.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.taskAddCmd(), a.taskListCmd(), a.taskDoneCmd(), a.taskSnoozeCmd())
	return cmd
}

func (a *app) taskAddCmd() *cobra.Command {
	var f activityFields
	var links linkFlags
	var due string
	var asJSON bool
	cmd := &cobra.Command{
		Use: "add --subject S [--due WHEN] [--body B] [--contact ID|EMAIL] [--account NAME|ID] [--deal ID] [--lead ID] " +
			"[--owner me|NAME] [--json]",
		Short: "Add a task",
		Example: `  rolo task add --subject "Send the quote" --deal 12 --due "next fri"
  rolo task add --subject "Call back" --contact ayse@isik.com.tr --due "tomorrow 9:00" --json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("subject") {
				return usagef("task add needs --subject S")
			}
			now := time.Now()
			when := "today"
			if cmd.Flags().Changed("due") {
				when = due
			}
			t, allDay, err := parseWhen("due", when, now)
			if err != nil {
				return err
			}
			act := model.Activity{Kind: model.KindTask, Subject: f.subject, Body: f.body, At: t, AllDay: allDay}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := links.apply(ctx, cmd, s, &act); err != nil {
				return err
			}
			act, err = s.Store.Activities.Create(ctx, act)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, act, "added task #%d %s%s, due %s", act.ID, act.Subject, about(act), s.formatWhen(act))
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.subject, "subject", "", "what is to be done, in a line")
	fl.StringVar(&due, "due", "", "due: today (default: by the end of today), tomorrow 9:00, next fri, +3d, 2027-01-31 14:30")
	fl.StringVar(&f.body, "body", "", "details")
	links.register(cmd, false)
	fl.BoolVar(&asJSON, "json", false, "print the new task as JSON")
	return cmd
}

func (a *app) taskListCmd() *cobra.Command {
	var links linkFlags
	var search string
	var overdue, today, upcoming, all, asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "list [--overdue|--today|--upcoming] [--all] [--contact ..] [--account ..] [--deal ..] [--owner me|NAME] [--limit N] [--json]",
		Short: "List tasks by due time (open ones unless --all)",
		Long: "task list lists open tasks, the soonest due first, with their state:\n" +
			"  --overdue   open and due before now\n" +
			"  --today     due today (local time), including those due earlier today\n" +
			"  --upcoming  due after today\n" +
			"--all includes done tasks (not with --overdue).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			n := 0
			for _, b := range []bool{overdue, today, upcoming} {
				if b {
					n++
				}
			}
			if n > 1 {
				return usagef("give one of --overdue, --today and --upcoming")
			}
			if overdue && all {
				return usagef("--overdue lists open tasks only; leave out --all")
			}
			now := time.Now()
			sod := startOfDay(now)
			q := store.ListQuery{Kind: model.KindTask, Open: !all, Search: search}
			switch {
			case overdue:
				q.Until = now
			case today:
				q.Since, q.Until = sod.UTC(), sod.AddDate(0, 0, 1).UTC()
			case upcoming:
				q.Since = sod.AddDate(0, 0, 1).UTC()
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			if err := links.query(ctx, s, &q); err != nil {
				return err
			}
			empty := "no tasks match"
			if !overdue && !today && !upcoming && !all && q.ContactID == 0 && q.AccountID == 0 && q.DealID == 0 && q.OwnerID == 0 && search == "" {
				empty = "no open tasks (add one with rolo task add --subject S --due WHEN)"
			}
			return listing[model.Activity]{
				header: []string{"ID", "DUE", "STATE", "SUBJECT", "RECORD", "OWNER"},
				row: func(t model.Activity) []string {
					local := now.In(time.Local)
					state := model.Agenda(t, time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, time.Local))
					switch {
					case t.Done:
						state = "done"
					case t.At.Before(now):
						state = "overdue"
					}
					return []string{strconv.FormatInt(t.ID, 10), s.formatWhen(t), state, t.Subject, t.Record(), t.OwnerName}
				},
				key:   store.ActivityCursor,
				fetch: s.Store.Activities.List,
				empty: empty,
			}.run(cmd, q, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&overdue, "overdue", false, "only open tasks due before now")
	fl.BoolVar(&today, "today", false, "only tasks due today")
	fl.BoolVar(&upcoming, "upcoming", false, "only tasks due after today")
	fl.BoolVar(&all, "all", false, "include done tasks")
	links.register(cmd, true)
	fl.StringVar(&search, "search", "", "word-prefix search over subject, body and linked names (folded)")
	fl.IntVar(&limit, "limit", 0, "at most N tasks (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}

func (a *app) taskDoneCmd() *cobra.Command {
	var undo, asJSON bool
	cmd := &cobra.Command{
		Use:   "done ID [--undo] [--json]",
		Short: "Mark a task done (--undo: not done)",
		Example: `  rolo task done 42
  rolo task done 42 --undo`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			t, err := findActivity(ctx, s, args[0])
			if err != nil {
				return err
			}
			done, err := s.Store.Activities.SetDone(ctx, t.ID, t.Version, !undo)
			if err != nil {
				return err
			}
			var msg string
			switch {
			case done.Version == t.Version && !undo:
				msg = fmt.Sprintf("task #%d %s was already done", t.ID, t.Subject)
			case done.Version == t.Version:
				msg = fmt.Sprintf("task #%d %s was not done", t.ID, t.Subject)
			case undo:
				msg = fmt.Sprintf("reopened task #%d %s, due %s", t.ID, t.Subject, s.formatWhen(done))
			default:
				msg = fmt.Sprintf("done: task #%d %s", t.ID, t.Subject)
			}
			return report(cmd, asJSON, done, "%s", msg)
		},
	}
	cmd.Flags().BoolVar(&undo, "undo", false, "mark the task not done again")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the task as JSON")
	return cmd
}

func (a *app) taskSnoozeCmd() *cobra.Command {
	var to string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "snooze ID [--to WHEN] [--json]",
		Short: "Move a task's due time (default: tomorrow, at the same time of day)",
		Long: "snooze moves an open task to --to, by default to tomorrow: at the time of day it\n" +
			"was due, or by the end of tomorrow when it had no time.",
		Example: `  rolo task snooze 42
  rolo task snooze 42 --to "next mon 9:00"`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			now := time.Now()
			var due time.Time
			var allDay bool
			if cmd.Flags().Changed("to") {
				var err error
				if due, allDay, err = parseWhen("to", to, now); err != nil {
					return err
				}
			}
			ctx := cmd.Context()
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			t, err := findActivity(ctx, s, args[0])
			if err != nil {
				return err
			}
			if t.IsTask() && t.Done {
				return &codedError{ExitConflict, fmt.Errorf("task #%d %s is done; reopen it first with rolo task done %d --undo", t.ID, t.Subject, t.ID)}
			}
			if !cmd.Flags().Changed("to") {
				due, allDay = snoozeTomorrow(t, now)
			}
			moved, err := s.Store.Activities.Reschedule(ctx, t.ID, t.Version, due, allDay)
			if err != nil {
				return err
			}
			return report(cmd, asJSON, moved, "snoozed task #%d %s to %s", t.ID, t.Subject, s.formatWhen(moved))
		},
	}
	cmd.Flags().StringVar(&to, "to", "", "new due time: tomorrow (default), next mon 9:00, +3d, 2027-01-31 14:30")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the task as JSON")
	return cmd
}

// snoozeTomorrow is tomorrow (local) at the task's time of day, or the end
// of tomorrow for a task due on a day without a time.
func snoozeTomorrow(t model.Activity, now time.Time) (time.Time, bool) {
	day := startOfDay(now).AddDate(0, 0, 1)
	if t.AllDay {
		return time.Date(day.Year(), day.Month(), day.Day(), 23, 59, 59, 0, time.Local).UTC(), true
	}
	l := t.At.In(time.Local)
	return time.Date(day.Year(), day.Month(), day.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.Local).UTC(), false
}

func (a *app) activityCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "activity",
		Aliases: []string{"activities"},
		Short:   "List the activity log (rolo log adds to it)",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.activityListCmd())
	return cmd
}

func (a *app) activityListCmd() *cobra.Command {
	var links linkFlags
	var kind, since, until, search string
	var limit int
	var asJSON bool
	cmd := &cobra.Command{
		Use: "list [--kind K] [--contact ID|EMAIL] [--account NAME|ID] [--deal ID] [--owner me|NAME] [--since WHEN] " +
			"[--until WHEN] [--search Q] [--limit N] [--json]",
		Short: "List activities and tasks, newest first",
		Long: "activity list shows the log, newest first: calls, emails, meetings, notes and tasks\n" +
			"(by due time). --since and --until take dates and times in the local time zone;\n" +
			"a date alone takes in that whole day.",
		Example: `  rolo activity list --contact ayse@isik.com.tr
  rolo activity list --kind call --since yesterday --json
  rolo activity list --account "Işık Tekstil" --since 2027-01-01 --until 2027-01-31`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			now := time.Now()
			q := store.ListQuery{Desc: true, Search: search}
			if cmd.Flags().Changed("kind") {
				q.Kind = strings.ToLower(strings.TrimSpace(kind))
				if !slices.Contains(model.ActivityKinds, q.Kind) {
					return usagef("--kind: %q is not a kind (one of %s)", kind, strings.Join(model.ActivityKinds, ", "))
				}
			}
			var err error
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
			return listing[model.Activity]{
				header: []string{"ID", "WHEN", "KIND", "SUBJECT", "RECORD", "DONE"},
				row: func(x model.Activity) []string {
					done := ""
					if x.IsTask() {
						done = "no"
						if x.Done {
							done = "yes"
						}
					}
					return []string{strconv.FormatInt(x.ID, 10), s.formatWhen(x), x.Kind, x.Subject, x.Record(), done}
				},
				key:   store.ActivityCursor,
				fetch: s.Store.Activities.List,
				empty: "no activities (log one with rolo log call --subject S, or add a task with rolo task add)",
			}.run(cmd, q, limit, asJSON)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&kind, "kind", "", "only this kind: "+strings.Join(model.ActivityKinds, ", "))
	links.register(cmd, true)
	fl.StringVar(&since, "since", "", "only at or after: 2027-01-01, yesterday, 2027-01-31 14:00")
	fl.StringVar(&until, "until", "", "only before: 2027-01-31 (the whole day), today, 2027-01-31 14:00")
	fl.StringVar(&search, "search", "", "word-prefix search over subject, body, outcome and linked names (folded)")
	fl.IntVar(&limit, "limit", 0, "at most N activities (0: all)")
	fl.BoolVar(&asJSON, "json", false, "print a JSON array")
	return cmd
}
