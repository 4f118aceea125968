// Package flows holds the value flows of issue 14 that involve a
// framework or library.
package flows

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// Stores held in struct fields: their configuration is that of every
// assignment to the field in the package.
type server struct {
	users *sessions.FilesystemStore
	flash *sessions.CookieStore
	safe  *sessions.CookieStore
}

func newServer() *server {
	s := &server{}
	s.users = sessions.NewFilesystemStore("", []byte("k")) // Path and MaxAge only: no Secure, no HttpOnly
	s.flash = sessions.NewCookieStore([]byte("k"))         // Secure, SameSite None: no HttpOnly
	s.safe = sessions.NewCookieStore([]byte("k"))
	s.safe.Options.HttpOnly = true
	return s
}

func (s *server) handle(w http.ResponseWriter, r *http.Request) {
	u, _ := s.users.Get(r, "sessionid")
	u.Save(r, w) // want `cookie "sessionid" is set without Secure` `cookie "sessionid" is set without HttpOnly`
	f, _ := s.flash.Get(r, "sessionid")
	f.Save(r, w) // want `cookie "sessionid" is set without HttpOnly`
	g, _ := s.safe.Get(r, "sessionid")
	g.Save(r, w)
}
