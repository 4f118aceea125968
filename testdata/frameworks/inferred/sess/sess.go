// Package sess is an in-house request context over gorilla/sessions: the
// store lives in a struct field, configured in the constructor, and
// handlers get their session from one helper and save it through another.
package sess // want package:"cookie functions"

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// Ctx is a request's context.
type Ctx struct {
	w     http.ResponseWriter
	r     *http.Request
	store *sessions.FilesystemStore
}

// New builds a context whose store keeps gorilla's defaults: Path "/",
// MaxAge 30 days, neither Secure nor HttpOnly.
func New(w http.ResponseWriter, r *http.Request) *Ctx {
	return &Ctx{w: w, r: r, store: sessions.NewFilesystemStore("", []byte("key"))}
}

// Request is the request.
func (c *Ctx) Request() *http.Request { return c.r }

// Response is the response writer.
func (c *Ctx) Response() http.ResponseWriter { return c.w }

// GetSession returns the request's session.
func (c *Ctx) GetSession() *sessions.Session { // want GetSession:`returns\(github.com/gorilla/sessions.Session Name="session" Path="/" MaxAge=2592000\)`
	s, _ := c.store.Get(c.Request(), "session")
	return s
}

// SaveSession saves a session: its cookie is set here.
func (c *Ctx) SaveSession(s *sessions.Session) { // want SaveSession:`sets\(github.com/gorilla/sessions.Session from arg 2 Name=arg2.Name Secure=arg2.Secure`
	_ = s.Save(c.Request(), c.Response())
}

// SecureCtx is the near miss: its store is made Secure and HttpOnly in the
// constructor, through a local variable.
type SecureCtx struct {
	w     http.ResponseWriter
	r     *http.Request
	store sessions.Store
}

// NewSecure builds a context with a hardened cookie store.
func NewSecure(w http.ResponseWriter, r *http.Request) *SecureCtx {
	st := sessions.NewCookieStore([]byte("key"))
	st.Options.Secure = true
	st.Options.HttpOnly = true
	st.Options.SameSite = http.SameSiteLaxMode
	return &SecureCtx{w: w, r: r, store: st}
}

// Session returns the request's session.
func (c *SecureCtx) Session() *sessions.Session { // want Session:`returns\(github.com/gorilla/sessions.Session Name="session" Secure=true HttpOnly=true SameSite=2 Path="/" MaxAge=2592000\)`
	s, _ := c.store.Get(c.r, "session")
	return s
}

// Save saves a session.
func (c *SecureCtx) Save(s *sessions.Session) error { return s.Save(c.r, c.w) } // want Save:`sets\(github.com/gorilla/sessions.Session from arg 2 Name=arg2.Name Secure=arg2.Secure`

// PartlyCtx's constructor makes its store HttpOnly only.
type PartlyCtx struct {
	w     http.ResponseWriter
	r     *http.Request
	store *sessions.FilesystemStore
}

// NewPartly builds a context; the store is configured after the context.
func NewPartly(w http.ResponseWriter, r *http.Request) *PartlyCtx {
	c := &PartlyCtx{w: w, r: r}
	c.store = sessions.NewFilesystemStore("", []byte("key"))
	c.store.Options.HttpOnly = true
	return c
}

// Session returns the request's session, named by the caller.
func (c *PartlyCtx) Session(name string) *sessions.Session { // want Session:`returns\(github.com/gorilla/sessions.Session Name=arg2 HttpOnly=true Path="/" MaxAge=2592000\)`
	s, _ := c.store.Get(c.r, name)
	return s
}

// Save saves a session.
func (c *PartlyCtx) Save(s *sessions.Session) error { return s.Save(c.r, c.w) } // want Save:`sets\(github.com/gorilla/sessions.Session from arg 2 Name=arg2.Name Secure=arg2.Secure`
