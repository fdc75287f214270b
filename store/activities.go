package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"rolo/model"
)

// ActivityRepo stores calls, emails, meetings, notes and tasks.
type ActivityRepo interface {
	// Create logs an activity. Linked to a contact or a deal without an
	// account, it is linked to their account too (and a deal's contact),
	// so an account's timeline shows what happened with its people.
	Create(ctx context.Context, a model.Activity) (model.Activity, error)
	Get(ctx context.Context, id int64) (model.Activity, error)
	Update(ctx context.Context, a model.Activity) (model.Activity, error)
	// SetDone marks a task done (now) or not done; version 0 skips the
	// stale-data check.
	SetDone(ctx context.Context, id, version int64, done bool) (model.Activity, error)
	// Reschedule moves a task's due time.
	Reschedule(ctx context.Context, id, version int64, due time.Time, allDay bool) (model.Activity, error)
	Archive(ctx context.Context, id, version int64) (model.Activity, error)
	// List pages activities by time (q.Desc: newest first); with q.Agenda
	// it lists the agenda (see ListQuery.Agenda).
	List(ctx context.Context, q ListQuery) ([]model.Activity, error)
	Count(ctx context.Context, q ListQuery) (int, error)
	// Timeline pages a record's activities and changes together, newest
	// first (q.After, q.Before and q.Last follow that order). Cursor.Sort
	// is the time, Cursor.ID the item's Key.
	Timeline(ctx context.Context, entity string, id int64, q ListQuery) ([]model.TimelineItem, error)
	// TimelineCount is the number of items in a record's timeline.
	TimelineCount(ctx context.Context, entity string, id int64) (int, error)
}

// Activities is the ActivityRepo of a Store.
type Activities struct{ s *Store }

const activitySelect = `SELECT t.id, t.kind, t.subject, t.body, t.at, t.all_day, t.done, t.done_at, t.duration, t.outcome,
	t.contact_id, coalesce(trim(c.first_name || ' ' || c.last_name), ''), t.account_id, coalesce(a.name, ''),
	t.deal_id, coalesce(d.title, ''), t.lead_id, coalesce(l.name, ''), t.owner_id, coalesce(u.name, ''), t.created_at, t.updated_at,
	t.archived_at, t.version
	FROM activities t LEFT JOIN contacts c ON c.id = t.contact_id LEFT JOIN accounts a ON a.id = t.account_id
	LEFT JOIN deals d ON d.id = t.deal_id LEFT JOIN leads l ON l.id = t.lead_id LEFT JOIN users u ON u.id = t.owner_id`

func scanActivity(sc scanner) (model.Activity, error) {
	var a model.Activity
	var at, created, updated string
	var doneAt, archived sql.NullString
	var contact, account, deal, lead sql.NullInt64
	err := sc.Scan(&a.ID, &a.Kind, &a.Subject, &a.Body, &at, &a.AllDay, &a.Done, &doneAt, &a.Duration, &a.Outcome,
		&contact, &a.ContactName, &account, &a.AccountName, &deal, &a.DealTitle, &lead, &a.LeadName, &a.OwnerID, &a.OwnerName,
		&created, &updated, &archived, &a.Version)
	if err != nil {
		return a, err
	}
	a.At, a.CreatedAt, a.UpdatedAt = parseTime(at), parseTime(created), parseTime(updated)
	a.DoneAt, a.ArchivedAt = parseTimePtr(doneAt), parseTimePtr(archived)
	a.ContactID, a.AccountID, a.DealID, a.LeadID = idPtr(contact), idPtr(account), idPtr(deal), idPtr(lead)
	return a, nil
}

func idPtr(n sql.NullInt64) *int64 {
	if !n.Valid {
		return nil
	}
	v := n.Int64
	return &v
}

func getActivity(ctx context.Context, q querier, id int64) (model.Activity, error) {
	a, err := scanActivity(q.QueryRowContext(ctx, activitySelect+` WHERE t.id = ?`, id))
	if isNoRows(err) {
		return a, notFound("activity", "#"+strconv.FormatInt(id, 10))
	}
	return a, err
}

// Get returns the activity with this id.
func (r *Activities) Get(ctx context.Context, id int64) (model.Activity, error) {
	return getActivity(ctx, r.s.db, id)
}

