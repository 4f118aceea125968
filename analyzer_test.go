package cookielint_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/testutil"
	"github.com/cookielint/cookielint/internal/wanttest"
)

// The testdata trees, each loaded once per test binary (internal/wanttest):
// testdata/src in GOPATH mode, and the modules with real frameworks.
var (
	testdata = &wanttest.Tree{Dir: "testdata", GOPATH: true, Trim: cookielint.Modeled, Packages: []string{
		"quiet", "secure", "httponly", "samesite", "prefix", "name", "lifetime", "header", "scope", "undeclared", "nolint",
		"strict", "nopolicy/sub", "withtests", "policydata", "badpolicy", "helpers/wrap", "helpers/api", "fixes",
		"odd", "cgocookie", "nofacts", "usermodels/app", "usermodels/unused", "usermodels/web", "options/lib", "options/app",
		"gaps/app", "flows", "consent/app", "consent/strictapp", "consent/checks",
		"inferred/web", "inferred/mvc", "inferred/app",
	}}
	frameworks = &wanttest.Tree{Dir: "testdata/frameworks", Prepare: testutil.DownloadModules, Trim: cookielint.Modeled, Packages: []string{
		"./gin", "./echo4", "./echo5", "./fiber2", "./fiber3", "./fasthttp", "./sessions", "./csrf", "./nosurf", "./scs",
		"./beego", "./iris", "./irismw", "./hertz", "./gincontrib", "./echocsrf", "./echocontrib", "./echocontrib2",
		"./fiber2mw", "./fiber3mw", "./chisession", "./pkgzauth", "./gothic", "./gothicstore", "./flows", "./consent/app",
		"./fixes", "./inferred/sess", "./inferred/app", "./userlib/app", "./userlib/gorillaapp",
	}}
	// The libraries written only as data (issue 24): a module of their
	// own, since boj/redistore and beego cannot share one (they need
	// incompatible redigo versions).
	libraries = &wanttest.Tree{Dir: "testdata/libraries", Prepare: testutil.DownloadModules, Trim: cookielint.Modeled, Packages: []string{
		"./macaron", "./macaronsession", "./macaroncsrf", "./flamego", "./flamegosession", "./flamegocsrf", "./stores", "./gincontribstores", "./hertzsessions", "./hertzcsrf", "./zitadel",
	}}
	sessions12 = &wanttest.Tree{Dir: "testdata/sessions12", Prepare: testutil.DownloadModules, Trim: cookielint.Modeled, Packages: []string{"./app"}}
)

// The packages under testdata/src find testdata/src/cookie-policy.yaml by
// discovery; each holds the cases that must be reported (// want) and the
// cases that must stay quiet.
func TestChecks(t *testing.T) {
	pkgs := []string{"quiet", "secure", "httponly", "samesite", "prefix", "name", "lifetime", "header", "scope", "undeclared", "nolint"}
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), pkgs...)
}

func TestStrict(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{Strict: true}), "strict")
}

// Without a policy file anywhere up to the module root, names are not
// checked but attributes are.
func TestNoPolicy(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "nopolicy/sub")
}

// _test.go files are skipped unless -tests asks for them.
func TestTestFiles(t *testing.T) {
	a := cookielint.NewAnalyzer(cookielint.Config{})
	if err := a.Flags.Set("tests", "true"); err != nil {
		t.Fatal(err)
	}
	wanttest.Run(t, testdata, a, "withtests")

	// By default the same test file is skipped: no diagnostic at all.
	for _, r := range wanttest.Analyze(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "withtests") {
		if len(r.Diagnostics) > 0 {
			t.Errorf("a _test.go file was analyzed without -tests: %s", r.Diagnostics[0].Message)
		}
	}
}

// A policy given as data (the Bazel nogo path) is used instead of any file.
func TestPolicyAsData(t *testing.T) {
	a := cookielint.NewAnalyzer(cookielint.Config{
		PolicyName: "embedded.yaml",
		Policy:     []byte("version: 1\ncookies:\n  - name: only_in_data\n"),
	})
	wanttest.Run(t, testdata, a, "policydata")
}

