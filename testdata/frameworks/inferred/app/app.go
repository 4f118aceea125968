// Package app handles requests with the in-house session helpers: the
// store's missing Secure and HttpOnly are reported where the session is
// saved, naming the helper.
package app

import (
	"net/http"

	"frameworks/inferred/sess"
)

func login(w http.ResponseWriter, r *http.Request) {
	c := sess.New(w, r)
	s := c.GetSession()
	s.Values["user"] = "alice"
	c.SaveSession(s) // want `cookie "session" is set without Secure: .* \(set through Ctx.SaveSession\)` `cookie "session" is set without HttpOnly: .* \(set through Ctx.SaveSession\)`
}

func loginSecure(w http.ResponseWriter, r *http.Request) {
	c := sess.NewSecure(w, r)
	s := c.Session()
	s.Values["user"] = "alice"
	_ = c.Save(s) // hardened in the constructor
}

func partly(w http.ResponseWriter, r *http.Request) {
	c := sess.NewPartly(w, r)
	s := c.Session("session")
	_ = c.Save(s) // want `cookie "session" is set without Secure: .* \(set through PartlyCtx.Save\)`
	other := c.Session("ghost_session")
	_ = c.Save(other) // want `cookie "ghost_session" is not declared .* \(set through PartlyCtx.Save\)` `without Secure`
}
