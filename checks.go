package cookielint

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"time"

	"github.com/cookielint/cookielint/policy"
)

// The stable check IDs, carried as Diagnostic.Category.
const (
	catUndeclared = "undeclared"
	catSecure     = "secure"
	catHttpOnly   = "httponly"
	catSameSite   = "samesite"
	catPrefix     = "prefix"
	catName       = "name"
	catLifetime   = "lifetime"
	catHeader     = "header"
	catPolicy     = "policy"
	catUnmodeled  = "unmodeled"
	catConsent    = "consent"
)

// browserCap is the longest lifetime browsers keep a cookie (RFC 6265bis).
const browserCap = 400 * 24 * time.Hour

// check applies every rule to one cookie-setting site.
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
		defer func() { orig.reported, orig.consentDuty, orig.consentBy = s.reported, s.consentDuty, s.consentBy }()
	}
	if !c.loadPolicy() {
		return
	}
	name := k.attrs[attrName]
	del := k.isDeletion()
	who := c.who(s)

	if name.k == konst && !policy.IsToken(name.s) {
		c.reportSite(s, catName, name, nil, "cookie %s has a name that is not a valid token, so net/http drops it without a word; use letters, digits and !#$%%&'*+-.^_`|~ only", quoteName(name.s))
		return
	}

	var entry *policy.Entry
	var req policy.Requirements
	switch {
	case name.k == konst:
		entry = c.policy.Match(name.s)
		req = c.policy.Requirements(entry)
	default:
		req = c.policy.Weakest()
	}

	// undeclared
	if c.policy != nil && !del {
		switch {
		case name.k == konst && entry == nil:
			c.reportSite(s, catUndeclared, name, nil, "%s is not declared in the cookie policy %s; declare it there (provider, purpose, category) or stop setting it", who, c.policyName())
		case name.k == dynamic && c.cfg.Strict:
			c.reportSite(s, catUndeclared, name, nil, "cannot verify that %s is declared in the cookie policy: its name is decided at run time%s", who, exprNote(name))
		}
	}

	if entry != nil && name.k == konst && !del {
		c.checkConsent(s, entry, who)
		c.checkThirdParty(s, entry, who)
	}
	if s.helper != nil && s.helper.ConsentOnly {
		return // checked in the helper but for consent, which is the caller's
	}

	secure := k.attrs[attrSecure]
	if !del {
		c.requireTrue(s, catSecure, attrSecure, req.Secure, who, "it is also sent over plain HTTP, where anyone on the network can read it")
		if p := k.attrs[attrPartitioned]; p.isTrue() && !req.Secure {
			switch {
			case secure.isFalse():
				c.reportSite(s, catSecure, secure, &fixWant{a: attrSecure, val: "true"}, "%s is Partitioned but not Secure, so browsers reject it; %s", who, c.fixHint(s, attrSecure, "true"))
			case secure.k == dynamic && c.cfg.Strict:
				c.reportSite(s, catSecure, secure, nil, "cannot verify that %s is Secure, which Partitioned requires: Secure is decided at run time%s", who, exprNote(secure))
			}
		}
		c.requireTrue(s, catHttpOnly, attrHttpOnly, req.HttpOnly, who, "scripts can read it, so a cross-site scripting bug can steal it")
		c.sameSite(s, req, who)
		c.lifetime(s, req, who)
	}
	if name.k == konst {
		c.prefix(s, name.s, who)
	}
	if entry != nil {
		c.declaredScope(s, entry, req, who)
	}
}

// requireTrue reports a boolean attribute that is absent or false where it
// is required.
func (c *checker) requireTrue(s *site, cat string, a attr, required bool, who, why string) {
	if !required {
		return
	}
	v := s.cookie.attrs[a]
	switch {
	case v.isFalse() && a == attrHttpOnly && s.cookie.readByScripts:
		c.reportSite(s, cat, v, nil, "%s is set without HttpOnly: scripts must read it (%s sets it for scripts to send back), so if the policy is right to require HttpOnly the library cannot meet it; declare httpOnly: false in its policy entry", who, s.library.via)
	case v.isFalse():
		c.reportSite(s, cat, v, &fixWant{a: a, val: "true"}, "%s is set %s: %s; %s", who, c.without(s, a, v), why, c.fixHint(s, a, "true"))
	case v.k == dynamic && c.cfg.Strict:
		c.reportSite(s, cat, v, nil, "cannot verify that %s is %s: it is decided at run time%s", who, a, exprNote(v))
	}
}

