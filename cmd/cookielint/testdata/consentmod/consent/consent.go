// Package consent answers whether the visitor agreed to a category.
package consent

import "net/http"

// Allowed reports whether the visitor agreed to the category.
func Allowed(r *http.Request, category string) bool {
	c, err := r.Cookie("cookies_preferences")
	return err == nil && c.Value == category
}
