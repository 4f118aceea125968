package browser

import (
	"reflect"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// Which Set-Cookie line stored a cookie, without a browser.
func TestSourceLine(t *testing.T) {
	lines := []*setCookie{
		{line: "a=1; Path=/; HttpOnly", url: "http://example.com/"},
		{line: "a=1; Path=/; HttpOnly", url: "http://example.com/favicon.ico"},
		{line: "a=1; Path=/; Secure; HttpOnly; SameSite=Lax", url: "http://example.com/login"},
		{line: "b=2; Domain=example.com; Path=/", url: "http://www.example.com/"},
		{line: "c=3; Domain=127.0.0.1", url: "http://127.0.0.1:8080/"},
		{line: "d=4; Path=/app", url: "http://example.com/app/x"},
		{line: "e=5", url: "http://example.com/", refused: []string{"SameSiteNoneInsecure"}},
	}
	for _, c := range []struct {
		name   string
		cookie network.Cookie
		want   int // index in lines, -1: none
	}{
		{"the first response that set it", network.Cookie{Name: "a", Value: "1", Domain: "example.com", Path: "/", HTTPOnly: true}, 0},
		{"the response that gave it its attributes", network.Cookie{Name: "a", Value: "1", Domain: "example.com", Path: "/", HTTPOnly: true, Secure: true, SameSite: network.CookieSameSiteLax}, 2},
		{"another value: a script", network.Cookie{Name: "a", Value: "9", Domain: "example.com", Path: "/"}, -1},
		{"another host", network.Cookie{Name: "a", Value: "1", Domain: "other.example", Path: "/", HTTPOnly: true}, -1},
		{"a domain cookie", network.Cookie{Name: "b", Value: "2", Domain: ".example.com", Path: "/"}, 3},
		{"a domain cookie stored host-only", network.Cookie{Name: "b", Value: "2", Domain: "example.com", Path: "/"}, -1},
		{"Domain naming the IP address host", network.Cookie{Name: "c", Value: "3", Domain: "127.0.0.1", Path: "/"}, 4},
		{"its path", network.Cookie{Name: "d", Value: "4", Domain: "example.com", Path: "/app"}, 5},
		{"another path", network.Cookie{Name: "d", Value: "4", Domain: "example.com", Path: "/"}, -1},
		{"a refused line stores nothing", network.Cookie{Name: "e", Value: "5", Domain: "example.com", Path: "/"}, -1},
	} {
		got := sourceLine(&c.cookie, lines)
		want := (*setCookie)(nil)
		if c.want >= 0 {
			want = lines[c.want]
		}
		if got != want {
			t.Errorf("%s: got %+v, want %+v", c.name, got, want)
		}
	}
}

// A stored cookie as the rules see it.
func TestFromStored(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	c := fromStored(&network.Cookie{Name: "x", Value: "v", Domain: ".example.com", Path: "/", Secure: true, HTTPOnly: false,
		SameSite: network.CookieSameSiteNone, Expires: 1_800_000_000 + 3600, PartitionKey: &network.CookiePartitionKey{TopLevelSite: "https://example.com"}}, now)
	want := rules.Cookie{Name: rules.Str("x"), Value: rules.Str("v"), Domain: rules.Str("example.com"), Path: rules.Str("/"), Secure: rules.Bool(true), HttpOnly: rules.Bool(false),
		SameSite: rules.Level(policy.SameSiteNone), Expires: rules.Int(3600), Partitioned: rules.Bool(true), Header: true}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("persistent, partitioned domain cookie:\n got %+v\nwant %+v", *c, want)
	}
	c = fromStored(&network.Cookie{Name: "s", Value: "v", Domain: "example.com", Path: "/a", Session: true, Expires: -1}, now)
	want = rules.Cookie{Name: rules.Str("s"), Value: rules.Str("v"), Path: rules.Str("/a"), Secure: rules.Bool(false), HttpOnly: rules.Bool(false), Header: true}
	if !reflect.DeepEqual(*c, want) {
		t.Errorf("host-only session cookie:\n got %+v\nwant %+v", *c, want)
	}
}

// Sites: a cookie of another registrable domain is a third party's.
func TestSite(t *testing.T) {
	for host, want := range map[string]string{
		"www.example.com":   "example.com",
		".example.com":      "example.com",
		"a.b.example.co.uk": "example.co.uk",
		"localhost":         "localhost",
		"127.0.0.1":         "127.0.0.1",
	} {
		if got := site(host); got != want {
			t.Errorf("site(%q) = %q, want %q", host, got, want)
		}
	}
}
