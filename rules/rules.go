// Package rules decides what a cookie policy and the cookie standards
// require of a cookie, for the static analyzer and the run-time checks
// alike.
//
// A Cookie is what is known of one cookie where it is set: each attribute
// known, absent, or decided at run time (as the analyzer's value model has
// it); a cookie read from a Set-Cookie header is the all-known case.
// Check returns its Violations: the check's ID, the attribute to fix, the
// words of the message and what a fix sets. The analyzer turns them into
// diagnostics and suggested fixes; cookietest, cookiewatch and the scan
// command into failures and reports. So every rule is written once, and a
// message reads the same in both worlds.
package rules

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cookielint/cookielint/policy"
)

// The stable check IDs.
const (
	Undeclared = "undeclared"
	Secure     = "secure"
	HttpOnly   = "httponly"
	SameSite   = "samesite"
	Prefix     = "prefix"
	Name       = "name"
	Lifetime   = "lifetime"
	Header     = "header"
	Policy     = "policy"
	Consent    = "consent"
	Unmodeled  = "unmodeled"
)

// BrowserCap is the longest lifetime browsers keep a cookie (RFC 6265bis).
const BrowserCap = 400 * 24 * time.Hour

// State says how much is known of an attribute's value.
type State uint8

// States of a Value.
const (
	Absent  State = iota // not set: the zero value, or no such attribute in a header
	Known                // a constant
	Runtime              // decided at run time
)

// Value is what is known of one attribute.
type Value struct {
	State State
	Bool  bool
	// Int is a Max-Age in seconds, an Expires in seconds from now
	// (negative: in the past), or a SameSite level (policy.SameSite).
	Int int64
	Str string
	// Written is how the code wrote a known false Secure or HttpOnly
	// ("with Secure: false", "with secure false"); empty: "without
	// Secure".
	Written string
	// Literal: written as a literal (a Set-Cookie string's Max-Age),
	// which messages then name as browsers do.
	Literal bool
}

// Known values.
func Bool(b bool) Value             { return Value{State: Known, Bool: b} }
func Int(n int64) Value             { return Value{State: Known, Int: n} }
func Str(s string) Value            { return Value{State: Known, Str: s} }
func Level(l policy.SameSite) Value { return Value{State: Known, Int: int64(l)} }

func (v Value) isTrue() bool  { return v.State == Known && v.Bool }
func (v Value) isFalse() bool { return v.State == Absent || v.State == Known && !v.Bool }

// Attr names an attribute, for a Violation and a Fix.
type Attr string

// Attributes.
const (
	AttrName        Attr = "Name"
	AttrValue       Attr = "Value"
	AttrSecure      Attr = "Secure"
	AttrHttpOnly    Attr = "HttpOnly"
	AttrSameSite    Attr = "SameSite"
	AttrPath        Attr = "Path"
	AttrDomain      Attr = "Domain"
	AttrMaxAge      Attr = "MaxAge"
	AttrExpires     Attr = "Expires"
	AttrPartitioned Attr = "Partitioned"
)

// Cookie is what is known of a cookie where it is set.
type Cookie struct {
	Name, Value, Secure, HttpOnly, SameSite, Path, Domain, MaxAge, Expires, Partitioned Value
	// Header: written as a Set-Cookie string.
	Header bool
	// ReadByScripts names the library that needs scripts to read the
	// cookie (a double-submit XSRF token), so that HttpOnly is the
	// policy's to waive.
	ReadByScripts string
	// Script: written by a page's script (document.cookie), which cannot
	// make a cookie HttpOnly.
	Script bool
	// ThirdParty: stored for another site than the one visited (a
	// browser's view), which a party: third entry expects.
	ThirdParty bool
	// Consent is what is known, where the cookie is set, of the
	// visitor's consent to each category.
	Consent ConsentState
}

// Given says how a category's consent is known to be given.
type Given uint8

