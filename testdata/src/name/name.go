package name

import "net/http"

func names(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "bad name", Secure: true}) // want `cookie "bad name" has a name that is not a valid token, so net/http drops it`
	http.SetCookie(w, &http.Cookie{Name: "", Secure: true})         // want `cookie "" has a name that is not a valid token`
	http.SetCookie(w, &http.Cookie{Name: "sess;ion", MaxAge: -1})   // want `not a valid token`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
}
