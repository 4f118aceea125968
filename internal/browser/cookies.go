package browser

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"golang.org/x/net/publicsuffix"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// This file reads a cookie as the browser stores it, and says where it
// came from: the Set-Cookie line that stored it, or a script.

// fromStored is a stored cookie as the rules see it. The browser keeps no
// Max-Age: a persistent cookie has its expiry, capped at 400 days.
func fromStored(c *network.Cookie, now time.Time) *rules.Cookie {
	rc := &rules.Cookie{Name: rules.Str(c.Name), Value: rules.Str(c.Value), Header: true,
		Secure: rules.Bool(c.Secure), HttpOnly: rules.Bool(c.HTTPOnly), Path: rules.Str(c.Path)}
	switch c.SameSite {
	case network.CookieSameSiteStrict:
		rc.SameSite = rules.Level(policy.SameSiteStrict)
	case network.CookieSameSiteLax:
		rc.SameSite = rules.Level(policy.SameSiteLax)
	case network.CookieSameSiteNone:
		rc.SameSite = rules.Level(policy.SameSiteNone)
	}
	if strings.HasPrefix(c.Domain, ".") { // a Domain attribute; a host-only cookie has none
		rc.Domain = rules.Str(c.Domain[1:])
	}
	if !c.Session && c.Expires > 0 {
		secs := int64(c.Expires - float64(now.UnixNano())/1e9)
		if secs <= 0 {
			secs = 1 // stored, so not yet expired
		}
		rc.Expires = rules.Int(secs)
	}
	if c.PartitionKey != nil {
		rc.Partitioned = rules.Bool(true)
	}
	return rc
}

// key identifies a stored cookie: a cookie with another name, domain or
// path is another cookie.
func key(c *network.Cookie) string {
	return c.Name + "\x00" + c.Domain + "\x00" + c.Path
}

// shape is what of a stored cookie the rules look at, but its value and
// exact expiry: a cookie set again with the same attributes (a rotated
// token, a refreshed lifetime) is not checked again.
func shape(c *network.Cookie) string {
	var b strings.Builder
	for _, f := range []bool{c.Secure, c.HTTPOnly, c.Session, c.PartitionKey != nil} {
		if f {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	b.WriteString(string(c.SameSite))
	return b.String()
}

// sourceLine returns the Set-Cookie line that stored the cookie: the
// first stored line with its name, value, domain and path, and its
// attributes if one has them (an earlier line the cookie was set with
// before it changed does not); nil if none: a script wrote it.
func sourceLine(c *network.Cookie, lines []*setCookie) *setCookie {
	var fallback *setCookie
	for _, l := range lines {
		hc, ok := couldStore(c, l)
		if !ok {
			continue
		}
		if hc.Secure == c.Secure && hc.HttpOnly == c.HTTPOnly && sameSiteWord(hc.SameSite) == string(c.SameSite) {
			return l
		}
		fallback = l
	}
	return fallback
}

// couldStore reports whether a stored line could have stored the
// cookie, and the line read.
func couldStore(c *network.Cookie, l *setCookie) (*http.Cookie, bool) {
	if len(l.refused) > 0 {
		return nil, false
	}
	hc, err := http.ParseSetCookie(l.line)
	if err != nil || hc.Name != c.Name || hc.Value != c.Value {
		return nil, false
	}
	u, err := url.Parse(l.url)
	if err != nil {
		return nil, false
	}
	dom := strings.ToLower(strings.TrimPrefix(c.Domain, "."))
	host := strings.ToLower(u.Hostname())
	switch {
	case hc.Domain != "":
		// A Domain attribute makes a domain cookie, but one naming an IP
		// address host, which stays host-only.
		if d := strings.ToLower(strings.TrimPrefix(hc.Domain, ".")); d != dom || !strings.HasPrefix(c.Domain, ".") && d != host {
			return nil, false
		}
	case host != dom:
		return nil, false
	}
	if hc.Path != "" && strings.HasPrefix(hc.Path, "/") && hc.Path != c.Path {
		return nil, false
	}
	return hc, true
}

// sameSiteWord is a line's SameSite as the browser reports a stored
// cookie's.
func sameSiteWord(s http.SameSite) string {
	switch s {
	case http.SameSiteStrictMode:
		return string(network.CookieSameSiteStrict)
	case http.SameSiteLaxMode:
		return string(network.CookieSameSiteLax)
	case http.SameSiteNoneMode:
		return string(network.CookieSameSiteNone)
	}
	return ""
}

// site is a host's registrable domain (eTLD+1), or the host itself where
// there is none (localhost, an IP address).
func site(host string) string {
	host = strings.ToLower(strings.TrimPrefix(host, "."))
	if s, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return s
	}
	return host
}
