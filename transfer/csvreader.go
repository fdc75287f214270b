package transfer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxColumns caps the header of a CSV file.
const maxColumns = 1000

type csvReader struct {
	name    string
	kind    Kind
	cr      *csv.Reader
	lim     *limitReader
	end     *endReader
	header  []string
	targets []target
	cols    []Column
	offset  int // lines skipped before the CSV reader's input (a sep= line)
	nextLn  int // the line after the last record read, for errors
	err     error
}

func newCSVReader(in *bufio.Reader, name string, opt Options, m *mapper) (Reader, error) {
	r := &csvReader{name: name, kind: opt.Kind}
	delim := opt.Delimiter
	switch delim {
	case 0, ',', ';', '\t', '|':
	default:
		return nil, fmt.Errorf("delimiter %q is not supported; use ',', ';', tab or '|'", delim)
	}
	first, err := peekLine(in, name)
	if err != nil {
		return nil, err
	}
	// Excel writes "sep=;" as the first line to name the delimiter.
	if t := strings.TrimSpace(string(first)); len(t) == 5 && strings.EqualFold(t[:4], "sep=") {
		if c := rune(t[4]); delim == 0 && c > ' ' && c != '"' && c < utf8.RuneSelf {
			delim = c
		}
		if _, err := in.Discard(len(first)); err != nil {
			return nil, err
		}
		r.offset = 1
		if first, err = peekLine(in, name); err != nil {
			return nil, err
		}
	}
	if delim == 0 {
		delim = detectDelimiter(first)
	}
	r.end = &endReader{r: in}
	r.lim = &limitReader{r: r.end, max: maxRecord + 4096}
	r.cr = csv.NewReader(r.lim)
	r.cr.Comma = delim
	r.cr.FieldsPerRecord = -1
	r.cr.LazyQuotes = true
	r.cr.ReuseRecord = true
	r.nextLn = 1 + r.offset

	rec, err := r.read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s is empty", name)
	}
	if err != nil {
		var re *RowError
		if errors.As(err, &re) {
			return nil, fmt.Errorf("%s: the header %v", name, re)
		}
		return nil, err
	}
	if len(rec) > maxColumns {
		return nil, fmt.Errorf("%s: the header has %d columns; rolo reads at most %d", name, len(rec), maxColumns)
	}
	r.header = make([]string, len(rec))
	for i, h := range rec {
		r.header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	if err := checkMapColumns(name, opt.Map, r.header); err != nil {
		return nil, err
	}
	r.targets = m.mapHeader(r.header)
	mapped := false
	r.cols = make([]Column, len(r.header))
	for i, h := range r.header {
		r.cols[i] = Column{Name: h, Field: r.targets[i].field}
		mapped = mapped || r.targets[i].field != ""
	}
	if !mapped {
		return nil, noMappingError(name, opt.Kind, r.header, delim)
	}
	return r, nil
}

// noMappingError explains a header none of whose columns is known.
func noMappingError(name string, k Kind, header []string, delim rune) error {
	var quoted []string
	for i, h := range header {
		if i == 10 {
			quoted = append(quoted, fmt.Sprintf("and %d more", len(header)-10))
			break
		}
		quoted = append(quoted, strconv.Quote(h))
	}
	example := "Column"
	if len(header) > 0 && header[0] != "" {
		example = header[0]
	}
	return fmt.Errorf("%s: no column of the header maps to a field of %s (columns: %s; read with delimiter %q); "+
		"name them with --map, e.g. --map %q; %s fields: %s",
		name, k, strings.Join(quoted, ", "), delim, example+"="+kindFields[k][0], k, strings.Join(kindFields[k], ", "))
}

// checkMapColumns makes sure every --map column is in the header, matched
// the way the mapper matches it, so that a misspelt column is not silently
// ignored.
func checkMapColumns(name string, m map[string]string, header []string) error {
	if len(m) == 0 {
		return nil
	}
	have := make(map[string]bool, len(header))
	for _, h := range header {
		have[overrideKey(h)] = true
	}
	keys := make([]string, 0, len(m))
	for col := range m {
		keys = append(keys, col)
	}
	sort.Strings(keys)
	for _, col := range keys {
		if have[overrideKey(col)] {
			continue
		}
		var names []string
		for i, h := range header {
			if i == 30 {
				names = append(names, fmt.Sprintf("and %d more", len(header)-30))
				break
			}
			if h == "" {
				h = `""`
			}
			names = append(names, h)
		}
		return fmt.Errorf("%s: --map names a column %q that is not in the header (columns: %s)",
			name, col, strings.Join(names, ", "))
	}
	return nil
}

// peekLine returns the first line of in (up to bufSize bytes) without
// consuming it.
func peekLine(in *bufio.Reader, name string) ([]byte, error) {
	b, err := in.Peek(bufSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, inputError(name, 0, err)
	}
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i+1]
	}
	return b, nil
}

