package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func handler(c *gin.Context) {
	c.SetCookie("sessionid", "v", 3600, "/", "", true, true)
	c.SetCookie("sessionid", "v", 3600, "/", "", false, true)      // want `cookie "sessionid" is set with secure false: .*; pass true as the secure argument`
	c.SetCookie("sessionid", "v", 3600, "/", "", true, false)      // want `cookie "sessionid" is set with httpOnly false: .*; pass true as the httpOnly argument`
	c.SetCookie("undeclared_gin", "v", 3600, "/", "", true, true)  // want `cookie "undeclared_gin" is not declared in the cookie policy`
	c.SetCookie("sessionid", "v", 90*24*3600, "/", "", true, true) // want `cookie "sessionid" lives 90 days, but the policy allows at most 30 days`
	c.SetCookie("sessionid", "v", 3600, "", "", c.Request.TLS != nil, true)
	c.SetCookie("__Host-id", "v", 0, "", "", true, true) // gin writes an empty path as "/"
	c.SetCookieData(&http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	c.SetCookieData(&http.Cookie{Name: "sessionid", HttpOnly: true})                         // want `cookie "sessionid" is set without Secure`
	http.SetCookie(c.Writer, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: false}) // want `cookie "sessionid" is set with HttpOnly: false`
}

func sameSite(c *gin.Context) {
	c.SetCookie("strictone", "v", 0, "/", "", true, true) // SameSite may come from middleware: not reported
	c.SetSameSite(http.SameSiteLaxMode)
	c.SetCookie("strictone", "v", 0, "/", "", true, true) // want `cookie "strictone" is set with SameSite=Lax, but the policy requires at least SameSite=Strict.*call SetSameSite\(http.SameSiteStrictMode\) before setting the cookie`
	c.SetSameSite(http.SameSiteStrictMode)
	c.SetCookie("strictone", "v", 0, "/", "", true, true)
	c.SetSameSite(http.SameSiteNoneMode)
	c.SetCookie("sessionid", "v", 0, "/", "", false, true) // want `with secure false` `cookie "sessionid" is SameSite=None without Secure, so browsers reject it`
}

// c.Header writes a raw header: Set-Cookie is a cookie, and it erases the
// cookies set on the response before it.
func header(c *gin.Context) {
	c.Header("Set-Cookie", "sessionid=v; Path=/; HttpOnly")         // want `cookie "sessionid" is set without Secure`
	c.Header("Set-Cookie", "sessionid=v; Path=/; Secure; HttpOnly") // want `erases the cookie set at line 35 of this response`
	c.Header("Cache-Control", "no-store")                           // another header
}
