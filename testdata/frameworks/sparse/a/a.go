// Package a sets a session cookie named by its caller.
package a

import "net/http"

// SetSession sets the session cookie.
func SetSession(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}
