package transfer

import (
	"encoding/base64"
	"io"
	"strings"
	"testing"
)

func vcfOpt(k Kind) Options { return Options{Kind: k, Format: FormatVCF, Name: "in.vcf"} }

func TestVCardApple(t *testing.T) {
	res := readAll(t, readFile(t, "apple.vcf"), vcfOpt(KindContacts))
	if len(res.recs) != 2 || len(res.rowErrs) != 0 {
		t.Fatalf("records %v, errors %v", res.recs, res.rowErrs)
	}
	want := map[string]string{
		"first_name": "Işık", "last_name": "Şahin", "account": "Boğaziçi Danışmanlık", "title": "Kıdemli Danışman",
		"email": "isik@bogazici-danismanlik.com.tr", "other_emails": "isik.sahin@example.com",
		"phone": "+90 532 000 11 22", "other_phones": "+90 212 000 33 44",
		"address": "Büyükdere Cad. No:1, 34394 Şişli, İstanbul, Türkiye",
		"notes":   "Prefers calls after 10:00, never on Fridays.\nAssistant: Zeynep",
		"website": "https://bogazici-danismanlik.com.tr", "tags": "Consulting, VIP",
	}
	if res.recs[0].Line != 1 || !equalFields(res.recs[0].Fields, want) {
		t.Errorf("line %d\n got %q\nwant %q", res.recs[0].Line, res.recs[0].Fields, want)
	}
	if res.recs[1].Line != 21 {
		t.Errorf("second card line %d, want 21", res.recs[1].Line)
	}
	found := false
	for _, c := range res.cols {
		found = found || c == Column{Name: "EMAIL", Field: "email"}
	}
	if !found {
		t.Errorf("columns %v lack EMAIL", res.cols)
	}

	// The company card (X-ABShowAs:COMPANY) as an account.
	res = readAll(t, readFile(t, "apple.vcf"), vcfOpt(KindAccounts))
	if len(res.recs) != 2 || !equalFields(res.recs[1].Fields, map[string]string{"name": "Anadolu Gıda A.Ş.", "phone": "+90 312 111 00 00"}) {
		t.Errorf("accounts: %v", res.recs)
	}
	if got := res.recs[0].Fields["name"]; got != "Boğaziçi Danışmanlık" {
		t.Errorf("account name from ORG: %q", got)
	}
}

func TestVCardAndroid(t *testing.T) {
	res := readAll(t, readFile(t, "android.vcf"), vcfOpt(KindContacts))
	if len(res.recs) != 2 || len(res.rowErrs) != 0 {
		t.Fatalf("records %v, errors %v", res.recs, res.rowErrs)
	}
	want := map[string]string{
		"first_name": "Çağlar", "last_name": "Öztürk", "account": "Öztürk Yazılım",
		"phone": "+905321112233", "other_phones": "02125554433", "email": "caglar@example.com",
		"notes": "Line one\nLine two with a long tail that wraps soft onto the next line",
	}
	if !equalFields(res.recs[0].Fields, want) {
		t.Errorf("\n got %q\nwant %q", res.recs[0].Fields, want)
	}
	// The PHOTO and its unindented base64 lines are skipped.
	want = map[string]string{"first_name": "Anna", "last_name": "Smith", "phone": "555-0101", "email": "anna@example.com"}
	if res.recs[1].Line != 12 || !equalFields(res.recs[1].Fields, want) {
		t.Errorf("line %d\n got %q\nwant %q", res.recs[1].Line, res.recs[1].Fields, want)
	}
}

