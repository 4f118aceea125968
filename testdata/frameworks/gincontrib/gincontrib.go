package gincontrib

import (
	"net/http"

	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
)

func routes(r *gin.Engine) {
	// gorilla/sessions v1.4.0 defaults: Secure, SameSite None, no HttpOnly.
	store := cookie.NewStore([]byte("secret"))
	r.Use(sessions.Sessions("sessionid", store)) // want `cookie "sessionid" is set without HttpOnly: .*; pass HttpOnly: true in the sessions.Options given to store.Options`

	hardened := cookie.NewStore([]byte("secret"))
	hardened.Options(sessions.Options{Path: "/", MaxAge: 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	r.Use(sessions.Sessions("sessionid", hardened))
	r.Use(sessions.Sessions("undeclared_gc", hardened)) // want `cookie "undeclared_gc" is not declared`
	r.Use(sessions.SessionsMany([]string{"sessionid", "other_gc"}, hardened)) // want `cookie "other_gc" is not declared`

	// Options replaces every option: Secure is lost.
	partial := cookie.NewStore([]byte("secret"))
	partial.Options(sessions.Options{MaxAge: 3600, HttpOnly: true})
	r.Use(sessions.Sessions("sessionid", partial)) // want `cookie "sessionid" is set without Secure`
}

func fromParam(r *gin.Engine, store sessions.Store) {
	r.Use(sessions.Sessions("undeclared_param_gc", store)) // want `cookie "undeclared_param_gc" is not declared`
}
