package transfer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/emersion/go-vcard"
)

// Writer writes records of one kind in one format. Values are taken from
// Record.Fields by canonical field name; other keys are ignored, except
// custom.<name> keys, which the JSON writer nests under "custom".
type Writer interface {
	Write(Record) error
	// Close writes what ends the file (the JSON array's "]") and flushes.
	// It does not close the underlying writer.
	Close() error
}

var errClosed = errors.New("transfer: write after Close")

// NewWriter returns a writer of records of kind k in format f to w.
// vcardVersion is "4.0" (the default when empty) or "3.0"; the other
// formats ignore it. Deals can be written as CSV or JSON only.
func NewWriter(w io.Writer, k Kind, f Format, vcardVersion string) (Writer, error) {
	if err := checkKind(k); err != nil {
		return nil, err
	}
	switch f {
	case FormatCSV:
		return newCSVWriter(w, k), nil
	case FormatJSON:
		return &jsonWriter{w: bufio.NewWriter(w), kind: k}, nil
	case FormatVCF:
		if k == KindDeals {
			return nil, errors.New("deals cannot be exported as vCard; use csv or json")
		}
		switch vcardVersion {
		case "":
			vcardVersion = "4.0"
		case "4.0", "3.0":
		default:
			return nil, fmt.Errorf("vCard version %q is not supported; use 4.0 or 3.0", vcardVersion)
		}
		bw := bufio.NewWriter(w)
		return &vcardWriter{w: bw, enc: vcard.NewEncoder(bw), kind: k, version: vcardVersion}, nil
	}
	return nil, fmt.Errorf("unknown format %q; choose csv, vcf or json", f)
}

// normalizeNewlines turns CRLF and lone CR into LF, as the readers do.
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

type csvWriter struct {
	cw     *csv.Writer
	fields []string
	row    []string
	closed bool
}

func newCSVWriter(w io.Writer, k Kind) *csvWriter {
	c := &csvWriter{cw: csv.NewWriter(w), fields: Fields(k)}
	c.row = make([]string, len(c.fields))
	_ = c.cw.Write(c.fields) // an error shows again at Write or Close
	return c
}

func (c *csvWriter) Write(rec Record) error {
	if c.closed {
		return errClosed
	}
	for i, f := range c.fields {
		c.row[i] = guardCell(normalizeNewlines(rec.Fields[f]))
	}
	if err := c.cw.Write(c.row); err != nil {
		return err
	}
	return c.cw.Error()
}

func (c *csvWriter) Close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	c.cw.Flush()
	return c.cw.Error()
}

// guardCell keeps a spreadsheet from running a cell as a formula: a value
// starting with = + - @ tab or CR gets a leading "'", unless it is a phone
// number (+90 532 123 45 67) or a plain number (-12.50). A value that
// already starts with "'" before such a character gets one more, because
// the reader removes one.
func guardCell(v string) string {
	i := 0
	for i < len(v) && v[i] == '\'' {
		i++
	}
	if i == len(v) || strings.IndexByte("=+-@\t\r", v[i]) < 0 {
		return v
	}
	if i == 0 && (isPhoneLike(v) || isPlainNumber(v)) {
		return v
	}
	return "'" + v
}

// isPhoneLike reports "+" followed by digits, spaces and - ( ) . only.
func isPhoneLike(v string) bool {
	if len(v) < 2 || v[0] != '+' {
		return false
	}
	digits := 0
	for _, c := range []byte(v[1:]) {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-' || c == '(' || c == ')' || c == '.':
		default:
			return false
		}
	}
	return digits > 0
}

// isPlainNumber reports an optionally signed decimal number: -12.50, +3.
func isPlainNumber(v string) bool {
	if v != "" && (v[0] == '-' || v[0] == '+') {
		v = v[1:]
	}
	intPart, frac, dot := strings.Cut(v, ".")
	allDigits := func(s string) bool {
		for _, c := range []byte(s) {
			if c < '0' || c > '9' {
				return false
			}
		}
		return true
	}
	return intPart != "" && allDigits(intPart) && allDigits(frac) && (!dot || frac != "")
}

type jsonWriter struct {
	w      *bufio.Writer
	kind   Kind
	n      int
	closed bool
	buf    bytes.Buffer
}

func (j *jsonWriter) Write(rec Record) error {
	if j.closed {
		return errClosed
	}
	if j.n == 0 {
		j.w.WriteString("[\n")
	} else {
		j.w.WriteString(",\n")
	}
	j.n++
	j.w.WriteByte('{')
	first := true
	key := func(k string) {
		if !first {
			j.w.WriteByte(',')
		}
		first = false
		j.w.Write(j.quote(k))
		j.w.WriteByte(':')
	}
	for _, f := range kindFields[j.kind] {
		v := normalizeNewlines(rec.Fields[f])
		if strings.TrimSpace(v) == "" {
			continue
		}
		if isListField(f) {
			items := splitList(v, ",")
			if len(items) == 0 {
				continue
			}
			key(f)
			j.w.WriteByte('[')
			for i, it := range items {
				if i > 0 {
					j.w.WriteByte(',')
				}
				j.w.Write(j.quote(it))
			}
			j.w.WriteByte(']')
			continue
		}
		key(f)
		j.w.Write(j.quote(v))
	}
	if allowsCustom(j.kind) {
		var custom []string
		for k, v := range rec.Fields {
			if name, ok := strings.CutPrefix(k, "custom."); ok && name != "" && strings.TrimSpace(v) != "" {
				custom = append(custom, k)
			}
		}
		if len(custom) > 0 {
			sort.Strings(custom)
			key("custom")
			j.w.WriteByte('{')
			for i, k := range custom {
				if i > 0 {
					j.w.WriteByte(',')
				}
				j.w.Write(j.quote(strings.TrimPrefix(k, "custom.")))
				j.w.WriteByte(':')
				j.w.Write(j.quote(normalizeNewlines(rec.Fields[k])))
			}
			j.w.WriteByte('}')
		}
	}
	_, err := j.w.WriteString("}")
	return err
}

