// Package gothic uses gothic's default store: with gorilla/sessions
// v1.4.0 in this module's build, Secure and SameSite None, and gothic
// sets HttpOnly.
package gothic

import (
	"net/http"

	"github.com/markbates/goth/gothic"
)

func login(w http.ResponseWriter, r *http.Request) {
	gothic.BeginAuthHandler(w, r)
}

func callback(w http.ResponseWriter, r *http.Request) {
	_, _ = gothic.CompleteUserAuth(w, r) // a function variable, modeled too
}
