// Package flamego sets cookies through flamego's context
// (models/flamego.yaml).
package flamego

import (
	"net/http"

	"github.com/flamego/flamego"
)

func handler(c flamego.Context, v string) {
	c.SetCookie(http.Cookie{Name: "sessionid", Value: v, Secure: true, HttpOnly: true})
	c.SetCookie(http.Cookie{Name: "sessionid", Value: v}) // want `cookie "sessionid" is set without Secure` `cookie "sessionid" is set without HttpOnly`
	c.SetCookie(http.Cookie{Name: "sessionid", MaxAge: -1}) // a deletion
}
