// Package app uses the in-house framework: its cookies are checked where
// it builds them, through helpers no model names.
package app // want package:"cookie functions"

import (
	"net/http"
	"time"

	"inferred/mvc"
	"inferred/web"
)

func handler(c *web.Context, v string) {
	c.SetCookie(&http.Cookie{Name: "sessionid", Value: v})                               // want `cookie "sessionid" is set without Secure: .* \(set through Context.SetCookie\)` `cookie "sessionid" is set without HttpOnly: .* \(set through Context.SetCookie\)`
	c.SetCookie(&http.Cookie{Name: "sessionid", Value: v, Secure: true, HttpOnly: true}) // right
	c.SetCookie(&http.Cookie{Name: "ghost", Value: v, Secure: true, HttpOnly: true})     // want `cookie "ghost" is not declared .* \(set through Context.SetCookie\)`
	c.SetHardened(&http.Cookie{Name: "sessionid", Value: v})                             // hardened inside
	c.AddHeader("Set-Cookie", "sessionid=x; Path=/")                                     // want `cookie "sessionid" is set without Secure: .* \(set through Context.AddHeader\)` `without HttpOnly: .* \(set through Context.AddHeader\)`
	c.AddHeader("set-cookie", "sessionid=x; Path=/; Secure; HttpOnly")                   // right, however the name is spelt
	c.AddHeader("X-Session", "sessionid=x; Path=/")                                      // another header: no cookie
	c.SetRawCookie("sessionid=" + v + "; Path=/; HttpOnly")                              // want `cookie "sessionid" is set without Secure: .* \(set through Context.SetRawCookie\)`
	c.SetRawCookie("sessionid=" + v + "; Path=/; Secure; HttpOnly")                      // right
	c.SetExtra("Set-Cookie", "sessionid=x; HttpOnly")                                    // want `cookie "sessionid" is set without Secure: .* \(set through Context.SetExtra\)`
	c.Header("sessionid=x")                                                              // a header named at run time
	c.Security()
	c.Clear("sessionid") // a deletion
	key := "Set-Cookie"
	c.AddHeader(key, (&http.Cookie{Name: "sessionid", Value: v, HttpOnly: true}).String()) // want `cookie "sessionid" is set without Secure: .* \(set through Context.AddHeader\)`
}

// addCookieHeader is a wrapper of a wrapper: the header's name is still
// the caller's.
func addCookieHeader(c *web.Context, key, line string) { // want addCookieHeader:`sets\(net/http.Set-Cookie header line from arg 3, where arg 2 is Set-Cookie\)`
	c.AddHeader(key, line)
}

func nested(c *web.Context) {
	addCookieHeader(c, "Set-Cookie", "sessionid=y") // want `cookie "sessionid" is set without Secure: .* \(set through app.addCookieHeader\)` `without HttpOnly`
	addCookieHeader(c, "Cache-Control", "no-store") // not a cookie
}

// The beego-style setter, read by position and dynamic type.
func variadic(ctx *mvc.Ctx, v string) {
	ctx.SetCookie("sessionid", v, 3600, "/", "", true, true)  // right
	ctx.SetCookie("sessionid", v, 3600, "/", "", false, true) // want `cookie "sessionid" is set with Secure: false: .* \(set through Ctx.SetCookie\)`
	ctx.SetCookie("sessionid", v, 3600, "/", "", true)        // want `cookie "sessionid" is set without HttpOnly: .* \(set through Ctx.SetCookie\)`
	ctx.SetCookie("sessionid", v)                             // want `cookie "sessionid" is set without Secure: .* \(set through Ctx.SetCookie\)` `without HttpOnly`
	ctx.SetCookie("sessionid", v, 3600, "/", "", "on", true)  // anything but a bool means Secure
	ctx.SetCookie("sessionid", v, 3600, "", "", true, true)   // an empty path keeps "/"
	ctx.SetCookie("scoped", v, 0, "/app", "example.com", true, true, time.Now().Add(time.Hour))
	ctx.SetCookie("scoped", v, 0, "/", "example.com", true, true)                                                       // want `cookie "scoped" is set with Path "/", but the policy declares Path "/app"`
	ctx.SetCookie("sessionid", v, 3600*24*365, "/", "", true, true)                                                     // want `cookie "sessionid" lives 365 days, but the policy allows at most 30 days`
	ctx.SetCookie("ghost", v, 0, "/", "", true, true)                                                                   // want `cookie "ghost" is not declared .* \(set through Ctx.SetCookie\)`
	ctx.SetCookie("sessionid", v, 0, "/", "", false, false, func(c *http.Cookie) { c.Secure, c.HttpOnly = true, true }) // a hook may change anything
	ctx.SetSignedCookie("k", "sessionid", v, 0, "/", "", false, true)                                                   // want `cookie "sessionid" is set with Secure: false: .* \(set through Ctx.SetSignedCookie\)`
	ctx.SetSignedCookie("k", "sessionid", v, 0, "/", "", true, true)
	opts := []interface{}{0, "/", "", false, true}
	ctx.SetCookie("sessionid", v, opts...) // spread from a slice: decided at run time
}