// quote returns s as a JSON string, without escaping <, > and &.
func (j *jsonWriter) quote(s string) []byte {
	j.buf.Reset()
	enc := json.NewEncoder(&j.buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return bytes.TrimSuffix(j.buf.Bytes(), []byte{'\n'})
}

func (j *jsonWriter) Close() error {
	if j.closed {
		return nil
	}
	j.closed = true
	if j.n == 0 {
		j.w.WriteString("[")
	}
	j.w.WriteString("\n]\n")
	return j.w.Flush()
}

type vcardWriter struct {
	w       *bufio.Writer
	enc     *vcard.Encoder
	kind    Kind
	version string
	closed  bool
}

// text cleans a value for a vCard property; semi makes it safe inside a
// structured value (N, ORG, ADR), where go-vcard cannot escape ';'.
func vtext(s string, semi bool) string {
	s = strings.TrimSpace(normalizeNewlines(s))
	if semi {
		s = strings.ReplaceAll(s, ";", ",")
	}
	return s
}

func (v *vcardWriter) Write(rec Record) error {
	if v.closed {
		return errClosed
	}
	f := func(name string) string { return vtext(rec.Fields[name], false) }
	card := vcard.Card{}
	card.SetValue(vcard.FieldVersion, v.version)
	add := func(prop, val string) {
		if val != "" {
			card.AddValue(prop, val)
		}
	}
	pref := func(prop string, vals []string) {
		for i, val := range vals {
			field := &vcard.Field{Value: val, Params: vcard.Params{}}
			if i == 0 && len(vals) > 1 {
				if v.version == "4.0" {
					field.Params.Set(vcard.ParamPreferred, "1")
				} else {
					field.Params.Add(vcard.ParamType, "pref")
				}
			}
			if prop == vcard.FieldTelephone && v.version == "4.0" {
				field.Params.Set(vcard.ParamValue, "text")
			}
			card.Add(prop, field)
		}
	}
	list := func(main, others string) []string {
		var out []string
		if m := f(main); m != "" {
			out = append(out, m)
		}
		if others != "" {
			out = append(out, splitList(f(others), ",")...)
		}
		return out
	}
	switch v.kind {
	case KindContacts:
		first, last := vtext(rec.Fields["first_name"], true), vtext(rec.Fields["last_name"], true)
		fn := f("name")
		if fn == "" {
			fn = strings.TrimSpace(first + " " + last)
		}
		card.SetValue(vcard.FieldFormattedName, fn)
		card.SetName(&vcard.Name{FamilyName: last, GivenName: first})
		pref(vcard.FieldEmail, list("email", "other_emails"))
		pref(vcard.FieldTelephone, list("phone", "other_phones"))
		add(vcard.FieldOrganization, vtext(rec.Fields["account"], true))
		add(vcard.FieldTitle, f("title"))
		add(vcard.FieldURL, f("website"))
		add("X-ROLO-SOURCE", f("source"))
	case KindAccounts:
		name := f("name")
		card.SetValue(vcard.FieldFormattedName, name)
		add(vcard.FieldOrganization, vtext(name, true))
		if v.version == "4.0" {
			card.SetKind(vcard.KindOrganization)
		} else {
			card.SetName(&vcard.Name{})
			card.SetValue("X-ABSHOWAS", "COMPANY")
		}
		pref(vcard.FieldTelephone, list("phone", ""))
		add(vcard.FieldURL, f("website"))
		add("X-ROLO-DOMAIN", f("domain"))
		add("X-ROLO-INDUSTRY", f("industry"))
		add("X-ROLO-EXTERNAL-ID", f("external_id"))
	case KindLeads:
		name := f("name")
		card.SetValue(vcard.FieldFormattedName, name)
		n := &vcard.Name{}
		if i := strings.LastIndexAny(name, " \t\n"); i >= 0 {
			n.GivenName, n.FamilyName = vtext(name[:i], true), vtext(name[i+1:], true)
		} else {
			n.GivenName = vtext(name, true)
		}
		card.SetName(n)
		pref(vcard.FieldEmail, list("email", ""))
		pref(vcard.FieldTelephone, list("phone", ""))
		add(vcard.FieldOrganization, vtext(rec.Fields["company"], true))
		add(vcard.FieldTitle, f("title"))
		add("X-ROLO-SOURCE", f("source"))
		add("X-ROLO-STATUS", f("status"))
		add("X-ROLO-DISQUALIFY-REASON", f("disqualify_reason"))
	}
	if a := vtext(rec.Fields["address"], true); a != "" && v.kind != KindLeads {
		card.SetAddress(&vcard.Address{StreetAddress: a})
	}
	add(vcard.FieldNote, f("notes"))
	for _, tag := range splitList(f("tags"), ",") {
		card.AddValue(vcard.FieldCategories, tag)
	}
	add("X-ROLO-OWNER", f("owner"))
	return v.enc.Encode(card)
}

func (v *vcardWriter) Close() error {
	if v.closed {
		return nil
	}
	v.closed = true
	return v.w.Flush()
}
