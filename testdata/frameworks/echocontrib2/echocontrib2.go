// Package echocontrib2 registers a hardened store.
package echocontrib2

import (
	"github.com/gorilla/sessions"
	"github.com/labstack/echo-contrib/session"
	"github.com/labstack/echo/v4"
)

func routes(e *echo.Echo) {
	store := sessions.NewCookieStore([]byte("secret"))
	store.Options.HttpOnly = true
	e.Use(session.MiddlewareWithConfig(session.Config{Store: store}))
}

func handler(c echo.Context) error {
	sess, _ := session.Get("sessionid", c)
	return sess.Save(c.Request(), c.Response())
}
