package sub // want package:"cookie functions"

import "net/http"

// Without a policy file, names are not checked; attributes are, against
// the defaults.
func f(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "anything", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "anything", HttpOnly: true}) // want `cookie "anything" is set without Secure`
}

func runtimeName(w http.ResponseWriter, name string) { // want runtimeName:`sets\(net/http.Cookie Name=arg2 HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, HttpOnly: true}) // want `a cookie whose name is decided at run time is set without Secure`
}
