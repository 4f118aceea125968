package cookiewatch

import (
	"net/http"

	"github.com/cookielint/cookielint/cookietest"
	"github.com/cookielint/cookielint/policy"
)

// Case is a handler the middleware's cost is measured on.
type Case struct {
	Name    string
	Handler http.Handler
}

// Cases are the handlers BenchmarkMiddleware and the bench command time:
// a bare handler that sets no cookie (the baseline), the same behind the
// middleware, and a handler that sets a correct cookie, bare and watched.
func Cases(p *policy.Policy) []Case {
	noCookie := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte("ok"))
	})
	cookie := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Secure: true, HttpOnly: true})
		w.WriteHeader(http.StatusOK)
	})
	quiet := Options{Report: func(*http.Request, cookietest.Violation) {}}
	return []Case{
		{"bare, no cookie", noCookie},
		{"watched, no cookie", Handler(p, noCookie, quiet)},
		{"bare, one cookie", cookie},
		{"watched, one cookie", Handler(p, cookie, quiet)},
	}
}

// Discard is a ResponseWriter that keeps nothing, for measurements.
func Discard() http.ResponseWriter { return &discard{h: http.Header{}} }

type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}
