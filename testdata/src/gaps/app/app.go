// Package app uses a framework no model covers, and imports nothing
// cookielint models: the calls that look like it sets cookies are the
// gaps the inventory lists and -strict reports.
package app

import "gaps/web"

func handler(c *web.Context) {
	c.SetCookie("sessionid", "v", true) // want `cannot verify the cookie \(\*gaps/web.Context\).SetCookie sets: no model covers it; declare it in the policy's models: section`
	_ = c.Cookie("sessionid")           // a getter
	c.Request().AddCookie(nil)          // a cookie sent to a server
}
