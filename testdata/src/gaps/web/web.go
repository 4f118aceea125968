// Package web is a framework no model covers: its cookies are written
// through an interface, where cookielint cannot follow them.
package web

import "net/http"

type writer interface{ Add(key, value string) }

// Context is a request's context.
type Context struct {
	out writer
	req *http.Request
	w   http.ResponseWriter
}

// SetCookie sets a cookie.
func (c *Context) SetCookie(name, value string, secure bool) { c.out.Add("Set-Cookie", name+"="+value) }

// SetCookieKV sets a cookie in the beego style, through the interface.
func (c *Context) SetCookieKV(name, value string, others ...interface{}) {
	c.out.Add("Set-Cookie", name+"="+value)
}

// Option configures a cookie.
type Option func(*http.Cookie)

// PutCookie sets a cookie with options, through the interface.
func (c *Context) PutCookie(name, value string, opts ...Option) {
	c.out.Add("Set-Cookie", name+"="+value)
}

// Cookie returns a request cookie's value.
func (c *Context) Cookie(name string) string { return "" }

// GetCookie returns a request cookie's value too.
func (c *Context) GetCookie(name, fallback string) string { return fallback }

// SetCookiePath sets the path of later cookies: not a cookie.
func (c *Context) SetCookiePath(path string) {}

// CookieName is the session cookie's name.
func (c *Context) CookieName() string { return "sid" }

// Request is the request.
func (c *Context) Request() *http.Request { return c.req }

// Visible sets a cookie the analysis sees: the package has summaries, and
// its other setters are still gaps.
func (c *Context) Visible(name string) {
	http.SetCookie(c.w, &http.Cookie{Name: name, Value: "v", Secure: true, HttpOnly: true})
}
