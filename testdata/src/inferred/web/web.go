// Package web is an in-house framework: a handler writes into an
// *http.Response that the server copies to the client, through the
// context's helpers. No model names it: cookielint works out what its
// helpers do from their bodies.
package web // want package:"cookie functions"

import (
	"net/http"
	"strings"
)

// Context is a request's context.
type Context struct {
	Request  *http.Request
	Response *http.Response
	extra    http.Header
}

// AddHeader adds a header to the response: a cookie where the caller
// passes Set-Cookie.
func (c *Context) AddHeader(key, value string) { // want AddHeader:`sets\(net/http.Set-Cookie header line from arg 3, where arg 2 is Set-Cookie\)`
	c.Response.Header.Add(key, value)
}

// SetCookie sets a cookie through AddHeader.
func (c *Context) SetCookie(cookie *http.Cookie) { // want SetCookie:`sets\(net/http.Cookie from arg 2 Name=arg2.Name Secure=arg2.Secure`
	c.AddHeader("Set-Cookie", cookie.String())
}

// SetRawCookie sets a cookie from its Set-Cookie line.
func (c *Context) SetRawCookie(line string) { // want SetRawCookie:`sets\(net/http.Set-Cookie header line from arg 2\)`
	c.AddHeader("Set-Cookie", line)
}

// SetHardened sets a cookie Secure and HttpOnly whatever the caller says.
func (c *Context) SetHardened(cookie *http.Cookie) { // want SetHardened:`sets\(net/http.Cookie from arg 2 Name=arg2.Name Secure=true HttpOnly=true`
	cookie.Secure, cookie.HttpOnly = true, true
	c.SetCookie(cookie)
}

// SetExtra adds a header to a header map the context keeps.
func (c *Context) SetExtra(key, value string) { // want SetExtra:`sets\(net/http.Set-Cookie header line from arg 3, where arg 2 is Set-Cookie\)`
	c.extra[key] = append(c.extra[key], value)
}

// Header sets a header the caller names at run time: not a cookie the
// analysis can know of.
func (c *Context) Header(value string) {
	key := strings.TrimSpace(c.Request.FormValue("h"))
	c.Response.Header.Add(key, value)
}

// Security adds the usual security headers: no cookie.
func (c *Context) Security() {
	c.AddHeader("X-Frame-Options", "DENY")
	c.AddHeader("Content-Security-Policy", "default-src 'self'")
}

// Clear clears a cookie: a line with an empty value carries nothing.
func (c *Context) Clear(name string) { // want Clear:`sets\(net/http.Cookie Name=arg2`
	c.SetCookie(&http.Cookie{Name: name, Path: "/", MaxAge: -1})
}

// Copy writes the response's headers to w (the server's side).
func (c *Context) Copy(w http.ResponseWriter) {
	for k, v := range c.Response.Header {
		w.Header()[k] = v
	}
}
