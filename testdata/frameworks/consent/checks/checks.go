// Package checks is a site's consent API.
package checks

import "net/http"

// Allowed reports whether the visitor agreed to a category.
func Allowed(r *http.Request, category string) bool { return false }
