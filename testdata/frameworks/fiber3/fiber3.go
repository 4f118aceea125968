package fiber3

import "github.com/gofiber/fiber/v3"

func handler(c fiber.Ctx) error {
	c.Cookie(&fiber.Cookie{Name: "sessionid", Secure: true, HTTPOnly: true})
	c.Cookie(&fiber.Cookie{Name: "sessionid", HTTPOnly: true})                    // want `cookie "sessionid" is set without Secure: .*; set Secure: true`
	c.Cookie(&fiber.Cookie{Name: "sessionid", HTTPOnly: true, Partitioned: true}) // fiber v3 sets Secure for Partitioned
	c.Cookie(&fiber.Cookie{Name: "__Host-id", Secure: true, HTTPOnly: true})      // fiber v3 writes an empty Path as "/"
	c.Cookie(&fiber.Cookie{Name: "__Host-id", Secure: true, HTTPOnly: true, Domain: "example.com"}) // want `has the __Host- prefix but sets Domain "example.com"`
	cookie := &fiber.Cookie{Name: "strictone", Secure: true, HTTPOnly: true}
	cookie.SameSite = fiber.CookieSameSiteLaxMode
	c.Cookie(cookie) // want `cookie "strictone" is set with SameSite=Lax`
	c.Res().Cookie(&fiber.Cookie{Name: "undeclared_fiber3", Secure: true, HTTPOnly: true}) // want `cookie "undeclared_fiber3" is not declared`
	return nil
}
