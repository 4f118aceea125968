package policy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The models: section of the example, and more of the format.
const withModels = `version: 1
cookies:
  - name: sid
models:
  sinks:
    - func: (*example.com/web.Context).SetCookie
      args: {name: 0, value: 1, maxAge: 2, path: 3, domain: 4, secure: 5, httpOnly: 6}
    - func: example.com/web.Send
      cookie: 1
    - func: (example.com/web.Context).Forget
      args: {name: 0}
      set: {maxAge: -1, path: /, secure: true}
      options: 1
      normalize: {path: /, sameSite: lax, noneForcesSecure: true}
      via: web Forget
  cookies:
    - type: example.com/web.Cookie
      fields: {Key: name, Secure: secure, HTTPOnly: httpOnly, MaxAge: maxAge, Path: path}
      setters: {SetSecure: secure}
      sameSite: {"1": lax, strict: strict, "*": none}
      spelling: {lax: web.Lax}
  options:
    - func: example.com/web.WithSecure
      set: {secure: true}
    - func: example.com/web.WithPath
      args: {path: 0}
      runtime: [domain]
`

func TestParseModels(t *testing.T) {
	p, err := Parse("p.yaml", []byte(withModels))
	if err != nil {
		t.Fatal(err)
	}
	m := p.Models
	if m == nil || len(m.Sinks) != 3 || len(m.Cookies) != 1 || len(m.Options) != 2 {
		t.Fatalf("models = %+v", m)
	}
	s := m.Sinks[0]
	if s.Func.Pkg != "example.com/web" || s.Func.Recv != "Context" || s.Func.Name != "SetCookie" || s.Args["secure"] != 5 || s.Args["httpOnly"] != 6 {
		t.Errorf("sink 0 = %+v", s)
	}
	if s.Func.Pos != (Position{6, 13}) || s.Pos != (Position{6, 7}) {
		t.Errorf("sink 0 positions: func %v, entry %v", s.Func.Pos, s.Pos)
	}
	if s := m.Sinks[1]; s.Func.Recv != "" || s.Func.Name != "Send" || s.Cookie == nil || *s.Cookie != 1 {
		t.Errorf("sink 1 = %+v", s)
	}
	f := m.Sinks[2]
	if f.Set["maxAge"].Int != -1 || f.Set["path"].Str != "/" || !f.Set["secure"].Bool || *f.Options != 1 ||
		f.Normalize.Path != "/" || f.Normalize.SameSite != SameSiteLax || !f.Normalize.NoneForcesSecure || f.Via != "web Forget" {
		t.Errorf("sink 2 = %+v", f)
	}
	if m.Sinks[0].Via != "Context.SetCookie" || m.Sinks[1].Via != "Send" {
		t.Errorf("default via: %q, %q", m.Sinks[0].Via, m.Sinks[1].Via)
	}
	c := m.Cookies[0]
	if c.Pkg != "example.com/web" || c.Name != "Cookie" || c.Fields["HTTPOnly"] != "httpOnly" || c.Setters["SetSecure"] != "secure" ||
		c.SameSite["1"] != SameSiteLax || c.SameSite["strict"] != SameSiteStrict || c.SameSite["*"] != SameSiteNone || c.Spelling[SameSiteLax] != "web.Lax" {
		t.Errorf("cookie type = %+v", c)
	}
	if o := m.Options[1]; o.Args["path"] != 0 || !slices.Equal(o.Runtime, []string{"domain"}) || o.Func.Name != "WithPath" {
		t.Errorf("option = %+v", o)
	}
}

