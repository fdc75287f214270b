package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/model"
	"rolo/store"
)

// seedLeads adds the leads the lead tests and goldens show, in name
// order: Ayşe Yılmaz (also a contact, with the same email, as a lead met
// at a fair often is), John Smith (disqualified), Mehmet Demir (with a
// call logged two days ago) and Zeynep Kaya (qualified, a phone only).
func seedLeads(t testing.TB, st *store.Store) []model.Lead {
	t.Helper()
	ctx := context.Background()
	leads := []model.Lead{
		{Name: "Ayşe Yılmaz", Company: "Işık Tekstil A.Ş.", Email: "ayse@isik.com.tr", Source: "fair", Title: "Genel Müdür"},
		{Name: "John Smith", Company: "Acme Ltd", Email: "john@acme.example", Status: model.LeadDisqualified, Reason: "no budget"},
		{Name: "Mehmet Demir", Company: "Demir Yapı", Email: "mehmet@demiryapi.com.tr", Source: "web", Status: model.LeadContacted},
		{Name: "Zeynep Kaya", Company: "Kaya Gıda", Phone: "+90 216 555 44 33", Source: "referral", Status: model.LeadQualified},
	}
	var out []model.Lead
	for _, l := range leads {
		got, err := st.Leads.Create(ctx, l, store.WriteOptions{AllowDuplicate: true})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got)
	}
	if _, err := st.Activities.Create(ctx, model.Activity{Kind: model.KindCall, Subject: "First call",
		At: testNow.Add(-48 * time.Hour), LeadID: &out[2].ID}); err != nil {
		t.Fatal(err)
	}
	return out
}

// leadsApp is the seeded app on the Leads tab.
func leadsApp(t *testing.T, w, h int) (*App, *store.Store, []model.Lead) {
	t.Helper()
	st, me := testStore(t)
	seed(t, st)
	ls := seedLeads(t, st)
	a := newTestApp(t, st, me)
	run(t, a, size(w, h))
	run(t, a, runCmd(a.Init())...)
	run(t, a, keys("4")...)
	return a, st, ls
}

func leadsTab(a *App) *leadsView { return a.tabs[3].view.(*leadsView) }

func selectedLead(t *testing.T, a *App) model.Lead {
	t.Helper()
	l, ok := leadsTab(a).Selected()
	if !ok {
		t.Fatal("no lead selected")
	}
	return l
}

// confirmDialog presses enter through the convert dialog's fields until
// it closes.
func confirmDialog(t *testing.T, a *App) {
	t.Helper()
	for i := 0; i < 8 && a.dialog != nil; i++ {
		run(t, a, press(tea.KeyEnter))
	}
	if a.dialog != nil {
		t.Fatalf("the dialog did not close:\n%s", a.View())
	}
}

func wantIn(t *testing.T, v string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(v, w) {
			t.Fatalf("screen lacks %q:\n%s", w, v)
		}
	}
}

func wantNotIn(t *testing.T, v string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(v, w) {
			t.Fatalf("screen shows %q:\n%s", w, v)
		}
	}
}

func TestLeadsGoldenViews(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		name := fmt.Sprintf("%dx%d", sz[0], sz[1])
		t.Run(name, func(t *testing.T) {
			a, _, _ := leadsApp(t, sz[0], sz[1])
			golden(t, "leads_"+name, a.View())
			run(t, a, keys("c")...) // Ayşe: the contact with her email is linked by default
			golden(t, "convert_"+name, a.View())
			run(t, a, press(tea.KeyEsc))
			run(t, a, keys("jj")...)
			run(t, a, press(tea.KeyEnter))
			golden(t, "lead_detail_"+name, a.View())
		})
	}
}

func TestLeadsEmptyStateSaysWhatToDo(t *testing.T) {
	st, me := testStore(t)
	a := newTestApp(t, st, me)
	run(t, a, size(80, 24))
	run(t, a, runCmd(a.Init())...)
	run(t, a, keys("4")...)
	v := a.View()
	wantIn(t, v, "No leads yet.", "n ", "rolo lead add", "rolo import leads FILE")
	golden(t, "leads_empty_80x24", v)
}

// At 60 columns the counts line abbreviates the statuses so every count
// shows.
func TestLeadsCountsFitNarrow(t *testing.T) {
	a, _, _ := leadsApp(t, 60, 15)
	wantIn(t, a.View(), "[all 4] new 1 cont 1 qual 1 disq 1 conv 0")
}

