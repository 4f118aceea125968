// Package sess is a team's own session library: its cookies are written
// by a backend behind an interface, where cookielint cannot follow them,
// so the team declares it in the policy's models: section, in the form
// of the built-in models files (../cookie-policy.yaml).
package sess

import "net/http"

// Options are a session cookie's attributes.
type Options struct {
	Path     string
	Domain   string
	MaxAge   int
	Secure   bool
	HttpOnly bool
	SameSite http.SameSite
}

// Backend writes a session's cookie.
type Backend interface {
	Write(w http.ResponseWriter, name, value string, o Options) error
}

// Store hands out sessions.
type Store struct {
	Options *Options
	backend Backend
}

// Session is one named session of a request.
type Session struct {
	Values  map[string]string
	Options *Options
	name    string
	store   *Store
}

// NewStore returns a store whose cookies have Path "/" and live 30 days.
func NewStore(b Backend) *Store {
	return &Store{Options: &Options{Path: "/", MaxAge: 86400 * 30}, backend: b}
}

// Get returns the session of that name.
func (s *Store) Get(r *http.Request, name string) (*Session, error) {
	o := *s.Options
	return &Session{Values: map[string]string{}, Options: &o, name: name, store: s}, nil
}

// Save writes the session's cookie.
func (s *Session) Save(r *http.Request, w http.ResponseWriter) error {
	return s.store.backend.Write(w, s.name, "encoded", *s.Options)
}
