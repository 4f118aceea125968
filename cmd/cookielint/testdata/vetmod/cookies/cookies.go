// Package cookies is a wrapper other packages set their cookies through.
package cookies

import "net/http"

// Set sets a hardened cookie whose name the caller chooses.
func Set(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", Secure: true, HttpOnly: true})
}
