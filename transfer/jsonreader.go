package transfer

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// JSON reader states.
const (
	jsTop       = iota // between top-level values
	jsArray            // inside a top-level array
	jsWrapArray        // inside the array of a wrapping object
	jsWrapRest         // after that array, inside the wrapping object
)

// maxKeys caps how many distinct keys the reader remembers for Columns.
const maxKeys = 1000

// jsonReader streams objects with json.Decoder's Token, so that only one
// value is in memory at a time, and keeps the line of every object's '{'.
type jsonReader struct {
	name  string
	kind  Kind
	m     *mapper
	dec   *json.Decoder
	lim   *limitReader
	lt    *lineTracker
	state int
	cache map[string]target
	cols  []Column
	seen  map[string]bool
	err   error
}

func newJSONReader(in *bufio.Reader, name string, kind Kind, m *mapper) Reader {
	r := &jsonReader{name: name, kind: kind, m: m, cache: map[string]target{}, seen: map[string]bool{}}
	r.lim = &limitReader{r: in, max: maxRecord + 4096}
	r.lt = &lineTracker{r: r.lim}
	r.dec = json.NewDecoder(r.lt)
	r.dec.UseNumber()
	return r
}

// token reads the next token, turning decoder errors into fatal errors
// that name the line.
func (r *jsonReader) token() (json.Token, error) {
	tok, err := r.dec.Token()
	if err == nil {
		return tok, nil
	}
	var fe *fatalError
	var se *json.SyntaxError
	switch {
	case err == io.EOF:
		return nil, err
	case errors.As(err, &fe):
		return nil, err
	case errors.Is(err, errTooLong):
		return nil, fmt.Errorf("%s line %d: a JSON value longer than 1 MiB", r.name, r.lt.lineAt(r.lim.start))
	case errors.As(err, &se):
		return nil, fmt.Errorf("%s line %d: invalid JSON: %v", r.name, r.lt.lineAt(se.Offset), se)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return nil, fmt.Errorf("%s line %d: the JSON ends in the middle of a value", r.name, r.lt.lineAt(max(r.lt.off-1, 0)))
	}
	return nil, fmt.Errorf("%s line %d: %w", r.name, r.lt.lineAt(r.dec.InputOffset()), err)
}

// tok reads a token where the input must go on: EOF is an error there.
func (r *jsonReader) tok() (json.Token, error) {
	t, err := r.token()
	if err == io.EOF {
		return nil, fmt.Errorf("%s line %d: the JSON ends in the middle of a value", r.name, r.lt.lineAt(max(r.lt.off-1, 0)))
	}
	return t, err
}

// startElem notes that a record's '{' was just read and returns its line.
func (r *jsonReader) startElem() int {
	off := max(r.dec.InputOffset()-1, 0)
	r.lim.start = off
	return r.lt.lineAt(off)
}

func (r *jsonReader) Next() (Record, error) {
	for r.err == nil {
		rec, err := r.next()
		var re *RowError
		switch {
		case err == nil:
			r.lim.start = r.dec.InputOffset()
			if rec != nil {
				return *rec, nil
			}
			continue
		case errors.As(err, &re):
			r.lim.start = r.dec.InputOffset()
			return Record{}, err
		}
		r.err = err
	}
	return Record{}, r.err
}

// next advances the state machine by one step; it returns a record, a
// *RowError, a fatal error, or nothing (nil, nil) when it only moved on.
func (r *jsonReader) next() (*Record, error) {
	switch r.state {
	case jsArray, jsWrapArray:
		if r.dec.More() {
			t, err := r.tok()
			if err != nil {
				return nil, err
			}
			if t == json.Delim('{') {
				return r.object(r.startElem(), nil)
			}
			return nil, r.notObject(t)
		}
		if _, err := r.tok(); err != nil { // the closing ']'
			return nil, err
		}
		if r.state == jsWrapArray {
			r.state = jsWrapRest
		} else {
			r.state = jsTop
		}
		return nil, nil
	case jsWrapRest:
		for {
			t, err := r.tok()
			if err != nil {
				return nil, err
			}
			if t == json.Delim('}') {
				r.state = jsTop
				return nil, nil
			}
			v, err := r.tok()
			if err != nil {
				return nil, err
			}
			if err := r.skip(v); err != nil {
				return nil, err
			}
		}
	}
	t, err := r.token()
	if err != nil {
		return nil, err
	}
	switch t {
	case json.Delim('['):
		r.state = jsArray
		return nil, nil
	case json.Delim('{'):
		return r.topObject()
	}
	return nil, r.notObject(t)
}

// notObject skips a value that should have been an object.
func (r *jsonReader) notObject(t json.Token) error {
	line := r.lt.lineAt(max(r.dec.InputOffset()-1, 0))
	if err := r.skip(t); err != nil {
		return err
	}
	return rowErr(line, "", "expected a JSON object")
}

