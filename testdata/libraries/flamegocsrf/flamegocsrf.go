// Package flamegocsrf uses flamego/csrf, which sets no cookie of its own
// (models/flamego-csrf.yaml): only the session's.
package flamegocsrf

import (
	"github.com/flamego/csrf"
	"github.com/flamego/flamego"
	"github.com/flamego/session"
)

func setup(f *flamego.Flame) {
	f.Use(session.Sessioner(session.Options{Cookie: session.CookieOptions{Secure: true, HTTPOnly: true}}))
	f.Use(csrf.Csrfer(csrf.Options{SetHeader: true}))
}
