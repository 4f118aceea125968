// Package cookiewatch is middleware for staging and development: it
// watches the Set-Cookie headers a handler writes (however it writes them:
// http.SetCookie, Header().Add, a framework on net/http) and reports each
// that breaks the cookie policy, with the same rules as the linter. It
// never changes the response, and when no cookie is set it costs a
// look at one header.
//
//	p, err := policy.Load("cookie-policy.yaml")
//	...
//	http.ListenAndServe(addr, cookiewatch.Handler(p, mux, cookiewatch.Options{
//		Consent: app.ConsentOf, // the categories the request's visitor agreed to
//	}))
package cookiewatch

import (
	"bufio"
	"log/slog"
	"net"
	"net/http"
	"sync"

	"github.com/cookielint/cookielint/cookietest"
	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// Options configure the middleware.
type Options struct {
	// Report is called with each violation; nil: it is logged with
	// log/slog at the warning level.
	Report func(r *http.Request, v cookietest.Violation)
	// Consent returns the categories the request's visitor agreed to.
	// nil: consent is not checked (the middleware cannot know it).
	Consent func(r *http.Request) []string
}

// Handler wraps a handler to check the cookies it sets.
func Handler(p *policy.Policy, next http.Handler, o Options) http.Handler {
	report := o.Report
	if report == nil {
		report = func(r *http.Request, v cookietest.Violation) {
			slog.WarnContext(r.Context(), "cookie policy violation", "request", v.Request, "check", v.Check, "cookie", v.Cookie, "message", v.String())
		}
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ww := writers.Get().(*writer)
		*ww = writer{ResponseWriter: w, p: p, r: r, o: o, report: report}
		next.ServeHTTP(ww, r)
		ww.inspect() // headers a handler set but never wrote are still sent
		*ww = writer{}
		writers.Put(ww) // a handler may not use its writer after it returns
	})
}

var writers = sync.Pool{New: func() any { return new(writer) }}

// writer sees the header as it is written, once.
type writer struct {
	http.ResponseWriter
	p      *policy.Policy
	r      *http.Request
	o      Options
	report func(*http.Request, cookietest.Violation)
	done   bool
}

// inspect checks the Set-Cookie headers about to be written.
func (w *writer) inspect() {
	if w.done {
		return
	}
	w.done = true
	values := w.ResponseWriter.Header()["Set-Cookie"]
	if len(values) == 0 {
		return
	}
	consent := rules.ConsentState{}
	if w.o.Consent != nil {
		consent = rules.Agreed(w.o.Consent(w.r)...)
	}
	p := w.p
	if w.o.Consent == nil && p != nil && p.Consent != nil {
		q := *p // consent cannot be known here: do not check it
		q.Consent = nil
		p = &q
	}
	for _, f := range rules.CheckHeader(p, values, consent, rules.Options{}) {
		v := cookietest.Violation{Found: f, Request: w.r.Method + " " + w.r.URL.RequestURI()}
		if w.p != nil {
			v.PolicyFile = w.p.File
		}
		w.report(w.r, v)
	}
}

func (w *writer) WriteHeader(code int) {
	w.inspect()
	w.ResponseWriter.WriteHeader(code)
}

func (w *writer) Write(b []byte) (int, error) {
	w.inspect()
	return w.ResponseWriter.Write(b)
}

// Flush sends what was written: the header first.
func (w *writer) Flush() {
	w.inspect()
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Hijack hands the connection over: the header is checked as it stands.
func (w *writer) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.inspect()
	return http.NewResponseController(w.ResponseWriter).Hijack()
}

// Unwrap lets http.ResponseController reach the writer underneath.
func (w *writer) Unwrap() http.ResponseWriter { return w.ResponseWriter }

var _ interface {
	http.Flusher
	http.Hijacker
} = (*writer)(nil)
