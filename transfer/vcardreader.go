package transfer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime/quotedprintable"
	"strings"

	"github.com/emersion/go-vcard"
)

// vcardReader splits the input into cards itself, so that every card knows
// its BEGIN:VCARD line, a bad card does not stop the next, and no card
// holds more than maxRecord bytes of text. Each card's text is normalised
// (vCard 2.1 parameters, quoted-printable values) and decoded by go-vcard.
type vcardReader struct {
	name    string
	kind    Kind
	br      *bufio.Reader
	line    int    // physical lines read so far
	lineBuf []byte // the current physical line
	cur     []byte // the current logical (unfolded) line
	card    bytes.Buffer
	pending int // line of a BEGIN:VCARD read while looking for an END
	cols    []Column
	seen    map[Column]bool
	err     error
}

func newVCardReader(in *bufio.Reader, name string, kind Kind) (Reader, error) {
	head, err := in.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, inputError(name, 0, err)
	}
	first := head
	for len(first) > 0 {
		i := bytes.IndexByte(first, '\n')
		line := first
		if i >= 0 {
			line = first[:i]
		}
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
		if i < 0 {
			first = nil
			break
		}
		first = first[i+1:]
	}
	if !hasPrefixFold(bytes.TrimSpace(first), "BEGIN:VCARD") {
		return nil, fmt.Errorf("%s does not start with BEGIN:VCARD; is this really a vCard file?", name)
	}
	return &vcardReader{name: name, kind: kind, br: in, seen: map[Column]bool{}}, nil
}

func hasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && strings.EqualFold(string(b[:len(prefix)]), prefix)
}

// isMarker reports whether line is "BEGIN:VCARD" or "END:VCARD" (marker
// given without the ":VCARD").
func isMarker(line []byte, marker string) bool {
	t := bytes.TrimSpace(line)
	return len(t) == len(marker)+6 && hasPrefixFold(t, marker) && strings.EqualFold(string(t[len(marker):]), ":VCARD")
}

// readLine reads one physical line without its line ending. Of a line
// longer than maxRecord only the start is kept; long reports that.
func (r *vcardReader) readLine() (line []byte, long bool, err error) {
	r.lineBuf = r.lineBuf[:0]
	n := 0
	for {
		chunk, err := r.br.ReadSlice('\n')
		n += len(chunk)
		if len(r.lineBuf)+len(chunk) > maxRecord {
			long = true
		} else {
			r.lineBuf = append(r.lineBuf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			if n == 0 {
				return nil, false, io.EOF
			}
			break
		}
		if err != nil {
			return nil, false, inputError(r.name, r.line+1, err)
		}
		break
	}
	r.line++
	b := bytes.TrimSuffix(r.lineBuf, []byte{'\n'})
	b = bytes.TrimSuffix(b, []byte{'\r'})
	return b, long, nil
}

func (r *vcardReader) Next() (Record, error) {
	for {
		if r.err != nil {
			return Record{}, r.err
		}
		begin := r.pending
		r.pending = 0
		if begin == 0 {
			line, _, err := r.readLine()
			if err != nil {
				r.err = err
				continue
			}
			if !isMarker(line, "BEGIN") {
				continue // text between cards
			}
			begin = r.line
		}
		return r.readCard(begin)
	}
}

// binaryProps are skipped without being kept in memory.
var binaryProps = map[string]bool{"PHOTO": true, "LOGO": true, "SOUND": true, "KEY": true}

// readCard reads the card whose BEGIN:VCARD is on line begin.
func (r *vcardReader) readCard(begin int) (Record, error) {
	r.card.Reset()
	r.card.WriteString("BEGIN:VCARD\r\n")
	r.cur = r.cur[:0]
	var skip, qp, tooBig bool
	flush := func() {
		if !skip && !tooBig && len(r.cur) > 0 {
			normalizeLine(&r.card, r.cur)
		}
		if r.card.Len() > maxRecord {
			tooBig = true
			r.card.Reset()
		}
		r.cur = r.cur[:0]
	}
	for {
		line, long, err := r.readLine()
		if err != nil {
			r.err = err
			if err == io.EOF {
				return Record{}, rowErr(begin, "", "card has no END:VCARD")
			}
			return Record{}, err
		}
		if len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
			// A folded line continues the one before.
			if skip || tooBig {
				continue
			}
			if long || len(r.cur)+len(line) > maxRecord {
				tooBig = true
				continue
			}
			r.cur = append(r.cur, line[1:]...)
			continue
		}
		if isMarker(line, "END") {
			flush()
			break
		}
		if isMarker(line, "BEGIN") {
			r.pending = r.line
			return Record{}, rowErr(begin, "", "card has no END:VCARD")
		}
		if qp && !skip && !tooBig && bytes.HasSuffix(r.cur, []byte{'='}) {
			// A quoted-printable soft line break: the value goes on.
			if long || len(r.cur)+len(line) > maxRecord {
				tooBig = true
				continue
			}
			r.cur = append(r.cur, '\n')
			r.cur = append(r.cur, line...)
			continue
		}
		if skip && isBase64Line(line) {
			continue // vCard 2.1 PHOTO data need not be indented
		}
		flush()
		name, params := propHead(line)
		skip = binaryProps[name]
		qp = bytes.Contains(bytes.ToUpper(params), []byte("QUOTED-PRINTABLE"))
		if skip {
			continue
		}
		if long {
			tooBig = true
			continue
		}
		r.cur = append(r.cur, line...)
	}
	if tooBig {
		return Record{}, rowErr(begin, "", "card larger than 1 MiB")
	}
	r.card.WriteString("END:VCARD\r\n")
	card, err := vcard.NewDecoder(bytes.NewReader(r.card.Bytes())).Decode()
	if err != nil {
		return Record{}, rowErr(begin, "", "%v", err)
	}
	return r.record(card, begin)
}

