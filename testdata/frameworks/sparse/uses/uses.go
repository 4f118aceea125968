// Package uses writes a cookie through hdr, which names its header by a
// parameter.
package uses

import (
	"net/http"

	"frameworks/sparse/hdr"
)

// Handle sets an undeclared cookie through hdr.Add.
func Handle(w http.ResponseWriter) {
	hdr.Add(w.Header(), "Set-Cookie", "sparse_through_hdr=1; Path=/; Secure; HttpOnly; SameSite=Lax")
	hdr.Add(w.Header(), "X-Frame-Options", "DENY")
}
