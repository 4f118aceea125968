package fixes // want package:"cookie functions"

import (
	"fmt"
	"net/http"
)

func literals(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "v"}) // want `without Secure` `without HttpOnly`
	http.SetCookie(w, &http.Cookie{})                              // want `cookie "" has a name that is not a valid token`
	http.SetCookie(w, &http.Cookie{                                // want `with Secure: false` `without HttpOnly`
		Name:  "sessionid",
		Value: "v", // the value
		// Secure comes next
		Secure: false,
	})
	http.SetCookie(w, &http.Cookie{Name: "prefs", Secure: true, HttpOnly: true})                                 // want `without SameSite, but the policy requires at least SameSite=Strict`
	http.SetCookie(w, &http.Cookie{Name: "prefs", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}) // want `with SameSite=Lax`
	http.SetCookie(w, &http.Cookie{Name: "relaxed", SameSite: http.SameSiteNoneMode})                            // want `SameSite=None without Secure`
}

func stores(w http.ResponseWriter) {
	c := new(http.Cookie)
	c.Name = "sessionid"
	c.HttpOnly = true
	http.SetCookie(w, c) // want `without Secure`

	d := &http.Cookie{Name: "sessionid", HttpOnly: true, Secure: true}
	d.Secure = false
	http.SetCookie(w, d) // want `with Secure: false`

	var v http.Cookie
	v.Name, v.Value = "sessionid", "v"
	http.SetCookie(w, &v) // want `without Secure` `without HttpOnly`
}

func prefixes(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Domain: "example.com", Path: "/app", Secure: true, HttpOnly: true}) // want `sets Domain "example.com"` `sets Path "/app"`
	http.SetCookie(w, &http.Cookie{                                                                                       // want `sets Domain "example.com"` `has no Path`
		Name:     "__Host-id",
		Domain:   "example.com",
		Secure:   true,
		HttpOnly: true,
	})
}

func headers(w http.ResponseWriter) {
	w.Header().Add("Set-Cookie", "sessionid=v; Path=/")                    // want `without Secure` `without HttpOnly`
	w.Header().Add("Set-Cookie", fmt.Sprintf("sessionid=%s; Path=/", "v")) // want `without Secure` `without HttpOnly`
	w.Header().Add("Set-Cookie", "prefs=v; Secure; HttpOnly")              // want `without SameSite`
}

// No fix: a value decided at run time is not reported; an undeclared name
// is fixed in the policy; a lifetime has no single right value.
func noFix(w http.ResponseWriter, secure bool) { // want noFix:`sets`
	http.SetCookie(w, &http.Cookie{Name: "tracker", Secure: true, HttpOnly: true})            // want `not declared`
	http.SetCookie(w, &http.Cookie{Name: "cart", Secure: true, HttpOnly: true, MaxAge: 3600}) // want `persists for 1 hour`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: secure, HttpOnly: true})
}
