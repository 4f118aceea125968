package cookielint

import (
	"fmt"
	"go/token"
	"strconv"
	"time"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// This file records, for the inventory, every cookie a package sets: the
// analyzer's result. The same analysis that checks the cookies lists them,
// so the inventory and the findings cannot disagree.

// Result is the analyzer's result for a package.
type Result struct {
	Sets []CookieSet
	// Unmodeled lists calls that look like cookie APIs no model covers.
	Unmodeled []Unmodeled
	// NeedSource lists the import paths of functions the package calls
	// with a cookie, a session or a Set-Cookie header that have no
	// summary: a loader that read them from export data loads them from
	// source, so that their bodies are analyzed too.
	NeedSource []string `json:"-"`
}

// CookieSet is one place the code sets a cookie.
type CookieSet struct {
	Name     string         `json:"name,omitempty"`
	Computed bool           `json:"computed,omitempty"` // the name is decided at run time
	Position token.Position `json:"-"`
	Via      string         `json:"via"`               // how it is set: "http.SetCookie", "gin SetCookie", "gorilla/csrf"...
	Through  string         `json:"through,omitempty"` // the helper called here
	Built    string         `json:"built,omitempty"`   // the constructor that built it
	// Attributes lists what is known of the attributes: "true", "Lax",
	// "3600"...; "?" when decided at run time. Secure and HttpOnly are
	// always listed; other attributes only when set.
	Attributes map[string]string `json:"attributes"`
	Deletion   bool              `json:"deletion,omitempty"`
	Entry      string            `json:"entry,omitempty"` // the policy entry it matches: a name or pattern
	Category   string            `json:"category,omitempty"`
	// Consent says, when the policy has a consent: section, whether the
	// cookie needs the visitor's consent and how it is obtained: "not
	// needed", "guarded by consent.Allowed", "NOT GUARDED", or "checked by
	// callers" (in a helper that leaves it to them).
	Consent string `json:"consent,omitempty"`
}

// record adds a site to the package's inventory. Sites inside a helper
// whose cookie comes from the caller are listed at each call instead.
func (c *checker) record(s *site) {
	k := &s.cookie
	name := k.attrs[attrName]
	if name.param > 0 || k.param > 0 {
		return
	}
	set := CookieSet{
		Position:   c.pass.Fset.Position(s.call.Pos()),
		Through:    s.through,
		Built:      k.ctor,
		Attributes: map[string]string{},
		Deletion:   k.isDeletion() || s.clearing(),
	}
	if s.sink != nil {
		set.Via = s.sink.via
	}
	switch name.k {
	case konst:
		set.Name = name.s
	case absent:
		set.Name = ""
	default:
		set.Computed = true
	}
	if !set.Computed && c.loadPolicy() {
		e := c.policy.Match(set.Name)
		if e != nil {
			set.Entry, set.Category = e.Label(), e.Category
		}
		if c.policy != nil && c.policy.Consent != nil {
			switch {
			case !c.policy.NeedsConsent(e) || set.Deletion:
				set.Consent = "not needed"
			case s.consentDuty:
				set.Consent = "checked by callers"
			default:
				set.Consent = "NOT GUARDED"
				if i := categoryIndex(e.Category); i >= 0 && s.library == nil && s.guard.kind[i] != unguarded {
					set.Consent = "guarded by " + s.guard.by[i]
				}
			}
		}
	}
	for a := attrSecure; a < attrSessionOnly; a++ {
		v := k.attrs[a]
		switch {
		case v.k == dynamic:
			set.Attributes[a.String()] = "?"
		case a == attrSecure || a == attrHttpOnly:
			set.Attributes[a.String()] = strconv.FormatBool(v.isTrue())
		case a == attrPartitioned:
			if v.isTrue() {
				set.Attributes[a.String()] = "true"
			}
		case v.k == absent:
		case a == attrSameSite:
			if l := policy.SameSite(v.i); l != policy.SameSiteUnset {
				set.Attributes[a.String()] = l.String()
			}
		case a == attrMaxAge:
			set.Attributes[a.String()] = strconv.FormatInt(v.i, 10)
		case a == attrExpires:
			if v.i < 0 {
				set.Attributes[a.String()] = "in the past"
			} else {
				set.Attributes[a.String()] = "in " + rules.Human(time.Duration(v.i)*time.Second)
			}
		case v.s != "":
			set.Attributes[a.String()] = v.s
		}
	}
	c.result.Sets = append(c.result.Sets, set)
}

// Where writes the set's place as file:line.
func (s CookieSet) Where() string {
	return fmt.Sprintf("%s:%d", s.Position.Filename, s.Position.Line)
}
