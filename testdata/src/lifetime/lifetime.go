package lifetime

import (
	"net/http"
	"time"
)

const day = 24 * 60 * 60

func maxAge(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, MaxAge: 7 * day})
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, MaxAge: 90 * day}) // want `cookie "sessionid" lives 90 days, but the policy allows at most 30 days`
	http.SetCookie(w, &http.Cookie{Name: "_ga_1", Secure: true, MaxAge: 399 * day})
	http.SetCookie(w, &http.Cookie{Name: "_ga_1", Secure: true, MaxAge: 2147483647}) // want `cookie "_ga_1" lives .*, but browsers keep a cookie at most 400 days`
}

func expires(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, Expires: time.Now().Add(24 * time.Hour)})
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, Expires: time.Now().Add(31 * 24 * time.Hour)}) // want `cookie "sessionid" lives 31 days, but the policy allows at most 30 days`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, Expires: time.Now().UTC().AddDate(1, 0, 0)})   // want `lives 36[56] days`
	http.SetCookie(w, &http.Cookie{Name: "_ga_1", Secure: true, Expires: time.Date(2999, 1, 1, 0, 0, 0, 0, time.UTC)})             // want `browsers keep a cookie at most 400 days`
}

func session(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "cart", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "cart", Secure: true, HttpOnly: true, MaxAge: 60}) // want `cookie "cart" persists for 1 minute, but the policy declares it a session cookie`
	w.Header().Add("Set-Cookie", "cart=1; Secure; HttpOnly; Max-Age=86400")                 // want `cookie "cart" persists for 1 day, but the policy declares it a session cookie; remove its Max-Age or Expires`
	http.SetCookie(w, &http.Cookie{Name: "cart", MaxAge: -1})
}
