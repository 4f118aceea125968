package policy

import (
	"fmt"
	"strings"
	"time"
)

// Policy is a decoded policy file.
type Policy struct {
	File     string // the file name errors and findings refer to
	Version  int
	Defaults Rules
	Cookies  []*Entry
	// Models are the team's own cookie types, sinks and options, in the
	// form of the built-in framework table; nil when the file has none.
	Models *Models
	// Consent says which cookies may be set only after the visitor
	// agreed, and how the code asks; nil when the file has no consent:
	// section (no consent check then).
	Consent *Consent
}

// SameSite is a SameSite level, ordered from weakest to strongest.
type SameSite int

// SameSite levels. SameSiteUnset means no requirement (in a policy) or no
// attribute (on a cookie).
const (
	SameSiteUnset SameSite = iota
	SameSiteNone
	SameSiteLax
	SameSiteStrict
)

func (s SameSite) String() string {
	switch s {
	case SameSiteNone:
		return "None"
	case SameSiteLax:
		return "Lax"
	case SameSiteStrict:
		return "Strict"
	}
	return "unset"
}

// Lifetime is a longest allowed cookie lifetime. Session means the cookie
// must not persist at all (no Max-Age or Expires).
type Lifetime struct {
	Session  bool
	Duration time.Duration
}

func (l Lifetime) String() string {
	if l.Session {
		return "session"
	}
	return FormatDuration(l.Duration)
}

// Rules are the requirements a cookie must meet. Nil pointers (and
// SameSiteUnset) mean "not said here": an entry's rules override the
// defaults field by field.
type Rules struct {
	Secure   *bool
	HttpOnly *bool
	SameSite SameSite
	MaxAge   *Lifetime
	Path     *string
	Domain   *string
}

// Position is a place in the policy file, 1-based.
type Position struct {
	Line, Column int
}

// Entry is one declared cookie (or family of cookies, for a pattern).
type Entry struct {
	Name     string // exact cookie name; empty for a pattern entry
	Pattern  string // glob with * for any run of characters; empty for a name entry
	Provider string
	Function string
	Purpose  string
	Category string // necessary | preferences | statistics | marketing, or empty
	Party    string // first | third, or empty
	Rules    Rules
	Pos      Position // where the entry starts

	// TCFPurposes overrides the TCF purpose ids the category maps to
	// (nil: the category's); CookieRefresh says the cookie's lifetime is
	// renewed when it is set again. Both are for the TCF disclosure.
	TCFPurposes   []int
	CookieRefresh bool
	// Consent overrides whether the cookie needs consent (nil: its
	// category decides).
	Consent *bool
}

// Label is the entry's name or pattern, for messages.
func (e *Entry) Label() string {
	if e.Name != "" {
		return e.Name
	}
	return e.Pattern
}

// Requirements are the effective rules for one cookie: the defaults with
// the entry's overrides applied.
type Requirements struct {
	Secure   bool
	HttpOnly bool
	SameSite SameSite  // minimum, or SameSiteUnset for none
	MaxAge   *Lifetime // longest lifetime, or nil for no limit beyond the browsers' cap
	Path     *string   // declared Path, or nil
	Domain   *string   // declared Domain, or nil
}

// Match returns the entry declaring the cookie name: an exact name first,
// then the first pattern in file order that matches. It returns nil when no
// entry declares the name.
func (p *Policy) Match(name string) *Entry {
	if p == nil {
		return nil
	}
	for _, e := range p.Cookies {
		if e.Name != "" && e.Name == name {
			return e
		}
	}
	for _, e := range p.Cookies {
		if e.Pattern != "" && MatchPattern(e.Pattern, name) {
			return e
		}
	}
	return nil
}

// Requirements returns the effective rules for a cookie matched to e (nil
// for no entry: the defaults alone). A nil policy has the built-in
// defaults: Secure and HttpOnly required, nothing else.
func (p *Policy) Requirements(e *Entry) Requirements {
	r := Requirements{Secure: true, HttpOnly: true}
	if p != nil {
		r.apply(p.Defaults)
	}
	if e != nil {
		r.apply(e.Rules)
	}
	return r
}

func (r *Requirements) apply(x Rules) {
	if x.Secure != nil {
		r.Secure = *x.Secure
	}
	if x.HttpOnly != nil {
		r.HttpOnly = *x.HttpOnly
	}
	if x.SameSite != SameSiteUnset {
		r.SameSite = x.SameSite
	}
	if x.MaxAge != nil {
		r.MaxAge = x.MaxAge
	}
	if x.Path != nil {
		r.Path = x.Path
	}
	if x.Domain != nil {
		r.Domain = x.Domain
	}
}

// Weakest returns the least demanding requirements over the defaults and
// every entry: what holds whatever a cookie's name turns out to be. Path
// and Domain are left nil.
func (p *Policy) Weakest() Requirements {
	w := p.Requirements(nil)
	w.Path, w.Domain = nil, nil
	if p == nil {
		return w
	}
	for _, e := range p.Cookies {
		r := p.Requirements(e)
		w.Secure = w.Secure && r.Secure
		w.HttpOnly = w.HttpOnly && r.HttpOnly
		w.SameSite = min(w.SameSite, r.SameSite)
		switch {
		case w.MaxAge == nil || r.MaxAge == nil:
			w.MaxAge = nil
		case w.MaxAge.Session:
			w.MaxAge = r.MaxAge
		case !r.MaxAge.Session && r.MaxAge.Duration > w.MaxAge.Duration:
			w.MaxAge = r.MaxAge
		}
	}
	return w
}

// FormatDuration writes d the way a policy file would: whole days as "Nd",
// anything else as a Go duration.
func FormatDuration(d time.Duration) string {
	const day = 24 * time.Hour
	if d > 0 && d%day == 0 {
		return fmt.Sprintf("%dd", d/day)
	}
	return d.String()
}

// ParseDuration reads a policy duration: "session" is reported by the
// caller; here "Nd" for N days or any Go duration ("12h", "90m").
func ParseDuration(s string) (time.Duration, error) {
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int64
		if _, err := fmt.Sscanf(n, "%d", &days); err != nil || fmt.Sprint(days) != n || days < 0 || days > 1<<20 {
			return 0, fmt.Errorf("bad duration %q: use a whole number of days such as 30d, a Go duration such as 12h, or session", s)
		}
		return time.Duration(days) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q: use a whole number of days such as 30d, a Go duration such as 12h, or session", s)
	}
	return d, nil
}
