package fiber2

import "github.com/gofiber/fiber/v2"

func handler(c *fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "sessionid", Secure: true, HTTPOnly: true})
	c.Cookie(&fiber.Cookie{Name: "sessionid", HTTPOnly: true})                   // want `cookie "sessionid" is set without Secure: .*; set Secure: true`
	c.Cookie(&fiber.Cookie{Name: "sessionid", Secure: true})                     // want `cookie "sessionid" is set without HttpOnly: .*; set HTTPOnly: true`
	c.Cookie(&fiber.Cookie{Name: "sessionid", HTTPOnly: true, SameSite: "None"}) // fasthttp sets Secure for SameSite=None
	c.Cookie(&fiber.Cookie{Name: "strictone", Secure: true, HTTPOnly: true})     // want `cookie "strictone" is set with SameSite=Lax, but the policy requires at least SameSite=Strict.*set SameSite: fiber.CookieSameSiteStrictMode`
	c.Cookie(&fiber.Cookie{Name: "strictone", Secure: true, HTTPOnly: true, SameSite: fiber.CookieSameSiteStrictMode})
	c.Cookie(&fiber.Cookie{Name: "strictone", Secure: true, HTTPOnly: true, SameSite: "STRICT"})
	c.Cookie(&fiber.Cookie{Name: "sessionid", Secure: true, HTTPOnly: true, MaxAge: 500 * 86400}) // want `cookie "sessionid" lives 500 days`
	c.Cookie(&fiber.Cookie{Name: "sessionid", Secure: true, HTTPOnly: true, MaxAge: 500 * 86400, SessionOnly: true})
	c.Cookie(&fiber.Cookie{Name: "undeclared_fiber", Secure: true, HTTPOnly: true}) // want `cookie "undeclared_fiber" is not declared`
	return nil
}
