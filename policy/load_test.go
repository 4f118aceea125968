package policy

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const good = `version: 1
defaults:
  secure: true
  httpOnly: true
  sameSite: lax
  maxAge: 400d
cookies:
  - name: sessionid
    provider: Opendatasoft
    function: Authentication (front and back office)
    purpose: To remember the user from one page to another
    category: necessary
    party: first
    maxAge: 30d
    secure: true
    httpOnly: false
    path: /
    domain: example.com
  - pattern: "_ga_*"
    provider: Google
    purpose: Distinguishes visits
    category: statistics
    party: third
    httpOnly: false
    maxAge: session
    sameSite: none
`

func TestParseGood(t *testing.T) {
	p, err := Parse("p.yaml", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if p.Version != 1 || len(p.Cookies) != 2 {
		t.Fatalf("got version %d, %d cookies", p.Version, len(p.Cookies))
	}
	s := p.Cookies[0]
	if s.Name != "sessionid" || s.Provider != "Opendatasoft" || s.Function != "Authentication (front and back office)" ||
		s.Category != "necessary" || s.Party != "first" || s.Pos != (Position{8, 5}) {
		t.Errorf("entry 0 = %+v", s)
	}
	r := p.Requirements(s)
	if !r.Secure || r.HttpOnly || r.SameSite != SameSiteLax || r.MaxAge.Duration != 30*24*time.Hour || *r.Path != "/" || *r.Domain != "example.com" {
		t.Errorf("requirements of sessionid = %+v", r)
	}
	ga := p.Match("_ga_ABC")
	if ga == nil || ga.Pattern != "_ga_*" {
		t.Fatalf("Match(_ga_ABC) = %+v", ga)
	}
	if r := p.Requirements(ga); !r.MaxAge.Session || r.SameSite != SameSiteNone || r.HttpOnly {
		t.Errorf("requirements of _ga_* = %+v", r)
	}
	if p.Match("_gid") != nil || p.Match("Sessionid") != nil {
		t.Error("matched an undeclared name")
	}
	if r := p.Requirements(nil); !r.Secure || !r.HttpOnly || r.MaxAge.Duration != 400*24*time.Hour {
		t.Errorf("defaults = %+v", r)
	}
	if w := p.Weakest(); !w.Secure || w.HttpOnly || w.SameSite != SameSiteNone || w.MaxAge == nil || w.MaxAge.Duration != 400*24*time.Hour {
		t.Errorf("weakest = %+v", w)
	}
}

func TestNilPolicyDefaults(t *testing.T) {
	var p *Policy
	if r := p.Requirements(nil); !r.Secure || !r.HttpOnly || r.SameSite != SameSiteUnset || r.MaxAge != nil {
		t.Errorf("built-in defaults = %+v", r)
	}
	if p.Match("x") != nil {
		t.Error("nil policy matched a name")
	}
}

// Every mistake names file:line:col and says what is wrong.
func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"unknown field", "version: 1\ncookies:\n  - name: a\n    purpse: x\n", `p.yaml:4:5: cookie entry: unknown field "purpse"`},
		{"unknown top field", "version: 1\ncookie:\n  - name: a\n", `p.yaml:2:1: policy: unknown field "cookie"`},
		{"unknown default", "version: 1\ndefaults:\n  path: /\n", `p.yaml:3:3: defaults: unknown field "path"`},
		{"missing version", "cookies:\n  - name: a\n", `p.yaml:1:1: missing "version: 1"`},
		{"bad version", "version: 2\n", `p.yaml:1:10: unsupported policy version 2`},
		{"version type", "version: one\n", `p.yaml:1:10: version must be the number 1, not a string`},
		{"wrong type bool", "version: 1\ndefaults:\n  secure: yes please\n", `p.yaml:3:11: defaults: secure must be true or false, not a string`},
		{"wrong type string", "version: 1\ncookies:\n  - name: 123\n", `p.yaml:3:11: name must be a string, not a number (quote it)`},
		{"cookies not a list", "version: 1\ncookies:\n  name: a\n", `p.yaml:3:3: cookies must be a list`},
		{"missing name", "version: 1\ncookies:\n  - provider: x\n", `p.yaml:3:5: cookie entry needs a name`},
		{"name and pattern", "version: 1\ncookies:\n  - name: a\n    pattern: a*\n", `p.yaml:4:5: cookie entry has both name and pattern`},
		{"duplicate name", "version: 1\ncookies:\n  - name: a\n  - name: b\n  - name: a\n", `p.yaml:5:5: duplicate cookie name "a" (first declared at line 3)`},
		{"duplicate pattern", "version: 1\ncookies:\n  - pattern: a*\n  - pattern: a*\n", `p.yaml:4:5: duplicate cookie pattern "a*"`},
		{"duplicate key", "version: 1\nversion: 1\n", `p.yaml:2:1:`},
		{"unknown category", "version: 1\ncookies:\n  - name: a\n    category: tracking\n", `p.yaml:4:15: unknown category "tracking": use one of necessary, preferences, statistics, marketing`},
		{"unknown party", "version: 1\ncookies:\n  - name: a\n    party: second\n", `p.yaml:4:12: unknown party "second"`},
		{"bad duration", "version: 1\ncookies:\n  - name: a\n    maxAge: 3 weeks\n", `p.yaml:4:13: cookie entry: maxAge: bad duration "3 weeks"`},
		{"duration without unit", "version: 1\ndefaults:\n  maxAge: 30\n", `p.yaml:3:11: defaults: maxAge 30 has no unit`},
		{"bad sameSite", "version: 1\ndefaults:\n  sameSite: sometimes\n", `p.yaml:3:13: defaults: sameSite must be none, lax or strict`},
		{"pattern without star", "version: 1\ncookies:\n  - pattern: abc\n", `p.yaml:3:14: pattern "abc" has no *`},
		{"bad pattern", "version: 1\ncookies:\n  - pattern: \"a b*\"\n", `p.yaml:3:14: pattern "a b*" can match no valid cookie name`},
		{"bad name", "version: 1\ncookies:\n  - name: \"a;b\"\n", `p.yaml:3:11: name "a;b" is not a valid cookie name`},
		{"bad path", "version: 1\ncookies:\n  - name: a\n    path: app\n", `p.yaml:4:11: cookie entry: path "app" must start with /`},
		{"syntax", "version: 1\ncookies: [\n", `p.yaml:2:10: YAML syntax:`},
		{"tab indent", "version: 1\ncookies:\n\t- name: a\n", `p.yaml:3:`},
		{"anchors refused", "version: 1\ndefaults: &d\n  secure: true\ncookies:\n  - name: a\n    secure: *d\n", `p.yaml:6:13: cookie entry: secure must be true or false, not an anchor or alias`},
		{"empty file", "", `p.yaml:1:1: empty policy file`},
		{"not a mapping", "- a\n", `p.yaml:1:1: policy must be a mapping`},
		{"deep flow nesting", "version: 1\ncookies: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n", `p.yaml:2:74: nested more than 64 levels deep`},
		{"deep indentation", "version: 1\ndefaults:\n" + strings.Repeat(" ", 300) + "secure: true\n", `p.yaml:3:257: indented more than 256 columns`},
		{"alias bomb", "version: 1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ncookies: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", `p.yaml:5:11: cookie entry must be a mapping of keys to values, not an anchor or alias (not supported in policy files)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Parse("p.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; policy %+v", p)
			}
			if p != nil {
				t.Errorf("a policy came back with the error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error\n  %s\ndoes not contain\n  %s", err, tc.want)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "p.yaml:") || strings.Count(line, ":") < 3 {
					t.Errorf("error line %q does not start with file:line:col", line)
				}
			}
		})
	}
}

// Every error of a file is listed, in file order.
func TestParseListsEveryError(t *testing.T) {
	_, err := Parse("p.yaml", []byte("version: 1\ncookies:\n  - name: a\n    category: x\n  - nme: b\n"))
	list, ok := err.(ErrorList)
	if !ok || len(list) != 3 {
		t.Fatalf("want 3 errors, got %v", err)
	}
	if list[0].Line != 4 || list[1].Line != 5 || list[2].Line != 5 {
		t.Errorf("errors out of order or misplaced: %v", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cookie-policy.yaml")
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Load(path)
	if err != nil || p.File != path || len(p.Cookies) != 2 {
		t.Fatalf("Load = %+v, %v", p, err)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "cannot read policy file") {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "big.yaml:1:1: policy file is over 1048576 bytes") {
		t.Errorf("oversized file: %v", err)
	}
}

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"_ga_*", "_ga_ABC", true},
		{"_ga_*", "_ga_", true},
		{"_ga_*", "_ga", false},
		{"_ga_*", "x_ga_1", false},
		{"*_pref", "cookie_pref", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "aXbYc", true},
		{"a*b*c", "acb", false},
		{"a*a", "a", false},
		{"a*a", "aa", true},
		{"*", "", true},
		{"exact", "exact", true},
		{"exact", "exactly", false},
	} {
		if got := MatchPattern(tc.pattern, tc.name); got != tc.want {
			t.Errorf("MatchPattern(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{"30d": 30 * 24 * time.Hour, "12h": 12 * time.Hour, "0d": 0, "90m": 90 * time.Minute} {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "-1d", "1.5d", "+3d", "3 weeks", "-1h"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) accepted", in)
		}
	}
}
