// Package gothicstore replaces gothic's store with one of its own.
package gothicstore

import (
	"net/http"

	"github.com/gorilla/sessions"
	"github.com/markbates/goth/gothic"
)

func init() {
	gothic.Store = sessions.NewCookieStore([]byte("secret"))
}

func login(w http.ResponseWriter, r *http.Request) {
	gothic.BeginAuthHandler(w, r) // want `cookie "_gothic_session" is set without HttpOnly`
	_, _ = gothic.CompleteUserAuth(w, r) // want `cookie "_gothic_session" is set without HttpOnly`
}
