package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"rolo/model"
)

// ProductRepo stores products.
type ProductRepo interface {
	Create(ctx context.Context, p model.Product) (model.Product, error)
	Get(ctx context.Context, id int64) (model.Product, error)
	// FindBySKU looks a product up by SKU, any case.
	FindBySKU(ctx context.Context, sku string) (model.Product, error)
	Update(ctx context.Context, p model.Product) (model.Product, error)
	// List pages products by name; q.Search matches SKU and name.
	List(ctx context.Context, q ListQuery) ([]model.Product, error)
	// Import creates or updates (by SKU) every product in one transaction.
	Import(ctx context.Context, ps []model.Product) (created, updated int, err error)
}

// Products is the ProductRepo of a Store.
type Products struct{ s *Store }

const productSelect = `SELECT id, sku, name, unit_price, currency, stock, external_id, created_at, updated_at, version FROM products`

func scanProduct(sc scanner) (model.Product, error) {
	var p model.Product
	var stock sql.NullInt64
	var created, updated string
	err := sc.Scan(&p.ID, &p.SKU, &p.Name, &p.UnitPrice, &p.Currency, &stock, &p.ExternalID, &created, &updated, &p.Version)
	if stock.Valid {
		v := stock.Int64
		p.Stock = &v
	}
	p.CreatedAt, p.UpdatedAt = parseTime(created), parseTime(updated)
	return p, err
}

func getProduct(ctx context.Context, q querier, id int64) (model.Product, error) {
	p, err := scanProduct(q.QueryRowContext(ctx, productSelect+` WHERE id = ?`, id))
	if isNoRows(err) {
		return p, notFound("product", "#"+strconv.FormatInt(id, 10))
	}
	return p, err
}

func productBySKU(ctx context.Context, q querier, sku string) (model.Product, error) {
	p, err := scanProduct(q.QueryRowContext(ctx, productSelect+` WHERE sku_fold = ?`, model.Fold(strings.TrimSpace(sku))))
	if isNoRows(err) {
		return p, notFound("product", strconv.Quote(sku))
	}
	return p, err
}

// Get returns the product with this id.
func (r *Products) Get(ctx context.Context, id int64) (model.Product, error) {
	return getProduct(ctx, r.s.db, id)
}

// FindBySKU looks a product up by SKU.
func (r *Products) FindBySKU(ctx context.Context, sku string) (model.Product, error) {
	return productBySKU(ctx, r.s.db, sku)
}

// Create saves a new product; a SKU already used is a duplicate.
func (r *Products) Create(ctx context.Context, p model.Product) (model.Product, error) {
	var out model.Product
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.insertProduct(ctx, p)
		return err
	})
	return out, err
}

func (w *wtx) insertProduct(ctx context.Context, p model.Product) (model.Product, error) {
	if err := p.Normalize(w.s.rules.Base()); err != nil {
		return p, err
	}
	if old, err := productBySKU(ctx, w, p.SKU); err == nil {
		return p, &DuplicateError{Entity: "product", Field: "sku", Value: p.SKU, ExistingID: old.ID, ExistingName: old.Name}
	}
	now := formatTime(w.now)
	res, err := w.ExecContext(ctx, `INSERT INTO products(id, sku, sku_fold, name, sort_name, unit_price, currency, stock,
		external_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullIfZero(p.ID), p.SKU, model.Fold(p.SKU), p.Name, model.Fold(p.Name), p.UnitPrice, p.Currency, p.Stock,
		p.ExternalID, now, now)
	if err != nil {
		return p, err
	}
	p.ID, _ = res.LastInsertId()
	if err := w.record(ctx, "product", p.ID, "create", snapshot(p, true)); err != nil {
		return p, err
	}
	return getProduct(ctx, w, p.ID)
}

// Update saves p when p.Version is current.
func (r *Products) Update(ctx context.Context, p model.Product) (model.Product, error) {
	var out model.Product
	err := r.s.write(ctx, func(w *wtx) error {
		var err error
		out, err = w.updateProduct(ctx, p)
		return err
	})
	return out, err
}

func (w *wtx) updateProduct(ctx context.Context, p model.Product) (model.Product, error) {
	cur, err := getProduct(ctx, w, p.ID)
	if err != nil {
		return cur, err
	}
	if p.Version != cur.Version {
		return cur, staleConflict("product", p.ID)
	}
	if err := p.Normalize(w.s.rules.Base()); err != nil {
		return cur, err
	}
	if other, err := productBySKU(ctx, w, p.SKU); err == nil && other.ID != p.ID {
		return cur, &DuplicateError{Entity: "product", Field: "sku", Value: p.SKU, ExistingID: other.ID, ExistingName: other.Name}
	}
	changes := diff(cur, p)
	if len(changes) == 0 {
		return cur, nil
	}
	if _, err := w.ExecContext(ctx, `UPDATE products SET sku = ?, sku_fold = ?, name = ?, sort_name = ?, unit_price = ?,
		currency = ?, stock = ?, external_id = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
		p.SKU, model.Fold(p.SKU), p.Name, model.Fold(p.Name), p.UnitPrice, p.Currency, p.Stock, p.ExternalID,
		formatTime(w.now), p.ID); err != nil {
		return cur, err
	}
	if err := w.record(ctx, "product", p.ID, "update", changes); err != nil {
		return cur, err
	}
	return getProduct(ctx, w, p.ID)
}

// List pages products by folded name.
func (r *Products) List(ctx context.Context, q ListQuery) ([]model.Product, error) {
	query := productSelect + ` WHERE archived_at IS NULL`
	var args []any
	for _, t := range strings.Fields(model.FoldQuery(q.Search)) {
		query += ` AND (instr(sku_fold, ?) > 0 OR instr(sort_name, ?) > 0)`
		args = append(args, t, t)
	}
	if q.After != nil {
		query += ` AND (sort_name, id) > (?, ?)`
		args = append(args, q.After.Sort, q.After.ID)
	}
	query += ` ORDER BY sort_name, id`
	if q.Limit > 0 {
		query += ` LIMIT ?`
		args = append(args, q.Limit)
	}
	return queryAll(ctx, r.s.db, query, args, scanProduct)
}

// Import creates new products and updates those whose SKU exists, all in
// one transaction: a bad row leaves nothing written.
func (r *Products) Import(ctx context.Context, ps []model.Product) (created, updated int, err error) {
	err = r.s.write(ctx, func(w *wtx) error {
		for i, p := range ps {
			cur, err := productBySKU(ctx, w, p.SKU)
			switch {
			case err == nil:
				p.ID, p.Version = cur.ID, cur.Version
				if _, err := w.updateProduct(ctx, p); err != nil {
					return rowError(i, err)
				}
				updated++
			case isNotFound(err):
				if _, err := w.insertProduct(ctx, p); err != nil {
					return rowError(i, err)
				}
				created++
			default:
				return err
			}
		}
		return nil
	})
	if err != nil {
		created, updated = 0, 0
	}
	return created, updated, err
}

// RowError names the input row (1-based, as given) a batch write failed on.
type RowError struct {
	Row int
	Err error
}

func (e *RowError) Error() string { return "row " + strconv.Itoa(e.Row) + ": " + e.Err.Error() }
func (e *RowError) Unwrap() error { return e.Err }

func rowError(i int, err error) error { return &RowError{Row: i + 1, Err: err} }
