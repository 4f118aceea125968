package secure // want package:"cookie functions"

import (
	"fmt"
	"net/http"
)

func missing(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", HttpOnly: true}) // want `cookie "sessionid" is set without Secure: .*; set Secure: true`
}

func explicitFalse(w http.ResponseWriter) {
	c := http.Cookie{Name: "sessionid", HttpOnly: true, Secure: false}
	http.SetCookie(w, &c) // want `cookie "sessionid" is set with Secure: false`
}

func storedFalse(w http.ResponseWriter) {
	c := &http.Cookie{Name: "sessionid", HttpOnly: true, Secure: true}
	c.Secure = false
	http.SetCookie(w, c) // want `cookie "sessionid" is set with Secure: false`
}

const insecure = false

func constant(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", HttpOnly: true, Secure: insecure}) // want `cookie "sessionid" is set with Secure: false`
}

func header(w http.ResponseWriter) {
	w.Header().Add("Set-Cookie", "sessionid=v; HttpOnly")                    // want `cookie "sessionid" is set without Secure: .*add "; Secure" to the Set-Cookie value`
	w.Header().Add("Set-Cookie", fmt.Sprintf("sessionid=%s; HttpOnly", "v")) // want `without Secure`
}

func cookieString(w http.ResponseWriter) {
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	w.Header().Add("Set-Cookie", c.String()) // want `cookie "sessionid" is set without Secure: .*; set Secure: true`
}

func partitioned(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "relaxed", Partitioned: true}) // want `cookie "relaxed" is Partitioned but not Secure, so browsers reject it`
	http.SetCookie(w, &http.Cookie{Name: "relaxed", Partitioned: true, Secure: true})
}

// A cookie whose name is decided at run time could be "relaxed", which the
// policy lets go without Secure: not reported.
func runtimeName(w http.ResponseWriter, name string) { // want runtimeName:`sets\(net/http.Cookie Name=arg2 HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, HttpOnly: true})
}
