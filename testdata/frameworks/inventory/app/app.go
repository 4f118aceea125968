// Package app sets cookies four ways, for the inventory test.
package app

import (
	"net/http"

	"frameworks/inventory/wrap"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/csrf"
)

func plain(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	http.SetCookie(w, &http.Cookie{Name: "legacy_tracker", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: r.FormValue("n"), Secure: true, HttpOnly: true})
}

func wrapped(w http.ResponseWriter) {
	wrap.Set(w, "strictone", "v")
}

func framework(c *gin.Context) {
	c.SetCookie("undeclared_gin", "v", 3600, "/", "", true, true)
}

func library(h http.Handler) http.Handler {
	return csrf.Protect([]byte("a-32-byte-long-authentication-key"))(h)
}
