package store

import (
	"context"
	"strings"
	"unicode/utf8"

	"rolo/model"
)

// DupeRepo finds likely duplicates and merges them.
type DupeRepo interface {
	// ForContact lists live contacts that look like c (not c itself),
	// best first: the warning a form shows before saving.
	ForContact(ctx context.Context, c model.Contact) ([]model.Match, error)
	// ForAccount lists live accounts that look like a.
	ForAccount(ctx context.Context, a model.Account) ([]model.Match, error)
	// ForLead lists the contacts and accounts a lead may already be.
	ForLead(ctx context.Context, l model.Lead) (contacts, accounts []model.Match, err error)
	// LeadsLike lists open leads (not converted, not l itself) that look
	// like l: the same person entered twice as a lead.
	LeadsLike(ctx context.Context, l model.Lead) ([]model.Match, error)
	// ContactPairs and AccountPairs list every likely duplicate pair of
	// live records scoring at least minScore, best first.
	ContactPairs(ctx context.Context, minScore int) ([]model.Pair, error)
	AccountPairs(ctx context.Context, minScore int) ([]model.Pair, error)
	// MergeContacts saves keep (the survivor, with the fields the user
	// picked) and moves everything linked to contact drop onto it:
	// activities, deals, leads. drop is archived with merged_into set.
	// One transaction, one change group: undo reverses all of it.
	MergeContacts(ctx context.Context, keep model.Contact, drop, dropVersion int64) (model.Contact, error)
	// MergeAccounts does the same for accounts: contacts, deals,
	// activities and leads move to the survivor.
	MergeAccounts(ctx context.Context, keep model.Account, drop, dropVersion int64) (model.Account, error)
}

// Dupes is the DupeRepo of a Store.
type Dupes struct{ s *Store }

// maxMatches is how many likely duplicates a check reports.
const maxMatches = 5

// nameCandidates is how many rows found by name a check scores.
const nameCandidates = 300

// namePrefixes is an FTS query finding records with a word starting like
// each word of name: its first three letters, in either German spelling
// ("mül" or "mue" for Müller and Mueller).
func namePrefixes(name string) string {
	var terms []string
	for _, w := range strings.Fields(model.FoldQuery(name)) {
		w = strings.Map(func(r rune) rune {
			if r == '"' || r == '*' || r == '-' || r == '.' || r == ',' || r == '(' || r == ')' {
				return -1
			}
			return r
		}, w)
		if utf8.RuneCountInString(w) < 2 {
			continue
		}
		alts := map[string]bool{prefixRunes(w, 3): true}
		if g := germanSpelled(w); g != w {
			alts[prefixRunes(g, 3)] = true
		}
		if g := model.NameKey(w); g != "" {
			alts[prefixRunes(g, 3)] = true
		}
		var or []string
		for a := range alts {
			or = append(or, `"`+a+`"*`)
		}
		if len(or) == 1 {
			terms = append(terms, or[0])
		} else {
			terms = append(terms, "("+strings.Join(or, " OR ")+")")
		}
		if len(terms) == 3 {
			break
		}
	}
	return strings.Join(terms, " AND ")
}

// germanSpelled writes a folded u, o or a that may have been ü, ö or ä as
// ue, oe or ae, so "muller" also looks for "mueller".
func germanSpelled(w string) string {
	r := strings.NewReplacer("u", "ue", "o", "oe", "a", "ae")
	if len(w) < 2 {
		return w
	}
	// only the second letter, the usual place ("Müller", "Schäfer" are
	// caught by the first three letters anyway)
	return w[:1] + r.Replace(w[1:2]) + w[2:]
}

const personCols = `c.id, c.first_name, c.last_name, c.email, c.phone_e164, coalesce(c.account_id, 0), coalesce(a.name, '')`

func scanPerson(sc scanner) (model.Person, error) {
	var p model.Person
	err := sc.Scan(&p.ID, &p.First, &p.Last, &p.Email, &p.PhoneE164, &p.AccountID, &p.Company)
	return p, err
}

