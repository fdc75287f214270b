package model

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"sort"
	"strings"
)

// Rates convert amounts into the base currency. A rate r for X says one
// unit of X is worth r units of the base ("EUR: 1.08" with base USD).
// Conversions are exact rational arithmetic, rounded once at the end,
// half away from zero, to the base currency's minor unit.
type Rates struct {
	Base  string
	rates map[string]*big.Rat
	text  map[string]string
}

// NewRates checks a base currency and rates given as decimal strings.
func NewRates(base string, rates map[string]string) (Rates, error) {
	b, err := CheckCurrency("currency.base", base)
	if err != nil {
		return Rates{}, err
	}
	r := Rates{Base: b, rates: map[string]*big.Rat{}, text: map[string]string{}}
	for code, val := range rates {
		c, err := CheckCurrency("currency.rates", code)
		if err != nil {
			return Rates{}, err
		}
		q, ok := new(big.Rat).SetString(strings.TrimSpace(val))
		if !ok || q.Sign() <= 0 {
			return Rates{}, Invalid("currency.rates."+strings.ToLower(c), "%q is not a positive number", val)
		}
		r.rates[c] = q
		r.text[c] = strings.TrimSpace(val)
	}
	return r, nil
}

// Has reports whether amounts in code can be converted.
func (r Rates) Has(code string) bool {
	_, ok := r.rates[code]
	return ok || code == r.Base
}

// Used lists the rates as "EUR 1.08" for reports that say what they used.
func (r Rates) Used(codes []string) []string {
	var out []string
	for _, c := range codes {
		if c != r.Base {
			if t, ok := r.text[c]; ok {
				out = append(out, fmt.Sprintf("1 %s = %s %s", c, t, r.Base))
			}
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Convert turns minor units of code into minor units of the base currency.
// scale divides the result (100 converts a sum of amount × percent into a
// weighted amount). It fails for a currency without a rate.
func (r Rates) Convert(v int64, code string, scale int64) (int64, error) {
	rate := big.NewRat(1, 1)
	if code != r.Base {
		q, ok := r.rates[code]
		if !ok {
			return 0, fmt.Errorf("no exchange rate for %s: add currency.rates.%s to the config", code, strings.ToLower(code))
		}
		rate = q
	}
	x := new(big.Rat).SetInt64(v)
	x.Mul(x, rate)
	shift := MinorDigits(r.Base) - MinorDigits(code)
	pow := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs(shift))), nil))
	if shift >= 0 {
		x.Mul(x, pow)
	} else {
		x.Quo(x, pow)
	}
	if scale != 1 {
		x.Quo(x, new(big.Rat).SetInt64(scale))
	}
	return RoundRat(x)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// RoundRat rounds to the nearest integer, halves away from zero.
func RoundRat(x *big.Rat) (int64, error) {
	num, den := new(big.Int).Set(x.Num()), x.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	q, m := new(big.Int).QuoRem(num, den, new(big.Int))
	if new(big.Int).Mul(m, big.NewInt(2)).Cmp(den) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	if !q.IsInt64() {
		return 0, fmt.Errorf("amount too large")
	}
	v := q.Int64()
	if neg {
		v = -v
	}
	return v, nil
}

// mulDivRound is a×b/c rounded half away from zero, computed without
// overflow; a result beyond int64 saturates (callers cap their inputs).
func mulDivRound(a, b, c int64) int64 {
	x := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)), big.NewInt(c))
	v, err := RoundRat(x)
	if err != nil {
		if x.Sign() < 0 {
			return math.MinInt64
		}
		return math.MaxInt64
	}
	return v
}

// FormatShort renders money compactly for tight places (kanban headers):
// €182.4k, €1.2M, $950. Exact amounts belong everywhere else.
func FormatShort(m Money, locale string) string {
	units := float64(m.Amount) / math.Pow10(MinorDigits(m.Currency))
	a := math.Abs(units)
	var num string
	switch {
	case a >= 1e9:
		num = trimOne(units/1e9) + "B"
	case a >= 1e6:
		num = trimOne(units/1e6) + "M"
	case a >= 1e3:
		num = trimOne(units/1e3) + "k"
	default:
		num = fmt.Sprintf("%.0f", units)
	}
	if locale == "tr" || locale == "de" {
		num = strings.Replace(num, ".", ",", 1)
	}
	sym := CurrencySymbol(m.Currency)
	if locale == "de" {
		return num + " " + strings.TrimSpace(sym)
	}
	return sym + num
}

func trimOne(v float64) string {
	s := fmt.Sprintf("%.1f", v)
	return strings.TrimSuffix(s, ".0")
}
