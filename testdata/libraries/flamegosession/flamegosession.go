// Package flamegosession configures flamego/session
// (models/flamego-session.yaml).
package flamegosession

import (
	"github.com/flamego/flamego"
	"github.com/flamego/session"
)

func setup(f *flamego.Flame) {
	f.Use(session.Sessioner(session.Options{Cookie: session.CookieOptions{Secure: true, HTTPOnly: true}}))
	f.Use(session.Sessioner()) // want `cookie "flamego_session" is set without Secure: .*set Cookie.Secure: true in the session.Options`
	// Set one cookie option and HttpOnly is no longer the default.
	f.Use(session.Sessioner(session.Options{Cookie: session.CookieOptions{Secure: true}})) // want `cookie "flamego_session" is set without HttpOnly: .*set Cookie.HTTPOnly: true in the session.Options`
	f.Use(session.Sessioner(session.Options{Cookie: session.CookieOptions{Name: "ghost_flamego", Secure: true, HTTPOnly: true}})) // want `cookie "ghost_flamego" is not declared`
}
