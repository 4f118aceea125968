package echocsrf

import (
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func routes(e *echo.Echo) {
	e.Use(middleware.CSRF()) // want `cookie "_csrf" is set without Secure` `cookie "_csrf" is set without HttpOnly`
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{CookieSecure: true, CookieHTTPOnly: true}))
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{TokenLookup: "form:_csrf", CookieSecure: true})) // want `cookie "_csrf" is set without HttpOnly: .*; set CookieHTTPOnly: true in the middleware.CSRFConfig`
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{CookieSameSite: http.SameSiteNoneMode, CookieHTTPOnly: true})) // SameSite None makes echo set Secure
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{CookieName: "xsrf_e", CookieSecure: true, CookieHTTPOnly: true}))    // want `cookie "xsrf_e" is not declared`
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{CookieSecure: true, CookieHTTPOnly: true, CookieMaxAge: 500 * 86400})) // want `cookie "_csrf" lives 500 days`

	cfg := middleware.DefaultCSRFConfig
	cfg.CookieSecure = true
	cfg.CookieHTTPOnly = true
	e.Use(middleware.CSRFWithConfig(cfg))

	mw, _ := middleware.CSRFConfig{CookieSecure: true}.ToMiddleware() // want `cookie "_csrf" is set without HttpOnly`
	e.Use(mw)
}
