// Package app sets cookies for the go vet and command tests.
package app

import (
	"net/http"

	"vetmod/cookies"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "newcookie", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "sessionid", HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "legacy"}) //nolint:cookielint // removed next release
	cookies.Set(w, "sessionid", "v")
	cookies.Set(w, "wrapped", "v")
}
