package cookielint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cookielint/cookielint/policy"
)

// Each rule of the evidence that a package can set a cookie, with its near
// miss.
func TestNeedsSource(t *testing.T) {
	dir := t.TempDir()
	var pkgs []PackageFiles
	add := func(id string, imports []string, src string) {
		t.Helper()
		name := filepath.Join(dir, id+".go")
		if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, PackageFiles{ID: id, Path: "example.com/" + id, Files: []string{name}, Imports: imports})
	}
	add("sink", []string{"net/http"}, "package p\nfunc f(w W) { http.SetCookie(w, nil) }\n")
	http := []string{"net/http"}
	add("cookietype", http, "package p\nvar c *http.Cookie\n")
	add("camel", http, "package p\nconst extensionCookie = 44 // a TLS extension, not a cookie: Cookie\n")
	add("comment", http, "package p\n// SetCookie is only in a comment; so is \"Set-Cookie\".\n")
	add("header", http, "package p\nvar h = \"set-COOKIE\"\n")
	add("reqheader", http, "package p\nvar h = \"Cookie\"\n")
	add("unreached", []string{"os"}, "package p\ntype InotifyEvent struct{ Cookie uint32 }\nvar h = \"Set-Cookie\"\n")
	add("library", []string{"github.com/gorilla/sessions"}, "package p\nvar s sessions.Store\n")
	add("xsrf", []string{"github.com/beego/beego/v2/server/web"}, "package p\nfunc f(c *web.Controller) string { return c.XSRFToken() }\n")
	add("beego", []string{"github.com/beego/beego/v2/server/web"}, "package p\nfunc f(c *web.Controller) {}\n")
	add("xsrfname", nil, "package p\nfunc XSRFToken() {}\n")
	add("consts", http, "package p\nconst (\n\tHdrSC = \"Set-Cookie\"\n\tTyped string = \"set-cookie\"\n\tother = \"Set-Cookie\"\n)\n")
	add("constuser", []string{"example.com/consts"}, "package p\nfunc f(h H) { h.Add(consts.HdrSC, v) }\n")
	add("typeduser", []string{"example.com/consts"}, "package p\nvar k = consts.Typed\n")
	add("constimport", []string{"example.com/consts"}, "package p\nvar k = consts.Other\n")
	add("usermodel", []string{"example.com/web"}, "package p\nfunc f(c *web.Context) { c.Forget(\"x\") }\n")
	pkgs = append(pkgs, PackageFiles{ID: "unreadable", Files: []string{filepath.Join(dir, "missing.go")}, Imports: http})
	// net/http itself: complete, its models say all it does.
	pkgs = append(pkgs, PackageFiles{ID: "nethttp", Path: "net/http", Files: []string{filepath.Join(dir, "cookietype.go")}})

	user, err := policy.ParseModels("p.yaml", []byte("sinks:\n  - func: (*example.com/web.Context).Forget\n    args: {name: 0}\n"))
	if err != nil {
		t.Fatal(err)
	}
	need, err := NeedsSource(pkgs, user)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{
		"sink": true, "cookietype": true, "camel": false, "comment": false, "header": true, "reqheader": false,
		"library": true, "xsrf": true, "beego": false, "xsrfname": false,
		"consts": true, "constuser": true, "typeduser": true, "constimport": false,
		"usermodel": true, "unreadable": true, "unreached": false, "nethttp": false,
	}
	for id, w := range want {
		if (need[id] != "") != w {
			t.Errorf("%s: needs source %q, want %v", id, need[id], w)
		}
	}
	// Each says why, for -debug=l.
	for id, why := range map[string]string{
		"sink": "names SetCookie", "header": "a Set-Cookie string", "library": "imports github.com/gorilla/sessions",
		"xsrf": "names XSRFToken of an import", "constuser": "names HdrSC of an import", "unreadable": "a file that cannot be read",
		"usermodel": "imports example.com/web",
	} {
		if need[id] != why {
			t.Errorf("%s: needs source because %q, want %q", id, need[id], why)
		}
	}
	// Without the policy's models, its framework is nothing.
	if need, _ := NeedsSource(pkgs, nil); need["usermodel"] != "" {
		t.Error("usermodel needs source without the policy's models")
	}
}
