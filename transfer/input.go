package transfer

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

const (
	// maxRecord caps one record (a CSV record, a JSON object, a vCard's
	// text) so that memory stays bounded whatever the input.
	maxRecord = 1 << 20
	// sniffSize is how much of the start of a file is inspected for
	// binary content and emptiness.
	sniffSize = 8 << 10
	// bufSize is the size of the buffered readers over the input.
	bufSize = 64 << 10
)

// openInput prepares r for a reader: it decodes the named encoding (or
// checks that the input is UTF-8), skips a byte order mark and rejects
// binary and empty files. label names what the file should be ("CSV").
func openInput(r io.Reader, name, encName, label string) (*bufio.Reader, error) {
	enc, err := lookupEncoding(encName)
	if err != nil {
		return nil, err
	}
	raw := bufio.NewReaderSize(r, bufSize)
	sample, err := raw.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if enc == nil && (bytes.HasPrefix(sample, []byte{0xFF, 0xFE}) || bytes.HasPrefix(sample, []byte{0xFE, 0xFF})) {
		// Excel's "Unicode Text" and some Windows tools write UTF-16 with a
		// byte order mark; the mark tells the byte order.
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	asciiCompatible := enc == nil || isASCIICompatible(enc)
	if asciiCompatible {
		if err := checkBinary(sample, name, label); err != nil {
			return nil, err
		}
	}
	var src io.Reader
	if enc == nil {
		src = &utf8Reader{r: raw, name: name}
	} else {
		src = transform.NewReader(raw, enc.NewDecoder())
	}
	in := bufio.NewReaderSize(src, bufSize)
	if bom, err := in.Peek(3); err == nil && string(bom) == "\uFEFF" {
		_, _ = in.Discard(3)
	}
	head, err := in.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, inputError(name, 0, err)
	}
	if !asciiCompatible {
		if err := checkBinary(head, name, label); err != nil {
			return nil, err
		}
	}
	if err == io.EOF && len(bytes.TrimSpace(head)) == 0 {
		return nil, fmt.Errorf("%s is empty", name)
	}
	return in, nil
}

// lookupEncoding finds a character set by name. It returns nil for UTF-8,
// which the readers check themselves.
func lookupEncoding(name string) (encoding.Encoding, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	switch strings.ToLower(name) {
	case "utf-8", "utf8":
		return nil, nil
	}
	enc, err := ianaindex.IANA.Encoding(name)
	if err != nil || enc == nil {
		enc, err = htmlindex.Get(name)
	}
	if err != nil || enc == nil {
		return nil, fmt.Errorf("unknown encoding %q; try utf-8, windows-1254, iso-8859-9, windows-1252 or iso-8859-1", name)
	}
	if enc == unicode.UTF8 {
		return nil, nil
	}
	return enc, nil
}

// isASCIICompatible reports whether enc writes ASCII text as ASCII bytes,
// which is not the case for UTF-16 and UTF-32.
func isASCIICompatible(enc encoding.Encoding) bool {
	out, err := enc.NewEncoder().String("a,;\n")
	return err == nil && out == "a,;\n"
}

// checkBinary rejects a file whose start holds NUL bytes or many other
// control bytes, which no text export has.
func checkBinary(sample []byte, name, label string) error {
	ctrl := 0
	for _, c := range sample {
		switch {
		case c == 0:
			ctrl = len(sample) + 1
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A, c == 0x7F:
			ctrl++
		}
		if ctrl > len(sample) {
			break
		}
	}
	if ctrl > len(sample) || (ctrl >= 4 && ctrl*20 > len(sample)) {
		if bytes.HasPrefix(sample, []byte("PK\x03\x04")) {
			return fmt.Errorf("%s looks like a binary file, not %s (an .xlsx workbook or a zip archive?)", name, label)
		}
		return fmt.Errorf("%s looks like a binary file, not %s", name, label)
	}
	return nil
}

// utf8Reader passes UTF-8 through and fails, naming the line, at the first
// byte that is not valid UTF-8, with a hint about the likely encoding.
type utf8Reader struct {
	r     io.Reader
	name  string
	buf   [bufSize]byte
	ready []byte // validated bytes not yet returned, in buf
	tail  int    // buf[tail:end] is an incomplete sequence kept back
	end   int
	lines int  // line ends in the bytes returned so far
	cr    bool // the last byte returned was a CR
	err   error
}

func (u *utf8Reader) Read(p []byte) (int, error) {
	for len(u.ready) == 0 {
		if u.err != nil {
			return 0, u.err
		}
		u.fill()
	}
	n := copy(p, u.ready)
	lines, cr := countLines(u.ready[:n], u.cr)
	u.lines += lines
	u.cr = cr
	u.ready = u.ready[n:]
	return n, nil
}

// fill reads the next chunk and validates it, keeping back a sequence cut
// short by the end of the chunk until the rest of it arrives.
func (u *utf8Reader) fill() {
	pend := copy(u.buf[:], u.buf[u.tail:u.end])
	n, err := u.r.Read(u.buf[pend:])
	end := pend + n
	chunk := u.buf[:end]
	cut := end
	if err == nil {
		for i := end - 1; i >= 0 && i > end-utf8.UTFMax; i-- {
			if utf8.RuneStart(chunk[i]) {
				if !utf8.FullRune(chunk[i:]) {
					cut = i
				}
				break
			}
		}
	}
	u.tail, u.end = cut, end
	good := validPrefix(chunk[:cut])
	u.ready = chunk[:good]
	if good < cut {
		lines, _ := countLines(chunk[:good], u.cr)
		line := u.lines + lines + 1
		u.err = invalidUTF8Error(u.name, line, chunk[good:])
		return
	}
	u.err = err
}

