package rules

import (
	"net/http"
	"time"

	"github.com/cookielint/cookielint/policy"
)

// This file applies the rules to what a program really sends: Set-Cookie
// header values, for cookietest, cookiewatch and the scan command.

// Found is a violation of a Set-Cookie header value a response carried.
type Found struct {
	Violation
	SetCookie string // the header value
	Cookie    string // the cookie's name, "" if the value does not parse
}

// FromSetCookie reads a Set-Cookie header value as a cookie whose every
// attribute is known (or absent).
func FromSetCookie(line string) (*Cookie, error) {
	hc, err := http.ParseSetCookie(line)
	if err != nil {
		return nil, err
	}
	return FromHTTP(hc), nil
}

// FromHTTP reads a cookie as a Set-Cookie header carries it.
func FromHTTP(hc *http.Cookie) *Cookie {
	c := &Cookie{Name: Str(hc.Name), Value: Str(hc.Value), Header: true}
	c.Secure = Bool(hc.Secure)
	c.HttpOnly = Bool(hc.HttpOnly)
	if hc.Partitioned {
		c.Partitioned = Bool(true)
	}
	switch hc.SameSite {
	case http.SameSiteLaxMode:
		c.SameSite = Level(policy.SameSiteLax)
	case http.SameSiteStrictMode:
		c.SameSite = Level(policy.SameSiteStrict)
	case http.SameSiteNoneMode:
		c.SameSite = Level(policy.SameSiteNone)
	}
	if hc.Path != "" {
		c.Path = Str(hc.Path)
	}
	if hc.Domain != "" {
		c.Domain = Str(hc.Domain)
	}
	if hc.MaxAge != 0 {
		c.MaxAge = Int(int64(hc.MaxAge))
	}
	if !hc.Expires.IsZero() {
		c.Expires = Int(int64(time.Until(hc.Expires) / time.Second))
		if c.Expires.Int == 0 && hc.Expires.Before(time.Now()) {
			c.Expires.Int = -1
		}
	}
	return c
}

// CheckHeader checks each Set-Cookie value of a response for a visitor
// whose consent is consent (Agreed()). A value that does not parse is a
// violation that says why.
func CheckHeader(p *policy.Policy, values []string, consent ConsentState, o Options) []Found {
	var out []Found
	for _, line := range values {
		c, err := FromSetCookie(line)
		if err != nil {
			out = append(out, Found{Violation: Unparsable(line, err), SetCookie: line})
			continue
		}
		c.Consent = consent
		for _, v := range Check(p, c, o) {
			out = append(out, Found{Violation: v, SetCookie: line, Cookie: c.Name.Str})
		}
	}
	return out
}
