package model

import (
	"net/mail"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// NormalizeEmail trims and lower-cases an email address for comparison.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CheckEmail reports whether s is a plain email address (no display name),
// with a dotted domain, as people type them into a CRM.
func CheckEmail(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	const hint = "%q is not an email address (expected name@example.com)"
	if len(s) > 254 {
		return Invalid("email", "longer than 254 characters")
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return Invalid("email", hint, s)
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	if at <= 0 || !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") ||
		strings.HasSuffix(domain, ".") || strings.Contains(domain, "..") {
		return Invalid("email", hint, s)
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return Invalid("email", hint, s)
		}
	}
	return nil
}

// DefaultRegion is the phone region assumed for numbers typed without a
// country code when the config names none.
const DefaultRegion = "US"

// phoneRegions are the regions phonenumbers knows, written out so checking
// the config does not load the library's metadata (milliseconds every
// command would pay); a test holds the list to the library's.
const phoneRegions = "AC AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR " +
	"BS BT BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES " +
	"ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IO " +
	"IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG " +
	"MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK " +
	"PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TA TC " +
	"TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW"

// ValidRegion reports whether r is a region phonenumbers knows (e.g. "TR").
func ValidRegion(r string) bool {
	r = strings.ToUpper(r)
	return len(r) == 2 && strings.Contains(" "+phoneRegions+" ", " "+r+" ")
}

// NormalizePhone checks a phone number as typed and returns its E.164 form
// ("+902125550101") when it can be dialled, using region for numbers
// written without a country code. A number that is phone-like but cannot
// be placed (an extension, a short code) is accepted with an empty E.164
// form; text that is not a phone number at all is refused.
func NormalizePhone(raw, region string) (e164 string, err error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", nil
	}
	if len(s) > 64 {
		return "", Invalid("phone", "longer than 64 characters")
	}
	digits := 0
	rest := strings.ToLower(s)
	// "ext", "ext." and "x" introduce an extension.
	for _, sep := range []string{"ext.", "ext", "x"} {
		if i := strings.Index(rest, sep); i > 0 {
			rest = rest[:i] + " " + rest[i+len(sep):]
			break
		}
	}
	for _, r := range rest {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-()./\u00a0", r):
		default:
			return "", Invalid("phone", "%q is not a phone number (expected e.g. +90 212 555 01 01)", s)
		}
	}
	if digits < 3 {
		return "", Invalid("phone", "%q is not a phone number (expected e.g. +90 212 555 01 01)", s)
	}
	if region == "" {
		region = DefaultRegion
	}
	num, perr := phonenumbers.Parse(s, strings.ToUpper(region))
	if perr != nil || !phonenumbers.IsPossibleNumber(num) {
		return "", nil
	}
	return phonenumbers.Format(num, phonenumbers.E164), nil
}