func TestVCard4(t *testing.T) {
	res := readAll(t, readFile(t, "v4.vcf"), vcfOpt(KindContacts))
	if len(res.recs) != 1 {
		t.Fatalf("records %v, errors %v", res.recs, res.rowErrs)
	}
	want := map[string]string{
		"name": "Dr. Jane Doe", "first_name": "Jane", "last_name": "Doe",
		"email": "jane@example.com", "other_emails": "jane.doe@work.example",
		"phone": "+1-555-555-0100", "other_phones": "+1-555-555-0199;ext=12",
		"account": "Example Corp.", "website": "https://example.com/jane",
		"address": "123 Main St, Suite 5, 91921 Anytown, CA, USA", "tags": "work, friends",
		"notes": "A very long note that a careful writer folds at seventy-five octets so that it continues on the next line with a leading space.",
	}
	if !equalFields(res.recs[0].Fields, want) {
		t.Errorf("\n got %q\nwant %q", res.recs[0].Fields, want)
	}

	res = readAll(t, readFile(t, "v4.vcf"), vcfOpt(KindLeads))
	want = map[string]string{"name": "Dr. Jane Doe", "email": "jane@example.com", "phone": "+1-555-555-0100",
		"company": "Example Corp.", "tags": "work, friends", "notes": want["notes"]}
	if len(res.recs) != 1 || !equalFields(res.recs[0].Fields, want) {
		t.Errorf("lead\n got %v\nwant %q", res.recs, want)
	}
}

func TestVCardMixed(t *testing.T) {
	res := readAll(t, readFile(t, "mixed.vcf"), vcfOpt(KindContacts))
	type rec struct {
		line   int
		fields map[string]string
	}
	want := []rec{
		{1, map[string]string{"first_name": "First", "last_name": "Good", "email": "first@example.com"}},
		{10, map[string]string{"name": "Only FN"}},
		{18, map[string]string{"email": "nobody@example.com"}},
		{22, map[string]string{"first_name": "Card", "last_name": "Last"}},
	}
	if len(res.recs) != len(want) {
		t.Fatalf("records %v", res.recs)
	}
	for i, w := range want {
		if res.recs[i].Line != w.line || !equalFields(res.recs[i].Fields, w.fields) {
			t.Errorf("record %d: %d %q, want %d %q", i, res.recs[i].Line, res.recs[i].Fields, w.line, w.fields)
		}
	}
	wantErrs := []string{"line 6: card has no END:VCARD", "line 14: card has no name (FN or N), email or phone"}
	if len(res.rowErrs) != len(wantErrs) {
		t.Fatalf("row errors %v", res.rowErrs)
	}
	for i, w := range wantErrs {
		if res.rowErrs[i].Error() != w {
			t.Errorf("row error %q, want %q", res.rowErrs[i], w)
		}
	}
}

func TestVCardBroken(t *testing.T) {
	data := "BEGIN:VCARD\nFN:Good One\nEND:VCARD\n" +
		"BEGIN:VCARD\nFN:Bell\x07\nEND:VCARD\n" +
		"garbage between cards\n" +
		"BEGIN:VCARD\nVERSION:3.0\nFN:Good Two\nEND:VCARD\n" +
		"BEGIN:VCARD\nFN:Cut off at the end\n"
	res := readAll(t, data, vcfOpt(KindContacts))
	if len(res.recs) != 2 || res.recs[0].Fields["name"] != "Good One" || res.recs[1].Fields["name"] != "Good Two" || res.recs[1].Line != 8 {
		t.Errorf("records %v", res.recs)
	}
	if len(res.rowErrs) != 2 || res.rowErrs[0].Error() != "line 4: name: contains a control character (U+0007)" ||
		res.rowErrs[1].Error() != "line 12: card has no END:VCARD" {
		t.Errorf("row errors %v", res.rowErrs)
	}

	_, err := NewReader(strings.NewReader("Name,Email\nAda,ada@x\n"), vcfOpt(KindContacts))
	wantErr(t, err, "in.vcf does not start with BEGIN:VCARD")
}

// photoCard returns a card with an inline base64 PHOTO of n bytes.
func photoCard(name string, n int, folded bool) string {
	data := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("\xff\xd8\xff\xe0photo", n/9+1)[:n]))
	var b strings.Builder
	b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name + "\r\nPHOTO;ENCODING=b;TYPE=JPEG:")
	if folded {
		for len(data) > 74 {
			b.WriteString(data[:74] + "\r\n ")
			data = data[74:]
		}
	}
	b.WriteString(data + "\r\nEMAIL:" + strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.com\r\nEND:VCARD\r\n")
	return b.String()
}

