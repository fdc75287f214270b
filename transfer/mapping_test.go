package transfer

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFoldKey(t *testing.T) {
	for in, want := range map[string]string{
		"E-mail 1 - Value":    "email1value",
		"e_mail_1_value":      "email1value",
		"  EMAIL1VALUE ":      "email1value",
		"Adı Soyadı":          "adisoyadi",
		"İSİM":                "isim",
		"Şirket Adı":          "sirketadi",
		"Müşteri No.":         "musterino",
		"Straße":              "strasse",
		"Country/Region":      "countryregion",
		"Ünvan:":              "unvan",
		"first_name":          "firstname",
		"":                    "",
		"Çağrı Görüşme Notu!": "cagrigorusmenotu",
	} {
		if got := foldKey(in); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// fieldsOf maps a header and returns the field of every column.
func fieldsOf(t *testing.T, k Kind, header []string, m map[string]string) []string {
	t.Helper()
	mp, err := newMapper(k, m)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tg := range mp.mapHeader(header) {
		out = append(out, tg.field)
	}
	return out
}

func TestHeaderMapping(t *testing.T) {
	tests := []struct {
		name   string
		kind   Kind
		header string // columns separated by |
		want   string // fields separated by |; "" for an ignored column
	}{
		{"google", KindContacts,
			"First Name|Middle Name|Last Name|Name Prefix|Name Suffix|Nickname|Organization Name|Organization Title|E-mail 1 - Label|E-mail 1 - Value|E-mail 2 - Value|E-mail 3 - Value|Phone 1 - Label|Phone 1 - Value|Phone 2 - Value|Website 1 - Value|Address 1 - Formatted|Notes|Labels|Birthday",
			"first_name||last_name||||account|title||email|email|email||phone|phone|website|address|notes|tags|"},
		{"google old", KindContacts,
			"Name|Given Name|Family Name|Group Membership|E-mail 1 - Type|E-mail 1 - Value|Organization 1 - Name|Organization 1 - Title|Phone 1 - Type|Phone 1 - Value",
			"name|first_name|last_name|tags||email|account|title||phone"},
		{"outlook", KindContacts,
			"Title|First Name|Middle Name|Last Name|Company|Department|Job Title|Business Street|Business City|Business Postal Code|Business Country/Region|Business Phone|Business Phone 2|Mobile Phone|Home Phone|E-mail Address|E-mail 2 Address|E-mail 3 Address|E-mail Display Name|Notes|Categories|Web Page",
			"|first_name||last_name|account||title|address|address|address|address|phone|phone|phone|phone|email|email|email||notes|tags|website"},
		{"title without job title", KindContacts, "Name|Title|Email", "name|title|email"},
		{"hubspot contacts", KindContacts,
			"Record ID|First Name|Last Name|Email|Phone Number|Company Name|Job Title|Lead Status|Contact owner|Create Date",
			"|first_name|last_name|email|phone|account|title||owner|"},
		{"hubspot leads", KindLeads,
			"Record ID|First Name|Last Name|Email|Phone Number|Company Name|Job Title|Lead Status|Lead Owner|Create Date",
			"|name|name|email|phone|company|title|status|owner|"},
		{"turkish contacts", KindContacts,
			"Ad|Soyad|E-posta|Şirket|Telefon|Ünvan|Web Sitesi|Adres|Notlar|Etiketler|Kaynak|Temsilci|Cep Telefonu|GSM",
			"first_name|last_name|email|account|phone|title|website|address|notes|tags|source|owner|phone|phone"},
		{"turkish full name", KindContacts, "Adı Soyadı|E-Posta Adresi|Firma|Görev", "name|email|account|title"},
		{"turkish accounts", KindAccounts,
			"Firma Adı|Cari Kod|Sektör|Alan Adı|Telefon|Adres|Sahibi|Müşteri No|Açıklama",
			"name|external_id|industry|domain|phone|address|owner|external_id|notes"},
		{"accounts", KindAccounts,
			"Account Name|Website|Industry|Account Owner|ERP ID|Billing Street|Billing City|Tags|Contact Name|Email",
			"name|website|industry|owner|external_id|address|address|tags|name|"},
		{"leads", KindLeads,
			"Lead Name|Company|Position|E-mail|Mobile|Lead Source|Durum|Comments",
			"name|company|title|email|phone|source|status|notes"},
		{"rolo json keys", KindContacts,
			"id|first_name|last_name|email|phone|phone_e164|title|account_id|account_name|tags|notes|source|owner|owner_id|created_at|updated_at|archived_at|version|last_activity_at|other_emails|other_phones|custom.tier",
			"|first_name|last_name|email|phone||title||account|tags|notes|source|owner|||||||other_emails|other_phones|custom.tier"},
		{"rolo json keys accounts", KindAccounts,
			"id|name|domain|industry|phone|website|address|external_id|tags|notes|owner|contacts|Custom.Region",
			"|name|domain|industry|phone|website|address|external_id|tags|notes|owner||custom.Region"},
		{"leads have no custom", KindLeads, "name|custom.x", "name|"},
		{"disqualify reasons", KindLeads,
			"disqualify_reason|Disqualify Reason|Disqualification Reason|Unqualified Reason|Lost Reason|Reason|Diskalifiye Nedeni|Ret Nedeni",
			"disqualify_reason|disqualify_reason|disqualify_reason|disqualify_reason|disqualify_reason|disqualify_reason|disqualify_reason|disqualify_reason"},
		{"reasons are for leads only", KindContacts, "Name|Reason|Lost Reason|Disqualify Reason", "name|||"},
		{"unknown columns", KindContacts, "Email|Favourite Colour||???", "email|||"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(fieldsOf(t, tc.kind, strings.Split(tc.header, "|"), nil), "|")
			if got != tc.want {
				t.Errorf("mapped\n %s\nto\n %s\nwant\n %s", tc.header, got, tc.want)
			}
		})
	}
}

func TestMapOverride(t *testing.T) {
	got := fieldsOf(t, KindContacts, []string{"Mail Addr", "Company", "Notes", "Tier", "Title"},
		map[string]string{"mail-addr": "email", "COMPANY": "-", "notes": "", "Tier": "custom.tier", "title": "Notes"})
	want := []string{"email", "", "", "custom.tier", "notes"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	// A column named with punctuation only is matched by its name.
	got = fieldsOf(t, KindContacts, []string{"#", "", "—", "Email"}, map[string]string{"#": "notes"})
	want = []string{"notes", "", "", "email"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	res := readAll(t, "Mail Addr,Company,X\nA@x.com,Acme,Ada\n", Options{Kind: KindContacts, Format: FormatCSV,
		Map: map[string]string{"Mail Addr": "email", "Company": "-", "X": "first_name"}})
	if len(res.recs) != 1 || res.recs[0].Fields["email"] != "A@x.com" || res.recs[0].Fields["first_name"] != "Ada" ||
		res.recs[0].Fields["account"] != "" {
		t.Errorf("records %v", res.recs)
	}
}

func TestBadMapTarget(t *testing.T) {
	for _, tc := range []struct {
		kind Kind
		m    map[string]string
		want []string
	}{
		{KindContacts, map[string]string{"Mail": "e-mail-address"}, []string{`"e-mail-address" is not a field of contacts`, "first_name, last_name", "custom.<name>", "Mail=e-mail-address"}},
		{KindLeads, map[string]string{"X": "account"}, []string{`"account" is not a field of leads`, "company"}},
		{KindLeads, map[string]string{"X": "custom.y"}, []string{"leads have no custom fields"}},
	} {
		_, err := NewReader(strings.NewReader("a,b\n1,2\n"), Options{Kind: tc.kind, Format: FormatCSV, Map: tc.m})
		if err == nil {
			t.Errorf("%v: no error", tc.m)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%v: error %q does not mention %q", tc.m, err, w)
			}
		}
	}
}

func TestNoColumnMaps(t *testing.T) {
	_, err := NewReader(strings.NewReader("Foo,Bar\n1,2\n"), Options{Kind: KindContacts, Format: FormatCSV, Name: "x.csv"})
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"x.csv", `"Foo", "Bar"`, "--map", "Foo=first_name", "email"} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not mention %q", err, w)
		}
	}
}

