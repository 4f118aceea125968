// Package app uses the team's own session library and middleware: they
// are checked like a built-in one (gorillaapp is its twin on
// gorilla/sessions, with the same findings).
package app

import (
	"net/http"

	"frameworks/userlib/guard"
	"frameworks/userlib/sess"
)

var store = sess.NewStore(nil)

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Values["user"] = "alice"
	_ = s.Save(r, w) // want `cookie "session" is set without Secure` `cookie "session" is set without HttpOnly`
}

var hardened = sess.NewStore(nil)

func init() {
	hardened.Options.Secure = true
	hardened.Options.HttpOnly = true
}

func loginHardened(w http.ResponseWriter, r *http.Request) {
	s, _ := hardened.Get(r, "session")
	_ = s.Save(r, w)
	t, _ := hardened.Get(r, "other")
	_ = t.Save(r, w) // want `cookie "other" is not declared`
}

func middleware(h http.Handler) http.Handler {
	h = guard.New(guard.Config{Secure: true, SameSite: http.SameSiteLaxMode})(h)
	return guard.New(guard.Config{SameSite: http.SameSiteLaxMode})(h) // want `cookie "_guard" is set without Secure: .*; set Secure: true in the guard.Config`
}
