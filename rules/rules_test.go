package rules

import (
	"strings"
	"testing"

	"github.com/cookielint/cookielint/policy"
)

const testPolicy = `version: 1
defaults:
  sameSite: lax
  maxAge: 30d
cookies:
  - name: sessionid
    category: necessary
    path: /
  - name: _ga
    category: statistics
  - name: csrftoken
    category: necessary
    httpOnly: false
  - name: partner
    category: marketing
    party: third
  - pattern: "__*"
consent:
  checks:
    - func: example.com/consent.Allowed
      category: 1
`

func parse(t *testing.T) *policy.Policy {
	t.Helper()
	p, err := policy.Parse("cookie-policy.yaml", []byte(testPolicy))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// checks returns "check: message" for each violation.
func checks(p *policy.Policy, c Cookie, o Options) []string {
	var out []string
	for _, v := range Check(p, &c, o) {
		out = append(out, v.Check+": "+v.Text(HeaderHint))
	}
	return out
}

func good(name string) Cookie {
	return Cookie{Name: Str(name), Value: Str("v"), Secure: Bool(true), HttpOnly: Bool(true), SameSite: Level(policy.SameSiteLax), Path: Str("/")}
}

func TestCheck(t *testing.T) {
	p := parse(t)
	fresh := Agreed()
	for _, c := range []struct {
		name   string
		cookie func() Cookie
		o      Options
		want   []string
	}{
		{"correct", func() Cookie { return good("sessionid") }, Options{}, nil},
		{"no Secure", func() Cookie { c := good("sessionid"); c.Secure = Value{}; return c }, Options{},
			[]string{`secure: cookie "sessionid" is set without Secure: it is also sent over plain HTTP, where anyone on the network can read it; add "; Secure" to the Set-Cookie value`}},
		{"written false", func() Cookie {
			c := good("sessionid")
			c.Secure = Value{State: Known, Written: "with Secure: false"}
			return c
		}, Options{},
			[]string{`secure: cookie "sessionid" is set with Secure: false: it is also sent over plain HTTP`}},
		{"run time, quiet", func() Cookie { c := good("sessionid"); c.Secure = Value{State: Runtime}; return c }, Options{}, nil},
		{"run time, strict", func() Cookie { c := good("sessionid"); c.Secure = Value{State: Runtime}; return c }, Options{Strict: true},
			[]string{`secure: cannot verify that cookie "sessionid" is Secure: it is decided at run time`}},
		{"undeclared", func() Cookie { return good("tracker") }, Options{},
			[]string{`undeclared: cookie "tracker" is not declared in the cookie policy cookie-policy.yaml`}},
		{"httpOnly waived", func() Cookie { c := good("csrftoken"); c.HttpOnly = Value{}; return c }, Options{}, nil},
		{"read by scripts", func() Cookie {
			c := good("tracker2")
			c.HttpOnly = Bool(false)
			c.ReadByScripts = "go-pkgz/auth"
			return c
		}, Options{},
			[]string{"undeclared: ", `httponly: cookie "tracker2" is set without HttpOnly: scripts must read it (go-pkgz/auth sets it`}},
		{"samesite", func() Cookie { c := good("sessionid"); c.SameSite = Value{}; return c }, Options{},
			[]string{`samesite: cookie "sessionid" is set without SameSite, but the policy requires at least SameSite=Lax against cross-site requests; add "; SameSite=Lax" to the Set-Cookie value`}},
		{"none without secure", func() Cookie {
			c := good("sessionid")
			c.SameSite, c.Secure = Level(policy.SameSiteNone), Value{}
			return c
		}, Options{}, []string{"secure: ", `samesite: cookie "sessionid" is SameSite=None without Secure, so browsers reject it`}},
		{"lifetime", func() Cookie { c := good("sessionid"); c.MaxAge = Int(90 * 86400); c.Header = true; return c }, Options{},
			[]string{`lifetime: cookie "sessionid" lives 90 days, but the policy allows at most 30 days; shorten its Max-Age or Expires`}},
		{"deletion", func() Cookie { return Cookie{Name: Str("tracker"), MaxAge: Int(-1)} }, Options{}, nil},
		{"clearing", func() Cookie { return Cookie{Name: Str("sessionid"), Value: Str(""), Path: Str("/")} }, Options{}, nil},
		{"deletion on another path", func() Cookie { return Cookie{Name: Str("sessionid"), MaxAge: Int(-1), Path: Str("/x")} }, Options{},
			[]string{`policy: cookie "sessionid" is set with Path "/x", but the policy declares Path "/" (line 6)`}},
		{"host prefix", func() Cookie { c := good("__Host-id"); c.Domain = Str("example.com"); c.Path = Value{}; return c }, Options{},
			[]string{`prefix: cookie "__Host-id" has the __Host- prefix but sets Domain "example.com", so browsers reject it; remove the Domain`,
				`prefix: cookie "__Host-id" has the __Host- prefix but has no Path, and browsers reject it without Path=/; add "; Path=/" to the Set-Cookie value`}},
		{"bad name", func() Cookie { return good("a b") }, Options{},
			[]string{`name: cookie "a b" has a name that is not a valid token`}},
		{"consent not given", func() Cookie { c := good("_ga"); c.Consent = fresh; return c }, Options{},
			[]string{`consent: cookie "_ga" (statistics) needs the visitor's consent, but it is set on a response to a visitor who had not agreed to it; set it only after consent.Allowed(..., "statistics") returns true`}},
		{"consent given", func() Cookie { c := good("_ga"); c.Consent = Agreed("statistics"); return c }, Options{}, nil},
		{"consent to another category", func() Cookie { c := good("_ga"); c.Consent = Agreed("marketing"); return c }, Options{}, []string{"consent: "}},
		{"third party", func() Cookie { c := good("partner"); c.Consent = Agreed("marketing"); return c }, Options{},
			[]string{`policy: cookie "partner" is declared with party: third (line 14)`}},
		{"third party on its own site", func() Cookie {
			c := good("partner")
			c.Consent, c.ThirdParty = Agreed("marketing"), true
			return c
		}, Options{}, nil},
		{"written by a script", func() Cookie { c := good("sessionid"); c.HttpOnly, c.Script = Bool(false), true; return c }, Options{},
			[]string{`httponly: cookie "sessionid" is written by a script, which cannot make it HttpOnly, but the policy requires HttpOnly (scripts can read it, so a cross-site scripting bug can steal it); set it from the server with HttpOnly, or, if scripts must write it, declare httpOnly: false in its policy entry`}},
		{"written by a script, HttpOnly waived", func() Cookie { c := good("csrftoken"); c.HttpOnly, c.Script = Bool(false), true; return c }, Options{}, nil},
	} {
		got := checks(p, c.cookie(), c.o)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %q, want %d violations", c.name, got, len(c.want))
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], c.want[i]) {
				t.Errorf("%s: violation %d\n got %s\nwant %s...", c.name, i, got[i], c.want[i])
			}
		}
	}
}