// propHead returns the upper-case property name (without group) and the
// parameter part of a content line.
func propHead(line []byte) (string, []byte) {
	head := line
	if i := indexOutsideQuotes(line, ':'); i >= 0 {
		head = line[:i]
	}
	name := head
	var params []byte
	if i := bytes.IndexByte(head, ';'); i >= 0 {
		name, params = head[:i], head[i:]
	}
	if i := bytes.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return strings.ToUpper(strings.TrimSpace(string(name))), params
}

func isBase64Line(line []byte) bool {
	for _, c := range line {
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '/' || c == '=' || c == ' ' || c == '\t') {
			return false
		}
	}
	return true
}

func indexOutsideQuotes(b []byte, c byte) int {
	quoted := false
	for i, x := range b {
		switch {
		case x == '"':
			quoted = !quoted
		case x == c && !quoted:
			return i
		}
	}
	return -1
}

// splitOutsideQuotes splits b at c where c is not inside double quotes.
func splitOutsideQuotes(b []byte, c byte) [][]byte {
	var parts [][]byte
	for {
		i := indexOutsideQuotes(b, c)
		if i < 0 {
			return append(parts, b)
		}
		parts = append(parts, b[:i])
		b = b[i+1:]
	}
}

// normalizeLine writes one unfolded content line to dst in the form
// go-vcard reads: vCard 2.1 bare parameters (TEL;CELL;PREF) become TYPE=
// parameters, and quoted-printable values (with their CHARSET) are decoded.
func normalizeLine(dst *bytes.Buffer, line []byte) {
	colon := indexOutsideQuotes(line, ':')
	if colon <= 0 {
		return
	}
	parts := splitOutsideQuotes(line[:colon], ';')
	value := line[colon+1:]
	name := bytes.TrimSpace(parts[0])
	if len(name) == 0 {
		return
	}
	var qp bool
	var charset string
	dst.Write(name)
	for _, p := range parts[1:] {
		p = bytes.TrimSpace(p)
		if len(p) == 0 {
			continue
		}
		eq := bytes.IndexByte(p, '=')
		if eq < 0 {
			switch strings.ToUpper(string(p)) {
			case "QUOTED-PRINTABLE":
				qp = true
			case "BASE64", "B", "7BIT", "8BIT":
			default:
				dst.WriteString(";TYPE=")
				dst.Write(p)
			}
			continue
		}
		key := strings.ToUpper(string(bytes.TrimSpace(p[:eq])))
		val := string(bytes.Trim(bytes.TrimSpace(p[eq+1:]), `"`))
		switch key {
		case "ENCODING":
			if strings.EqualFold(val, "QUOTED-PRINTABLE") {
				qp = true
			}
			continue
		case "CHARSET":
			charset = val
			continue
		}
		dst.WriteByte(';')
		dst.Write(p)
	}
	dst.WriteByte(':')
	if qp {
		value = decodeQP(value, charset)
	}
	dst.Write(value)
	dst.WriteString("\r\n")
}

