// Package cookietest checks the cookies a program really sends against
// its cookie policy, in the program's tests: the same rules the linter
// applies to the code (package rules), applied to the Set-Cookie headers
// of real responses. What the linter leaves to run time (Secure:
// cfg.Secure), and cookies no model covers, are proven here.
//
//	func TestCookies(t *testing.T) {
//		p := cookietest.MustLoad(t, "../cookie-policy.yaml")
//		cookietest.Run(t, p, app.Handler(),
//			cookietest.Get("/"),                                 // a fresh visitor: nothing that needs consent
//			cookietest.Get("/article").Agreeing("statistics"),   // with consent to statistics
//		)
//	}
package cookietest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// Violation is a Set-Cookie header value that breaks the policy.
type Violation struct {
	rules.Found
	// Request names the request that got the response: "GET /path".
	Request string
	// PolicyFile is the policy's file, for the entry's position.
	PolicyFile string
}

// String is one line: the request, the message with a hint, and the
// policy entry the cookie matched.
func (v Violation) String() string {
	var b strings.Builder
	if v.Request != "" {
		b.WriteString(v.Request + ": ")
	}
	b.WriteString(v.Text(rules.HeaderHint))
	if e := v.Entry; e != nil && v.PolicyFile != "" {
		fmt.Fprintf(&b, " (%s:%d)", v.PolicyFile, e.Pos.Line)
	}
	return b.String()
}

// Visitor is what a visitor agreed to. The zero Visitor is a fresh one,
// who agreed to nothing: any cookie that needs consent is a violation (a
// consent scanner's pre-consent test).
type Visitor struct {
	Agreed []string // categories
}

// Fresh is a visitor who has not agreed to anything.
var Fresh = Visitor{}

func (v Visitor) consent() rules.ConsentState { return rules.Agreed(v.Agreed...) }

// Options adjust the checks.
type Options struct {
	// Strict is unused for real responses (everything is known); it is
	// here for symmetry with the linter.
	Strict bool
}

// CheckHeader checks the Set-Cookie values of a response's header.
func CheckHeader(p *policy.Policy, h http.Header, v Visitor) []Violation {
	var out []Violation
	for _, f := range rules.CheckHeader(p, h.Values("Set-Cookie"), v.consent(), rules.Options{}) {
		out = append(out, Violation{Found: f, PolicyFile: policyFile(p)})
	}
	return out
}

// CheckResponse checks a response's Set-Cookie headers.
func CheckResponse(p *policy.Policy, resp *http.Response, v Visitor) []Violation {
	out := CheckHeader(p, resp.Header, v)
	if resp.Request != nil {
		for i := range out {
			out[i].Request = resp.Request.Method + " " + resp.Request.URL.RequestURI()
		}
	}
	return out
}

// CheckRecorder checks the Set-Cookie headers a handler wrote to a
// recorder.
func CheckRecorder(p *policy.Policy, rec *httptest.ResponseRecorder, v Visitor) []Violation {
	return CheckHeader(p, rec.Result().Header, v)
}

func policyFile(p *policy.Policy) string {
	if p == nil {
		return ""
	}
	return p.File
}

// MustLoad loads a policy file, failing the test on an error.
func MustLoad(t testing.TB, path string) *policy.Policy {
	t.Helper()
	p, err := policy.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Request is a request made as a visitor.
type Request struct {
	*http.Request
	Visitor Visitor
}

// Get is a GET request of target (a path, or a URL) from a fresh
// visitor.
func Get(target string) Request { return NewRequest(http.MethodGet, target) }

// NewRequest is a request from a fresh visitor.
func NewRequest(method, target string) Request {
	return Request{Request: httptest.NewRequest(method, target, nil)}
}

// Agreeing makes the request one from a visitor who agreed to the given
// categories. How the program learns it (a cookie, a header) is the
// test's to add to the request: see WithCookie.
func (r Request) Agreeing(categories ...string) Request {
	r.Visitor.Agreed = append(slices.Clone(r.Visitor.Agreed), categories...)
	return r
}

// WithCookie adds a cookie the visitor sends (a consent choice, a
// session).
func (r Request) WithCookie(c *http.Cookie) Request {
	req := r.Request.Clone(r.Context())
	req.AddCookie(c)
	r.Request = req
	return r
}

// Run serves each request through the handler and fails the test with
// one line per violation of the policy in the responses' Set-Cookie
// headers. It returns the violations.
func Run(t testing.TB, p *policy.Policy, h http.Handler, reqs ...Request) []Violation {
	t.Helper()
	var all []Violation
	for _, r := range reqs {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r.Request)
		for _, v := range CheckRecorder(p, rec, r.Visitor) {
			v.Request = r.Method + " " + r.URL.RequestURI()
			t.Errorf("%s", v)
			all = append(all, v)
		}
	}
	return all
}

// Transport is an http.RoundTripper for integration tests against a
// running server: it checks the Set-Cookie headers of every response
// (redirects included, since a client follows them through it) and
// reports each violation.
type Transport struct {
	Policy  *policy.Policy
	Visitor Visitor
	// Base makes the requests; nil: http.DefaultTransport.
	Base http.RoundTripper
	// Report is called with each violation; nil: they are only kept for
	// Violations.
	Report func(Violation)

	mu   sync.Mutex
	seen []Violation
}

// RoundTrip makes the request and checks the response.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	vs := CheckHeader(t.Policy, resp.Header, t.Visitor)
	for i := range vs {
		vs[i].Request = req.Method + " " + req.URL.String()
	}
	t.mu.Lock()
	t.seen = append(t.seen, vs...)
	t.mu.Unlock()
	if t.Report != nil {
		for _, v := range vs {
			t.Report(v)
		}
	}
	return resp, nil
}

// Violations returns the violations seen so far.
func (t *Transport) Violations() []Violation {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(t.seen)
}

// Client returns an http.Client whose requests go through a Transport that
// fails the test on each violation.
func Client(tb testing.TB, p *policy.Policy, v Visitor) *http.Client {
	return &http.Client{Transport: &Transport{Policy: p, Visitor: v, Report: func(x Violation) {
		tb.Helper()
		tb.Errorf("%s", x)
	}}}
}
