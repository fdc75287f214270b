package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestNameKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Hans Müller", "hans mueller"},
		{"Müller, Hans", "HANS MÜLLER"},
		{"IŞIK Şahin", "isik sahin"},
		{"İsmail Öztürk", "ismail ozturk"},
		{"Straße", "strasse"},
		{"Seán O'Neil", "sean oneil"},
		{"Jürgen Groß", "Juergen Gross"},
	} {
		if ka, kb := NameKey(tc.a), NameKey(tc.b); ka != kb {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", tc.a, ka, tc.b, kb)
		}
	}
}

func TestCompanyKey(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"Işık Tekstil A.Ş.", "Isik Tekstil"},
		{"Acme GmbH", "ACME"},
		{"Acme, Inc.", "acme inc"},
		{"Yılmaz İnşaat San. ve Tic. Ltd. Şti.", "yilmaz insaat"},
	} {
		if ka, kb := CompanyKey(tc.a), CompanyKey(tc.b); ka != kb {
			t.Errorf("CompanyKey(%q) = %q, CompanyKey(%q) = %q: want equal", tc.a, ka, tc.b, kb)
		}
	}
}

func TestComparePeople(t *testing.T) {
	acc := int64(7)
	for _, tc := range []struct {
		name    string
		a, b    Person
		ok      bool
		score   int
		exact   bool
		reasons string
	}{
		{"same email any case", Person{First: "Ann", Email: "Ann@X.com "}, Person{First: "Bob", Email: "ann@x.com"},
			true, 100, true, "same email"},
		{"same phone", Person{First: "Ann", PhoneE164: "+902125550101"}, Person{First: "Bob", PhoneE164: "+902125550101"},
			true, 90, true, "same phone"},
		{"email and name", Person{First: "Ann", Last: "Lee", Email: "a@x.com"}, Person{First: "ann", Last: "lee", Email: "a@x.com"},
			true, 100, true, "same email, same name"},
		{"name alone", Person{First: "John", Last: "Smith"}, Person{First: "John", Last: "Smith"},
			true, ScoreSameName, false, "same name"},
		{"name and account", Person{First: "John", Last: "Smith", AccountID: acc}, Person{First: "John", Last: "Smith", AccountID: acc},
			true, ScoreSameName + ScoreSameAccount, false, "same name, same account"},
		{"German spelling and account", Person{First: "Hans", Last: "Müller", AccountID: acc}, Person{First: "Hans", Last: "Mueller", AccountID: acc},
			true, ScoreSameName + ScoreSameAccount, false, "same name, same account"},
		{"Turkish letters", Person{First: "Işık", Last: "Yılmaz"}, Person{First: "ISIK", Last: "YILMAZ"},
			true, ScoreSameName, false, "same name"},
		{"typo and email domain", Person{First: "Jonathan", Last: "Smith", Email: "jon@acme.com"}, Person{First: "Jonathon", Last: "Smith", Email: "j.smith@acme.com"},
			true, ScoreSimilarName + ScoreSameDomain, false, "similar name (93%), same email domain"},
		{"free mail domain says nothing", Person{First: "Jonathan", Last: "Smith", Email: "jon@gmail.com"}, Person{First: "Jonathon", Last: "Smith", Email: "js@gmail.com"},
			true, ScoreSimilarName, false, "similar name (93%)"},
		{"swapped names", Person{First: "Smith", Last: "John"}, Person{First: "John", Last: "Smith"},
			true, ScoreSameName, false, "same name"},
		{"lead company against account", Person{First: "Ann", Last: "Lee", Company: "Acme Ltd"}, Person{First: "Ann", Last: "Lee", Company: "ACME"},
			true, ScoreSameName + ScoreSameAccount, false, "same name, same company"},
		{"different people", Person{First: "Ann", Last: "Lee"}, Person{First: "Bob", Last: "Stone"}, false, 0, false, ""},
		{"a long shared surname is not enough", Person{First: "Florian", Last: "Müller-Lüdenscheidt"},
			Person{First: "Moritz", Last: "Müller-Lüdenscheidt"}, false, 0, false, ""},
		{"an initial", Person{First: "J.", Last: "Kowalczykowski"}, Person{First: "Jan", Last: "Kowalczykowski"},
			true, ScoreSimilarName, false, "similar name (89%)"},
		{"empty names do not match", Person{}, Person{}, false, 0, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := ComparePeople(tc.a, tc.b)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tc.ok, m)
			}
			if !ok {
				return
			}
			if m.Score != tc.score || m.Exact != tc.exact || strings.Join(m.Reasons, ", ") != tc.reasons {
				t.Errorf("got score %d exact %v reasons %q; want %d %v %q", m.Score, m.Exact, strings.Join(m.Reasons, ", "),
					tc.score, tc.exact, tc.reasons)
			}
		})
	}
}

func TestCompareOrgs(t *testing.T) {
	for _, tc := range []struct {
		name    string
		a, b    Org
		ok      bool
		score   int
		exact   bool
		reasons string
	}{
		{"same folded name", Org{Name: "Işık Tekstil"}, Org{Name: "ISIK TEKSTIL"}, true, 90, true, "same name"},
		{"legal form", Org{Name: "Işık Tekstil A.Ş."}, Org{Name: "Isik Tekstil"}, true, 90, false, "same name but for the legal form"},
		{"domain from website", Org{Name: "Acme", Domain: "acme.com"}, Org{Name: "Acme Widgets", Website: "https://www.acme.com/en"},
			true, 90, false, "same domain"},
		{"similar and phone", Org{Name: "Globex Corporation", PhoneE164: "+15125550100"}, Org{Name: "Globexx", PhoneE164: "+15125550100"},
			true, 100, false, "similar name (86%), same phone"},
		{"unrelated", Org{Name: "Acme"}, Org{Name: "Initech"}, false, 0, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, ok := CompareOrgs(tc.a, tc.b)
			if ok != tc.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tc.ok, m)
			}
			if ok && (m.Score != tc.score || m.Exact != tc.exact || strings.Join(m.Reasons, ", ") != tc.reasons) {
				t.Errorf("got score %d exact %v reasons %q; want %d %v %q", m.Score, m.Exact, strings.Join(m.Reasons, ", "),
					tc.score, tc.exact, tc.reasons)
			}
		})
	}
}

