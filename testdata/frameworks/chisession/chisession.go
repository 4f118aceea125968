package chisession

import (
	"net/http"

	"gitea.com/go-chi/session"
)

func middleware() {
	session.Sessioner()                                                              // want `cookie "MacaronSession" is set without Secure: .*; set Secure: true in the session.Options`
	session.Sessioner(session.Options{Secure: true})                                  // HttpOnly, Path "/"
	session.Sessioner(session.Options{Secure: true, SameSite: http.SameSiteLaxMode, CookieLifeTime: 3600})
	session.Sessioner(session.Options{Secure: true, CookieLifeTime: 500 * 86400})     // want `cookie "MacaronSession" lives 500 days`
	session.Sessioner(session.Options{CookieName: "chi_sess", Secure: true})          // want `cookie "chi_sess" is not declared`
	session.Sessioner(session.Options{CookieName: "__Host-s", CookiePath: "/app", Secure: true}) // want `cookie "__Host-s" has the __Host- prefix but sets Path "/app"`
}
