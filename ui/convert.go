package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
	"rolo/store"
)

// Converting a lead: c reads the lead and the contacts and accounts it
// may already be (store.Dupes.ForLead), then the convert dialog shows
// what the conversion will create or link: the account, the contact and
// optionally a deal. An exact match of the email or phone is linked by
// default; creating a second contact anyway is an explicit choice.

type (
	// convertMsg asks to convert a lead.
	convertMsg struct{ id int64 }
	// convertReadyMsg carries what the convert dialog shows.
	convertReadyMsg struct {
		lead               model.Lead
		contacts, accounts []model.Match
		err                error
	}
	// convertedMsg reports a conversion.
	convertedMsg struct{ conv store.Conversion }
	// convertResultMsg is the store's answer, for the dialog.
	convertResultMsg struct {
		conv store.Conversion
		err  error
	}
	// closeDialogMsg closes the dialog in front.
	closeDialogMsg struct{}
	// dialogSubmitMsg and dialogCancelMsg come from a dialog's huh form.
	dialogSubmitMsg struct{}
	dialogCancelMsg struct{}
)

// Values of the dialog's choices.
const (
	choiceNew    = "new"    // create (the account from the lead's company)
	choiceAnyway = "anyway" // create the contact despite an exact match
)

func choiceID(id int64) string { return "#" + strconv.FormatInt(id, 10) }

func parseChoice(s string) int64 {
	id, _ := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	return id
}

// loadConversion reads the lead and its likely matches; a converted lead
// is refused here, with what it became.
func (a *App) loadConversion(id int64) tea.Cmd {
	st := a.sh.deps.Store
	return func() tea.Msg {
		ctx := context.Background()
		l, err := st.Leads.Get(ctx, id)
		if err != nil {
			return errMsg{err}
		}
		if l.Status == model.LeadConverted {
			what := ""
			if l.ContactID != nil {
				what = fmt.Sprintf(" (to contact #%d)", *l.ContactID)
			}
			return errMsg{fmt.Errorf("cannot convert %s: it is already converted%s", model.Printable(l.Name), what)}
		}
		if l.ArchivedAt != nil {
			return errMsg{fmt.Errorf("cannot convert %s: it is archived", model.Printable(l.Name))}
		}
		cs, as, err := st.Dupes.ForLead(ctx, l)
		return convertReadyMsg{lead: l, contacts: cs, accounts: as, err: err}
	}
}

// convertView is the conversion dialog.
type convertView struct {
	sh       *shared
	lead     model.Lead
	contacts []model.Match
	accounts []model.Match
	account  string // choiceNew or an account's choiceID
	contact  string // choiceNew, choiceAnyway or a contact's choiceID
	title    string
	amount   string
	form     *huh.Form
	problem  string
	saving   bool
	width    int
	height   int
}

func newConvertView(sh *shared, m convertReadyMsg) *convertView {
	v := &convertView{sh: sh, lead: m.lead, contacts: m.contacts, accounts: m.accounts,
		account: choiceNew, contact: choiceNew}
	for _, acc := range m.accounts {
		// the same name, or the same name but for "Ltd" and the same
		// domain, is the account the company already is
		if acc.Exact || acc.Score >= model.ScoreAccountName {
			v.account = choiceID(acc.ID)
			break
		}
	}
	for _, c := range m.contacts {
		if c.Exact { // the same email or phone: link unless told otherwise
			v.contact = choiceID(c.ID)
			break
		}
	}
	v.build()
	return v
}

// exactContact is the first contact with the lead's email or phone.
func (v *convertView) exactContact() (model.Match, bool) {
	for _, c := range v.contacts {
		if c.Exact {
			return c, true
		}
	}
	return model.Match{}, false
}