func (c *checker) sameSite(s *site, req policy.Requirements, who string) {
	k := &s.cookie
	ss, secure := k.attrs[attrSameSite], k.attrs[attrSecure]
	if ss.k == konst && policy.SameSite(ss.i) == policy.SameSiteNone {
		switch {
		case secure.isFalse():
			c.reportSite(s, catSameSite, secure, &fixWant{a: attrSecure, val: "true"}, "%s is SameSite=None without Secure, so browsers reject it; %s", who, c.fixHint(s, attrSecure, "true"))
			return
		case secure.k == dynamic && c.cfg.Strict:
			c.reportSite(s, catSameSite, ss, nil, "cannot verify that %s is Secure, which SameSite=None requires: Secure is decided at run time%s", who, exprNote(secure))
			return
		}
	}
	if req.SameSite == policy.SameSiteUnset {
		return
	}
	switch {
	case ss.k == dynamic:
		if c.cfg.Strict {
			c.reportSite(s, catSameSite, ss, nil, "cannot verify that %s is at least SameSite=%s: it is decided at run time%s", who, req.SameSite, exprNote(ss))
		}
	case policy.SameSite(ss.i) < req.SameSite: // absent has i == 0, weaker than any level
		got := "without SameSite"
		if ss.k == konst && ss.i != 0 {
			got = "with SameSite=" + policy.SameSite(ss.i).String()
		}
		c.reportSite(s, catSameSite, ss, &fixWant{a: attrSameSite, level: req.SameSite}, "%s is set %s, but the policy requires at least SameSite=%s against cross-site requests; %s", who, got, req.SameSite, c.fixHint(s, attrSameSite, c.sameSiteSpelling(s, req.SameSite)))
	}
}

func (c *checker) prefix(s *site, name, who string) {
	k := &s.cookie
	lower := strings.ToLower(name)
	host := strings.HasPrefix(lower, "__host-")
	if !host && !strings.HasPrefix(lower, "__secure-") {
		return
	}
	pfx := name[:strings.IndexByte(name[2:], '-')+3]
	secure := k.attrs[attrSecure]
	switch {
	case secure.isFalse():
		c.reportSite(s, catPrefix, secure, &fixWant{a: attrSecure, val: "true"}, "%s has the %s prefix but is set %s, so browsers reject it; %s", who, pfx, c.without(s, attrSecure, secure), c.fixHint(s, attrSecure, "true"))
	case secure.k == dynamic && c.cfg.Strict:
		c.reportSite(s, catPrefix, secure, nil, "cannot verify that %s is Secure, which its %s prefix requires: it is decided at run time%s", who, pfx, exprNote(secure))
	}
	if !host {
		return
	}
	dom, path := k.attrs[attrDomain], k.attrs[attrPath]
	switch {
	case dom.k == konst && dom.s != "":
		c.reportSite(s, catPrefix, dom, &fixWant{a: attrDomain, remove: true}, "%s has the %s prefix but sets Domain %q, so browsers reject it; remove the Domain", who, pfx, dom.s)
	case dom.k == dynamic && c.cfg.Strict:
		c.reportSite(s, catPrefix, dom, nil, "cannot verify that %s has no Domain, which its %s prefix requires: it is decided at run time%s", who, pfx, exprNote(dom))
	}
	switch {
	case path.k == dynamic:
		if c.cfg.Strict {
			c.reportSite(s, catPrefix, path, nil, "cannot verify that %s has Path=/, which its %s prefix requires: it is decided at run time%s", who, pfx, exprNote(path))
		}
	case path.s != "/":
		got := "has no Path"
		if path.k == konst && path.s != "" {
			got = fmt.Sprintf("sets Path %q", path.s)
		}
		c.reportSite(s, catPrefix, path, &fixWant{a: attrPath, val: "/"}, "%s has the %s prefix but %s, and browsers reject it without Path=/; %s", who, pfx, got, c.fixHint(s, attrPath, `"/"`))
	}
}

