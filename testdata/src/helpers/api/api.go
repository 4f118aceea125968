package api // want package:"cookie functions"

import (
	"net/http"

	"helpers/wrap"
)

func handlers(w http.ResponseWriter, r *http.Request, token string) {
	wrap.SetCookie(w, r, "user_sess", token)
	wrap.SetCookie(w, r, "undeclared_one", token) // want `cookie "undeclared_one" is not declared in the cookie policy cookie-policy.yaml; .* \(set through wrap.SetCookie\)`
	wrap.SetSecure(w, "user_sess", true)
	wrap.SetSecure(w, "user_sess", false) // want `cookie "user_sess" is set with Secure: false: .*\(set through wrap.SetSecure\)`
	wrap.SetSecure(w, "user_sess", wrap.IsHTTPS(r))
	wrap.SetDefault(w, "user_sess")
	wrap.SetDefault(w, "nope")     // want `cookie "nope" is not declared .*\(set through wrap.SetDefault\)`
	wrap.Insecure(w, "user_sess")  // reported once, in the helper
	wrap.LongLived(w, "user_sess") // reported once, in the helper
	wrap.NoHttpOnly(w, "lang")
	wrap.NoHttpOnly(w, "user_sess")  // want `cookie "user_sess" is set without HttpOnly: .*\(set through wrap.NoHttpOnly\)`
	wrap.Delete(w, "legacy_tracker") // a deletion: exempt
	wrap.Set(w, &http.Cookie{Name: "user_sess", Secure: true, HttpOnly: true})
	wrap.Set(w, &http.Cookie{Name: "user_sess", HttpOnly: true}) // want `cookie "user_sess" is set without Secure: .*\(set through wrap.Set\)`
	wrap.Harden(w, &http.Cookie{Name: "user_sess"})
	wrap.Harden(w, &http.Cookie{Name: "ghost"}) // want `cookie "ghost" is not declared`
	j := &wrap.Jar{}
	j.Put(w, "user_sess")
	j.Put(w, "ghost2") // want `cookie "ghost2" is not declared .*\(set through Jar.Put\)`
	wrap.Retry(w, "user_sess", 3)
	wrap.Retry(w, "ghost3", 3) // want `cookie "ghost3" is not declared`
}

func constructors(w http.ResponseWriter, value string) {
	http.SetCookie(w, wrap.NewSession(value))
	http.SetCookie(w, wrap.Build("user_sess", value, true))
	http.SetCookie(w, wrap.Build("user_sess", value, false)) // want `cookie "user_sess" is set with Secure: false`
	http.SetCookie(w, wrap.Build("ghost4", value, true))     // want `cookie "ghost4" is not declared`
	http.SetCookie(w, wrap.NewLegacy())                      // want `cookie "user_sess" is set without Secure: .* \(built by wrap.NewLegacy\)`
	c := wrap.NewLegacy()
	c.Secure = true
	http.SetCookie(w, c)
	http.SetCookie(w, wrap.Pick(value == ""))
}

// A constructor of this package: its defect is reported in it, once.
func newLocal() *http.Cookie { // want newLocal:`returns\(net/http.Cookie Name="user_sess" HttpOnly=true\)`
	return &http.Cookie{Name: "user_sess", HttpOnly: true} // want `cookie "user_sess" is set without Secure: .* \(built by api.newLocal\)`
}

func useLocal(w http.ResponseWriter) {
	http.SetCookie(w, newLocal())
	http.SetCookie(w, newLocal())
}

// Cookies from a literal slice are checked one by one.
func loop(w http.ResponseWriter) {
	for _, c := range []*http.Cookie{
		{Name: "user_sess", Secure: true, HttpOnly: true},
		{Name: "loop_ghost", Secure: true, HttpOnly: true},
	} {
		http.SetCookie(w, c) // want `cookie "loop_ghost" is not declared`
	}
}

// A local chain: forward calls a helper of this package.
func forward(w http.ResponseWriter, name string) { // want forward:`sets\(net/http.Cookie Name=arg2 Secure=true HttpOnly=true\)`
	wrap.SetDefault(w, name)
}

func useForward(w http.ResponseWriter) {
	forward(w, "user_sess")
	forward(w, "ghost5") // want `cookie "ghost5" is not declared .*\(set through api.forward\)`
}
