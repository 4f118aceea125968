package app

import (
	"net/http"

	"options/lib"
)

type hardener struct{}

func (hardener) Apply(c *http.Cookie) { c.Secure, c.HttpOnly = true, true }

func handler(w http.ResponseWriter) {
	lib.SetWith(w, "sessionid", func(c *http.Cookie) { c.Secure, c.HttpOnly = true, true })
	lib.Set(w, "sessionid", func(c *http.Cookie) { c.Secure = true }, func(c *http.Cookie) { c.HttpOnly = true })
	lib.SetVia(w, "sessionid", hardener{})
	lib.SetWith(w, "undeclared_cb", func(c *http.Cookie) {}) // want `cookie "undeclared_cb" is not declared`
	lib.Plain(w, "sessionid") // want `cookie "sessionid" is set without Secure: .* \(set through lib.Plain\)`
}
