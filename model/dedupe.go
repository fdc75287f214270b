package model

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/agnivade/levenshtein"
)

// Duplicate detection. Two records are compared on what identifies a
// customer: the normalised email, the phone in E.164, the company's
// domain and the name, folded (case, accents, Turkish İ/ı, German ß and
// the ae/oe/ue spellings of ä/ö/ü) and compared fuzzily. Each match adds
// to a score from 0 to 100 and names its reason. Exact matches of an
// email, an E.164 phone or an account name are what the store refuses
// without --allow-duplicate; a name that is only similar warns.

// Scores of each kind of match, and the thresholds built on them.
const (
	ScoreEmail        = 100 // same normalised email
	ScorePhone        = 90  // same E.164 phone
	ScoreDomain       = 90  // accounts: same domain
	ScoreAccountName  = 90  // accounts: same name once legal forms are dropped
	ScoreAccountPhone = 70  // accounts: same phone
	ScoreSameName     = 50  // contacts: the same folded name
	ScoreSimilarName  = 40  // contacts: a similar name (a typo, a missing letter)
	ScoreSimilarOrg   = 60  // accounts: a similar name
	ScoreSameAccount  = 25  // contacts: works for the same account
	ScoreSameDomain   = 20  // contacts: emails at the same company domain

	// MinScore is the score from which dedupe lists a pair by default:
	// a name alone is not enough for people (two John Smiths at two
	// companies are two people), a name and a company are.
	MinScore = 60

	// SimilarEnough is the least name similarity (0–1) counted as similar.
	SimilarEnough = 0.84
)

// Match is one likely duplicate of a record: the other record's id and
// name, the score and why.
type Match struct {
	ID      int64    `json:"id"`
	Name    string   `json:"name"`
	Score   int      `json:"score"`
	Reasons []string `json:"reasons"`
	Exact   bool     `json:"exact"` // an exact email, E.164 phone or account name match
}

// String is "Ayşe Yılmaz (#12, 100: same email)".
func (m Match) String() string {
	return fmt.Sprintf("%s (#%d, %d: %s)", m.Name, m.ID, m.Score, strings.Join(m.Reasons, ", "))
}

// Person is what duplicate detection reads of a contact or a lead.
type Person struct {
	ID        int64
	First     string
	Last      string
	Email     string // as typed; compared normalised
	PhoneE164 string
	AccountID int64  // 0: none
	Company   string // a lead's company, compared with the account's name
}

// PersonOf is the duplicate-detection view of a contact.
func PersonOf(c Contact) Person {
	p := Person{ID: c.ID, First: c.FirstName, Last: c.LastName, Email: c.Email, PhoneE164: c.PhoneE164, Company: c.AccountName}
	if c.AccountID != nil {
		p.AccountID = *c.AccountID
	}
	return p
}

// PersonOfLead is the duplicate-detection view of a lead.
func PersonOfLead(l Lead) Person {
	first, last := SplitName(l.Name)
	return Person{ID: l.ID, First: first, Last: last, Email: l.Email, PhoneE164: l.PhoneE164, Company: l.Company}
}

// Name is the person's display name.
func (p Person) Name() string { return strings.TrimSpace(p.First + " " + p.Last) }

// Org is what duplicate detection reads of an account.
type Org struct {
	ID        int64
	Name      string
	Domain    string // normalised; see NormalizeDomain
	Website   string
	PhoneE164 string
}

// OrgOf is the duplicate-detection view of an account.
func OrgOf(a Account) Org {
	return Org{ID: a.ID, Name: a.Name, Domain: a.Domain, Website: a.Website, PhoneE164: a.PhoneE164}
}

// NameKey is a name as duplicate detection compares it: folded, with the
// German ae/oe/ue spellings made ä/ö/ü's folded letters, apostrophes and
// punctuation dropped, and the words sorted, so "Müller, Hans",
// "hans mueller" and "HANS MÜLLER" share one key.
func NameKey(parts ...string) string {
	words := nameWords(strings.Join(parts, " "))
	sort.Strings(words)
	return strings.Join(words, " ")
}

// NameKeys is NameKey, and the same words in their order (typos are
// measured on that: sorting can put "Xavier Quinn" and "Kavier Quinn"
// apart), folding the name once.
func NameKeys(first, last string) (sorted, order string) {
	words := nameWords(first + " " + last)
	order = strings.Join(words, " ")
	sort.Strings(words)
	return strings.Join(words, " "), order
}

// nameKeys are the two keys of a person's name.
type nameKeys struct{ sorted, order string }

