// Package c calls the wrapper with a cookie name the policy lacks.
package c

import (
	"net/http"

	"frameworks/sparse/b"
)

func handler(w http.ResponseWriter, r *http.Request) {
	b.Login(w, "sparse_undeclared", r.FormValue("user"))
}