// How consent is given.
const (
	NotGiven       Given = iota
	GivenByRuntime       // a check whose category is decided at run time passed
	GivenChecked         // a check for the category (or every category) passed
)

// ConsentState is the visitor's consent where a cookie is set.
type ConsentState struct {
	Given map[string]Given  // by category; missing: not given
	By    map[string]string // the check that confirmed it, for messages
	// Where says where a cookie needing consent is set without it, for
	// the message: "on a path where no declared check confirmed it".
	Where string
}

// Agreed is the consent of a visitor who agreed to the given categories
// (none: a fresh visitor), for checks of real responses.
func Agreed(categories ...string) ConsentState {
	s := ConsentState{Given: map[string]Given{}, By: map[string]string{}, Where: "on a response to a visitor who had not agreed to it"}
	for _, c := range categories {
		s.Given[c], s.By[c] = GivenChecked, "the visitor's choice"
	}
	return s
}

// Violation is one rule a cookie breaks.
type Violation struct {
	Check string // the check's ID
	// Attr is the attribute the finding is about: where its value was
	// set is where it points.
	Attr Attr
	// Message is the words: the cookie, what is wrong, why, and, when it
	// does not depend on how the code is written, how to fix it.
	Message string
	// Fix is what fixing sets, when the caller says how in its own terms
	// (the message then ends before the hint: see Hint).
	Fix *Fix
	// Runtime: a "cannot verify" finding, about a value decided at run
	// time (the caller may name the expression it came from).
	Runtime bool
	// Entry is the policy entry the cookie matched, if any.
	Entry *policy.Entry
}

// Fix is what fixing a violation sets an attribute to.
type Fix struct {
	Attr   Attr
	Bool   bool            // Secure, HttpOnly
	Level  policy.SameSite // SameSite
	Str    string          // Path
	Remove bool            // drop the attribute (a __Host- cookie's Domain)
}

// Text is the message with a hint for the fix, if there is one: "; " and
// the hint, as the caller writes it.
func (v Violation) Text(hint func(*Fix) string) string {
	if v.Fix == nil || hint == nil {
		return v.Message
	}
	if h := hint(v.Fix); h != "" {
		return v.Message + "; " + h
	}
	return v.Message
}

// HeaderHint says how to fix a Set-Cookie string: the hint both the
// analyzer (for a header built in code) and the run-time checks give.
func HeaderHint(f *Fix) string {
	switch f.Attr {
	case AttrSecure, AttrHttpOnly:
		return fmt.Sprintf("add \"; %s\" to the Set-Cookie value", f.Attr)
	case AttrPath:
		return "add \"; Path=/\" to the Set-Cookie value"
	case AttrSameSite:
		return fmt.Sprintf("add \"; SameSite=%s\" to the Set-Cookie value", f.Level)
	}
	return "" // the message says it (remove the Domain)
}

// ScriptHint says how to fix a cookie a page's script writes.
func ScriptHint(f *Fix) string {
	switch f.Attr {
	case AttrSecure:
		return "add \"; Secure\" to the string the script assigns to document.cookie"
	case AttrPath:
		return "add \"; path=/\" to the string the script assigns to document.cookie"
	case AttrSameSite:
		return fmt.Sprintf("add \"; SameSite=%s\" to the string the script assigns to document.cookie", f.Level)
	}
	return ""
}

// Options adjust Check.
type Options struct {
	// Strict also reports what cannot be verified because it is decided
	// at run time.
	Strict bool
}

// IsDeletion reports whether a cookie deletes itself (a Max-Age below
// zero, an Expires in the past) or clears itself (a constant empty
// value carries nothing).
func (c *Cookie) IsDeletion() bool {
	return c.MaxAge.State == Known && c.MaxAge.Int < 0 ||
		c.Expires.State == Known && c.Expires.Int < 0 ||
		c.Value.State == Known && c.Value.Str == ""
}

