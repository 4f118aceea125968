// Package macaroncsrf configures go-macaron/csrf
// (models/go-macaron-csrf.yaml).
package macaroncsrf

import (
	"github.com/go-macaron/csrf"
	"gopkg.in/macaron.v1"
)

func setup(m *macaron.Macaron) {
	m.Use(csrf.Generate(csrf.Options{SetCookie: true, Secure: true, CookieHttpOnly: true}))
	m.Use(csrf.Generate(csrf.Options{SetCookie: true})) // want `cookie "_csrf" is set without Secure: .*set Secure: true in the csrf.Options` `cookie "_csrf" is set without HttpOnly: .*set CookieHttpOnly: true in the csrf.Options`
	m.Use(csrf.Csrfer(csrf.Options{SetCookie: true, Cookie: "ghost_csrf", Secure: true, CookieHttpOnly: true})) // want `cookie "ghost_csrf" is not declared`
	m.Use(csrf.Csrfer()) // no cookie without SetCookie
}