// topObject reads a top-level object: either a record (a single object or
// a line of NDJSON) or an object whose first key holds the array of
// records, such as {"contacts": [...]}.
func (r *jsonReader) topObject() (*Record, error) {
	line := r.startElem()
	t, err := r.tok()
	if err != nil {
		return nil, err
	}
	if t == json.Delim('}') {
		return &Record{Line: line, Fields: map[string]string{}}, nil
	}
	key, _ := t.(string)
	v, err := r.tok()
	if err != nil {
		return nil, err
	}
	if v == json.Delim('[') && r.target(key).field == "" {
		if !r.dec.More() {
			if _, err := r.tok(); err != nil {
				return nil, err
			}
			r.state = jsWrapRest
			return nil, nil
		}
		first, err := r.tok()
		if err != nil {
			return nil, err
		}
		if first == json.Delim('{') {
			r.state = jsWrapArray
			return r.object(r.startElem(), nil)
		}
		// An unknown key holding a list: skip it; the object is a record.
		if err := r.skip(first); err != nil {
			return nil, err
		}
		for r.dec.More() {
			item, err := r.tok()
			if err != nil {
				return nil, err
			}
			if err := r.skip(item); err != nil {
				return nil, err
			}
		}
		if _, err := r.tok(); err != nil {
			return nil, err
		}
		r.column(key, "")
		return r.object(line, nil)
	}
	b := newBuilder(line)
	if err := r.value(b, key, v); err != nil {
		return nil, err
	}
	return r.object(line, b)
}

// object reads the rest of an object whose '{' was read, into b (a new
// builder when b is nil).
func (r *jsonReader) object(line int, b *builder) (*Record, error) {
	if b == nil {
		b = newBuilder(line)
	}
	for {
		t, err := r.tok()
		if err != nil {
			return nil, err
		}
		if t == json.Delim('}') {
			break
		}
		key, _ := t.(string)
		v, err := r.tok()
		if err != nil {
			return nil, err
		}
		if err := r.value(b, key, v); err != nil {
			return nil, err
		}
	}
	if b.err != nil {
		return nil, b.err
	}
	return &Record{Line: line, Fields: b.finish(r.kind)}, nil
}

func (r *jsonReader) target(key string) target {
	if t, ok := r.cache[key]; ok {
		return t
	}
	t := r.m.lookup(key)
	if len(r.cache) < maxKeys {
		r.cache[key] = t
	}
	return t
}

func (r *jsonReader) column(name, field string) {
	if r.seen[name] || len(r.seen) >= maxKeys {
		return
	}
	r.seen[name] = true
	r.cols = append(r.cols, Column{Name: name, Field: field})
}

// value reads the value of key, whose first token is v, into b. Only
// fatal errors are returned; a bad value marks the record in b.
func (r *jsonReader) value(b *builder, key string, v json.Token) error {
	if v == json.Delim('{') && foldKey(key) == "custom" {
		return r.custom(b)
	}
	t := r.target(key)
	r.column(key, t.field)
	switch v := v.(type) {
	case json.Delim:
		items, nested, err := r.list(v)
		if err != nil {
			return err
		}
		if t.field == "" {
			return nil
		}
		if nested {
			b.fail(t.field, "a nested object or array is not a value")
			return nil
		}
		if t.role == roleValue && (t.field == "email" || t.field == "phone") {
			for _, it := range items {
				b.add(t, it)
			}
			return nil
		}
		b.add(t, strings.Join(items, ", "))
	default:
		if s, ok := scalar(v); ok {
			b.add(t, s)
		}
	}
	return nil
}

// custom reads the object under "custom" as custom.<key> fields.
func (r *jsonReader) custom(b *builder) error {
	for {
		t, err := r.tok()
		if err != nil {
			return err
		}
		if t == json.Delim('}') {
			return nil
		}
		key, _ := t.(string)
		v, err := r.tok()
		if err != nil {
			return err
		}
		field := ""
		if name := strings.TrimSpace(key); name != "" && allowsCustom(r.kind) {
			field = "custom." + name
		}
		r.column("custom."+key, field)
		if d, ok := v.(json.Delim); ok {
			if err := r.skip(d); err != nil {
				return err
			}
			if field != "" {
				b.fail(field, "a nested object or array is not a value")
			}
			continue
		}
		if s, ok := scalar(v); ok && field != "" {
			b.add(target{field: field}, s)
		}
	}
}

// list reads the rest of a value that started with d: the items of an
// array of scalars, or nested=true for an object or nested array (which
// is skipped).
func (r *jsonReader) list(d json.Delim) (items []string, nested bool, err error) {
	if d != json.Delim('[') {
		return nil, true, r.skip(d)
	}
	for r.dec.More() {
		t, err := r.tok()
		if err != nil {
			return nil, false, err
		}
		if dd, ok := t.(json.Delim); ok {
			nested = true
			if err := r.skip(dd); err != nil {
				return nil, false, err
			}
			continue
		}
		if s, ok := scalar(t); ok {
			items = append(items, s)
		}
	}
	_, err = r.tok() // ']'
	return items, nested, err
}

// skip reads past the value whose first token is t.
func (r *jsonReader) skip(t json.Token) error {
	if t != json.Delim('[') && t != json.Delim('{') {
		return nil
	}
	depth := 1
	for depth > 0 {
		t, err := r.tok()
		if err != nil {
			return err
		}
		switch t {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
	}
	return nil
}

// scalar renders a string, number or boolean token; null gives false.
func scalar(t json.Token) (string, bool) {
	switch v := t.(type) {
	case string:
		return v, true
	case json.Number:
		return string(v), true
	case bool:
		if v {
			return "true", true
		}
		return "false", true
	}
	return "", false
}

func (r *jsonReader) Columns() []Column {
	return append([]Column(nil), r.cols...)
}
