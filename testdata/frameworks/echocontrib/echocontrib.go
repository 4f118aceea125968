// Package echocontrib registers a gorilla cookie store with its v1.4.0
// defaults (no HttpOnly) in echo-contrib's session middleware.
package echocontrib

import (
	"github.com/gorilla/sessions"
	"github.com/labstack/echo-contrib/session"
	"github.com/labstack/echo/v4"
)

func routes(e *echo.Echo) {
	e.Use(session.Middleware(sessions.NewCookieStore([]byte("secret"))))
}

func handler(c echo.Context) error {
	sess, _ := session.Get("sessionid", c)
	sess.Values["user"] = 1
	return sess.Save(c.Request(), c.Response()) // want `cookie "sessionid" is set without HttpOnly`
}

func undeclared(c echo.Context) error {
	sess, _ := session.Get("undeclared_ec", c)
	sess.Options.HttpOnly = true
	return sess.Save(c.Request(), c.Response()) // want `cookie "undeclared_ec" is not declared`
}
