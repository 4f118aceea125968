package csrf

import (
	"net/http"
	"os"

	"github.com/gorilla/csrf"
)

var key = []byte("a-32-byte-long-authentication-key")

func routes(h http.Handler) []func(http.Handler) http.Handler {
	return []func(http.Handler) http.Handler{
		csrf.Protect(key),
		csrf.Protect(key, csrf.Secure(false)),                  // want `cookie "_gorilla_csrf" is set with Secure: false: .*; pass csrf.Secure\(true\) to csrf.Protect`
		csrf.Protect(key, csrf.CookieName("my_csrf")),          // want `cookie "my_csrf" is not declared`
		csrf.Protect(key, csrf.Secure(os.Getenv("DEV") == "")), // decided at run time
		csrf.Protect(key, csrf.HttpOnly(false), csrf.Path("/")), // want `cookie "_gorilla_csrf" is set with HttpOnly: false`
		csrf.Protect(key, csrf.MaxAge(500*86400)),              // want `cookie "_gorilla_csrf" lives 500 days, but browsers keep a cookie at most 400 days`
		csrf.Protect(key, csrf.MaxAge(0)),                      // a session cookie
	}
}