func TestVCardPhotoAndSize(t *testing.T) {
	// A 1 MiB photo, folded or on one line, is skipped and the card read.
	for _, folded := range []bool{true, false} {
		data := photoCard("Big Photo", 1<<20, folded) + photoCard("Next One", 100, folded)
		res := readAll(t, data, vcfOpt(KindContacts))
		if len(res.recs) != 2 || res.recs[0].Fields["email"] != "big.photo@example.com" || res.recs[1].Fields["name"] != "Next One" {
			t.Errorf("folded=%v: records %v errors %v", folded, res.recs, res.rowErrs)
		}
	}
	// A card with more than 1 MiB of text is a row error; the next card
	// is read.
	note := strings.Repeat("x", 1<<20+10)
	data := "BEGIN:VCARD\nFN:Huge\nNOTE:" + note + "\nEND:VCARD\nBEGIN:VCARD\nFN:After\nEND:VCARD\n"
	res := readAll(t, data, vcfOpt(KindContacts))
	if len(res.recs) != 1 || res.recs[0].Fields["name"] != "After" || res.recs[0].Line != 5 {
		t.Errorf("records %v", res.recs)
	}
	if len(res.rowErrs) != 1 || res.rowErrs[0].Error() != "line 1: card larger than 1 MiB" {
		t.Errorf("row errors %v", res.rowErrs)
	}
	// Many short lines add up the same way.
	data = "BEGIN:VCARD\nFN:Many\n" + strings.Repeat("NOTE:"+strings.Repeat("y", 1000)+"\n", 1100) + "END:VCARD\n"
	res = readAll(t, data, vcfOpt(KindContacts))
	if len(res.recs) != 0 || len(res.rowErrs) != 1 || res.rowErrs[0].Error() != "line 1: card larger than 1 MiB" {
		t.Errorf("records %v errors %v", res.recs, res.rowErrs)
	}
	// A 50 MB line inside a card does not need 50 MB.
	r := io.MultiReader(strings.NewReader("BEGIN:VCARD\nNOTE:"), &repeatReader{b: 'z', n: 50 << 20},
		strings.NewReader("\nEND:VCARD\nBEGIN:VCARD\nFN:Fine\nEND:VCARD\n"))
	res, err := tryReadAll(r, vcfOpt(KindContacts))
	if err != nil || len(res.recs) != 1 || len(res.rowErrs) != 1 || res.recs[0].Line != 4 {
		t.Errorf("50 MB line: %v, records %v, errors %v", err, res.recs, res.rowErrs)
	}
}

