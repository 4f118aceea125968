package cookielint

import "testing"

func TestVersionPick(t *testing.T) {
	reg, err := builtinModels()
	if err != nil {
		t.Fatal(err)
	}
	l := reg.library(funcKey{pkg: "github.com/gorilla/sessions", fn: "NewCookieStore"})
	if l == nil || l.versions == nil {
		t.Fatal("no versions for gorilla/sessions' NewCookieStore in the models")
	}
	vd := l.versions
	for _, c := range []struct {
		version string
		secure  bool // the defaults picked set Secure
		checked bool
	}{
		{"v1.1.1", false, true},
		{"v1.2.2", false, true},
		{"v1.2.3", false, false}, // between the ranges: the older one
		{"v1.3.0", true, true},
		{"v1.4.0", true, true},
		{"v1.5.0", true, false}, // newer than every range: the newest
		{"v1.0.0", false, false},
		{"v1.4.0-rc.1", true, true},
		{"", true, false}, // unknown: the newest
	} {
		d, checked := vd.pick(c.version)
		if d[attrSecure].isTrue() != c.secure || checked != c.checked {
			t.Errorf("pick(%q): Secure %v, checked %v; want %v, %v", c.version, d[attrSecure].isTrue(), checked, c.secure, c.checked)
		}
	}
}

func TestVersionInPath(t *testing.T) {
	for in, want := range map[string]string{
		"/root/go/pkg/mod/github.com/gorilla/sessions@v1.2.2/store.go":      "v1.2.2",
		"github.com/gorilla/sessions@v1.4.0/store.go":                       "v1.4.0", // -trimpath
		`C:\Users\u\go\pkg\mod\github.com\gorilla\sessions@v1.3.0\store.go`: "",       // not a slash path on this system
		"/src/vendor/github.com/gorilla/sessions/store.go":                  "",
		"/root/go/pkg/mod/github.com/gorilla/sessionsx@v9.9.9/store.go":     "",
	} {
		if got := versionInPath(in, "github.com/gorilla/sessions"); got != want {
			t.Errorf("versionInPath(%q) = %q, want %q", in, got, want)
		}
	}
}