// Check applies every rule to a cookie and returns what it breaks, in the
// order of the checks.
func Check(p *policy.Policy, c *Cookie, o Options) []Violation {
	r := &run{p: p, c: c, o: o}
	r.check()
	return r.out
}

type run struct {
	p   *policy.Policy
	c   *Cookie
	o   Options
	out []Violation
	who string
	e   *policy.Entry
}

func (r *run) add(v Violation) {
	v.Entry = r.e
	r.out = append(r.out, v)
}

func (r *run) check() {
	c := r.c
	name := c.Name
	if name.State == Absent { // the zero value: an empty name
		name = Str("")
	}
	r.who = Who(name)
	if name.State == Known && !policy.IsToken(name.Str) {
		r.add(Violation{Check: Name, Attr: AttrName, Message: fmt.Sprintf("cookie %s has a name that is not a valid token, so net/http drops it without a word; use letters, digits and !#$%%&'*+-.^_`|~ only", QuoteName(name.Str))})
		return
	}
	var req policy.Requirements
	if name.State == Known {
		r.e = r.p.Match(name.Str)
		req = r.p.Requirements(r.e)
	} else {
		req = r.p.Weakest()
	}
	del := c.IsDeletion()
	if r.p != nil && !del {
		switch {
		case name.State == Known && r.e == nil:
			r.add(Violation{Check: Undeclared, Attr: AttrName, Message: fmt.Sprintf("%s is not declared in the cookie policy %s; declare it there (provider, purpose, category) or stop setting it", r.who, baseName(r.p.File))})
		case name.State == Runtime && r.o.Strict:
			r.add(Violation{Check: Undeclared, Attr: AttrName, Runtime: true, Message: fmt.Sprintf("cannot verify that %s is declared in the cookie policy: its name is decided at run time", r.who)})
		}
	}
	if r.e != nil && name.State == Known && !del {
		r.consent()
		r.thirdParty()
	}
	if !del {
		r.requireTrue(Secure, AttrSecure, c.Secure, req.Secure, "it is also sent over plain HTTP, where anyone on the network can read it")
		if c.Partitioned.isTrue() && !req.Secure {
			switch {
			case c.Secure.isFalse():
				r.add(Violation{Check: Secure, Attr: AttrSecure, Fix: &Fix{Attr: AttrSecure, Bool: true}, Message: fmt.Sprintf("%s is Partitioned but not Secure, so browsers reject it", r.who)})
			case c.Secure.State == Runtime && r.o.Strict:
				r.add(Violation{Check: Secure, Attr: AttrSecure, Runtime: true, Message: fmt.Sprintf("cannot verify that %s is Secure, which Partitioned requires: Secure is decided at run time", r.who)})
			}
		}
		r.requireTrue(HttpOnly, AttrHttpOnly, c.HttpOnly, req.HttpOnly, "scripts can read it, so a cross-site scripting bug can steal it")
		r.sameSite(req)
		r.lifetime(req)
	}
	if name.State == Known {
		r.prefix(name.Str)
	}
	if r.e != nil {
		r.scope(req)
	}
}

// requireTrue reports a boolean attribute absent or false where it is
// required.
func (r *run) requireTrue(check string, a Attr, v Value, required bool, why string) {
	if !required {
		return
	}
	switch {
	case v.isFalse() && a == AttrHttpOnly && r.c.Script:
		r.add(Violation{Check: check, Attr: a, Message: fmt.Sprintf("%s is written by a script, which cannot make it HttpOnly, but the policy requires HttpOnly (scripts can read it, so a cross-site scripting bug can steal it); set it from the server with HttpOnly, or, if scripts must write it, declare httpOnly: false in its policy entry", r.who)})
	case v.isFalse() && a == AttrHttpOnly && r.c.ReadByScripts != "":
		r.add(Violation{Check: check, Attr: a, Message: fmt.Sprintf("%s is set without HttpOnly: scripts must read it (%s sets it for scripts to send back), so if the policy is right to require HttpOnly the library cannot meet it; declare httpOnly: false in its policy entry", r.who, r.c.ReadByScripts)})
	case v.isFalse():
		r.add(Violation{Check: check, Attr: a, Fix: &Fix{Attr: a, Bool: true}, Message: fmt.Sprintf("%s is set %s: %s", r.who, without(a, v), why)})
	case v.State == Runtime && r.o.Strict:
		r.add(Violation{Check: check, Attr: a, Runtime: true, Message: fmt.Sprintf("cannot verify that %s is %s: it is decided at run time", r.who, a)})
	}
}

