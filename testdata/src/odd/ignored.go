//go:build ignore

package odd

import "net/http"

// This file is excluded by its build tag: never analyzed.
func ignored(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "never_reported"})
}
