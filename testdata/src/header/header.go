package header

import (
	"fmt"
	"net/http"
)

func erases(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	w.Header().Set("Set-Cookie", "csrftoken=v; Secure") // want `Header\(\).Set\("Set-Cookie", ...\) erases the cookie set at line 9 of this response; use Header\(\).Add`
}

func erasesThroughVariable(w http.ResponseWriter) {
	h := w.Header()
	h.Add("Set-Cookie", "csrftoken=v; Secure")
	h.Set("Set-Cookie", "csrftoken=w; Secure") // want `erases the cookie set at line 15`
}

func onlyOnePath(w http.ResponseWriter, r *http.Request) {
	if r.TLS != nil {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	}
	w.Header().Set("Set-Cookie", "csrftoken=v; Secure") // not on every path: not reported
}

func unparsable(w http.ResponseWriter) {
	w.Header().Add("Set-Cookie", "no equals sign") // want `Set-Cookie value "no equals sign" does not parse`
	w.Header().Add("Set-Cookie", fmt.Sprintf("%s", "whatever"))
}
