package runtimecheck

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/cookielint/cookielint/cookietest"
	"github.com/cookielint/cookielint/cookiewatch"
	"github.com/cookielint/cookielint/policy"
)

const policyYAML = `version: 1
defaults:
  sameSite: lax
cookies:
  - name: sessionid
    category: necessary
    maxAge: 30d
    path: /
  - name: gsession
    category: necessary
    maxAge: 30d
    path: /
  - name: __Host-id
    category: necessary
  - name: _ga
    category: statistics
  - name: _stats
    category: statistics
consent:
  checks:
    - func: runtimecheck.Allowed
      category: 1
`

func load(t *testing.T) *policy.Policy {
	p, err := policy.Parse("cookie-policy.yaml", []byte(policyYAML))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

type recordT struct {
	testing.TB
	errors []string
}

func (r *recordT) Helper()                           {}
func (r *recordT) Errorf(format string, args ...any) { r.errors = append(r.errors, format) }
func (r *recordT) fails() int                        { return len(r.errors) }

// The value the linter leaves to run time (secure from configuration) is
// proven here: in production configuration, correct; in a development one,
// the Secure it lacks.
func TestGinRunTimeValue(t *testing.T) {
	p := load(t)
	cookietest.Run(t, p, Router(Config{SecureCookies: true}), cookietest.Get("/login"))
	rt := &recordT{TB: t}
	vs := cookietest.Run(rt, p, Router(Config{}), cookietest.Get("/login"))
	if len(vs) != 1 || vs[0].Check != "secure" || !strings.Contains(vs[0].String(), `cookie "sessionid" is set without Secure`) {
		t.Errorf("insecure configuration: %v", vs)
	}
}

func TestGorillaSession(t *testing.T) {
	p := load(t)
	cookietest.Run(t, p, Router(Config{}), cookietest.Get("/session"))
	rt := &recordT{TB: t}
	vs := cookietest.Run(rt, p, Router(Config{}), cookietest.Get("/session-defaults"))
	checks := map[string]bool{}
	for _, v := range vs {
		checks[v.Check] = true
	}
	if !checks["httponly"] || !checks["samesite"] || len(vs) != 2 {
		t.Errorf("gorilla defaults: %v", vs)
	}
}

// Each framework, a correct cookie and each kind of violation: the route
// /FRAMEWORK/KIND breaks the policy in the one way the check KIND reports.
func TestEachKind(t *testing.T) {
	p := load(t)
	app := Router(Config{})
	for _, fw := range []string{"gin", "gorilla"} {
		kinds := []string{"correct", "secure", "httponly", "samesite", "lifetime", "policy", "undeclared", "prefix", "header", "consent"}
		for _, kind := range kinds {
			if fw == "gorilla" && kind == "header" {
				continue // a session store writes well-formed headers
			}
			rt := &recordT{TB: t}
			vs := cookietest.Run(rt, p, app, cookietest.Get("/"+fw+"/"+kind))
			var got []string
			for _, v := range vs {
				got = append(got, v.Check)
			}
			want := []string{kind}
			if kind == "correct" {
				want = nil
			}
			if strings.Join(got, ",") != strings.Join(want, ",") || rt.fails() != len(want) {
				t.Errorf("/%s/%s: checks %v, want %v: %v", fw, kind, got, want, vs)
			}
		}
	}
}

func TestConsentStates(t *testing.T) {
	p := load(t)
	consenting := cookietest.Get("/stats").Agreeing("statistics").WithCookie(&http.Cookie{Name: "consent", Value: "statistics"})
	cookietest.Run(t, p, Router(Config{}), cookietest.Get("/stats"), consenting)
	rt := &recordT{TB: t}
	vs := cookietest.Run(rt, p, Router(Config{}), cookietest.Get("/eager"))
	if len(vs) != 1 || vs[0].Check != "consent" {
		t.Errorf("a fresh visitor on /eager: %v", vs)
	}
}

// The middleware sees gin's cookies, and says the same.
func TestMiddlewareOnGin(t *testing.T) {
	p := load(t)
	var got []string
	h := cookiewatch.Handler(p, Router(Config{}), cookiewatch.Options{
		Report:  func(r *http.Request, v cookietest.Violation) { got = append(got, v.String()) },
		Consent: func(r *http.Request) []string { return nil },
	})
	for _, path := range []string{"/login", "/session", "/eager"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	if len(got) != 2 || !strings.Contains(got[0], `GET /login: cookie "sessionid" is set without Secure`) || !strings.Contains(got[1], `GET /eager: cookie "_ga" (statistics) needs the visitor's consent`) {
		t.Errorf("reports:\n%s", strings.Join(got, "\n"))
	}
}