// A script's cookie is fixed in the string it writes.
func TestScriptHint(t *testing.T) {
	for f, want := range map[Fix]string{
		{Attr: AttrSecure, Bool: true}:                  `add "; Secure" to the string the script assigns to document.cookie`,
		{Attr: AttrSameSite, Level: policy.SameSiteLax}: `add "; SameSite=Lax" to the string the script assigns to document.cookie`,
		{Attr: AttrPath, Str: "/"}:                      `add "; path=/" to the string the script assigns to document.cookie`,
		{Attr: AttrHttpOnly, Bool: true}:                "",
	} {
		if got := ScriptHint(&f); got != want {
			t.Errorf("ScriptHint(%+v) = %q, want %q", f, got, want)
		}
	}
}

// A nil policy has the built-in defaults: Secure and HttpOnly, no names.
func TestNilPolicy(t *testing.T) {
	got := checks(nil, Cookie{Name: Str("x"), Value: Str("v")}, Options{})
	if len(got) != 2 || !strings.HasPrefix(got[0], "secure:") || !strings.HasPrefix(got[1], "httponly:") {
		t.Errorf("got %q", got)
	}
}

func TestUnparsable(t *testing.T) {
	v := Unparsable(strings.Repeat("x", 200), errTest{})
	if v.Check != Header || !strings.Contains(v.Message, "...") || !strings.HasSuffix(v.Message, "browsers ignore it") {
		t.Errorf("%+v", v)
	}
}

type errTest struct{}

func (errTest) Error() string { return "bad" }
