package store

import (
	"context"
	"database/sql"
	"maps"
	"reflect"
	"strconv"
	"strings"

	"rolo/model"
)

// LeadRepo stores leads and converts them.
type LeadRepo interface {
	// Create saves a new lead. A lead with the email or E.164 phone of a
	// live contact or of another open lead is a duplicate unless
	// opt.AllowDuplicate.
	Create(ctx context.Context, l model.Lead, opt WriteOptions) (model.Lead, error)
	Get(ctx context.Context, id int64) (model.Lead, error)
	FindByEmail(ctx context.Context, email string) (model.Lead, error)
	// Update saves l if l.Version is current. It cannot set the status to
	// converted (see Convert) nor change a converted lead's status.
	Update(ctx context.Context, l model.Lead, opt WriteOptions) (model.Lead, error)
	// Disqualify sets the status to disqualified with its reason.
	Disqualify(ctx context.Context, id, version int64, reason string) (model.Lead, error)
	// Convert turns the lead into an account, a contact and optionally a
	// deal, in one transaction; see ConvertOptions.
	Convert(ctx context.Context, id, version int64, opt ConvertOptions) (Conversion, error)
	Archive(ctx context.Context, id, version int64) (model.Lead, error)
	Restore(ctx context.Context, id, version int64) (model.Lead, error)
	// List pages leads by folded name; q.Status filters by lead status.
	List(ctx context.Context, q ListQuery) ([]model.Lead, error)
	Count(ctx context.Context, q ListQuery) (int, error)
	// StatusCounts is the number of live leads in each status.
	StatusCounts(ctx context.Context, ownerID int64) (map[string]int, error)
}

// ConvertOptions say what a lead becomes.
type ConvertOptions struct {
	// AccountID links an existing account instead of using the lead's
	// company. Without it, the account whose folded name is the lead's
	// company is linked, or a new one is created; a lead without a
	// company gets no account.
	AccountID int64
	// ContactID links an existing contact instead of creating one.
	ContactID int64
	// AllowDuplicate creates the contact even when one with the same
	// email or E.164 phone exists (else that is refused with a
	// DuplicateError naming it, so the user can pick it as ContactID).
	AllowDuplicate bool
	// Deal, when not nil, is created for the account and contact; its
	// title defaults to the company (or the lead's name).
	Deal *model.Deal
}

// Conversion is what a lead became.
type Conversion struct {
	Lead            model.Lead     `json:"lead"`
	Account         *model.Account `json:"account"`
	Contact         model.Contact  `json:"contact"`
	Deal            *model.Deal    `json:"deal"`
	AccountCreated  bool           `json:"account_created"`
	ContactCreated  bool           `json:"contact_created"`
	MovedActivities int            `json:"moved_activities"`
	// Similar are contacts whose names look like the lead's: a warning,
	// never a reason to refuse.
	Similar []model.Match `json:"similar"`
}

// Leads is the LeadRepo of a Store.
type Leads struct{ s *Store }

const leadSelect = `SELECT l.id, l.name, l.company, l.title, l.email, l.phone, l.phone_e164, l.source, l.status,
	l.disqualify_reason, l.tags, l.notes, l.owner_id, coalesce(u.name, ''), l.contact_id, l.account_id, l.deal_id,
	l.converted_at, l.last_activity_at, l.created_at, l.updated_at, l.archived_at, l.version
	FROM leads l LEFT JOIN users u ON u.id = l.owner_id`