// detectDelimiter picks ',', ';' or tab, whichever occurs most outside
// quotes in the header line; ties go to ','.
func detectDelimiter(line []byte) rune {
	var comma, semi, tab int
	quoted := false
	for _, c := range line {
		switch c {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				comma++
			}
		case ';':
			if !quoted {
				semi++
			}
		case '\t':
			if !quoted {
				tab++
			}
		}
	}
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// read reads the next CSV record, turning a record that is too long into a
// fatal error that names its line.
func (r *csvReader) read() ([]string, error) {
	rec, err := r.cr.Read()
	if err == nil {
		// The next record starts after this one's last line.
		last, _ := r.cr.FieldPos(len(rec) - 1)
		r.nextLn = last + r.offset + strings.Count(rec[len(rec)-1], "\n") + 1
		r.lim.start = r.cr.InputOffset()
		if err := r.checkQuotes(rec); err != nil {
			return nil, err
		}
		return rec, nil
	}
	if errors.Is(err, errTooLong) {
		line := r.nextLn
		if len(rec) > 0 {
			l, _ := r.cr.FieldPos(0)
			line = l + r.offset
		}
		return nil, fmt.Errorf("%s line %d: a record longer than 1 MiB; is this really a CSV file?", r.name, line)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, rowErr(pe.StartLine+r.offset, "", "%v", pe.Err)
	}
	if err == io.EOF {
		return nil, err
	}
	return nil, inputError(r.name, r.nextLn, err)
}

// checkQuotes catches a quote that is never closed. The reader takes
// everything after such a quote as one field, up to the end of the file or
// to a quote before a delimiter some lines on, so the rows after it vanish.
// A field that spans lines is suspect when the record has fewer cells than
// the header or the field runs to the end of the file. The rows after it
// cannot be read back reliably, so this is fatal.
func (r *csvReader) checkQuotes(rec []string) error {
	bad := -1
	last := len(rec) - 1
	if spansLines(rec[last]) && r.end.eof && r.cr.InputOffset() == r.end.n && !r.end.endsClosed() {
		bad = last
	} else if r.header != nil && len(rec) < len(r.header) {
		for i, v := range rec {
			if spansLines(v) {
				bad = i
				break
			}
		}
	}
	if bad < 0 {
		return nil
	}
	line, _ := r.cr.FieldPos(bad)
	return fmt.Errorf("%s line %d: a quote opened here is never closed (the rest of the file would be one field); "+
		"fix the quotes or save the file again as CSV", r.name, line+r.offset)
}

// spansLines reports whether a field holds a line break before its last
// text; only a quoted field can.
func spansLines(v string) bool {
	return strings.Contains(strings.TrimRight(v, " \t\r\n"), "\n")
}

// endReader remembers how many bytes its reader gave, the last of them and
// whether it reached the end, so that a quoted field that ran to the end of
// the file can be told from one closed there.
type endReader struct {
	r    io.Reader
	n    int64
	tail [3]byte // the last bytes read, at the end
	tn   int     // how many of tail are set
	eof  bool
}

func (e *endReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.n += int64(n)
	for _, c := range p[max(0, n-len(e.tail)):n] {
		copy(e.tail[:], e.tail[1:])
		e.tail[len(e.tail)-1] = c
		e.tn = min(e.tn+1, len(e.tail))
	}
	if err == io.EOF {
		e.eof = true
	}
	return n, err
}

// endsClosed reports whether the input ends in a quote, perhaps followed
// by a line end: there a quoted field was closed.
func (e *endReader) endsClosed() bool {
	t := e.tail[len(e.tail)-e.tn:]
	t = bytes.TrimSuffix(t, []byte{'\n'})
	t = bytes.TrimSuffix(t, []byte{'\r'})
	return len(t) > 0 && t[len(t)-1] == '"'
}

func (r *csvReader) Next() (Record, error) {
	for {
		if r.err != nil {
			return Record{}, r.err
		}
		rec, err := r.read()
		if err != nil {
			var re *RowError
			if !errors.As(err, &re) {
				r.err = err
			}
			return Record{}, err
		}
		if allEmpty(rec) {
			continue
		}
		line, _ := r.cr.FieldPos(0)
		// Extra cells that are empty are ignored (trailing delimiters are
		// common); filled ones mean the columns are off.
		cells := len(rec)
		for cells > len(r.header) && strings.TrimSpace(rec[cells-1]) == "" {
			cells--
		}
		if cells > len(r.header) {
			return Record{}, rowErr(line+r.offset, "", "has %d cells but the header has %d; are the columns shifted?",
				cells, len(r.header))
		}
		b := newBuilder(line + r.offset)
		for i, v := range rec {
			if i >= len(r.targets) {
				break
			}
			b.add(r.targets[i], unguard(strings.TrimSpace(v)))
		}
		if b.err != nil {
			return Record{}, b.err
		}
		return Record{Line: b.line, Fields: b.finish(r.kind)}, nil
	}
}

func allEmpty(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func (r *csvReader) Columns() []Column {
	return append([]Column(nil), r.cols...)
}
