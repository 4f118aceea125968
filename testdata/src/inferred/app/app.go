// Package app uses the in-house framework: its cookies are checked where
// it builds them, through helpers no model names.
package app // want package:"cookie functions"

import (
	"net/http"

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
