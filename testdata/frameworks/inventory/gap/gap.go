// Package gap uses a framework no model covers (its own Ctx): the
// inventory lists the call as not modeled.
package gap

type writer interface{ Add(key, value string) }

// Ctx is an in-house framework's context.
type Ctx struct{ out writer }

// SetCookie writes a cookie where cookielint cannot see.
func (c *Ctx) SetCookie(name, value string) { c.out.Add("Set-Cookie", name+"="+value) }

func handler(c *Ctx) {
	c.SetCookie("prefs", "dark")
}
