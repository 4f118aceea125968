package undeclared

import (
	"fmt"
	"net/http"

	"undeclared/names"
)

const local = "local_name"

func undeclared(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "tracker", Secure: true, HttpOnly: true})          // want `cookie "tracker" is not declared in the cookie policy cookie-policy.yaml; declare it there`
	http.SetCookie(w, &http.Cookie{Name: local, Secure: true, HttpOnly: true})              // want `cookie "local_name" is not declared`
	http.SetCookie(w, &http.Cookie{Name: names.Imported, Secure: true, HttpOnly: true})     // want `cookie "imported_name" is not declared`
	http.SetCookie(w, &http.Cookie{Name: names.Prefix + "x", Secure: true, HttpOnly: true}) // want `cookie "pre_x" is not declared`
	w.Header().Add("Set-Cookie", "hdr=1; Secure; HttpOnly")                                 // want `cookie "hdr" is not declared`
	w.Header().Add("Set-Cookie", fmt.Sprintf("fmt_%s=1; Secure; HttpOnly", "x"))
	w.Header().Add("Set-Cookie", fmt.Sprintf("fmtname=%d; Secure; HttpOnly", 1))     // want `cookie "fmtname" is not declared`
	http.SetCookie(w, &http.Cookie{Name: "Sessionid", Secure: true, HttpOnly: true}) // want `cookie "Sessionid" is not declared`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
}