func TestLeadsViewsFitEverySize(t *testing.T) {
	for _, sz := range [][2]int{{60, 15}, {80, 24}, {100, 30}, {200, 60}} {
		a, _, _ := leadsApp(t, sz[0], sz[1])
		steps := [][]tea.Msg{nil, keys("f"), keys("ffff"), keys("f"), keys("?"), keys("x"), keys("c"), {press(tea.KeyEsc)},
			{press(tea.KeyEnter)}, {press(tea.KeyEsc)}, keys("n"), keys("Ayse Yilmaz"), {press(tea.KeyEsc)},
			keys("2"), keys("M"), {press(tea.KeyEnter)}, {press(tea.KeyEsc)}}
		for i, s := range steps {
			run(t, a, s...)
			checkFits(t, a.View(), sz[0], sz[1])
			if t.Failed() {
				t.Fatalf("step %d at %v:\n%s", i, sz, a.View())
			}
		}
	}
}

// 4 opens the leads; f cycles the status filter, / searches as you type.
func TestLeadsTabStatusFilterAndSearch(t *testing.T) {
	a, _, _ := leadsApp(t, 120, 30)
	if a.active != 3 {
		t.Fatalf("4 opened tab %d", a.active)
	}
	wantIn(t, a.View(), "4 Leads", "4 leads", "[all 4]", "Ayşe Yılmaz", "Zeynep Kaya", "2d ago", "c convert",
		"x disqualify")
	steps := []struct {
		summary string
		shown   []string
		hidden  []string
	}{
		{"1 new of 4 leads", []string{"[new 1]", "Ayşe Yılmaz"}, []string{"Mehmet Demir", "Zeynep Kaya"}},
		{"1 contacted of 4 leads", []string{"[contacted 1]", "Mehmet Demir"}, []string{"Ayşe Yılmaz"}},
		{"1 qualified of 4 leads", []string{"[qualified 1]", "Zeynep Kaya"}, []string{"Mehmet Demir"}},
		{"1 disqualified of 4 leads", []string{"[disqualified 1]", "John Smith"}, []string{"Zeynep Kaya"}},
		{"0 converted of 4 leads", []string{"[converted 0]", "No converted leads."}, []string{"John Smith"}},
		{"4 leads", []string{"[all 4]", "Ayşe Yılmaz", "John Smith"}, nil},
	}
	for _, s := range steps {
		run(t, a, keys("f")...)
		v := a.View()
		wantIn(t, v, append([]string{s.summary}, s.shown...)...)
		wantNotIn(t, v, s.hidden...)
	}
	run(t, a, keys("/demir")...)
	v := a.View()
	wantIn(t, v, "Mehmet Demir", "1 match")
	wantNotIn(t, v, "Ayşe Yılmaz", "Zeynep Kaya")
	// q is text while searching
	run(t, a, keys("q")...)
	wantIn(t, a.View(), "/ demirq", "No leads match")
	run(t, a, press(tea.KeyEsc))
	wantIn(t, a.View(), "Ayşe Yılmaz", "Zeynep Kaya")
	// the search and the status filter combine
	run(t, a, keys("/kaya")...)
	run(t, a, press(tea.KeyEnter))
	run(t, a, keys("f")...)
	wantIn(t, a.View(), "[new 1]", `No leads match "kaya"`)
	run(t, a, press(tea.KeyEsc))
	run(t, a, keys("f")...)
	run(t, a, keys("f")...)
	run(t, a, keys("f")...)
	run(t, a, keys("f")...)
	wantIn(t, a.View(), "[converted 0]", "No converted leads. f shows the next status.")
}

