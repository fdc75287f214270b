package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/currency"
)

// Money is an exact amount in a currency's minor units (cents for USD,
// kuruş for TRY, yen for JPY). It is never a float.
type Money struct {
	Amount   int64  `json:"amount"`   // minor units
	Currency string `json:"currency"` // ISO 4217 code
}

// CheckCurrency returns the upper-cased ISO 4217 code, or an error naming
// the field when code is not one.
func CheckCurrency(field, code string) (string, error) {
	c := strings.ToUpper(strings.TrimSpace(code))
	if len(c) != 3 {
		return "", Invalid(field, "%q is not an ISO 4217 currency code (e.g. USD, EUR, TRY)", code)
	}
	u, err := currency.ParseISO(c)
	if err != nil || u.String() != c || c == "XXX" {
		return "", Invalid(field, "%q is not an ISO 4217 currency code (e.g. USD, EUR, TRY)", code)
	}
	return c, nil
}

// MinorDigits is the number of decimal places of the currency (2 for EUR,
// 0 for JPY, 3 for KWD).
func MinorDigits(code string) int {
	u, err := currency.ParseISO(code)
	if err != nil {
		return 2
	}
	scale, _ := currency.Standard.Rounding(u)
	return scale
}

// ParseAmount reads an amount as people type it: "1200", "1200.50",
// "1.200,50", "1,200.50", "-15". When both '.' and ',' appear, the last
// one is the decimal mark and the other groups thousands (groups of three
// digits only); a lone separator followed by exactly three digits groups
// thousands ("1.200" is 1200), except in currencies with three decimals
// (KWD, BHD), where it is the decimal mark. It returns minor units of the
// currency and refuses more decimals than the currency has.
func ParseAmount(s, code string) (int64, error) {
	return parseDecimal("amount", s, MinorDigits(code), code)
}

// ParseDecimal reads a decimal number typed like an amount (see
// ParseAmount) into an integer scaled by 10^digits: quantities ("2.5" with
// 3 digits is 2500) and percentages ("12,5" with 2 digits is 1250).
func ParseDecimal(field, s string, digits int) (int64, error) {
	return parseDecimal(field, s, digits, "")
}

func parseDecimal(field, s string, digits int, code string) (int64, error) {
	in := strings.TrimSpace(s)
	str := strings.ReplaceAll(strings.ReplaceAll(in, " ", ""), "\u00a0", "")
	neg := false
	if strings.HasPrefix(str, "-") {
		neg, str = true, str[1:]
	} else if strings.HasPrefix(str, "+") {
		str = str[1:]
	}
	bad := func(why string) (int64, error) {
		return 0, Invalid(field, "%q is not a number: %s (write e.g. 1200, 1200.50 or 1.200,50)", in, why)
	}
	if str == "" {
		return bad("empty")
	}
	for _, r := range str {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',') {
			return bad(fmt.Sprintf("unexpected %q", r))
		}
	}
	lastDot, lastComma := strings.LastIndexByte(str, '.'), strings.LastIndexByte(str, ',')
	intPart, frac := str, ""
	var group byte
	switch {
	case lastDot >= 0 && lastComma >= 0:
		dec := max(lastDot, lastComma)
		intPart, frac = str[:dec], str[dec+1:]
		group = ','
		if str[dec] == ',' {
			group = '.'
		}
		if strings.ContainsRune(frac, '.') || strings.ContainsRune(frac, ',') || strings.IndexByte(intPart, str[dec]) >= 0 {
			return bad("more than one decimal mark")
		}
	case lastDot >= 0 || lastComma >= 0:
		sep := byte('.')
		if lastComma >= 0 {
			sep = ','
		}
		n := strings.Count(str, string(sep))
		last := max(lastDot, lastComma)
		if n == 1 && (len(str)-last-1 != 3 || last == 0 || str[:last] == "0" || digits == 3) {
			intPart, frac = str[:last], str[last+1:]
		} else {
			group = sep
		}
	}
	if group != 0 {
		parts := strings.Split(intPart, string(group))
		if len(parts[0]) == 0 || len(parts[0]) > 3 || parts[0][0] == '0' {
			return bad("thousands must be grouped by three")
		}
		for _, p := range parts[1:] {
			if len(p) != 3 {
				return bad("thousands must be grouped by three")
			}
		}
		intPart = strings.Join(parts, "")
	}
	if intPart == "" {
		intPart = "0"
	}
	if frac == "" && (strings.HasSuffix(str, ".") || strings.HasSuffix(str, ",")) {
		return bad("nothing after the decimal mark")
	}
	if len(frac) > digits {
		if code != "" {
			return bad(fmt.Sprintf("%s has %d decimal places", code, digits))
		}
		return bad(fmt.Sprintf("at most %d decimal places", digits))
	}
	frac += strings.Repeat("0", digits-len(frac))
	whole, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil {
		return bad("too large")
	}
	minor := int64(0)
	if frac != "" {
		minor, _ = strconv.ParseInt(frac, 10, 64)
	}
	scale := int64(math.Pow10(digits))
	if whole > (math.MaxInt64-minor)/scale {
		return bad("too large")
	}
	v := whole*scale + minor
	if neg {
		v = -v
	}
	return v, nil
}

// FormatAmount renders minor units as a plain decimal string with '.' as
// the decimal mark and no grouping ("1200.50"), as JSON and CSV carry it.
func FormatAmount(minor int64, code string) string { return FormatDecimal(minor, MinorDigits(code)) }

// FormatDecimal renders an integer scaled by 10^digits as a plain decimal.
func FormatDecimal(v int64, digits int) string {
	neg := v < 0
	u := uint64(v)
	if neg {
		u = uint64(-v)
	}
	s := strconv.FormatUint(u, 10)
	if digits > 0 {
		if len(s) <= digits {
			s = strings.Repeat("0", digits-len(s)+1) + s
		}
		s = s[:len(s)-digits] + "." + s[len(s)-digits:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// TrimDecimal drops trailing zeros after the decimal mark ("12.50" →
// "12.5", "18.00" → "18").
func TrimDecimal(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// FormatMoney renders an amount for people in the locale's style:
// en "€1,200.50", tr "€1.200,50", de "1.200,50 €".
func FormatMoney(m Money, locale string) string {
	plain := FormatAmount(m.Amount, m.Currency)
	neg := strings.HasPrefix(plain, "-")
	plain = strings.TrimPrefix(plain, "-")
	intPart, frac, _ := strings.Cut(plain, ".")
	groupSep, decSep := ",", "."
	if locale == "tr" || locale == "de" {
		groupSep, decSep = ".", ","
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(groupSep)
		}
		b.WriteRune(r)
	}
	num := b.String()
	if frac != "" {
		num += decSep + frac
	}
	sym := CurrencySymbol(m.Currency)
	out := sym + num
	if locale == "de" {
		out = num + " " + sym
	}
	if neg {
		out = "-" + out
	}
	return out
}

// CurrencySymbol is the symbol people recognise, or the ISO code followed
// by a space when there is no common one.
func CurrencySymbol(code string) string {
	switch code {
	case "USD":
		return "$"
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "TRY":
		return "₺"
	case "JPY":
		return "¥"
	}
	return code + " "
}