func scanLead(sc scanner) (model.Lead, error) {
	var l model.Lead
	var contact, account, deal sql.NullInt64
	var tags, created, updated string
	var converted, last, archived sql.NullString
	err := sc.Scan(&l.ID, &l.Name, &l.Company, &l.Title, &l.Email, &l.Phone, &l.PhoneE164, &l.Source, &l.Status,
		&l.Reason, &tags, &l.Notes, &l.OwnerID, &l.OwnerName, &contact, &account, &deal,
		&converted, &last, &created, &updated, &archived, &l.Version)
	if err != nil {
		return l, err
	}
	l.ContactID, l.AccountID, l.DealID = idPtr(contact), idPtr(account), idPtr(deal)
	l.Tags = decodeTags(tags)
	l.ConvertedAt = parseTimePtr(converted)
	l.LastActivityAt = parseTimePtr(last)
	l.CreatedAt, l.UpdatedAt = parseTime(created), parseTime(updated)
	l.ArchivedAt = parseTimePtr(archived)
	return l, nil
}

func getLead(ctx context.Context, q querier, id int64) (model.Lead, error) {
	l, err := scanLead(queryRow(ctx, q, leadSelect+` WHERE l.id = ?`, id))
	if isNoRows(err) {
		return l, notFound("lead", "#"+strconv.FormatInt(id, 10))
	}
	return l, err
}

// Get returns the lead with this id, archived or not.
func (r *Leads) Get(ctx context.Context, id int64) (model.Lead, error) {
	return getLead(ctx, r.s.db, id)
}

// FindByEmail returns the newest live lead with this email (any case).
func (r *Leads) FindByEmail(ctx context.Context, email string) (model.Lead, error) {
	l, err := scanLead(r.s.db.QueryRowContext(ctx, leadSelect+
		` WHERE l.email_norm = ? ORDER BY l.archived_at IS NOT NULL, l.id DESC LIMIT 1`, model.NormalizeEmail(email)))
	if isNoRows(err) {
		return l, notFound("lead", email)
	}
	return l, err
}

// Create saves a new lead; see LeadRepo.
func (r *Leads) Create(ctx context.Context, l model.Lead, opt WriteOptions) (model.Lead, error) {
	var out model.Lead
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.insertLead(ctx, l, opt)
		return err
	})
	return out, err
}

func (w *wtx) prepareLead(l *model.Lead, normalized bool) error {
	if !normalized {
		if err := l.Normalize(w.s.rules); err != nil {
			return err
		}
	}
	if l.OwnerID == 0 {
		l.OwnerID = w.s.actor
	}
	if l.OwnerID == 0 {
		return model.Invalid("owner", "no owner: set user.name in the config")
	}
	return nil
}

// leadDuplicate finds a live contact, or another live lead that is not
// converted, with the lead's email or E.164 phone.
func (w *wtx) leadDuplicate(ctx context.Context, l model.Lead, checkEmail, checkPhone bool) error {
	type probe struct {
		field, col, value, shown string
		on                       bool
	}
	for _, p := range []probe{
		{"email", "email_norm", model.NormalizeEmail(l.Email), l.Email, checkEmail},
		{"phone", "phone_e164", l.PhoneE164, l.Phone, checkPhone},
	} {
		if !p.on || p.value == "" {
			continue
		}
		var id int64
		var name string
		err := w.QueryRowContext(ctx, `SELECT id, name FROM leads WHERE `+p.col+` = ? AND id <> ? AND archived_at IS NULL
			AND status <> 'converted' ORDER BY id LIMIT 1`, p.value, l.ID).Scan(&id, &name)
		if err == nil {
			return &DuplicateError{Entity: "lead", Field: p.field, Value: p.shown, ExistingID: id, ExistingName: name}
		}
		if !isNoRows(err) {
			return err
		}
		if err := w.contactDuplicate(ctx, model.Contact{Email: l.Email, Phone: l.Phone, PhoneE164: l.PhoneE164}, p.field == "email", p.field == "phone"); err != nil {
			return err
		}
	}
	return nil
}

