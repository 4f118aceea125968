package fixes

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/csrf"
	"github.com/gorilla/sessions"
	"github.com/justinas/nosurf"
	"github.com/valyala/fasthttp"
)

func ginArgs(c *gin.Context) {
	c.SetCookie("sessionid", "v", 0, "/", "", false, false) // want `with secure false` `with httpOnly false`
}

func fiberLiteral(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "sessionid"})                                                // want `without Secure` `without HttpOnly`
	c.Cookie(&fiber.Cookie{Name: "strictone", Secure: true, HTTPOnly: true, SameSite: "lax"}) // want `with SameSite=Lax`
	return nil
}

func fasthttpSetters(ctx *fasthttp.RequestCtx) {
	c := fasthttp.AcquireCookie()
	c.SetKey("sessionid")
	c.SetSecure(false)
	ctx.Response.Header.SetCookie(c) // want `with SetSecure\(false\)` `without HttpOnly`
}

func csrfOptions(h http.Handler) http.Handler {
	return csrf.Protect([]byte("k"), csrf.Secure(false))(h) // want `with Secure: false`
}

func sessionsOptions(w http.ResponseWriter, r *http.Request) {
	store := sessions.NewCookieStore([]byte("k"))
	store.Options = &sessions.Options{Path: "/", Secure: true}
	s, _ := store.Get(r, "sessionid")
	s.Save(r, w) // want `without HttpOnly`
}

func nosurfBase(h http.Handler) http.Handler {
	n := nosurf.New(h) // want `without Secure`
	n.SetBaseCookie(http.Cookie{Path: "/"})
	return n
}
