// Package policydata is analyzed with a policy given as data.
package policydata

import "net/http"

func f(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "only_in_data", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}) // want "cookie \"sessionid\" is not declared in the cookie policy embedded.yaml"
}
