package transfer

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// result is what reading a whole file gave.
type result struct {
	recs    []Record
	rowErrs []*RowError
	cols    []Column
}

// readAll reads every record of data, failing the test on a fatal error.
func readAll(t testing.TB, data string, opt Options) result {
	t.Helper()
	res, err := tryReadAll(strings.NewReader(data), opt)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return res
}

// tryReadAll reads every record and returns the first fatal error.
func tryReadAll(r io.Reader, opt Options) (result, error) {
	var res result
	rd, err := NewReader(r, opt)
	if err != nil {
		return res, err
	}
	for i := 0; ; i++ {
		if i > 1_000_000 {
			return res, errors.New("reader does not stop")
		}
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		var re *RowError
		if errors.As(err, &re) {
			res.rowErrs = append(res.rowErrs, re)
			continue
		}
		if err != nil {
			res.cols = rd.Columns()
			return res, err
		}
		res.recs = append(res.recs, rec)
	}
	res.cols = rd.Columns()
	return res, nil
}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