func TestCombiningColumns(t *testing.T) {
	tests := []struct {
		name   string
		kind   Kind
		csv    string
		fields map[string]string
	}{
		{"second email goes to other_emails", KindContacts,
			"Name,Email,Email,Work Email\nA,a@x,b@x,c@x\n",
			map[string]string{"name": "A", "email": "a@x", "other_emails": "b@x, c@x"}},
		{"empty first email", KindContacts,
			"Name,E-mail 1 - Value,E-mail 2 - Value\nA,,b@x\n",
			map[string]string{"name": "A", "email": "b@x"}},
		{"later single values are ignored", KindContacts,
			"Name,Company,Organization\nA,First Co,Second Co\n",
			map[string]string{"name": "A", "account": "First Co"}},
		{"mobile only becomes the phone", KindContacts,
			"Name,Business Phone,Mobile Phone,Home Phone\nA,,111,222\n",
			map[string]string{"name": "A", "phone": "111", "other_phones": "222"}},
		{"google multi-value cell", KindContacts,
			"Name,E-mail 1 - Value\nA,a@x ::: b@x\n",
			map[string]string{"name": "A", "email": "a@x", "other_emails": "b@x"}},
		{"account prefers the company column", KindAccounts,
			"Contact Name,Company\nAda,Acme\nGrace,\n",
			map[string]string{"name": "Acme"}},
		{"lead name from parts", KindLeads,
			"First Name,Last Name,Company\nAda,Lovelace,Analytical\n",
			map[string]string{"name": "Ada Lovelace", "company": "Analytical"}},
		{"lead name column wins over parts", KindLeads,
			"First Name,Last Name,Name\nAda,Lovelace,Countess\n",
			map[string]string{"name": "Countess"}},
		{"address parts", KindContacts,
			"Name,Street,Posta Kodu,Şehir,Ülke\nA,Bağdat Cad. 1,34710,İstanbul,Türkiye\n",
			map[string]string{"name": "A", "address": "Bağdat Cad. 1, 34710 İstanbul, Türkiye"}},
		{"tags lists", KindContacts,
			"Name,Tags,Categories,Labels\nA,\" a , ,b \",c;d,* starred ::: e ::: f\n",
			map[string]string{"name": "A", "tags": "a, b, c, d, e, f"}},
		{"mobile before phone", KindContacts,
			"Name,Mobile,Phone\nA,111,222\n",
			map[string]string{"name": "A", "phone": "222", "other_phones": "111"}},
		{"mobile alone", KindLeads,
			"Name,Mobile\nA,111\n",
			map[string]string{"name": "A", "phone": "111"}},
		{"custom columns", KindContacts,
			"Name,custom.Tier,CUSTOM.size\nA,gold,\n",
			map[string]string{"name": "A", "custom.Tier": "gold"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, tc.csv, Options{Kind: tc.kind, Format: FormatCSV})
			if len(res.recs) == 0 || len(res.rowErrs) > 0 {
				t.Fatalf("records %v, errors %v", res.recs, res.rowErrs)
			}
			if got := res.recs[0].Fields; !equalFields(got, tc.fields) {
				t.Errorf("got %q, want %q", got, tc.fields)
			}
		})
	}
}

func equalFields(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestLeadFields(t *testing.T) {
	want := "name|company|title|email|phone|source|status|disqualify_reason|notes|owner|tags"
	if got := strings.Join(Fields(KindLeads), "|"); got != want {
		t.Errorf("Fields(leads) = %s, want %s", got, want)
	}
	res := readAll(t, "Name,Status,Ret Nedeni\nAda,disqualified,Bütçe yok\n", csvOpt(KindLeads))
	if len(res.recs) != 1 || !equalFields(res.recs[0].Fields,
		map[string]string{"name": "Ada", "status": "disqualified", "disqualify_reason": "Bütçe yok"}) {
		t.Errorf("records %v", res.recs)
	}
}

func TestColumnJSON(t *testing.T) {
	b, err := json.Marshal([]Column{{Name: "E-mail", Field: "email"}, {Name: "X"}})
	if err != nil || string(b) != `[{"name":"E-mail","field":"email"},{"name":"X","field":""}]` {
		t.Errorf("json: %s, %v", b, err)
	}
}
