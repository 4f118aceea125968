// Package macaronsession configures go-macaron/session
// (models/go-macaron-session.yaml).
package macaronsession

import (
	"github.com/go-macaron/session"
	"gopkg.in/macaron.v1"
)

func setup(m *macaron.Macaron) {
	m.Use(session.Sessioner(session.Options{CookieName: "MacaronSession", Secure: true, CookieSameSite: true}))
	m.Use(session.Sessioner(session.Options{CookieName: "MacaronSession", Secure: true, CookieLifeTime: 86400 * 500})) // want `cookie "MacaronSession" lives 500 days, but browsers keep a cookie at most 400 days`
	m.Use(session.Sessioner(session.Options{CookieName: "ghost_macaron", Secure: true}))                              // want `cookie "ghost_macaron" is not declared`
	// Zero options are read from macaron's configuration file at run time.
	m.Use(session.Sessioner())
	m.Use(session.Sessioner(session.Options{CookieName: "MacaronSession"}))
}