// prepareActivity validates a and fills its links and their names.
func (w *wtx) prepareActivity(ctx context.Context, a *model.Activity) error {
	if err := a.Normalize(); err != nil {
		return err
	}
	if a.DealID != nil {
		d, err := w.s.getDeal(ctx, w, *a.DealID)
		if err != nil {
			return model.Invalid("deal_id", "no deal #%d", *a.DealID)
		}
		a.DealTitle = d.Title
		if a.AccountID == nil {
			a.AccountID = d.AccountID
		}
		if a.ContactID == nil {
			a.ContactID = d.ContactID
		}
	}
	if a.ContactID != nil {
		c, err := getContact(ctx, w, *a.ContactID)
		if err != nil {
			return model.Invalid("contact_id", "no contact #%d", *a.ContactID)
		}
		a.ContactName = c.Name()
		if a.AccountID == nil {
			a.AccountID = c.AccountID
		}
	}
	if a.AccountID != nil {
		var name string
		if err := w.QueryRowContext(ctx, `SELECT name FROM accounts WHERE id = ?`, *a.AccountID).Scan(&name); err != nil {
			return model.Invalid("account_id", "no account #%d", *a.AccountID)
		}
		a.AccountName = name
	}
	if a.LeadID != nil {
		var name string
		if err := w.QueryRowContext(ctx, `SELECT name FROM leads WHERE id = ?`, *a.LeadID).Scan(&name); err != nil {
			return model.Invalid("lead_id", "no lead #%d", *a.LeadID)
		}
		a.LeadName = name
	} else {
		a.LeadName = ""
	}
	if a.OwnerID == 0 {
		a.OwnerID = w.s.actor
	}
	if a.OwnerID == 0 {
		return model.Invalid("owner", "no owner: set user.name in the config")
	}
	switch {
	case a.Kind != model.KindTask:
		if a.DoneAt == nil {
			at := a.At
			a.DoneAt = &at
		}
	case a.Done && a.DoneAt == nil:
		now := w.now
		a.DoneAt = &now
	case !a.Done:
		a.DoneAt = nil
	}
	return nil
}

// Create logs an activity; see ActivityRepo.
func (r *Activities) Create(ctx context.Context, a model.Activity) (model.Activity, error) {
	var out model.Activity
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.insertActivity(ctx, a)
		return err
	})
	return out, err
}

func (w *wtx) insertActivity(ctx context.Context, a model.Activity) (model.Activity, error) {
	if err := w.prepareActivity(ctx, &a); err != nil {
		return a, err
	}
	now := formatTime(w.now)
	if a.ID == 0 {
		id, err := w.newID(ctx, "activities", "activity")
		if err != nil {
			return a, err
		}
		a.ID = id
	}
	res, err := w.ExecContext(ctx, `INSERT INTO activities(id, kind, subject, body, at, all_day, done, done_at, duration, outcome,
		contact_id, account_id, deal_id, lead_id, owner_id, search, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(a.ID), a.Kind, a.Subject, a.Body, formatTime(a.At), a.AllDay, a.Done, timePtrArg(a.DoneAt), a.Duration,
		a.Outcome, a.ContactID, a.AccountID, a.DealID, a.LeadID, a.OwnerID, a.SearchText(), now, now)
	if err != nil {
		return a, err
	}
	a.ID, _ = res.LastInsertId()
	if err := w.record(ctx, "activity", a.ID, "create", snapshot(a, true)); err != nil {
		return a, err
	}
	return getActivity(ctx, w, a.ID)
}

// Update saves a when a.Version is current.
func (r *Activities) Update(ctx context.Context, a model.Activity) (model.Activity, error) {
	var out model.Activity
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.updateActivity(ctx, a)
		return err
	})
	return out, err
}

func (w *wtx) updateActivity(ctx context.Context, a model.Activity) (model.Activity, error) {
	cur, err := getActivity(ctx, w, a.ID)
	if err != nil {
		return cur, err
	}
	if a.Version != cur.Version {
		return cur, staleConflict("activity", a.ID)
	}
	if a.Done && cur.Done && a.Kind == model.KindTask {
		a.DoneAt = cur.DoneAt
	}
	if err := w.prepareActivity(ctx, &a); err != nil {
		return cur, err
	}
	changes := diff(cur, a)
	if len(changes) == 0 {
		return cur, nil
	}
	res, err := w.ExecContext(ctx, `UPDATE activities SET kind = ?, subject = ?, body = ?, at = ?, all_day = ?, done = ?,
		done_at = ?, duration = ?, outcome = ?, contact_id = ?, account_id = ?, deal_id = ?, lead_id = ?, owner_id = ?,
		search = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
		a.Kind, a.Subject, a.Body, formatTime(a.At), a.AllDay, a.Done, timePtrArg(a.DoneAt), a.Duration, a.Outcome,
		a.ContactID, a.AccountID, a.DealID, a.LeadID, a.OwnerID, a.SearchText(), formatTime(w.now), a.ID, a.Version)
	if err != nil {
		return cur, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cur, staleConflict("activity", a.ID)
	}
	if err := w.record(ctx, "activity", a.ID, "update", changes); err != nil {
		return cur, err
	}
	return getActivity(ctx, w, a.ID)
}

