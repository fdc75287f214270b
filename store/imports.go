package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"rolo/model"
)

// What an import does with a row that exactly duplicates a record (same
// email or E.164 phone; for accounts the same folded name).
const (
	OnDuplicateSkip   = "skip"   // leave the record, skip the row (the default)
	OnDuplicateUpdate = "update" // overwrite the record's fields with the row's non-empty ones
	OnDuplicateMerge  = "merge"  // fill only the record's empty fields, add tags
	OnDuplicateCreate = "create" // create a second record anyway
)

// OnDuplicateModes are the modes, for help and errors.
var OnDuplicateModes = []string{OnDuplicateSkip, OnDuplicateUpdate, OnDuplicateMerge, OnDuplicateCreate}

// ImportOptions describe one import.
type ImportOptions struct {
	Kind        string // contacts, accounts, leads
	File        string // the file's name, kept with the batch
	Format      string
	OnDuplicate string // see OnDuplicateModes; "" is skip
	DryRun      bool   // do everything, then roll it back
}

// ImportItem is one row read from a file: a record of the import's kind,
// or the error that made the row unreadable.
type ImportItem struct {
	Line    int
	Owner   string // the owner's name or email: a team member, added when new
	Note    string // said of the row whatever happens to it (a value read loosely)
	Region  string // phone region of the row's country, when it names one; else the config's
	Contact *model.Contact
	Account *model.Account
	Lead    *model.Lead
	Err     error

	normErr error // from normalizing the record ahead of the writer
	normed  bool
	sorted  string // the person's name keys (model.NameKeys)
	order   string
}

// normalize checks and normalizes the item's record (no database needed),
// so it can run ahead of the writer on another core.
func (it *ImportItem) normalize(r model.Rules) {
	if it.Err != nil {
		return
	}
	if it.Region != "" {
		r.Region = it.Region // "020 7946 0018" in a row from the United Kingdom is a London number
	}
	switch {
	case it.Contact != nil:
		it.normErr = it.Contact.Normalize(r)
		it.sorted, it.order = model.NameKeys(it.Contact.FirstName, it.Contact.LastName)
	case it.Account != nil:
		it.normErr = it.Account.Normalize(r)
	case it.Lead != nil:
		if it.Lead.Status == model.LeadDisqualified && strings.TrimSpace(it.Lead.Reason) == "" {
			it.Lead.Reason = "no reason given in the file"
		}
		it.normErr = it.Lead.Normalize(r)
		it.sorted, it.order = model.NameKeys(model.SplitName(it.Lead.Name))
	}
	it.normed = true
}

// readAhead calls next and normalizes each item on its own goroutine,
// a few thousand rows ahead of the writer: reading, decoding and
// normalizing a row costs about as much as writing it. It stops when
// done is closed.
func readAhead(next func() (ImportItem, error), r model.Rules, done <-chan struct{}) <-chan readItem {
	ch := make(chan readItem, 4096)
	go func() {
		defer close(ch)
		for {
			item, err := next()
			if err == nil {
				item.normalize(r)
			}
			select {
			case ch <- readItem{item, err}:
			case <-done:
				return
			}
			if err != nil {
				return
			}
		}
	}()
	return ch
}

type readItem struct {
	item ImportItem
	err  error
}

// Row outcomes.
const (
	RowCreated = "create"
	RowUpdated = "update"
	RowSkipped = "skip"
	RowFailed  = "error"
)

// ImportRow is what happened to one row.
type ImportRow struct {
	Line    int    `json:"line"`
	Action  string `json:"action"` // create, update, skip or error
	ID      int64  `json:"id,omitempty"`
	Name    string `json:"name"`
	Reason  string `json:"reason,omitempty"`  // why skipped or failed, or what was updated
	Warning string `json:"warning,omitempty"` // a likely (not exact) duplicate
	Note    string `json:"note,omitempty"`    // something else worth knowing (a new team member)
}