func (v *convertView) build() {
	var fields []huh.Field
	if strings.TrimSpace(v.lead.Company) != "" || len(v.accounts) > 0 {
		var opts []huh.Option[string]
		exact := false
		for _, m := range v.accounts {
			opts = append(opts, huh.NewOption("link to account "+model.Printable(m.String()), choiceID(m.ID)))
			exact = exact || m.Exact
		}
		if !exact && strings.TrimSpace(v.lead.Company) != "" {
			opts = append(opts, huh.NewOption(fmt.Sprintf("new account %q", model.Printable(v.lead.Company)), choiceNew))
		}
		fields = append(fields, huh.NewSelect[string]().Key("account").Title("Account").Options(opts...).Value(&v.account))
	}
	var opts []huh.Option[string]
	for _, m := range v.contacts {
		opts = append(opts, huh.NewOption("link to "+model.Printable(m.String()), choiceID(m.ID)))
	}
	if m, ok := v.exactContact(); ok {
		opts = append(opts, huh.NewOption(fmt.Sprintf("create a new contact anyway (a second record next to #%d)", m.ID), choiceAnyway))
	} else {
		opts = append(opts, huh.NewOption("create a new contact "+model.Printable(v.lead.Name), choiceNew))
	}
	fields = append(fields, huh.NewSelect[string]().Key("contact").Title("Contact").Options(opts...).Value(&v.contact))
	base := v.currency()
	fields = append(fields,
		huh.NewInput().Key("title").Title("Deal title").Value(&v.title).CharLimit(200).
			Placeholder(v.dealDefault()+" (empty title and amount: no deal)"),
		huh.NewInput().Key("amount").Title("Deal amount ("+base+")").Value(&v.amount).CharLimit(40).
			Placeholder("1200, 1200.50 or 1.200,50").Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			_, err := model.ParseAmount(s, base)
			if err == nil {
				return nil
			}
			// the field's placeholder already shows how to write one
			msg, _, _ := strings.Cut(errText(err).Error(), " (write e.g.")
			return errors.New(msg)
		}),
	)
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "cancel"))
	v.form = huh.NewForm(huh.NewGroup(fields...)).WithKeyMap(km).WithTheme(huh.ThemeBase()).WithShowHelp(false)
	v.form.SubmitCmd = send(dialogSubmitMsg{})
	v.form.CancelCmd = send(dialogCancelMsg{})
	v.resize()
}

func (v *convertView) currency() string {
	if c := v.sh.deps.Config.Currency.Base; c != "" {
		return c
	}
	return "USD"
}

// dealDefault is the title a deal gets when none is typed.
func (v *convertView) dealDefault() string {
	if strings.TrimSpace(v.lead.Company) != "" {
		return v.lead.Company
	}
	return v.lead.Name
}

func (v *convertView) wantsDeal() bool {
	return strings.TrimSpace(v.title) != "" || strings.TrimSpace(v.amount) != ""
}

func (v *convertView) Init() tea.Cmd { return v.form.Init() }

func (v *convertView) SetSize(w, h int) {
	v.width, v.height = max(0, w), max(0, h)
	v.resize()
}

// convertHeadLines is how many lines the dialog shows above the form:
// the title, the lead, the plan and the problem line.
const convertHeadLines = 4

func (v *convertView) resize() {
	if v.form == nil {
		return
	}
	v.form.WithWidth(min(max(20, v.width-2), 100)).WithHeight(max(3, v.height-convertHeadLines-2))
}

func (v *convertView) Capturing() bool { return true }

func (v *convertView) Title() string { return "Convert lead " + v.lead.Name }

func (v *convertView) Summary() string { return "" }

func (v *convertView) KeyMap() keyMap {
	next := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/enter", "next"))
	pick := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "choose"))
	save := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter on amount", "convert"))
	cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
	return keyMap{short: []key.Binding{next, pick, save, cancel}, full: [][]key.Binding{{next, pick, save, cancel}}}
}

func (v *convertView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dialogSubmitMsg:
		return v.convert()
	case dialogCancelMsg:
		return tea.Batch(send(closeDialogMsg{}), send(statusMsg{"not converted"}))
	case convertResultMsg:
		v.saving = false
		if msg.err == nil {
			return tea.Batch(send(closeDialogMsg{}), send(convertedMsg{msg.conv}))
		}
		var de *store.DuplicateError
		if errors.As(msg.err, &de) && de.Entity == "contact" {
			// a contact the check did not show: offer it
			known := false
			for _, c := range v.contacts {
				known = known || c.ID == de.ExistingID
			}
			if !known {
				v.contacts = append([]model.Match{{ID: de.ExistingID, Name: de.ExistingName, Score: 100,
					Reasons: []string{"same " + de.Field}, Exact: true}}, v.contacts...)
			}
			v.contact = choiceID(de.ExistingID)
			v.problem = fmt.Sprintf("not converted: %s %q is already used by %s (#%d). Link to it, or pick \"create anyway\".",
				de.Field, de.Value, de.ExistingName, de.ExistingID)
			v.build()
			return v.form.Init()
		}
		var ce *store.ConflictError
		if errors.As(msg.err, &ce) {
			return tea.Batch(send(closeDialogMsg{}), send(errMsg{fmt.Errorf("not converted: %w", msg.err)}))
		}
		v.problem = "not converted: " + msg.err.Error()
		v.build()
		return v.form.Init()
	case tea.KeyMsg:
		if v.saving {
			return nil
		}
	}
	m, cmd := v.form.Update(msg)
	if f, ok := m.(*huh.Form); ok {
		v.form = f
	}
	return cmd
}

