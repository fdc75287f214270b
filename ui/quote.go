package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"rolo/model"
)

// quoteView shows a quote with its lines and totals, and edits it by
// keys: a adds a line, e edits the selected one, d deletes it, s sets the
// status. Every change is saved at once (and u undoes it).
type quoteView struct {
	sh     *shared
	id     int64
	q      *model.Quote
	cursor int
	form   *huh.Form // the line or status form, when open
	vals   map[string]*string
	// editing is the line being edited (-1: a new line, -2: the status)
	editing int
	width   int
	height  int
	err     error
	keys    quoteKeys
}

type quoteKeys struct {
	Up, Down, Add, Edit, Delete, Status key.Binding
}

type quoteLoadedMsg struct {
	id  int64
	q   model.Quote
	err error
}

func newQuoteView(sh *shared, id int64) *quoteView {
	return &quoteView{sh: sh, id: id, keys: quoteKeys{
		Up:     key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("j/k", "line")),
		Down:   key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j", "next line")),
		Add:    key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add line")),
		Edit:   key.NewBinding(key.WithKeys("e", "enter"), key.WithHelp("e", "edit line")),
		Delete: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete line")),
		Status: key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "status, valid until")),
	}}
}

func (v *quoteView) Init() tea.Cmd { return v.Reload() }

func (v *quoteView) Reload() tea.Cmd {
	st, id := v.sh.deps.Store, v.id
	return func() tea.Msg {
		q, err := st.Quotes.Get(context.Background(), id)
		return quoteLoadedMsg{id: id, q: q, err: err}
	}
}

func (v *quoteView) SetSize(w, h int) {
	v.width, v.height = max(0, w), max(0, h)
	if v.form != nil {
		v.form.WithWidth(min(max(20, w-2), 70)).WithHeight(max(3, h-4))
	}
}

func (v *quoteView) Capturing() bool { return v.form != nil }

func (v *quoteView) Title() string {
	if v.q != nil {
		return "Quote " + v.q.Number
	}
	return "Quote"
}

func (v *quoteView) Summary() string { return "" }

func (v *quoteView) KeyMap() keyMap {
	if v.form != nil {
		next := key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/shift+tab", "field"))
		save := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter on last field", "save"))
		cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
		return keyMap{short: []key.Binding{next, save, cancel}, full: [][]key.Binding{{next, save, cancel}}}
	}
	k := v.keys
	return keyMap{short: []key.Binding{k.Up, k.Add, k.Edit, k.Delete, k.Status},
		full: [][]key.Binding{{k.Up, k.Down}, {k.Add, k.Edit, k.Delete, k.Status}}}
}

func (v *quoteView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case quoteLoadedMsg:
		if msg.id == v.id {
			v.err = msg.err
			if msg.err == nil {
				q := msg.q
				v.q = &q
				v.cursor = max(0, min(v.cursor, len(q.Lines)-1))
			}
		}
		return nil
	case formSubmitMsg:
		if v.form != nil {
			return v.submit()
		}
		return nil
	case formCancelMsg:
		v.form = nil
		return nil
	case tea.KeyMsg:
		if v.form != nil {
			return v.updateForm(msg)
		}
		return v.updateKeys(msg)
	}
	if v.form != nil {
		return v.updateForm(msg)
	}
	return nil
}

func (v *quoteView) updateForm(msg tea.Msg) tea.Cmd {
	m, cmd := v.form.Update(msg)
	if f, ok := m.(*huh.Form); ok {
		v.form = f
	}
	return cmd
}

func (v *quoteView) updateKeys(msg tea.KeyMsg) tea.Cmd {
	if v.q == nil {
		return nil
	}
	k := v.keys
	switch {
	case key.Matches(msg, k.Down):
		v.cursor = min(v.cursor+1, len(v.q.Lines)-1)
	case key.Matches(msg, k.Up):
		v.cursor = max(v.cursor-1, 0)
	case key.Matches(msg, k.Add):
		return v.openLineForm(-1)
	case key.Matches(msg, k.Edit):
		if len(v.q.Lines) > 0 {
			return v.openLineForm(v.cursor)
		}
	case key.Matches(msg, k.Delete):
		if len(v.q.Lines) > 0 {
			q := *v.q
			q.Lines = slices.Delete(slices.Clone(q.Lines), v.cursor, v.cursor+1)
			return v.save(q, "deleted line")
		}
	case key.Matches(msg, k.Status):
		return v.openStatusForm()
	}
	return nil
}

