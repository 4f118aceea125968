// Package app uses a framework no model covers: the calls that look like
// it sets cookies, but where cookielint cannot see what they set, are the
// gaps the inventory lists and -strict reports.
package app

import "gaps/web"

func handler(c *web.Context) {
	c.SetCookie("sessionid", "v", true)        // want `cannot verify the cookie \(\*gaps/web.Context\).SetCookie sets: no model covers it; declare it in the policy's models: section`
	c.SetCookieKV("sessionid", "v", 3600, "/") // want `cannot verify the cookie \(\*gaps/web.Context\).SetCookieKV sets`
	c.PutCookie("sessionid", "v")              // want `cannot verify the cookie \(\*gaps/web.Context\).PutCookie sets`
	_ = c.Cookie("sessionid")                  // a getter
	_ = c.GetCookie("sessionid", "")           // a getter too
	c.SetCookiePath("/")                       // a name and no value: not a cookie
	_ = c.CookieName()                         // returns the name
	c.Request().AddCookie(nil)                 // a cookie sent to a server
	c.Visible("sessionid")                     // followed: its summary
}
