package fasthttp

import "github.com/valyala/fasthttp"

func handler(ctx *fasthttp.RequestCtx) {
	c := fasthttp.AcquireCookie()
	defer fasthttp.ReleaseCookie(c)
	c.SetKey("sessionid")
	c.SetSecure(true)
	c.SetHTTPOnly(true)
	ctx.Response.Header.SetCookie(c)

	var d fasthttp.Cookie
	d.SetKey("sessionid")
	d.SetHTTPOnly(true)
	ctx.Response.Header.SetCookie(&d) // want `cookie "sessionid" is set without Secure: .*; call SetSecure\(true\)`

	e := fasthttp.AcquireCookie()
	e.SetKey("sessionid")
	e.SetHTTPOnly(true)
	e.SetSameSite(fasthttp.CookieSameSiteNoneMode) // also sets Secure
	ctx.Response.Header.SetCookie(e)

	f := fasthttp.AcquireCookie()
	f.SetKey("legacy_tracker")
	f.SetExpire(fasthttp.CookieExpireDelete) // a deletion: exempt
	ctx.Response.Header.SetCookie(f)

	g := fasthttp.AcquireCookie()
	g.SetKey("undeclared_fast")
	g.SetSecure(true)
	g.SetHTTPOnly(false)
	ctx.Response.Header.SetCookie(g) // want `cookie "undeclared_fast" is not declared` `cookie "undeclared_fast" is set with SetHTTPOnly\(false\)`
}
