package cookielint

import (
	"go/ast"
	"go/token"
	"net/http"
	"strings"
	"testing"
)

// FuzzSetCookieString: parsing a constant Set-Cookie value agrees with
// net/http on the name and never panics.
func FuzzSetCookieString(f *testing.F) {
	for _, s := range []string{"sessionid=v; Path=/; Secure; HttpOnly; SameSite=Lax", "a=; Max-Age=0", "no equals", "x=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT", "__Host-a=1; Domain=x; Partitioned", ""} {
		f.Add(s)
	}
	lit := &ast.BasicLit{ValuePos: token.Pos(1), Kind: token.STRING, Value: `""`}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := parseSetCookie(s, lit)
		hc, herr := http.ParseSetCookie(s)
		if (err == nil) != (herr == nil) {
			t.Fatalf("error %v, net/http %v", err, herr)
		}
		if err == nil && c.attrs[attrName].s != hc.Name {
			t.Fatalf("name %q, net/http %q", c.attrs[attrName].s, hc.Name)
		}
	})
}

// FuzzSetCookieFormat: a Sprintf format never panics the parser, and a
// verb where the name is makes the name unknown.
func FuzzSetCookieFormat(f *testing.F) {
	for _, s := range []string{"sessionid=%s; Path=/", "%s=%s", "%[1]s=%[2]*d; %s", "a=%%; Secure", "%", "x=1; %v", "=%s"} {
		f.Add(s)
	}
	lit := &ast.BasicLit{ValuePos: token.Pos(1), Kind: token.STRING, Value: `""`}
	f.Fuzz(func(t *testing.T, format string) {
		c := parseSetCookieFormat(format, lit)
		name, _, _ := strings.Cut(format, ";")
		name, _, _ = strings.Cut(name, "=")
		if strings.Contains(strings.ReplaceAll(name, "%%", ""), "%") && c.attrs[attrName].k == konst {
			t.Fatalf("format %q: a verb in the name, but the name is the constant %q", format, c.attrs[attrName].s)
		}
	})
}