// Every mistake in a models: section is an error with its position.
func TestModelsErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"models:\n  sinks:\n    - func: SetCookie\n      cookie: 0\n", `p.yaml:3:13: sink: func: "SetCookie" is not a package path and a name`},
		{"models:\n  sinks:\n    - func: (*web.Context.SetCookie\n      cookie: 0\n", `p.yaml:3:13: sink: func: "(*web.Context.SetCookie": write a method as`},
		{"models:\n  sinks:\n    - func: (web.Context).9x\n      cookie: 0\n", `p.yaml:3:13: sink: func: "(web.Context).9x": "9x" is not a method name`},
		{"models:\n  sinks:\n    - func: a b.F\n      cookie: 0\n", `p.yaml:3:13: sink: func: "a b.F": "a b" is not a package path`},
		{"models:\n  sinks:\n    - func: web.F\n      args: {secur: 1}\n", `p.yaml:4:14: sink: args: unknown attribute "secur"`},
		{"models:\n  sinks:\n    - func: web.F\n      args: {secure: x}\n", `p.yaml:4:22: sink: args: secure: "x" is not an argument index`},
		{"models:\n  sinks:\n    - func: web.F\n      cookie: 1\n      args: {name: 0}\n", `p.yaml:3:7: models: sink web.F has cookie and args: give one of`},
		{"models:\n  sinks:\n    - func: web.F\n", `p.yaml:3:7: models: sink web.F needs cookie`},
		{"models:\n  sinks:\n    - cookie: 1\n", `p.yaml:3:7: models: a sink needs "func:`},
		{"models:\n  sinks:\n    - func: web.F\n      cookie: -1\n", `p.yaml:4:15: sink: cookie (an argument index, or "receiver") must be an argument index`},
		{"models:\n  sinks:\n    - func: web.F\n      cookie: 0\n      secure: true\n", `p.yaml:5:7: models: sink: unknown field "secure"`},
		{"models:\n  sinks:\n    - func: web.F\n      args: {name: 0}\n      set: {secure: yes}\n", `p.yaml:5:21: sink: set: secure: "yes" is not a value of this attribute`},
		{"models:\n  sinks:\n    - func: web.F\n      args: {name: 0}\n      decode: json\n", `p.yaml:5:15: sink: decode: "json" is not a decoding`},
		{"models:\n  cookies:\n    - type: web\n      fields: {A: name}\n", `p.yaml:3:13: cookie type: "web" is not a package path and a name`},
		{"models:\n  cookies:\n    - type: web.C\n", `p.yaml:3:7: models: cookie type web.C needs fields or setters`},
		{"models:\n  cookies:\n    - type: web.C\n      fields: {A: nam}\n", `p.yaml:4:19: cookie type: fields: unknown attribute "nam"`},
		{"models:\n  cookies:\n    - type: web.C\n      fields: {A: name}\n      sameSite: {\"1\": medium}\n", `p.yaml:5:23: cookie type: sameSite: "medium" is not a SameSite level`},
		{"models:\n  options:\n    - func: web.O\n      set: {colour: red}\n", `p.yaml:4:13: option: set: unknown attribute "colour"`},
		{"models:\n  sink:\n    - func: web.F\n", `p.yaml:2:3: models: unknown field "sink"`},
		{"models:\n  sinks: {func: web.F}\n", `p.yaml:2:11: models: sinks must be a list`},
		// Objects and libraries.
		{"models:\n  objects:\n    - fields: {A: name}\n", `p.yaml:3:7: models: an object needs "type: package/path.Name"`},
		{"models:\n  objects:\n    - type: lib.Opts\n      extras: {On: on}\n", `p.yaml:4:20: object: extras: On: "on" is not an extra (enabled, lookup, aux)`},
		{"models:\n  objects:\n    - type: lib.Opts\n      colour: red\n", `p.yaml:4:7: models: object: unknown field "colour"`},
		{"models:\n  objects:\n    - type: lib.Store\n      derive: {Get: {name: 1, returns: Session}}\n", `p.yaml:4:40: object: derive: returns: "Session" is not a package path and a name`},
		{"models:\n  libraries:\n    - site: true\n", `p.yaml:3:7: models: a library needs "func: package/path.Func"`},
		{"models:\n  libraries:\n    - func: lib.New\n      defaults: {secure: maybe}\n", `p.yaml:4:26: library: defaults: secure: "maybe" is not a value of this attribute`},
		{"models:\n  libraries:\n    - func: lib.New\n      versions: [{from: 1.0, to: v1.2.0}]\n", `p.yaml:4:25: library: versions: from must be a string, not a number (quote it)`},
		{"models:\n  libraries:\n    - func: lib.New\n      versions: [{from: v1, to: v1.2.0}]\n", `p.yaml:4:25: library: versions: from: "v1" is not a version (v1.2.3)`},
		{"models:\n  libraries:\n    - func: lib.New\n      hook: magic\n", `p.yaml:4:13: library: hook: "magic" is not a hook`},
		{"models:\n  libraries:\n    - func: lib.New\n      options: {Secure: {attr: secure, zero: never}}\n", `p.yaml:4:46: library: options: Secure: zero: "never" is not default or absent`},
		{"models:\n  libraries:\n    - func: lib.New\n      config: {arg: 0}\n", `p.yaml:4:16: library: config: needs type`},
		{"models:\n  libraries:\n    - func: lib.New\n      lookup: {cookie: value}\n", `p.yaml:4:24: library: lookup: cookie: "value" is not name or none`},
		{"models:\n  sinks:\n    - func: lib.Save\n      saves: Session\n", `p.yaml:4:14: sink: saves: "Session" is not a package path and a name`},
		{"models:\n  checked: [1.0.0]\n", `p.yaml:2:13: models: checked: "1.0.0" is not a version (v1.2.3)`},
		{"models:\n  contexts: [(lib.T).M]\n", `p.yaml:2:14: models: contexts: "(lib.T).M" is not a type`},
	} {
		_, err := Parse("p.yaml", []byte("version: 1\n"+strings.TrimPrefix(c.src, "\n")))
		if err == nil {
			t.Errorf("%q: no error, want %s", c.src, c.want)
			continue
		}
		// The test sources start at line 2 of the file.
		want := shiftLine(c.want)
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, want)
		}
	}
}