// change loads an activity, lets fn change it and saves it, in one write.
func (r *Activities) change(ctx context.Context, id, version int64, fn func(*model.Activity) error) (model.Activity, error) {
	var out model.Activity
	err := r.s.write(ctx, func(w *wtx) error {
		a, err := getActivity(ctx, w, id)
		if err != nil {
			return err
		}
		if version != 0 && version != a.Version {
			return staleConflict("activity", id)
		}
		if err := fn(&a); err != nil {
			return err
		}
		out, err = w.updateActivity(ctx, a)
		return err
	})
	return out, err
}

// SetDone marks a task done or not done.
func (r *Activities) SetDone(ctx context.Context, id, version int64, done bool) (model.Activity, error) {
	return r.change(ctx, id, version, func(a *model.Activity) error {
		if !a.IsTask() {
			return &ConflictError{Entity: "activity", ID: id, Reason: "only tasks are done or not done; this is a " + a.Kind}
		}
		a.Done = done
		if !done {
			a.DoneAt = nil
		}
		return nil
	})
}

// Reschedule moves a task's due time.
func (r *Activities) Reschedule(ctx context.Context, id, version int64, due time.Time, allDay bool) (model.Activity, error) {
	return r.change(ctx, id, version, func(a *model.Activity) error {
		if !a.IsTask() {
			return &ConflictError{Entity: "activity", ID: id, Reason: "only tasks have a due time; this is a " + a.Kind}
		}
		a.At, a.AllDay = due, allDay
		return nil
	})
}

// Archive hides an activity.
func (r *Activities) Archive(ctx context.Context, id, version int64) (model.Activity, error) {
	return setArchived(ctx, r.s, "activity", "activities", id, version, true, getActivity)
}

// openTasksOnly says a query reads open tasks and nothing narrows it
// further: it then walks the small index of open tasks, which SQLite
// would otherwise pass over for the index of every activity by kind (and
// skip a hundred thousand done tasks on the way).
func openTasksOnly(q ListQuery) bool {
	return !q.Archived && q.ContactID == 0 && q.AccountID == 0 && q.DealID == 0 && q.LeadID == 0 &&
		strings.TrimSpace(q.Search) == "" && (q.Open || !q.Agenda.IsZero())
}

const openTasksIndex = "INDEXED BY activities_open_tasks"

// selectFrom is activitySelect reading activities through an index hint.
func selectFrom(hint string) string {
	if hint == "" {
		return activitySelect
	}
	return strings.Replace(activitySelect, "FROM activities t ", "FROM activities t "+hint+" ", 1)
}

// activityFilter is the WHERE of an activity list, without the agenda.
func (r *Activities) filter(ctx context.Context, q ListQuery) (conds []string, args []any, empty bool, err error) {
	conds = []string{"t.archived_at IS NULL"}
	if q.Archived {
		conds[0] = "t.archived_at IS NOT NULL"
	}
	add := func(c string, v ...any) {
		conds = append(conds, c)
		args = append(args, v...)
	}
	if q.Kind != "" {
		add("t.kind = ?", q.Kind)
	}
	if q.Open {
		add("t.kind = 'task' AND t.done = 0")
	}
	if !q.Since.IsZero() {
		add("t.at >= ?", formatTime(q.Since))
	}
	if !q.Until.IsZero() {
		add("t.at < ?", formatTime(q.Until))
	}
	for col, v := range map[string]int64{"t.contact_id": q.ContactID, "t.account_id": q.AccountID, "t.deal_id": q.DealID,
		"t.lead_id": q.LeadID, "t.owner_id": q.OwnerID} {
		if v != 0 {
			add(col+" = ?", v)
		}
	}
	if strings.TrimSpace(q.Search) != "" && !q.Archived {
		cond, margs, none, err := r.s.matchCond(ctx, "t", "activities_fts", q.Search)
		if err != nil || none {
			return nil, nil, none, err
		}
		add(cond, margs...)
	}
	return conds, args, false, nil
}

