package policy

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// This file reads the consent: section: the functions that answer "has
// the visitor agreed?", and the categories whose cookies may be set only
// after a true answer (ePrivacy art. 5(3): every cookie that is not
// strictly necessary), and the cookie in which the site keeps the
// visitor's choice (for a scan's agreeing visitor). A policy without the
// section asks for no consent check at all.

// Consent is a policy's consent: section.
type Consent struct {
	Checks []*ConsentCheck
	// Required are the categories that need consent; by default every
	// category but necessary.
	Required []string
	// Record is how the site keeps a visitor's choice, if declared: what
	// the browser scan's agreeing visitor brings to the first page.
	Record *Record
	Pos    Position
}

// Record declares the cookie in which the site keeps the visitor's
// consent (what its banner writes when the visitor chooses), so that a
// scan can play a visitor who agreed to some categories.
type Record struct {
	Cookie string
	// Value is a template: {categories} is the agreed categories joined
	// by Separator, {CATEGORY} (such as {statistics}) is true or false;
	// other text, braces included, is written as is.
	Value     string
	Separator string // default ","
	Path      string // default "/"
	Pos       Position
}

// Render writes the record's value for a visitor who agreed to the
// categories (and to nothing else: necessary included only if listed),
// listed in publishing order.
func (r *Record) Render(agreed []string) string {
	var list []string
	for _, c := range categories {
		if slices.Contains(agreed, c) {
			list = append(list, c)
		}
	}
	return expand(r.Value, func(key string) (string, bool) {
		switch {
		case key == "categories":
			return strings.Join(list, r.Separator), true
		case slices.Contains(categories, key):
			return strconv.FormatBool(slices.Contains(list, key)), true
		}
		return "", false
	})
}

// expand replaces each placeholder of a template, a word of letters in
// braces, by what value says, and keeps the placeholders value does not
// know and every other brace as they are.
func expand(template string, value func(key string) (string, bool)) string {
	var b strings.Builder
	for rest := template; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			b.WriteString(rest)
			return b.String()
		}
		j := i + 1
		for j < len(rest) && ('a' <= rest[j] && rest[j] <= 'z' || 'A' <= rest[j] && rest[j] <= 'Z') {
			j++
		}
		b.WriteString(rest[:i])
		if j > i+1 && j < len(rest) && rest[j] == '}' {
			if v, ok := value(rest[i+1 : j]); ok {
				b.WriteString(v)
			} else {
				b.WriteString(rest[i : j+1])
			}
			rest = rest[j+1:]
			continue
		}
		b.WriteByte('{')
		rest = rest[i+1:]
	}
}

// ConsentCheck is a function or method whose true result says the visitor
// agreed: to the category its CategoryArg names, or (CategoryArg < 0) to
// every category.
type ConsentCheck struct {
	Func        FuncRef
	CategoryArg int
	Pos         Position
}

// Categories are the categories an entry may have, in publishing order.
func Categories() []string { return slices.Clone(categories) }

var (
	consentFields = []string{"checks", "required", "record"}
	checkFields   = []string{"func", "category"}
	recordFields  = []string{"cookie", "value", "separator", "path"}
)

// ConsentFields lists the keys the consent decoder accepts, for the JSON
// Schema test: in the section, in a check, in the record.
func ConsentFields() (section, check, record []string) {
	return slices.Clone(consentFields), slices.Clone(checkFields), slices.Clone(recordFields)
}

func (d *decoder) consent(n ast.Node) *Consent {
	c := &Consent{Pos: d.position(n)}
	fields, ok := d.mapping(n, "consent", consentFields)
	if !ok {
		return c
	}
	hasRequired := false
	for _, f := range fields {
		switch f.key {
		case "checks":
			for _, item := range d.list(f.value, "consent: checks") {
				if ch := d.consentCheck(item); ch != nil {
					c.Checks = append(c.Checks, ch)
				}
			}
		case "required":
			hasRequired = true
			c.Required = []string{}
			for _, item := range d.list(f.value, "consent: required") {
				s, ok := d.str(item, "consent: required")
				if !ok {
					continue
				}
				if !slices.Contains(categories, s) {
					d.errorf(item, "consent: required: unknown category %q: use some of %s", s, strings.Join(categories, ", "))
					continue
				}
				if slices.Contains(c.Required, s) {
					d.errorf(item, "consent: required: %q is listed twice", s)
					continue
				}
				c.Required = append(c.Required, s)
			}
		case "record":
			c.Record = d.record(f.value)
		}
	}
	if !hasRequired {
		c.Required = []string{"preferences", "statistics", "marketing"}
	}
	return c
}

