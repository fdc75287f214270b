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

// DealRepo stores deals and their stage history.
type DealRepo interface {
	// Create saves a new deal in its stage (the pipeline's first open
	// stage when none is given). Account linking works as for contacts.
	Create(ctx context.Context, d model.Deal, opt WriteOptions) (model.Deal, error)
	Get(ctx context.Context, id int64) (model.Deal, error)
	// Update saves d when d.Version is current; a stage change is a move.
	Update(ctx context.Context, d model.Deal, opt WriteOptions) (model.Deal, error)
	// Move puts a deal into a stage (key or name, any case) of its
	// pipeline: won and lost stages close it (lost needs a reason), an open
	// stage reopens a closed deal. The stage's required fields are checked.
	// version 0 skips the stale-data check.
	Move(ctx context.Context, id, version int64, stage, lostReason string) (model.Deal, error)
	Archive(ctx context.Context, id, version int64) (model.Deal, error)
	Restore(ctx context.Context, id, version int64) (model.Deal, error)
	// List pages deals by folded title, or with q.Board in board order
	// (a column: q.Pipeline and q.Stage).
	List(ctx context.Context, q ListQuery) ([]model.Deal, error)
	Count(ctx context.Context, q ListQuery) (int, error)
	// Totals sums the live deals of q.Pipeline per stage (owner and search
	// filters apply).
	Totals(ctx context.Context, q ListQuery) ([]model.StageTotal, error)
	StageHistory(ctx context.Context, id int64) ([]model.StageMove, error)
}

// Deals is the DealRepo of a Store.
type Deals struct{ s *Store }

const dealSelect = `SELECT d.id, d.title, d.account_id, coalesce(a.name, ''), d.contact_id,
	coalesce(trim(c.first_name || ' ' || c.last_name), ''), d.pipeline, d.stage, d.amount, d.currency, d.probability,
	coalesce(d.close_date, ''), d.owner_id, coalesce(u.name, ''), d.status, d.lost_reason, d.closed_at,
	d.stage_entered_at, d.notes, d.created_at, d.updated_at, d.archived_at, d.version, d.last_activity_at,
	t.id || ' ' || t.at || ' ' || t.all_day || ' ' || t.subject
	FROM deals d LEFT JOIN accounts a ON a.id = d.account_id LEFT JOIN contacts c ON c.id = d.contact_id
	LEFT JOIN users u ON u.id = d.owner_id LEFT JOIN activities t ON t.id = d.next_task_id`

func (s *Store) scanDeal(sc scanner) (model.Deal, error) {
	var d model.Deal
	var account, contact, prob sql.NullInt64
	var closed, archived, lastAct, next sql.NullString
	var entered, created, updated string
	err := sc.Scan(&d.ID, &d.Title, &account, &d.AccountName, &contact, &d.ContactName, &d.Pipeline, &d.Stage,
		&d.Amount, &d.Currency, &prob, &d.CloseDate, &d.OwnerID, &d.OwnerName, &d.Status, &d.LostReason, &closed,
		&entered, &d.Notes, &created, &updated, &archived, &d.Version, &lastAct, &next)
	if err != nil {
		return d, err
	}
	d.LastActivityAt = parseTimePtr(lastAct)
	d.NextTask = parseNextTask(next.String)
	if account.Valid {
		v := account.Int64
		d.AccountID = &v
	}
	if contact.Valid {
		v := contact.Int64
		d.ContactID = &v
	}
	if prob.Valid {
		v := int(prob.Int64)
		d.Probability = &v
	}
	d.ClosedAt = parseTimePtr(closed)
	d.StageEnteredAt, d.CreatedAt, d.UpdatedAt = parseTime(entered), parseTime(created), parseTime(updated)
	d.ArchivedAt = parseTimePtr(archived)
	if p, ok := s.rules.PipelineSet().Find(d.Pipeline); ok {
		if st, ok := p.Find(d.Stage); ok {
			d.StageName = st.Name
		}
	}
	if d.StageName == "" {
		d.StageName = d.Stage // a stage no longer in config keeps its key
	}
	return d, nil
}

