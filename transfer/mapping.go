package transfer

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldSpecial maps letters that Unicode decomposition leaves alone to the
// ASCII letters people type for them.
var foldSpecial = map[rune]string{
	'ı': "i", 'İ': "i", 'ß': "ss", 'ẞ': "ss", 'ø': "o", 'Ø': "o", 'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d",
}

// foldKey folds a column name for matching: lower case, accents removed,
// Turkish ı/İ as i, ß as ss, and everything but letters and digits dropped,
// so "E-mail 1 - Value", "e_mail_1_value" and "EMAIL1VALUE" all match.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFKD.String(s) {
		if rep, ok := foldSpecial[r]; ok {
			b.WriteString(rep)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// role says how a column's value is combined into the record.
type role uint8

const (
	// roleValue sets a single field; the first non-empty value wins, and
	// later emails and phones go to other_emails and other_phones.
	roleValue role = iota
	// roleWeak sets the field only when no roleValue column gave it a
	// value (Outlook's Mobile Phone, a person's name for an account).
	roleWeak
	// roleList adds comma-separated items to a list field.
	roleList
	// roleCategories adds items separated by ';' or ',' (Outlook).
	roleCategories
	// roleLabels adds Google labels (" ::: " or ','), dropping the system
	// labels that start with "* " such as "* myContacts".
	roleLabels
	// roleFirst and roleLast are the parts of a lead's name.
	roleFirst
	roleLast
	// roleAddr is one part of an address split into columns.
	roleAddr
)

// Parts of an address split into columns, in the order they are joined.
const (
	addrStreet = iota
	addrPOBox
	addrDistrict
	addrPostal
	addrCity
	addrRegion
	addrCountry
	addrParts
)

// addrGroups is how many addresses (business, home, other) a row may hold.
const addrGroups = 4

// target is where a column goes.
type target struct {
	field string // canonical field or custom.<name>; "" ignores the column
	role  role
	part  int8 // address part, for roleAddr
	group int8 // which address (0 = business/first), for roleAddr
}

// synonym tables: folded column name -> target, per kind. They are
// filled on first use (loadSynonyms): folding a few hundred names would
// otherwise cost every rolo command a third of a millisecond at start.
var synonymsOnce sync.Once

var synonyms = map[Kind]map[string]target{
	KindContacts: {},
	KindAccounts: {},
	KindLeads:    {},
}

func syn(kinds string, t target, names ...string) {
	for _, c := range kinds {
		var k Kind
		switch c {
		case 'c':
			k = KindContacts
		case 'a':
			k = KindAccounts
		case 'l':
			k = KindLeads
		}
		for _, n := range names {
			synonyms[k][foldKey(n)] = t
		}
	}
}

func addrSyn(kinds string, part int8, names ...string) {
	for _, n := range names {
		group := int8(0)
		switch {
		case strings.HasPrefix(n, "home"), strings.HasPrefix(n, "shipping"):
			group = 1
		case strings.HasPrefix(n, "other"):
			group = 2
		}
		syn(kinds, target{field: "address", role: roleAddr, part: part, group: group}, n)
	}
}

func loadSynonyms() {
	v := func(f string) target { return target{field: f} }
	weak := func(f string) target { return target{field: f, role: roleWeak} }

	// rolo's own keys, and the canonical names themselves.
	for k, fields := range kindFields {
		if k == KindDeals {
			continue
		}
		for _, f := range fields {
			t := v(f)
			if isListField(f) {
				t.role = roleList
			}
			synonyms[k][foldKey(f)] = t
		}
	}
	syn("c", v("account"), "account_name")

	syn("cl", v("email"), "E-mail", "Email", "Email Address", "E-mail Address", "Mail", "E-posta", "Eposta",
		"E-posta Adresi", "Mail Adresi", "Primary Email", "Work Email", "E-mail Value", "Person Email")
	syn("c", target{field: "other_emails", role: roleList}, "Other Emails", "Additional Emails")
	syn("cal", v("phone"), "Phone", "Phone Number", "Telephone", "Tel", "Cell", "Telefon", "Telefon No",
		"Telefon Numarası", "Tel No", "Cep", "Cep Telefonu", "Cep No", "GSM", "Business Phone", "Primary Phone",
		"Work Phone", "Phone Value", "Person Phone", "Company Phone")
	// Salesforce's "Mobile" comes after its "Phone": the phone, or else
	// one of other_phones.
	syn("cal", weak("phone"), "Mobile", "Mobile Phone", "Mobile Phone Number", "Home Phone", "Other Phone",
		"Car Phone", "Company Main Phone", "Cell Phone", "Mobile Number")
	syn("c", target{field: "other_phones", role: roleList}, "Other Phones", "Additional Phones")

	syn("c", v("first_name"), "First Name", "First", "Given Name", "Firstname", "Forename", "Ad", "Adı", "İsim")
	syn("c", v("last_name"), "Last Name", "Surname", "Family Name", "Lastname", "Soyad", "Soyadı", "Soyisim")
	syn("l", target{field: "name", role: roleFirst}, "First Name", "First", "Given Name", "Firstname", "Forename",
		"Ad", "Adı", "İsim")
	syn("l", target{field: "name", role: roleLast}, "Last Name", "Surname", "Family Name", "Lastname", "Soyad",
		"Soyadı", "Soyisim")
	personName := []string{"Name", "Full Name", "Contact", "Contact Name", "Ad Soyad", "Adı Soyadı", "Ad Soyadı",
		"İsim Soyisim", "Display Name", "Person Name", "Person"}
	syn("cl", v("name"), personName...)
	syn("l", v("name"), "Lead Name", "Lead")
	syn("a", weak("name"), personName...)
	syn("a", v("name"), "Name", "Account Name", "Account", "Company Name", "Company", "Firma", "Firma Adı",
		"Şirket", "Şirket Adı", "Organization", "Organisation", "Organization Name", "Organisation Name",
		"Kurum", "Kurum Adı", "Ticari Ünvan", "Firma Ünvanı", "Customer Name", "Müşteri Adı", "Cari Adı")
	company := []string{"Company", "Company Name", "Organization", "Organisation", "Organization Name",
		"Organisation Name", "Account", "Account Name", "Şirket", "Şirket Adı", "Firma", "Firma Adı", "Kurum",
		"Kurum Adı", "Employer", "Company / Account"}
	syn("c", v("account"), company...)
	syn("l", v("company"), company...)

	syn("cl", v("title"), "Title", "Job Title", "Position", "Role", "Unvan", "Ünvan", "Ünvanı", "Görev", "Görevi",
		"Pozisyon", "Organization Title", "Job Position")
	syn("ca", v("website"), "Website", "Web Site", "Web", "URL", "Web Sitesi", "Web Page", "Homepage",
		"Web Address", "Web Adresi", "Internet Sitesi", "Website Value", "Website URL")
	syn("a", v("domain"), "Domain", "Domain Name", "Alan Adı", "Company Domain Name", "Website Domain")
	syn("a", v("industry"), "Industry", "Sector", "Sektör", "Sektörü")
	syn("ca", v("address"), "Address", "Adres", "Adresi", "Full Address", "Postal Address", "Mailing Address",
		"Business Address", "Address Formatted")
	addrSyn("ca", addrStreet, "Street", "Street Address", "business street", "mailing street", "billing street",
		"address street", "address extended address", "home street", "other street", "shipping street")
	addrSyn("ca", addrPOBox, "PO Box", "Post Office Box", "business po box", "address po box", "home po box",
		"other po box")
	addrSyn("ca", addrDistrict, "District", "İlçe")
	addrSyn("ca", addrPostal, "Postal Code", "Post Code", "Postcode", "Zip", "Zip Code", "Zip/Postal Code", "Posta Kodu",
		"business postal code", "mailing zip/postal code", "mailing postal code", "mailing zip",
		"billing zip/postal code", "billing postal code", "address postal code", "home postal code",
		"other postal code", "shipping zip/postal code", "shipping postal code")
	addrSyn("ca", addrCity, "City", "Town", "Şehir", "İl", "business city", "mailing city", "billing city",
		"address city", "home city", "other city", "shipping city")
	addrSyn("ca", addrRegion, "State", "Region", "Province", "State/Province", "State/Region", "business state", "mailing state",
		"mailing state/province", "billing state", "billing state/province", "address region", "home state",
		"other state", "shipping state", "shipping state/province")
	addrSyn("ca", addrCountry, "Country", "Country/Region", "Ülke", "business country/region", "business country",
		"mailing country", "billing country", "address country", "home country/region", "home country",
		"other country/region", "other country", "shipping country")

	syn("cal", v("notes"), "Notes", "Note", "Comments", "Comment", "Description", "Remarks", "Notlar", "Not",
		"Açıklama", "Açıklamalar")
	syn("cal", target{field: "tags", role: roleList}, "Tags", "Tag", "Etiketler", "Etiket")
	syn("cal", target{field: "tags", role: roleCategories}, "Categories", "Kategoriler")
	syn("cal", target{field: "tags", role: roleLabels}, "Labels", "Group Membership")
	syn("cl", v("source"), "Source", "Lead Source", "Contact Source", "Original Source", "Kaynak")
	syn("l", v("status"), "Status", "Lead Status", "Durum", "Durumu")
	syn("cal", v("owner"), "Owner", "Lead Owner", "Contact Owner", "Account Owner", "Company Owner", "Sahip",
		"Sahibi", "Temsilci", "Sales Rep", "Assigned To")
	syn("l", v("disqualify_reason"), "Disqualify Reason", "Disqualification Reason", "Disqualified Reason",
		"Unqualified Reason", "Lost Reason", "Reason", "Diskalifiye Nedeni", "Diskalifiye Sebebi", "Ret Nedeni")

	// Pipedrive's exports name every column "Person - ..." or
	// "Organization - ..."; "Organization - Name" is matched above as
	// "Organization Name", "Person - Name" as "Person Name", and
	// "Person - Email" and "Person - Phone" as "Person Email" and "Person
	// Phone". Several emails or phones: the first filled one is the email
	// or phone, the others go to other_emails and other_phones.
	syn("c", v("first_name"), "Person - First name")
	syn("c", v("last_name"), "Person - Last name")
	syn("l", target{field: "name", role: roleFirst}, "Person - First name")
	syn("l", target{field: "name", role: roleLast}, "Person - Last name")
	syn("cl", v("email"), "Person - Email - Work", "Person - Email - Home", "Person - Email - Other")
	syn("cl", v("phone"), "Person - Phone - Work", "Person - Phone - Mobile", "Person - Phone - Home",
		"Person - Phone - Other")
	syn("c", v("account"), "Person - Organization")
	syn("l", v("company"), "Person - Organization")
	syn("cl", v("title"), "Person - Job title")
	syn("cl", target{field: "tags", role: roleList}, "Person - Labels", "Person - Label")
	syn("cl", v("owner"), "Person - Owner")
	syn("cl", v("notes"), "Person - Notes", "Person - Note")
	syn("a", v("website"), "Organization - Website")
	syn("a", v("industry"), "Organization - Industry")
	syn("a", v("phone"), "Organization - Phone")
	syn("a", v("address"), "Organization - Address", "Organization - Full/combined address of Address")
	syn("a", target{field: "tags", role: roleList}, "Organization - Labels", "Organization - Label")
	syn("a", v("owner"), "Organization - Owner")

	syn("a", v("external_id"), "External ID", "ERP ID", "Customer No", "Customer Number", "Customer ID",
		"Account Number", "Cari Kod", "Cari Kodu", "Müşteri No", "Müşteri Numarası")
}

// mapper maps column names of one kind to targets, honouring Options.Map.
type mapper struct {
	kind      Kind
	overrides map[string]target // folded column name -> target
}

// newMapper checks the --map entries: every target must be a field of k.
func newMapper(k Kind, m map[string]string) (*mapper, error) {
	mp := &mapper{kind: k, overrides: map[string]target{}}
	keys := make([]string, 0, len(m))
	for col := range m {
		keys = append(keys, col)
	}
	sort.Strings(keys)
	for _, col := range keys {
		field := strings.TrimSpace(m[col])
		t, err := mapTarget(k, field)
		if err != nil {
			return nil, fmt.Errorf("--map %q: %w", col+"="+m[col], err)
		}
		mp.overrides[overrideKey(col)] = t
	}
	return mp, nil
}

// overrideKey is the key a --map column is matched by: its folded name, or
// for a name of punctuation only ("#", "—") the trimmed name itself.
func overrideKey(col string) string {
	if k := foldKey(col); k != "" {
		return k
	}
	return "\x00" + strings.TrimSpace(col)
}

// mapTarget turns the field named in a --map entry into a target.
func mapTarget(k Kind, field string) (target, error) {
	if field == "" || field == "-" {
		return target{}, nil
	}
	if c, ok := customKey(field); ok {
		if !allowsCustom(k) {
			return target{}, fmt.Errorf("%s have no custom fields; %s fields: %s", k, k, strings.Join(kindFields[k], ", "))
		}
		return target{field: c}, nil
	}
	for _, f := range kindFields[k] {
		if f == field || foldKey(f) == foldKey(field) {
			t := target{field: f}
			if isListField(f) {
				t.role = roleList
			}
			return t, nil
		}
	}
	extra := ""
	if allowsCustom(k) {
		extra = ", custom.<name>"
	}
	return target{}, fmt.Errorf("%q is not a field of %s; use one of: %s%s, or - to ignore the column",
		field, k, strings.Join(kindFields[k], ", "), extra)
}

// customKey recognises "custom.<name>" (any case for "custom.") and
// returns it with the name trimmed.
func customKey(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > len("custom.") && strings.EqualFold(s[:len("custom.")], "custom.") {
		name := strings.TrimSpace(s[len("custom."):])
		if name != "" {
			return "custom." + name, true
		}
	}
	return "", false
}

// lookup maps one column name.
func (m *mapper) lookup(name string) target {
	key := foldKey(name)
	if t, ok := m.overrides[overrideKey(name)]; ok {
		return t
	}
	if c, ok := customKey(name); ok {
		if allowsCustom(m.kind) {
			return target{field: c}
		}
		return target{}
	}
	if key == "" {
		return target{}
	}
	synonymsOnce.Do(loadSynonyms)
	tab := synonyms[m.kind]
	if t, ok := tab[key]; ok {
		return t
	}
	// Numbered columns: "E-mail 2 - Value", "Phone 1 - Value", "Address 2 -
	// City", "Business Phone 2", "Organization 1 - Name".
	stripped, num := stripDigits(key)
	if stripped == key {
		return target{}
	}
	t, ok := tab[stripped]
	if !ok {
		return target{}
	}
	if t.role == roleAddr && num > 0 && strings.HasPrefix(stripped, "address") {
		t.group = int8(min(num-1, addrGroups-1))
	}
	return t
}

// stripDigits removes the digits of s and returns the first number in it.
func stripDigits(s string) (string, int) {
	var b strings.Builder
	num, seen, done := 0, false, false
	for _, r := range s {
		if r >= '0' && r <= '9' {
			if !done && num < 1000 {
				num = num*10 + int(r-'0')
				seen = true
			}
			continue
		}
		if seen {
			done = true
		}
		b.WriteRune(r)
	}
	return b.String(), num
}

// mapHeader maps a CSV header. Outlook's "Title" is an honorific (Mr.,
// Dr.) when the file also has a "Job Title", so it is ignored then.
func (m *mapper) mapHeader(header []string) []target {
	ts := make([]target, len(header))
	otherTitle := false
	for i, h := range header {
		ts[i] = m.lookup(h)
		if ts[i].field == "title" && foldKey(h) != "title" {
			otherTitle = true
		}
	}
	if otherTitle {
		for i, h := range header {
			key := foldKey(h)
			if _, over := m.overrides[key]; key == "title" && !over {
				ts[i] = target{}
			}
		}
	}
	return ts
}

// builder gathers one record's values from its columns.
type builder struct {
	line   int
	fields map[string]string
	lists  map[string][]string
	weak   map[string][]string
	first  []string // lead name parts
	last   []string
	addr   *[addrGroups][addrParts][]string
	err    *RowError
}

func newBuilder(line int) *builder {
	return &builder{line: line, fields: map[string]string{}}
}

// add puts one value where t says. Empty values are skipped; a value with
// control characters marks the record bad.
func (b *builder) add(t target, v string) {
	if t.field == "" {
		return
	}
	v = cleanValue(v)
	if v == "" {
		return
	}
	if b.err == nil {
		if c, ok := controlChar(v); ok {
			b.err = rowErr(b.line, t.field, "contains a control character (U+%04X)", c)
		}
	}
	switch t.role {
	case roleValue:
		switch t.field {
		case "email", "phone":
			other := otherOf(t.field)
			items := []string{v}
			if strings.Contains(v, ":::") {
				// Google puts several values in one cell: "a@x ::: b@y".
				if items = splitList(v, ":::"); len(items) == 0 {
					return
				}
			}
			if b.fields[t.field] == "" {
				b.fields[t.field] = items[0]
				b.addList(other, items[1:])
			} else {
				b.addList(other, items)
			}
			return
		case "tags", "other_emails", "other_phones":
			b.addList(t.field, splitList(v, ","))
			return
		}
		if b.fields[t.field] == "" {
			b.fields[t.field] = v
		}
	case roleWeak:
		if b.weak == nil {
			b.weak = map[string][]string{}
		}
		b.weak[t.field] = append(b.weak[t.field], v)
	case roleList:
		seps := ","
		if t.field != "tags" {
			seps = ",;"
		}
		b.addList(t.field, splitList(v, seps))
	case roleCategories:
		b.addList(t.field, splitList(v, ";,"))
	case roleLabels:
		var items []string
		for _, it := range splitList(v, ":::") {
			if strings.HasPrefix(it, "* ") {
				continue
			}
			items = append(items, splitList(it, ",")...)
		}
		b.addList(t.field, items)
	case roleFirst:
		b.first = append(b.first, v)
	case roleLast:
		b.last = append(b.last, v)
	case roleAddr:
		if b.addr == nil {
			b.addr = new([addrGroups][addrParts][]string)
		}
		g, p := int(t.group), int(t.part)
		if g >= 0 && g < addrGroups && p >= 0 && p < addrParts {
			b.addr[g][p] = append(b.addr[g][p], v)
		}
	}
}

// otherOf names the list field that takes the extra emails or phones.
func otherOf(field string) string {
	if field == "email" {
		return "other_emails"
	}
	return "other_phones"
}

// fail marks the record bad, keeping the first problem found.
func (b *builder) fail(field, msg string) {
	if b.err == nil {
		b.err = rowErr(b.line, field, "%s", msg)
	}
}

func (b *builder) addList(field string, items []string) {
	if len(items) == 0 {
		return
	}
	if b.lists == nil {
		b.lists = map[string][]string{}
	}
	b.lists[field] = append(b.lists[field], items...)
}

// finish combines the gathered values into the record's fields for kind k.
// Fields that k does not have are dropped.
func (b *builder) finish(k Kind) map[string]string {
	f := b.fields
	for field, vals := range b.weak {
		if f[field] == "" {
			f[field] = vals[0]
			vals = vals[1:]
		}
		if field == "email" || field == "phone" {
			b.addList(otherOf(field), vals)
		}
	}
	if len(b.first)+len(b.last) > 0 && f["name"] == "" {
		f["name"] = strings.Join(append(append([]string(nil), b.first...), b.last...), " ")
	}
	if b.addr != nil && f["address"] == "" {
		for g := range b.addr {
			if a := formatAddress(b.addr[g]); a != "" {
				f["address"] = a
				break
			}
		}
	}
	for _, field := range []string{"email", "phone"} {
		other := otherOf(field)
		if f[field] == "" && len(b.lists[other]) > 0 {
			f[field] = b.lists[other][0]
			b.lists[other] = b.lists[other][1:]
		}
	}
	for field, items := range b.lists {
		if len(items) > 0 {
			f[field] = strings.Join(items, ", ")
		}
	}
	for field := range f {
		if f[field] == "" || (!hasField(k, field) && !(allowsCustom(k) && strings.HasPrefix(field, "custom."))) {
			delete(f, field)
		}
	}
	return f
}

// formatAddress joins address parts as "street, district, postal city,
// region, country", leaving out empty parts.
func formatAddress(p [addrParts][]string) string {
	j := func(i int) string { return strings.Join(p[i], ", ") }
	var out []string
	for _, s := range []string{j(addrStreet), j(addrPOBox), j(addrDistrict),
		strings.TrimSpace(j(addrPostal) + " " + j(addrCity)), j(addrRegion), j(addrCountry)} {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, ", ")
}

// splitList splits s at any of the separators (":::" splits at the
// three-colon string, otherwise each byte of seps is a separator) and
// returns the trimmed, non-empty items.
func splitList(s, seps string) []string {
	var parts []string
	if seps == ":::" {
		parts = strings.Split(s, ":::")
	} else {
		parts = strings.FieldsFunc(s, func(r rune) bool { return r < utf8.RuneSelf && strings.IndexByte(seps, byte(r)) >= 0 })
	}
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// cleanValue trims a value and makes sure it is valid UTF-8.
func cleanValue(v string) string {
	if !utf8.ValidString(v) {
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	return strings.TrimSpace(v)
}

// unguard removes the "'" that rolo's CSV writer (and careful spreadsheet
// users) put before a leading = + - @ tab or CR so that a spreadsheet does
// not run the cell as a formula. Of several leading "'" one is removed.
func unguard(v string) string {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	if i > 0 && i < len(v) && strings.IndexByte("=+-@\t\r", v[i]) >= 0 {
		return strings.TrimSpace(v[1:])
	}
	return v
}

// controlChar returns the first control character in v other than tab,
// newline and carriage return.
func controlChar(v string) (rune, bool) {
	for _, r := range v {
		if r != '\t' && r != '\n' && r != '\r' && unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}