func (c *checker) lifetime(s *site, req policy.Requirements, who string) {
	k := &s.cookie
	ma, ex := k.attrs[attrMaxAge], k.attrs[attrExpires]
	var secs int64
	var from value
	switch {
	case ma.k == konst && ma.i > 0:
		secs, from = ma.i, ma // Max-Age wins over Expires in browsers
	case ma.k == dynamic:
		if c.cfg.Strict {
			c.reportSite(s, catLifetime, ma, nil, "cannot verify the lifetime of %s: MaxAge is decided at run time%s", who, exprNote(ma))
		}
		return
	case ex.k == konst && ex.i > 0:
		secs, from = ex.i, ex
	case ex.k == dynamic:
		if c.cfg.Strict && (req.MaxAge != nil) {
			c.reportSite(s, catLifetime, ex, nil, "cannot verify the lifetime of %s: Expires is decided at run time%s", who, exprNote(ex))
		}
		return
	default:
		return // a session cookie
	}
	life := time.Duration(secs) * time.Second
	if req.MaxAge != nil && req.MaxAge.Session {
		c.reportSite(s, catLifetime, from, nil, "%s persists for %s, but the policy declares it a session cookie; remove its %s", who, human(life), from.attrLabel(s))
		return
	}
	limit, why := browserCap, "browsers keep a cookie at most 400 days"
	if req.MaxAge != nil && req.MaxAge.Duration < browserCap {
		limit, why = req.MaxAge.Duration, "the policy allows at most "+human(req.MaxAge.Duration)
	}
	if life > limit {
		c.reportSite(s, catLifetime, from, nil, "%s lives %s, but %s; shorten its %s", who, human(life), why, from.attrLabel(s))
	}
}

// declaredScope reports a constant Path or Domain other than the entry
// declares: deletions included, since a deletion with another scope
// deletes nothing.
func (c *checker) declaredScope(s *site, e *policy.Entry, req policy.Requirements, who string) {
	k := &s.cookie
	if p := k.attrs[attrPath]; req.Path != nil && p.k == konst && p.s != *req.Path {
		c.reportSite(s, catPolicy, p, nil, "%s is set with Path %q, but the policy declares Path %q (line %d); a cookie with another Path is another cookie, and deleting it leaves the declared one in place", who, p.s, *req.Path, e.Pos.Line)
	}
	norm := func(d string) string { return strings.TrimPrefix(strings.ToLower(d), ".") }
	if d := k.attrs[attrDomain]; req.Domain != nil && d.k == konst && norm(d.s) != norm(*req.Domain) {
		c.reportSite(s, catPolicy, d, nil, "%s is set with Domain %q, but the policy declares Domain %q (line %d); a cookie with another Domain is another cookie, and deleting it leaves the declared one in place", who, d.s, *req.Domain, e.Pos.Line)
	}
}

// who names the cookie of a site for messages.
func (c *checker) who(s *site) string {
	if n := s.cookie.attrs[attrName]; n.k == konst {
		return "cookie " + quoteName(n.s)
	}
	return "a cookie whose name is decided at run time"
}

// quoteName quotes a cookie name for a message, shortening a long one.
func quoteName(n string) string {
	if len(n) > 64 {
		return fmt.Sprintf("%q...", n[:61])
	}
	return fmt.Sprintf("%q", n)
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
	if s.header {
		switch a {
		case attrSecure, attrHttpOnly:
			return fmt.Sprintf("add \"; %s\" to the Set-Cookie value", a)
		case attrPath:
			return "add \"; Path=/\" to the Set-Cookie value"
		case attrSameSite:
			return fmt.Sprintf("add \"; SameSite=%s\" to the Set-Cookie value", goValue)
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
	return " (" + shorten(types.ExprString(v.expr)) + ")"
}

// attrLabel names the attribute a lifetime came from.
func (v value) attrLabel(s *site) string {
	if v.expr != nil {
		if _, ok := v.expr.(*ast.BasicLit); ok || s.header {
			return "Max-Age or Expires"
		}
	}
	return "MaxAge or Expires"
}

// human writes a lifetime in words: days, hours, minutes or seconds.
func human(d time.Duration) string {
	unit := func(n int64, one string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %ss", n, one)
	}
	switch {
	case d >= 24*time.Hour:
		return unit(int64((d+12*time.Hour)/(24*time.Hour)), "day")
	case d >= time.Hour:
		return unit(int64((d+30*time.Minute)/time.Hour), "hour")
	case d >= time.Minute:
		return unit(int64(d/time.Minute), "minute")
	}
	return unit(int64(d/time.Second), "second")
}
