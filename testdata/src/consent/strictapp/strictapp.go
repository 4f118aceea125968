package strictapp

import (
	"net/http"

	"consent/checks"
)

func runtimeCategory(w http.ResponseWriter, r *http.Request, category string) {
	if checks.Allowed(r, category) {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cannot verify that cookie "_ga" \(statistics\) is set only after the visitor's consent to statistics: the category checks.Allowed checks is decided at run time`
	}
	if checks.Allowed(r, "statistics") {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
	}
}
