package strict // want package:"cookie functions"

import (
	"fmt"
	"net/http"
)

type config struct{ Secure bool }

func runtimeValues(w http.ResponseWriter, cfg config) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: cfg.Secure, HttpOnly: true})                              // want `cannot verify that cookie "sessionid" is Secure: it is decided at run time \(cfg.Secure\)`
	http.SetCookie(w, &http.Cookie{Name: fmt.Sprint(cfg), Secure: true, HttpOnly: true})                                // want `cannot verify that a cookie whose name is decided at run time is declared in the cookie policy`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, MaxAge: len(fmt.Sprint(cfg))})      // want `cannot verify the lifetime of cookie "sessionid": MaxAge is decided at run time`
	http.SetCookie(w, &http.Cookie{Name: "__Host-x", Secure: true, HttpOnly: true, Path: "/", Domain: fmt.Sprint(cfg)}) // want `cannot verify that cookie "__Host-x" has no Domain`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
}

// Values that come from parameters are verified at each call instead.
func helper(w http.ResponseWriter, name string, secure bool) { // want helper:`sets\(net/http.Cookie Name=arg2 Secure=arg3 HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: secure, HttpOnly: true})
}

func caller(w http.ResponseWriter, r *http.Request) {
	helper(w, "sessionid", true)
	helper(w, "sessionid", r.TLS != nil) // want `cannot verify that cookie "sessionid" is Secure: it is decided at run time \(r.TLS != nil\) \(set through strict.helper\)`
	helper(w, r.FormValue("n"), true)    // want `cannot verify that a cookie whose name is decided at run time is declared`
}
