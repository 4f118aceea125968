// Package web is a framework no model covers: its cookies are written
// through an interface, where cookielint cannot follow them.
package web

import "net/http"

type writer interface{ Add(key, value string) }

// Context is a request's context.
type Context struct {
	out writer
	req *http.Request
}

// SetCookie sets a cookie.
func (c *Context) SetCookie(name, value string, secure bool) { c.out.Add("Set-Cookie", name+"="+value) }

// Cookie returns a request cookie's value.
func (c *Context) Cookie(name string) string { return "" }

// Request is the request.
func (c *Context) Request() *http.Request { return c.req }
