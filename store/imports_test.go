package store

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"rolo/model"
)

// items feeds Import from a slice.
func items(list ...ImportItem) func() (ImportItem, error) {
	i := 0
	return func() (ImportItem, error) {
		if i == len(list) {
			return ImportItem{}, io.EOF
		}
		i++
		return list[i-1], nil
	}
}

func contactRow(line int, first, last, email, phone, account string) ImportItem {
	return ImportItem{Line: line, Contact: &model.Contact{FirstName: first, LastName: last, Email: email, Phone: phone, AccountName: account}}
}

func collect(rows *[]ImportRow) func(ImportRow) {
	return func(r ImportRow) { *rows = append(*rows, r) }
}

func rowsText(rows []ImportRow) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d %s %s", r.Line, r.Action, r.Name)
		if r.Reason != "" {
			b.WriteString(" | " + r.Reason)
		}
		if r.Warning != "" {
			b.WriteString(" | warning: " + r.Warning)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestImportContactsSkipsDuplicatesAndBadRows(t *testing.T) {
	s := openTestStore(t)
	existing := addContact(t, s, "Ayşe", "Yılmaz", "ayse@isik.com.tr", "")
	file := []ImportItem{
		contactRow(2, "Ayse", "Yilmaz", "AYSE@isik.com.tr", "", "Işık Tekstil"), // same email as a stored contact
		contactRow(3, "Hans", "Müller", "hans@muller.de", "+49 30 1234567", "Müller GmbH"),
		contactRow(4, "Hans", "Mueller", "h@muller.de", "", ""),         // similar name: a warning
		contactRow(5, "", "", "nobody@x.com", "", ""),                   // no name
		contactRow(6, "Bad", "Mail", "not-an-email", "", ""),            // bad email
		contactRow(7, "Other", "Hans", "x@y.com", "+49 30 1234567", ""), // same phone as row 3
		{Line: 8, Err: errors.New("line 8: email: contains a control character (U+0007)")},
	}
	var rows []ImportRow
	res, err := s.Import(ctx, ImportOptions{Kind: "contacts", File: "x.csv", Format: "csv"}, items(file...), collect(&rows))
	if err != nil {
		t.Fatal(err)
	}
	want := `2 skip Ayse Yilmaz | same email as contact #1 Ayşe Yılmaz
3 create Hans Müller
4 create Hans Mueller | warning: same name as contact #2 Hans Müller
5 error  | first_name: a contact needs a first or a last name
6 error Bad Mail | email: "not-an-email" is not an email address (expected name@example.com)
7 skip Other Hans | same phone as contact #2 Hans Müller
8 error  | line 8: email: contains a control character (U+0007)
`
	if got := rowsText(rows); got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	if res.Created != 2 || res.Skipped != 2 || res.Failed != 3 || res.Warned != 1 || res.Batch == 0 {
		t.Errorf("result %+v", res)
	}
	if n := count(t, s, `SELECT count(*) FROM contacts`); n != 3 {
		t.Errorf("%d contacts, want 3", n)
	}
	if n := count(t, s, `SELECT count(*) FROM accounts WHERE name = 'Müller GmbH'`); n != 1 {
		t.Errorf("account from the company column: %d", n)
	}
	// Importing the same file again creates nothing.
	rows = nil
	res2, err := s.Import(ctx, ImportOptions{Kind: "contacts", File: "x.csv"}, items(file...), collect(&rows))
	if err != nil || res2.Created != 0 || res2.Skipped != 4 {
		t.Errorf("second import: %v %+v\n%s", err, res2, rowsText(rows))
	}
	// The batch is undone as one change: its contacts and account go.
	b, err := s.ImportBatch(ctx, res.Batch)
	if err != nil || b.Created != 2 || b.Group == 0 {
		t.Fatalf("batch %+v %v", b, err)
	}
	if _, err := s.History.Undo(ctx, b.Group); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM contacts`); n != 1 {
		t.Errorf("%d contacts after undo, want 1", n)
	}
	if n := count(t, s, `SELECT count(*) FROM accounts`); n != 0 {
		t.Errorf("%d accounts after undo, want 0", n)
	}
	if b, _ := s.ImportBatch(ctx, res.Batch); !b.Undone {
		t.Errorf("batch not marked undone")
	}
	_ = existing
}

func TestImportOnDuplicateModes(t *testing.T) {
	for _, tc := range []struct {
		mode, title, phone, notes string
		contacts                  int
		action                    string
	}{
		{OnDuplicateSkip, "CEO", "", "met 2024", 1, RowSkipped},
		{OnDuplicateUpdate, "CFO", "+90 212 555 01 01", "new note", 1, RowUpdated},
		{OnDuplicateMerge, "CEO", "+90 212 555 01 01", "met 2024\n\nnew note", 1, RowUpdated},
		{OnDuplicateCreate, "CEO", "", "met 2024", 2, RowCreated},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			s := openTestStore(t)
			c, err := s.Contacts.Create(ctx, model.Contact{FirstName: "Ayşe", LastName: "Yılmaz", Email: "ayse@isik.com.tr",
				Title: "CEO", Notes: "met 2024", Tags: []string{"a"}}, WriteOptions{})
			if err != nil {
				t.Fatal(err)
			}
			row := ImportItem{Line: 2, Contact: &model.Contact{FirstName: "Ayşe", LastName: "Yılmaz", Email: "ayse@isik.com.tr",
				Title: "CFO", Phone: "0212 555 01 01", Notes: "new note", Tags: []string{"b"}}}
			var rows []ImportRow
			if _, err := s.Import(ctx, ImportOptions{Kind: "contacts", OnDuplicate: tc.mode}, items(row), collect(&rows)); err != nil {
				t.Fatal(err)
			}
			if rows[0].Action != tc.action {
				t.Errorf("action %q, want %q (%s)", rows[0].Action, tc.action, rowsText(rows))
			}
			got, _ := s.Contacts.Get(ctx, c.ID)
			if got.Title != tc.title || got.Phone != strings.ReplaceAll(tc.phone, "+90 ", "0") && got.Phone != tc.phone || got.Notes != tc.notes {
				t.Errorf("contact %+v", got)
			}
			if n := count(t, s, `SELECT count(*) FROM contacts`); n != tc.contacts {
				t.Errorf("%d contacts, want %d", n, tc.contacts)
			}
		})
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	s := openTestStore(t)
	var rows []ImportRow
	res, err := s.Import(ctx, ImportOptions{Kind: "contacts", DryRun: true}, items(
		contactRow(2, "A", "B", "a@b.com", "", "Acme"),
		contactRow(3, "A", "B", "A@B.com", "", ""), // duplicates the row before it
	), collect(&rows))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 1 || res.Skipped != 1 || res.Batch != 0 || !res.DryRun {
		t.Errorf("dry run %+v\n%s", res, rowsText(rows))
	}
	for _, table := range []string{"contacts", "accounts", "history", "import_batches"} {
		if n := count(t, s, `SELECT count(*) FROM `+table); n != 0 && table != "history" {
			t.Errorf("dry run left %d rows in %s", n, table)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM history WHERE entity <> 'user'`); n != 0 {
		t.Errorf("dry run left %d history rows", n)
	}
}

