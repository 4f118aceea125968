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
// strictly necessary). A policy without the section asks for no consent
// check at all.

// Consent is a policy's consent: section.
type Consent struct {
	Checks []*ConsentCheck
	// Required are the categories that need consent; by default every
	// category but necessary.
	Required []string
	Pos      Position
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
	consentFields = []string{"checks", "required"}
	checkFields   = []string{"func", "category"}
)

// ConsentFields lists the keys the consent decoder accepts, for the JSON
// Schema test: in the section, in a check.
func ConsentFields() (section, check []string) {
	return slices.Clone(consentFields), slices.Clone(checkFields)
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
// consent while no check is declared.
func (p *Policy) Warnings() []*Error {
	if p == nil || p.Consent == nil || len(p.Consent.Checks) > 0 {
		return nil
	}
	var out []*Error
	for _, e := range p.Cookies {
		if p.NeedsConsent(e) {
			out = append(out, &Error{File: p.File, Line: p.Consent.Pos.Line, Column: p.Consent.Pos.Column,
				Msg: fmt.Sprintf("consent: %s (line %d) needs consent, but no check is declared: every place it is set will be reported", e.Label(), e.Pos.Line)})
		}
	}
	return out
}
