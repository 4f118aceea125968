package sessions

import (
	"net/http"

	"github.com/gorilla/sessions"
)

// A store with the v1.4.0 defaults: Secure, SameSite=None, but no HttpOnly.
var store = sessions.NewCookieStore([]byte("a-32-byte-long-authentication-key"))

// A store configured elsewhere in the package.
var hardened = sessions.NewCookieStore([]byte("a-32-byte-long-authentication-key"))

func init() {
	hardened.Options.HttpOnly = true
}

func defaults(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "sessionid")
	s.Values["user"] = 1
	s.Save(r, w) // want `cookie "sessionid" is set without HttpOnly: .*; set Options.HttpOnly = true`
}

func configured(w http.ResponseWriter, r *http.Request) {
	s, _ := hardened.Get(r, "sessionid")
	s.Save(r, w)
	u, _ := hardened.Get(r, "undeclared_sess")
	_ = hardened.Save(r, w, u) // want `cookie "undeclared_sess" is not declared`
}

func local(w http.ResponseWriter, r *http.Request) {
	st := sessions.NewFilesystemStore("", []byte("k"))
	st.Options = &sessions.Options{Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode}
	s, _ := st.Get(r, "sessionid")
	s.Save(r, w)

	fs := sessions.NewFilesystemStore("", []byte("k")) // not Secure by default
	s2, _ := fs.New(r, "sessionid")
	s2.Options.HttpOnly = true
	s2.Save(r, w) // want `cookie "sessionid" is set without Secure`

	s3, _ := fs.New(r, "sessionid")
	s3.Options.HttpOnly = true
	s3.Options.Secure = r.TLS != nil // decided at run time
	s3.Save(r, w)
}

func fromParam(w http.ResponseWriter, r *http.Request, st sessions.Store) {
	s, _ := st.Get(r, "undeclared_param")
	s.Save(r, w) // want `cookie "undeclared_param" is not declared`
}
