package nofacts

import (
	"net/http"

	"helpers/wrap"
)

func local(w http.ResponseWriter, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true})
}

func calls(w http.ResponseWriter) {
	local(w, "local_undeclared")          // want `cookie "local_undeclared" is not declared`
	wrap.SetDefault(w, "wrap_undeclared") // without facts, another package's helper is not followed
}