// personMatches scores the live contacts that share p's email or phone or
// a name's word prefixes, and returns those that match at all (minScore
// 0) or score at least minScore, best first.
func (s *Store) personMatches(ctx context.Context, q querier, p model.Person, minScore int) ([]model.Match, error) {
	from := ` FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.archived_at IS NULL AND c.id <> ?`
	var cands []model.Person
	add := func(query string, args ...any) error {
		list, err := queryAll(ctx, q, `SELECT `+personCols+from+query, append([]any{p.ID}, args...), scanPerson)
		cands = append(cands, list...)
		return err
	}
	if e := model.NormalizeEmail(p.Email); e != "" {
		if err := add(` AND c.email_norm = ? LIMIT 20`, e); err != nil {
			return nil, err
		}
	}
	if p.PhoneE164 != "" {
		if err := add(` AND c.phone_e164 = ? LIMIT 20`, p.PhoneE164); err != nil {
			return nil, err
		}
	}
	if m := namePrefixes(p.First + " " + p.Last); m != "" {
		if err := add(` AND c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? LIMIT ?)`, m, nameCandidates); err != nil {
			return nil, err
		}
	}
	return bestMatches(cands, func(c model.Person) (model.Match, bool) { return model.ComparePeople(p, c) }, minScore), nil
}

// bestMatches scores candidates (which may repeat), best first.
func bestMatches[T any](cands []T, compare func(T) (model.Match, bool), minScore int) []model.Match {
	seen := map[int64]bool{}
	var out []model.Match
	for _, c := range cands {
		m, ok := compare(c)
		if !ok || seen[m.ID] || m.Score < minScore {
			continue
		}
		seen[m.ID] = true
		out = append(out, m)
	}
	model.SortMatches(out)
	if len(out) > maxMatches {
		out = out[:maxMatches]
	}
	return out
}

const orgCols = `a.id, a.name, a.domain, a.website, a.phone_e164`

func scanOrg(sc scanner) (model.Org, error) {
	var o model.Org
	err := sc.Scan(&o.ID, &o.Name, &o.Domain, &o.Website, &o.PhoneE164)
	return o, err
}

func (s *Store) orgMatches(ctx context.Context, q querier, o model.Org, minScore int) ([]model.Match, error) {
	from := ` FROM accounts a WHERE a.archived_at IS NULL AND a.id <> ?`
	var cands []model.Org
	add := func(query string, args ...any) error {
		list, err := queryAll(ctx, q, `SELECT `+orgCols+from+query, append([]any{o.ID}, args...), scanOrg)
		cands = append(cands, list...)
		return err
	}
	domain := o.Domain
	if domain == "" {
		domain = model.WebsiteDomain(o.Website)
	}
	if domain != "" {
		if err := add(` AND a.domain = ? LIMIT 20`, domain); err != nil {
			return nil, err
		}
	}
	if o.PhoneE164 != "" {
		if err := add(` AND a.phone_e164 = ? LIMIT 20`, o.PhoneE164); err != nil {
			return nil, err
		}
	}
	if m := namePrefixes(model.CompanyKey(o.Name)); m != "" {
		if err := add(` AND a.id IN (SELECT rowid FROM accounts_fts WHERE accounts_fts MATCH ? LIMIT ?)`, m, nameCandidates); err != nil {
			return nil, err
		}
	}
	return bestMatches(cands, func(c model.Org) (model.Match, bool) { return model.CompareOrgs(o, c) }, minScore), nil
}

// ForContact lists live contacts that look like c.
func (r *Dupes) ForContact(ctx context.Context, c model.Contact) ([]model.Match, error) {
	if err := c.Normalize(r.s.rules); err != nil {
		// Check what can be checked: a half-typed phone is not an error
		// here, the save will say.
		c.PhoneE164 = ""
	}
	p := model.PersonOf(c)
	if c.AccountID == nil && c.AccountName != "" {
		if a, err := accountByName(ctx, r.s.db, c.AccountName); err == nil {
			p.AccountID = a.ID
		}
	}
	return r.s.personMatches(ctx, r.s.db, p, 0)
}

// ForAccount lists live accounts that look like a.
func (r *Dupes) ForAccount(ctx context.Context, a model.Account) ([]model.Match, error) {
	if err := a.Normalize(r.s.rules); err != nil {
		a.PhoneE164 = ""
		a.Domain = ""
	}
	return r.s.orgMatches(ctx, r.s.db, model.OrgOf(a), 0)
}