func TestImportFatalErrorWritesNothing(t *testing.T) {
	s := openTestStore(t)
	n := 0
	next := func() (ImportItem, error) {
		n++
		if n == 3 {
			return ImportItem{}, errors.New("x.csv line 3: not valid UTF-8")
		}
		return contactRow(n+1, "P", fmt.Sprint(n), "", "", ""), nil
	}
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts"}, next, nil); err == nil {
		t.Fatal("want the read error")
	}
	if c := count(t, s, `SELECT count(*) FROM contacts`); c != 0 {
		t.Errorf("a failed import left %d contacts", c)
	}
}

func TestImportLeadsAndAccounts(t *testing.T) {
	s := openTestStore(t)
	addContact(t, s, "Zeynep", "Kaya", "zeynep@kaya.com", "")
	var rows []ImportRow
	res, err := s.Import(ctx, ImportOptions{Kind: "leads"}, items(
		ImportItem{Line: 2, Lead: &model.Lead{Name: "Zeynep Kaya", Email: "zeynep@kaya.com"}},
		ImportItem{Line: 3, Lead: &model.Lead{Name: "Ali Veli", Company: "Acme", Status: model.LeadQualified}},
		ImportItem{Line: 4, Lead: &model.Lead{Name: "Ali Veli", Company: "Acme", Email: "ali@acme.com"}},
	), collect(&rows))
	if err != nil {
		t.Fatal(err)
	}
	want := `2 skip Zeynep Kaya | same email as contact #1 Zeynep Kaya (already a contact)
3 create Ali Veli
4 create Ali Veli | warning: same name as lead #1 Ali Veli
`
	if got := rowsText(rows); got != want || res.Created != 2 {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
	rows = nil
	_, err = s.Import(ctx, ImportOptions{Kind: "accounts"}, items(
		ImportItem{Line: 2, Account: &model.Account{Name: "Işık Tekstil A.Ş.", Domain: "isik.com.tr"}},
		ImportItem{Line: 3, Account: &model.Account{Name: "ISIK TEKSTIL A.Ş."}},
		ImportItem{Line: 4, Account: &model.Account{Name: "Isik Tekstil", Website: "https://www.isik.com.tr"}},
	), collect(&rows))
	if err != nil {
		t.Fatal(err)
	}
	want = `2 create Işık Tekstil A.Ş.
3 skip ISIK TEKSTIL A.Ş. | same name as account #1 Işık Tekstil A.Ş.
4 create Isik Tekstil | warning: likely the same as account #1 Işık Tekstil A.Ş. (same name but for the legal form, same domain)
`
	if got := rowsText(rows); got != want {
		t.Errorf("rows:\n%s\nwant:\n%s", got, want)
	}
}

// An import keeps the search index itself (see deferSearch): afterwards
// the index must hold exactly the live rows' text, and the triggers must
// be back, whether the import committed, was a dry run or failed.
func TestImportKeepsSearchIndexAndTriggers(t *testing.T) {
	s := openTestStore(t)
	old := addContact(t, s, "Ayşe", "Yılmaz", "ayse@isik.com.tr", "")
	triggers := func() int {
		return count(t, s, `SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\_fts\_%' ESCAPE '\'`)
	}
	before := triggers()
	check := func(when string) {
		t.Helper()
		for _, fts := range []string{"contacts_fts", "accounts_fts", "leads_fts"} {
			if _, err := s.db.ExecContext(ctx, `INSERT INTO `+fts+`(`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
				t.Errorf("%s: %s: %v", when, fts, err)
			}
		}
		if n := triggers(); n != before {
			t.Errorf("%s: %d search triggers, want %d", when, n, before)
		}
	}
	rows := []ImportItem{
		{Line: 2, Contact: &model.Contact{FirstName: "Ayşe", LastName: "Yılmaz", Email: "ayse@isik.com.tr", Title: "Kurucu"}},
		contactRow(3, "Hans", "Müller", "hans@muller.de", "", "Müller GmbH"),
	}
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts", OnDuplicate: OnDuplicateUpdate}, items(rows...), nil); err != nil {
		t.Fatal(err)
	}
	check("after an import")
	for q, want := range map[string]int{"kurucu": 1, "muller": 1, "ayse": 1} {
		if n, _ := s.Contacts.Count(ctx, ListQuery{Search: q}); n != want {
			t.Errorf("search %q finds %d, want %d", q, n, want)
		}
	}
	if n, _ := s.Accounts.Count(ctx, ListQuery{Search: "muller"}); n != 1 {
		t.Errorf("imported account not found by search")
	}
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts", DryRun: true}, items(contactRow(2, "Dry", "Run", "", "", "")), nil); err != nil {
		t.Fatal(err)
	}
	check("after a dry run")
	n := 0
	failing := func() (ImportItem, error) {
		n++
		if n > 1 {
			return ImportItem{}, errors.New("disk on fire")
		}
		return contactRow(2, "Half", "Way", "", "", ""), nil
	}
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts"}, failing, nil); err == nil {
		t.Fatal("want an error")
	}
	check("after a failed import")
	if n, _ := s.Contacts.Count(ctx, ListQuery{Search: "half"}); n != 0 {
		t.Errorf("a failed import left a searchable row")
	}
	// Undoing the batch removes its rows from the index too.
	g, _ := s.History.Last(ctx)
	if _, err := s.History.Undo(ctx, g); err != nil {
		t.Fatal(err)
	}
	check("after undo")
	if n, _ := s.Contacts.Count(ctx, ListQuery{Search: "kurucu"}); n != 0 {
		t.Errorf("undone update still found")
	}
	_ = old
}

