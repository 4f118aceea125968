package samesite

import "net/http"

func none(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "relaxed", SameSite: http.SameSiteNoneMode}) // want `cookie "relaxed" is SameSite=None without Secure, so browsers reject it`
	http.SetCookie(w, &http.Cookie{Name: "relaxed", SameSite: http.SameSiteNoneMode, Secure: true})
	w.Header().Add("Set-Cookie", "relaxed=1; SameSite=None") // want `SameSite=None without Secure`
}

func minimum(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "prefs", Secure: true, HttpOnly: true})                                    // want `cookie "prefs" is set without SameSite, but the policy requires at least SameSite=Strict.*set SameSite: http.SameSiteStrictMode`
	http.SetCookie(w, &http.Cookie{Name: "prefs", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})    // want `cookie "prefs" is set with SameSite=Lax, but the policy requires at least SameSite=Strict`
	http.SetCookie(w, &http.Cookie{Name: "prefs", Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode}) // ok
	w.Header().Add("Set-Cookie", "prefs=1; Secure; HttpOnly; SameSite=Strict")
	w.Header().Add("Set-Cookie", "prefs=1; Secure; HttpOnly; SameSite=Lax") // want `SameSite=Lax, but the policy requires at least SameSite=Strict.*add "; SameSite=Strict"`
}