// keyset is the cursor condition and ORDER BY of a page in time order
// (newest first when desc); Before pages backwards in that order.
func keyset(q ListQuery) (cond string, args []any, order string, reversed bool) {
	asc, desc := " ORDER BY t.at, t.id", " ORDER BY t.at DESC, t.id DESC"
	gt, lt := "(t.at, t.id) > (?, ?)", "(t.at, t.id) < (?, ?)"
	if q.Desc {
		asc, desc, gt, lt = desc, asc, lt, gt
	}
	switch {
	case q.After != nil:
		return gt, []any{q.After.Sort, q.After.ID}, asc, false
	case q.Before != nil:
		return lt, []any{q.Before.Sort, q.Before.ID}, desc, true
	case q.Last:
		return "", nil, desc, true
	}
	return "", nil, asc, false
}

// List pages activities; see ActivityRepo.
func (r *Activities) List(ctx context.Context, q ListQuery) ([]model.Activity, error) {
	conds, args, empty, err := r.filter(ctx, q)
	if err != nil || empty {
		return []model.Activity{}, err
	}
	kc, kargs, order, reversed := keyset(q)
	limit := ""
	if q.Limit > 0 {
		limit = " LIMIT " + strconv.Itoa(q.Limit)
	}
	var query string
	if !q.Agenda.IsZero() {
		// open tasks due before the agenda's start, then every task due
		// from it on: two ordered index ranges, each cut to the page, merged
		from := formatTime(q.Agenda)
		part := func(hint, extra string) string {
			c := append(append([]string{}, conds...), "t.kind = 'task'", extra)
			if kc != "" {
				c = append(c, kc)
			}
			return "SELECT * FROM (" + selectFrom(hint) + " WHERE " + strings.Join(c, " AND ") + order + limit + ")"
		}
		hint := ""
		if openTasksOnly(q) {
			hint = openTasksIndex
		}
		query = "SELECT * FROM (" + part(hint, "t.done = 0 AND t.at < ?") + " UNION ALL " + part("", "t.at >= ?") + ")" +
			strings.ReplaceAll(order, "t.", "") + limit
		a1 := append(append(append([]any{}, args...), from), kargs...)
		a2 := append(append(append([]any{}, args...), from), kargs...)
		args = append(a1, a2...)
	} else {
		if kc != "" {
			conds = append(conds, kc)
			args = append(args, kargs...)
		}
		hint := ""
		if openTasksOnly(q) {
			hint = openTasksIndex
		}
		query = selectFrom(hint) + " WHERE " + strings.Join(conds, " AND ") + order + limit
	}
	out, err := queryAll(ctx, r.s.db, query, args, scanActivity)
	if reversed {
		reverse(out)
	}
	return out, err
}