// c on a lead whose email a contact has: the dialog links that contact
// (and the company's account) by default, and confirming converts.
func TestConvertLinksTheExistingContact(t *testing.T) {
	a, st, ls := leadsApp(t, 120, 30)
	ctx := context.Background()
	ayse, _ := st.Contacts.FindByEmail(ctx, "ayse@isik.com.tr")
	if l := selectedLead(t, a); l.ID != ls[0].ID {
		t.Fatalf("selected %s", l.Name)
	}
	run(t, a, keys("c")...)
	if _, ok := a.dialog.(*convertView); !ok {
		t.Fatalf("no convert dialog:\n%s", a.View())
	}
	wantIn(t, a.View(), fmt.Sprintf("link to Ayşe Yılmaz (#%d, 100: same email", ayse.ID),
		fmt.Sprintf("link contact #%d Ayşe Yılmaz", ayse.ID), "create a new contact anyway",
		fmt.Sprintf("link account #%d Işık Tekstil A.Ş.", *ayse.AccountID), "no deal")
	confirmDialog(t, a)
	l, _ := st.Leads.Get(ctx, ls[0].ID)
	if l.Status != model.LeadConverted || l.ContactID == nil || *l.ContactID != ayse.ID || l.AccountID == nil ||
		*l.AccountID != *ayse.AccountID || l.DealID != nil {
		t.Fatalf("lead after conversion: %+v", l)
	}
	if n, _ := st.Contacts.Count(ctx, store.ListQuery{}); n != 6 {
		t.Fatalf("%d contacts: a second Ayşe was created", n)
	}
	want := fmt.Sprintf("converted Ayşe Yılmaz: contact #%d, account #%d Işık Tekstil A.Ş. (u undoes)", ayse.ID, *ayse.AccountID)
	if a.status != want || a.isErr {
		t.Fatalf("status %q, want %q", a.status, want)
	}
	// the list reloaded: Ayşe is converted
	if got := selectedLead(t, a); got.Status != model.LeadConverted {
		t.Fatalf("the list still shows %s", got.Status)
	}
	wantIn(t, a.View(), " converted 1 ", "converted ")

	// c again: refused in the status line, no dialog
	run(t, a, keys("c")...)
	if a.dialog != nil || !a.isErr || !strings.Contains(a.status, fmt.Sprintf("already converted (to contact #%d)", ayse.ID)) {
		t.Fatalf("converting twice: dialog %v, status %q", a.dialog != nil, a.status)
	}
	// the detail shows what the lead became
	run(t, a, press(tea.KeyEnter))
	wantIn(t, a.View(), "Leads › Ayşe Yılmaz", "status: converted", fmt.Sprintf("became contact  #%d Ayşe Yılmaz", ayse.ID))
}

// The contact option can be overridden: "create anyway" makes a second
// contact with the same email, on purpose.
func TestConvertCreateAnywayAllowsTheDuplicate(t *testing.T) {
	a, st, ls := leadsApp(t, 120, 30)
	ctx := context.Background()
	run(t, a, keys("c")...)
	run(t, a, press(tea.KeyEnter))                     // account: the existing one
	run(t, a, press(tea.KeyDown), press(tea.KeyEnter)) // contact: create anyway
	wantIn(t, a.View(), "create contact Ayşe Yılmaz (a second record)")
	confirmDialog(t, a)
	l, _ := st.Leads.Get(ctx, ls[0].ID)
	if l.Status != model.LeadConverted {
		t.Fatalf("not converted: %s (%s)", l.Status, a.status)
	}
	if n, _ := st.Contacts.Count(ctx, store.ListQuery{Search: "ayse"}); n != 2 {
		t.Fatalf("%d contacts named Ayşe", n)
	}
}