func (v *quoteView) newForm(fields ...huh.Field) tea.Cmd {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("esc", "ctrl+c"), key.WithHelp("esc", "cancel"))
	v.form = huh.NewForm(huh.NewGroup(fields...)).WithKeyMap(km).WithTheme(huh.ThemeBase()).WithShowHelp(false)
	v.form.SubmitCmd = send(formSubmitMsg{})
	v.form.CancelCmd = send(formCancelMsg{})
	v.SetSize(v.width, v.height)
	return v.form.Init()
}

func (v *quoteView) openLineForm(i int) tea.Cmd {
	v.editing = i
	l := model.QuoteLine{Quantity: 1000}
	if i >= 0 {
		l = v.q.Lines[i]
	}
	price := ""
	if i >= 0 {
		price = model.FormatAmount(l.UnitPrice, v.q.Currency)
	}
	v.vals = map[string]*string{
		"sku": ptr(l.SKU), "desc": ptr(l.Description), "qty": ptr(model.TrimDecimal(model.FormatDecimal(l.Quantity, 3))),
		"price": ptr(price), "discount": ptr(model.TrimDecimal(model.FormatDecimal(l.DiscountBP, 2))),
		"tax": ptr(model.TrimDecimal(model.FormatDecimal(l.TaxBP, 2))),
	}
	cur := v.q.Currency
	num := func(field string, digits int) func(string) error {
		return func(s string) error {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			n, err := model.ParseDecimal(field, s, digits)
			if err != nil {
				return errText(err)
			}
			if n < 0 {
				return errors.New("cannot be negative")
			}
			return nil
		}
	}
	return v.newForm(
		huh.NewInput().Title("Product SKU").Placeholder("empty for a free-text line").Value(v.vals["sku"]),
		huh.NewInput().Title("Description").Placeholder("the product's name when empty").Value(v.vals["desc"]).CharLimit(500),
		huh.NewInput().Title("Quantity").Value(v.vals["qty"]).Validate(func(s string) error {
			if strings.TrimSpace(s) == "" {
				return errors.New("required")
			}
			n, err := model.ParseDecimal("quantity", s, 3)
			if err != nil {
				return errText(err)
			}
			if n <= 0 {
				return errors.New("must be more than 0")
			}
			return nil
		}),
		huh.NewInput().Title("Unit price ("+cur+")").Placeholder("the product's price when empty").Value(v.vals["price"]).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				n, err := model.ParseAmount(s, cur)
				if err != nil {
					return errText(err)
				}
				if n < 0 {
					return errors.New("cannot be negative")
				}
				return nil
			}),
		huh.NewInput().Title("Discount %").Value(v.vals["discount"]).Validate(num("discount", 2)),
		huh.NewInput().Title("Tax %").Value(v.vals["tax"]).Validate(num("tax", 2)),
	)
}

func (v *quoteView) openStatusForm() tea.Cmd {
	v.editing = -2
	v.vals = map[string]*string{"status": ptr(v.q.Status), "valid_until": ptr(v.q.ValidUntil)}
	var opts []huh.Option[string]
	for _, s := range model.QuoteStatuses {
		opts = append(opts, huh.NewOption(s, s))
	}
	now := v.sh.now()
	return v.newForm(
		huh.NewSelect[string]().Title("Status").Options(opts...).Value(v.vals["status"]),
		huh.NewInput().Title("Valid until").Placeholder("2027-03-31, +30d").Value(v.vals["valid_until"]).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return nil
				}
				_, err := model.ParseDate("valid_until", s, now)
				return errText(err)
			}),
	)
}

// submit applies the completed form to a copy of the quote and saves it.
func (v *quoteView) submit() tea.Cmd {
	vals := v.vals
	v.form = nil
	q := *v.q
	q.Lines = slices.Clone(q.Lines)
	get := func(k string) string { return strings.TrimSpace(*vals[k]) }
	if v.editing == -2 {
		q.Status = get("status")
		q.ValidUntil = ""
		if s := get("valid_until"); s != "" {
			q.ValidUntil, _ = model.ParseDate("valid_until", s, v.sh.now())
		}
		return v.save(q, "saved quote")
	}
	l := model.QuoteLine{SKU: get("sku"), Description: get("desc"), UnitPrice: -1}
	l.Quantity, _ = model.ParseDecimal("quantity", get("qty"), 3)
	if p := get("price"); p != "" {
		l.UnitPrice, _ = model.ParseAmount(p, q.Currency)
	}
	if d := get("discount"); d != "" {
		l.DiscountBP, _ = model.ParseDecimal("discount", d, 2)
	}
	if t := get("tax"); t != "" {
		l.TaxBP, _ = model.ParseDecimal("tax", t, 2)
	}
	if v.editing >= 0 {
		old := q.Lines[v.editing]
		if l.SKU == old.SKU {
			l.ProductID = old.ProductID
		}
		q.Lines[v.editing] = l
		return v.save(q, "saved line")
	}
	q.Lines = append(q.Lines, l)
	v.cursor = len(q.Lines) - 1
	return v.save(q, "added line")
}

