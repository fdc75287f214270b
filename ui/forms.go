package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// formView edits a new or existing contact, account, lead, deal or
// activity with a huh form.
// huh forms are used once, so every (re)open builds a new one bound to the
// same values; a refused save (invalid, stale, duplicate) reopens it with
// what was typed and the reason on top.
type formView struct {
	sh      *shared
	kind    string
	contact model.Contact // the record being edited (ID 0: new)
	account model.Account
	deal    model.Deal
	lead    model.Lead
	act     model.Activity // a new activity or task: its links
	about   string         // the record it is about, for the title
	vals    map[string]*string
	form    *huh.Form
	problem string                // why the last save was refused
	dup     *store.DuplicateError // a duplicate the user may save anyway
	saving  bool
	width   int
	height  int
	// the likely duplicates of what is typed; see dupes.go
	warn      []dupLine
	dupKey    string
	dupLatest atomic.Int64
}

type (
	formSubmitMsg struct{}
	formCancelMsg struct{}
	// closeFormMsg asks the root to close the form.
	closeFormMsg  struct{}
	formResultMsg struct {
		contact model.Contact
		account model.Account
		deal    model.Deal
		lead    model.Lead
		act     model.Activity
		err     error
	}
)

// field is one input of a form; options make it a choice.
type field struct {
	key, title, hint string
	check            func(string) error
	multiline        bool
	options          []huh.Option[string]
}

func newDealForm(sh *shared, d model.Deal) *formView {
	f := &formView{sh: sh, kind: "deal", deal: d}
	contact := ""
	if d.ContactID != nil {
		contact = fmt.Sprintf("#%d %s", *d.ContactID, d.ContactName)
	}
	amount, prob := "", ""
	if d.Amount != 0 || d.ID != 0 {
		amount = model.FormatAmount(d.Amount, d.Currency)
	}
	if d.Probability != nil {
		prob = fmt.Sprint(*d.Probability)
	}
	if d.Currency == "" {
		d.Currency = sh.deps.Config.Currency.Base
	}
	f.vals = map[string]*string{
		"title": ptr(d.Title), "account": ptr(d.AccountName), "contact": ptr(contact), "amount": ptr(amount),
		"currency": ptr(d.Currency), "stage": ptr(d.Stage), "probability": ptr(prob), "close_date": ptr(d.CloseDate),
		"notes": ptr(d.Notes),
	}
	f.build()
	return f
}

// newActivityForm logs a call, email, meeting or note (kind "activity")
// or adds a task (kind "task") on the record act links to.
func newActivityForm(sh *shared, kind string, act model.Activity, about string) *formView {
	f := &formView{sh: sh, kind: kind, act: act, about: about}
	if kind == "task" {
		f.vals = map[string]*string{"subject": ptr(""), "when": ptr("tomorrow"), "notes": ptr("")}
	} else {
		f.vals = map[string]*string{"type": ptr(model.KindCall), "subject": ptr(""), "when": ptr("now"), "duration": ptr(""),
			"outcome": ptr(""), "notes": ptr("")}
	}
	f.build()
	return f
}

func (f *formView) activityFields() []field {
	now, loc := f.sh.now(), f.sh.loc()
	when := func(s string) error {
		_, _, err := model.ParseWhen("when", s, now, loc)
		return errText(err)
	}
	if f.kind == "task" {
		return []field{
			{key: "subject", title: "Task"},
			{key: "when", title: "Due", hint: "tomorrow, next fri, +3d, 2027-01-31 14:30", check: when},
			{key: "notes", title: "Notes", multiline: true},
		}
	}
	var kinds []huh.Option[string]
	for _, k := range model.ActivityKinds {
		if k != model.KindTask {
			kinds = append(kinds, huh.NewOption(k, k))
		}
	}
	return []field{
		{key: "type", title: "Kind", options: kinds},
		{key: "subject", title: "Subject"},
		{key: "when", title: "When", hint: "now, today 9:30, yesterday 14:00", check: when},
		{key: "duration", title: "Minutes", hint: "how long it took", check: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err != nil || n < 0 || n > 24*60*7 {
				return errors.New("a number of minutes")
			}
			return nil
		}},
		{key: "outcome", title: "Outcome", hint: "left voicemail, wants a demo…"},
		{key: "notes", title: "Notes", multiline: true},
	}
}