func (s *Store) getDeal(ctx context.Context, q querier, id int64) (model.Deal, error) {
	d, err := s.scanDeal(q.QueryRowContext(ctx, dealSelect+` WHERE d.id = ?`, id))
	if isNoRows(err) {
		return d, notFound("deal", "#"+strconv.FormatInt(id, 10))
	}
	return d, err
}

// Get returns the deal with this id.
func (r *Deals) Get(ctx context.Context, id int64) (model.Deal, error) {
	return r.s.getDeal(ctx, r.s.db, id)
}

// parseNextTask reads "id at all_day subject" of the deal's next task (the
// next_task_id the triggers keep).
func parseNextTask(s string) *model.NextTask {
	f := strings.SplitN(s, " ", 4)
	if len(f) < 3 {
		return nil
	}
	id, err := strconv.ParseInt(f[0], 10, 64)
	if err != nil {
		return nil
	}
	t := &model.NextTask{ID: id, Due: parseTime(f[1]), AllDay: f[2] == "1"}
	if len(f) == 4 {
		t.Subject = f[3]
	}
	return t
}

// BoardCursor is the keyset position of a deal in its board column.
func BoardCursor(d model.Deal) Cursor { return Cursor{Sort: boardKey(d), ID: d.ID} }

// boardKey orders a column: open deals by expected close date (none
// last), closed ones newest first.
func boardKey(d model.Deal) string {
	if d.Status != model.StatusOpen && d.ClosedAt != nil {
		t := d.ClosedAt.UTC()
		return fmt.Sprintf("~%014d", 99991231235959-int64(t.Year())*10000000000-int64(t.Month())*100000000-
			int64(t.Day())*1000000-int64(t.Hour())*10000-int64(t.Minute())*100-int64(t.Second()))
	}
	if d.CloseDate != "" {
		return d.CloseDate
	}
	return "9999-12-31"
}

func (s *Store) pipeline(key string) (model.Pipeline, error) {
	ps := s.rules.PipelineSet()
	p, ok := ps.Find(key)
	if !ok {
		return p, model.Invalid("pipeline", "%q is not a pipeline (one of %s)", key, ps.Keys())
	}
	return p, nil
}

// prepareDeal validates d and resolves its account, contact and owner.
func (w *wtx) prepareDeal(ctx context.Context, d *model.Deal, opt WriteOptions) (model.Pipeline, error) {
	p, err := w.s.pipeline(d.Pipeline)
	if err != nil {
		return p, err
	}
	if err := d.Normalize(p, w.s.rules.Base()); err != nil {
		return p, err
	}
	switch {
	case d.AccountID == nil && strings.TrimSpace(d.AccountName) != "":
		a, err := w.accountByName(ctx, d.AccountName)
		if isNotFound(err) {
			a, err = w.insertAccount(ctx, model.Account{Name: d.AccountName, OwnerID: d.OwnerID}, opt)
		}
		if err != nil {
			return p, err
		}
		id := a.ID
		d.AccountID, d.AccountName = &id, a.Name
	case d.AccountID != nil:
		a, err := getAccount(ctx, w, *d.AccountID)
		if err != nil {
			return p, model.Invalid("account_id", "no account #%d", *d.AccountID)
		}
		d.AccountName = a.Name
	default:
		d.AccountName = ""
	}
	if d.ContactID != nil {
		c, err := getContact(ctx, w, *d.ContactID)
		if err != nil {
			return p, model.Invalid("contact_id", "no contact #%d", *d.ContactID)
		}
		d.ContactName = c.Name()
	} else {
		d.ContactName = ""
	}
	if d.OwnerID == 0 {
		d.OwnerID = w.s.actor
	}
	if d.OwnerID == 0 {
		return p, model.Invalid("owner", "no owner: set user.name in the config")
	}
	return p, nil
}

