package fiber3mw

import (
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/extractors"
	"github.com/gofiber/fiber/v3/middleware/csrf"
	"github.com/gofiber/fiber/v3/middleware/session"
)

func routes(app *fiber.App) {
	app.Use(csrf.New()) // want `cookie "csrf_" is set without Secure` `cookie "csrf_" is set without HttpOnly`
	app.Use(csrf.New(csrf.Config{CookieSecure: true, CookieHTTPOnly: true}))
	app.Use(csrf.New(csrf.Config{CookieName: "xsrf3", CookieSecure: true, CookieHTTPOnly: true}))                 // want `cookie "xsrf3" is not declared`
	app.Use(csrf.New(csrf.Config{CookieSecure: true, CookieHTTPOnly: true, IdleTimeout: 500 * 24 * time.Hour})) // want `cookie "csrf_" lives 500 days`
	app.Use(csrf.New(csrf.Config{CookieSecure: true, CookieHTTPOnly: true, CookieName: "__Host-csrf"}))        // fiber v3 writes an empty Path as "/"

	app.Use(session.New()) // want `cookie "session_id" is set without Secure` `cookie "session_id" is set without HttpOnly`
	app.Use(session.New(session.Config{CookieSecure: true, CookieHTTPOnly: true}))
	app.Use(session.New(session.Config{Extractor: extractors.FromHeader("X-Session")})) // header only: no cookie
	app.Use(session.New(session.Config{Extractor: extractors.Chain(extractors.FromCookie("session_id"), extractors.FromHeader("X-Session")), CookieSecure: true, CookieHTTPOnly: true}))
	app.Use(session.New(session.Config{Extractor: extractors.FromCookie("sess_v3"), CookieSecure: true, CookieHTTPOnly: true})) // want `cookie "sess_v3" is not declared`
	app.Use(session.New(session.Config{CookieHTTPOnly: true, CookieSameSite: "None"}))                                       // SameSite None makes fiber set Secure
	handler, _ := session.NewWithStore(session.Config{CookieHTTPOnly: true})                                                  // want `cookie "session_id" is set without Secure`
	app.Use(handler)
}

var store = session.NewStore(session.Config{CookieSecure: true, IdleTimeout: 500 * 24 * time.Hour}) // want `cookie "session_id" is set without HttpOnly` `cookie "session_id" lives 500 days`
