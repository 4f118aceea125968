package app

import "net/http"

func handler(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "tracker", Secure: true, HttpOnly: true}) // want `cookie "tracker" is not declared in the cookie policy cookie-policy.yaml`
}