// enterStage applies what entering stage st means: its gate, the status
// it gives, the closed date, and a row of stage history.
func (w *wtx) enterStage(ctx context.Context, d *model.Deal, from string, st model.Stage) error {
	if missing := d.Missing(st); len(missing) > 0 {
		return &model.GateError{Stage: st.Name, Missing: missing}
	}
	d.Status = string(st.Kind)
	d.StageEnteredAt = w.now
	if st.Kind == model.StageOpen {
		d.ClosedAt = nil
	} else {
		now := w.now
		d.ClosedAt = &now
	}
	var fromArg any
	if from != "" {
		fromArg = from
	}
	_, err := w.ExecContext(ctx, `INSERT INTO deal_stage_history(deal_id, from_stage, to_stage, lost_reason, at, user_id)
		VALUES (?, ?, ?, ?, ?, ?)`, d.ID, fromArg, st.Key, d.LostReason, formatTime(w.now), nullIfZero(w.s.actor))
	return err
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func timePtrArg(t *time.Time) any {
	if t == nil {
		return nil
	}
	return formatTime(*t)
}

// Create saves a new deal; see DealRepo.
func (r *Deals) Create(ctx context.Context, d model.Deal, opt WriteOptions) (model.Deal, error) {
	var out model.Deal
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.insertDeal(ctx, d, opt)
		return err
	})
	return out, err
}