// Count is the number of activities List would return without a limit.
func (r *Activities) Count(ctx context.Context, q ListQuery) (int, error) {
	conds, args, empty, err := r.filter(ctx, q)
	if err != nil || empty {
		return 0, err
	}
	kc, kargs, _, _ := keyset(q)
	if kc != "" {
		conds = append(conds, kc)
		args = append(args, kargs...)
	}
	where := " WHERE " + strings.Join(conds, " AND ")
	var n int
	hint := ""
	if openTasksOnly(q) {
		hint = " " + openTasksIndex
	}
	if !q.Agenda.IsZero() {
		from := formatTime(q.Agenda)
		all := append(append(append([]any{}, args...), from), append(append([]any{}, args...), from)...)
		err = r.s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM activities t`+hint+where+` AND t.kind = 'task' AND t.done = 0 AND t.at < ?)
			+ (SELECT count(*) FROM activities t`+where+` AND t.kind = 'task' AND t.at >= ?)`, all...).Scan(&n)
		return n, err
	}
	err = r.s.db.QueryRowContext(ctx, `SELECT count(*) FROM activities t`+hint+where, args...).Scan(&n)
	return n, err
}

// timelineLink is the activities column that links them to an entity.
var timelineLink = map[string]string{"contact": "contact_id", "account": "account_id", "deal": "deal_id", "lead": "lead_id"}

// Timeline pages a record's activities and changes, newest first.
// Activities have their id as Key, changes the negated history id.
func (r *Activities) Timeline(ctx context.Context, entity string, id int64, q ListQuery) ([]model.TimelineItem, error) {
	col, ok := timelineLink[entity]
	if !ok {
		return nil, fmt.Errorf("no timeline for %s", entity)
	}
	// each side ordered and cut to the page, then merged; Before and Last
	// read oldest-first and are turned around
	cur, lim, order := "", "", " ORDER BY at DESC, k DESC"
	var curArgs []any
	reversed := false
	switch {
	case q.After != nil:
		cur, curArgs = ` AND (at, k) < (?, ?)`, []any{q.After.Sort, q.After.ID}
	case q.Before != nil:
		cur, curArgs, order, reversed = ` AND (at, k) > (?, ?)`, []any{q.Before.Sort, q.Before.ID}, " ORDER BY at, k", true
	case q.Last:
		order, reversed = " ORDER BY at, k", true
	}
	if q.Limit > 0 {
		lim = ` LIMIT ` + strconv.Itoa(q.Limit)
	}
	query := `SELECT at, k FROM (
		SELECT * FROM (SELECT at, id AS k FROM activities WHERE ` + col + ` = ? AND archived_at IS NULL` + cur + order + lim + `)
		UNION ALL
		SELECT * FROM (SELECT at, -id AS k FROM history WHERE entity = ? AND entity_id` + historyOf(entity) + cur + order + lim + `)
	)` + order + lim
	args := append(append([]any{id}, curArgs...), entity, id, id)
	args = append(args, curArgs...)
	keys, err := queryAll(ctx, r.s.db, query, args, func(sc scanner) (Cursor, error) {
		var c Cursor
		return c, sc.Scan(&c.Sort, &c.ID)
	})
	if err != nil {
		return nil, err
	}
	var actIDs, histIDs []any
	for _, k := range keys {
		if k.ID > 0 {
			actIDs = append(actIDs, k.ID)
		} else {
			histIDs = append(histIDs, -k.ID)
		}
	}
	acts := map[int64]model.Activity{}
	if len(actIDs) > 0 {
		list, err := queryAll(ctx, r.s.db, activitySelect+` WHERE t.id IN (`+placeholders(len(actIDs))+`)`, actIDs, scanActivity)
		if err != nil {
			return nil, err
		}
		for _, a := range list {
			acts[a.ID] = a
		}
	}
	changes := map[int64]model.Change{}
	if len(histIDs) > 0 {
		list, err := queryChanges(ctx, r.s.db, historySelect+` WHERE h.id IN (`+placeholders(len(histIDs))+`)`, histIDs...)
		if err != nil {
			return nil, err
		}
		for _, c := range list {
			changes[c.ID] = c
		}
	}
	if reversed {
		reverse(keys)
	}
	out := make([]model.TimelineItem, 0, len(keys))
	for _, k := range keys {
		item := model.TimelineItem{At: parseTime(k.Sort), Key: k.ID}
		if k.ID > 0 {
			a := acts[k.ID]
			item.Activity = &a
		} else {
			c := changes[-k.ID]
			item.Change = &c
		}
		out = append(out, item)
	}
	return out, nil
}

// TimelineCount is the number of items in a record's timeline.
func (r *Activities) TimelineCount(ctx context.Context, entity string, id int64) (int, error) {
	col, ok := timelineLink[entity]
	if !ok {
		return 0, fmt.Errorf("no timeline for %s", entity)
	}
	var n int
	err := r.s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM activities WHERE `+col+` = ? AND archived_at IS NULL)
		+ (SELECT count(*) FROM history WHERE entity = ? AND entity_id`+historyOf(entity)+`)`, id, entity, id, id).Scan(&n)
	return n, err
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// ActivityCursor is the keyset position of an activity in time order.
func ActivityCursor(a model.Activity) Cursor { return Cursor{Sort: formatTime(a.At), ID: a.ID} }

// TimelineCursor is the keyset position of a timeline item.
func TimelineCursor(it model.TimelineItem) Cursor { return Cursor{Sort: formatTime(it.At), ID: it.Key} }
