// Package track sets the statistics cookie; its callers check consent.
package track

import "net/http"

// SetVisit sets the statistics cookie.
func SetVisit(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
}