// saveActivity builds the activity from the form and logs it.
func (f *formView) saveActivity(v func(string) string) tea.Cmd {
	st, ctx := f.sh.deps.Store, f.sh.writeCtx
	a := f.act
	a.Subject, a.Body = v("subject"), *f.vals["notes"]
	a.At, a.AllDay, _ = model.ParseWhen("when", v("when"), f.sh.now(), f.sh.loc())
	if f.kind == "task" {
		a.Kind = model.KindTask
	} else {
		a.Kind, a.Outcome = v("type"), v("outcome")
		a.Duration, _ = strconv.Atoi(v("duration"))
		a.AllDay = false
	}
	return func() tea.Msg {
		out, err := st.Activities.Create(ctx, a)
		return formResultMsg{act: out, err: err}
	}
}

func (f *formView) dealPipeline() model.Pipeline {
	p, ok := f.sh.deps.Config.PipelineSet().Find(f.deal.Pipeline)
	if !ok {
		return model.DefaultPipelines()[0]
	}
	return p
}

func (f *formView) dealFields() []field {
	p := f.dealPipeline()
	var stages []huh.Option[string]
	for _, st := range p.Stages {
		if st.Kind == model.StageOpen || st.Key == f.deal.Stage {
			stages = append(stages, huh.NewOption(fmt.Sprintf("%s (%d%%)", st.Name, st.Probability), st.Key))
		}
	}
	if *f.vals["stage"] == "" {
		*f.vals["stage"] = p.Open()[0].Key
	}
	now := f.sh.now()
	return []field{
		{key: "title", title: "Title"},
		{key: "account", title: "Account", hint: "linked by name; a new name creates the account"},
		{key: "contact", title: "Contact", hint: "email or #id of the primary contact", check: func(s string) error {
			s = strings.TrimSpace(s)
			if s == "" || strings.Contains(s, "@") || strings.HasPrefix(s, "#") || isDigits(s) {
				return nil
			}
			return errors.New("an email or #id")
		}},
		{key: "amount", title: "Amount", hint: "1200, 1200.50 or 1.200,50", check: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			_, err := model.ParseAmount(s, f.currency())
			return errText(err)
		}},
		{key: "currency", title: "Currency", hint: "ISO code, e.g. EUR", check: func(s string) error {
			_, err := model.CheckCurrency("currency", s)
			return errText(err)
		}},
		{key: "stage", title: "Stage", options: stages},
		{key: "probability", title: "Probability %", hint: "empty: the stage's", check: func(s string) error {
			if _, err := parseProbability(s); err != nil {
				return err
			}
			return nil
		}},
		{key: "close_date", title: "Expected close", hint: "2027-03-31, 31.03.2027, +3w, next fri", check: func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			_, err := model.ParseDate("close_date", s, now)
			return errText(err)
		}},
		{key: "notes", title: "Notes", multiline: true},
	}
}

func (f *formView) currency() string {
	if c, err := model.CheckCurrency("currency", *f.vals["currency"]); err == nil {
		return c
	}
	return f.sh.deps.Config.Currency.Base
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func parseProbability(s string) (*int, error) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return nil, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > 100 {
		return nil, errors.New("a whole number from 0 to 100, or empty")
	}
	return &n, nil
}

func newContactForm(sh *shared, c model.Contact) *formView {
	f := &formView{sh: sh, kind: "contact", contact: c}
	f.vals = map[string]*string{
		"first_name": ptr(c.FirstName), "last_name": ptr(c.LastName), "email": ptr(c.Email), "phone": ptr(c.Phone),
		"title": ptr(c.Title), "account": ptr(c.AccountName), "tags": ptr(strings.Join(c.Tags, ", ")),
		"source": ptr(c.Source), "notes": ptr(c.Notes),
	}
	f.build()
	f.dupKey, _, _ = f.dupProbe() // check what changes, not what was there
	return f
}

