package cgocookie

/*
static int one(void) { return 1; }
*/
import "C"

import "net/http"

func f(w http.ResponseWriter) {
	_ = C.one()
	http.SetCookie(w, &http.Cookie{Name: "cgo_undeclared", Secure: true, HttpOnly: true}) // want `cookie "cgo_undeclared" is not declared`
}