// A bad policy stops the analysis with the policy's error.
func TestBadPolicyIsAnError(t *testing.T) {
	a := cookielint.NewAnalyzer(cookielint.Config{PolicyName: "broken.yaml", Policy: []byte("version: 1\ncookies:\n  - nam: x\n")})
	results := wanttest.Analyze(t, testdata, a, "badpolicy")
	if len(results) != 1 || results[0].Err == nil {
		t.Fatalf("want one result with an error, got %+v", results)
	}
	if got, want := results[0].Err.Error(), `broken.yaml:3:5: cookie entry: unknown field "nam"`; !strings.Contains(got, want) {
		t.Errorf("error %q does not contain %q", got, want)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Helpers, wrappers and constructors are followed across packages through
// facts: findings land at the call when the arguments decide them, in the
// helper when it is wrong by itself.
func TestHelpers(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "helpers/wrap", "helpers/api")
}

// The frameworks and libraries, on the real modules: testdata/frameworks
// is a module of its own requiring them at the versions the models were
// checked against.
func TestFrameworks(t *testing.T) {
	wanttest.Run(t, frameworks, cookielint.NewAnalyzer(cookielint.Config{}),
		"./gin", "./echo4", "./echo5", "./fiber2", "./fiber3", "./fasthttp", "./sessions", "./csrf", "./nosurf", "./scs",
		"./beego", "./iris", "./irismw", "./hertz", "./gincontrib", "./echocsrf", "./echocontrib", "./echocontrib2",
		"./fiber2mw", "./fiber3mw", "./chisession", "./pkgzauth", "./gothic", "./gothicstore", "./flows", "./consent/app")
}

// What a function does with a cookie is inferred from its body, across
// packages, for code no model names (issue 23): an in-house framework's
// context over an *http.Response whose SetCookie calls AddHeader(key,
// value), the header named by the caller.
func TestInferred(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "inferred/web", "inferred/mvc", "inferred/app")
}

// Sessions through helpers and struct fields: a store configured in a
// constructor and kept in a field, a getter that returns the session and a
// saver that saves its parameter.
func TestInferredSessions(t *testing.T) {
	wanttest.Run(t, frameworks, cookielint.NewAnalyzer(cookielint.Config{}), "./inferred/sess", "./inferred/app")
}

// A team's own session library and middleware, declared in the policy's
// models: section in the form of the built-in files (a constructor with
// defaults, an options struct, a save call; a middleware with a config
// struct), get the findings a built-in model gives: userlib/app and its
// twin on gorilla/sessions, userlib/gorillaapp, draw the same ones, line
// for line.
func TestUserLibrary(t *testing.T) {
	results := wanttest.Run(t, frameworks, cookielint.NewAnalyzer(cookielint.Config{}), "./userlib/app", "./userlib/gorillaapp")
	sessions := func(r wanttest.Result) []string {
		var out []string
		for _, d := range r.Diagnostics {
			if !strings.Contains(d.Message, "_guard") { // the middleware has no twin
				out = append(out, fmt.Sprintf("%s %s", d.Category, d.Message))
			}
		}
		slices.Sort(out)
		return out
	}
	if app, twin := sessions(results[0]), sessions(results[1]); len(app) != 3 || !slices.Equal(app, twin) {
		t.Errorf("the declared library: %q\nthe built-in gorilla/sessions: %q", app, twin)
	}
}

// The libraries written only as data (issue 24), each on its real module:
// macaron, go-macaron/session and csrf, flamego and its session and csrf,
// the gorilla-compatible stores and gin-contrib's over them,
// hertz-contrib/sessions and csrf, zitadel/oidc's cookie handler; right
// and wrong cases each.
func TestDataLibraries(t *testing.T) {
	wanttest.Run(t, libraries, cookielint.NewAnalyzer(cookielint.Config{}), "./macaron", "./macaronsession", "./macaroncsrf", "./flamego", "./flamegosession", "./flamegocsrf", "./stores", "./gincontribstores", "./hertzsessions", "./hertzcsrf", "./zitadel")
}

// Every built-in model row names what the real modules have at the
// versions the frameworks module builds with (the tree's packages).
func TestBuiltinModelsResolve(t *testing.T) {
	scopes := frameworks.Types(t)
	for path, p := range libraries.Types(t) {
		if scopes[path] == nil {
			scopes[path] = p
		}
	}
	for _, e := range cookielint.BuiltinModelErrors(scopes) {
		t.Error(e)
	}
}

