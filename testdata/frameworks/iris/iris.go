package iris // want package:"cookie functions"

import (
	"net/http"
	"time"

	"github.com/kataras/iris/v12"
	"github.com/kataras/iris/v12/sessions"
)

func handler(ctx iris.Context) {
	ctx.SetCookieKV("iris_pref", "v", iris.CookieSecure) // HttpOnly and Path "/" by default
	ctx.SetCookieKV("iris_pref", "v")                    // want `cookie "iris_pref" is set without Secure`
	ctx.SetCookieKV("iris_pref", "v", iris.CookieSecure, iris.CookieHTTPOnly(false)) // want `cookie "iris_pref" is set with HttpOnly: false: .*; pass true to iris.CookieHTTPOnly`
	ctx.SetCookieKV("sessionid", "v", iris.CookieSecure)                               // want `cookie "sessionid" lives 365 days, but the policy allows at most 30 days`
	ctx.SetCookieKV("sessionid", "v", iris.CookieSecure, iris.CookieExpires(24*time.Hour))
	ctx.SetCookieKV("undeclared_iris", "v", iris.CookieSecure)                                          // want `cookie "undeclared_iris" is not declared`
	ctx.SetCookieKV("strictone", "v", iris.CookieSecure, iris.CookieSameSite(http.SameSiteLaxMode))    // want `cookie "strictone" is set with SameSite=Lax`
	ctx.SetCookieKV("strictone", "v", iris.CookieSecure, iris.CookieSameSite(http.SameSiteStrictMode)) // strict
	ctx.SetCookie(&http.Cookie{Name: "iris_pref", HttpOnly: true}, iris.CookieSecure)
	ctx.SetCookie(&http.Cookie{Name: "iris_pref", HttpOnly: true}) // want `cookie "iris_pref" is set without Secure`
	ctx.UpsertCookie(&http.Cookie{Name: "iris_pref", Secure: true}) // want `cookie "iris_pref" is set without HttpOnly`
	ctx.RemoveCookie("old_tracker")                                 // a deletion
	ctx.RemoveCookie("__Host-id", iris.CookiePath("/")) // want `cookie "__Host-id" has the __Host- prefix but is set without Secure, so browsers reject it`

	opts := []iris.CookieOption{iris.CookieSecure}
	ctx.SetCookieKV("iris_pref", "v", opts...)                                      // decided at run time
	ctx.SetCookieKV("iris_pref", "v", func(iris.Context, *http.Cookie, uint8) {}) // an option cookielint does not know: decided at run time
}

// A helper that passes its options on: they are applied at each call.
func setPref(ctx iris.Context, value string, opts ...iris.CookieOption) { // want setPref:`sets\(net/http.Cookie options from arg 3 Name="iris_pref" `
	ctx.SetCookieKV("iris_pref", value, opts...)
}

func helperCalls(ctx iris.Context) {
	setPref(ctx, "v", iris.CookieSecure)
	setPref(ctx, "v") // want `cookie "iris_pref" is set without Secure: .* \(set through iris.setPref\)`
}

// The sessions' cookie, configured where the sessions are built.
var (
	defaults = sessions.New(sessions.Config{})                                                // want `cookie "irissessionid" is set without Secure` `cookie "irissessionid" lives \d+ days, but browsers keep a cookie at most 400 days`
	hardened = sessions.New(sessions.Config{CookieSecureTLS: true, Expires: 24 * time.Hour}) // Secure on TLS connections
	session  = sessions.New(sessions.Config{CookieSecureTLS: true, Expires: -1})             // a session cookie
	named    = sessions.New(sessions.Config{Cookie: "iris_sess", CookieSecureTLS: true, Expires: time.Hour}) // want `cookie "iris_sess" is not declared`
	viaStart = sessions.New(sessions.Config{Expires: time.Hour})                              // Secure comes from the options given to Handler
)

func useSessions(app *iris.Application) {
	app.Use(viaStart.Handler(iris.CookieSecure))
}
