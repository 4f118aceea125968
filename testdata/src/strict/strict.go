package strict

import (
	"fmt"
	"net/http"
)

type config struct{ Secure bool }

func runtimeValues(w http.ResponseWriter, cfg config, name string, age int) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: cfg.Secure, HttpOnly: true})                              // want `cannot verify that cookie "sessionid" is Secure: it is decided at run time \(cfg.Secure\)`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true})                                           // want `cannot verify that a cookie whose name is decided at run time is declared in the cookie policy`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, MaxAge: age})                       // want `cannot verify the lifetime of cookie "sessionid": MaxAge is decided at run time`
	http.SetCookie(w, &http.Cookie{Name: "__Host-x", Secure: true, HttpOnly: true, Path: "/", Domain: fmt.Sprint(age)}) // want `cannot verify that cookie "__Host-x" has no Domain`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
}
