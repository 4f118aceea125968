// Package wrap sets cookies for other packages.
package wrap

import "net/http"

// Set sets a hardened cookie named by the caller.
func Set(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", Secure: true, HttpOnly: true})
}
