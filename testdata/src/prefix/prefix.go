package prefix

import "net/http"

func secure(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "__Secure-id", HttpOnly: true, Secure: true})
	http.SetCookie(w, &http.Cookie{Name: "__Secure-id", HttpOnly: true}) // want `cookie "__Secure-id" is set without Secure` `cookie "__Secure-id" has the __Secure- prefix but is set without Secure, so browsers reject it`
	w.Header().Add("Set-Cookie", "__secure-lower=1; HttpOnly")           // want `without Secure` `has the __secure- prefix but is set without Secure`
}

func host(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", Secure: true, HttpOnly: true, Domain: "example.com"}) // want `cookie "__Host-id" has the __Host- prefix but sets Domain "example.com", so browsers reject it; remove the Domain`
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/app", Secure: true, HttpOnly: true})                     // want `cookie "__Host-id" has the __Host- prefix but sets Path "/app"`
	http.SetCookie(w, &http.Cookie{Name: "__HOST-id", Secure: true, HttpOnly: true})                                   // want `has the __HOST- prefix but has no Path, and browsers reject it without Path=/; set Path: "/"`
}

// A deletion the browser rejects leaves the cookie in place: prefix rules
// apply to deletions too.
func deletion(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", Secure: true, MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", MaxAge: -1}) // want `has the __Host- prefix but is set without Secure` `has the __Host- prefix but has no Path`
}
