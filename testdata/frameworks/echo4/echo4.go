package echo4

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func handler(c echo.Context) error {
	c.SetCookie(&http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	c.SetCookie(&http.Cookie{Name: "sessionid", Secure: true}) // want `cookie "sessionid" is set without HttpOnly.*set HttpOnly: true`
	cookie := new(http.Cookie)
	cookie.Name = "undeclared_echo"
	cookie.Secure = true
	cookie.HttpOnly = true
	c.SetCookie(cookie) // want `cookie "undeclared_echo" is not declared`
	return nil
}
