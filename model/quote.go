package model

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Quote statuses.
var QuoteStatuses = []string{"draft", "sent", "accepted", "declined", "expired"}

// Product is something sold: SKU, name, list price and stock on hand.
type Product struct {
	ID         int64     `json:"id"`
	SKU        string    `json:"sku"`
	Name       string    `json:"name"`
	UnitPrice  int64     `json:"-"`
	Currency   string    `json:"currency"`
	Stock      *int64    `json:"stock"` // nil: not tracked
	ExternalID string    `json:"external_id"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	Version    int64     `json:"version"`
}

type productAlias Product

type productJSON struct {
	productAlias
	UnitPrice string `json:"unit_price"`
}

// MarshalJSON writes the price as a decimal string.
func (p Product) MarshalJSON() ([]byte, error) {
	return json.Marshal(productJSON{productAlias(p), FormatAmount(p.UnitPrice, p.Currency)})
}

// UnmarshalJSON reads the decimal price back.
func (p *Product) UnmarshalJSON(b []byte) error {
	var j productJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*p = Product(j.productAlias)
	if j.UnitPrice != "" {
		v, err := ParseAmount(j.UnitPrice, p.Currency)
		if err != nil {
			return err
		}
		p.UnitPrice = v
	}
	return nil
}

// Normalize checks a product.
func (p *Product) Normalize(base string) error {
	var errs ValidationErrors
	p.SKU = strings.TrimSpace(p.SKU)
	p.Name = strings.TrimSpace(p.Name)
	if p.SKU == "" {
		errs = append(errs, Invalid("sku", "a product needs a SKU"))
	}
	if p.Name == "" {
		errs = append(errs, Invalid("name", "a product needs a name"))
	}
	checkLen(&errs, "sku", p.SKU, 64)
	checkLen(&errs, "name", p.Name, maxField)
	if p.Currency == "" {
		p.Currency = base
	}
	if c, err := CheckCurrency("currency", p.Currency); err != nil {
		errs = append(errs, err.(*ValidationError))
	} else {
		p.Currency = c
	}
	if p.UnitPrice < 0 || p.UnitPrice > MaxAmount {
		errs = append(errs, Invalid("unit_price", "must be between 0 and %s", FormatAmount(MaxAmount, p.Currency)))
	}
	if p.Stock != nil && *p.Stock < 0 {
		errs = append(errs, Invalid("stock", "cannot be negative"))
	}
	return errs.Err()
}

// QuoteLine is one line of a quote: a product or free text, a quantity
// (thousandths), a unit price (minor units) and discount and tax rates
// (hundredths of a percent: 1250 is 12.5 %).
type QuoteLine struct {
	ID          int64  `json:"id"`
	Position    int    `json:"position"`
	ProductID   *int64 `json:"product_id"`
	SKU         string `json:"sku"`
	Description string `json:"description"`
	Quantity    int64  `json:"-"` // thousandths
	UnitPrice   int64  `json:"-"` // minor units
	DiscountBP  int64  `json:"-"` // basis points
	TaxBP       int64  `json:"-"` // basis points
}

// LineAmounts are a line's computed amounts in minor units.
type LineAmounts struct {
	Gross, Discount, Net, Tax, Total int64
}

// Amounts computes a line exactly. Each step rounds to the minor unit,
// halves away from zero, in this order:
//
//	gross    = quantity × unit price
//	discount = gross × discount %
//	net      = gross − discount
//	tax      = net × tax %
//	total    = net + tax
func (l QuoteLine) Amounts() LineAmounts {
	var a LineAmounts
	a.Gross = mulDivRound(l.Quantity, l.UnitPrice, 1000)
	a.Discount = mulDivRound(a.Gross, l.DiscountBP, 10000)
	a.Net = a.Gross - a.Discount
	a.Tax = mulDivRound(a.Net, l.TaxBP, 10000)
	a.Total = a.Net + a.Tax
	return a
}

// Quote is an offer on a deal.
type Quote struct {
	ID          int64       `json:"id"`
	Number      string      `json:"number"` // Q-2027-0001
	DealID      int64       `json:"deal_id"`
	DealTitle   string      `json:"deal_title"`
	Status      string      `json:"status"`
	ValidUntil  string      `json:"valid_until"`
	Currency    string      `json:"currency"`
	Notes       string      `json:"notes"`
	Lines       []QuoteLine `json:"lines"`
	SentAt      *time.Time  `json:"sent_at"`
	CreatedAt   time.Time   `json:"created_at"`
	UpdatedAt   time.Time   `json:"updated_at"`
	Version     int64       `json:"version"`
	AccountName string      `json:"account_name"`
}

// QuoteTotals sum a quote's lines; Taxes break the tax down by rate.
type QuoteTotals struct {
	Gross, Discount, Net, Tax, Total int64
	Taxes                            []TaxLine
}

// TaxLine is the tax at one rate.
type TaxLine struct {
	RateBP int64
	Base   int64
	Tax    int64
}

// Totals sums the quote's lines (each computed by QuoteLine.Amounts).
func (q Quote) Totals() QuoteTotals {
	var t QuoteTotals
	byRate := map[int64]*TaxLine{}
	for _, l := range q.Lines {
		a := l.Amounts()
		t.Gross += a.Gross
		t.Discount += a.Discount
		t.Net += a.Net
		t.Tax += a.Tax
		t.Total += a.Total
		tl := byRate[l.TaxBP]
		if tl == nil {
			tl = &TaxLine{RateBP: l.TaxBP}
			byRate[l.TaxBP] = tl
		}
		tl.Base += a.Net
		tl.Tax += a.Tax
	}
	for _, tl := range byRate {
		t.Taxes = append(t.Taxes, *tl)
	}
	slices.SortFunc(t.Taxes, func(a, b TaxLine) int { return int(a.RateBP - b.RateBP) })
	return t
}

// Normalize checks a quote and its lines.
func (q *Quote) Normalize() error {
	var errs ValidationErrors
	if q.Status == "" {
		q.Status = "draft"
	}
	if !slices.Contains(QuoteStatuses, q.Status) {
		errs = append(errs, Invalid("status", "%q is not one of %s", q.Status, strings.Join(QuoteStatuses, ", ")))
	}
	if err := CheckDate("valid_until", q.ValidUntil); err != nil {
		errs = append(errs, err.(*ValidationError))
	}
	checkLen(&errs, "notes", q.Notes, maxNotes)
	for i := range q.Lines {
		l := &q.Lines[i]
		l.Position = i + 1
		l.Description = strings.TrimSpace(l.Description)
		field := fmt.Sprintf("lines[%d]", i+1)
		switch {
		case l.Description == "" && l.ProductID == nil:
			errs = append(errs, Invalid(field, "a line needs a product or a description"))
		case l.Quantity <= 0:
			errs = append(errs, Invalid(field+".quantity", "must be more than 0"))
		case l.Quantity > 1_000_000_000:
			errs = append(errs, Invalid(field+".quantity", "too large"))
		case l.UnitPrice < 0 || l.UnitPrice > MaxAmount:
			errs = append(errs, Invalid(field+".unit_price", "must be between 0 and %s", FormatAmount(MaxAmount, q.Currency)))
		case l.DiscountBP < 0 || l.DiscountBP > 10000:
			errs = append(errs, Invalid(field+".discount", "must be between 0 and 100 %%"))
		case l.TaxBP < 0 || l.TaxBP > 10000:
			errs = append(errs, Invalid(field+".tax", "must be between 0 and 100 %%"))
		case l.Amounts().Total > MaxAmount:
			errs = append(errs, Invalid(field, "the line total is too large"))
		}
		checkLen(&errs, field+".description", l.Description, maxField)
	}
	return errs.Err()
}

// quoteLineJSON carries decimals as strings.
type quoteLineJSON struct {
	ID          int64  `json:"id"`
	Position    int    `json:"position"`
	ProductID   *int64 `json:"product_id"`
	SKU         string `json:"sku"`
	Description string `json:"description"`
	Quantity    string `json:"quantity"`
	UnitPrice   string `json:"unit_price"`
	Discount    string `json:"discount_pct"`
	Tax         string `json:"tax_pct"`
	Net         string `json:"net"`
	TaxAmount   string `json:"tax"`
	Total       string `json:"total"`
}

type quoteAlias Quote

type quoteJSON struct {
	quoteAlias
	Lines    []quoteLineJSON `json:"lines"`
	Subtotal string          `json:"subtotal"`
	Discount string          `json:"discount"`
	Tax      string          `json:"tax"`
	Total    string          `json:"total"`
}

// MarshalJSON writes the quote with its computed totals, amounts as
// decimal strings.
func (q Quote) MarshalJSON() ([]byte, error) {
	j := quoteJSON{quoteAlias: quoteAlias(q), Lines: []quoteLineJSON{}}
	for _, l := range q.Lines {
		a := l.Amounts()
		j.Lines = append(j.Lines, quoteLineJSON{
			ID: l.ID, Position: l.Position, ProductID: l.ProductID, SKU: l.SKU, Description: l.Description,
			Quantity:  TrimDecimal(FormatDecimal(l.Quantity, 3)),
			UnitPrice: FormatAmount(l.UnitPrice, q.Currency),
			Discount:  TrimDecimal(FormatDecimal(l.DiscountBP, 2)),
			Tax:       TrimDecimal(FormatDecimal(l.TaxBP, 2)),
			Net:       FormatAmount(a.Net, q.Currency), TaxAmount: FormatAmount(a.Tax, q.Currency),
			Total: FormatAmount(a.Total, q.Currency),
		})
	}
	t := q.Totals()
	j.Subtotal = FormatAmount(t.Net, q.Currency)
	j.Discount = FormatAmount(t.Discount, q.Currency)
	j.Tax = FormatAmount(t.Tax, q.Currency)
	j.Total = FormatAmount(t.Total, q.Currency)
	return json.Marshal(j)
}

// UnmarshalJSON reads a quote written by MarshalJSON.
func (q *Quote) UnmarshalJSON(b []byte) error {
	var j quoteJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*q = Quote(j.quoteAlias)
	q.Lines = nil
	for _, lj := range j.Lines {
		l := QuoteLine{ID: lj.ID, Position: lj.Position, ProductID: lj.ProductID, SKU: lj.SKU, Description: lj.Description}
		var err error
		if l.Quantity, err = ParseDecimal("quantity", lj.Quantity, 3); err != nil {
			return err
		}
		if l.UnitPrice, err = ParseAmount(lj.UnitPrice, q.Currency); err != nil {
			return err
		}
		if l.DiscountBP, err = ParseDecimal("discount", orZero(lj.Discount), 2); err != nil {
			return err
		}
		if l.TaxBP, err = ParseDecimal("tax", orZero(lj.Tax), 2); err != nil {
			return err
		}
		q.Lines = append(q.Lines, l)
	}
	return nil
}

func orZero(s string) string {
	if s == "" {
		return "0"
	}
	return s
}
