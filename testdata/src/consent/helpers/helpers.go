// Package helpers sets consent cookies for its callers, who must check
// consent first.
package helpers

import (
	"net/http"

	"consent/checks"
)

// SetAnalytics sets the statistics cookie: its callers check consent.
func SetAnalytics(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
}

// SetAnalyticsChecked checks consent itself.
func SetAnalyticsChecked(w http.ResponseWriter, r *http.Request) {
	if !checks.Allowed(r, "statistics") {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
}

// Set sets any cookie by name.
func Set(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "1", Secure: true, HttpOnly: true})
}
