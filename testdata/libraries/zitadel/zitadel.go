// Package zitadel uses zitadel/oidc's cookie handler
// (models/zitadel-oidc.yaml).
package zitadel

import (
	"net/http"

	httphelper "github.com/zitadel/oidc/v3/pkg/http"
)

var key = []byte("0123456789abcdef0123456789abcdef")

var handler = httphelper.NewCookieHandler(key, key)

func login(w http.ResponseWriter, v string) {
	_ = handler.SetCookie(w, "oidc_state", v)
	_ = handler.SetCookie(w, "ghost_oidc", v) // want `cookie "ghost_oidc" is not declared`
	handler.DeleteCookie(w, "oidc_state")     // a deletion

	dev := httphelper.NewCookieHandler(key, key, httphelper.WithUnsecure(), httphelper.WithMaxAge(3600))
	_ = dev.SetCookie(w, "oidc_state", v) // want `cookie "oidc_state" is set with Secure: false`

	lax := httphelper.NewCookieHandler(key, key, httphelper.WithSameSite(http.SameSiteNoneMode))
	_ = lax.SetCookie(w, "oidc_state", v) // want `cookie "oidc_state" is set with SameSite=None, but the policy requires at least SameSite=Lax`
}
