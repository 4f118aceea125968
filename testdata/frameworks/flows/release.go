package flows

import (
	"net/http"

	"github.com/gorilla/sessions"
	"github.com/valyala/fasthttp"
)

// A deferred release does not change the cookie before it is set.
func released(ctx *fasthttp.RequestCtx) {
	c := fasthttp.AcquireCookie()
	defer fasthttp.ReleaseCookie(c)
	c.SetKey("sessionid")
	c.SetHTTPOnly(true)
	ctx.Response.Header.SetCookie(c) // want `cookie "sessionid" is set without Secure`

	d := fasthttp.AcquireCookie()
	defer fasthttp.ReleaseCookie(d)
	d.SetKey("sessionid")
	d.SetHTTPOnly(true)
	d.SetSecure(true)
	ctx.Response.Header.SetCookie(d)
}

var saveStore = sessions.NewCookieStore([]byte("a-32-byte-long-authentication-key"))

// sessions.Save(r, w) saves every session obtained on the request.
func saveAll(w http.ResponseWriter, r *http.Request) {
	s, _ := saveStore.Get(r, "sessionid")
	s.Values["user"] = 1
	t, _ := saveStore.Get(r, "undeclared_all")
	t.Options.HttpOnly = true
	_ = sessions.Save(r, w) // want `cookie "sessionid" is set without HttpOnly` `cookie "undeclared_all" is not declared`
}

func saveAllTwin(w http.ResponseWriter, r *http.Request) {
	s, _ := saveStore.Get(r, "sessionid")
	s.Options.HttpOnly = true
	_ = sessions.Save(r, w)
}