// ForLead lists the contacts and accounts a lead may already be.
func (r *Dupes) ForLead(ctx context.Context, l model.Lead) ([]model.Match, []model.Match, error) {
	if err := l.Normalize(r.s.rules); err != nil {
		l.PhoneE164 = ""
	}
	p := model.PersonOfLead(l)
	p.ID = 0
	contacts, err := r.s.personMatches(ctx, r.s.db, p, 0)
	if err != nil || strings.TrimSpace(l.Company) == "" {
		return contacts, nil, err
	}
	accounts, err := r.s.orgMatches(ctx, r.s.db, model.Org{Name: l.Company, Domain: model.EmailDomain(l.Email)}, 0)
	return contacts, accounts, err
}

// LeadsLike lists open leads that look like l.
func (r *Dupes) LeadsLike(ctx context.Context, l model.Lead) ([]model.Match, error) {
	if err := l.Normalize(r.s.rules); err != nil {
		l.PhoneE164 = ""
	}
	p := model.PersonOfLead(l)
	from := `SELECT id, name, email, phone_e164, company FROM leads WHERE archived_at IS NULL AND status <> 'converted' AND id <> ?`
	var cands []model.Person
	add := func(query string, args ...any) error {
		list, err := queryAll(ctx, r.s.db, from+query, append([]any{l.ID}, args...), func(sc scanner) (model.Person, error) {
			var c model.Person
			var name string
			err := sc.Scan(&c.ID, &name, &c.Email, &c.PhoneE164, &c.Company)
			c.First, c.Last = model.SplitName(name)
			return c, err
		})
		cands = append(cands, list...)
		return err
	}
	if e := model.NormalizeEmail(l.Email); e != "" {
		if err := add(` AND email_norm = ? LIMIT 20`, e); err != nil {
			return nil, err
		}
	}
	if l.PhoneE164 != "" {
		if err := add(` AND phone_e164 = ? LIMIT 20`, l.PhoneE164); err != nil {
			return nil, err
		}
	}
	if m := namePrefixes(l.Name); m != "" {
		if err := add(` AND id IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ? LIMIT ?)`, m, nameCandidates); err != nil {
			return nil, err
		}
	}
	return bestMatches(cands, func(c model.Person) (model.Match, bool) { return model.ComparePeople(p, c) }, 0), nil
}

// ContactPairs lists likely duplicate contacts; see model.PeoplePairs.
func (r *Dupes) ContactPairs(ctx context.Context, minScore int) ([]model.Pair, error) {
	ps, err := queryAll(ctx, r.s.db, `SELECT `+personCols+` FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
		WHERE c.archived_at IS NULL`, nil, scanPerson)
	if err != nil {
		return nil, err
	}
	return model.PeoplePairs(ps, minScore), nil
}

// AccountPairs lists likely duplicate accounts; see model.OrgPairs.
func (r *Dupes) AccountPairs(ctx context.Context, minScore int) ([]model.Pair, error) {
	os, err := queryAll(ctx, r.s.db, `SELECT `+orgCols+` FROM accounts a WHERE a.archived_at IS NULL`, nil, scanOrg)
	if err != nil {
		return nil, err
	}
	return model.OrgPairs(os, minScore), nil
}

// mergeCheck refuses merging a record into itself or a stale one.
func mergeCheck(entity string, keepID, dropID, dropVersion, version int64) error {
	if keepID == dropID {
		return model.Invalid("merge", "cannot merge %s #%d into itself", entity, keepID)
	}
	if dropVersion != 0 && dropVersion != version {
		return staleConflict(entity, dropID)
	}
	return nil
}

// MergeContacts merges contact drop into keep; see DupeRepo.
func (r *Dupes) MergeContacts(ctx context.Context, keep model.Contact, drop, dropVersion int64) (model.Contact, error) {
	var out model.Contact
	err := r.s.write(ctx, func(w *wtx) error {
		d, err := getContact(ctx, w, drop)
		if err != nil {
			return err
		}
		if err := mergeCheck("contact", keep.ID, drop, dropVersion, d.Version); err != nil {
			return err
		}
		if d.ArchivedAt != nil {
			return &ConflictError{Entity: "contact", ID: drop, Reason: "it is archived"}
		}
		if k, err := getContact(ctx, w, keep.ID); err != nil {
			return err
		} else if k.ArchivedAt != nil {
			return &ConflictError{Entity: "contact", ID: keep.ID, Reason: "it is archived; merge into a live contact"}
		}
		// The dropped contact is archived naming the survivor, which then
		// takes the fields picked for it (perhaps the dropped one's email).
		d.MergedInto = &keep.ID
		if d, err = w.updateContact(ctx, d, WriteOptions{AllowDuplicate: true}); err != nil {
			return err
		}
		if err := w.setArchivedRow(ctx, "contact", "contacts", drop, 0, true); err != nil {
			return err
		}
		if out, err = w.updateContact(ctx, keep, WriteOptions{AllowDuplicate: true}); err != nil {
			return err
		}
		if err := w.moveLinks(ctx, "contact_id", drop, keep.ID); err != nil {
			return err
		}
		return nil
	})
	return out, err
}

