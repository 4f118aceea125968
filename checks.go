package cookielint

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// The stable check IDs, carried as Diagnostic.Category (the rules
// package's).
const (
	catUndeclared = rules.Undeclared
	catSecure     = rules.Secure
	catHttpOnly   = rules.HttpOnly
	catSameSite   = rules.SameSite
	catPrefix     = rules.Prefix
	catName       = rules.Name
	catLifetime   = rules.Lifetime
	catHeader     = rules.Header
	catPolicy     = rules.Policy
	catUnmodeled  = rules.Unmodeled
	catConsent    = rules.Consent
)

// check applies every rule to one cookie-setting site: the rules package
// decides what is wrong; here each violation becomes a diagnostic, with
// a hint and a fix in the terms of the code that set the cookie.
func (c *checker) check(s *site) {
	k := &s.cookie
	if n := &k.attrs[attrName]; n.k == absent { // the zero value: an empty name
		n.k = konst
	}
	defer c.record(s) // with what the checks found of consent
	if k.unknown() && !c.cfg.Strict {
		return // nothing known, nothing to report
	}
	if k.optionsParam > 0 {
		// The caller's options decide the attributes: only the name is
		// checked here, the rest at each call.
		k = k.clone()
		for a := attrSecure; a < numAttrs; a++ {
			k.attrs[a] = value{k: dynamic, pos: k.attrs[a].pos, param: k.optionsParam}
		}
		orig, cp := s, *s
		cp.cookie = *k
		s = &cp
		defer func() { orig.reported, orig.consentDuty = s.reported, s.consentDuty }()
	}
	if !c.loadPolicy() {
		return
	}
	consentOnly := s.helper != nil && s.helper.ConsentOnly
	for _, v := range rules.Check(c.policy, c.rulesCookie(s), rules.Options{Strict: c.cfg.Strict}) {
		if consentOnly && !(v.Check == rules.Name || v.Check == rules.Undeclared || v.Check == rules.Consent || v.Check == rules.Policy && v.Attr == rules.AttrName) {
			continue // checked in the helper but for consent, which is the caller's
		}
		if v.Check == rules.Consent && !v.Runtime && s.library == nil && !c.isEntryPoint(s.fn) {
			s.consentDuty = true // its callers must check consent
			continue
		}
		c.reportViolation(s, v)
	}
}

// rulesCookie is what the rules need to know of a site's cookie.
func (c *checker) rulesCookie(s *site) *rules.Cookie {
	k := &s.cookie
	conv := func(a attr) rules.Value {
		v := k.attrs[a]
		var rv rules.Value
		switch v.k {
		case konst:
			rv = rules.Value{State: rules.Known, Bool: v.b, Int: v.i, Str: v.s}
			if (a == attrSecure || a == attrHttpOnly) && !v.b && !s.header {
				rv.Written = c.without(s, a, v)
			}
		case dynamic:
			rv.State = rules.Runtime
		}
		_, rv.Literal = v.expr.(*ast.BasicLit)
		return rv
	}
	rc := &rules.Cookie{
		Name: conv(attrName), Value: conv(attrValue), Secure: conv(attrSecure), HttpOnly: conv(attrHttpOnly),
		SameSite: conv(attrSameSite), Path: conv(attrPath), Domain: conv(attrDomain), MaxAge: conv(attrMaxAge),
		Expires: conv(attrExpires), Partitioned: conv(attrPartitioned), Header: s.header,
	}
	if s.clearing() {
		rc.Value = rules.Str("") // never given a value: the zero value, a clearing
	}
	if k.readByScripts && s.library != nil {
		rc.ReadByScripts = s.library.via
	}
	rc.Consent = rules.ConsentState{Given: map[string]rules.Given{}, By: map[string]string{}, Where: "on a path where no declared check confirmed it"}
	if s.library != nil {
		rc.Consent.Where = "by the library's middleware, which runs before any handler can ask"
	} else {
		for i, cat := range consentCategories {
			switch s.guard.kind[i] {
			case checked:
				rc.Consent.Given[cat] = rules.GivenChecked
			case runtimeGuard:
				rc.Consent.Given[cat] = rules.GivenByRuntime
			}
			rc.Consent.By[cat] = s.guard.by[i]
		}
	}
	return rc
}

// ruleAttrs maps the rules' attributes to the analysis's.
var ruleAttrs = map[rules.Attr]attr{
	rules.AttrName: attrName, rules.AttrValue: attrValue, rules.AttrSecure: attrSecure, rules.AttrHttpOnly: attrHttpOnly,
	rules.AttrSameSite: attrSameSite, rules.AttrPath: attrPath, rules.AttrDomain: attrDomain, rules.AttrMaxAge: attrMaxAge,
	rules.AttrExpires: attrExpires, rules.AttrPartitioned: attrPartitioned,
}

