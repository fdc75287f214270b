package model

import (
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

func TestFold(t *testing.T) {
	cases := map[string]string{
		"Işık":         "isik",
		"IŞIK":         "isik",
		"ışık":         "isik",
		"İstanbul":     "istanbul",
		"ISTANBUL":     "istanbul",
		"MÜLLER":       "muller",
		"Müller":       "muller",
		"Straße":       "strasse",
		"Çağla Öztürk": "cagla ozturk",
		"Søren Ørsted": "soren orsted",
		"Łukasz":       "lukasz",
		"ﬁnance":       "finance",
		"Ａｂｃ":          "abc",
		"José García":  "jose garcia",
		"plain ascii":  "plain ascii",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFoldQueryAndSearchText(t *testing.T) {
	if got := FoldQuery("O’Neil"); got != "oneil" {
		t.Errorf("FoldQuery = %q", got)
	}
	st := SearchText([]string{"Sean", "O'Neil"}, []string{"+90 212 555 01 01"})
	for _, want := range []string{"sean", "o'neil", "oneil", "902125550101", "0101", "5550101"} {
		if !strings.Contains(" "+st+" ", " "+want+" ") {
			t.Errorf("search text %q lacks token %q", st, want)
		}
	}
	if strings.Contains(SearchText([]string{"Evil\x1b]0;PWNED\x07"}, nil), "pwned") {
		t.Error("escape payload indexed")
	}
}

func TestNormalizePhone(t *testing.T) {
	cases := []struct {
		in, region, want string
		bad              bool
	}{
		{"+90 212 555 01 01", "US", "+902125550101", false},
		{"0212 555 01 01", "TR", "+902125550101", false},
		{"(415) 555-0132", "US", "+14155550132", false},
		{"+49 30 1234567", "", "+49301234567", false},
		{"030 1234567", "DE", "+49301234567", false},
		{"+1 415 555 0132 ext. 12", "US", "+14155550132", false},
		{"1234", "US", "", false}, // an extension: kept, no E.164
		{"", "US", "", false},
		{"call me", "US", "", true},
		{"12", "US", "", true},
		{"555-CALL-NOW", "US", "", true},
		{strings.Repeat("1", 80), "US", "", true},
	}
	for _, tc := range cases {
		got, err := NormalizePhone(tc.in, tc.region)
		if tc.bad {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "phone" {
				t.Errorf("NormalizePhone(%q) err = %v, want a phone validation error", tc.in, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("NormalizePhone(%q, %s) = %q, %v; want %q", tc.in, tc.region, got, err, tc.want)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	for _, ok := range []string{"", "ayse@isik.com.tr", "a.b+tag@example.co.uk", "O'Neil@example.ie"} {
		if err := CheckEmail(ok); err != nil {
			t.Errorf("CheckEmail(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"not-an-email", "a@b", "Ayşe <ayse@isik.com.tr>", "a@@b.com", "a@b..com", "a b@c.com", "@x.com", "a@.com", "a@x.com."} {
		err := CheckEmail(bad)
		var ve *ValidationError
		if !errors.As(err, &ve) || ve.Field != "email" || !strings.Contains(ve.Message, "not an email") {
			t.Errorf("CheckEmail(%q) = %v", bad, err)
		}
	}
}

func TestNormalizeDomain(t *testing.T) {
	for in, want := range map[string]string{"https://www.Isik.com.tr/about": "isik.com.tr", "weber-soehne.de": "weber-soehne.de", "WWW.X.IO.": "x.io"} {
		if got, err := NormalizeDomain(in); err != nil || got != want {
			t.Errorf("NormalizeDomain(%q) = %q %v", in, got, err)
		}
	}
	for _, bad := range []string{"localhost", "a b.com", "http://", "x..com"} {
		if _, err := NormalizeDomain(bad); err == nil {
			t.Errorf("NormalizeDomain(%q) accepted", bad)
		}
	}
}

func TestContactNormalize(t *testing.T) {
	c := Contact{FirstName: "  Ayşe ", Email: " ayse@isik.com.tr ", Phone: "0212 555 01 01", Tags: []string{"VIP", "vip", "Key Account"}}
	if err := c.Normalize(Rules{Region: "TR"}); err != nil {
		t.Fatal(err)
	}
	if c.FirstName != "Ayşe" || c.PhoneE164 != "+902125550101" || strings.Join(c.Tags, ",") != "vip,key-account" {
		t.Fatalf("%+v", c)
	}
	bad := Contact{Email: "x", Phone: "abc"}
	err := bad.Normalize(Rules{RequiredContact: []string{"title"}})
	var ves ValidationErrors
	if !errors.As(err, &ves) || ves.Field("email") == nil || ves.Field("phone") == nil || ves.Field("first_name") == nil || ves.Field("title") == nil {
		t.Fatalf("errors: %v", err)
	}
	if !errors.Is(err, ErrValidation) {
		t.Fatal("not ErrValidation")
	}
}

func TestPrintable(t *testing.T) {
	cases := map[string]string{
		"Evil\x1b]0;PWNED\x07Name": "EvilName",
		"red\x1b[31mtext\x1b[0m":   "redtext",
		"a\tb\nc\r":                "a b c ",
		"bell\x07":                 "bell",
		"rtl\u202eevil":            "rtlevil",
		"Işık Tekstil":             "Işık Tekstil",
		"c1\u009b31mx":             "c131mx", // the C1 CSI itself is dropped
	}
	for in, want := range cases {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMoney(t *testing.T) {
	good := []struct {
		in, cur string
		want    int64
	}{
		{"1200", "EUR", 120000}, {"1200.50", "EUR", 120050}, {"1.200,50", "EUR", 120050}, {"1,200.50", "USD", 120050},
		{"1.200", "EUR", 120000}, {"1,5", "EUR", 150}, {"0.5", "USD", 50}, {"-15", "USD", -1500}, {"1200", "JPY", 1200},
		{"1.234.567,89", "TRY", 123456789}, {"12.345", "KWD", 12345},
	}
	for _, tc := range good {
		got, err := ParseAmount(tc.in, tc.cur)
		if err != nil || got != tc.want {
			t.Errorf("ParseAmount(%q, %s) = %d %v, want %d", tc.in, tc.cur, got, err, tc.want)
		}
	}
	for _, bad := range []string{"12,34.5", "1.2.3,4,5", "abc", "", "1.2345", "1,20,0", "1.", "--1", "0.001", "99999999999999999999"} {
		if _, err := ParseAmount(bad, "USD"); err == nil {
			t.Errorf("ParseAmount(%q) accepted", bad)
		}
	}
	if got := FormatMoney(Money{120050, "EUR"}, "en"); got != "€1,200.50" {
		t.Errorf("en: %s", got)
	}
	if got := FormatMoney(Money{120050, "EUR"}, "tr"); got != "€1.200,50" {
		t.Errorf("tr: %s", got)
	}
	if got := FormatMoney(Money{120050, "EUR"}, "de"); got != "1.200,50 €" {
		t.Errorf("de: %s", got)
	}
	if got := FormatAmount(-5, "USD"); got != "-0.05" {
		t.Errorf("FormatAmount: %s", got)
	}
	if _, err := CheckCurrency("currency", "EURO"); err == nil {
		t.Error("EURO accepted")
	}
	if c, err := CheckCurrency("currency", "try"); err != nil || c != "TRY" {
		t.Errorf("try: %q %v", c, err)
	}
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+90 212 555 01 01", "0212 555 01 01", "(415) 555-0132 x12", "abc", "", "+", "1234", "\x00"} {
		f.Add(s, "TR")
	}
	f.Fuzz(func(t *testing.T, s, region string) {
		e164, err := NormalizePhone(s, region)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "phone" {
				t.Fatalf("error without the field: %v", err)
			}
			return
		}
		if e164 != "" && (!strings.HasPrefix(e164, "+") || Digits(e164) != e164[1:]) {
			t.Fatalf("E.164 %q from %q", e164, s)
		}
	})
}

func FuzzCheckEmail(f *testing.F) {
	for _, s := range []string{"a@b.co", "not-an-email", "Ayşe <a@b.co>", "", "@", "a@b", "\"a b\"@c.de"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := CheckEmail(s)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Field != "email" {
				t.Fatalf("error without the field: %v", err)
			}
			return
		}
		if s := strings.TrimSpace(s); s != "" && (!strings.Contains(s, "@") || strings.ContainsAny(s, " \t\n<>")) {
			t.Fatalf("accepted %q", s)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Işık", "MÜLLER", "O'Neil", "ﬁ", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = invalid UTF-8 %q", s, got)
		}
		if Fold(got) != got {
			t.Fatalf("Fold is not idempotent on %q: %q then %q", s, got, Fold(got))
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"1200", "1.200,50", "12,34.5", "-1", "", "1e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseAmount(s, "EUR")
		if err != nil {
			return
		}
		back, err := ParseAmount(FormatAmount(v, "EUR"), "EUR")
		if err != nil || back != v {
			t.Fatalf("%q → %d → %q → %d %v", s, v, FormatAmount(v, "EUR"), back, err)
		}
	})
}

// The written-out region list is the library's, so the config accepts
// exactly the regions phone numbers can be parsed for.
func TestPhoneRegionsAreTheLibrarys(t *testing.T) {
	var want []string
	for r := range phonenumbers.GetSupportedRegions() {
		want = append(want, r)
	}
	sort.Strings(want)
	if got := strings.Fields(phoneRegions); !reflect.DeepEqual(got, want) {
		t.Errorf("phoneRegions is out of date with phonenumbers; it should read:\n%s", strings.Join(want, " "))
	}
	for _, c := range []struct {
		r  string
		ok bool
	}{{"TR", true}, {"tr", true}, {"US", true}, {"ZZ", false}, {"", false}, {"T", false}, {"TR US", false}, {"001", false}} {
		if ValidRegion(c.r) != c.ok {
			t.Errorf("ValidRegion(%q) = %v", c.r, !c.ok)
		}
	}
}
