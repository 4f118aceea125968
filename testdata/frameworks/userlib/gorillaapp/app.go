// Package gorillaapp is app's twin on gorilla/sessions' built-in model:
// the same code, the same findings.
package gorillaapp

import (
	"net/http"

	"github.com/gorilla/sessions"
)

var store = sessions.NewFilesystemStore("", []byte("key"))

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "session")
	s.Values["user"] = "alice"
	_ = s.Save(r, w) // want `cookie "session" is set without Secure` `cookie "session" is set without HttpOnly`
}

var hardened = sessions.NewFilesystemStore("", []byte("key"))

func init() {
	hardened.Options.Secure = true
	hardened.Options.HttpOnly = true
}

func loginHardened(w http.ResponseWriter, r *http.Request) {
	s, _ := hardened.Get(r, "session")
	_ = s.Save(r, w)
	t, _ := hardened.Get(r, "other")
	_ = t.Save(r, w) // want `cookie "other" is not declared`
}