// shiftLine moves a "p.yaml:L:C:" position one line down: the cases above
// are written without the version line.
func shiftLine(s string) string {
	parts := strings.SplitN(s, ":", 4)
	if len(parts) < 4 {
		return s
	}
	n := 0
	for _, r := range parts[1] {
		n = n*10 + int(r-'0')
	}
	return parts[0] + ":" + itoa(n+1) + ":" + parts[2] + ":" + parts[3]
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// The built-in models files parse with the same decoder; no function is
// a sink twice, in one file or across files, and each file names its
// module and the versions it was checked against.
func TestBuiltinModelsParse(t *testing.T) {
	files, err := filepath.Glob("../models/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	sinks, libraries := 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := ParseModels(filepath.Base(f), data)
		if err != nil {
			t.Error(err)
			continue
		}
		if m.Module == "" || len(m.Checked) == 0 || m.Name == "" || m.About == "" {
			t.Errorf("%s: module %q, checked %v, name %q: a built-in file says what it models, at which versions, and what is checked", f, m.Module, m.Checked, m.Name)
		}
		for _, s := range m.Sinks {
			if seen[s.Func.Text] != "" {
				t.Errorf("%s: sink %s declared in %s too", f, s.Func, seen[s.Func.Text])
			}
			seen[s.Func.Text] = f
		}
		sinks += len(m.Sinks)
		libraries += len(m.Libraries)
	}
	if sinks < 10 || libraries < 10 {
		t.Errorf("built-in models: %d sinks, %d libraries in %d files", sinks, libraries, len(files))
	}
}

func TestParseFuncRef(t *testing.T) {
	for in, want := range map[string]FuncRef{
		"net/http.SetCookie":                         {Pkg: "net/http", Name: "SetCookie"},
		"(net/http.Header).Add":                      {Pkg: "net/http", Recv: "Header", Name: "Add"},
		"(*github.com/gin-gonic/gin.Context).Cookie": {Pkg: "github.com/gin-gonic/gin", Recv: "Context", Name: "Cookie"},
		"gopkg.in/yaml.v3.Marshal":                   {Pkg: "gopkg.in/yaml.v3", Name: "Marshal"},
	} {
		got, err := ParseFuncRef(in)
		want.Text = in
		if err != nil || got != want {
			t.Errorf("ParseFuncRef(%q) = %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "F", "pkg.", ".F", "(pkg.T)", "(pkg.T).", "pkg/.F", "/pkg.F", "pkg.F()", "(pkg.T)M"} {
		if _, err := ParseFuncRef(in); err == nil {
			t.Errorf("ParseFuncRef(%q): no error", in)
		}
	}
}

// The schema's model properties are the decoder's fields.
func TestSchemaModelFieldsMatchLoader(t *testing.T) {
	doc := readSchema(t)
	defs := doc["$defs"].(map[string]any)
	props := func(m any) []string {
		var out []string
		for k := range m.(map[string]any)["properties"].(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	section, cookie, sink, option, normalize, object, library := ModelFields()
	for _, c := range []struct {
		level          string
		loader, schema []string
	}{
		{"models", section, props(doc["properties"].(map[string]any)["models"])},
		{"cookie type", cookie, props(defs["cookieType"])},
		{"sink", sink, props(defs["sink"])},
		{"option", option, props(defs["option"])},
		{"normalize", normalize, props(defs["normalize"])},
		{"object", object, props(defs["object"])},
		{"library", library, props(defs["library"])},
	} {
		sort.Strings(c.loader)
		if !slices.Equal(c.loader, c.schema) {
			t.Errorf("%s fields: loader %v, schema %v", c.level, c.loader, c.schema)
		}
	}
	var attrs []string
	for _, a := range defs["attribute"].(map[string]any)["enum"].([]any) {
		attrs = append(attrs, a.(string))
	}
	if !slices.Equal(attrs, Attributes) {
		t.Errorf("schema attributes %v, loader %v", attrs, Attributes)
	}
}

func TestSchemaModels(t *testing.T) {
	s := compileSchema(t)
	if err := s.Validate(asJSON(t, []byte(withModels))); err != nil {
		t.Errorf("schema rejects the models example: %v", err)
	}
	files, err := filepath.Glob("../models/*.yaml")
	if err != nil || len(files) < 10 {
		t.Fatalf("the built-in models files: %v, %d", err, len(files))
	}
	for _, f := range files {
		builtin, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Every built-in file is a policy's models: section as it is.
		indented := "version: 1\nmodels:\n  " + strings.ReplaceAll(strings.TrimSpace(string(builtin)), "\n", "\n  ") + "\n"
		if _, err := Parse("p.yaml", []byte(indented)); err != nil {
			t.Errorf("%s as a policy's models: %v", f, err)
		}
		if err := s.Validate(asJSON(t, []byte(indented))); err != nil {
			t.Errorf("schema rejects %s: %v", f, err)
		}
	}
	for name, src := range map[string]string{
		"bad func":          "version: 1\nmodels:\n  sinks:\n    - func: SetCookie\n      cookie: 0\n",
		"unknown attribute": "version: 1\nmodels:\n  sinks:\n    - func: web.F\n      args: {secur: 1}\n",
		"two forms":         "version: 1\nmodels:\n  sinks:\n    - func: web.F\n      cookie: 1\n      args: {name: 0}\n",
		"no form":           "version: 1\nmodels:\n  sinks:\n    - func: web.F\n",
		"negative index":    "version: 1\nmodels:\n  sinks:\n    - func: web.F\n      cookie: -1\n",
		"unknown key":       "version: 1\nmodels:\n  sinks:\n    - func: web.F\n      cookie: 0\n      secure: true\n",
		"no fields":         "version: 1\nmodels:\n  cookies:\n    - type: web.C\n",
		"bad level":         "version: 1\nmodels:\n  cookies:\n    - type: web.C\n      fields: {A: name}\n      sameSite: {\"1\": medium}\n",
		"bad decode":        "version: 1\nmodels:\n  sinks:\n    - func: web.F\n      args: {name: 0}\n      decode: json\n",
		"library key":       "version: 1\nmodels:\n  libraries:\n    - func: lib.New\n      colour: red\n",
		"library no func":   "version: 1\nmodels:\n  libraries:\n    - site: true\n",
		"bad hook":          "version: 1\nmodels:\n  libraries:\n    - func: lib.New\n      hook: magic\n",
		"bad extra":         "version: 1\nmodels:\n  objects:\n    - type: lib.Opts\n      extras: {On: on}\n",
		"object no type":    "version: 1\nmodels:\n  objects:\n    - fields: {A: name}\n",
		"saves and cookie":  "version: 1\nmodels:\n  sinks:\n    - func: lib.Save\n      saves: lib.Session\n      cookie: 0\n",
		"bad option value":  "version: 1\nmodels:\n  libraries:\n    - func: lib.New\n      options: {Secure: {attr: secure, zero: never}}\n",
	} {
		if _, err := Parse("p.yaml", []byte(src)); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
		if err := s.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

func readSchema(t *testing.T) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}
