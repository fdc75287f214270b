package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"rolo/model"
)

// QuoteRepo stores quotes and their lines.
type QuoteRepo interface {
	// Create numbers a new quote (Q-YYYY-NNNN) on a deal, in the deal's
	// currency. A line with a product takes its SKU, name and (when its
	// UnitPrice is negative) its price.
	Create(ctx context.Context, q model.Quote) (model.Quote, error)
	Get(ctx context.Context, id int64) (model.Quote, error)
	FindByNumber(ctx context.Context, number string) (model.Quote, error)
	// Update saves q and replaces its lines when q.Version is current.
	Update(ctx context.Context, q model.Quote) (model.Quote, error)
	// List returns quotes, newest first: of one deal (q.AccountID unused).
	List(ctx context.Context, dealID int64, status string, limit int) ([]model.Quote, error)
}

// Quotes is the QuoteRepo of a Store.
type Quotes struct{ s *Store }

const quoteSelect = `SELECT q.id, q.number, q.deal_id, d.title, coalesce(a.name, ''), q.status, coalesce(q.valid_until, ''),
	q.currency, q.notes, q.sent_at, q.created_at, q.updated_at, q.version
	FROM quotes q JOIN deals d ON d.id = q.deal_id LEFT JOIN accounts a ON a.id = d.account_id`

func getQuote(ctx context.Context, qr querier, where string, arg any) (model.Quote, error) {
	var q model.Quote
	var sent sql.NullString
	var created, updated string
	err := qr.QueryRowContext(ctx, quoteSelect+` WHERE `+where, arg).Scan(&q.ID, &q.Number, &q.DealID, &q.DealTitle,
		&q.AccountName, &q.Status, &q.ValidUntil, &q.Currency, &q.Notes, &sent, &created, &updated, &q.Version)
	if isNoRows(err) {
		return q, notFound("quote", fmt.Sprint(arg))
	}
	if err != nil {
		return q, err
	}
	q.SentAt = parseTimePtr(sent)
	q.CreatedAt, q.UpdatedAt = parseTime(created), parseTime(updated)
	q.Lines, err = queryAll(ctx, qr, `SELECT id, position, product_id, sku, description, quantity, unit_price, discount_bp, tax_bp
		FROM quote_lines WHERE quote_id = ? ORDER BY position, id`, []any{q.ID}, func(sc scanner) (model.QuoteLine, error) {
		var l model.QuoteLine
		var product sql.NullInt64
		err := sc.Scan(&l.ID, &l.Position, &product, &l.SKU, &l.Description, &l.Quantity, &l.UnitPrice, &l.DiscountBP, &l.TaxBP)
		if product.Valid {
			v := product.Int64
			l.ProductID = &v
		}
		return l, err
	})
	return q, err
}

// Get returns the quote with this id and its lines.
func (r *Quotes) Get(ctx context.Context, id int64) (model.Quote, error) {
	q, err := getQuote(ctx, r.s.db, "q.id = ?", id)
	if isNotFound(err) {
		return q, notFound("quote", "#"+strconv.FormatInt(id, 10))
	}
	return q, err
}

// FindByNumber returns the quote with this number (any case).
func (r *Quotes) FindByNumber(ctx context.Context, number string) (model.Quote, error) {
	return getQuote(ctx, r.s.db, "q.number = ?", strings.ToUpper(strings.TrimSpace(number)))
}

// resolveLines fills product lines from their products.
func (w *wtx) resolveLines(ctx context.Context, q *model.Quote) error {
	for i := range q.Lines {
		l := &q.Lines[i]
		if l.ProductID == nil && l.SKU == "" {
			if l.UnitPrice < 0 {
				return model.Invalid(fmt.Sprintf("lines[%d].unit_price", i+1), "a line without a product needs a price")
			}
			continue
		}
		var p model.Product
		var err error
		if l.ProductID != nil {
			p, err = getProduct(ctx, w, *l.ProductID)
		} else {
			p, err = productBySKU(ctx, w, l.SKU)
		}
		if err != nil {
			return model.Invalid(fmt.Sprintf("lines[%d]", i+1), "%v", err)
		}
		id := p.ID
		l.ProductID, l.SKU = &id, p.SKU
		if l.Description == "" {
			l.Description = p.Name
		}
		if l.UnitPrice < 0 {
			if p.Currency != q.Currency {
				return model.Invalid(fmt.Sprintf("lines[%d].unit_price", i+1),
					"%s is priced in %s and the quote is in %s: give the price", p.SKU, p.Currency, q.Currency)
			}
			l.UnitPrice = p.UnitPrice
		}
	}
	return nil
}

