package fiber2mw

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"
	"github.com/gofiber/fiber/v2/middleware/session"
)

func routes(app *fiber.App) {
	app.Use(csrf.New()) // want `cookie "csrf_" is set without Secure: .*; set CookieSecure: true in the csrf.Config` `cookie "csrf_" is set without HttpOnly`
	app.Use(csrf.New(csrf.Config{CookieSecure: true, CookieHTTPOnly: true}))
	app.Use(csrf.New(csrf.Config{KeyLookup: "cookie:xsrf2", CookieSecure: true, CookieHTTPOnly: true})) // want `cookie "xsrf2" is not declared`
	app.Use(csrf.New(csrf.Config{KeyLookup: "form:_csrf", CookieSecure: true, CookieHTTPOnly: true}))   // the cookie is still set, as "csrf_"
	app.Use(csrf.New(csrf.Config{CookieHTTPOnly: true, CookieSameSite: "none"}))                          // SameSite None makes fiber set Secure
	app.Use(csrf.New(csrf.Config{CookieSecure: true, CookieHTTPOnly: true, Expiration: 500 * 24 * time.Hour})) // want `cookie "csrf_" lives 500 days`
	app.Use(csrf.New(csrf.Config{CookieSecure: true, CookieHTTPOnly: true, CookieName: "strictone", CookieSameSite: "Lax"})) // want `cookie "strictone" is set with SameSite=Lax`

	cfg := csrf.Config{CookieHTTPOnly: true}
	cfg.CookieSecure = true
	app.Use(csrf.New(cfg))
}

var (
	defaults = session.New()                                                           // want `cookie "session_id" is set without Secure` `cookie "session_id" is set without HttpOnly`
	hardened = session.New(session.Config{CookieSecure: true, CookieHTTPOnly: true})   // SameSite Lax, a day
	header   = session.New(session.Config{KeyLookup: "header:X-Session"})              // no cookie
	renamed  = session.New(session.Config{KeyLookup: "cookie:fsess", CookieSecure: true, CookieHTTPOnly: true}) // want `cookie "fsess" is not declared`
	long     = session.New(session.Config{CookieSecure: true, CookieHTTPOnly: true, Expiration: 500 * 24 * time.Hour}) // want `cookie "session_id" lives 500 days`
	short    = session.New(session.Config{CookieSecure: true, CookieHTTPOnly: true, CookieSessionOnly: true, Expiration: 500 * 24 * time.Hour})
)
