package store

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"rolo/model"
)

func addLead(t *testing.T, s *Store, l model.Lead) model.Lead {
	t.Helper()
	out, err := s.Leads.Create(ctx, l, WriteOptions{})
	if err != nil {
		t.Fatalf("create lead %s: %v", l.Name, err)
	}
	return out
}

func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.db.QueryRowContext(ctx, query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestLeadCRUDSearchAndStatus(t *testing.T) {
	s := openTestStore(t)
	l := addLead(t, s, model.Lead{Name: "Ayşe Yılmaz", Company: "Işık Tekstil", Email: "ayse@isik.com.tr", Phone: "0212 555 01 01", Source: "fair"})
	if l.Status != model.LeadNew || l.PhoneE164 != "+902125550101" {
		t.Fatalf("new lead: %+v", l)
	}
	addLead(t, s, model.Lead{Name: "Hans Müller", Company: "Müller GmbH"})
	for q, want := range map[string]int{"isik": 1, "ayse": 1, "muller": 1, "0101": 1, "nobody": 0} {
		if n, err := s.Leads.Count(ctx, ListQuery{Search: q}); err != nil || n != want {
			t.Errorf("search %q: %d (%v), want %d", q, n, err, want)
		}
	}
	if _, err := s.Leads.Create(ctx, model.Lead{Name: "Again", Email: "AYSE@isik.com.tr"}, WriteOptions{}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("same email: %v, want a duplicate", err)
	}
	if _, err := s.Leads.Create(ctx, model.Lead{Company: "No name"}, WriteOptions{}); !errors.Is(err, model.ErrValidation) {
		t.Errorf("no name: %v", err)
	}
	l.Status = model.LeadQualified
	l, err := s.Leads.Update(ctx, l, WriteOptions{})
	if err != nil || l.Status != model.LeadQualified {
		t.Fatalf("qualify: %v %+v", err, l)
	}
	if n, _ := s.Leads.Count(ctx, ListQuery{Status: model.LeadQualified}); n != 1 {
		t.Errorf("qualified count %d", n)
	}
	l.Status = model.LeadConverted
	if _, err := s.Leads.Update(ctx, l, WriteOptions{}); !errors.Is(err, model.ErrValidation) {
		t.Errorf("setting converted by hand: %v", err)
	}
	if _, err := s.Leads.Disqualify(ctx, l.ID, l.Version, " "); !errors.Is(err, model.ErrValidation) {
		t.Errorf("disqualify without a reason: %v", err)
	}
	d, err := s.Leads.Disqualify(ctx, l.ID, l.Version, "no budget")
	if err != nil || d.Status != model.LeadDisqualified || d.Reason != "no budget" {
		t.Fatalf("disqualify: %v %+v", err, d)
	}
	counts, err := s.Leads.StatusCounts(ctx, 0)
	if err != nil || counts[model.LeadDisqualified] != 1 || counts[model.LeadNew] != 1 {
		t.Errorf("status counts %v %v", counts, err)
	}
}

func TestConvertLeadNewAccountWithDealAndActivities(t *testing.T) {
	s := openTestStore(t)
	l := addLead(t, s, model.Lead{Name: "Ayşe Nur Yılmaz", Company: "Işık Tekstil A.Ş.", Email: "ayse@isik.com.tr", Title: "CFO", Source: "fair", Tags: []string{"vip"}})
	lid := l.ID
	call, err := s.Activities.Create(ctx, model.Activity{Kind: model.KindCall, Subject: "first call", At: time.Now().Add(-time.Hour), LeadID: &lid})
	if err != nil {
		t.Fatal(err)
	}
	if call.LeadName != "Ayşe Nur Yılmaz" || call.Record() != "lead Ayşe Nur Yılmaz" {
		t.Errorf("a lead's activity names the lead: %q %q", call.LeadName, call.Record())
	}
	if n, _ := s.Activities.Count(ctx, ListQuery{Search: "nur"}); n != 1 {
		t.Errorf("a lead's activity is found by the lead's name")
	}
	if _, err := s.Activities.Create(ctx, model.Activity{Kind: model.KindNote, Subject: "x", At: time.Now(), LeadID: ptrID(999)}); !errors.Is(err, model.ErrValidation) {
		t.Errorf("activity on a missing lead: %v", err)
	}
	conv, err := s.Leads.Convert(ctx, l.ID, l.Version, ConvertOptions{Deal: &model.Deal{Amount: 120000, Currency: "EUR"}})
	if err != nil {
		t.Fatal(err)
	}
	if !conv.AccountCreated || !conv.ContactCreated || conv.Account.Name != "Işık Tekstil A.Ş." {
		t.Errorf("conversion %+v", conv)
	}
	c := conv.Contact
	if c.FirstName != "Ayşe Nur" || c.LastName != "Yılmaz" || c.Email != "ayse@isik.com.tr" || c.Title != "CFO" ||
		c.AccountID == nil || *c.AccountID != conv.Account.ID || c.Source != "fair" {
		t.Errorf("contact %+v", c)
	}
	if conv.Deal == nil || conv.Deal.Title != "Işık Tekstil A.Ş." || *conv.Deal.ContactID != c.ID || conv.Deal.Amount != 120000 {
		t.Errorf("deal %+v", conv.Deal)
	}
	if conv.Lead.Status != model.LeadConverted || *conv.Lead.ContactID != c.ID || *conv.Lead.AccountID != conv.Account.ID ||
		*conv.Lead.DealID != conv.Deal.ID || conv.Lead.ConvertedAt == nil {
		t.Errorf("lead %+v", conv.Lead)
	}
	moved, err := s.Activities.Get(ctx, call.ID)
	if err != nil || moved.ContactID == nil || *moved.ContactID != c.ID || *moved.LeadID != lid || conv.MovedActivities != 1 {
		t.Errorf("activity %+v %v (moved %d)", moved, err, conv.MovedActivities)
	}
	if _, err := s.Leads.Convert(ctx, l.ID, 0, ConvertOptions{}); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "already converted") {
		t.Errorf("second conversion: %v", err)
	}
	// The whole conversion is one change: undo takes it all back.
	g, err := s.History.Last(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.History.Undo(ctx, g); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Leads.Get(ctx, l.ID)
	if back.Status != model.LeadNew || back.ContactID != nil {
		t.Errorf("lead after undo %+v", back)
	}
	for _, table := range []string{"contacts", "accounts", "deals"} {
		if n := count(t, s, `SELECT count(*) FROM `+table); n != 0 {
			t.Errorf("%d %s left after undo", n, table)
		}
	}
	a, _ := s.Activities.Get(ctx, call.ID)
	if a.ContactID != nil {
		t.Errorf("activity still on the contact after undo: %+v", a)
	}
}

func TestConvertLeadLinksExisting(t *testing.T) {
	s := openTestStore(t)
	acc, err := s.Accounts.Create(ctx, model.Account{Name: "Işık Tekstil"}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The company's folded name finds the account.
	l := addLead(t, s, model.Lead{Name: "Mehmet Öz", Company: "ISIK TEKSTIL"})
	conv, err := s.Leads.Convert(ctx, l.ID, 0, ConvertOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if conv.AccountCreated || conv.Account.ID != acc.ID || conv.Deal != nil {
		t.Errorf("should link account #%d: %+v", acc.ID, conv)
	}
	// An exact duplicate contact is refused, naming it; picking it links.
	existing := addContact(t, s, "Zeynep", "Kaya", "zeynep@kaya.com", "")
	l2 := addLead(t, s, model.Lead{Name: "Zeynep Kaya", Email: "z@other.com"})
	l2.Email = "zeynep@kaya.com"
	// (the lead was saved with another email, then corrected)
	l2, err = s.Leads.Update(ctx, l2, WriteOptions{AllowDuplicate: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Leads.Convert(ctx, l2.ID, 0, ConvertOptions{})
	var dup *DuplicateError
	if !errors.As(err, &dup) || dup.ExistingID != existing.ID {
		t.Fatalf("convert onto an existing email: %v", err)
	}
	if n := count(t, s, `SELECT count(*) FROM contacts`); n != 2 {
		t.Errorf("a refused conversion wrote a contact: %d contacts", n)
	}
	conv, err = s.Leads.Convert(ctx, l2.ID, 0, ConvertOptions{ContactID: existing.ID, AccountID: acc.ID})
	if err != nil {
		t.Fatal(err)
	}
	if conv.ContactCreated || conv.Contact.ID != existing.ID || *conv.Contact.AccountID != acc.ID {
		t.Errorf("link existing contact: %+v", conv)
	}
	// A similar name warns.
	addContact(t, s, "Hans", "Mueller", "", "")
	l3 := addLead(t, s, model.Lead{Name: "Hans Müller"})
	conv, err = s.Leads.Convert(ctx, l3.ID, 0, ConvertOptions{})
	if err != nil || len(conv.Similar) != 1 || conv.Similar[0].Name != "Hans Mueller" {
		t.Errorf("similar: %v %+v", err, conv.Similar)
	}
}

func TestLeadsLike(t *testing.T) {
	s := openTestStore(t)
	a := addLead(t, s, model.Lead{Name: "Hans Müller", Company: "Müller GmbH"})
	addLead(t, s, model.Lead{Name: "Someone Else"})
	ms, err := s.Dupes.LeadsLike(ctx, model.Lead{Name: "hans mueller"})
	if err != nil || len(ms) != 1 || ms[0].ID != a.ID {
		t.Errorf("similar lead: %v %+v", err, ms)
	}
	if ms, _ := s.Dupes.LeadsLike(ctx, a); len(ms) != 0 {
		t.Errorf("a lead is not its own duplicate: %+v", ms)
	}
}

func TestDupesForContactAndLead(t *testing.T) {
	s := openTestStore(t)
	ayse := addContact(t, s, "Ayşe", "Yılmaz", "ayse@isik.com.tr", "0212 555 01 01")
	addContact(t, s, "Mehmet", "Demir", "", "")
	ms, err := s.Dupes.ForContact(ctx, model.Contact{FirstName: "AYSE", LastName: "YILMAZ"})
	if err != nil || len(ms) != 1 || ms[0].ID != ayse.ID || ms[0].Exact {
		t.Errorf("by name: %v %+v", err, ms)
	}
	ms, _ = s.Dupes.ForContact(ctx, model.Contact{FirstName: "Someone", Phone: "+90 212 555 0101"})
	if len(ms) != 1 || !ms[0].Exact || ms[0].Reasons[0] != "same phone" {
		t.Errorf("by phone: %+v", ms)
	}
	// A contact is not its own duplicate.
	if ms, _ = s.Dupes.ForContact(ctx, ayse); len(ms) != 0 {
		t.Errorf("self: %+v", ms)
	}
	if _, err := s.Accounts.Create(ctx, model.Account{Name: "Işık Tekstil A.Ş.", Domain: "isik.com.tr"}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	cs, as, err := s.Dupes.ForLead(ctx, model.Lead{Name: "Ayse Yilmaz", Company: "Isik Tekstil", Email: "info@isik.com.tr"})
	if err != nil || len(cs) != 1 || len(as) != 1 || as[0].Score != 100 {
		t.Errorf("lead: %v contacts %+v accounts %+v", err, cs, as)
	}
}

func TestMergeContactsAndUndo(t *testing.T) {
	s := openTestStore(t)
	a := addContact(t, s, "Hans", "Müller", "hans@muller.de", "")
	b := addContact(t, s, "Hans", "Mueller", "h.mueller@gmail.com", "+49 30 1234567")
	bid := b.ID
	act, err := s.Activities.Create(ctx, model.Activity{Kind: model.KindNote, Subject: "met at fair", At: time.Now(), ContactID: &bid})
	if err != nil {
		t.Fatal(err)
	}
	acc, _ := s.Accounts.Create(ctx, model.Account{Name: "Müller GmbH"}, WriteOptions{})
	d, err := s.Deals.Create(ctx, model.Deal{Title: "Looms", AccountID: &acc.ID, ContactID: &bid, Amount: 100, Currency: "EUR"}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := s.Dupes.ContactPairs(ctx, 0)
	if err != nil || len(pairs) != 1 || pairs[0].A != a.ID || pairs[0].ID != b.ID {
		t.Fatalf("pairs %v %+v", err, pairs)
	}
	keep := a
	keep.Phone = b.Phone // picked from the other side
	merged, err := s.Dupes.MergeContacts(ctx, keep, b.ID, b.Version)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Phone != b.Phone || merged.Email != a.Email {
		t.Errorf("survivor %+v", merged)
	}
	gone, _ := s.Contacts.Get(ctx, b.ID)
	if gone.ArchivedAt == nil || gone.MergedInto == nil || *gone.MergedInto != a.ID {
		t.Errorf("dropped %+v", gone)
	}
	if x, _ := s.Activities.Get(ctx, act.ID); *x.ContactID != a.ID {
		t.Errorf("activity not moved: %+v", x)
	}
	if x, _ := s.Deals.Get(ctx, d.ID); *x.ContactID != a.ID {
		t.Errorf("deal not moved: %+v", x)
	}
	// The survivor's history carries the merged contact's.
	hist, _ := s.History.For(ctx, "contact", a.ID, 0)
	sawB := false
	for _, h := range hist {
		sawB = sawB || h.EntityID == b.ID && h.Action == "create"
	}
	if !sawB {
		t.Errorf("survivor history lacks the merged contact's: %+v", hist)
	}
	if pairs, _ := s.Dupes.ContactPairs(ctx, 0); len(pairs) != 0 {
		t.Errorf("pairs after merge %+v", pairs)
	}
	if _, err := s.Dupes.MergeContacts(ctx, merged, a.ID, 0); !errors.Is(err, model.ErrValidation) {
		t.Errorf("merge into itself: %v", err)
	}
	// Merging back into the archived contact would hide both.
	if _, err := s.Dupes.MergeContacts(ctx, gone, a.ID, 0); !errors.Is(err, ErrConflict) {
		t.Errorf("merge into an archived contact: %v", err)
	}
	g, _ := s.History.Last(ctx)
	if _, err := s.History.Undo(ctx, g); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Contacts.Get(ctx, b.ID)
	if back.ArchivedAt != nil || back.MergedInto != nil {
		t.Errorf("after undo: %+v", back)
	}
	if x, _ := s.Activities.Get(ctx, act.ID); *x.ContactID != b.ID {
		t.Errorf("activity after undo: %+v", x)
	}
	if x, _ := s.Deals.Get(ctx, d.ID); *x.ContactID != b.ID {
		t.Errorf("deal after undo: %+v", x)
	}
	if x, _ := s.Contacts.Get(ctx, a.ID); x.Phone != "" {
		t.Errorf("survivor after undo: %+v", x)
	}
}

func TestMergeAccountsMovesContacts(t *testing.T) {
	s := openTestStore(t)
	a, _ := s.Accounts.Create(ctx, model.Account{Name: "Işık Tekstil A.Ş."}, WriteOptions{})
	b, _ := s.Accounts.Create(ctx, model.Account{Name: "Isik Tekstil", Domain: "isik.com.tr"}, WriteOptions{})
	c, err := s.Contacts.Create(ctx, model.Contact{FirstName: "Ali", AccountID: &b.ID}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pairs, _ := s.Dupes.AccountPairs(ctx, model.MinScore)
	if len(pairs) != 1 {
		t.Fatalf("pairs %+v", pairs)
	}
	keep := a
	keep.Domain = b.Domain
	out, err := s.Dupes.MergeAccounts(ctx, keep, b.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if out.Domain != "isik.com.tr" || out.Contacts != 1 {
		t.Errorf("survivor %+v", out)
	}
	if x, _ := s.Contacts.Get(ctx, c.ID); *x.AccountID != a.ID || x.AccountName != a.Name {
		t.Errorf("contact %+v", x)
	}
	g, _ := s.History.Last(ctx)
	if _, err := s.History.Undo(ctx, g); err != nil {
		t.Fatal(err)
	}
	if x, _ := s.Contacts.Get(ctx, c.ID); *x.AccountID != b.ID {
		t.Errorf("contact after undo %+v", x)
	}
}

func ptrID(v int64) *int64 { return &v }

// A company named without (or with another spelling of) its legal form
// is the account that has it, when only one does.
func TestAccountFoundWithoutLegalForm(t *testing.T) {
	s := openTestStore(t)
	acc, err := s.Accounts.Create(ctx, model.Account{Name: "Işık Tekstil A.Ş."}, WriteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"isik tekstil", "ISIK TEKSTIL AS", "Işık Tekstil Anonim"} {
		got, err := s.Accounts.FindByName(ctx, name)
		if name == "Işık Tekstil Anonim" {
			if err == nil {
				t.Errorf("%q found %q", name, got.Name)
			}
			continue
		}
		if err != nil || got.ID != acc.ID {
			t.Errorf("%q: %v %+v", name, err, got)
		}
	}
	l := addLead(t, s, model.Lead{Name: "Ali Veli", Company: "ISIK TEKSTIL AS"})
	conv, err := s.Leads.Convert(ctx, l.ID, 0, ConvertOptions{})
	if err != nil || conv.AccountCreated || conv.Account.ID != acc.ID {
		t.Errorf("convert: %v %+v", err, conv)
	}
	c, err := s.Contacts.Create(ctx, model.Contact{FirstName: "Veli", AccountName: "Isik Tekstil"}, WriteOptions{})
	if err != nil || *c.AccountID != acc.ID {
		t.Errorf("contact add: %v %+v", err, c)
	}
	// Two accounts that differ only by legal form: no guess, a new one.
	if _, err := s.Accounts.Create(ctx, model.Account{Name: "Işık Tekstil Ltd"}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Accounts.FindByName(ctx, "isik tekstil"); err == nil {
		t.Errorf("guessed between two accounts")
	}
}

// An id freed by undoing a create is not handed out again: the new record
// would show the old one's history.
func TestIDsNotReusedAfterUndo(t *testing.T) {
	s := openTestStore(t)
	first := addContact(t, s, "Gone", "Soon", "", "")
	g, _ := s.History.Last(ctx)
	if _, err := s.History.Undo(ctx, g); err != nil {
		t.Fatal(err)
	}
	next := addContact(t, s, "New", "One", "", "")
	if next.ID == first.ID {
		t.Fatalf("id %d reused", next.ID)
	}
	hist, _ := s.History.For(ctx, "contact", next.ID, 0)
	if len(hist) != 1 || hist[0].Action != "create" {
		t.Errorf("history of the new contact: %+v", hist)
	}
}

// Linking a lead to an existing contact keeps what the lead knew.
func TestConvertOntoContactKeepsTheLeadsDetails(t *testing.T) {
	s := openTestStore(t)
	c := addContact(t, s, "Hans", "Weber", "hans@weber.de", "")
	l := addLead(t, s, model.Lead{Name: "Hans Weber", Email: "hw@weber-gmbh.de", Phone: "+49 30 1234567", Title: "Einkauf", Tags: []string{"fair"}})
	conv, err := s.Leads.Convert(ctx, l.ID, 0, ConvertOptions{ContactID: c.ID})
	if err != nil {
		t.Fatal(err)
	}
	got := conv.Contact
	if got.Email != "hans@weber.de" || got.Custom["other_emails"] != "hw@weber-gmbh.de" || got.Phone != "+49 30 1234567" ||
		got.Title != "Einkauf" || len(got.Tags) != 1 {
		t.Errorf("contact after linking: %+v", got)
	}
}

// The trigger-kept counts per status agree with counting the leads,
// whatever happens to them.
func TestLeadStatusCountsFollowEveryWrite(t *testing.T) {
	s := openTestStore(t)
	other, _ := s.Users.Ensure(ctx, "Other Rep", "")
	check := func(when string) {
		t.Helper()
		for _, owner := range []int64{0, s.actor, other.ID} {
			got, err := s.Leads.StatusCounts(ctx, owner)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{}
			rows, _ := s.db.QueryContext(ctx, `SELECT status, count(*) FROM leads WHERE archived_at IS NULL
				AND (? = 0 OR owner_id = ?) GROUP BY status`, owner, owner)
			for rows.Next() {
				var st string
				var n int
				rows.Scan(&st, &n)
				want[st] = n
			}
			rows.Close()
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("%s, owner %d: counts %v, want %v", when, owner, got, want)
			}
		}
	}
	a := addLead(t, s, model.Lead{Name: "A"})
	b := addLead(t, s, model.Lead{Name: "B", OwnerID: other.ID})
	addLead(t, s, model.Lead{Name: "C", Status: model.LeadQualified})
	check("after adding")
	b.Status = model.LeadContacted
	b, _ = s.Leads.Update(ctx, b, WriteOptions{})
	check("after a status change")
	b.OwnerID = s.actor
	b, _ = s.Leads.Update(ctx, b, WriteOptions{})
	check("after an owner change")
	if _, err := s.Leads.Disqualify(ctx, a.ID, 0, "no"); err != nil {
		t.Fatal(err)
	}
	check("after disqualifying")
	if _, err := s.Leads.Archive(ctx, b.ID, 0); err != nil {
		t.Fatal(err)
	}
	check("after archiving")
	if _, err := s.Leads.Convert(ctx, a.ID, 0, ConvertOptions{}); err != nil {
		t.Fatal(err)
	}
	check("after converting")
	for i := 0; i < 4; i++ {
		g, _ := s.History.Last(ctx)
		if _, err := s.History.Undo(ctx, g); err != nil {
			t.Fatal(err)
		}
		check(fmt.Sprintf("after undo %d", i+1))
	}
	if _, err := s.Import(ctx, ImportOptions{Kind: "leads"}, items(ImportItem{Line: 2, Lead: &model.Lead{Name: "D", Status: model.LeadConverted}}), nil); err != nil {
		t.Fatal(err)
	}
	check("after an import")
}

// A lead naming an account that was merged away converts onto the
// survivor rather than bringing the duplicate back.
func TestConvertFollowsAMergedAccount(t *testing.T) {
	s := openTestStore(t)
	keep, _ := s.Accounts.Create(ctx, model.Account{Name: "Weber & Söhne KG", Domain: "weber.de"}, WriteOptions{})
	gone, _ := s.Accounts.Create(ctx, model.Account{Name: "Weber und Soehne GmbH"}, WriteOptions{})
	l := addLead(t, s, model.Lead{Name: "L One", Company: "Weber und Soehne GmbH"})
	if _, err := s.Dupes.MergeAccounts(ctx, keep, gone.ID, 0); err != nil {
		t.Fatal(err)
	}
	conv, err := s.Leads.Convert(ctx, l.ID, 0, ConvertOptions{})
	if err != nil || conv.AccountCreated || conv.Account.ID != keep.ID {
		t.Errorf("convert after the merge: %v %+v", err, conv.Account)
	}
}

// An archived lead is not edited or disqualified.
func TestArchivedLeadIsNotChanged(t *testing.T) {
	s := openTestStore(t)
	l := addLead(t, s, model.Lead{Name: "Zed"})
	l, _ = s.Leads.Archive(ctx, l.ID, 0)
	l.Name = "Zed Two"
	if _, err := s.Leads.Update(ctx, l, WriteOptions{}); !errors.Is(err, ErrConflict) {
		t.Errorf("edit an archived lead: %v", err)
	}
	if _, err := s.Leads.Disqualify(ctx, l.ID, 0, "x"); !errors.Is(err, ErrConflict) {
		t.Errorf("disqualify an archived lead: %v", err)
	}
}

// Updating a lead by import keeps its status and reason together.
func TestImportLeadUpdateKeepsReasonWithStatus(t *testing.T) {
	s := openTestStore(t)
	l := addLead(t, s, model.Lead{Name: "Dis Q", Email: "dq@x.com"})
	if _, err := s.Leads.Disqualify(ctx, l.ID, 0, "spam"); err != nil {
		t.Fatal(err)
	}
	row := func(status, reason string) ImportItem {
		return ImportItem{Line: 2, Lead: &model.Lead{Name: "Dis Q", Email: "dq@x.com", Status: status, Reason: reason}}
	}
	if _, err := s.Import(ctx, ImportOptions{Kind: "leads", OnDuplicate: OnDuplicateUpdate}, items(row(model.LeadContacted, "")), nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Leads.Get(ctx, l.ID); got.Status != model.LeadContacted || got.Reason != "" {
		t.Errorf("reopened: %q %q", got.Status, got.Reason)
	}
	var rows []ImportRow
	if _, err := s.Import(ctx, ImportOptions{Kind: "leads", OnDuplicate: OnDuplicateUpdate}, items(row(model.LeadDisqualified, "")), collect(&rows)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Leads.Get(ctx, l.ID); got.Status != model.LeadDisqualified || got.Reason == "" || rows[0].Action != RowUpdated {
		t.Errorf("disqualified by import: %q %q\n%s", got.Status, got.Reason, rowsText(rows))
	}
	// --on-duplicate create says which record the row duplicates
	rows = nil
	if _, err := s.Import(ctx, ImportOptions{Kind: "leads", OnDuplicate: OnDuplicateCreate}, items(row("", "")), collect(&rows)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rows[0].Warning, "same email as lead") {
		t.Errorf("create anyway: %s", rowsText(rows))
	}
}