// c on a lead nobody knows yet: a new account, contact and deal, in one
// change that u undoes.
func TestConvertCreatesAccountContactAndDealAndUndo(t *testing.T) {
	a, st, ls := leadsApp(t, 120, 30)
	ctx := context.Background()
	run(t, a, keys("jjj")...)
	if l := selectedLead(t, a); l.ID != ls[3].ID {
		t.Fatalf("selected %s", l.Name)
	}
	run(t, a, keys("c")...)
	wantIn(t, a.View(), `new account "Kaya Gıda"`, "create a new contact Zeynep Kaya", `create account "Kaya Gıda"`,
		"create contact Zeynep Kaya", "no deal")
	run(t, a, press(tea.KeyEnter), press(tea.KeyEnter)) // account, contact
	typeText(t, a, "Cold storage")
	run(t, a, press(tea.KeyEnter))
	typeText(t, a, "12x")
	run(t, a, press(tea.KeyEnter))
	if a.dialog == nil || !strings.Contains(a.View(), `"12x" is not a number`) || strings.Contains(a.View(), "(write e.g.") {
		t.Fatalf("a bad amount:\n%s", a.View())
	}
	for i := 0; i < 3; i++ {
		run(t, a, press(tea.KeyBackspace))
	}
	typeText(t, a, "12.500,50")
	wantIn(t, a.View(), `create deal "Cold storage" $12,500.50`)
	run(t, a, press(tea.KeyEnter))
	if a.dialog != nil {
		t.Fatalf("still open:\n%s", a.View())
	}
	l, _ := st.Leads.Get(ctx, ls[3].ID)
	if l.Status != model.LeadConverted || l.ContactID == nil || l.AccountID == nil || l.DealID == nil {
		t.Fatalf("lead %+v", l)
	}
	c, _ := st.Contacts.Get(ctx, *l.ContactID)
	acc, _ := st.Accounts.Get(ctx, *l.AccountID)
	d, _ := st.Deals.Get(ctx, *l.DealID)
	if c.Name() != "Zeynep Kaya" || c.PhoneE164 != "+902165554433" || acc.Name != "Kaya Gıda" || d.Title != "Cold storage" ||
		d.Amount != 1250050 || d.Currency != "USD" || d.ContactID == nil || *d.ContactID != c.ID || *d.AccountID != acc.ID {
		t.Fatalf("became %+v / %+v / %+v", c, acc, d)
	}
	want := fmt.Sprintf("converted Zeynep Kaya: contact #%d, account #%d Kaya Gıda, deal #%d (u undoes)", c.ID, acc.ID, d.ID)
	if a.status != want {
		t.Fatalf("status %q, want %q", a.status, want)
	}
	run(t, a, keys("u")...)
	l, _ = st.Leads.Get(ctx, ls[3].ID)
	if l.Status != model.LeadQualified || l.ContactID != nil {
		t.Fatalf("undo left the lead %+v (%s)", l, a.status)
	}
	if n, _ := st.Contacts.Count(ctx, store.ListQuery{}); n != 6 {
		t.Fatalf("undo left %d contacts", n)
	}
	if n, _ := st.Deals.Count(ctx, store.ListQuery{}); n != 0 {
		t.Fatalf("undo left %d deals", n)
	}
	wantIn(t, a.View(), "undid")
}

// A lead converted by someone else while the dialog is open: confirming
// says so in the status line; nothing panics, nothing is written twice.
func TestConvertRefusedByTheStoreShowsTheError(t *testing.T) {
	a, st, ls := leadsApp(t, 120, 30)
	ctx := context.Background()
	run(t, a, keys("jj")...)
	run(t, a, keys("c")...)
	if _, err := st.Leads.Convert(ctx, ls[2].ID, 0, store.ConvertOptions{}); err != nil {
		t.Fatal(err)
	}
	confirmDialog(t, a)
	if !a.isErr || !strings.Contains(a.status, "not converted") {
		t.Fatalf("status %q", a.status)
	}
	if n, _ := st.Contacts.Count(ctx, store.ListQuery{Search: "mehmet"}); n != 1 {
		t.Fatalf("%d contacts for Mehmet", n)
	}
	// esc in the dialog converts nothing
	run(t, a, keys("j")...)
	run(t, a, keys("c")...)
	run(t, a, press(tea.KeyEsc))
	if a.dialog != nil || a.status != "not converted" {
		t.Fatalf("esc: %q", a.status)
	}
	if l, _ := st.Leads.Get(ctx, ls[3].ID); l.Status != model.LeadQualified {
		t.Fatalf("esc converted: %s", l.Status)
	}
}