func newAccountForm(sh *shared, a model.Account) *formView {
	f := &formView{sh: sh, kind: "account", account: a}
	f.vals = map[string]*string{
		"name": ptr(a.Name), "domain": ptr(a.Domain), "industry": ptr(a.Industry), "phone": ptr(a.Phone),
		"website": ptr(a.Website), "address": ptr(a.Address), "external_id": ptr(a.ExternalID),
		"tags": ptr(strings.Join(a.Tags, ", ")), "notes": ptr(a.Notes),
	}
	f.build()
	f.dupKey, _, _ = f.dupProbe() // check what changes, not what was there
	return f
}

func newLeadForm(sh *shared, l model.Lead) *formView {
	f := &formView{sh: sh, kind: "lead", lead: l}
	status := l.Status
	if status == "" {
		status = model.LeadNew
	}
	f.vals = map[string]*string{
		"name": ptr(l.Name), "company": ptr(l.Company), "title": ptr(l.Title), "email": ptr(l.Email),
		"phone": ptr(l.Phone), "source": ptr(l.Source), "status": ptr(status), "notes": ptr(l.Notes),
	}
	f.build()
	f.dupKey, _, _ = f.dupProbe() // check what changes, not what was there
	return f
}

// leadFields are the lead form's: the status only when editing, and
// only the statuses an edit may set (disqualify and convert have keys).
func (f *formView) leadFields(email, phone func(string) error) []field {
	fields := []field{
		{key: "name", title: "Name"},
		{key: "company", title: "Company", hint: "converting creates or links this account"},
		{key: "title", title: "Title"},
		{key: "email", title: "Email", check: email},
		{key: "phone", title: "Phone", hint: "e.g. +90 212 555 01 01", check: phone},
		{key: "source", title: "Source", hint: "web, fair, referral…"},
	}
	if f.lead.ID != 0 {
		var opts []huh.Option[string]
		for _, s := range []string{model.LeadNew, model.LeadContacted, model.LeadQualified} {
			opts = append(opts, huh.NewOption(s, s))
		}
		switch f.lead.Status {
		case model.LeadDisqualified:
			opts = append(opts, huh.NewOption("disqualified: "+f.lead.Reason, f.lead.Status))
		case model.LeadConverted:
			opts = []huh.Option[string]{huh.NewOption("converted", f.lead.Status)}
		}
		fields = append(fields, field{key: "status", title: "Status", options: opts})
	}
	return append(fields, field{key: "notes", title: "Notes", multiline: true})
}

func ptr(s string) *string { return &s }

func (f *formView) fields() []field {
	switch f.kind {
	case "deal":
		return f.dealFields()
	case "activity", "task":
		return f.activityFields()
	}
	region := f.sh.deps.Config.Phone.DefaultRegion
	email := func(s string) error { return errText(model.CheckEmail(s)) }
	phone := func(s string) error { _, err := model.NormalizePhone(s, region); return errText(err) }
	if f.kind == "lead" {
		return f.leadFields(email, phone)
	}
	if f.kind == "account" {
		domain := func(s string) error { _, err := model.NormalizeDomain(s); return errText(err) }
		return []field{
			{key: "name", title: "Name"},
			{key: "domain", title: "Domain", hint: "e.g. isik.com.tr", check: domain},
			{key: "industry", title: "Industry"},
			{key: "phone", title: "Phone", check: phone},
			{key: "website", title: "Website"},
			{key: "address", title: "Address"},
			{key: "external_id", title: "ERP id"},
			{key: "tags", title: "Tags", hint: "comma-separated"},
			{key: "notes", title: "Notes", multiline: true},
		}
	}
	name := func(string) error {
		if strings.TrimSpace(*f.vals["first_name"]) == "" && strings.TrimSpace(*f.vals["last_name"]) == "" {
			return errors.New("a contact needs a first or a last name")
		}
		return nil
	}
	return []field{
		{key: "first_name", title: "First name"},
		{key: "last_name", title: "Last name", check: name},
		{key: "email", title: "Email", check: email},
		{key: "phone", title: "Phone", hint: "e.g. +90 212 555 01 01", check: phone},
		{key: "title", title: "Title"},
		{key: "account", title: "Account", hint: "linked by name; a new name creates the account"},
		{key: "tags", title: "Tags", hint: "comma-separated"},
		{key: "source", title: "Source"},
		{key: "notes", title: "Notes", multiline: true},
	}
}

// errText drops the field name from a model error: the form shows it
// under the field already.
func errText(err error) error {
	var ve *model.ValidationError
	if errors.As(err, &ve) {
		return errors.New(ve.Message)
	}
	return err
}

