package beego

import (
	"net/http"
	"time"

	"github.com/beego/beego/v2/server/web"
	"github.com/beego/beego/v2/server/web/context"
	"github.com/beego/beego/v2/server/web/session"
)

func handler(ctx *context.Context) {
	ctx.SetCookie("sessionid", "v", 3600, "/", "", true, true)
	ctx.SetCookie("sessionid", "v", 3600, "/", "", false, true) // want `cookie "sessionid" is set with secure false: .*; pass true as the secure argument`
	ctx.SetCookie("sessionid", "v")                              // want `cookie "sessionid" is set without Secure` `cookie "sessionid" is set without HttpOnly`
	ctx.SetCookie("sessionid", "v", 3600, "/", "", "yes", true)  // beego takes any other non-nil value as Secure
	ctx.SetCookie("sessionid", "v", 3600, "/", "", true, 1)      // want `cookie "sessionid" is set without HttpOnly`
	ctx.SetCookie("sessionid", "v", 3600, nil, "", true, true)   // a nil path is "/"
	ctx.SetCookie("sessionid", "v", 90*24*3600, "/", "", true, true) // want `cookie "sessionid" lives 90 days, but the policy allows at most 30 days`
	ctx.SetCookie("sessionid", "v", 90*24*time.Hour, "/", "", true, true) // beego ignores a Duration: no Max-Age
	ctx.SetCookie("strictone", "v", 0, "/", "", true, true, "Lax")    // want `cookie "strictone" is set with SameSite=Lax, but the policy requires at least SameSite=Strict`
	ctx.SetCookie("strictone", "v", 0, "/", "", true, true, "strict") // SameSite is matched without regard to case
	ctx.SetCookie("strictone", "v", 0, "/", "", true, true, http.SameSiteStrictMode) // want `cookie "strictone" is set without SameSite`
	ctx.SetCookie("undeclared_beego", "v", 0, "/", "", true, true) // want `cookie "undeclared_beego" is not declared`
	ctx.SetCookie("old_tracker", "", -1, "/", "", false, false)    // a deletion
	ctx.SetCookie("__Host-id", "v", 0, "", "", true, true)         // an empty path is "/"
	ctx.Output.Cookie("sessionid", "v", 0, "/", "", false, true)   // want `cookie "sessionid" is set with secure false`
	ctx.SetSecureCookie("secret", "sessionid", "v", 0, "/", "", true, true)
	ctx.SetSecureCookie("secret", "sessionid", "v", 0, "/", "") // want `without Secure` `without HttpOnly`
	others := []interface{}{0, "/", "", true, true}
	ctx.SetCookie("sessionid", "v", others...) // decided at run time
	ctx.XSRFToken("key", 3600)
	ctx.XSRFToken("key", 500*24*3600) // want `cookie "_xsrf" lives 500 days, but browsers keep a cookie at most 400 days`
}

type Controller struct{ web.Controller }

func (c *Controller) Get() {
	c.Ctx.SetCookie("sessionid", "v", 0, "/", "", false, true) // want `cookie "sessionid" is set with secure false`
	c.SetSecureCookie("secret", "sessionid", "v", 0, "/", "", true, true)
	c.Data["xsrf"] = c.XSRFFormHTML() // "_xsrf": Secure and HttpOnly
}

// The session module's cookie, configured where the manager is built.
func managers() {
	session.NewManager("memory", &session.ManagerConfig{CookieName: "gosessionid", EnableSetCookie: true, Gclifetime: 3600}) // want `cookie "gosessionid" is set without Secure: .*; set Secure: true in the session.ManagerConfig`
	session.NewManager("memory", &session.ManagerConfig{CookieName: "gosessionid", EnableSetCookie: true, Secure: true})
	session.NewManager("memory", &session.ManagerConfig{CookieName: "gosessionid", EnableSetCookie: true, Secure: true, DisableHTTPOnly: true}) // want `cookie "gosessionid" is set with HttpOnly: false: .*; set DisableHTTPOnly: false in the session.ManagerConfig`
	session.NewManager("memory", &session.ManagerConfig{CookieName: "gosessionid", Gclifetime: 3600}) // EnableSetCookie false: no cookie
	session.NewManager("memory", &session.ManagerConfig{CookieName: "gosessionid", EnableSetCookie: true, Secure: true, CookieLifeTime: 500 * 86400}) // want `cookie "gosessionid" lives 500 days`
	session.NewManager("memory", &session.ManagerConfig{CookieName: "beego_sess", EnableSetCookie: true, Secure: true})                          // want `cookie "beego_sess" is not declared`
	session.NewManager("memory", session.NewManagerConfig(session.CfgCookieName("gosessionid"), session.CfgSetCookie(true), session.CfgSecure(true)))
	session.NewManager("memory", session.NewManagerConfig(session.CfgCookieName("gosessionid"), session.CfgSetCookie(true))) // want `cookie "gosessionid" is set without Secure`

	cfg := &session.ManagerConfig{CookieName: "gosessionid", EnableSetCookie: true}
	cfg.Secure = true
	session.NewManager("memory", cfg)
}
