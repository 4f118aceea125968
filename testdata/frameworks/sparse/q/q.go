// Package q wraps package a without a word of cookies, under the name
// package t gives.
package q

import (
	"net/http"

	"frameworks/sparse/a"
	"frameworks/sparse/t"
)

// Start starts a session.
func Start(w http.ResponseWriter, user string) {
	a.SetSession(w, t.Name(), user)
}

// Named starts a session under the given name.
func Named(w http.ResponseWriter, name, user string) {
	a.SetSession(w, name, user)
}
