// Command opendata is a small web app whose cookies are declared in
// cookie-policy.yaml beside it. Some of them are set wrongly on purpose:
// run cookielint on it to see the findings.
package main

import (
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"
)

type config struct {
	SecureCookies bool // false when developing over plain HTTP on localhost
}

var cfg = config{SecureCookies: true}

func login(w http.ResponseWriter, r *http.Request) {
	// Correct: declared, Secure, HttpOnly, SameSite, within its 14 days.
	http.SetCookie(w, &http.Cookie{
		Name:     "sessionid",
		Value:    "opaque-token",
		Path:     "/",
		MaxAge:   int((7 * 24 * time.Hour).Seconds()),
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
	// Decided at run time: not a finding unless -strict.
	http.SetCookie(w, &http.Cookie{Name: "csrftoken", Value: "t", Path: "/", Secure: cfg.SecureCookies, SameSite: http.SameSiteStrictMode})
}

func language(w http.ResponseWriter, r *http.Request) {
	c := new(http.Cookie)
	c.Name = "django_language"
	c.Value = r.URL.Query().Get("lang")
	c.Path = "/"
	c.HttpOnly = true
	c.SameSite = http.SameSiteLaxMode
	http.SetCookie(w, c) // Secure forgotten
}

func preferences(w http.ResponseWriter, r *http.Request) {
	// Two years, where the policy promises 180 days.
	w.Header().Add("Set-Cookie", fmt.Sprintf("cookies_preferences=%s; Path=/; Max-Age=63072000; Secure; HttpOnly; SameSite=Lax", "all"))
	// A cookie nobody declared.
	http.SetCookie(w, &http.Cookie{Name: "ab_test", Value: "b", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

// consentGiven reports whether the visitor agreed to a category of
// cookies: the choice they made, kept in cookies_preferences.
func consentGiven(r *http.Request, category string) bool {
	c, err := r.Cookie("cookies_preferences")
	return err == nil && strings.Contains(c.Value, category)
}

func article(w http.ResponseWriter, r *http.Request) {
	// Audience measurement, after the visitor agreed to statistics.
	if consentGiven(r, "statistics") {
		http.SetCookie(w, &http.Cookie{Name: "_pk_id", Value: "visitor", Path: "/", MaxAge: 395 * 24 * 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	}
}

func home(w http.ResponseWriter, r *http.Request) {
	// The same cookie set before the visitor chose: what a consent
	// scanner finds on the live site, after release.
	http.SetCookie(w, &http.Cookie{Name: "_pk_id", Value: "visitor", Path: "/", MaxAge: 395 * 24 * 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
}

func logout(w http.ResponseWriter, r *http.Request) {
	// The session cookie lives on Path "/": deleting it on "/logout"
	// deletes nothing.
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Path: "/logout", MaxAge: -1})
	// Clearing a legacy cookie: deletions are not held to the policy.
	http.SetCookie(w, &http.Cookie{Name: "old_tracker", Path: "/", MaxAge: -1})
}

func main() {
	http.HandleFunc("/login", login)
	http.HandleFunc("/language", language)
	http.HandleFunc("/preferences", preferences)
	http.HandleFunc("/logout", logout)
	http.HandleFunc("/article", article)
	http.HandleFunc("/", home)
	log.Fatal(http.ListenAndServe("localhost:8080", nil))
}
