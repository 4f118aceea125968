package scope

import "net/http"

func scope(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "scoped", Path: "/app", Domain: "example.com", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "scoped", Path: "/", Secure: true, HttpOnly: true})                         // want `cookie "scoped" is set with Path "/", but the policy declares Path "/app" \(line 25\)`
	http.SetCookie(w, &http.Cookie{Name: "scoped", Path: "/app", Domain: "other.org", Secure: true, HttpOnly: true}) // want `cookie "scoped" is set with Domain "other.org", but the policy declares Domain "example.com"`
}

// A logout whose deletion has another Path deletes nothing.
func logout(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "scoped", Path: "/", MaxAge: -1}) // want `cookie "scoped" is set with Path "/", but the policy declares Path "/app"`
}