func TestPeoplePairs(t *testing.T) {
	ps := []Person{
		{ID: 1, First: "Hans", Last: "Müller", AccountID: 1},
		{ID: 2, First: "Hans", Last: "Mueller", AccountID: 1},
		{ID: 3, First: "John", Last: "Smith", AccountID: 2},
		{ID: 4, First: "John", Last: "Smith", AccountID: 3}, // another John Smith
		{ID: 5, First: "Ann", Last: "Lee", Email: "ann@x.com"},
		{ID: 6, First: "Anne", Last: "Leigh", Email: "ANN@x.com"},
		{ID: 7, First: "Xavier", Last: "Quinn", AccountID: 4},
		{ID: 8, First: "Kavier", Last: "Quinn", AccountID: 4}, // typo in the first letter
	}
	got := PeoplePairs(ps, MinScore)
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%d-%d %d", p.A, p.ID, p.Score))
	}
	want := "5-6 100, 1-2 75, 7-8 65"
	if strings.Join(lines, ", ") != want {
		t.Errorf("pairs = %q, want %q", strings.Join(lines, ", "), want)
	}
	all := PeoplePairs(ps, 0)
	found := false
	for _, p := range all {
		if p.A == 3 && p.ID == 4 {
			found = true
		}
	}
	if !found {
		t.Errorf("with min 0 the two John Smiths are a pair: %+v", all)
	}
}

func TestOrgPairs(t *testing.T) {
	os := []Org{
		{ID: 1, Name: "Işık Tekstil A.Ş."},
		{ID: 2, Name: "Isik Tekstil"},
		{ID: 3, Name: "Acme", Domain: "acme.com"},
		{ID: 4, Name: "ACME Corp", Website: "acme.com"},
		{ID: 5, Name: "Initech"},
	}
	got := OrgPairs(os, MinScore)
	var lines []string
	for _, p := range got {
		lines = append(lines, fmt.Sprintf("%d-%d %d", p.A, p.ID, p.Score))
	}
	if want := "3-4 100, 1-2 90"; strings.Join(lines, ", ") != want {
		t.Errorf("pairs = %q, want %q", strings.Join(lines, ", "), want)
	}
}

func TestSplitName(t *testing.T) {
	for _, tc := range []struct{ in, first, last string }{
		{"Ayşe Nur Yılmaz", "Ayşe Nur", "Yılmaz"},
		{"Madonna", "Madonna", ""},
		{"Müller, Hans", "Hans", "Müller"},
		{"  John   Smith ", "John", "Smith"},
	} {
		f, l := SplitName(tc.in)
		if f != tc.first || l != tc.last {
			t.Errorf("SplitName(%q) = %q, %q; want %q, %q", tc.in, f, l, tc.first, tc.last)
		}
	}
}

func TestMergeContactsKeepsTheOtherEmailAndPhone(t *testing.T) {
	a := Contact{FirstName: "Ayşe", Email: "ayse@isik.com.tr", Phone: "0532 123 45 67", Custom: map[string]string{"other_emails": "a@old.com"}}
	b := Contact{FirstName: "Ayse", Email: "ayse.y@gmail.com", Phone: "+90 212 555 01 01"}
	fields := ContactMergePlan(a, b)
	PickMerge(fields, "phone", true)
	got := MergeContacts(a, b, fields)
	if got.Email != a.Email || got.Phone != b.Phone {
		t.Fatalf("kept %q %q", got.Email, got.Phone)
	}
	if got.Custom["other_emails"] != "a@old.com, ayse.y@gmail.com" || got.Custom["other_phones"] != "0532 123 45 67" {
		t.Errorf("others: %v", got.Custom)
	}
	same := MergeContacts(a, Contact{FirstName: "A", Email: "AYSE@isik.com.tr"}, ContactMergePlan(a, Contact{}))
	if _, ok := same.Custom["other_phones"]; ok || same.Custom["other_emails"] != "a@old.com" {
		t.Errorf("nothing new to keep: %v", same.Custom)
	}
}

func TestRegionOfAddress(t *testing.T) {
	for in, want := range map[string]string{
		"Hauptstr. 1, 10115 Berlin, Germany": "DE", "Şişli, İstanbul, Türkiye": "TR", "1 Main St, Austin, TX, USA": "US",
		"10 Downing St, London, United Kingdom": "GB", "Paris, FRANCE": "FR", "Almanya": "DE", "de": "DE",
		"10115 Berlin": "", "": "",
	} {
		if got := RegionOfAddress(in); got != want {
			t.Errorf("RegionOfAddress(%q) = %q, want %q", in, got, want)
		}
		if want != "" && !ValidRegion(want) {
			t.Errorf("%s is not a phone region", want)
		}
	}
	for _, code := range []string{"US", "GB", "DE", "TR", "FR", "AE", "SG"} {
		if !ValidRegion(code) {
			t.Errorf("%s", code)
		}
	}
}
