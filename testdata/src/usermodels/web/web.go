// Package web is an in-house framework whose cookies cookielint cannot
// follow by itself: they are written through an interface.
package web

import (
	"fmt"
	"net/http"
)

type headers interface{ Add(key, value string) }

// Context is a request's context.
type Context struct{ out headers }

// SetCookie writes a cookie.
func (c *Context) SetCookie(name, value string, maxAge int, path, domain string, secure, httpOnly bool) {
	c.out.Add("Set-Cookie", fmt.Sprintf("%s=%s; Max-Age=%d; Path=%s; Domain=%s; Secure=%v; HttpOnly=%v", name, value, maxAge, path, domain, secure, httpOnly))
}

// Forget deletes a cookie.
func (c *Context) Forget(name string) { c.out.Add("Set-Cookie", name+"=; Max-Age=0; Path=/") }

// Cookie is the framework's cookie.
type Cookie struct {
	Key, Value       string
	Secure, HTTPOnly bool
	MaxAge           int
	Path             string
}

// SetSecure sets Secure.
func (c *Cookie) SetSecure(b bool) { c.Secure = b }

// Send writes a cookie on a response.
func Send(w http.ResponseWriter, c *Cookie) { send(w, c) }

var send = func(http.ResponseWriter, *Cookie) {}