func (f *formView) required() []string {
	if f.kind != "contact" && f.kind != "account" {
		return nil
	}
	if f.kind == "account" {
		return f.sh.deps.Config.Required.Account
	}
	return f.sh.deps.Config.Required.Contact
}

func (f *formView) build() {
	req := f.required()
	var fields []huh.Field
	for _, fd := range f.fields() {
		fd := fd
		title := fd.title
		isReq := slices.Contains(req, fd.key) || fd.key == "name" || f.kind == "deal" && fd.key == "title" ||
			fd.key == "subject" || fd.key == "when"
		if isReq {
			title += " *"
		}
		check := func(s string) error {
			if isReq && strings.TrimSpace(s) == "" {
				return errors.New("required")
			}
			if fd.check != nil {
				return fd.check(s)
			}
			return nil
		}
		if fd.options != nil {
			fields = append(fields, huh.NewSelect[string]().Key(fd.key).Title(title).Options(fd.options...).Value(f.vals[fd.key]))
			continue
		}
		if fd.multiline {
			fields = append(fields, huh.NewText().Key(fd.key).Title(title).Value(f.vals[fd.key]).Lines(3).
				CharLimit(100_000).Validate(check))
			continue
		}
		in := huh.NewInput().Key(fd.key).Title(title).Value(f.vals[fd.key]).CharLimit(500).Validate(check)
		if fd.hint != "" {
			in = in.Placeholder(fd.hint)
		}
		fields = append(fields, in)
	}
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "cancel"))
	theme := huh.ThemeBase()
	f.form = huh.NewForm(huh.NewGroup(fields...)).WithKeyMap(km).WithTheme(theme).WithShowHelp(false)
	f.form.SubmitCmd = send(formSubmitMsg{})
	f.form.CancelCmd = send(formCancelMsg{})
	f.resize()
}

func (f *formView) Init() tea.Cmd { return f.form.Init() }

func (f *formView) SetSize(w, h int) {
	f.width, f.height = max(0, w), max(0, h)
	f.resize()
}

func (f *formView) resize() {
	if f.form == nil {
		return
	}
	// title and problem lines above; below, huh adds a blank line and the
	// validation errors of the focused group when there are any
	f.form.WithWidth(min(max(20, f.width-2), 80)).WithHeight(max(3, f.height-5-len(f.warn)))
}

// Capturing: every key belongs to the form.
func (f *formView) Capturing() bool { return true }

func (f *formView) Title() string {
	about := ""
	if f.about != "" {
		about = " on " + f.about
	}
	switch {
	case f.kind == "task":
		return "New task" + about
	case f.kind == "activity":
		return "Log" + about
	case f.kind == "deal" && f.deal.ID == 0:
		return "New deal in " + f.dealPipeline().Name
	case f.kind == "deal":
		return "Edit " + f.deal.Title
	case f.kind == "contact" && f.contact.ID == 0:
		return "New contact"
	case f.kind == "contact":
		return "Edit " + f.contact.Name()
	case f.kind == "lead" && f.lead.ID == 0:
		return "New lead"
	case f.kind == "lead":
		return "Edit " + f.lead.Name
	case f.account.ID == 0:
		return "New account"
	}
	return "Edit " + f.account.Name
}

func (f *formView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case formSubmitMsg:
		return f.save(false)
	case formCancelMsg:
		return send(closeFormMsg{})
	case dupWarnMsg:
		f.setWarning(msg)
		return nil
	case formResultMsg:
		f.saving = false
		if msg.err == nil {
			return f.saved(msg)
		}
		var de *store.DuplicateError
		if errors.As(msg.err, &de) {
			f.dup = de
			return nil
		}
		f.problem = msg.err.Error()
		f.build()
		return f.form.Init()
	case tea.KeyMsg:
		if f.dup != nil {
			switch msg.String() {
			case "y", "Y":
				f.dup = nil
				return f.save(true)
			case "n", "N", "esc":
				f.problem = "not saved: " + f.dupText()
				f.dup = nil
				f.build()
				return f.form.Init()
			}
			return nil
		}
		if f.saving {
			return nil
		}
	}
	m, cmd := f.form.Update(msg)
	if hf, ok := m.(*huh.Form); ok {
		f.form = hf
	}
	if _, ok := msg.(tea.KeyMsg); ok {
		return tea.Batch(cmd, f.probeDupes())
	}
	return cmd
}