func personKeys(p Person) nameKeys {
	s, o := NameKeys(p.First, p.Last)
	return nameKeys{s, o}
}

func nameWords(s string) []string {
	f := Fold(Printable(s))
	f = strings.Map(func(r rune) rune {
		switch {
		case isApostrophe(r):
			return -1
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return ' '
	}, f)
	words := strings.Fields(f)
	for i, w := range words {
		words[i] = germanFold(w)
	}
	return words
}

// germanFold writes ae, oe and ue as a, o and u, as Fold writes ä, ö and
// ü, so both spellings of a German name compare equal. Only after a
// consonant or at the start of a word, so "Raoul" or "Bauer" keep theirs;
// "Joel" becomes "jol" on both sides of a comparison, which is harmless.
func germanFold(w string) string {
	if !strings.Contains(w, "e") {
		return w
	}
	var b strings.Builder
	for i := 0; i < len(w); i++ {
		c := w[i]
		b.WriteByte(c)
		if (c == 'a' || c == 'o' || c == 'u') && i+1 < len(w) && w[i+1] == 'e' && (i == 0 || !isVowel(w[i-1])) {
			i++ // skip the e
		}
	}
	return b.String()
}

func isVowel(c byte) bool { return strings.IndexByte("aeiouy", c) >= 0 }

// Similarity is how alike two name keys are, from 0 to 1: one minus the
// edit distance over the longer length.
func Similarity(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	ra, rb := []rune(a), []rune(b)
	n := max(len(ra), len(rb))
	// A distance is at least the difference in length: skip the work
	// when that alone rules the pair out.
	if float64(n-min(len(ra), len(rb)))/float64(n) > 1-SimilarEnough {
		return 1 - float64(n-min(len(ra), len(rb)))/float64(n)
	}
	return 1 - float64(levenshtein.ComputeDistance(a, b))/float64(n)
}

// firstWordsAlike reports whether two names' first words are the same
// person's: alike letters (a typo) or one the initial of the other. A long
// shared surname must not make Florian and Moritz Müller-Lüdenscheidt one.
func firstWordsAlike(a, b string) bool {
	fa, _, _ := strings.Cut(a, " ")
	fb, _, _ := strings.Cut(b, " ")
	if fa == "" || fb == "" {
		return true
	}
	if strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa) {
		return true // an initial, or a short form
	}
	return Similarity(fa, fb) >= 0.6
}

// freeMail are mail providers whose domain says nothing about the company
// a person works for.
var freeMail = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "hotmail.com": true, "outlook.com": true, "live.com": true,
	"msn.com": true, "yahoo.com": true, "yahoo.co.uk": true, "icloud.com": true, "me.com": true, "mac.com": true,
	"aol.com": true, "gmx.de": true, "gmx.net": true, "web.de": true, "t-online.de": true, "yandex.com": true,
	"yandex.ru": true, "mail.ru": true, "protonmail.com": true, "proton.me": true, "hotmail.co.uk": true,
	"hotmail.de": true, "hotmail.fr": true, "orange.fr": true, "free.fr": true, "libero.it": true, "wp.pl": true,
	"o2.pl": true, "onet.pl": true, "interia.pl": true, "mynet.com": true, "yahoo.de": true, "yahoo.fr": true,
}

// EmailDomain is the domain of an email address, lower case, or "" when
// it has none or is a free mail provider's.
func EmailDomain(email string) string {
	e := NormalizeEmail(email)
	at := strings.LastIndexByte(e, '@')
	if at < 0 {
		return ""
	}
	d := e[at+1:]
	if freeMail[d] {
		return ""
	}
	return d
}

// WebsiteDomain is the domain of a website address ("https://www.x.com/a"
// is x.com), or "".
func WebsiteDomain(site string) string {
	d, err := NormalizeDomain(site)
	if err != nil {
		return ""
	}
	return d
}

// ComparePeople scores b as a duplicate of a: contacts, or a lead against
// a contact. It returns ok false when nothing matches at all.
func ComparePeople(a, b Person) (Match, bool) {
	return comparePeople(a, b, personKeys(a), personKeys(b))
}

