package nosurf

import (
	"net/http"

	"github.com/justinas/nosurf"
)

func defaults(mux http.Handler) http.Handler {
	return nosurf.New(mux) // want `cookie "csrf_token" is set without Secure: .*; set Secure: true in the cookie given to SetBaseCookie`
}

func hardened(mux http.Handler) http.Handler {
	h := nosurf.New(mux)
	h.SetBaseCookie(http.Cookie{Path: "/", Secure: true, MaxAge: 3600})
	return h
}

func renamed(mux http.Handler) http.Handler {
	h := nosurf.New(mux) // want `cookie "xsrf" is not declared` `cookie "xsrf" is set without HttpOnly`
	h.SetBaseCookie(http.Cookie{Name: "xsrf", Secure: true})
	return h
}
