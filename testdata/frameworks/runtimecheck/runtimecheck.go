// Package runtimecheck is an app on gin, with gorilla/sessions, whose
// responses its test checks with cookietest and cookiewatch.
package runtimecheck

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
)

var store = sessions.NewCookieStore([]byte("a-32-byte-long-authentication-key"))

// Config decides Secure at run time: the linter cannot tell, the test can.
type Config struct{ SecureCookies bool }

// Router is the app.
func Router(cfg Config) *gin.Engine {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.GET("/login", func(c *gin.Context) {
		c.SetSameSite(http.SameSiteLaxMode)
		c.SetCookie("sessionid", "t", 3600, "/", "", cfg.SecureCookies, true)
	})
	r.GET("/session", func(c *gin.Context) {
		s, _ := store.Get(c.Request, "gsession")
		s.Options.HttpOnly = true
		s.Options.SameSite = http.SameSiteLaxMode
		s.Values["user"] = 1
		_ = s.Save(c.Request, c.Writer)
	})
	r.GET("/session-defaults", func(c *gin.Context) {
		s, _ := store.Get(c.Request, "gsession")
		s.Values["user"] = 1
		_ = s.Save(c.Request, c.Writer) // v1.4.0's defaults: no HttpOnly, SameSite None
	})
	r.GET("/stats", func(c *gin.Context) {
		if consent, err := c.Cookie("consent"); err == nil && strings.Contains(consent, "statistics") {
			c.SetSameSite(http.SameSiteLaxMode)
			c.SetCookie("_ga", "1", 3600, "/", "", true, true)
		}
	})
	r.GET("/eager", func(c *gin.Context) {
		c.SetSameSite(http.SameSiteLaxMode)
		c.SetCookie("_ga", "1", 3600, "/", "", true, true)
	})
	kinds(r)
	return r
}

// kinds are the routes /gin/KIND and /gorilla/KIND: each sets one cookie
// that is correct (KIND "correct") or breaks the policy in one way, the
// check of that ID.
func kinds(r *gin.Engine) {
	gk := map[string]func(c *gin.Context){
		"correct":    func(c *gin.Context) { lax(c); c.SetCookie("sessionid", "t", 3600, "/", "", true, true) },
		"secure":     func(c *gin.Context) { lax(c); c.SetCookie("sessionid", "t", 3600, "/", "", false, true) },
		"httponly":   func(c *gin.Context) { lax(c); c.SetCookie("sessionid", "t", 3600, "/", "", true, false) },
		"samesite":   func(c *gin.Context) { c.SetCookie("sessionid", "t", 3600, "/", "", true, true) },
		"lifetime":   func(c *gin.Context) { lax(c); c.SetCookie("sessionid", "t", 90*86400, "/", "", true, true) },
		"policy":     func(c *gin.Context) { lax(c); c.SetCookie("sessionid", "t", 3600, "/app", "", true, true) },
		"undeclared": func(c *gin.Context) { lax(c); c.SetCookie("tracker", "t", 3600, "/", "", true, true) },
		"prefix":     func(c *gin.Context) { lax(c); c.SetCookie("__Host-id", "t", 3600, "/", "example.com", true, true) },
		"header":     func(c *gin.Context) { c.Header("Set-Cookie", "bad name=x") },
		"consent":    func(c *gin.Context) { lax(c); c.SetCookie("_ga", "1", 3600, "/", "", true, true) },
	}
	for kind, h := range gk {
		r.GET("/gin/"+kind, h)
	}
	good := func(o *sessions.Options) { o.HttpOnly = true; o.SameSite = http.SameSiteLaxMode }
	sk := map[string]struct {
		name string
		opts func(o *sessions.Options)
	}{
		"correct":    {"gsession", good},
		"secure":     {"gsession", func(o *sessions.Options) { good(o); o.Secure = false }},
		"httponly":   {"gsession", func(o *sessions.Options) { good(o); o.HttpOnly = false }},
		"samesite":   {"gsession", func(o *sessions.Options) { good(o); o.SameSite = http.SameSiteDefaultMode }},
		"lifetime":   {"gsession", func(o *sessions.Options) { good(o); o.MaxAge = 90 * 86400 }},
		"policy":     {"gsession", func(o *sessions.Options) { good(o); o.Path = "/app" }},
		"undeclared": {"other", good},
		"prefix":     {"__Host-id", func(o *sessions.Options) { good(o); o.Domain = "example.com" }},
		"consent":    {"_stats", good},
	}
	for kind, k := range sk {
		r.GET("/gorilla/"+kind, func(c *gin.Context) {
			s, _ := store.New(c.Request, k.name)
			o := *s.Options
			k.opts(&o)
			s.Options = &o
			s.Values["user"] = 1
			_ = s.Save(c.Request, c.Writer)
		})
	}
}

func lax(c *gin.Context) { c.SetSameSite(http.SameSiteLaxMode) }