func comparePeople(a, b Person, ka, kb nameKeys) (Match, bool) {
	m := Match{ID: b.ID, Name: b.Name()}
	ea, eb := NormalizeEmail(a.Email), NormalizeEmail(b.Email)
	if ea != "" && ea == eb {
		m.Score += ScoreEmail
		m.Reasons = append(m.Reasons, "same email")
		m.Exact = true
	}
	if a.PhoneE164 != "" && a.PhoneE164 == b.PhoneE164 {
		m.Score += ScorePhone
		m.Reasons = append(m.Reasons, "same phone")
		m.Exact = true
	}
	named := false
	switch s := max(Similarity(ka.order, kb.order), Similarity(ka.sorted, kb.sorted)); {
	case ka.sorted == "":
	case ka.sorted == kb.sorted:
		m.Score += ScoreSameName
		m.Reasons = append(m.Reasons, "same name")
		named = true
	case s >= SimilarEnough && firstWordsAlike(ka.order, kb.order):
		m.Score += ScoreSimilarName
		m.Reasons = append(m.Reasons, fmt.Sprintf("similar name (%d%%)", int(s*100+0.5)))
		named = true
	}
	if len(m.Reasons) == 0 {
		return m, false
	}
	if named {
		switch {
		case a.AccountID != 0 && a.AccountID == b.AccountID:
			m.Score += ScoreSameAccount
			m.Reasons = append(m.Reasons, "same account")
		case a.AccountID == 0 && a.Company != "" && CompanyKey(a.Company) == CompanyKey(b.Company):
			m.Score += ScoreSameAccount
			m.Reasons = append(m.Reasons, "same company")
		}
		if ea != eb {
			if d := EmailDomain(ea); d != "" && d == EmailDomain(eb) {
				m.Score += ScoreSameDomain
				m.Reasons = append(m.Reasons, "same email domain")
			}
		}
	}
	m.Score = min(m.Score, 100)
	return m, true
}

// legalForms are company-name words that say what kind of company it is,
// not which one: "Işık Tekstil A.Ş." and "Isik Tekstil" are one account.
var legalForms = map[string]bool{
	"inc": true, "incorporated": true, "llc": true, "ltd": true, "limited": true, "co": true, "corp": true,
	"corporation": true, "company": true, "plc": true, "gmbh": true, "ag": true, "kg": true, "ohg": true,
	"ug": true, "mbh": true, "sa": true, "sas": true, "sarl": true, "srl": true, "spa": true, "bv": true,
	"nv": true, "oy": true, "ab": true, "as": true, "sti": true, "as.": true, "san": true, "tic": true,
	"ve": true, "and": true, "the": true, "sp": true, "zoo": true, "z": true, "o": true, "s": true, "a": true,
	"sl": true, "lda": true, "pty": true, "holding": true, "group": true, "grup": true,
}

// CompanyKey is an account name as duplicate detection compares it: the
// name's words folded (see NameKey), in order, without legal forms such as
// "Ltd", "GmbH" or "A.Ş.".
func CompanyKey(name string) string {
	words := nameWords(strings.ReplaceAll(name, ".", ""))
	out := words[:0]
	for _, w := range words {
		if !legalForms[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return strings.Join(words, " ")
	}
	return strings.Join(out, " ")
}

// CompareOrgs scores b as a duplicate of a.
func CompareOrgs(a, b Org) (Match, bool) {
	return compareOrgs(a, b, CompanyKey(a.Name), CompanyKey(b.Name))
}

func compareOrgs(a, b Org, ka, kb string) (Match, bool) {
	m := Match{ID: b.ID, Name: b.Name}
	switch s := Similarity(ka, kb); {
	case ka == "":
	case Fold(strings.TrimSpace(a.Name)) == Fold(strings.TrimSpace(b.Name)):
		m.Score += ScoreAccountName
		m.Reasons = append(m.Reasons, "same name")
		m.Exact = true
	case ka == kb:
		m.Score += ScoreAccountName
		m.Reasons = append(m.Reasons, "same name but for the legal form")
	case s >= SimilarEnough:
		m.Score += ScoreSimilarOrg
		m.Reasons = append(m.Reasons, fmt.Sprintf("similar name (%d%%)", int(s*100+0.5)))
	}
	da, db := orgDomain(a), orgDomain(b)
	if da != "" && da == db {
		m.Score += ScoreDomain
		m.Reasons = append(m.Reasons, "same domain")
	}
	if a.PhoneE164 != "" && a.PhoneE164 == b.PhoneE164 {
		m.Score += ScoreAccountPhone
		m.Reasons = append(m.Reasons, "same phone")
	}
	if len(m.Reasons) == 0 {
		return m, false
	}
	m.Score = min(m.Score, 100)
	return m, true
}

func orgDomain(o Org) string {
	if o.Domain != "" {
		return o.Domain
	}
	return WebsiteDomain(o.Website)
}

// SortMatches orders matches best first, then by id.
func SortMatches(ms []Match) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Score != ms[j].Score {
			return ms[i].Score > ms[j].Score
		}
		return ms[i].ID < ms[j].ID
	})
}