func (d *decoder) consentCheck(n ast.Node) *ConsentCheck {
	fields, ok := d.mapping(n, "consent: check", checkFields)
	if !ok {
		return nil
	}
	ch := &ConsentCheck{CategoryArg: -1, Pos: d.position(n)}
	hasFunc := false
	before := len(d.errs)
	for _, f := range fields {
		switch f.key {
		case "func":
			hasFunc = true
			ch.Func, _ = d.funcRef(f.value, "consent: check")
		case "category":
			iv, ok := unwrap(f.value).(*ast.IntegerNode)
			i, err := -1, error(nil)
			if ok {
				i, err = strconv.Atoi(fmt.Sprint(iv.Value))
			}
			if !ok || err != nil || i < 0 || i > 255 {
				d.errorf(f.value, "consent: check: category must be the index of the argument that names the category (0 for the first), not %s", strings.TrimSpace(fmt.Sprint(f.value)))
				continue
			}
			ch.CategoryArg = i
		}
	}
	if !hasFunc {
		d.errorf(n, "consent: a check needs \"func: package/path.Func\" or \"func: (*package/path.Type).Method\"")
	}
	if len(d.errs) > before {
		return nil
	}
	return ch
}

func (d *decoder) record(n ast.Node) *Record {
	fields, ok := d.mapping(n, "consent: record", recordFields)
	if !ok {
		return nil
	}
	r := &Record{Separator: ",", Path: "/", Pos: d.position(n)}
	before := len(d.errs)
	var value ast.Node
	for _, f := range fields {
		s, ok := d.str(f.value, "consent: record: "+f.key)
		if !ok {
			continue
		}
		switch f.key {
		case "cookie":
			if !IsToken(s) {
				d.errorf(f.value, "consent: record: cookie %q is not a valid cookie name", s)
			}
			r.Cookie = s
		case "value":
			r.Value, value = s, f.value
		case "separator":
			r.Separator = s
		case "path":
			if !strings.HasPrefix(s, "/") {
				d.errorf(f.value, "consent: record: path must start with /, not %q", s)
			}
			r.Path = s
		}
		if strings.ContainsAny(s, ";\x00\r\n") {
			d.errorf(f.value, "consent: record: %s must not contain a semicolon or a control character", f.key)
		}
	}
	if r.Cookie == "" || value == nil {
		d.errorf(n, "consent: record needs \"cookie: NAME\" and \"value: TEMPLATE\" (such as \"{categories}\")")
	}
	if value != nil {
		expand(r.Value, func(key string) (string, bool) {
			if key != "categories" && !slices.Contains(categories, key) {
				d.errorf(value, "consent: record: value: unknown placeholder {%s}: use {categories} or one of {%s}", key, strings.Join(categories, "}, {"))
			}
			return "", true
		})
	}
	if len(d.errs) > before {
		return nil
	}
	return r
}

// NeedsConsent reports whether a cookie matched to the entry may be set
// only after the visitor agreed: its consent: field if it says, else
// whether its category is required. Without a consent: section nothing
// needs it.
func (p *Policy) NeedsConsent(e *Entry) bool {
	if p == nil || p.Consent == nil || e == nil {
		return false
	}
	if e.Consent != nil {
		return *e.Consent
	}
	return slices.Contains(p.Consent.Required, e.Category)
}

// CategoryNeedsConsent reports whether the cookies of a category need
// consent, unless an entry says otherwise.
func (p *Policy) CategoryNeedsConsent(category string) bool {
	return p != nil && p.Consent != nil && slices.Contains(p.Consent.Required, category)
}

// Warnings are what is odd but not wrong in a policy: entries that need
// consent while no check is declared, a consent record no entry declares.
func (p *Policy) Warnings() []*Error {
	if p == nil || p.Consent == nil {
		return nil
	}
	var out []*Error
	if r := p.Consent.Record; r != nil && p.Match(r.Cookie) == nil {
		out = append(out, &Error{File: p.File, Line: r.Pos.Line, Column: r.Pos.Column,
			Msg: fmt.Sprintf("consent: record: the cookie %q that keeps the visitor's choice is not declared under cookies: (it is set too, and the published table should list it)", r.Cookie)})
	}
	if len(p.Consent.Checks) > 0 {
		return out
	}
	for _, e := range p.Cookies {
		if p.NeedsConsent(e) {
			out = append(out, &Error{File: p.File, Line: p.Consent.Pos.Line, Column: p.Consent.Pos.Column,
				Msg: fmt.Sprintf("consent: %s (line %d) needs consent, but no check is declared: every place it is set will be reported", e.Label(), e.Pos.Line)})
		}
	}
	return out
}
