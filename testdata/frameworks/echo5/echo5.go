package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func handler(c *echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	c.SetCookie(&http.Cookie{Name: "sessionid", HttpOnly: true}) // want `cookie "sessionid" is set without Secure`
	c.SetCookie(&http.Cookie{Name: "old", MaxAge: -1})           // a deletion: exempt
	return nil
}