func (w *wtx) writeLines(ctx context.Context, q model.Quote) error {
	if _, err := w.ExecContext(ctx, `DELETE FROM quote_lines WHERE quote_id = ?`, q.ID); err != nil {
		return err
	}
	for _, l := range q.Lines {
		if _, err := w.ExecContext(ctx, `INSERT INTO quote_lines(quote_id, position, product_id, sku, description, quantity,
			unit_price, discount_bp, tax_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			q.ID, l.Position, l.ProductID, l.SKU, l.Description, l.Quantity, l.UnitPrice, l.DiscountBP, l.TaxBP); err != nil {
			return err
		}
	}
	return nil
}

// Create numbers and saves a new quote; see QuoteRepo.
func (r *Quotes) Create(ctx context.Context, q model.Quote) (model.Quote, error) {
	var out model.Quote
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.insertQuote(ctx, q)
		return err
	})
	return out, err
}

func (w *wtx) insertQuote(ctx context.Context, q model.Quote) (model.Quote, error) {
	d, err := w.s.getDeal(ctx, w, q.DealID)
	if err != nil {
		return q, err
	}
	q.Currency = d.Currency
	if err := w.resolveLines(ctx, &q); err != nil {
		return q, err
	}
	if err := q.Normalize(); err != nil {
		return q, err
	}
	if q.Number == "" {
		year := w.now.Year()
		var n int
		if err := w.QueryRowContext(ctx, `INSERT INTO quote_numbers(year, last) VALUES (?, 1)
			ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last`, year).Scan(&n); err != nil {
			return q, err
		}
		q.Number = fmt.Sprintf("Q-%d-%04d", year, n)
	}
	if q.Status == "sent" && q.SentAt == nil {
		now := w.now
		q.SentAt = &now
	}
	now := formatTime(w.now)
	res, err := w.ExecContext(ctx, `INSERT INTO quotes(id, number, deal_id, status, valid_until, currency, notes, sent_at,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(q.ID), q.Number, q.DealID, q.Status, nullString(q.ValidUntil), q.Currency, q.Notes, timePtrArg(q.SentAt), now, now)
	if err != nil {
		return q, err
	}
	q.ID, _ = res.LastInsertId()
	if err := w.writeLines(ctx, q); err != nil {
		return q, err
	}
	if err := w.record(ctx, "quote", q.ID, "create", snapshot(q, true)); err != nil {
		return q, err
	}
	return getQuote(ctx, w, "q.id = ?", q.ID)
}

// Update saves a quote and its lines; see QuoteRepo.
func (r *Quotes) Update(ctx context.Context, q model.Quote) (model.Quote, error) {
	var out model.Quote
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.updateQuote(ctx, q)
		return err
	})
	return out, err
}

func (w *wtx) updateQuote(ctx context.Context, q model.Quote) (model.Quote, error) {
	cur, err := getQuote(ctx, w, "q.id = ?", q.ID)
	if err != nil {
		return cur, err
	}
	if q.Version != cur.Version {
		return cur, staleConflict("quote", q.ID)
	}
	q.DealID, q.Currency, q.Number = cur.DealID, cur.Currency, cur.Number
	if err := w.resolveLines(ctx, &q); err != nil {
		return cur, err
	}
	if err := q.Normalize(); err != nil {
		return cur, err
	}
	q.SentAt = cur.SentAt
	if q.Status == "sent" && cur.Status != "sent" {
		now := w.now
		q.SentAt = &now
	}
	changes := diff(cur, q)
	if len(changes) == 0 {
		return cur, nil
	}
	if _, err := w.ExecContext(ctx, `UPDATE quotes SET status = ?, valid_until = ?, notes = ?, sent_at = ?, updated_at = ?,
		version = version + 1 WHERE id = ?`, q.Status, nullString(q.ValidUntil), q.Notes, timePtrArg(q.SentAt),
		formatTime(w.now), q.ID); err != nil {
		return cur, err
	}
	if err := w.writeLines(ctx, q); err != nil {
		return cur, err
	}
	if err := w.record(ctx, "quote", q.ID, "update", changes); err != nil {
		return cur, err
	}
	return getQuote(ctx, w, "q.id = ?", q.ID)
}

// List returns quotes newest first, of one deal when dealID is not 0.
func (r *Quotes) List(ctx context.Context, dealID int64, status string, limit int) ([]model.Quote, error) {
	query := `SELECT id FROM quotes WHERE archived_at IS NULL`
	var args []any
	if dealID != 0 {
		query += ` AND deal_id = ?`
		args = append(args, dealID)
	}
	if status != "" {
		query += ` AND status = ?`
		args = append(args, status)
	}
	query += ` ORDER BY id DESC`
	if limit > 0 {
		query += ` LIMIT ?`
		args = append(args, limit)
	}
	ids, err := queryAll(ctx, r.s.db, query, args, func(sc scanner) (int64, error) {
		var id int64
		return id, sc.Scan(&id)
	})
	if err != nil {
		return nil, err
	}
	out := make([]model.Quote, 0, len(ids))
	for _, id := range ids {
		q, err := r.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}
