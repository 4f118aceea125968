// Package unused imports nothing the models name: it is not analyzed
// for them, and their mistakes are not its errors.
package unused

import "net/http"

func f(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sid", Secure: true, HttpOnly: true})
}
