package nolint

import "net/http"

func suppressed(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "tracker"}) //nolint:cookielint // a legacy cookie, removed in #123
	//nolint:cookielint
	http.SetCookie(w, &http.Cookie{Name: "tracker"})
	http.SetCookie(w, &http.Cookie{Name: "tracker"}) //nolint:gosec,cookielint
	http.SetCookie(w, &http.Cookie{Name: "tracker"}) //nolint
	http.SetCookie(w, &http.Cookie{Name: "tracker"}) //nolint:all
}

func notSuppressed(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "tracker", Secure: true, HttpOnly: true}) //nolint:gosec // want `cookie "tracker" is not declared`
	// nolint comments two lines above do not count
	//nolint:cookielint

	http.SetCookie(w, &http.Cookie{Name: "tracker", Secure: true, HttpOnly: true}) // want `cookie "tracker" is not declared`
}
