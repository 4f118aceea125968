// Package b wraps package a without a word of cookies: the sparse load
// reads it from export data first, sees that it names a function with a
// fact, and loads it from source.
package b

import (
	"net/http"

	"frameworks/sparse/a"
)

// Login starts a session for user under the given name.
func Login(w http.ResponseWriter, name, user string) {
	a.SetSession(w, name, user)
}
