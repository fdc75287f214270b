package ui

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"rolo/store"
)

// window is a keyset-paged view of a list too large to load: it caches a
// few pages around the cursor, fetches the next page before the cursor
// reaches the edge of what it holds, and knows the total from a count
// query. Replies carry the generation they were asked for, so a reply for
// an older search or filter is dropped, and the anchor they continue from,
// so a page that no longer fits the cache is dropped too.
type window[T any] struct {
	id     string
	src    source[T]
	q      store.ListQuery // filters only; paging fields are set per fetch
	gen    int
	rows   []T
	offset int // absolute index of rows[0]
	total  int // -1 until counted
	cursor int // absolute index of the selected row
	top    int // absolute index of the first visible row
	height int
	ready  bool // the first page of the current generation arrived
	busy   map[fetchKind]bool
	err    error
	page   int // rows per fetch
	// counted: the total comes from elsewhere (setTotal), not a count query
	counted bool
}

// source is how a window reads its records.
type source[T any] struct {
	list  func(ctx context.Context, q store.ListQuery) ([]T, error)
	count func(ctx context.Context, q store.ListQuery) (int, error)
	key   func(T) store.Cursor
}

type fetchKind int

const (
	fetchFirst fetchKind = iota
	fetchNext
	fetchPrev
	fetchLast
	fetchAround // a page starting at a given row, for reload and focus
)

const (
	pageSize = 200
	maxCache = 1200
)

// pageMsg is one page for window id.
type pageMsg[T any] struct {
	id     string
	gen    int
	kind   fetchKind
	anchor *store.Cursor
	rows   []T
	at     int // fetchAround, fetchLast: absolute index of rows[0]; -1 unknown
	total  int // -1 when not counted with this page
	err    error
}

// countMsg is the total of window id.
type countMsg struct {
	id  string
	gen int
	n   int
	err error
}

func newWindow[T any](id string, src source[T]) *window[T] {
	return &window[T]{id: id, src: src, total: -1, busy: map[fetchKind]bool{}, page: pageSize}
}

// setQuery starts a new generation with other filters: the rows shown
// stay until the new first page replaces them, so nothing jumps.
func (w *window[T]) setQuery(q store.ListQuery) tea.Cmd {
	w.q = q
	w.gen++
	w.busy = map[fetchKind]bool{}
	w.ready = false
	return tea.Batch(w.fetch(fetchFirst, nil), w.fetchCount())
}

// reload re-reads the rows from the first one shown (after a write or r),
// keeping the cursor where it is.
func (w *window[T]) reload() tea.Cmd {
	w.gen++
	w.busy = map[fetchKind]bool{}
	if w.offset == 0 || len(w.rows) == 0 {
		return tea.Batch(w.fetch(fetchFirst, nil), w.fetchCount())
	}
	k := w.src.key(w.rows[0])
	return tea.Batch(w.fetchAround(k, w.offset), w.fetchCount())
}

// focus moves the cursor to the row with key k once it is read (after a
// create, to show the new record selected).
func (w *window[T]) focus(k store.Cursor) tea.Cmd {
	w.gen++
	w.busy = map[fetchKind]bool{}
	q, gen, id, src, page := w.q, w.gen, w.id, w.src, w.page
	w.busy[fetchAround] = true
	return func() tea.Msg {
		ctx := context.Background()
		before := q
		before.Before = &k
		at, err := src.count(ctx, before)
		if err != nil {
			return pageMsg[T]{id: id, gen: gen, kind: fetchAround, err: err}
		}
		q.After, q.Limit = &store.Cursor{Sort: k.Sort, ID: k.ID - 1}, page
		rows, err := src.list(ctx, q)
		if err != nil {
			return pageMsg[T]{id: id, gen: gen, kind: fetchAround, err: err}
		}
		q.After = nil
		total, err := src.count(ctx, q)
		return pageMsg[T]{id: id, gen: gen, kind: fetchAround, rows: rows, at: at, total: total, err: err, anchor: &k}
	}
}

func (w *window[T]) fetchAround(k store.Cursor, at int) tea.Cmd {
	q, gen, id, src := w.q, w.gen, w.id, w.src
	w.busy[fetchAround] = true
	q.Limit = w.page
	return func() tea.Msg {
		q.After = &store.Cursor{Sort: k.Sort, ID: k.ID - 1}
		rows, err := src.list(context.Background(), q)
		return pageMsg[T]{id: id, gen: gen, kind: fetchAround, rows: rows, at: at, total: -1, err: err}
	}
}

func (w *window[T]) fetch(kind fetchKind, anchor *store.Cursor) tea.Cmd {
	if w.busy[kind] {
		return nil
	}
	w.busy[kind] = true
	q, gen, id, src := w.q, w.gen, w.id, w.src
	q.Limit = w.page
	switch kind {
	case fetchNext:
		q.After = anchor
	case fetchPrev:
		q.Before = anchor
	case fetchLast:
		q.Last = true
	}
	return func() tea.Msg {
		ctx := context.Background()
		rows, err := src.list(ctx, q)
		msg := pageMsg[T]{id: id, gen: gen, kind: kind, anchor: anchor, rows: rows, at: -1, total: -1, err: err}
		if kind == fetchLast && err == nil {
			cq := q
			cq.Last, cq.Limit = false, 0
			msg.total, msg.err = src.count(ctx, cq)
			msg.at = msg.total - len(rows)
		}
		return msg
	}
}

// setTotal gives the window its total when the owner knows it (the board
// reads column counts from the stage totals).
func (w *window[T]) setTotal(n int) tea.Cmd {
	w.total = n
	w.clamp()
	return w.ensure()
}

