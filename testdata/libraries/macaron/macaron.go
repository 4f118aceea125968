// Package macaron uses macaron's cookie setters, read by position and
// dynamic type (models/macaron.yaml).
package macaron

import (
	"net/http"

	"gopkg.in/macaron.v1"
)

func handler(ctx *macaron.Context, v string) {
	ctx.SetCookie("sessionid", v, 3600, "/", "", true, true)
	ctx.SetCookie("sessionid", v, 3600, "/", "", false, true) // want `cookie "sessionid" is set with secure false: .*pass true as the secure argument`
	ctx.SetCookie("sessionid", v, 3600, "/", "", true)        // want `cookie "sessionid" is set without HttpOnly`
	ctx.SetCookie("sessionid", v)                             // want `cookie "sessionid" is set without Secure` `cookie "sessionid" is set without HttpOnly`
	ctx.SetCookie("sessionid", v, 3600, "", "", "on", true)   // anything but a bool means Secure; an empty path is "/"
	ctx.SetSecureCookie("sessionid", v, 3600, "/", "", true, true)
	ctx.SetSuperSecureCookie("key", "sessionid", v, 3600, "/", "", false, true) // want `cookie "sessionid" is set with secure false`
	ctx.SetSuperSecureCookie("key", "ghost_macaron", v, 3600, "/", "", true, true) // want `cookie "ghost_macaron" is not declared`
	// A func(*http.Cookie) among others may change anything.
	ctx.SetCookie("sessionid", v, 3600, "/", "", false, false, func(c *http.Cookie) { c.Secure, c.HttpOnly = true, true })
}
