// Package flows holds the ways real code moves cookie values: each defect
// is reported, and its correct twin stays quiet.
package flows

import (
	"net/http"
	"os"
)

type config struct{ Secure bool }

const devMode = true

func localConstants(w http.ResponseWriter, r *http.Request, cfg config) {
	secure := false
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: secure, HttpOnly: true}) // want `cookie "sessionid" is set with Secure: false`

	secureTwin := true
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: secureTwin, HttpOnly: true})

	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	val := false
	c.Secure = val
	http.SetCookie(w, c) // want `cookie "sessionid" is set with Secure: false`

	d := &http.Cookie{Name: "sessionid", HttpOnly: true}
	valTwin := true
	d.Secure = valTwin
	http.SetCookie(w, d)

	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: !devMode, HttpOnly: true}) // want `cookie "sessionid" is set with Secure: false`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: devMode, HttpOnly: true})

	fromConfig := cfg.Secure
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: fromConfig, HttpOnly: true}) // decided at run time

	tls := false
	tls = r.TLS != nil
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: tls, HttpOnly: true}) // decided at run time
}

func everyPath(w http.ResponseWriter, r *http.Request) {
	var secure bool
	if r.Method == "POST" {
		secure = false
	} else {
		secure = false
	}
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: secure, HttpOnly: true}) // want `cookie "sessionid" is set with Secure: false`

	var twin bool
	if r.Method == "POST" {
		twin = true
	} else {
		twin = true
	}
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: twin, HttpOnly: true})

	var sw bool
	switch r.Method {
	case "GET":
		sw = false
	case "POST":
		sw = false
	default:
		sw = false
	}
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: sw, HttpOnly: true}) // want `cookie "sessionid" is set with Secure: false`

	var some bool
	switch r.Method {
	case "GET":
		some = true
	}
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: some, HttpOnly: true}) // assigned on some paths: decided at run time

	onePath := false
	if os.Getenv("PROD") != "" {
		onePath = true
	}
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: onePath, HttpOnly: true}) // decided at run time

	loop := false
	for range 3 {
		loop = true
	}
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: loop, HttpOnly: true}) // the loop may not run: decided at run time
}

func escaping(w http.ResponseWriter) {
	secure := false
	set(&secure)
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: secure, HttpOnly: true}) // its address escaped: decided at run time

	fromClosure := false
	func() { fromClosure = true }()
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: fromClosure, HttpOnly: true}) // a closure assigns it: decided at run time
}

func set(b *bool) { *b = true }

// Package-level variables: unexported and never assigned after their
// declaration hold their initial constant.
var (
	insecure    = false
	secureVar   = true
	reassigned  = true
	Exported    = false
	zeroDefault bool
)

func init() { reassigned = false }

func packageVars(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: insecure, HttpOnly: true}) // want `cookie "sessionid" is set with Secure: false`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: secureVar, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: reassigned, HttpOnly: true}) // assigned in init: decided at run time
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: Exported, HttpOnly: true})   // exported: other packages may assign it
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: zeroDefault, HttpOnly: true}) // want `cookie "sessionid" is set with Secure: false`
}
