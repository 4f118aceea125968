// Command fixmod sets cookies wrongly, for the -fix test.
package main

import (
	"fmt"
	"net/http"
)

func login(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "v"})
	http.SetCookie(w, &http.Cookie{
		Name:     "__Host-sid",
		Value:    "v",
		Domain:   "example.com",
		HttpOnly: true,
		SameSite: http.SameSiteStrictMode,
	})
	c := new(http.Cookie)
	c.Name = "theme"
	c.Secure = false
	http.SetCookie(w, c)
	w.Header().Add("Set-Cookie", fmt.Sprintf("sessionid=%s; Path=/", "v"))
	http.SetCookie(w, &http.Cookie{Name: "tracker", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func main() {
	http.HandleFunc("/login", login)
	_ = http.ListenAndServe("localhost:8080", nil)
}