// Undoing an import does not delete a record edited since: that would
// lose the edit. Once the edit is undone, the import can be.
func TestImportUndoRefusesRecordsChangedSince(t *testing.T) {
	s := openTestStore(t)
	res, err := s.Import(ctx, ImportOptions{Kind: "contacts"}, items(contactRow(2, "Ayşe", "Yılmaz", "a@b.com", "", "")), nil)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Contacts.FindByEmail(ctx, "a@b.com")
	c.Title = "Boss"
	if _, err := s.Contacts.Update(ctx, c, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	b, _ := s.ImportBatch(ctx, res.Batch)
	if _, err := s.History.Undo(ctx, b.Group); !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "changed since") {
		t.Fatalf("undo of an import edited since: %v", err)
	}
	if got, err := s.Contacts.Get(ctx, c.ID); err != nil || got.Title != "Boss" {
		t.Fatalf("the edited contact is gone or changed: %v %+v", err, got)
	}
	edit, _ := s.History.Last(ctx)
	if _, err := s.History.Undo(ctx, edit); err != nil {
		t.Fatal(err)
	}
	if _, err := s.History.Undo(ctx, b.Group); err != nil {
		t.Fatalf("undo after the edit was undone: %v", err)
	}
}

// A row with a stored contact's other email or phone is that contact.
func TestImportKnowsOtherEmailsAndPhones(t *testing.T) {
	s := openTestStore(t)
	if _, err := s.Contacts.Create(ctx, model.Contact{FirstName: "Ayşe", Email: "ayse@isik.com.tr",
		Custom: map[string]string{"other_emails": "ayse.y@gmail.com, a@old.com", "other_phones": "+90 532 123 45 67"}}, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	var rows []ImportRow
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts"}, items(
		contactRow(2, "Ayse", "Y", "AYSE.Y@gmail.com", "", ""),
		contactRow(3, "Someone", "Else", "", "0532 123 45 67", ""),
	), collect(&rows)); err != nil {
		t.Fatal(err)
	}
	if rows[0].Action != RowSkipped || rows[1].Action != RowSkipped {
		t.Errorf("rows:\n%s", rowsText(rows))
	}
}

