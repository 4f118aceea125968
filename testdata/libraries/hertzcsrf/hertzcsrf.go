// Package hertzcsrf uses hertz-contrib/csrf, which sets no cookie of its
// own (models/hertz-contrib-csrf.yaml): only the session's.
package hertzcsrf

import (
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/hertz-contrib/csrf"
	"github.com/hertz-contrib/sessions"
	"github.com/hertz-contrib/sessions/cookie"
)

func setup(h *server.Hertz) {
	store := cookie.NewStore([]byte("key"))
	store.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true})
	h.Use(sessions.New("session", store))
	h.Use(csrf.New())
}
