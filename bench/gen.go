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

// The large-graph module's requirements: a Kubernetes client, gRPC and a
// web framework, the dependency graph of a cloud-native web application.
const largeRequires = `require (
	github.com/gin-gonic/gin v1.12.0
	google.golang.org/grpc v1.85.0
	k8s.io/client-go v0.37.2
	k8s.io/apimachinery v0.37.2
)
`

// generateLarge writes a module of n packages over a Kubernetes-sized
// dependency graph: each uses client-go, gRPC and gin; every fifth sets
// cookies through net/http and gin.
func generateLarge(dir string, n int) error {
	files := map[string]string{
		"go.mod":             "module example.com/large\n\ngo 1.26\n\n" + largeRequires,
		"cookie-policy.yaml": "version: 1\ncookies:\n  - name: sessionid\n",
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, `package p%03d

import (
	"context"
	"net/http"

	"github.com/gin-gonic/gin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// Pods counts the pods of a namespace.
func Pods(ctx context.Context, cfg *rest.Config, ns string) (int, error) {
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return 0, err
	}
	pods, err := cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	if err != nil {
		return 0, err
	}
	return len(pods.Items), nil
}

// Dial connects to a backend.
func Dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// Routes registers the package's routes.
func Routes(r *gin.Engine) {
	r.GET("/p%03d", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
}
`, i, i)
		if i%5 == 0 {
			b.WriteString(`
// Login sets the session cookie, and a tracker the policy lacks.
func Login(w http.ResponseWriter, c *gin.Context) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "v", Path: "/", Secure: true, HttpOnly: true})
	c.SetCookie("tracker", "1", 3600, "/", "", false, false)
}
`)
		}
		files[fmt.Sprintf("p%03d/p.go", i)] = b.String()
	}
	for rel, content := range files {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}