// Every fix, applied and compared with the .golden files.
func TestFixes(t *testing.T) {
	wanttest.RunWithSuggestedFixes(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "fixes")
}

// Fixes on the frameworks' own cookie types and options.
func TestFrameworkFixes(t *testing.T) {
	wanttest.RunWithSuggestedFixes(t, frameworks, cookielint.NewAnalyzer(cookielint.Config{}), "./fixes")
}

// downloadModules fetches a testdata module's requirements: the tests
// loads with GOPROXY=off.
func downloadModules(t *testing.T, dir string) {
	t.Helper()
	if err := testutil.DownloadModules(dir); err != nil {
		t.Fatal(err)
	}
}

// Odd code: generics, build tags, huge constants, odd control flow, cgo.
func TestOddCode(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "odd", "cgocookie")
}

// Without facts (NoFacts, the golangci-lint plugin's facts: false),
// helpers are followed within a package only.
func TestNoFacts(t *testing.T) {
	a := cookielint.NewAnalyzer(cookielint.Config{NoFacts: true})
	if len(a.FactTypes) != 0 {
		t.Fatal("NoFacts analyzer declares fact types")
	}
	wanttest.Run(t, testdata, a, "nofacts")
}

// A team's own framework, declared in the policy's models: section, is
// checked like a built-in one.
func TestUserModels(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "usermodels/app", "usermodels/unused")
}

// A model naming what the program does not have is an error, with the
// policy's position, at the first package that would use it (the model's
// own package, analyzed before its importers); packages that do not
// import it are not failed by it.
func TestUserModelErrors(t *testing.T) {
	a := cookielint.NewAnalyzer(cookielint.Config{PolicyName: "broken.yaml", Policy: []byte(`version: 1
cookies: [{name: sid}]
models:
  sinks:
    - func: (*usermodels/web.Context).SetCokie
      args: {name: 0}
    - func: usermodels/web.Send
      cookie: 7
  cookies:
    - type: usermodels/web.Cookie
      fields: {Name: name}
  options:
    - func: usermodels/web.WithSecure
      set: {secure: true}
`)})
	results := wanttest.Analyze(t, testdata, a, "usermodels/web", "usermodels/unused")
	errs := map[string]string{}
	for _, r := range results {
		if r.Err != nil {
			errs[r.Pkg.PkgPath] = r.Err.Error()
		}
	}
	want := []string{
		`broken.yaml:5:13: models: sink (*usermodels/web.Context).SetCokie: type usermodels/web.Context has no method SetCokie`,
		`broken.yaml:7:7: models: sink usermodels/web.Send: cookie is argument 7, but it takes 2`,
		`broken.yaml:10:7: models: cookie type usermodels/web.Cookie has no field Name`,
		`broken.yaml:13:13: models: option usermodels/web.WithSecure: package usermodels/web has no function or variable WithSecure`,
	}
	for _, w := range want {
		if !strings.Contains(errs["usermodels/web"], w) {
			t.Errorf("usermodels/web: error %q does not contain %q", errs["usermodels/web"], w)
		}
	}
	if e := errs["usermodels/unused"]; e != "" {
		t.Errorf("usermodels/unused, which does not import the models' package, failed: %s", e)
	}
}

// Helpers that hand the cookie to callbacks, option functions or
// interface methods: a correct call is never reported because a summary
// ignored what they do.
func TestOptionHelpers(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "options/lib", "options/app")
}

// Defaults that changed between versions follow the version in the build:
// testdata/sessions12 builds with gorilla/sessions v1.2.2, whose cookie
// store is not Secure (testdata/frameworks, with v1.4.0, is). The version
// comes from a fact of the library's package, or without facts from the
// module cache directory its declarations come from.
func TestVersions(t *testing.T) {
	wanttest.Run(t, sessions12, cookielint.NewAnalyzer(cookielint.Config{}), "./app")
	wanttest.Run(t, sessions12, cookielint.NewAnalyzer(cookielint.Config{NoFacts: true}), "./app")
}

