package hertz

import (
	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/protocol"
)

func handler(c *app.RequestContext) {
	c.SetCookie("sessionid", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, true)
	c.SetCookie("sessionid", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, false, true) // want `cookie "sessionid" is set with secure false: .*; pass true as the secure argument`
	c.SetCookie("sessionid", "v", 3600, "/", "", protocol.CookieSameSiteLaxMode, true, false) // want `cookie "sessionid" is set with httpOnly false`
	c.SetCookie("sessionid", "v", 3600, "/", "", protocol.CookieSameSiteNoneMode, false, true) // SameSite None makes hertz set Secure
	c.SetCookie("strictone", "v", 0, "", "", protocol.CookieSameSiteLaxMode, true, true)     // want `cookie "strictone" is set with SameSite=Lax, .*pass protocol.CookieSameSiteStrictMode as the sameSite argument`
	c.SetCookie("undeclared_hertz", "v", 0, "/", "", protocol.CookieSameSiteLaxMode, true, true) // want `cookie "undeclared_hertz" is not declared`
	c.SetCookie("__Host-id", "v", 0, "", "", protocol.CookieSameSiteLaxMode, true, true)        // an empty path is "/"
	c.SetCookie("sessionid", "v", 90*86400, "/", "", protocol.CookieSameSiteLaxMode, true, true) // want `cookie "sessionid" lives 90 days`
	c.SetPartitionedCookie("sessionid", "v", 0, "/", "", protocol.CookieSameSiteNoneMode, false, true)
	c.SetCookie("old_tracker", "", -1, "/", "", protocol.CookieSameSiteDisabled, false, false) // a deletion
}

func cookies(c *app.RequestContext) {
	ck := protocol.AcquireCookie()
	defer protocol.ReleaseCookie(ck)
	ck.SetKey("sessionid")
	ck.SetHTTPOnly(true)
	c.Response.Header.SetCookie(ck) // want `cookie "sessionid" is set without Secure: .*; call SetSecure\(true\)`

	good := protocol.AcquireCookie()
	good.SetKey("sessionid")
	good.SetHTTPOnly(true)
	good.SetSecure(true)
	c.Response.Header.SetCookie(good)

	gone := protocol.AcquireCookie()
	gone.SetKey("old_tracker")
	gone.SetExpire(protocol.CookieExpireDelete)
	c.Response.Header.SetCookie(gone) // a deletion
}
