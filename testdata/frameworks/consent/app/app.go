package app // want package:"cookie functions"

import (
	"net/http"

	"github.com/alexedwards/scs/v2"
	"github.com/gin-gonic/gin"
	"github.com/gorilla/csrf"

	"frameworks/consent/checks"
)

func ginHandler(c *gin.Context) {
	if checks.Allowed(c.Request, "statistics") {
		c.SetCookie("_ga", "1", 3600, "/", "", true, true)
	} else {
		c.SetCookie("_ga", "1", 3600, "/", "", true, true) // want `cookie "_ga" \(statistics\) needs the visitor's consent, but it is set on a path where no declared check confirmed it`
	}
	if !checks.Allowed(c.Request, "statistics") {
		c.AbortWithStatus(http.StatusNoContent)
		return
	}
	c.SetCookie("_ga", "1", 3600, "/", "", true, true)
	c.SetCookie("_ga", "", -1, "/", "", true, true) // a deletion
}

// A library that sets its cookie in middleware, configured with a cookie
// that needs consent: nothing can check consent before the middleware
// runs.
func sessions() *scs.SessionManager { // want sessions:`returns`
	sm := scs.New() // want `cookie "theme_session" \(preferences\) needs the visitor's consent, but it is set by the library's middleware`
	sm.Cookie.Name = "theme_session"
	sm.Cookie.Secure = true
	return sm
}

func csrfMiddleware(h http.Handler) http.Handler {
	return csrf.Protect([]byte("k"))(h) // necessary: no consent needed
}