func (f *formView) dupText() string {
	if f.dup == nil {
		return ""
	}
	who := f.dup.ExistingName
	if f.dup.Entity != "" && f.dup.Entity != f.kind {
		who = f.dup.Entity + " " + who
	}
	return fmt.Sprintf("%s %q is already used by %s (#%d)", f.dup.Field, f.dup.Value, who, f.dup.ExistingID)
}

func (f *formView) save(allowDup bool) tea.Cmd {
	f.saving = true
	opt := store.WriteOptions{AllowDuplicate: allowDup}
	st, ctx := f.sh.deps.Store, f.sh.writeCtx
	v := func(k string) string { return strings.TrimSpace(*f.vals[k]) }
	switch f.kind {
	case "deal":
		return f.saveDeal(v, opt)
	case "activity", "task":
		return f.saveActivity(v)
	case "lead":
		return f.saveLead(v, opt)
	}
	tags := strings.Split(v("tags"), ",")
	if f.kind == "account" {
		a := f.account
		a.Name, a.Domain, a.Industry, a.Phone = v("name"), v("domain"), v("industry"), v("phone")
		a.Website, a.Address, a.ExternalID, a.Tags, a.Notes = v("website"), v("address"), v("external_id"), tags, *f.vals["notes"]
		return func() tea.Msg {
			var err error
			if a.ID == 0 {
				a, err = st.Accounts.Create(ctx, a, opt)
			} else {
				a, err = st.Accounts.Update(ctx, a, opt)
			}
			return formResultMsg{account: a, err: err}
		}
	}
	c := f.contact
	c.FirstName, c.LastName, c.Email, c.Phone, c.Title = v("first_name"), v("last_name"), v("email"), v("phone"), v("title")
	c.Tags, c.Source, c.Notes = tags, v("source"), *f.vals["notes"]
	if acc := v("account"); acc != c.AccountName || c.AccountID == nil {
		c.AccountID, c.AccountName = nil, acc
	}
	return func() tea.Msg {
		var err error
		if c.ID == 0 {
			c, err = st.Contacts.Create(ctx, c, opt)
		} else {
			c, err = st.Contacts.Update(ctx, c, opt)
		}
		return formResultMsg{contact: c, err: err}
	}
}

// saveLead builds the lead from the form and saves it.
func (f *formView) saveLead(v func(string) string, opt store.WriteOptions) tea.Cmd {
	st, ctx := f.sh.deps.Store, f.sh.writeCtx
	l := f.lead
	l.Name, l.Company, l.Title, l.Email, l.Phone, l.Source, l.Notes = v("name"), v("company"), v("title"), v("email"),
		v("phone"), v("source"), *f.vals["notes"]
	if l.ID != 0 {
		l.Status = v("status")
	}
	return func() tea.Msg {
		var err error
		if l.ID == 0 {
			l, err = st.Leads.Create(ctx, l, opt)
		} else {
			l, err = st.Leads.Update(ctx, l, opt)
		}
		return formResultMsg{lead: l, err: err}
	}
}

// saveDeal builds the deal from the form; the contact is resolved by
// email or id in the save command.
func (f *formView) saveDeal(v func(string) string, opt store.WriteOptions) tea.Cmd {
	st, ctx, now := f.sh.deps.Store, f.sh.writeCtx, f.sh.now()
	d := f.deal
	d.Title, d.Currency, d.Stage, d.Notes = v("title"), f.currency(), v("stage"), *f.vals["notes"]
	if acc := v("account"); acc != d.AccountName || d.AccountID == nil {
		d.AccountID, d.AccountName = nil, acc
	}
	d.Amount = 0
	if a := v("amount"); a != "" {
		d.Amount, _ = model.ParseAmount(a, d.Currency)
	}
	d.Probability, _ = parseProbability(v("probability"))
	d.CloseDate = ""
	if c := v("close_date"); c != "" {
		d.CloseDate, _ = model.ParseDate("close_date", c, now)
	}
	contact := v("contact")
	return func() tea.Msg {
		d.ContactID = nil
		if contact != "" {
			id, err := resolveContact(ctx, st, contact)
			if err != nil {
				return formResultMsg{deal: d, err: err}
			}
			d.ContactID = &id
		}
		var err error
		if d.ID == 0 {
			d, err = st.Deals.Create(ctx, d, opt)
		} else {
			d, err = st.Deals.Update(ctx, d, opt)
		}
		return formResultMsg{deal: d, err: err}
	}
}