func (w *wtx) insertLead(ctx context.Context, l model.Lead, opt WriteOptions) (model.Lead, error) {
	if err := w.prepareLead(&l, opt.normalized); err != nil {
		return l, err
	}
	if l.Status == model.LeadConverted && l.ContactID == nil && !opt.imported {
		return l, model.Invalid("status", "a lead becomes converted by converting it (rolo lead convert)")
	}
	if !opt.AllowDuplicate {
		if err := w.leadDuplicate(ctx, l, true, true); err != nil {
			return l, err
		}
	}
	if err := w.noteSearch(ctx, "leads", l.ID); err != nil {
		return l, err
	}
	now := formatTime(w.now)
	if l.ID == 0 {
		id, err := w.newID(ctx, "leads", "lead")
		if err != nil {
			return l, err
		}
		l.ID = id
	}
	res, err := w.exec(ctx, `INSERT INTO leads(id, name, sort_name, company, title, email, email_norm, phone, phone_e164,
		source, status, disqualify_reason, tags, notes, owner_id, contact_id, account_id, deal_id, converted_at, search,
		created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(l.ID), l.Name, l.SortName(), l.Company, l.Title, l.Email, model.NormalizeEmail(l.Email), l.Phone, l.PhoneE164,
		l.Source, l.Status, l.Reason, encodeJSON(l.Tags), l.Notes, l.OwnerID, l.ContactID, l.AccountID, l.DealID,
		timePtrArg(l.ConvertedAt), l.SearchText(), now, now)
	if err != nil {
		return l, err
	}
	l.ID, _ = res.LastInsertId()
	if err := w.recordCreated(ctx, "lead", l.ID, l); err != nil {
		return l, err
	}
	return getLead(ctx, w, l.ID)
}

// Update saves l when l.Version is current; see LeadRepo.
func (r *Leads) Update(ctx context.Context, l model.Lead, opt WriteOptions) (model.Lead, error) {
	var out model.Lead
	err := r.s.write(ctx, func(w *wtx) error {
		cur, err := getLead(ctx, w, l.ID)
		if err != nil {
			return err
		}
		if cur.ArchivedAt != nil {
			return &ConflictError{Entity: "lead", ID: l.ID, Reason: "it is archived; rolo undo brings it back"}
		}
		if cur.Status == model.LeadConverted && l.Status != model.LeadConverted {
			return &ConflictError{Entity: "lead", ID: l.ID, Reason: "it is converted; its status cannot change"}
		}
		if cur.Status != model.LeadConverted && l.Status == model.LeadConverted {
			return model.Invalid("status", "a lead becomes converted by converting it (c, or rolo lead convert)")
		}
		if l.Status != model.LeadDisqualified {
			l.Reason = ""
		}
		out, err = w.updateLead(ctx, l, opt)
		return err
	})
	return out, err
}

// updateLead writes l over the stored lead (the conversion links
// included), checking its version and, unless opt allows, duplicates.
func (w *wtx) updateLead(ctx context.Context, l model.Lead, opt WriteOptions) (model.Lead, error) {
	cur, err := getLead(ctx, w, l.ID)
	if err != nil {
		return cur, err
	}
	if l.Version != cur.Version {
		return cur, staleConflict("lead", l.ID)
	}
	if err := w.prepareLead(&l, opt.normalized); err != nil {
		return cur, err
	}
	if !opt.AllowDuplicate && l.Status != model.LeadConverted {
		emailChanged := model.NormalizeEmail(l.Email) != model.NormalizeEmail(cur.Email)
		if err := w.leadDuplicate(ctx, l, emailChanged, l.PhoneE164 != cur.PhoneE164); err != nil {
			return cur, err
		}
	}
	changes := diff(cur, l)
	if len(changes) == 0 {
		return cur, nil
	}
	if err := w.noteSearch(ctx, "leads", l.ID); err != nil {
		return cur, err
	}
	res, err := w.ExecContext(ctx, `UPDATE leads SET name = ?, sort_name = ?, company = ?, title = ?, email = ?, email_norm = ?,
		phone = ?, phone_e164 = ?, source = ?, status = ?, disqualify_reason = ?, tags = ?, notes = ?, owner_id = ?,
		contact_id = ?, account_id = ?, deal_id = ?, converted_at = ?, search = ?, updated_at = ?, version = version + 1
		WHERE id = ? AND version = ?`,
		l.Name, l.SortName(), l.Company, l.Title, l.Email, model.NormalizeEmail(l.Email), l.Phone, l.PhoneE164, l.Source,
		l.Status, l.Reason, encodeJSON(l.Tags), l.Notes, l.OwnerID, l.ContactID, l.AccountID, l.DealID,
		timePtrArg(l.ConvertedAt), l.SearchText(), formatTime(w.now), l.ID, l.Version)
	if err != nil {
		return cur, err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return cur, staleConflict("lead", l.ID)
	}
	if err := w.record(ctx, "lead", l.ID, "update", changes); err != nil {
		return cur, err
	}
	return getLead(ctx, w, l.ID)
}

// Disqualify marks the lead disqualified, saying why.
func (r *Leads) Disqualify(ctx context.Context, id, version int64, reason string) (model.Lead, error) {
	var out model.Lead
	err := r.s.write(ctx, func(w *wtx) error {
		l, err := getLead(ctx, w, id)
		if err != nil {
			return err
		}
		if version != 0 && l.Version != version {
			return staleConflict("lead", id)
		}
		if l.Status == model.LeadConverted {
			return &ConflictError{Entity: "lead", ID: id, Reason: "it is already converted"}
		}
		if l.ArchivedAt != nil {
			return &ConflictError{Entity: "lead", ID: id, Reason: "it is archived; rolo undo brings it back"}
		}
		if strings.TrimSpace(reason) == "" {
			return model.Invalid("reason", "say why the lead is disqualified")
		}
		l.Status, l.Reason = model.LeadDisqualified, reason
		out, err = w.updateLead(ctx, l, WriteOptions{AllowDuplicate: true})
		return err
	})
	return out, err
}

// Archive hides a lead from lists and search.
func (r *Leads) Archive(ctx context.Context, id, version int64) (model.Lead, error) {
	return setArchived(ctx, r.s, "lead", "leads", id, version, true, getLead)
}

// Restore brings an archived lead back.
func (r *Leads) Restore(ctx context.Context, id, version int64) (model.Lead, error) {
	return setArchived(ctx, r.s, "lead", "leads", id, version, false, getLead)
}

func (r *Leads) filter(ctx context.Context, q ListQuery) (listFilter, error) {
	var extra []string
	var extraArgs []any
	if q.Status != "" {
		extra, extraArgs = []string{"l.status = ?"}, []any{q.Status}
	}
	return r.s.filter(ctx, "l", "leads_fts", "sort_name", q, extra, extraArgs)
}

// List returns one page of leads; see ListQuery.
func (r *Leads) List(ctx context.Context, q ListQuery) ([]model.Lead, error) {
	f, err := r.filter(ctx, q)
	if err != nil || f.empty {
		return []model.Lead{}, err
	}
	tail, args := f.page(q.Limit)
	out, err := queryAll(ctx, r.s.db, leadSelect+f.where+tail, args, scanLead)
	if f.desc {
		reverse(out)
	}
	return out, err
}

// Count is the number of leads List would return without a limit.
func (r *Leads) Count(ctx context.Context, q ListQuery) (int, error) {
	f, err := r.filter(ctx, q)
	if err != nil {
		return 0, err
	}
	return r.s.count(ctx, "leads", "l", "leads_fts", f)
}

// StatusCounts is the number of live leads in each status.
func (r *Leads) StatusCounts(ctx context.Context, ownerID int64) (map[string]int, error) {
	q := `SELECT status, sum(n) FROM lead_totals`
	var args []any
	if ownerID != 0 {
		q += ` WHERE owner_id = ?`
		args = append(args, ownerID)
	}
	rows, err := r.s.db.QueryContext(ctx, q+` GROUP BY status HAVING sum(n) > 0`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var st string
		var n int
		if err := rows.Scan(&st, &n); err != nil {
			return nil, err
		}
		out[st] = n
	}
	return out, rows.Err()
}

// fillFromLead fills a contact's empty fields from a lead being linked to
// it; the lead's email and phone, when the contact has others, join its
// other_emails and other_phones.
func fillFromLead(c *model.Contact, l model.Lead) {
	var changed []string
	pick(&changed, "title", &c.Title, l.Title, false)
	pick(&changed, "source", &c.Source, l.Source, false)
	if c.Custom == nil {
		c.Custom = map[string]string{}
	} else {
		c.Custom = maps.Clone(c.Custom)
	}
	switch {
	case l.Email == "" || model.NormalizeEmail(l.Email) == model.NormalizeEmail(c.Email):
	case c.Email == "":
		c.Email = l.Email
	default:
		c.Custom["other_emails"] = joinOthers(c.Custom["other_emails"], l.Email)
	}
	switch {
	case l.Phone == "" || model.Digits(l.Phone) == model.Digits(c.Phone):
	case c.Phone == "":
		c.Phone = l.Phone
	default:
		c.Custom["other_phones"] = joinOthers(c.Custom["other_phones"], l.Phone)
	}
	if len(c.Custom) == 0 {
		c.Custom = map[string]string{}
	}
	c.Tags = model.CleanTags(append(append([]string{}, c.Tags...), l.Tags...))
	if l.Notes != "" && !strings.Contains(c.Notes, l.Notes) {
		c.Notes = strings.TrimSpace(c.Notes + "\n\n" + l.Notes)
	}
}

// joinOthers adds v to a comma-separated list unless it is there.
func joinOthers(list, v string) string {
	for _, item := range strings.Split(list, ",") {
		if model.Fold(strings.TrimSpace(item)) == model.Fold(v) {
			return list
		}
	}
	if list == "" {
		return v
	}
	return list + ", " + v
}

// Convert turns a lead into an account, a contact and optionally a deal,
// links existing ones when asked, moves the lead's activities to the
// contact and marks the lead converted, all in one transaction.
func (r *Leads) Convert(ctx context.Context, id, version int64, opt ConvertOptions) (Conversion, error) {
	var out Conversion
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.convertLead(ctx, id, version, opt)
		return err
	})
	return out, err
}

func (w *wtx) convertLead(ctx context.Context, id, version int64, opt ConvertOptions) (Conversion, error) {
	var out Conversion
	l, err := getLead(ctx, w, id)
	if err != nil {
		return out, err
	}
	if version != 0 && l.Version != version {
		return out, staleConflict("lead", id)
	}
	if l.ArchivedAt != nil {
		return out, &ConflictError{Entity: "lead", ID: id, Reason: "it is archived; restore it first"}
	}
	if l.Status == model.LeadConverted {
		reason := "it is already converted"
		if l.ContactID != nil {
			reason += " (to contact #" + strconv.FormatInt(*l.ContactID, 10) + ")"
		}
		return out, &ConflictError{Entity: "lead", ID: id, Reason: reason}
	}

	// The account: the one asked for, else the company's, else a new one.
	var acc *model.Account
	switch {
	case opt.AccountID != 0:
		a, err := getAccount(ctx, w, opt.AccountID)
		if err != nil {
			return out, err
		}
		if a.ArchivedAt != nil {
			return out, model.Invalid("account", "account #%d is archived", a.ID)
		}
		acc = &a
	case opt.ContactID != 0:
		// An existing contact brings its own account, if any.
	case strings.TrimSpace(l.Company) != "":
		a, err := w.accountByName(ctx, l.Company)
		switch {
		case err == nil:
		case isNotFound(err):
			a, err = w.insertAccount(ctx, model.Account{Name: l.Company, OwnerID: l.OwnerID, Tags: l.Tags}, WriteOptions{})
			if err != nil {
				return out, err
			}
			out.AccountCreated = true
		default:
			return out, err
		}
		acc = &a
	}

	// The contact: the one asked for, else a new one unless it would
	// duplicate an existing contact's email or phone.
	if opt.ContactID != 0 {
		c, err := getContact(ctx, w, opt.ContactID)
		if err != nil {
			return out, err
		}
		if c.ArchivedAt != nil {
			return out, model.Invalid("contact", "contact #%d is archived", c.ID)
		}
		// The contact takes what the lead knows that it does not: empty
		// fields are filled, another email or phone is kept beside its own.
		next := c
		if acc != nil && next.AccountID == nil {
			next.AccountID = &acc.ID
		}
		fillFromLead(&next, l)
		if !reflect.DeepEqual(next, c) {
			if c, err = w.updateContact(ctx, next, WriteOptions{AllowDuplicate: true}); err != nil {
				return out, err
			}
		}
		if acc == nil && c.AccountID != nil {
			a, err := getAccount(ctx, w, *c.AccountID)
			if err != nil {
				return out, err
			}
			acc = &a
		}
		out.Contact = c
	} else {
		first, last := model.SplitName(l.Name)
		c := model.Contact{FirstName: first, LastName: last, Email: l.Email, Phone: l.Phone, Title: l.Title,
			Tags: l.Tags, Notes: l.Notes, Source: l.Source, OwnerID: l.OwnerID}
		if c.Source == "" {
			c.Source = "lead"
		}
		if acc != nil {
			c.AccountID = &acc.ID
		}
		cid, err := w.insertContact(ctx, c, WriteOptions{AllowDuplicate: opt.AllowDuplicate})
		if err != nil {
			return out, err
		}
		if out.Contact, err = getContact(ctx, w, cid); err != nil {
			return out, err
		}
		out.ContactCreated = true
		// Names that only look alike are a warning.
		similar, err := w.s.personMatches(ctx, w, model.PersonOf(out.Contact), 0)
		if err != nil {
			return out, err
		}
		for _, m := range similar {
			if m.ID != cid {
				out.Similar = append(out.Similar, m)
			}
		}
	}
	if acc != nil {
		a, err := getAccount(ctx, w, acc.ID)
		if err != nil {
			return out, err
		}
		out.Account = &a
	}

	// The deal, if asked for.
	if opt.Deal != nil {
		d := *opt.Deal
		if strings.TrimSpace(d.Title) == "" {
			d.Title = l.Company
			if d.Title == "" {
				d.Title = l.Name
			}
		}
		if out.Account != nil {
			d.AccountID = &out.Account.ID
		}
		d.ContactID = &out.Contact.ID
		if d.OwnerID == 0 {
			d.OwnerID = l.OwnerID
		}
		nd, err := w.insertDeal(ctx, d, WriteOptions{})
		if err != nil {
			return out, err
		}
		out.Deal = &nd
	}

	// The lead's activities go with it to the contact (and account).
	acts, err := queryAll(ctx, w, activitySelect+` WHERE t.lead_id = ?`, []any{id}, scanActivity)
	if err != nil {
		return out, err
	}
	for _, a := range acts {
		changed := false
		if a.ContactID == nil {
			a.ContactID = &out.Contact.ID
			changed = true
		}
		if a.AccountID == nil && out.Account != nil {
			a.AccountID = &out.Account.ID
			changed = true
		}
		if a.DealID == nil && out.Deal != nil {
			a.DealID = &out.Deal.ID
			changed = true
		}
		if !changed {
			continue
		}
		if _, err := w.updateActivity(ctx, a); err != nil {
			return out, err
		}
		out.MovedActivities++
	}

	// The lead, converted, with links to what it became (as read at the
	// start: nothing above writes it).
	now := w.now
	l.Status, l.Reason, l.ConvertedAt = model.LeadConverted, "", &now
	l.ContactID = &out.Contact.ID
	if out.Account != nil {
		l.AccountID = &out.Account.ID
	}
	if out.Deal != nil {
		l.DealID = &out.Deal.ID
	}
	if out.Lead, err = w.updateLead(ctx, l, WriteOptions{AllowDuplicate: true}); err != nil {
		return out, err
	}
	return out, nil
}
