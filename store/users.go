package store

import (
	"context"
	"strings"

	"rolo/model"
)

// Users is the UserRepo of a Store.
type Users struct{ s *Store }

// Ensure returns the user with this folded name, creating it when missing
// and filling in its email when it had none.
func (r *Users) Ensure(ctx context.Context, name, email string) (model.User, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return model.User{}, model.Invalid("user.name", "empty")
	}
	if u, err := r.byName(ctx, r.s.db, name); err == nil && (email == "" || u.Email != "") {
		return u, nil
	}
	var out model.User
	err := r.s.write(ctx, func(w *wtx) error {
		u, err := r.byName(ctx, w, name)
		switch {
		case err == nil && u.Email == "" && email != "":
			if _, err := w.ExecContext(ctx, `UPDATE users SET email = ?, updated_at = ?, version = version + 1 WHERE id = ?`,
				email, formatTime(w.now), u.ID); err != nil {
				return err
			}
			out = u
			out.Email = email
			return w.record(ctx, "user", u.ID, "update", map[string]fieldChange{"email": {"", email}})
		case err == nil:
			out = u
			return nil
		case !isNotFound(err):
			return err
		}
		id, err := w.insertUser(ctx, name, email)
		if err != nil {
			return err
		}
		out = model.User{ID: id, Name: name, Email: email}
		return w.record(ctx, "user", id, "create", snapshot(out, true))
	})
	return out, err
}

// insertUser adds a team member (history is the caller's to record).
func (w *wtx) insertUser(ctx context.Context, name, email string) (int64, error) {
	res, err := w.ExecContext(ctx, `INSERT INTO users(name, name_fold, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
		name, model.Fold(name), email, formatTime(w.now), formatTime(w.now))
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func isNotFound(err error) bool {
	_, ok := err.(*NotFoundError)
	return ok
}

func (r *Users) byName(ctx context.Context, q querier, name string) (model.User, error) {
	var u model.User
	err := q.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE name_fold = ?`, model.Fold(strings.TrimSpace(name))).
		Scan(&u.ID, &u.Name, &u.Email)
	if isNoRows(err) {
		return u, notFound("user", name)
	}
	return u, err
}

// List returns every user by name.
func (r *Users) List(ctx context.Context) ([]model.User, error) {
	rows, err := r.s.db.QueryContext(ctx, `SELECT id, name, email FROM users ORDER BY name_fold, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.User
	for rows.Next() {
		var u model.User
		if err := rows.Scan(&u.ID, &u.Name, &u.Email); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Get returns the user with this id.
func (r *Users) Get(ctx context.Context, id int64) (model.User, error) {
	var u model.User
	err := r.s.db.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE id = ?`, id).Scan(&u.ID, &u.Name, &u.Email)
	if isNoRows(err) {
		return u, notFound("user", id)
	}
	return u, err
}

// Find looks a user up by folded name, then by email.
func (r *Users) Find(ctx context.Context, key string) (model.User, error) {
	u, err := r.byName(ctx, r.s.db, key)
	if err == nil || !isNotFound(err) {
		return u, err
	}
	err = r.s.db.QueryRowContext(ctx, `SELECT id, name, email FROM users WHERE lower(email) = ?`, model.NormalizeEmail(key)).
		Scan(&u.ID, &u.Name, &u.Email)
	if isNoRows(err) {
		return u, notFound("user", key)
	}
	return u, err
}