// MergeAccounts merges account drop into keep; see DupeRepo.
func (r *Dupes) MergeAccounts(ctx context.Context, keep model.Account, drop, dropVersion int64) (model.Account, error) {
	var out model.Account
	err := r.s.write(ctx, func(w *wtx) error {
		d, err := getAccount(ctx, w, drop)
		if err != nil {
			return err
		}
		if err := mergeCheck("account", keep.ID, drop, dropVersion, d.Version); err != nil {
			return err
		}
		if d.ArchivedAt != nil {
			return &ConflictError{Entity: "account", ID: drop, Reason: "it is archived"}
		}
		if k, err := getAccount(ctx, w, keep.ID); err != nil {
			return err
		} else if k.ArchivedAt != nil {
			return &ConflictError{Entity: "account", ID: keep.ID, Reason: "it is archived; merge into a live account"}
		}
		d.MergedInto = &keep.ID
		if _, err = w.updateAccount(ctx, d, WriteOptions{AllowDuplicate: true}); err != nil {
			return err
		}
		if err := w.setArchivedRow(ctx, "account", "accounts", drop, 0, true); err != nil {
			return err
		}
		if out, err = w.updateAccount(ctx, keep, WriteOptions{AllowDuplicate: true}); err != nil {
			return err
		}
		// Contacts of the dropped account join the survivor.
		cs, err := queryAll(ctx, w, contactSelect+` WHERE c.account_id = ?`, []any{drop}, scanContact)
		if err != nil {
			return err
		}
		for _, c := range cs {
			c.AccountID, c.AccountName = &keep.ID, ""
			if _, err := w.updateContact(ctx, c, WriteOptions{AllowDuplicate: true}); err != nil {
				return err
			}
		}
		if err := w.moveLinks(ctx, "account_id", drop, keep.ID); err != nil {
			return err
		}
		out, err = getAccount(ctx, w, keep.ID)
		return err
	})
	return out, err
}

// moveLinks points every deal, activity and lead linked to a merged
// record (col is contact_id or account_id) at the survivor, each change
// recorded so the merge can be undone.
func (w *wtx) moveLinks(ctx context.Context, col string, from, to int64) error {
	ids := func(table string) ([]int64, error) {
		return queryAll(ctx, w, `SELECT id FROM `+table+` WHERE `+col+` = ?`, []any{from}, func(sc scanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		})
	}
	deals, err := ids("deals")
	if err != nil {
		return err
	}
	for _, id := range deals {
		d, err := w.s.getDeal(ctx, w, id)
		if err != nil {
			return err
		}
		setLink(col, &d.ContactID, &d.AccountID, to)
		if _, err := w.updateDeal(ctx, d, WriteOptions{AllowDuplicate: true}); err != nil {
			return err
		}
	}
	acts, err := ids("activities")
	if err != nil {
		return err
	}
	for _, id := range acts {
		a, err := getActivity(ctx, w, id)
		if err != nil {
			return err
		}
		setLink(col, &a.ContactID, &a.AccountID, to)
		if _, err := w.updateActivity(ctx, a); err != nil {
			return err
		}
	}
	leads, err := ids("leads")
	if err != nil {
		return err
	}
	for _, id := range leads {
		l, err := getLead(ctx, w, id)
		if err != nil {
			return err
		}
		setLink(col, &l.ContactID, &l.AccountID, to)
		if _, err := w.updateLead(ctx, l, WriteOptions{AllowDuplicate: true}); err != nil {
			return err
		}
	}
	return nil
}

func setLink(col string, contact, account **int64, to int64) {
	v := to
	if col == "contact_id" {
		*contact = &v
	} else {
		*account = &v
	}
}