// without describes a missing or false boolean attribute.
func without(a Attr, v Value) string {
	if v.State == Known && v.Written != "" {
		return v.Written
	}
	return "without " + string(a)
}

func (r *run) sameSite(req policy.Requirements) {
	ss, secure := r.c.SameSite, r.c.Secure
	if ss.State == Known && policy.SameSite(ss.Int) == policy.SameSiteNone {
		switch {
		case secure.isFalse():
			r.add(Violation{Check: SameSite, Attr: AttrSecure, Fix: &Fix{Attr: AttrSecure, Bool: true}, Message: fmt.Sprintf("%s is SameSite=None without Secure, so browsers reject it", r.who)})
			return
		case secure.State == Runtime && r.o.Strict:
			r.add(Violation{Check: SameSite, Attr: AttrSameSite, Runtime: true, Message: fmt.Sprintf("cannot verify that %s is Secure, which SameSite=None requires: Secure is decided at run time", r.who)})
			return
		}
	}
	if req.SameSite == policy.SameSiteUnset {
		return
	}
	switch {
	case ss.State == Runtime:
		if r.o.Strict {
			r.add(Violation{Check: SameSite, Attr: AttrSameSite, Runtime: true, Message: fmt.Sprintf("cannot verify that %s is at least SameSite=%s: it is decided at run time", r.who, req.SameSite)})
		}
	case ss.State == Absent || policy.SameSite(ss.Int) < req.SameSite:
		got := "without SameSite"
		if ss.State == Known && ss.Int != 0 {
			got = "with SameSite=" + policy.SameSite(ss.Int).String()
		}
		r.add(Violation{Check: SameSite, Attr: AttrSameSite, Fix: &Fix{Attr: AttrSameSite, Level: req.SameSite}, Message: fmt.Sprintf("%s is set %s, but the policy requires at least SameSite=%s against cross-site requests", r.who, got, req.SameSite)})
	}
}

func (r *run) prefix(name string) {
	lower := strings.ToLower(name)
	host := strings.HasPrefix(lower, "__host-")
	if !host && !strings.HasPrefix(lower, "__secure-") {
		return
	}
	pfx := name[:strings.IndexByte(name[2:], '-')+3]
	secure := r.c.Secure
	switch {
	case secure.isFalse():
		r.add(Violation{Check: Prefix, Attr: AttrSecure, Fix: &Fix{Attr: AttrSecure, Bool: true}, Message: fmt.Sprintf("%s has the %s prefix but is set %s, so browsers reject it", r.who, pfx, without(AttrSecure, secure))})
	case secure.State == Runtime && r.o.Strict:
		r.add(Violation{Check: Prefix, Attr: AttrSecure, Runtime: true, Message: fmt.Sprintf("cannot verify that %s is Secure, which its %s prefix requires: it is decided at run time", r.who, pfx)})
	}
	if !host {
		return
	}
	dom, path := r.c.Domain, r.c.Path
	switch {
	case dom.State == Known && dom.Str != "":
		r.add(Violation{Check: Prefix, Attr: AttrDomain, Fix: &Fix{Attr: AttrDomain, Remove: true}, Message: fmt.Sprintf("%s has the %s prefix but sets Domain %q, so browsers reject it; remove the Domain", r.who, pfx, dom.Str)})
	case dom.State == Runtime && r.o.Strict:
		r.add(Violation{Check: Prefix, Attr: AttrDomain, Runtime: true, Message: fmt.Sprintf("cannot verify that %s has no Domain, which its %s prefix requires: it is decided at run time", r.who, pfx)})
	}
	switch {
	case path.State == Runtime:
		if r.o.Strict {
			r.add(Violation{Check: Prefix, Attr: AttrPath, Runtime: true, Message: fmt.Sprintf("cannot verify that %s has Path=/, which its %s prefix requires: it is decided at run time", r.who, pfx)})
		}
	case path.Str != "/":
		got := "has no Path"
		if path.State == Known && path.Str != "" {
			got = fmt.Sprintf("sets Path %q", path.Str)
		}
		r.add(Violation{Check: Prefix, Attr: AttrPath, Fix: &Fix{Attr: AttrPath, Str: "/"}, Message: fmt.Sprintf("%s has the %s prefix but %s, and browsers reject it without Path=/", r.who, pfx, got)})
	}
}

