package httponly

import "net/http"

func missing(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true}) // want `cookie "sessionid" is set without HttpOnly: scripts can read it.*; set HttpOnly: true`
	http.SetCookie(w, &http.Cookie{Name: "csrftoken", Secure: true})
	http.SetCookie(w, &http.Cookie{Name: "_ga_1", Secure: true})
}

func branches(w http.ResponseWriter, r *http.Request) {
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	if r.TLS == nil {
		c.HttpOnly = false
	} else {
		c.HttpOnly = false
	}
	http.SetCookie(w, c) // want `cookie "sessionid" is set with HttpOnly: false`
}

func header(w http.ResponseWriter) {
	w.Header().Add("Set-Cookie", "sessionid=v; Secure") // want `add "; HttpOnly" to the Set-Cookie value`
}