func TestVCardDetails(t *testing.T) {
	tests := []struct {
		name string
		kind Kind
		card string
		want map[string]string
	}{
		{"N without FN", KindContacts, "N:Doe;John;;;", map[string]string{"first_name": "John", "last_name": "Doe"}},
		{"FN without N", KindContacts, "FN:John Doe", map[string]string{"name": "John Doe"}},
		{"empty N", KindContacts, "N:;;;;\nFN:Just FN", map[string]string{"name": "Just FN"}},
		{"escaped semicolon in N", KindContacts, `N:Doe\;Smith;John;;;`, map[string]string{"first_name": "John", "last_name": "Doe;Smith", "name": ""}},
		{"types", KindContacts, "FN:A\nTEL;TYPE=work:1\nTEL;TYPE=cell,pref:2\nTEL;TYPE=home:3\nEMAIL;TYPE=work:a@x\nEMAIL:b@x",
			map[string]string{"name": "A", "phone": "2", "other_phones": "1, 3", "email": "a@x", "other_emails": "b@x"}},
		{"mailto and tel", KindContacts, "FN:A\nEMAIL:mailto:a@x\nTEL;VALUE=uri:TEL:+1-2",
			map[string]string{"name": "A", "email": "a@x", "phone": "+1-2"}},
		{"lowercase and spaces", KindContacts, "fn:A\nemail;type=pref:a@x\ncategories:x, y ,\nnote:n",
			map[string]string{"name": "A", "email": "a@x", "tags": "x, y", "notes": "n"}},
		{"several NOTE and CATEGORIES", KindContacts, "FN:A\nNOTE:one\nNOTE:two\nCATEGORIES:a,b\nCATEGORIES:c",
			map[string]string{"name": "A", "notes": "one\ntwo", "tags": "a, b, c"}},
		{"unknown and binary props", KindContacts, "FN:A\nX-SOCIALPROFILE:x\nLOGO:data:image/png;base64,AAAA\nKEY:abc\nSOUND:x",
			map[string]string{"name": "A"}},
		{"org only", KindContacts, "ORG:Acme;Sales", map[string]string{"account": "Acme"}},
		{"quoted-printable latin1", KindContacts, "VERSION:2.1\nN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen",
			map[string]string{"first_name": "Jürgen", "last_name": "Müller"}},
		{"quoted-printable bare", KindContacts, "VERSION:2.1\nFN;QUOTED-PRINTABLE;CHARSET=UTF-8:I=C5=9F=C4=B1k",
			map[string]string{"name": "Işık"}},
		{"account kind org", KindAccounts, "VERSION:4.0\nKIND:org\nFN:Acme; Inc\nORG:Acme, Inc\nTEL:1\nURL:https://acme.example\nX-ROLO-DOMAIN:acme.example",
			map[string]string{"name": "Acme; Inc", "phone": "1", "website": "https://acme.example", "domain": "acme.example"}},
		{"account from a person card", KindAccounts, "FN:Ada\nORG:Analytical Engines",
			map[string]string{"name": "Analytical Engines"}},
		{"lead from N", KindLeads, "N:Lovelace;Ada;;;\nORG:Analytical\nTITLE:Countess\nX-ROLO-STATUS:new",
			map[string]string{"name": "Ada Lovelace", "company": "Analytical", "title": "Countess", "status": "new"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := readAll(t, "BEGIN:VCARD\n"+tc.card+"\nEND:VCARD\n", vcfOpt(tc.kind))
			want := map[string]string{}
			for k, v := range tc.want {
				if v != "" {
					want[k] = v
				}
			}
			if len(res.recs) != 1 || !equalFields(res.recs[0].Fields, want) {
				t.Errorf("records %v errors %v, want %q", res.recs, res.rowErrs, want)
			}
		})
	}
}

func TestVCardOldMacLineEnds(t *testing.T) {
	data := "BEGIN:VCARD\rVERSION:3.0\rFN:Ada Lovelace\rEMAIL:ada@x\rNOTE:a long\r  note\rEND:VCARD\rBEGIN:VCARD\rFN:Grace\rEND:VCARD\r"
	res := readAll(t, data, vcfOpt(KindContacts))
	if len(res.recs) != 2 || len(res.rowErrs) > 0 {
		t.Fatalf("records %v, errors %v", res.recs, res.rowErrs)
	}
	if f := res.recs[0].Fields; res.recs[0].Line != 1 || f["name"] != "Ada Lovelace" || f["email"] != "ada@x" || f["notes"] != "a long note" {
		t.Errorf("first card: %d %q", res.recs[0].Line, f)
	}
	if res.recs[1].Line != 8 || res.recs[1].Fields["name"] != "Grace" {
		t.Errorf("second card: %d %q", res.recs[1].Line, res.recs[1].Fields)
	}
}

func TestVCardDisqualifyReason(t *testing.T) {
	data := "BEGIN:VCARD\nVERSION:4.0\nFN:Ada\nX-ROLO-STATUS:disqualified\nX-ROLO-DISQUALIFY-REASON:no budget\\, maybe later\nEND:VCARD\n"
	res := readAll(t, data, vcfOpt(KindLeads))
	if len(res.recs) != 1 || !equalFields(res.recs[0].Fields,
		map[string]string{"name": "Ada", "status": "disqualified", "disqualify_reason": "no budget, maybe later"}) {
		t.Errorf("leads: %v %v", res.recs, res.rowErrs)
	}
	// Contacts have no such field.
	res = readAll(t, data, vcfOpt(KindContacts))
	if len(res.recs) != 1 || res.recs[0].Fields["disqualify_reason"] != "" {
		t.Errorf("contacts: %v", res.recs)
	}
}