func (r *run) lifetime(req policy.Requirements) {
	ma, ex := r.c.MaxAge, r.c.Expires
	var secs int64
	var from Value
	var fromAttr Attr
	switch {
	case ma.State == Known && ma.Int > 0:
		secs, from, fromAttr = ma.Int, ma, AttrMaxAge // Max-Age wins over Expires in browsers
	case ma.State == Runtime:
		if r.o.Strict {
			r.add(Violation{Check: Lifetime, Attr: AttrMaxAge, Runtime: true, Message: fmt.Sprintf("cannot verify the lifetime of %s: MaxAge is decided at run time", r.who)})
		}
		return
	case ex.State == Known && ex.Int > 0:
		secs, from, fromAttr = ex.Int, ex, AttrExpires
	case ex.State == Runtime:
		if r.o.Strict && req.MaxAge != nil {
			r.add(Violation{Check: Lifetime, Attr: AttrExpires, Runtime: true, Message: fmt.Sprintf("cannot verify the lifetime of %s: Expires is decided at run time", r.who)})
		}
		return
	default:
		return // a session cookie
	}
	label := "MaxAge or Expires"
	if from.Literal || r.c.Header {
		label = "Max-Age or Expires"
	}
	life := time.Duration(secs) * time.Second
	if req.MaxAge != nil && req.MaxAge.Session {
		r.add(Violation{Check: Lifetime, Attr: fromAttr, Message: fmt.Sprintf("%s persists for %s, but the policy declares it a session cookie; remove its %s", r.who, Human(life), label)})
		return
	}
	limit, why := BrowserCap, "browsers keep a cookie at most 400 days"
	if req.MaxAge != nil && req.MaxAge.Duration < BrowserCap {
		limit, why = req.MaxAge.Duration, "the policy allows at most "+Human(req.MaxAge.Duration)
	}
	if life > limit {
		r.add(Violation{Check: Lifetime, Attr: fromAttr, Message: fmt.Sprintf("%s lives %s, but %s; shorten its %s", r.who, Human(life), why, label)})
	}
}

// scope reports a constant Path or Domain other than the entry declares:
// deletions included, since a deletion with another scope deletes
// nothing.
func (r *run) scope(req policy.Requirements) {
	e := r.e
	if p := r.c.Path; req.Path != nil && p.State == Known && p.Str != *req.Path {
		r.add(Violation{Check: Policy, Attr: AttrPath, Message: fmt.Sprintf("%s is set with Path %q, but the policy declares Path %q (line %d); a cookie with another Path is another cookie, and deleting it leaves the declared one in place", r.who, p.Str, *req.Path, e.Pos.Line)})
	}
	norm := func(d string) string { return strings.TrimPrefix(strings.ToLower(d), ".") }
	if d := r.c.Domain; req.Domain != nil && d.State == Known && norm(d.Str) != norm(*req.Domain) {
		r.add(Violation{Check: Policy, Attr: AttrDomain, Message: fmt.Sprintf("%s is set with Domain %q, but the policy declares Domain %q (line %d); a cookie with another Domain is another cookie, and deleting it leaves the declared one in place", r.who, d.Str, *req.Domain, e.Pos.Line)})
	}
}

