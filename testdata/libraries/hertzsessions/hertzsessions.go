// Package hertzsessions uses hertz-contrib/sessions
// (models/hertz-contrib-sessions.yaml).
package hertzsessions

import (
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/hertz-contrib/sessions"
	"github.com/hertz-contrib/sessions/cookie"
	"github.com/hertz-contrib/sessions/redis"
)

var key = []byte("key")

func setup(h *server.Hertz) {
	// gorilla's NewCookieStore, at the version in the build (v1.4.0:
	// Secure, SameSite None), never HttpOnly.
	cs := cookie.NewStore(key)
	h.Use(sessions.New("session", cs)) // want `cookie "session" is set without HttpOnly: .*pass HttpOnly: true in the sessions.Options given to store.Options`

	hard := cookie.NewStore(key)
	hard.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true})
	h.Use(sessions.Sessions("session", hard))

	rs, _ := redis.NewStore(10, "tcp", ":6379", "", key)
	h.Use(sessions.Many([]string{"session", "ghost_hertz"}, rs)) // want `cookie "session" is set without Secure` `cookie "session" is set without HttpOnly` `cookie "ghost_hertz" is not declared` `cookie "ghost_hertz" is set without Secure` `cookie "ghost_hertz" is set without HttpOnly`
}
