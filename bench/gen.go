package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// generate writes a module of n packages under dir: plain code in most,
// and in a few percent cookies set through net/http, a helper package
// and gin.
func generate(dir string, n int) error {
	write := func(rel, content string) error {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(content), 0o644)
	}
	if err := write("go.mod", "module example.com/gen\n\ngo 1.26\n\nrequire github.com/gin-gonic/gin v1.12.0\n"); err != nil {
		return err
	}
	if err := write("cookie-policy.yaml", "version: 1\ncookies:\n  - name: sessionid\n  - name: prefs\n    httpOnly: false\n"); err != nil {
		return err
	}
	if err := write("cookies/cookies.go", `// Package cookies is the helper other packages set cookies through.
package cookies

import "net/http"

// Set sets a hardened cookie.
func Set(w http.ResponseWriter, name, value string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", Secure: true, HttpOnly: true})
}
`); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		imports := []string{`"fmt"`, `"strings"`}
		if i > 0 {
			imports = append(imports, fmt.Sprintf(`dep "example.com/gen/p%04d"`, i/2))
		}
		cookie := i%25 == 7
		framework := i%50 == 13
		if cookie {
			imports = append(imports, `"net/http"`, `"example.com/gen/cookies"`)
		}
		if framework {
			imports = append(imports, `"github.com/gin-gonic/gin"`)
		}
		fmt.Fprintf(&b, "package p%04d\n\nimport (\n\t%s\n)\n\n", i, strings.Join(imports, "\n\t"))
		for f := 0; f < 12; f++ {
			fmt.Fprintf(&b, `// F%[1]d formats its input.
func F%[1]d(s string) string {
	parts := strings.Split(s, ",")
	for i, p := range parts {
		parts[i] = fmt.Sprintf("%%d:%%s", i, strings.TrimSpace(p))
	}
	return strings.Join(parts, ";")
}

`, f)
		}
		if i > 0 {
			b.WriteString("// Dep uses the package this one imports.\nfunc Dep() string { return dep.F0(\"a,b\") }\n\n")
		}
		if cookie {
			b.WriteString(`// Handler sets cookies.
func Handler(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: F0(r.URL.Path), Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "tracker", Value: "1"})
	cookies.Set(w, "prefs", "dark")
	cookies.Set(w, "undeclared", "x")
}

`)
		}
		if framework {
			b.WriteString(`// GinHandler sets a cookie through gin.
func GinHandler(c *gin.Context) {
	c.SetCookie("sessionid", "v", 3600, "/", "", true, true)
	c.SetCookie("sessionid", "v", 3600, "/", "", false, true)
}
`)
		}
		if err := write(fmt.Sprintf("p%04d/p.go", i), b.String()); err != nil {
			return err
		}
	}
	return nil
}