func (w *window[T]) fetchCount() tea.Cmd {
	if w.counted {
		return nil
	}
	q, gen, id, src := w.q, w.gen, w.id, w.src
	return func() tea.Msg {
		n, err := src.count(context.Background(), q)
		return countMsg{id: id, gen: gen, n: n, err: err}
	}
}

// update applies a page or count reply meant for this window.
func (w *window[T]) update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case countMsg:
		if m.id != w.id || m.gen != w.gen {
			return nil
		}
		if m.err != nil {
			w.err = m.err
			return nil
		}
		w.total = m.n
		w.clamp()
		return w.ensure()
	case pageMsg[T]:
		if m.id != w.id || m.gen != w.gen {
			return nil
		}
		delete(w.busy, m.kind)
		if m.err != nil {
			w.err = m.err
			return nil
		}
		w.err = nil
		w.apply(m)
		w.trim()
		w.clamp()
		return w.ensure()
	}
	return nil
}

func (w *window[T]) apply(m pageMsg[T]) {
	short := len(m.rows) < w.page
	switch m.kind {
	case fetchFirst:
		if !w.ready {
			w.cursor, w.top = 0, 0
		}
		w.rows, w.offset, w.ready = m.rows, 0, true
		if short {
			w.total = len(m.rows)
		}
	case fetchAround:
		w.rows, w.offset, w.ready = m.rows, m.at, true
		if m.total >= 0 {
			w.total = m.total
		}
		if m.anchor != nil { // focus: select the anchor row
			w.cursor = m.at
			w.top = max(0, m.at-w.height/2)
		}
		if short {
			w.total = w.offset + len(m.rows)
		}
	case fetchLast:
		w.rows, w.total, w.offset, w.ready = m.rows, m.total, max(0, m.at), true
	case fetchNext:
		if len(w.rows) == 0 || w.src.key(w.rows[len(w.rows)-1]) != *m.anchor {
			return // the cache moved on since this was asked
		}
		w.rows = append(w.rows, m.rows...)
		if short {
			w.total = w.offset + len(w.rows)
		}
	case fetchPrev:
		if len(w.rows) == 0 || w.src.key(w.rows[0]) != *m.anchor {
			return
		}
		w.rows = append(append(make([]T, 0, len(m.rows)+len(w.rows)), m.rows...), w.rows...)
		w.offset -= len(m.rows)
		if short && w.offset != 0 { // rows vanished above us: renumber from 0
			w.cursor -= w.offset
			w.top -= w.offset
			w.offset = 0
		}
	}
}

// trim drops cached rows far from the cursor.
func (w *window[T]) trim() {
	if len(w.rows) <= maxCache {
		return
	}
	drop := len(w.rows) - maxCache
	if w.cursor-w.offset > len(w.rows)/2 {
		w.rows = w.rows[drop:]
		w.offset += drop
	} else {
		w.rows = w.rows[:len(w.rows)-drop]
	}
}

// ensure asks for the pages the cursor will need next.
func (w *window[T]) ensure() tea.Cmd {
	if !w.ready {
		return nil
	}
	end := w.offset + len(w.rows)
	margin := max(2*w.height, w.page/4)
	var cmds []tea.Cmd
	if len(w.rows) > 0 && end-w.cursor <= margin && (w.total < 0 || end < w.total) {
		k := w.src.key(w.rows[len(w.rows)-1])
		cmds = append(cmds, w.fetch(fetchNext, &k))
	}
	if len(w.rows) > 0 && w.offset > 0 && w.cursor-w.offset <= margin {
		k := w.src.key(w.rows[0])
		cmds = append(cmds, w.fetch(fetchPrev, &k))
	}
	return tea.Batch(cmds...)
}

// limit is the number of rows the cursor may move over.
func (w *window[T]) limit() int {
	if w.total >= 0 {
		return w.total
	}
	return w.offset + len(w.rows)
}

func (w *window[T]) clamp() {
	n := w.limit()
	w.cursor = max(0, min(w.cursor, n-1))
	if w.cursor < w.top {
		w.top = w.cursor
	}
	if w.height > 0 && w.cursor >= w.top+w.height {
		w.top = w.cursor - w.height + 1
	}
	w.top = max(0, min(w.top, n-w.height))
}

// move moves the cursor by delta rows and fetches what it needs.
func (w *window[T]) move(delta int) tea.Cmd {
	w.cursor += delta
	w.clamp()
	return w.ensure()
}

// home and end jump to the first and last row.
func (w *window[T]) home() tea.Cmd {
	w.cursor, w.top = 0, 0
	if w.offset == 0 {
		return nil
	}
	w.gen++
	w.busy = map[fetchKind]bool{}
	return tea.Batch(w.fetch(fetchFirst, nil), w.fetchCount())
}

func (w *window[T]) end() tea.Cmd {
	if w.total >= 0 && w.offset+len(w.rows) >= w.total {
		return w.move(w.total)
	}
	if w.total >= 0 {
		w.cursor = w.total - 1
		w.clamp()
	}
	w.gen++
	w.busy = map[fetchKind]bool{}
	return w.fetch(fetchLast, nil)
}

func (w *window[T]) setHeight(h int) {
	w.height = max(1, h)
	w.clamp()
}

// selected is the row under the cursor, if it is loaded.
func (w *window[T]) selected() (T, bool) {
	return w.at(w.cursor)
}

func (w *window[T]) at(i int) (T, bool) {
	var zero T
	if i < w.offset || i >= w.offset+len(w.rows) {
		return zero, false
	}
	return w.rows[i-w.offset], true
}

// visible calls fn for each row on screen; loaded is false for a row
// whose page is still on its way.
func (w *window[T]) visible(fn func(i int, row T, loaded bool)) {
	n := w.limit()
	for i := w.top; i < w.top+w.height && i < n; i++ {
		row, ok := w.at(i)
		fn(i, row, ok)
	}
}