// resolveContact reads "#12", "12", "#12 Name" or an email.
func resolveContact(ctx context.Context, st *store.Store, s string) (int64, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "@") {
		c, err := st.Contacts.FindByEmail(ctx, s)
		return c.ID, err
	}
	num := strings.Fields(strings.TrimPrefix(s, "#"))
	if len(num) > 0 {
		if id, err := strconv.ParseInt(num[0], 10, 64); err == nil {
			c, err := st.Contacts.Get(ctx, id)
			return c.ID, err
		}
	}
	return 0, model.Invalid("contact", "%q is not an email or #id", s)
}

func (f *formView) saved(m formResultMsg) tea.Cmd {
	if f.kind == "activity" || f.kind == "task" {
		verb := "logged " + m.act.Kind + ":"
		if f.kind == "task" {
			verb = "added task due " + f.sh.when(m.act.At, m.act.AllDay) + ":"
		}
		return tea.Batch(send(closeFormMsg{}), send(savedMsg{kind: "activity", id: m.act.ID, verb: verb, name: m.act.Subject + " (u undoes)"}))
	}
	created := f.contact.ID == 0 && f.kind == "contact" || f.account.ID == 0 && f.kind == "account" ||
		f.deal.ID == 0 && f.kind == "deal" || f.lead.ID == 0 && f.kind == "lead"
	s := savedMsg{kind: f.kind, created: created, verb: "saved"}
	if created {
		s.verb = "added"
	}
	if f.kind == "deal" {
		d := m.deal
		s.id, s.name, s.key, s.deal = d.ID, d.Title, store.BoardCursor(d), &d
		return tea.Batch(send(closeFormMsg{}), send(s))
	}
	switch f.kind {
	case "account":
		s.id, s.name, s.key = m.account.ID, m.account.Name, accountKey(m.account)
	case "lead":
		s.id, s.name, s.key = m.lead.ID, m.lead.Name, leadKey(m.lead)
	default:
		s.id, s.name, s.key = m.contact.ID, m.contact.Name(), contactKey(m.contact)
	}
	return tea.Batch(send(closeFormMsg{}), send(s))
}

func (f *formView) KeyMap() keyMap {
	if f.dup != nil {
		yes := key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "save anyway"))
		no := key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "back to the form"))
		return keyMap{short: []key.Binding{yes, no}, full: [][]key.Binding{{yes, no}}}
	}
	next := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/shift+tab", "field"))
	newline := key.NewBinding(key.WithKeys("alt+enter"), key.WithHelp("alt+enter", "new line in notes"))
	save := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter on last field", "save"))
	cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
	return keyMap{short: []key.Binding{next, save, cancel}, full: [][]key.Binding{{next, save, cancel, newline}}}
}

func (f *formView) Summary() string { return "" }

func (f *formView) View() string {
	st := f.sh.st
	lines := []string{st.Title.Render(cut(model.Printable(f.Title()), f.width))}
	switch {
	case f.dup != nil:
		lines = append(lines, "",
			st.Error.Render(cut(model.Printable(f.dupText())+".", f.width)),
			cut("Save anyway? y saves a second record, n goes back to the form.", f.width))
		return strings.Join(lines, "\n")
	case f.problem != "":
		lines = append(lines, st.Error.Render(cut(model.Printable(f.problem), f.width)))
	case f.saving:
		lines = append(lines, st.Muted.Render("saving…"))
	default:
		lines = append(lines, "")
	}
	body := f.form.View()
	for _, w := range f.warn {
		style := st.Accent
		if w.exact {
			style = st.Error
		}
		body += "\n" + style.Render(cut(model.Printable(w.text), f.width))
	}
	return lipgloss.NewStyle().MaxWidth(f.width).MaxHeight(f.height).Render(strings.Join(lines, "\n") + "\n" + body)
}
