package app

import (
	"net/http"

	"consentmod/consent"
	"consentmod/track"
)

func home(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Secure: true, HttpOnly: true})
	if consent.Allowed(r, "statistics") {
		track.SetVisit(w)
	}
	track.SetVisit(w)
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
}

func Routes(mux *http.ServeMux) { mux.HandleFunc("/", home) }