// A row's country decides how a phone without a country code is read,
// on create and on update.
func TestImportReadsPhonesInTheRowsCountry(t *testing.T) {
	s := openTestStore(t) // phone region TR
	uk := ImportItem{Line: 2, Region: "GB", Contact: &model.Contact{FirstName: "Liam", LastName: "Foster", Email: "liam@x.co.uk", Phone: "020 7946 0018"}}
	tr := ImportItem{Line: 3, Contact: &model.Contact{FirstName: "Ali", Email: "ali@x.com.tr", Phone: "0212 555 01 01"}}
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts"}, items(uk, tr), nil); err != nil {
		t.Fatal(err)
	}
	liam, _ := s.Contacts.FindByEmail(ctx, "liam@x.co.uk")
	ali, _ := s.Contacts.FindByEmail(ctx, "ali@x.com.tr")
	if liam.PhoneE164 != "+442079460018" || ali.PhoneE164 != "+902125550101" {
		t.Errorf("E.164: %q %q", liam.PhoneE164, ali.PhoneE164)
	}
	upd := ImportItem{Line: 2, Region: "GB", Contact: &model.Contact{FirstName: "Liam", Email: "liam@x.co.uk", Phone: "020 7946 0999"}}
	if _, err := s.Import(ctx, ImportOptions{Kind: "contacts", OnDuplicate: OnDuplicateUpdate}, items(upd), nil); err != nil {
		t.Fatal(err)
	}
	if liam, _ = s.Contacts.Get(ctx, liam.ID); liam.PhoneE164 != "+442079460999" {
		t.Errorf("updated E.164: %q", liam.PhoneE164)
	}
}