func (w *wtx) insertDeal(ctx context.Context, d model.Deal, opt WriteOptions) (model.Deal, error) {
	p, err := w.prepareDeal(ctx, &d, opt)
	if err != nil {
		return d, err
	}
	st, _ := p.Find(d.Stage)
	if missing := d.Missing(st); len(missing) > 0 {
		return d, &model.GateError{Stage: st.Name, Missing: missing}
	}
	d.Status = string(st.Kind)
	d.StageEnteredAt = w.now
	if st.Kind != model.StageOpen {
		now := w.now
		d.ClosedAt = &now
	}
	now := formatTime(w.now)
	if d.ID == 0 {
		id, err := w.newID(ctx, "deals", "deal")
		if err != nil {
			return d, err
		}
		d.ID = id
	}
	res, err := w.ExecContext(ctx, `INSERT INTO deals(id, title, sort_title, account_id, contact_id, pipeline, stage, status,
		amount, currency, probability, close_date, board_key, owner_id, lost_reason, closed_at, stage_entered_at, notes,
		search, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(d.ID), d.Title, d.SortTitle(), d.AccountID, d.ContactID, d.Pipeline, d.Stage, d.Status, d.Amount,
		d.Currency, d.Probability, nullString(d.CloseDate), boardKey(d), d.OwnerID, d.LostReason, timePtrArg(d.ClosedAt),
		now, d.Notes, d.SearchText(), now, now)
	if err != nil {
		return d, err
	}
	d.ID, _ = res.LastInsertId()
	if _, err := w.ExecContext(ctx, `INSERT INTO deal_stage_history(deal_id, from_stage, to_stage, lost_reason, at, user_id)
		VALUES (?, NULL, ?, ?, ?, ?)`, d.ID, d.Stage, d.LostReason, now, nullIfZero(w.s.actor)); err != nil {
		return d, err
	}
	if err := w.record(ctx, "deal", d.ID, "create", snapshot(d, true)); err != nil {
		return d, err
	}
	return w.s.getDeal(ctx, w, d.ID)
}

// Update saves d when d.Version is current; see DealRepo.
func (r *Deals) Update(ctx context.Context, d model.Deal, opt WriteOptions) (model.Deal, error) {
	var out model.Deal
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.updateDeal(ctx, d, opt)
		return err
	})
	return out, err
}

func (w *wtx) updateDeal(ctx context.Context, d model.Deal, opt WriteOptions) (model.Deal, error) {
	cur, err := w.s.getDeal(ctx, w, d.ID)
	if err != nil {
		return cur, err
	}
	if d.Version != cur.Version {
		return cur, staleConflict("deal", d.ID)
	}
	p, err := w.prepareDeal(ctx, &d, opt)
	if err != nil {
		return cur, err
	}
	if d.Stage != cur.Stage || d.Pipeline != cur.Pipeline {
		st, _ := p.Find(d.Stage)
		if err := w.enterStage(ctx, &d, cur.Stage, st); err != nil {
			return cur, err
		}
	} else {
		d.Status, d.ClosedAt, d.StageEnteredAt = cur.Status, cur.ClosedAt, cur.StageEnteredAt
		if st, ok := p.Find(d.Stage); ok {
			if missing := d.Missing(st); len(missing) > 0 {
				return cur, &model.GateError{Stage: st.Name, Missing: missing, Staying: true}
			}
		}
	}
	changes := diff(cur, d)
	if len(changes) == 0 {
		return cur, nil
	}
	res, err := w.ExecContext(ctx, `UPDATE deals SET title = ?, sort_title = ?, account_id = ?, contact_id = ?, pipeline = ?,
		stage = ?, status = ?, amount = ?, currency = ?, probability = ?, close_date = ?, board_key = ?, owner_id = ?,
		lost_reason = ?, closed_at = ?, stage_entered_at = ?, notes = ?, search = ?, updated_at = ?, version = version + 1
		WHERE id = ? AND version = ?`,
		d.Title, d.SortTitle(), d.AccountID, d.ContactID, d.Pipeline, d.Stage, d.Status, d.Amount, d.Currency, d.Probability,
		nullString(d.CloseDate), boardKey(d), d.OwnerID, d.LostReason, timePtrArg(d.ClosedAt), formatTime(d.StageEnteredAt),
		d.Notes, d.SearchText(), formatTime(w.now), d.ID, d.Version)
	if err != nil {
		return cur, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cur, staleConflict("deal", d.ID)
	}
	if err := w.record(ctx, "deal", d.ID, "update", changes); err != nil {
		return cur, err
	}
	return w.s.getDeal(ctx, w, d.ID)
}

// Move puts a deal into a stage; see DealRepo.
func (r *Deals) Move(ctx context.Context, id, version int64, stage, lostReason string) (model.Deal, error) {
	var out model.Deal
	err := r.s.write(ctx, func(w *wtx) error {
		d, err := w.s.getDeal(ctx, w, id)
		if err != nil {
			return err
		}
		if version != 0 && version != d.Version {
			return staleConflict("deal", id)
		}
		p, err := w.s.pipeline(d.Pipeline)
		if err != nil {
			return err
		}
		st, ok := p.Find(stage)
		if !ok {
			return model.Invalid("stage", "%q is not a stage of %s (one of %s)", stage, p.Name, p.StageNames())
		}
		if st.Kind == model.StageLost && strings.TrimSpace(lostReason) == "" {
			return model.Invalid("lost_reason", "marking a deal lost needs a reason")
		}
		if st.Key == d.Stage {
			out = d
			return nil
		}
		d.Stage, d.LostReason = st.Key, strings.TrimSpace(lostReason)
		out, err = w.updateDeal(ctx, d, WriteOptions{AllowDuplicate: true})
		return err
	})
	return out, err
}

// Archive hides a deal from the board and lists.
func (r *Deals) Archive(ctx context.Context, id, version int64) (model.Deal, error) {
	return setArchived(ctx, r.s, "deal", "deals", id, version, true, r.s.getDeal)
}

// Restore brings an archived deal back.
func (r *Deals) Restore(ctx context.Context, id, version int64) (model.Deal, error) {
	return setArchived(ctx, r.s, "deal", "deals", id, version, false, r.s.getDeal)
}

// dealFilter adds the deal-only filters of q to the shared ones.
func (r *Deals) filter(ctx context.Context, q ListQuery) (listFilter, error) {
	var extra []string
	var args []any
	add := func(cond string, v any) {
		extra = append(extra, cond)
		args = append(args, v)
	}
	if q.Pipeline != "" {
		add("d.pipeline = ?", q.Pipeline)
	}
	if q.Stage != "" {
		add("d.stage = ?", q.Stage)
	}
	if q.Status != "" {
		add("d.status = ?", q.Status)
	}
	if q.AccountID != 0 {
		add("d.account_id = ?", q.AccountID)
	}
	if q.ContactID != 0 {
		add("d.contact_id = ?", q.ContactID)
	}
	if q.CloseFrom != "" {
		add("d.close_date >= ?", q.CloseFrom)
	}
	if q.CloseTo != "" {
		add("d.close_date < ?", q.CloseTo)
	}
	sortCol := "sort_title"
	if q.Board {
		sortCol = "board_key"
	}
	return r.s.filter(ctx, "d", "deals_fts", sortCol, q, extra, args)
}

// List pages deals by folded title, or in board order.
func (r *Deals) List(ctx context.Context, q ListQuery) ([]model.Deal, error) {
	f, err := r.filter(ctx, q)
	if err != nil || f.empty {
		return []model.Deal{}, err
	}
	tail, args := f.page(q.Limit)
	out, err := queryAll(ctx, r.s.db, dealSelect+f.where+tail, args, r.s.scanDeal)
	if f.desc {
		reverse(out)
	}
	return out, err
}

// Count is the number of deals List would return without a limit.
func (r *Deals) Count(ctx context.Context, q ListQuery) (int, error) {
	f, err := r.filter(ctx, q)
	if err != nil {
		return 0, err
	}
	return r.s.count(ctx, "deals", "d", "deals_fts", f)
}

// Totals sums the live deals of q.Pipeline per stage.
func (r *Deals) Totals(ctx context.Context, q ListQuery) ([]model.StageTotal, error) {
	var rows *sql.Rows
	var err error
	if strings.TrimSpace(q.Search) == "" {
		query := `SELECT stage, currency, sum(deals), sum(amount), sum(plain), sum(weighted) FROM deal_totals WHERE pipeline = ?`
		args := []any{q.Pipeline}
		if q.OwnerID != 0 {
			query += ` AND owner_id = ?`
			args = append(args, q.OwnerID)
		}
		rows, err = r.s.db.QueryContext(ctx, query+` GROUP BY stage, currency HAVING sum(deals) > 0`, args...)
	} else {
		fq := q
		fq.Stage, fq.Status, fq.After, fq.Before, fq.Last = "", "", nil, nil, false
		f, ferr := r.filter(ctx, fq)
		if ferr != nil || f.empty {
			return nil, ferr
		}
		rows, err = r.s.db.QueryContext(ctx, `SELECT d.stage, d.currency, count(*), sum(d.amount),
			sum(CASE WHEN d.probability IS NULL THEN d.amount ELSE 0 END), sum(coalesce(d.amount * d.probability, 0))
			FROM deals d`+f.where+` GROUP BY d.stage, d.currency`, f.args...)
	}
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byStage := map[string]*model.StageTotal{}
	var order []string
	for rows.Next() {
		var stage string
		var c model.CurrencyTotal
		if err := rows.Scan(&stage, &c.Currency, &c.Deals, &c.Amount, &c.Plain, &c.Weighted); err != nil {
			return nil, err
		}
		t := byStage[stage]
		if t == nil {
			t = &model.StageTotal{Stage: stage}
			byStage[stage] = t
			order = append(order, stage)
		}
		t.Deals += c.Deals
		t.Amounts = append(t.Amounts, c)
	}
	out := make([]model.StageTotal, 0, len(order))
	for _, s := range order {
		out = append(out, *byStage[s])
	}
	return out, rows.Err()
}

// StageHistory lists a deal's stage changes, oldest first.
func (r *Deals) StageHistory(ctx context.Context, id int64) ([]model.StageMove, error) {
	d, err := r.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	p, _ := r.s.rules.PipelineSet().Find(d.Pipeline)
	name := func(key string) string {
		if st, ok := p.Find(key); ok {
			return st.Name
		}
		return key
	}
	return queryAll(ctx, r.s.db, `SELECT coalesce(h.from_stage, ''), h.to_stage, h.lost_reason, h.at, coalesce(u.name, '')
		FROM deal_stage_history h LEFT JOIN users u ON u.id = h.user_id WHERE h.deal_id = ? ORDER BY h.id`, []any{id},
		func(sc scanner) (model.StageMove, error) {
			var m model.StageMove
			var at string
			err := sc.Scan(&m.From, &m.To, &m.LostReason, &at, &m.By)
			m.At = parseTime(at)
			if m.From != "" {
				m.FromName = name(m.From)
			}
			m.ToName = name(m.To)
			return m, err
		})
}