// x asks for the reason in the footer and disqualifies; u undoes.
func TestDisqualifyAsksTheReason(t *testing.T) {
	a, st, ls := leadsApp(t, 120, 30)
	ctx := context.Background()
	run(t, a, keys("jj")...) // Mehmet Demir
	run(t, a, keys("x")...)
	wantIn(t, a.View(), `Disqualify "Mehmet Demir" because: no budget, not a fit, no answer…`)
	run(t, a, press(tea.KeyEnter))
	if !a.isErr || !strings.Contains(a.status, "needs a reason") || a.prompt == nil {
		t.Fatalf("empty reason: %q", a.status)
	}
	typeText(t, a, "went with a competitor")
	run(t, a, press(tea.KeyEnter))
	if a.prompt != nil || a.status != "disqualified lead Mehmet Demir (u undoes)" {
		t.Fatalf("status %q", a.status)
	}
	l, _ := st.Leads.Get(ctx, ls[2].ID)
	if l.Status != model.LeadDisqualified || l.Reason != "went with a competitor" {
		t.Fatalf("lead %+v", l)
	}
	wantIn(t, a.View(), "[all 4]", "disqualified 2")
	run(t, a, keys("u")...)
	if l, _ := st.Leads.Get(ctx, ls[2].ID); l.Status != model.LeadContacted {
		t.Fatalf("undo: %s", l.Status)
	}
	// esc cancels
	run(t, a, keys("x")...)
	run(t, a, press(tea.KeyEsc))
	if a.prompt != nil || a.status != "not disqualified" {
		t.Fatalf("esc: %q", a.status)
	}
	// a converted lead is refused at once, without asking why
	if _, err := st.Leads.Convert(ctx, ls[2].ID, 0, store.ConvertOptions{}); err != nil {
		t.Fatal(err)
	}
	run(t, a, keys("r")...)
	run(t, a, keys("x")...)
	if a.prompt != nil || !a.isErr || !strings.Contains(a.status, "cannot be disqualified") {
		t.Fatalf("x on a converted lead: prompt %v, status %q", a.prompt != nil, a.status)
	}
}

// n adds a lead with the form; e edits its status; d archives it.
func TestLeadFormAddEditArchive(t *testing.T) {
	a, st, _ := leadsApp(t, 120, 40)
	ctx := context.Background()
	run(t, a, keys("n")...)
	wantIn(t, a.View(), "New lead", "Name *", "Company", "Source")
	typeText(t, a, "Canan Öz")
	run(t, a, press(tea.KeyTab))
	typeText(t, a, "Öz Makina")
	submitForm(t, a)
	if a.form != nil || a.status != "added lead Canan Öz" {
		t.Fatalf("not added (%q):\n%s", a.status, a.View())
	}
	l := selectedLead(t, a)
	if l.Name != "Canan Öz" || l.Company != "Öz Makina" || l.Status != model.LeadNew {
		t.Fatalf("selected %+v", l)
	}
	run(t, a, keys("e")...)
	wantIn(t, a.View(), "Edit Canan Öz", "Status")
	tabs(t, a, 6)
	run(t, a, press(tea.KeyDown), press(tea.KeyDown)) // new → contacted → qualified
	submitForm(t, a)
	if got, _ := st.Leads.Get(ctx, l.ID); got.Status != model.LeadQualified {
		t.Fatalf("status %s (%s)", got.Status, a.status)
	}
	run(t, a, keys("d")...)
	wantIn(t, a.View(), `Archive lead "Canan Öz"? y/n`)
	run(t, a, keys("y")...)
	if got, _ := st.Leads.Get(ctx, l.ID); got.ArchivedAt == nil {
		t.Fatal("not archived")
	}
	wantIn(t, a.View(), "4 leads")
}

// On a lead's detail, a logs an activity linked to the lead, E edits its
// notes, and the lead's timeline shows both.
func TestLeadDetailLogAndNotes(t *testing.T) {
	a, st, ls := leadsApp(t, 120, 40)
	ctx := context.Background()
	run(t, a, keys("jj")...)
	run(t, a, press(tea.KeyEnter))
	wantIn(t, a.View(), "Leads › Mehmet Demir", "Demir Yapı", "status: contacted", "First call", "last activity: 2d ago")
	run(t, a, keys("a")...)
	wantIn(t, a.View(), "Log on Mehmet Demir")
	run(t, a, press(tea.KeyEnter))
	typeText(t, a, "Sent the brochure")
	submitForm(t, a)
	acts, _ := st.Activities.List(ctx, store.ListQuery{LeadID: ls[2].ID})
	if len(acts) != 2 || acts[1].Subject != "Sent the brochure" {
		t.Fatalf("lead activities %+v", acts)
	}
	wantIn(t, a.View(), "Sent the brochure", "Timeline (3)")
	editNotes(t, a, writeEditor(t, `printf 'Prefers email.\n' >> "$1"`))
	if got, _ := st.Leads.Get(ctx, ls[2].ID); got.Notes != "Prefers email." {
		t.Fatalf("notes %q (%s)", got.Notes, a.status)
	}
	wantIn(t, a.View(), "notes: Prefers email.")
	// c and x work from the detail too
	run(t, a, keys("x")...)
	wantIn(t, a.View(), `Disqualify "Mehmet Demir" because:`)
	run(t, a, press(tea.KeyEsc))
	run(t, a, keys("c")...)
	if _, ok := a.dialog.(*convertView); !ok {
		t.Fatalf("c on the detail:\n%s", a.View())
	}
}

