package cookielint

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Every fix of the fixture suite, alone and all together, leaves a file
// that parses; every diagnostic is well formed. (Files that import other
// fixture packages do not type-check alone and are skipped.)
func TestFixturesFixesParse(t *testing.T) {
	files, _ := filepath.Glob("testdata/src/*/*.go")
	checked := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fset, file, diags, ok, err := analyzeSource(t, string(src), Config{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !ok {
			continue
		}
		checked++
		checkDiagnostics(t, fset, file, string(src), diags)
	}
	if checked < 10 {
		t.Fatalf("only %d fixture files type-checked alone", checked)
	}
}

// FuzzAnalyzerSource runs the analyzer on any Go source that type-checks:
// it must not fail (an internal error is a recovered panic), and its
// diagnostics and fixes must be well formed.
func FuzzAnalyzerSource(f *testing.F) {
	files, _ := filepath.Glob("testdata/src/*/*.go")
	for _, name := range files {
		if src, err := os.ReadFile(name); err == nil {
			f.Add(string(src))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		fuzzOne(t, src)
	})
}

// FuzzAnalyzerGenerated builds cookie-setting functions from the fuzzer's
// bytes: literals, stores, branches, loops, headers and helper calls in any
// order.
func FuzzAnalyzerGenerated(f *testing.F) {
	for _, seed := range []string{"\x07", "\x01\x12\x07", "\x08\x01\x09\x11\x0a\x07", "\x0b\x0c\x07", "\x0d\x02\x07\x0a\x0e\x0f", "\x00\x10\x05\x06\x07", "\x03\x43\x04\x07"} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzOne(t, generate(data))
	})
}

func fuzzOne(t *testing.T, src string) {
	if len(src) > 64<<10 {
		return
	}
	for _, strict := range []bool{false, true} {
		fset, file, diags, ok, err := analyzeSource(t, src, Config{Strict: strict})
		if err != nil {
			t.Fatalf("analyzer failed: %v\n%s", err, src)
		}
		if ok {
			checkDiagnostics(t, fset, file, src, diags)
		}
	}
}

var genNames = []string{"sessionid", "prefs", "__Host-x", "__secure-y", "tracker", "bad name", "", "_ga_1"}

// generate writes a package whose function f does what data says.
func generate(data []byte) string {
	var body []string
	var open []string // the kinds of blocks open: "if", "else", "for"
	line := func(format string, args ...any) {
		body = append(body, strings.Repeat("\t", len(open)+1)+fmt.Sprintf(format, args...))
	}
	line("c := &http.Cookie{Name: %q}", "sessionid")
	for i, b := range data {
		hi := int(b >> 4)
		name := genNames[hi%len(genNames)]
		switch b % 16 {
		case 0:
			line("c.Name = %q", name)
		case 1:
			line("c.Secure = %v", hi%2 == 1)
		case 2:
			line("c.HttpOnly = %v", hi%2 == 1)
		case 3:
			line("c.SameSite = http.SameSite(%d)", hi%5)
		case 4:
			line("c.MaxAge = %d", (hi-4)*86400*30)
		case 5:
			line("c.Path = %q", []string{"/", "/app", ""}[hi%3])
		case 6:
			line("c.Domain = %q", []string{"example.com", "", ".example.com"}[hi%3])
		case 7:
			line("http.SetCookie(w, c)")
		case 8:
			line("if r.TLS != nil {")
			open = append(open, "if")
		case 9:
			if n := len(open); n > 0 && open[n-1] == "if" {
				open = open[:n-1]
				line("} else {")
				open = append(open, "else")
			}
		case 10:
			if n := len(open); n > 0 {
				open = open[:n-1]
				line("}")
			}
		case 11:
			end := min(len(data), i+1+hi)
			line("w.Header().Add(\"Set-Cookie\", %s)", strconv.Quote(name+"=v"+string(data[i+1:end])))
		case 12:
			line("w.Header().Set(\"set-cookie\", fmt.Sprintf(%q, %q))", "%s=v; Path=/; Secure", name)
		case 13:
			line("for i := 0; i < 2; i++ {")
			open = append(open, "for")
		case 14:
			line("c = &http.Cookie{Name: %q, Secure: %v, Partitioned: %v}", name, hi%2 == 0, hi%3 == 0)
		case 15:
			line("helper(w, %q, %v)", name, hi%2 == 1)
		}
	}
	for len(open) > 0 {
		open = open[:len(open)-1]
		line("}")
	}
	return `package p

import (
	"fmt"
	"net/http"
)

func helper(w http.ResponseWriter, name string, secure bool) {
	http.SetCookie(w, &http.Cookie{Name: name, Secure: secure, HttpOnly: true})
}

func f(w http.ResponseWriter, r *http.Request) {
` + strings.Join(body, "\n") + `
	http.SetCookie(w, c)
	_ = fmt.Sprint()
}
`
}

// The generator writes code that type-checks, or the fuzzer tests nothing.
func TestGeneratedProgramsTypeCheck(t *testing.T) {
	for _, seed := range []string{"", "\x07\x08\x01\x09\x02\x0a\x0d\x0b\x0c\x0e\x0f\x00\x03\x04\x05\x06\x07"} {
		_, _, _, ok, err := analyzeSource(t, generate([]byte(seed)), Config{})
		if !ok || err != nil {
			t.Fatalf("generated program does not type-check (ok %v, err %v):\n%s", ok, err, generate([]byte(seed)))
		}
	}
}
