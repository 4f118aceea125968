package pkgzauth

import (
	"net/http"
	"time"

	"github.com/go-pkgz/auth"
	"github.com/go-pkgz/auth/token"
)

func services() {
	auth.NewService(auth.Opts{SecureCookies: true, SameSiteCookie: http.SameSiteLaxMode}) // JWT HttpOnly; XSRF-TOKEN, declared httpOnly: false
	auth.NewService(auth.Opts{})                                                            // want `cookie "JWT" is set without Secure` `cookie "XSRF-TOKEN" is set without Secure`
	auth.NewService(auth.Opts{SecureCookies: true, XSRFCookieName: "xsrf_pkgz"})            // want `cookie "xsrf_pkgz" is not declared` `cookie "xsrf_pkgz" is set without HttpOnly: .*scripts must read it.*declare httpOnly: false in its policy entry`
	auth.NewService(auth.Opts{SendJWTHeader: true})                                         // the token goes in a header: no cookie
	auth.NewService(auth.Opts{SecureCookies: true, CookieDuration: 500 * 24 * time.Hour})   // want `cookie "JWT" lives 500 days` `cookie "XSRF-TOKEN" lives 500 days`
	token.NewService(token.Opts{SecureCookies: true, SameSite: http.SameSiteStrictMode, JWTCookieName: "jwt_t"}) // want `cookie "jwt_t" is not declared`
}