// The help lists the leads keys.
func TestLeadsHelp(t *testing.T) {
	a, _, _ := leadsApp(t, 120, 40)
	run(t, a, keys("?")...)
	wantIn(t, a.View(), "Keys for Leads", "c convert", "x disqualify", "f status", "4 leads")
}

// While a form is filled in, a likely duplicate is named under it.
func TestFormWarnsAboutLikelyDuplicates(t *testing.T) {
	a, _, _ := leadsApp(t, 120, 40)
	run(t, a, keys("2n")...)
	typeText(t, a, "Other")
	tabs(t, a, 2)
	typeText(t, a, "AYSE@isik.com.tr")
	if a.form == nil || len(a.form.warn) != 1 || !a.form.warn[0].exact {
		t.Fatalf("no warning:\n%s", a.View())
	}
	wantIn(t, a.View(), "Likely duplicate: Ayşe Yılmaz (#1, 100: same email); saving asks first")
	// changing the email to a new one clears it
	for i := 0; i < 20; i++ {
		run(t, a, press(tea.KeyBackspace))
	}
	typeText(t, a, "other@example.com")
	wantNotIn(t, a.View(), "Likely duplicate")
	run(t, a, press(tea.KeyEsc))

	run(t, a, keys("3n")...)
	typeText(t, a, "Demir Lojistik Ltd")
	wantIn(t, a.View(), "Likely duplicate: Demir Lojistik (#2, 90: same name but for the legal form)")
	run(t, a, press(tea.KeyEsc))

	run(t, a, keys("4n")...)
	typeText(t, a, "Hans Mueller")
	run(t, a, press(tea.KeyTab))
	typeText(t, a, "Weber & Söhne")
	wantIn(t, a.View(), "Likely duplicate: contact Hans MÜLLER (#4, 75: same name, same company)",
		"Company is likely account Weber & Söhne KG (#3, 90: same name but for the legal form)")
	run(t, a, press(tea.KeyEsc))

	// A person already entered as a lead (and not a contact) warns too.
	run(t, a, keys("n")...)
	typeText(t, a, "Mehmet Demır")
	wantIn(t, a.View(), "Likely duplicate: lead Mehmet Demir (#3, 50: same name)")
	run(t, a, press(tea.KeyEsc))
}

// A reply to an older check never replaces a newer one.
func TestStaleDuplicateWarningIsDropped(t *testing.T) {
	a, _, _ := leadsApp(t, 120, 40)
	run(t, a, keys("2n")...)
	_, first := a.Update(keys("A")[0])
	_, second := a.Update(keys("y")[0])
	newer := runCmd(second)
	older := runCmd(first) // its check finds a newer one asked and returns nothing
	run(t, a, newer...)
	run(t, a, older...)
	f := a.form
	latest := f.dupLatest.Load()
	run(t, a, dupWarnMsg{seq: latest - 1, lines: []dupLine{{text: "Likely duplicate: stale"}}})
	wantNotIn(t, a.View(), "stale")
	run(t, a, dupWarnMsg{seq: latest, lines: []dupLine{{text: "Likely duplicate: fresh"}}})
	wantIn(t, a.View(), "Likely duplicate: fresh")
}

// A lead whose email is another lead's is refused on save; y saves it
// anyway.
func TestLeadFormExactDuplicateAsks(t *testing.T) {
	a, st, _ := leadsApp(t, 120, 40)
	run(t, a, keys("n")...)
	typeText(t, a, "M. Demir")
	tabs(t, a, 3)
	typeText(t, a, "mehmet@demiryapi.com.tr")
	submitForm(t, a)
	wantIn(t, a.View(), `email "mehmet@demiryapi.com.tr" is already used by Mehmet Demir`, "Save anyway?")
	// n says why it was not saved and keeps the form
	run(t, a, keys("n")...)
	wantIn(t, a.View(), `not saved: email "mehmet@demiryapi.com.tr" is already used by Mehmet Demir`)
	submitForm(t, a)
	run(t, a, keys("y")...)
	if n, _ := st.Leads.Count(context.Background(), store.ListQuery{}); n != 5 {
		t.Fatalf("%d leads after save anyway", n)
	}
}