func (v *quoteView) save(q model.Quote, verb string) tea.Cmd {
	st, ctx := v.sh.deps.Store, v.sh.writeCtx
	return func() tea.Msg {
		out, err := st.Quotes.Update(ctx, q)
		if err != nil {
			return errMsg{err}
		}
		return savedMsg{kind: "quote", id: out.ID, verb: verb, name: "on " + out.Number + " (u undoes)"}
	}
}

func (v *quoteView) View() string {
	st := v.sh.st
	if v.err != nil && v.q == nil {
		return st.Error.Render(cut(v.err.Error(), v.width))
	}
	if v.q == nil {
		return ""
	}
	q := v.q
	loc := v.sh.locale()
	money := func(m int64) string { return model.FormatMoney(model.Money{Amount: m, Currency: q.Currency}, loc) }
	head := fmt.Sprintf("%s · %s · %s", q.Number, q.Status, model.Printable(q.DealTitle))
	if q.AccountName != "" {
		head += " · " + model.Printable(q.AccountName)
	}
	lines := []string{st.Title.Render(cut(head, v.width))}
	valid := "no valid-until date"
	if q.ValidUntil != "" {
		valid = "valid until " + q.ValidUntil
	}
	lines = append(lines, st.Muted.Render(cut(valid+" · "+q.Currency, v.width)))
	if v.form != nil {
		return lipgloss.NewStyle().MaxWidth(v.width).MaxHeight(v.height).Render(strings.Join(lines, "\n") + "\n\n" + v.form.View())
	}
	specs := []colSpec{
		{title: "#", min: 2, right: true},
		{title: "Description", min: 14, weight: 4},
		{title: "SKU", min: 6, weight: 1, drop: 4},
		{title: "Qty", min: 5, right: true},
		{title: "Unit price", min: 11, right: true, drop: 3},
		{title: "Disc %", min: 6, right: true, drop: 2},
		{title: "Tax %", min: 5, right: true, drop: 1},
		{title: "Net", min: 12, right: true},
	}
	_, widths := layoutColumns(v.width, specs)
	row := func(cells []string, marker string) string {
		parts := []string{marker}
		fitted := fitCells(specs, widths, cells)
		k := 0
		for j, w := range widths {
			if w == 0 {
				continue
			}
			c := fitted[k]
			k++
			if !specs[j].right {
				c += strings.Repeat(" ", max(0, w-lipgloss.Width(c)))
			}
			parts = append(parts, c)
		}
		return strings.Join(parts, " ")
	}
	var titles []string
	for _, s := range specs {
		titles = append(titles, s.title)
	}
	lines = append(lines, "", st.TableHeader.Render(cut(row(titles, " "), v.width)))
	if len(q.Lines) == 0 {
		lines = append(lines, st.Faint.Render("  no lines yet: a adds one"))
	}
	for i, l := range q.Lines {
		a := l.Amounts()
		marker := " "
		if i == v.cursor {
			marker = "▌"
		}
		cells := []string{fmt.Sprint(l.Position), model.Printable(l.Description), model.Printable(l.SKU),
			model.TrimDecimal(model.FormatDecimal(l.Quantity, 3)), money(l.UnitPrice),
			model.TrimDecimal(model.FormatDecimal(l.DiscountBP, 2)), model.TrimDecimal(model.FormatDecimal(l.TaxBP, 2)), money(a.Net)}
		r := cut(row(cells, marker), v.width)
		if i == v.cursor {
			r = st.Selected.Render(r)
		}
		lines = append(lines, r)
	}
	t := q.Totals()
	total := func(label string, m int64) string {
		s := label + "  " + money(m)
		return lipgloss.PlaceHorizontal(v.width, lipgloss.Right, s)
	}
	lines = append(lines, "", total("Subtotal", t.Net))
	if t.Discount != 0 {
		lines = append(lines, st.Muted.Render(total("incl. discounts", -t.Discount)))
	}
	for _, tl := range t.Taxes {
		if tl.RateBP != 0 {
			lines = append(lines, total(fmt.Sprintf("Tax %s%%", model.TrimDecimal(model.FormatDecimal(tl.RateBP, 2))), tl.Tax))
		}
	}
	lines = append(lines, st.Title.Render(total("Total", t.Total)))
	return lipgloss.NewStyle().MaxWidth(v.width).MaxHeight(v.height).Render(strings.Join(lines, "\n"))
}