// decodeQP decodes a quoted-printable value in the given charset and
// escapes its line breaks the vCard way.
func decodeQP(value []byte, charset string) []byte {
	dec, err := io.ReadAll(io.LimitReader(quotedprintable.NewReader(bytes.NewReader(value)), maxRecord))
	if err != nil {
		return value
	}
	if charset != "" {
		if enc, err := lookupEncoding(charset); err == nil && enc != nil {
			if out, err := enc.NewDecoder().Bytes(dec); err == nil {
				dec = out
			}
		}
	}
	dec = bytes.ToValidUTF8(dec, []byte("\uFFFD"))
	dec = bytes.ReplaceAll(dec, []byte("\r\n"), []byte("\n"))
	dec = bytes.ReplaceAll(dec, []byte("\r"), []byte("\n"))
	return bytes.ReplaceAll(dec, []byte("\n"), []byte(`\n`))
}

var textUnescaper = strings.NewReplacer(`\;`, ";")

// unescapeText undoes the escape go-vcard leaves in a text value ("\;";
// go-vcard itself handles "\\", "\n" and "\,") and trims it.
func unescapeText(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return strings.TrimSpace(s)
	}
	return strings.TrimSpace(textUnescaper.Replace(s))
}

// components splits a structured value (N, ORG, ADR) at the semicolons
// that are not escaped.
func components(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case ';':
			out = append(out, unescapeText(s[start:i]))
			start = i + 1
		}
	}
	return append(out, unescapeText(s[start:]))
}

func component(s string, i int) string {
	c := components(s)
	if i < len(c) {
		return c[i]
	}
	return ""
}

// cardBuilder collects a card's fields for a kind.
type cardBuilder struct {
	r      *vcardReader
	line   int
	fields map[string]string
	err    *RowError
}

func (c *cardBuilder) set(prop, field, v string) {
	v = strings.TrimSpace(strings.ToValidUTF8(v, "\uFFFD"))
	if v == "" || !hasField(c.r.kind, field) || c.fields[field] != "" {
		return
	}
	if ch, ok := controlChar(v); ok && c.err == nil {
		c.err = rowErr(c.line, field, "contains a control character (U+%04X)", ch)
	}
	c.fields[field] = v
	col := Column{Name: prop, Field: field}
	if !c.r.seen[col] {
		c.r.seen[col] = true
		c.r.cols = append(c.r.cols, col)
	}
}

