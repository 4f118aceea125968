package policy

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: the loader never panics; a policy it accepts is consistent;
// every error it gives names file:line:col.
func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	for _, s := range []string{
		"version: 1\n", "", "version: 1\ncookies:\n  - name: a\n    purpse: x\n",
		"version: 1\ncookies: [{name: a, maxAge: 30d}, {pattern: \"b*\", sameSite: Lax}]\n",
		"version: 1\ndefaults: {secure: false, maxAge: session}\n", "version: 1\ncookies: [[[[]]]]\n",
		"version: 1\ncookies:\n  - name: a\n    tcfPurposes: [1, 11]\n", "\tversion: 1\n", "version: &v 1\n",
	} {
		f.Add([]byte(s))
	}
	errLine := regexp.MustCompile(`^p\.yaml:[1-9][0-9]*:[1-9][0-9]*: \S`)
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("p.yaml", data)
		if err != nil {
			if p != nil {
				t.Fatal("a policy and an error")
			}
			for _, l := range strings.Split(err.Error(), "\n") {
				if !errLine.MatchString(l) {
					t.Fatalf("error line %q does not start with file:line:col", l)
				}
			}
			return
		}
		if p.Version != 1 {
			t.Fatalf("accepted version %d", p.Version)
		}
		for _, e := range p.Cookies {
			if (e.Name == "") == (e.Pattern == "") {
				t.Fatalf("entry with name %q and pattern %q", e.Name, e.Pattern)
			}
			if e.Name != "" && !IsToken(e.Name) {
				t.Fatalf("accepted name %q", e.Name)
			}
		}
		_ = p.Weakest()
	})
}

// FuzzMatchPattern checks the glob matcher against a regular expression.
func FuzzMatchPattern(f *testing.F) {
	for _, c := range [][2]string{{"_ga_*", "_ga_1"}, {"a*b*c", "aXbYc"}, {"*", ""}, {"a*a", "a"}, {"**", "x"}, {"x", "x"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		if len(pattern) > 64 || len(name) > 256 || !utf8.ValidString(pattern) || !utf8.ValidString(name) {
			return // the reference regexp needs UTF-8; cookie names are ASCII
		}
		parts := strings.Split(pattern, "*")
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		re := regexp.MustCompile("^(?s:" + strings.Join(parts, ".*") + ")$")
		if got, want := MatchPattern(pattern, name), re.MatchString(name); got != want {
			t.Fatalf("MatchPattern(%s, %s) = %v, the regexp says %v", strconv.Quote(pattern), strconv.Quote(name), got, want)
		}
	})
}
