package app

import (
	"net/http"

	"usermodels/web"
)

func handler(c *web.Context, w http.ResponseWriter, cfg struct{ Secure bool }) {
	c.SetCookie("sid", "v", 3600, "/", "", true, true)
	c.SetCookie("sid", "v", 3600, "/", "", false, true) // want `cookie "sid" is set with secure false: .*; pass true as the secure argument`
	c.SetCookie("tracker", "v", 0, "/", "", true, true) // want `cookie "tracker" is not declared in the cookie policy cookie-policy.yaml`
	c.SetCookie("sid", "v", 0, "/", "", cfg.Secure, true)
	c.Forget("sid")
	c.Forget("old_tracker") // a deletion: not reported

	ck := &web.Cookie{Key: "sid", HTTPOnly: true}
	ck.SetSecure(true)
	web.Send(w, ck)
	web.Send(w, &web.Cookie{Key: "sid", Secure: true}) // want `cookie "sid" is set without HttpOnly: .*; set HTTPOnly: true`
	bad := &web.Cookie{Key: "sid", HTTPOnly: true}
	web.Send(w, bad) // want `cookie "sid" is set without Secure`
}
