// Package guard is a team's own CSRF middleware: it sets its cookie
// itself, configured by a Config; the policy declares it.
package guard

import "net/http"

// Config configures the middleware.
type Config struct {
	CookieName string
	Secure     bool
	SameSite   http.SameSite
}

type setter interface{ Set(w http.ResponseWriter, c Config) }

var impl setter

// New returns the middleware. Its cookie is "_guard" unless CookieName
// says otherwise, HttpOnly, with Path "/".
func New(cfg Config) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			impl.Set(w, cfg)
			next.ServeHTTP(w, r)
		})
	}
}
