// Package mvc is an in-house framework in the beego style: SetCookie reads
// its optional arguments by position and dynamic type, and runs the
// func(*http.Cookie) values among them on the cookie. No model names it.
package mvc // want package:"cookie functions"

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"
)

// Ctx is a request's context.
type Ctx struct {
	Resp http.ResponseWriter
	Req  *http.Request
}

// SetCookie sets a cookie. others are, in order: the max age (an int),
// the path, the domain, secure (a bool; anything else but nil means
// true), httpOnly (a bool) and the expiry (a time.Time); a
// func(*http.Cookie) in any place edits the cookie.
func (ctx *Ctx) SetCookie(name, value string, others ...interface{}) { // want SetCookie:`sets\(net/http.Cookie Name=arg2 Secure=arg4\[4\] HttpOnly=arg4\[5\] Path=arg4\[2\]\|"/" Domain=arg4\[3\] MaxAge=arg4\[1\] Expires=arg4\[6\]\)`
	c := http.Cookie{Name: name, Value: value}
	if len(others) > 0 {
		switch v := others[0].(type) {
		case int:
			c.MaxAge = v
		case int64:
			c.MaxAge = int(v)
		case func(*http.Cookie):
			v(&c)
		}
	}
	c.Path = "/"
	if len(others) > 1 {
		if v, ok := others[1].(string); ok && v != "" {
			c.Path = v
		}
	}
	if len(others) > 2 {
		if v, ok := others[2].(string); ok && v != "" {
			c.Domain = v
		}
	}
	if len(others) > 3 {
		switch v := others[3].(type) {
		case bool:
			c.Secure = v
		case func(*http.Cookie):
			v(&c)
		default:
			if v != nil {
				c.Secure = true
			}
		}
	}
	if len(others) > 4 {
		if v, ok := others[4].(bool); ok && v {
			c.HttpOnly = true
		}
	}
	if len(others) > 5 {
		if v, ok := others[5].(time.Time); ok {
			c.Expires = v
		}
	}
	for _, o := range others {
		if f, ok := o.(func(*http.Cookie)); ok {
			f(&c)
		}
	}
	ctx.Resp.Header().Add("Set-Cookie", c.String())
}

// SetSignedCookie signs the value and passes the options on.
func (ctx *Ctx) SetSignedCookie(secret, name, value string, others ...interface{}) { // want SetSignedCookie:`sets\(net/http.Cookie Name=arg3 Secure=arg5\[4\] HttpOnly=arg5\[5\] Path=arg5\[2\]\|"/" Domain=arg5\[3\] MaxAge=arg5\[1\] Expires=arg5\[6\]\)`
	sum := sha256.Sum256([]byte(secret + value))
	ctx.SetCookie(name, value+"|"+hex.EncodeToString(sum[:]), others...)
}