// consent reports a cookie that needs consent set where it was not given.
func (r *run) consent() {
	e := r.e
	if !r.p.NeedsConsent(e) {
		return
	}
	cat := e.Category
	given, by := NotGiven, ""
	if cat != "" {
		given, by = r.c.Consent.Given[cat], r.c.Consent.By[cat]
	}
	category := cat
	if category == "" {
		category = "no category"
	}
	switch given {
	case GivenChecked:
		return
	case GivenByRuntime:
		if r.o.Strict {
			r.add(Violation{Check: Consent, Attr: AttrName, Runtime: true, Message: fmt.Sprintf("cannot verify that %s (%s) is set only after the visitor's consent to %s: the category %s checks is decided at run time", r.who, category, category, by)})
		}
		return
	}
	where := r.c.Consent.Where
	if where == "" {
		where = "where no consent was given"
	}
	r.add(Violation{Check: Consent, Attr: AttrName, Message: fmt.Sprintf("%s (%s) needs the visitor's consent, but it is set %s; set it only after %s", r.who, category, where, GuardHint(r.p, e))})
}

// GuardHint names the declared checks that would guard a cookie of an
// entry.
func GuardHint(p *policy.Policy, e *policy.Entry) string {
	var names []string
	if p != nil && p.Consent != nil {
		for _, ch := range p.Consent.Checks {
			switch {
			case ch.CategoryArg < 0:
				names = append(names, ShortFunc(ch.Func)+"(...)")
			case e.Category != "":
				names = append(names, fmt.Sprintf("%s(..., %q)", ShortFunc(ch.Func), e.Category))
			}
		}
	}
	if len(names) == 0 {
		return "a consent check returns true (declare it under consent: checks in the policy)"
	}
	return strings.Join(names, " or ") + " returns true"
}

// ShortFunc writes a check the way code calls it: consent.Allowed or
// consent.Manager.Granted.
func ShortFunc(f policy.FuncRef) string {
	pkg := f.Pkg[strings.LastIndex(f.Pkg, "/")+1:]
	if f.Recv == "" {
		return pkg + "." + f.Name
	}
	return pkg + "." + f.Recv + "." + f.Name
}

// thirdParty reports a cookie the policy says someone else sets.
func (r *run) thirdParty() {
	if r.e.Party != "third" || r.p.Consent == nil || r.c.ThirdParty {
		return
	}
	r.add(Violation{Check: Policy, Attr: AttrName, Message: fmt.Sprintf("%s is declared with party: third (line %d): the published policy says another site sets it, but this code does; declare it party: first, or leave it to the third party", r.who, r.e.Pos.Line)})
}

// Who names a cookie for messages.
func Who(name Value) string {
	if name.State == Known {
		return "cookie " + QuoteName(name.Str)
	}
	return "a cookie whose name is decided at run time"
}

// QuoteName quotes a cookie name for a message, shortening a long one.
func QuoteName(n string) string {
	if len(n) > 64 {
		return fmt.Sprintf("%q...", n[:61])
	}
	return fmt.Sprintf("%q", n)
}

// Human writes a lifetime in words: days, hours, minutes or seconds.
func Human(d time.Duration) string {
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

// baseName shortens a policy path for messages.
func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Unparsable is the violation of a Set-Cookie value that does not parse:
// browsers ignore it.
func Unparsable(raw string, err error) Violation {
	return Violation{Check: Header, Message: fmt.Sprintf("Set-Cookie value %s does not parse (%v): browsers ignore it", Shorten(strconv.Quote(raw)), err)}
}

// Shorten keeps long strings in messages readable.
func Shorten(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}