// options are the store's conversion options for the choices made.
func (v *convertView) options() store.ConvertOptions {
	var opt store.ConvertOptions
	if v.account != choiceNew {
		opt.AccountID = parseChoice(v.account)
	}
	switch v.contact {
	case choiceAnyway:
		opt.AllowDuplicate = true
	case choiceNew:
	default:
		opt.ContactID = parseChoice(v.contact)
	}
	if v.wantsDeal() {
		cur := v.currency()
		d := model.Deal{Title: strings.TrimSpace(v.title), Currency: cur}
		if a := strings.TrimSpace(v.amount); a != "" {
			d.Amount, _ = model.ParseAmount(a, cur)
		}
		opt.Deal = &d
	}
	return opt
}

func (v *convertView) convert() tea.Cmd {
	v.saving = true
	v.problem = ""
	repo, ctx, id, version, opt := v.sh.deps.Store.Leads, v.sh.writeCtx, v.lead.ID, v.lead.Version, v.options()
	return func() tea.Msg {
		conv, err := repo.Convert(ctx, id, version, opt)
		return convertResultMsg{conv: conv, err: err}
	}
}

// plan says in words what confirming will do.
func (v *convertView) plan() string {
	var parts []string
	linked := v.contact != choiceNew && v.contact != choiceAnyway
	switch {
	case v.account != choiceNew:
		parts = append(parts, "link account "+v.matchName(v.accounts, v.account))
	case linked:
		parts = append(parts, "keep the linked contact's account")
	case strings.TrimSpace(v.lead.Company) != "":
		parts = append(parts, fmt.Sprintf("create account %q", v.lead.Company))
	default:
		parts = append(parts, "no account (the lead has no company)")
	}
	switch v.contact {
	case choiceNew:
		parts = append(parts, "create contact "+v.lead.Name)
	case choiceAnyway:
		parts = append(parts, "create contact "+v.lead.Name+" (a second record)")
	default:
		parts = append(parts, "link contact "+v.matchName(v.contacts, v.contact))
	}
	if v.wantsDeal() {
		title := strings.TrimSpace(v.title)
		if title == "" {
			title = v.dealDefault()
		}
		d := fmt.Sprintf("create deal %q", title)
		if a, err := model.ParseAmount(strings.TrimSpace(v.amount), v.currency()); err == nil && strings.TrimSpace(v.amount) != "" {
			d += " " + model.FormatMoney(model.Money{Amount: a, Currency: v.currency()}, v.sh.locale())
		}
		parts = append(parts, d)
	} else {
		parts = append(parts, "no deal")
	}
	return strings.Join(parts, " · ")
}

func (v *convertView) matchName(ms []model.Match, choice string) string {
	id := parseChoice(choice)
	for _, m := range ms {
		if m.ID == id {
			return fmt.Sprintf("#%d %s", m.ID, m.Name)
		}
	}
	return choice
}

func (v *convertView) View() string {
	st := v.sh.st
	l := v.lead
	var about []string
	for _, s := range []string{l.Company, l.Email, l.Phone, l.Status} {
		if strings.TrimSpace(s) != "" {
			about = append(about, s)
		}
	}
	lines := []string{
		st.Title.Render(cut(model.Printable(v.Title()), v.width)),
		st.Muted.Render(cut(model.Printable(strings.Join(about, " · ")), v.width)),
		st.Accent.Render(cut("→ "+model.Printable(v.plan()), v.width)),
	}
	switch {
	case v.problem != "":
		lines = append(lines, st.Error.Render(cut(model.Printable(v.problem), v.width)))
	case v.saving:
		lines = append(lines, st.Muted.Render("converting…"))
	default:
		lines = append(lines, "")
	}
	return lipgloss.NewStyle().MaxWidth(v.width).MaxHeight(v.height).Render(strings.Join(lines, "\n") + "\n" + v.form.View())
}

// convertedText is the status line after a conversion: "converted Ayşe
// Yılmaz: contact #12, account #4 Işık Tekstil, deal #77".
func convertedText(c store.Conversion) string {
	parts := []string{fmt.Sprintf("contact #%d", c.Contact.ID)}
	if c.Account != nil {
		parts = append(parts, fmt.Sprintf("account #%d %s", c.Account.ID, c.Account.Name))
	}
	if c.Deal != nil {
		parts = append(parts, fmt.Sprintf("deal #%d", c.Deal.ID))
	}
	s := "converted " + c.Lead.Name + ": " + strings.Join(parts, ", ")
	if len(c.Similar) > 0 {
		s += "; looks like " + c.Similar[0].String()
	}
	return s + " (u undoes)"
}