// reportViolation reports a violation at its site: the message with a
// hint in the code's terms, the expression a run-time value came from,
// and a fix where one is unambiguous.
func (c *checker) reportViolation(s *site, v rules.Violation) {
	a := ruleAttrs[v.Attr]
	val := s.cookie.attrs[a]
	if v.Runtime && val.k != dynamic {
		val = value{k: dynamic, pos: val.pos, expr: val.expr, param: val.param, viaArg: val.viaArg}
	}
	msg := v.Text(func(f *rules.Fix) string { return c.fixHint(s, ruleAttrs[f.Attr], c.goValue(s, f)) })
	if v.Runtime {
		msg += exprNote(val)
	}
	var fw *fixWant
	if f := v.Fix; f != nil {
		fw = &fixWant{a: ruleAttrs[f.Attr], level: f.Level, remove: f.Remove}
		switch {
		case f.Attr == rules.AttrPath:
			fw.val = f.Str
		case f.Attr != rules.AttrSameSite && !f.Remove:
			fw.val = "true"
		}
	}
	c.reportSite(s, v.Check, val, fw, "%s", msg)
}

// goValue writes what a fix sets as Go source would: true, "/", or a
// SameSite constant of the cookie's type.
func (c *checker) goValue(s *site, f *rules.Fix) string {
	switch f.Attr {
	case rules.AttrPath:
		return fmt.Sprintf("%q", f.Str)
	case rules.AttrSameSite:
		return c.sameSiteSpelling(s, f.Level)
	}
	return "true"
}

// without describes a missing or false boolean attribute.
func (c *checker) without(s *site, a attr, v value) string {
	if v.k != konst || s.header {
		return "without " + a.String()
	}
	m := s.cookie.model
	switch {
	case s.argNames[a] != "":
		return fmt.Sprintf("with %s false", s.argNames[a])
	case m.setterFor(a) != "":
		return fmt.Sprintf("with %s(false)", m.setterFor(a))
	}
	return fmt.Sprintf("with %s: false", m.fieldFor(a))
}

// fixHint says how to set an attribute on this kind of cookie.
func (c *checker) fixHint(s *site, a attr, goValue string) string {
	m := s.cookie.model
	switch {
	case s.cookie.attrs[a].option != "":
		return fmt.Sprintf("pass %s to %s", goValue, s.cookie.attrs[a].option)
	case s.library != nil && s.library.hint != "":
		field, val := a.String(), goValue
		if hm := s.library.hintModel; hm != nil || s.library.config != nil {
			if hm == nil {
				hm = s.library.config
			}
			if f, ok := fieldNamed(hm.fields, a); ok {
				field = f
			} else if f, ok := fieldNamed(hm.inverted, a); ok {
				field, val = f, map[string]string{"true": "false", "false": "true"}[goValue]
			}
		}
		return fmt.Sprintf(s.library.hint, field, val)
	case s.argNames[a] != "":
		return fmt.Sprintf("pass %s as the %s argument", goValue, s.argNames[a])
	case s.sink != nil && slices.Contains(s.sink.fromCtx, a):
		return fmt.Sprintf("call Set%s(%s) before setting the cookie", a, goValue)
	case m.setterFor(a) != "":
		return fmt.Sprintf("call %s(%s)", m.setterFor(a), goValue)
	case len(m.subs) > 0:
		for sub, sm := range m.subs {
			return fmt.Sprintf("set %s.%s = %s", sub, sm.fieldFor(a), goValue)
		}
	}
	if a == attrDomain {
		return "" // the message says it: remove the Domain
	}
	if s.header {
		f := &rules.Fix{Attr: rules.Attr(a.String()), Bool: true, Str: strings.Trim(goValue, `"`)}
		if a == attrSameSite {
			for l := policy.SameSiteNone; l <= policy.SameSiteStrict; l++ {
				if l.String() == goValue {
					f.Level = l
				}
			}
		}
		if h := rules.HeaderHint(f); h != "" {
			return h
		}
	}
	return fmt.Sprintf("set %s: %s", s.cookie.model.fieldFor(a), goValue)
}

// fieldNamed finds the field of a model's map that carries a.
func fieldNamed(fields map[string]attr, a attr) (string, bool) {
	for f, x := range fields {
		if x == a {
			return f, true
		}
	}
	return "", false
}

func (c *checker) sameSiteSpelling(s *site, lvl policy.SameSite) string {
	if s.header {
		return lvl.String()
	}
	if s.library != nil {
		if sp, ok := s.library.spelling[lvl]; ok {
			return sp
		}
	}
	if sp, ok := s.cookie.model.sameSiteSpelling[lvl]; ok {
		return sp
	}
	return lvl.String()
}

func (c *checker) policyName() string {
	if c.policy == nil {
		return ""
	}
	return baseName(c.policy.File)
}

// exprNote names the expression a run-time value comes from.
func exprNote(v value) string {
	if v.expr == nil {
		return ""
	}
	return " (" + rules.Shorten(types.ExprString(v.expr)) + ")"
}
