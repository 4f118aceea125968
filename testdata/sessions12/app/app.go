// Package app builds with gorilla/sessions v1.2.2, whose NewCookieStore
// sets neither Secure nor SameSite (v1.3.0 added both).
package app

import (
	"net/http"

	ginsessions "github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
	"github.com/markbates/goth/gothic"
)

var store = sessions.NewCookieStore([]byte("a-32-byte-long-authentication-key"))

func handler(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "sessionid")
	s.Options.HttpOnly = true
	s.Save(r, w) // want `cookie "sessionid" is set without Secure`
}

func hardened(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "sessionid")
	s.Options.HttpOnly = true
	s.Options.Secure = true
	s.Save(r, w)
}

func routes(r *gin.Engine) {
	r.Use(ginsessions.Sessions("sessionid", cookie.NewStore([]byte("secret")))) // want `cookie "sessionid" is set without Secure` `cookie "sessionid" is set without HttpOnly`
}

func login(w http.ResponseWriter, r *http.Request) {
	gothic.BeginAuthHandler(w, r) // want `cookie "_gothic_session" is set without Secure`
}
