// Package web has no cookies: cookielint has nothing to say about it.
package web

import "strings"

func Upper(s string) string { return strings.ToUpper(s) }
