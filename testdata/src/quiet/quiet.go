package quiet // want package:"cookie functions"

// This package holds cookies that are set correctly or cannot be judged:
// none of them may be reported.

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"time"
)

type config struct{ Secure, HTTPOnly bool }

const sessionName = "sessionid"

func complete(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "v", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 3600})
	http.SetCookie(w, &http.Cookie{Name: sessionName, Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "csrftoken", Secure: true}) // httpOnly: false in the policy
	http.SetCookie(w, &http.Cookie{Name: "_ga_XYZ", Secure: true})   // pattern entry
	http.SetCookie(w, &http.Cookie{Name: "relaxed"})                 // the policy lets it go without both
	http.SetCookie(w, &http.Cookie{Name: "prefs", Secure: true, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	http.SetCookie(w, &http.Cookie{Name: "cart", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "scoped", Path: "/app", Domain: ".Example.com", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "__Secure-id", Secure: true, HttpOnly: true, Domain: "example.com"})
}

func builtInSteps(w http.ResponseWriter) {
	c := new(http.Cookie)
	c.Name = "sessionid"
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c)

	var v http.Cookie
	v.Name = "sessionid"
	v.Secure, v.HttpOnly = true, true
	http.SetCookie(w, &v)

	p := &http.Cookie{Name: "sessionid"}
	q := p
	q.Secure = true
	q.HttpOnly = true
	http.SetCookie(w, p)
}

func bothBranches(w http.ResponseWriter, r *http.Request) {
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	if r.TLS != nil {
		c.Secure = true
	} else {
		c.Secure = true
	}
	http.SetCookie(w, c)

	d := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	if r.URL == nil {
		d.Secure = false
		return // this path never reaches the sink below
	}
	http.SetCookie(w, d)
}

// Values decided at run time are not defects.
func runtimeValues(w http.ResponseWriter, r *http.Request, cfg config, name string, maxAge int) { // want runtimeValues:`sets\(net/http.Cookie Name=arg4 Secure=true HttpOnly=true\) sets\(net/http.Cookie Name="sessionid" Secure=true HttpOnly=true MaxAge=arg5\)`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: cfg.Secure, HttpOnly: cfg.HTTPOnly})
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true, MaxAge: maxAge})
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	c.Secure = r.TLS != nil
	http.SetCookie(w, c)
	e := &http.Cookie{Name: "sessionid", HttpOnly: true}
	if r.TLS != nil {
		e.Secure = true // only on some paths
	}
	http.SetCookie(w, e)
	w.Header().Add("Set-Cookie", fmt.Sprintf("sessionid=%s; Path=/; %s", "v", securityAttrs(r)))
	w.Header().Add("Set-Cookie", headerValue(r))
}

func securityAttrs(r *http.Request) string { return "Secure; HttpOnly" }
func headerValue(r *http.Request) string   { return "sessionid=v; Secure; HttpOnly" }

// Deletions are exempt from the name and attribute checks.
func deletions(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "legacy_tracker", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "legacy_tracker", Expires: time.Unix(0, 0)})
	w.Header().Add("Set-Cookie", "legacy_tracker=; Max-Age=0")
	http.SetCookie(w, &http.Cookie{Name: "scoped", Path: "/app", MaxAge: -1})
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Path: "/", Secure: true, MaxAge: -1})
}

// Cookies that never reach a response are not set by this program.
func client(req *http.Request, jar *cookiejar.Jar) {
	c := &http.Cookie{Name: "client_only"}
	req.AddCookie(c)
	jar.SetCookies(req.URL, []*http.Cookie{{Name: "jar_only"}})
	req.Header.Add("Cookie", "client_only=1")
}

// A store after the sink does not reach it; a store before it does.
func storeAfterSink(w http.ResponseWriter) {
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	http.SetCookie(w, c)
	c.Secure = false
	c.Name = "undeclared_later"
}

func headers(w http.ResponseWriter) {
	w.Header().Add("Set-Cookie", "sessionid=v; Path=/; Secure; HttpOnly; SameSite=Lax")
	w.Header().Add("set-cookie", fmt.Sprintf("sessionid=%s; Path=/; Secure; HttpOnly", "v"))
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	w.Header().Add("Set-Cookie", c.String())
	w.Header().Add("X-Other", "sessionid=v")
}

func firstHeader(w http.ResponseWriter) {
	w.Header().Set("Set-Cookie", "sessionid=v; Secure; HttpOnly") // the first cookie of the response
	w.Header().Add("Set-Cookie", "csrftoken=v; Secure")
}

// Two responses: a Set on one does not erase a cookie of the other.
func twoWriters(a, b http.ResponseWriter) {
	http.SetCookie(a, &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	b.Header().Set("Set-Cookie", "sessionid=v; Secure; HttpOnly")
}

// A cookie handed to code we cannot see may be changed there.
func escapes(w http.ResponseWriter, fill func(*http.Cookie)) {
	c := &http.Cookie{Name: "sessionid"}
	fill(c)
	http.SetCookie(w, c)
}

// A closure that sets a cookie built outside it sets it as it was built.
func closures(w http.ResponseWriter) http.HandlerFunc {
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	return func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, c)
	}
}
