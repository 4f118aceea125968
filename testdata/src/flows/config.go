package flows

import "net/http"

// A configuration struct whose fields every store in the package gives
// the same constant: a method building the cookie from them uses them.
type cookieMaker struct {
	secure   bool
	httpOnly bool
	name     string
	insecure bool
	mixed    bool
	fromEnv  bool
}

func newMaker(env string) *cookieMaker {
	return &cookieMaker{secure: true, httpOnly: true, name: "sessionid", insecure: false, mixed: true, fromEnv: env == "prod"}
}

func otherMaker() *cookieMaker {
	return &cookieMaker{secure: true, httpOnly: true, name: "sessionid", mixed: false}
}

func (m *cookieMaker) set(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: m.name, Secure: m.secure, HttpOnly: m.httpOnly})
	http.SetCookie(w, &http.Cookie{Name: m.name, Secure: m.insecure, HttpOnly: m.httpOnly}) // want `cookie "sessionid" is set with Secure: false`
	http.SetCookie(w, &http.Cookie{Name: m.name, Secure: m.mixed, HttpOnly: m.httpOnly})    // true in one constructor, false in the other: decided at run time
	http.SetCookie(w, &http.Cookie{Name: m.name, Secure: m.fromEnv, HttpOnly: m.httpOnly})  // decided at run time
}