// record maps a decoded card to the fields of the reader's kind.
func (r *vcardReader) record(card vcard.Card, line int) (Record, error) {
	b := &cardBuilder{r: r, line: line, fields: map[string]string{}}
	var family, given string
	if n := card.Preferred(vcard.FieldName); n != nil {
		family, given = component(n.Value, 0), component(n.Value, 1)
	}
	fn := unescapeText(card.Value(vcard.FieldFormattedName))
	org := component(card.Value(vcard.FieldOrganization), 0)
	emails := prefFirst(card, vcard.FieldEmail, "mailto:")
	tels := prefFirst(card, vcard.FieldTelephone, "tel:")
	if family == "" && given == "" && fn == "" && org == "" && len(emails) == 0 && len(tels) == 0 {
		return Record{}, rowErr(line, "", "card has no name (FN or N), email or phone")
	}
	composed := strings.TrimSpace(given + " " + family)
	switch r.kind {
	case KindContacts:
		b.set("N", "first_name", given)
		b.set("N", "last_name", family)
		if composed == "" || fn != composed {
			b.set("FN", "name", fn)
		}
		b.set("ORG", "account", org)
	case KindAccounts:
		isOrg := card.Kind() == vcard.KindOrganization || strings.EqualFold(card.Value("X-ABSHOWAS"), "COMPANY")
		if isOrg {
			b.set("FN", "name", fn)
		}
		b.set("ORG", "name", org)
		b.set("FN", "name", fn)
		b.set("N", "name", composed)
	case KindLeads:
		b.set("FN", "name", fn)
		b.set("N", "name", composed)
		b.set("ORG", "company", org)
	}
	if len(emails) > 0 {
		b.set("EMAIL", "email", emails[0])
		b.set("EMAIL", "other_emails", strings.Join(emails[1:], ", "))
	}
	if len(tels) > 0 {
		b.set("TEL", "phone", tels[0])
		b.set("TEL", "other_phones", strings.Join(tels[1:], ", "))
	}
	b.set("TITLE", "title", unescapeText(card.Value(vcard.FieldTitle)))
	var notes []string
	for _, v := range card.Values(vcard.FieldNote) {
		if v = unescapeText(v); v != "" {
			notes = append(notes, v)
		}
	}
	b.set("NOTE", "notes", strings.Join(notes, "\n"))
	var tags []string
	for _, v := range card.Values(vcard.FieldCategories) {
		tags = append(tags, splitList(unescapeText(v), ",")...)
	}
	b.set("CATEGORIES", "tags", strings.Join(tags, ", "))
	if u := card.Preferred(vcard.FieldURL); u != nil {
		b.set("URL", "website", unescapeText(u.Value))
	}
	if a := card.Preferred(vcard.FieldAddress); a != nil {
		b.set("ADR", "address", vcardAddress(a.Value))
	}
	for _, x := range roloProps {
		b.set(x.prop, x.field, unescapeText(card.Value(x.prop)))
	}
	if b.err != nil {
		return Record{}, b.err
	}
	return Record{Line: line, Fields: b.fields}, nil
}

// roloProps are the X-ROLO- properties rolo's vCard writer adds for the
// fields vCard has no property for.
var roloProps = []struct{ prop, field string }{
	{"X-ROLO-SOURCE", "source"},
	{"X-ROLO-STATUS", "status"},
	{"X-ROLO-DISQUALIFY-REASON", "disqualify_reason"},
	{"X-ROLO-DOMAIN", "domain"},
	{"X-ROLO-INDUSTRY", "industry"},
	{"X-ROLO-EXTERNAL-ID", "external_id"},
	{"X-ROLO-OWNER", "owner"},
}

// prefFirst returns the non-empty values of a property, the preferred one
// (PREF=1, TYPE=pref) first, without the URI scheme prefix.
func prefFirst(card vcard.Card, prop, scheme string) []string {
	pref := card.Preferred(prop)
	clean := func(v string) string {
		v = unescapeText(v)
		if len(v) >= len(scheme) && strings.EqualFold(v[:len(scheme)], scheme) {
			v = strings.TrimSpace(v[len(scheme):])
		}
		return v
	}
	var out []string
	if pref != nil {
		if v := clean(pref.Value); v != "" {
			out = append(out, v)
		}
	}
	for _, f := range card[prop] {
		if f == pref {
			continue
		}
		if v := clean(f.Value); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// vcardAddress formats an ADR value as "street, postal code city, region,
// country", leaving out empty parts.
func vcardAddress(v string) string {
	c := components(v)
	get := func(i int) string {
		if i < len(c) {
			return c[i]
		}
		return ""
	}
	var p [addrParts][]string
	add := func(part int, s string) {
		if s != "" {
			p[part] = append(p[part], s)
		}
	}
	add(addrStreet, get(2))
	add(addrStreet, get(1)) // extended address: suite, floor
	add(addrPOBox, get(0))
	add(addrCity, get(3))
	add(addrRegion, get(4))
	add(addrPostal, get(5))
	add(addrCountry, get(6))
	return formatAddress(p)
}

func (r *vcardReader) Columns() []Column {
	return append([]Column(nil), r.cols...)
}
