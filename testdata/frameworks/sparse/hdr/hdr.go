// Package hdr adds response headers, without a word of cookies: the sparse
// load reads it from export data, until a caller passes it a Set-Cookie
// header and the analysis asks for its source.
package hdr

import "net/http"

// Add adds a header to h.
func Add(h http.Header, key, value string) {
	h.Add(key, value)
}