// ImportResult sums up an import.
type ImportResult struct {
	Batch   int64 `json:"batch"` // 0 for a dry run or when nothing was written
	Created int   `json:"created"`
	Updated int   `json:"updated"`
	Skipped int   `json:"skipped"`
	Failed  int   `json:"failed"`
	Warned  int   `json:"warned"`
	DryRun  bool  `json:"dry_run"`
}

// ImportBatch is one past import.
type ImportBatch struct {
	ID      int64  `json:"id"`
	Kind    string `json:"kind"`
	File    string `json:"file"`
	Format  string `json:"format"`
	Group   int64  `json:"change_group"`
	Created int    `json:"created"`
	Updated int    `json:"updated"`
	Skipped int    `json:"skipped"`
	Failed  int    `json:"failed"`
	User    string `json:"user"`
	At      string `json:"at"`
	Undone  bool   `json:"undone"`
}

// Import writes the rows next yields (until io.EOF) in one transaction,
// checking each against the records already stored and the rows before
// it. A row that fails is reported and left out (its partial writes
// rolled back); the others are committed together as one import batch
// whose change group undo reverses. report, if not nil, hears every row.
// A dry run does the same work and rolls all of it back.
func (s *Store) Import(ctx context.Context, opt ImportOptions, next func() (ImportItem, error), report func(ImportRow)) (ImportResult, error) {
	res := ImportResult{DryRun: opt.DryRun}
	if opt.OnDuplicate == "" {
		opt.OnDuplicate = OnDuplicateSkip
	}
	known := false
	for _, m := range OnDuplicateModes {
		known = known || m == opt.OnDuplicate
	}
	if !known {
		return res, model.Invalid("on-duplicate", "%q is not one of %s", opt.OnDuplicate, strings.Join(OnDuplicateModes, ", "))
	}
	switch opt.Kind {
	case "contacts", "accounts", "leads":
	default:
		return res, model.Invalid("kind", "cannot import %q (contacts, accounts or leads)", opt.Kind)
	}
	if report == nil {
		report = func(ImportRow) {}
	}
	errDryRun := errors.New("dry run")
	err := s.write(ctx, func(w *wtx) error {
		im := &importer{w: w, ctx: ctx, opt: opt}
		// A bigger page cache while the import runs: its inserts land all
		// over the name, email and phone indexes of a large table.
		if _, err := w.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, importCacheKiB)); err != nil {
			return err
		}
		defer w.ExecContext(ctx, `PRAGMA cache_size = -2000`) // SQLite's default
		// The file is read and normalised while what is stored is loaded.
		done := make(chan struct{})
		defer close(done)
		items := readAhead(next, s.rules, done)
		if err := im.load(); err != nil {
			return err
		}
		if err := w.deferSearch(ctx); err != nil {
			return err
		}
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			ri := <-items
			item, err := ri.item, ri.err
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			row, err := im.row(item)
			if err != nil {
				return err
			}
			switch row.Action {
			case RowCreated:
				res.Created++
			case RowUpdated:
				res.Updated++
			case RowSkipped:
				res.Skipped++
			default:
				res.Failed++
			}
			if row.Warning != "" {
				res.Warned++
			}
			report(row)
		}
		if err := w.flushSearch(ctx); err != nil {
			return err
		}
		if opt.DryRun {
			return errDryRun
		}
		if w.group == 0 {
			return nil
		}
		var actor any
		if s.actor != 0 {
			actor = s.actor
		}
		r, err := w.ExecContext(ctx, `INSERT INTO import_batches(kind, file, format, change_group, created, updated, skipped, failed, user_id, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, opt.Kind, opt.File, opt.Format, w.group,
			res.Created, res.Updated, res.Skipped, res.Failed, actor, formatTime(w.now))
		if err != nil {
			return err
		}
		res.Batch, _ = r.LastInsertId()
		return nil
	})
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return res, err
}

// similarCap is how many names of one block (see block) a row's name is
// compared with for a similar-name warning.
const similarCap = 100

// importCacheKiB is the page cache of an import's connection.
const importCacheKiB = 16 << 10

// importer is one import's state: what is stored, indexed in memory so a
// row's duplicate check costs map lookups rather than queries.
type importer struct {
	w   *wtx
	ctx context.Context
	opt ImportOptions

	byEmail map[string]int64
	byPhone map[string]int64
	byName  map[string]int64   // accounts: folded name; people: NameKey
	names   map[int64]string   // display names, for messages
	blocks  map[string][]keyed // people: name-key prefix -> names, for similar names
	owners  map[string]int64   // folded owner names and emails -> user ids

	named map[string]namedAccount // accounts named by contact rows, by folded name
}

// owner resolves a row's owner by name or email, adding a team member
// the database does not know yet (an export from another team). Users
// are not part of the history: undoing the import leaves them.
func (im *importer) owner(name string) (int64, string, error) {
	key := model.Fold(strings.TrimSpace(name))
	if key == "" || key == "me" {
		return im.w.s.actor, "", nil
	}
	if id, ok := im.owners[key]; ok {
		return id, "", nil
	}
	var id int64
	err := im.w.QueryRowContext(im.ctx, `SELECT id FROM users WHERE name_fold = ? OR lower(email) = ? ORDER BY id LIMIT 1`,
		key, strings.ToLower(strings.TrimSpace(name))).Scan(&id)
	note := ""
	switch {
	case isNoRows(err):
		if strings.Contains(name, "@") {
			return 0, "", model.Invalid("owner", "no team member with email %q", name)
		}
		if id, err = im.w.insertUser(im.ctx, strings.TrimSpace(name), ""); err != nil {
			return 0, "", err
		}
		note = "added " + strings.TrimSpace(name) + " to the team (owner)"
	case err != nil:
		return 0, "", err
	}
	im.owners[key] = id
	return id, note, nil
}

func (im *importer) load() error {
	im.byEmail, im.byPhone, im.byName = map[string]int64{}, map[string]int64{}, map[string]int64{}
	im.names, im.blocks = map[int64]string{}, map[string][]keyed{}
	im.owners = map[string]int64{}
	var query string
	switch im.opt.Kind {
	case "contacts":
		query = `SELECT id, first_name, last_name, email_norm, phone_e164,
			coalesce(json_extract(custom, '$.other_emails'), ''), coalesce(json_extract(custom, '$.other_phones'), '')
			FROM contacts WHERE archived_at IS NULL ORDER BY id`
	case "leads":
		// Leads are checked against open leads and contacts: leads are
		// stored with negative ids here to keep the two apart.
		query = `SELECT -id, name, '', email_norm, phone_e164, '', '' FROM leads WHERE archived_at IS NULL AND status <> 'converted'
			UNION ALL SELECT id, first_name, last_name, email_norm, phone_e164,
			coalesce(json_extract(custom, '$.other_emails'), ''), coalesce(json_extract(custom, '$.other_phones'), '')
			FROM contacts WHERE archived_at IS NULL`
	case "accounts":
		query = `SELECT id, name, '', domain, phone_e164, '', '' FROM accounts WHERE archived_at IS NULL ORDER BY id`
	}
	rows, err := im.w.QueryContext(im.ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var first, last, email, phone, otherEmails, otherPhones string
		if err := rows.Scan(&id, &first, &last, &email, &phone, &otherEmails, &otherPhones); err != nil {
			return err
		}
		sorted, order := "", ""
		if im.opt.Kind != "accounts" {
			sorted, order = model.NameKeys(first, last)
		}
		im.add(id, strings.TrimSpace(first+" "+last), sorted, order, email, phone)
		if otherEmails != "" || otherPhones != "" {
			im.addOthers(id, otherEmails, otherPhones)
		}
	}
	return rows.Err()
}

// addOthers indexes a contact's other emails and phones (the ones a merge
// or a file with several kept beside the main one): a row with one of
// them is that contact too.
func (im *importer) addOthers(id int64, emails, phones string) {
	for _, e := range strings.Split(emails, ",") {
		if e = model.NormalizeEmail(e); e != "" {
			if _, ok := im.byEmail[e]; !ok {
				im.byEmail[e] = id
			}
		}
	}
	for _, p := range strings.Split(phones, ",") {
		if e164, err := model.NormalizePhone(p, im.w.s.rules.Region); err == nil && e164 != "" {
			if _, ok := im.byPhone[e164]; !ok {
				im.byPhone[e164] = id
			}
		}
	}
}

// add indexes a stored or just-written record.
func (im *importer) add(id int64, name, sorted, order, email, phone string) {
	im.names[id] = name
	if im.opt.Kind == "accounts" {
		// email holds the domain for accounts; only the name is exact.
		if k := model.Fold(strings.TrimSpace(name)); k != "" {
			if _, ok := im.byName[k]; !ok {
				im.byName[k] = id
			}
		}
		return
	}
	if email != "" {
		if _, ok := im.byEmail[email]; !ok {
			im.byEmail[email] = id
		}
	}
	if phone != "" {
		if _, ok := im.byPhone[phone]; !ok {
			im.byPhone[phone] = id
		}
	}
	if sorted != "" {
		if _, seen := im.byName[sorted]; !seen {
			im.byName[sorted] = id
		}
		b := block(order)
		if len(im.blocks[b]) < similarCap {
			im.blocks[b] = append(im.blocks[b], keyed{id, order})
		}
	}
}

// block is where a name is looked for among similar ones: the first two
// letters of its first word and the first three of its last ("ja smi"
// for James Smith). A typo there goes unnoticed; dedupe, which compares
// more widely, still finds the pair later.
func block(order string) string {
	words := strings.Fields(order)
	if len(words) == 0 {
		return ""
	}
	return prefixRunes(words[0], 2) + " " + prefixRunes(words[len(words)-1], 3)
}

func prefixRunes(w string, n int) string {
	for i := range w {
		if n == 0 {
			return w[:i]
		}
		n--
	}
	return w
}

func (im *importer) label(id int64) string {
	kind, name := strings.TrimSuffix(im.opt.Kind, "s"), im.names[id]
	switch {
	case id < 0: // a lead, when leads are imported
		id, kind = -id, "lead"
	case im.opt.Kind == "leads": // a contact the lead may already be
		kind = "contact"
	}
	return fmt.Sprintf("%s #%d %s", kind, id, name)
}

// exact is the stored record the row exactly duplicates, and why.
func (im *importer) exact(email, phone, name string) (int64, string) {
	if im.opt.Kind == "accounts" {
		if id, ok := im.byName[model.Fold(strings.TrimSpace(name))]; ok && name != "" {
			return id, "same name as " + im.label(id)
		}
		return 0, ""
	}
	if email != "" {
		if id, ok := im.byEmail[email]; ok {
			return id, "same email as " + im.label(id)
		}
	}
	if phone != "" {
		if id, ok := im.byPhone[phone]; ok {
			return id, "same phone as " + im.label(id)
		}
	}
	return 0, ""
}

// similar names a stored person whose name is the same or alike (a
// warning only).
func (im *importer) similar(k, ok string) string {
	if id, found := im.byName[k]; found && k != "" {
		return "same name as " + im.label(id)
	}
	if ok == "" {
		return ""
	}
	for _, k := range im.blocks[block(ok)] {
		if s := model.Similarity(ok, k.order); s >= model.SimilarEnough {
			return fmt.Sprintf("similar name (%d%%) to %s", int(s*100+0.5), im.label(k.id))
		}
	}
	return ""
}

// row writes one row. Every check that can refuse a row runs before the
// row writes anything, so a refused row leaves nothing behind; an error
// after that (the database failing) ends the whole import, which then
// writes nothing at all. (A savepoint per row would do the same at ten
// times the cost: each makes the search index flush to disk.)
func (im *importer) row(item ImportItem) (ImportRow, error) {
	row := ImportRow{Line: item.Line}
	if item.Err != nil {
		row.Action, row.Reason = RowFailed, item.Err.Error()
		return row, nil
	}
	err := im.write(item, &row)
	if item.Note != "" && err == nil {
		row.Note = strings.TrimPrefix(row.Note+"; "+item.Note, "; ")
	}
	var ve model.ValidationErrors
	var one *model.ValidationError
	if errors.As(err, &ve) || errors.As(err, &one) {
		row.Action, row.Reason, row.Warning, row.Note = RowFailed, rowReason(err), "", ""
		return row, nil
	}
	if err != nil {
		return row, fmt.Errorf("line %d: %w", item.Line, err)
	}
	return row, nil
}

// rowReason is err as a row's reason: a validation error names its field.
func rowReason(err error) string {
	var ve model.ValidationErrors
	if errors.As(err, &ve) && len(ve) > 0 {
		parts := make([]string, len(ve))
		for i, e := range ve {
			parts[i] = e.Field + ": " + e.Message
		}
		return strings.Join(parts, "; ")
	}
	return err.Error()
}

func (im *importer) write(item ImportItem, row *ImportRow) error {
	var owner int64
	if im.w.s.actor == 0 && strings.TrimSpace(item.Owner) == "" {
		return model.Invalid("owner", "no owner: set user.name in the config")
	}
	if strings.TrimSpace(item.Owner) != "" {
		id, note, err := im.owner(item.Owner)
		if err != nil {
			return err
		}
		owner = id
		row.Note = note
	}
	switch {
	case item.Contact != nil && owner != 0:
		item.Contact.OwnerID = owner
	case item.Account != nil && owner != 0:
		item.Account.OwnerID = owner
	case item.Lead != nil && owner != 0:
		item.Lead.OwnerID = owner
	}
	switch {
	case item.Contact != nil:
		if !item.normed {
			item.normalize(im.w.s.rules)
		}
		return im.contact(*item.Contact, item, row)
	case item.Account != nil:
		return im.account(*item.Account, item.normed, item.normErr, row)
	case item.Lead != nil:
		if !item.normed {
			item.normalize(im.w.s.rules)
		}
		return im.lead(*item.Lead, item, row)
	}
	return fmt.Errorf("empty row")
}

func (im *importer) contact(c model.Contact, item ImportItem, row *ImportRow) error {
	row.Name = c.Name()
	if item.normErr != nil {
		return item.normErr
	}
	email := model.NormalizeEmail(c.Email)
	id, why := im.exact(email, c.PhoneE164, "")
	if id != 0 && im.opt.OnDuplicate != OnDuplicateCreate {
		return im.onDuplicate(row, id, why, func() (string, error) {
			cur, err := getContact(im.ctx, im.w, id)
			if err != nil {
				return "", err
			}
			next := cur
			fields := mergeContact(&next, c, im.opt.OnDuplicate == OnDuplicateUpdate)
			if len(fields) == 0 {
				return "", nil
			}
			// normalized: the row's phone was read with its own country's
			// region, which normalizing again would replace by the config's
			_, err = im.w.updateContact(im.ctx, next, WriteOptions{AllowDuplicate: true, normalized: true})
			return strings.Join(fields, ", "), err
		})
	}
	if row.Warning = im.similar(item.sorted, item.order); id != 0 {
		row.Warning = why + " (created anyway: --on-duplicate create)"
	}
	if c.AccountID == nil && strings.TrimSpace(c.AccountName) != "" {
		id, name, err := im.accountNamed(c.AccountName, c.OwnerID)
		if err != nil {
			return err
		}
		c.AccountID, c.AccountName = &id, name
	}
	id, err := im.w.insertContact(im.ctx, c, WriteOptions{AllowDuplicate: true, normalized: true})
	if err != nil {
		return err
	}
	row.Action, row.ID = RowCreated, id
	im.add(id, c.Name(), item.sorted, item.order, email, c.PhoneE164)
	if c.Custom["other_emails"] != "" || c.Custom["other_phones"] != "" {
		im.addOthers(id, c.Custom["other_emails"], c.Custom["other_phones"])
	}
	return nil
}

func (im *importer) account(a model.Account, normed bool, normErr error, row *ImportRow) error {
	row.Name = a.Name
	if !normed {
		normErr = a.Normalize(im.w.s.rules)
	}
	if normErr != nil {
		return normErr
	}
	if id, why := im.exact("", "", a.Name); id != 0 && im.opt.OnDuplicate != OnDuplicateCreate {
		return im.onDuplicate(row, id, why, func() (string, error) {
			cur, err := getAccount(im.ctx, im.w, id)
			if err != nil {
				return "", err
			}
			next := cur
			fields := mergeAccount(&next, a, im.opt.OnDuplicate == OnDuplicateUpdate)
			if len(fields) == 0 {
				return "", nil
			}
			_, err = im.w.updateAccount(im.ctx, next, WriteOptions{AllowDuplicate: true, normalized: true})
			return strings.Join(fields, ", "), err
		})
	}
	if ms, err := im.w.s.orgMatches(im.ctx, im.w, model.OrgOf(a), model.MinScore); err == nil && len(ms) > 0 {
		row.Warning = "likely the same as account #" + strconv.FormatInt(ms[0].ID, 10) + " " + ms[0].Name + " (" + strings.Join(ms[0].Reasons, ", ") + ")"
	}
	out, err := im.w.insertAccount(im.ctx, a, WriteOptions{AllowDuplicate: true, normalized: true})
	if err != nil {
		return err
	}
	row.Action, row.ID = RowCreated, out.ID
	im.add(out.ID, out.Name, "", "", out.Domain, out.PhoneE164)
	return nil
}

func (im *importer) lead(l model.Lead, item ImportItem, row *ImportRow) error {
	row.Name = l.Name
	if item.normErr != nil {
		return item.normErr
	}
	if err := im.w.prepareLead(&l, true); err != nil {
		return err
	}
	email := model.NormalizeEmail(l.Email)
	id, why := im.exact(email, l.PhoneE164, "")
	if id != 0 && im.opt.OnDuplicate != OnDuplicateCreate {
		if id > 0 {
			// The person is already a contact: a lead would duplicate it.
			row.Action, row.ID, row.Reason = RowSkipped, id, why+" (already a contact)"
			return nil
		}
		return im.onDuplicate(row, -id, why, func() (string, error) {
			cur, err := getLead(im.ctx, im.w, -id)
			if err != nil {
				return "", err
			}
			next := cur
			fields := mergeLead(&next, l, im.opt.OnDuplicate == OnDuplicateUpdate)
			if len(fields) == 0 {
				return "", nil
			}
			_, err = im.w.updateLead(im.ctx, next, WriteOptions{AllowDuplicate: true, normalized: true})
			return strings.Join(fields, ", "), err
		})
	}
	if row.Warning = im.similar(item.sorted, item.order); id != 0 {
		row.Warning = why + " (created anyway: --on-duplicate create)"
	}
	out, err := im.w.insertLead(im.ctx, l, WriteOptions{AllowDuplicate: true, imported: true, normalized: true})
	if err != nil {
		return err
	}
	row.Action, row.ID = RowCreated, out.ID
	im.add(-out.ID, out.Name, item.sorted, item.order, email, out.PhoneE164)
	return nil
}

// keyed is a person's id and the order key of their name.
type keyed struct {
	id    int64
	order string
}

type namedAccount struct {
	id   int64
	name string
}

// accountNamed is the live account a contact row names, by folded name,
// created when there is none; the import remembers each.
func (im *importer) accountNamed(name string, owner int64) (int64, string, error) {
	key := model.Fold(strings.TrimSpace(model.Printable(name)))
	if a, ok := im.named[key]; ok {
		return a.id, a.name, nil
	}
	var a namedAccount
	var err error
	a.id, a.name, err = accountIDByName(im.ctx, im.w, name)
	if isNotFound(err) {
		created, cerr := im.w.insertAccount(im.ctx, model.Account{Name: name, OwnerID: owner}, WriteOptions{AllowDuplicate: true})
		if cerr != nil {
			return 0, "", cerr
		}
		a.id, a.name, err = created.ID, created.Name, nil
	}
	if err != nil {
		return 0, "", err
	}
	if im.named == nil {
		im.named = map[string]namedAccount{}
	}
	im.named[key] = a
	return a.id, a.name, nil
}

// onDuplicate applies the import's duplicate mode to a row that exactly
// duplicates record id: skip it, or update the record through apply.
func (im *importer) onDuplicate(row *ImportRow, id int64, why string, apply func() (string, error)) error {
	row.ID = id
	if im.opt.OnDuplicate == OnDuplicateSkip {
		row.Action, row.Reason = RowSkipped, why
		return nil
	}
	fields, err := apply()
	if err != nil {
		return err
	}
	if fields == "" {
		row.Action, row.Reason = RowSkipped, why+"; nothing new"
		return nil
	}
	row.Action, row.Reason = RowUpdated, why+"; "+fields
	return nil
}

// pick sets *dst to v when v is not empty and either overwrite is true or
// *dst is empty, and names field in changed when it changed.
func pick(changed *[]string, field string, dst *string, v string, overwrite bool) bool {
	if v == "" || *dst == v || (!overwrite && *dst != "") {
		return false
	}
	*dst = v
	*changed = append(*changed, field)
	return true
}

func addTags(changed *[]string, dst *[]string, tags []string) {
	seen := map[string]bool{}
	for _, t := range *dst {
		seen[t] = true
	}
	added := false
	for _, t := range tags {
		if !seen[t] {
			*dst = append(*dst, t)
			seen[t] = true
			added = true
		}
	}
	if added {
		*changed = append(*changed, "tags")
	}
}

func addCustom(changed *[]string, dst *map[string]string, src map[string]string, overwrite bool) {
	for k, v := range src {
		if *dst == nil {
			*dst = map[string]string{}
		}
		cur := (*dst)[k]
		pick(changed, "custom."+k, &cur, v, overwrite)
		(*dst)[k] = cur
	}
}

func appendNotes(changed *[]string, dst *string, v string, overwrite bool) {
	switch {
	case v == "" || strings.Contains(*dst, v):
	case *dst == "" || overwrite:
		*dst = v
		*changed = append(*changed, "notes")
	default:
		*dst += "\n\n" + v
		*changed = append(*changed, "notes")
	}
}

func mergeContact(cur *model.Contact, c model.Contact, overwrite bool) []string {
	var ch []string
	pick(&ch, "first_name", &cur.FirstName, c.FirstName, overwrite)
	pick(&ch, "last_name", &cur.LastName, c.LastName, overwrite)
	pick(&ch, "email", &cur.Email, c.Email, overwrite)
	if pick(&ch, "phone", &cur.Phone, c.Phone, overwrite) {
		cur.PhoneE164 = c.PhoneE164
	}
	pick(&ch, "title", &cur.Title, c.Title, overwrite)
	pick(&ch, "source", &cur.Source, c.Source, overwrite)
	if c.AccountName != "" && (cur.AccountID == nil || overwrite) && model.Fold(c.AccountName) != model.Fold(cur.AccountName) {
		cur.AccountID, cur.AccountName = nil, c.AccountName
		ch = append(ch, "account")
	}
	appendNotes(&ch, &cur.Notes, c.Notes, overwrite)
	addTags(&ch, &cur.Tags, c.Tags)
	addCustom(&ch, &cur.Custom, c.Custom, overwrite)
	return ch
}

func mergeAccount(cur *model.Account, a model.Account, overwrite bool) []string {
	var ch []string
	pick(&ch, "domain", &cur.Domain, a.Domain, overwrite)
	pick(&ch, "industry", &cur.Industry, a.Industry, overwrite)
	if pick(&ch, "phone", &cur.Phone, a.Phone, overwrite) {
		cur.PhoneE164 = a.PhoneE164
	}
	pick(&ch, "website", &cur.Website, a.Website, overwrite)
	pick(&ch, "address", &cur.Address, a.Address, overwrite)
	pick(&ch, "external_id", &cur.ExternalID, a.ExternalID, overwrite)
	appendNotes(&ch, &cur.Notes, a.Notes, overwrite)
	addTags(&ch, &cur.Tags, a.Tags)
	addCustom(&ch, &cur.Custom, a.Custom, overwrite)
	return ch
}

func mergeLead(cur *model.Lead, l model.Lead, overwrite bool) []string {
	var ch []string
	pick(&ch, "name", &cur.Name, l.Name, overwrite)
	pick(&ch, "company", &cur.Company, l.Company, overwrite)
	pick(&ch, "title", &cur.Title, l.Title, overwrite)
	pick(&ch, "email", &cur.Email, l.Email, overwrite)
	if pick(&ch, "phone", &cur.Phone, l.Phone, overwrite) {
		cur.PhoneE164 = l.PhoneE164
	}
	pick(&ch, "source", &cur.Source, l.Source, overwrite)
	if l.Status != "" && l.Status != model.LeadNew && cur.Status != model.LeadConverted {
		pick(&ch, "status", &cur.Status, l.Status, overwrite)
	}
	// the reason goes with the status: set for a disqualified lead, gone
	// from one that is not (any more)
	if cur.Status == model.LeadDisqualified {
		pick(&ch, "disqualify_reason", &cur.Reason, l.Reason, overwrite || cur.Reason == "")
		if cur.Reason == "" {
			cur.Reason = model.LeadDisqualified
			ch = append(ch, "disqualify_reason")
		}
	} else if cur.Reason != "" {
		cur.Reason = ""
		ch = append(ch, "disqualify_reason")
	}
	appendNotes(&ch, &cur.Notes, l.Notes, overwrite)
	addTags(&ch, &cur.Tags, l.Tags)
	return ch
}

const batchSelect = `SELECT b.id, b.kind, b.file, b.format, coalesce(b.change_group, 0), b.created, b.updated, b.skipped,
	b.failed, coalesce(u.name, ''), b.at, EXISTS (SELECT 1 FROM history h WHERE h.undoes = b.change_group)
	FROM import_batches b LEFT JOIN users u ON u.id = b.user_id`

func scanBatch(sc scanner) (ImportBatch, error) {
	var b ImportBatch
	err := sc.Scan(&b.ID, &b.Kind, &b.File, &b.Format, &b.Group, &b.Created, &b.Updated, &b.Skipped, &b.Failed,
		&b.User, &b.At, &b.Undone)
	return b, err
}

// ImportBatches lists past imports, newest first.
func (s *Store) ImportBatches(ctx context.Context) ([]ImportBatch, error) {
	return queryAll(ctx, s.db, batchSelect+` ORDER BY b.id DESC`, nil, scanBatch)
}

// ImportBatch returns one past import.
func (s *Store) ImportBatch(ctx context.Context, id int64) (ImportBatch, error) {
	b, err := scanBatch(s.db.QueryRowContext(ctx, batchSelect+` WHERE b.id = ?`, id))
	if isNoRows(err) {
		return b, notFound("import batch", "#"+strconv.FormatInt(id, 10))
	}
	return b, err
}
