package lib // want package:"cookie functions"

// Helpers that hand the cookie to functions they are given: what those
// change is decided at each call.

import "net/http"

// SetWith lets a callback finish the cookie.
func SetWith(w http.ResponseWriter, name string, fix func(*http.Cookie)) { // want SetWith:`sets\(net/http.Cookie Name=arg2 .*\)`
	c := &http.Cookie{Name: name}
	fix(c)
	http.SetCookie(w, c)
}

// Option changes a cookie.
type Option func(*http.Cookie)

// Set applies its options in a loop.
func Set(w http.ResponseWriter, name string, opts ...Option) { // want Set:`sets\(net/http.Cookie Name=arg2 .*\)`
	c := &http.Cookie{Name: name}
	for _, o := range opts {
		o(c)
	}
	http.SetCookie(w, c)
}

// Applier changes a cookie.
type Applier interface{ Apply(*http.Cookie) }

// SetVia hands the cookie to an interface method.
func SetVia(w http.ResponseWriter, name string, a Applier) { // want SetVia:`sets\(net/http.Cookie Name=arg2 .*\)`
	c := &http.Cookie{Name: name}
	a.Apply(c)
	http.SetCookie(w, c)
}

// Plain sets a cookie without Secure, whatever the caller does.
func Plain(w http.ResponseWriter, name string) { // want Plain:`sets\(net/http.Cookie Name=arg2 HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, HttpOnly: true}) // checked at each call: some declared cookie may go without Secure
}