// When the version cannot be learnt (here: a replaced module, without
// facts), the newest modeled defaults are assumed, and -strict says so.
func TestUnknownVersionStrict(t *testing.T) {
	fw := filepath.Join("testdata", "frameworks")
	downloadModules(t, fw)
	out, err := exec.Command("go", "-C", fw, "list", "-m", "-f", "{{.Dir}}", "github.com/gorilla/sessions").Output()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := testutil.CopyTree(strings.TrimSpace(string(out)), filepath.Join(dir, "gorilla")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.mod"), "module app\n\ngo 1.26.0\n\nrequire github.com/gorilla/sessions v1.4.0\n\nreplace github.com/gorilla/sessions => ./gorilla\n")
	writeFile(t, filepath.Join(dir, "app", "app.go"), `package app

import (
	"net/http"

	"github.com/gorilla/sessions"
)

func handler(w http.ResponseWriter, r *http.Request) {
	store := sessions.NewCookieStore([]byte("k")) // want "cannot verify the cookie defaults here: cannot tell which version of gorilla/sessions the build uses, and cookielint models gorilla/sessions v1.1.0 to v1.4.0"
	s, _ := store.Get(r, "sessionid")
	s.Options.HttpOnly = true
	s.Save(r, w)
}
`)
	tidy := exec.Command("go", "mod", "tidy")
	tidy.Dir = dir
	tidy.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy: %v\n%s", err, out)
	}
	a := cookielint.NewAnalyzer(cookielint.Config{Strict: true, NoFacts: true, PolicyName: "p.yaml",
		Policy: []byte("version: 1\ncookies: [{name: sessionid}]\n")})
	wanttest.Run(t, &wanttest.Tree{Dir: dir, Packages: []string{"./app"}}, a, "./app")
}

// Calls that look like cookie APIs no model covers: reported with -strict
// only, and listed in the result (the inventory's "not modeled").
func TestUnmodeled(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{Strict: true}), "gaps/app")
	results := wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "usermodels/unused")
	if len(results) != 1 || len(results[0].Diagnostics) != 0 {
		t.Fatalf("the control package: %+v", results)
	}
	results = wanttest.Analyze(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "gaps/app")
	for _, r := range results {
		if len(r.Diagnostics) > 0 {
			t.Errorf("without -strict: %s", r.Diagnostics[0].Message)
		}
		res, _ := r.Result.(*cookielint.Result)
		var got []string
		if res != nil {
			for _, u := range res.Unmodeled {
				got = append(got, fmt.Sprintf("%d %s", u.Position.Line, u.Callee))
			}
		}
		if want := []string{"9 (*gaps/web.Context).SetCookie", "10 (*gaps/web.Context).SetCookieKV", "11 (*gaps/web.Context).PutCookie"}; !slices.Equal(got, want) {
			t.Errorf("not modeled: %q, want %q", got, want)
		}
	}
}

// The value flows of issue 14: each idiom's defect, and its correct twin.
func TestFlows(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "flows")
}

// The consent check: each guarded form and its near miss, across packages
// through facts.
func TestConsent(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "consent/app")
}

// A check whose category is decided at run time guards, but -strict says
// it cannot verify.
func TestConsentStrict(t *testing.T) {
	wanttest.Run(t, testdata, cookielint.NewAnalyzer(cookielint.Config{Strict: true}), "consent/strictapp")
	results := wanttest.Analyze(t, testdata, cookielint.NewAnalyzer(cookielint.Config{}), "consent/strictapp")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			t.Errorf("without -strict: %s", d.Message)
		}
	}
}

// A declared check that the program does not have is an error with the
// policy's position, at the first package that would use it.
func TestConsentCheckErrors(t *testing.T) {
	a := cookielint.NewAnalyzer(cookielint.Config{PolicyName: "broken.yaml", Policy: []byte(`version: 1
cookies: [{name: _ga, category: statistics}]
consent:
  checks:
    - func: consent/checks.Alowed
      category: 1
    - func: consent/checks.Allowed
      category: 5
`)})
	results := wanttest.Analyze(t, testdata, a, "consent/checks")
	if len(results) != 1 || results[0].Err == nil {
		t.Fatalf("want an error, got %+v", results)
	}
	for _, want := range []string{
		"broken.yaml:5:13: consent: check consent/checks.Alowed: package consent/checks has no function Alowed",
		"broken.yaml:7:7: consent: check consent/checks.Allowed: category is argument 5, but it takes 2",
	} {
		if !strings.Contains(results[0].Err.Error(), want) {
			t.Errorf("error %q lacks %q", results[0].Err, want)
		}
	}
}