// countLines counts the line ends in b: LF, CRLF and a lone CR each end a
// line. afterCR says the byte before b was a CR; endsCR says b ends in one.
func countLines(b []byte, afterCR bool) (n int, endsCR bool) {
	if len(b) == 0 {
		return 0, afterCR
	}
	if bytes.IndexByte(b, '\r') < 0 {
		n = bytes.Count(b, []byte{'\n'})
		if afterCR && b[0] == '\n' {
			n--
		}
		return n, false
	}
	for i, c := range b {
		switch c {
		case '\r':
			n++
		case '\n':
			if !(i == 0 && afterCR || i > 0 && b[i-1] == '\r') {
				n++
			}
		}
	}
	return n, b[len(b)-1] == '\r'
}

// crReader turns a lone CR (one not followed by LF), the line end of old
// Mac files, into LF. CRLF passes unchanged and the length stays the same,
// so offsets and line numbers agree with the input. A CR at the end of a
// read is decided by peeking at the byte after it.
type crReader struct {
	br  *bufio.Reader
	err error // an error met while peeking, returned by the next Read
}

func (c *crReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.br.Read(p)
	b := p[:n]
	for i := 0; i < n; i++ {
		j := bytes.IndexByte(b[i:], '\r')
		if j < 0 {
			break
		}
		i += j
		if i+1 < n {
			if b[i+1] != '\n' {
				b[i] = '\n'
			}
			continue
		}
		next, perr := c.br.Peek(1)
		if len(next) == 0 || next[0] != '\n' {
			b[i] = '\n'
		}
		if len(next) == 0 && perr != nil {
			// bufio.Reader forgets an error Peek reports; keep it.
			c.err = perr
		}
	}
	return n, err
}

// validPrefix returns the length of the longest valid UTF-8 prefix of b.
func validPrefix(b []byte) int {
	if utf8.Valid(b) {
		return len(b)
	}
	i := 0
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// invalidUTF8Error builds the fatal error for bytes that are not UTF-8. The
// bytes of Ğ İ Ş ğ ı ş in windows-1254 make that the likelier encoding.
func invalidUTF8Error(name string, line int, rest []byte) error {
	turkish := false
	for _, c := range rest {
		switch c {
		case 0xD0, 0xDD, 0xDE, 0xF0, 0xFD, 0xFE:
			turkish = true
		}
	}
	first, second := "windows-1252 (Western European)", "windows-1254 (Turkish)"
	if turkish {
		first, second = second, first
	}
	return &fatalError{fmt.Sprintf("%s line %d: not valid UTF-8; if it was saved by Excel on Windows, try --encoding %s or --encoding %s",
		name, line, first, second)}
}

// inputError names the file (and the line, when known) in an error from
// the input, unless it is a fatalError, which already does.
func inputError(name string, line int, err error) error {
	var fe *fatalError
	switch {
	case errors.As(err, &fe):
		return err
	case line > 0:
		return fmt.Errorf("%s line %d: %w", name, line, err)
	}
	return fmt.Errorf("%s: %w", name, err)
}

// fatalError is an error the readers pass on unchanged: it already names
// the file and the line.
type fatalError struct{ msg string }

func (e *fatalError) Error() string { return e.msg }

// errTooLong is returned by limitReader when a record passes its cap.
var errTooLong = errors.New("record too long")

// limitReader caps how far its reader may read beyond the start of the
// current record, so that a parser that buffers a whole record (or a whole
// line) never holds more than about max bytes.
type limitReader struct {
	r         io.Reader
	delivered int64 // bytes returned so far
	start     int64 // offset where the current record starts
	max       int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	allowed := l.start + l.max - l.delivered
	if allowed <= 0 {
		return 0, errTooLong
	}
	if int64(len(p)) > allowed {
		p = p[:allowed]
	}
	n, err := l.r.Read(p)
	l.delivered += int64(n)
	return n, err
}

// lineTracker counts lines in what its reader returns, so that a byte
// offset reported by a parser that reads ahead can be turned into a line.
// Offsets must be asked for in increasing order.
type lineTracker struct {
	r     io.Reader
	off   int64   // bytes returned so far
	nl    []int64 // offsets of newlines returned but not yet counted
	head  int
	lines int // newlines before the last offset asked for
}

func (t *lineTracker) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	b := p[:n]
	base := t.off
	for {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			break
		}
		t.nl = append(t.nl, base+int64(i))
		base += int64(i) + 1
		b = b[i+1:]
	}
	t.off += int64(n)
	return n, err
}

// lineAt returns the 1-based line of the byte at offset off.
func (t *lineTracker) lineAt(off int64) int {
	for t.head < len(t.nl) && t.nl[t.head] < off {
		t.head++
		t.lines++
	}
	if t.head > 1024 && t.head*2 > len(t.nl) {
		t.nl = append(t.nl[:0], t.nl[t.head:]...)
		t.head = 0
	}
	return t.lines + 1
}
