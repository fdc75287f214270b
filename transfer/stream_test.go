package transfer

import (
	"bytes"
	"fmt"
	"io"
	"testing"
)

// rowGen produces a CSV file of n rows lazily, a row at a time.
type rowGen struct {
	n, rows int
	buf     []byte
}

func (g *rowGen) Read(p []byte) (int, error) {
	for len(g.buf) == 0 {
		switch {
		case g.rows == 0 && g.buf == nil:
			g.buf = []byte("First Name,Last Name,E-mail,Phone,Company,Notes\r\n")
		case g.rows < g.n:
			g.rows++
			g.buf = fmt.Appendf(g.buf[:0], "Ayşe %d,Yılmaz,ayse%d@example.com,+90 532 %07d,\"Deniz, A.Ş.\",\"note %d\"\r\n",
				g.rows, g.rows, g.rows, g.rows)
		default:
			return 0, io.EOF
		}
	}
	n := copy(p, g.buf)
	g.buf = g.buf[n:]
	return n, nil
}

func TestCSVStreams100k(t *testing.T) {
	const n = 100_000
	gen := &rowGen{n: n}
	rd, err := NewReader(gen, Options{Kind: KindContacts, Format: FormatCSV})
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		count++
		if rec.Line != count+1 || rec.Fields["email"] != fmt.Sprintf("ayse%d@example.com", count) {
			t.Fatalf("record %d: %v", count, rec)
		}
		// The reader holds a few buffers of the file, never all of it.
		if ahead := gen.rows - count; ahead > 5000 {
			t.Fatalf("after %d records the reader has pulled %d rows ahead", count, ahead)
		}
	}
	if count != n {
		t.Errorf("read %d records, want %d", count, n)
	}
}

func BenchmarkCSVRead100k(b *testing.B) {
	const n = 100_000
	data, err := io.ReadAll(&rowGen{n: n})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		rd, err := NewReader(bytes.NewReader(data), Options{Kind: KindContacts, Format: FormatCSV})
		if err != nil {
			b.Fatal(err)
		}
		count := 0
		for {
			_, err := rd.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatalf("read %d", count)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
