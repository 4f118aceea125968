package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cookielint/cookielint/internal/testutil"
)

// bin is the cookielint command, built once for the tests that run it.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "cookielint-bin")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "cookielint")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// copyDir copies a fixture to a fresh directory, so tests may edit it.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	if err := testutil.CopyTree(src, dst); err != nil {
		t.Fatal(err)
	}
	return dst
}

// run runs a command in dir and returns its combined output and exit code.
func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out.String(), code
}

// runFormats runs a command that writes reports (report, inventory) once
// with several formats (-format a,b -o fileA,fileB) and returns what each
// file holds, the command's own output and its exit code.
func runFormats(t *testing.T, dir string, command string, formats []string, args ...string) (map[string]string, string, int) {
	t.Helper()
	tmp := t.TempDir()
	var files []string
	for _, f := range formats {
		files = append(files, filepath.Join(tmp, f))
	}
	out, code := run(t, dir, bin, append([]string{command, "-format", strings.Join(formats, ","), "-o", strings.Join(files, ",")}, args...)...)
	got := map[string]string{}
	for i, f := range formats {
		b, err := os.ReadFile(files[i])
		if err != nil {
			t.Fatalf("%s -format %s: %v\n%s", command, f, err, out)
		}
		got[f] = string(b)
	}
	return got, out, code
}

var findingRE = regexp.MustCompile(`(?m)^(?:\./)?([^\s:]+\.go):(\d+):(\d+): ([^\t].*)$`)

// findings normalizes the diagnostic lines of a run: file relative to
// dir, line, column and message, sorted.
func findings(out, dir string) []string {
	out = strings.ReplaceAll(out, dir+string(filepath.Separator), "")
	var fs []string
	for _, m := range findingRE.FindAllStringSubmatch(out, -1) {
		fs = append(fs, m[1]+":"+m[2]+":"+m[3]+": "+m[4])
	}
	sort.Strings(fs)
	return fs
}

func TestStandaloneExitCodes(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	out, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit %d with findings, want 3\n%s", code, out)
	}
	got := findings(out, dir)
	want := []string{
		`app/app.go:12:2: cookie "newcookie" is not declared in the cookie policy cookie-policy.yaml; declare it there (provider, purpose, category) or stop setting it`,
		`app/app.go:13:2: cookie "sessionid" is set without Secure: it is also sent over plain HTTP, where anyone on the network can read it; set Secure: true`,
		`app/app.go:16:2: cookie "wrapped" is not declared in the cookie policy cookie-policy.yaml; declare it there (provider, purpose, category) or stop setting it (set through cookies.Set)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	if out, code := run(t, dir, bin, "./web"); code != 0 || out != "" {
		t.Errorf("clean package: exit %d, output %q; want 0 and nothing", code, out)
	}

	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("version: 1\ncookies:\n  - name: a\n    secure: maybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run(t, dir, bin, "-policy=bad.yaml", "./...")
	if code != 1 {
		t.Errorf("bad policy: exit %d, want 1\n%s", code, out)
	}
	if want := "bad.yaml:4:13: cookie entry: secure must be true or false, not a string"; strings.Count(out, want) != 1 || strings.Contains(out, "goroutine") {
		t.Errorf("bad policy: output should name the error once, without a stack trace:\n%s", out)
	}
	out, code = run(t, dir, bin, "-policy=missing.yaml", "./...")
	if code != 1 || !strings.Contains(out, "missing.yaml") {
		t.Errorf("missing policy: exit %d\n%s", code, out)
	}
}

// A broken cookie-policy.yaml found next to the code stops the run even
// when the packages analyzed set no cookie (the analyzer itself loads a
// policy only at the first cookie).
func TestDiscoveredPolicyChecked(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	if err := os.WriteFile(filepath.Join(dir, "cookie-policy.yaml"), []byte("version: 1\ncookies:\n  - name: a\n    httpOnly: sometimes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "cookie-policy.yaml:4:15: cookie entry: httpOnly must be true or false, not a string"
	for _, args := range [][]string{{"./web"}, {"report", "./web"}} {
		out, code := run(t, dir, bin, args...)
		if code != 1 || strings.Count(out, want) != 1 {
			t.Errorf("cookielint %s with a broken discovered policy: exit %d, want 1 and %q once\n%s", strings.Join(args, " "), code, want, out)
		}
	}
}

// go vet -vettool reports what the standalone command reports and exits
// non-zero on findings.
func TestGoVet(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("runs go vet")
	}
	goVetMatchesStandalone(t, copyDir(t, "testdata/vetmod"))
}

// goVetMatchesStandalone runs go vet on the vetmod fixture in dir and
// checks its findings against the standalone command's.
func goVetMatchesStandalone(t *testing.T, dir string) {
	t.Helper()
	standalone, _ := run(t, dir, bin, "-policy=cookie-policy.yaml", "./...")
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "-policy=cookie-policy.yaml", "./...")
	got := findings(out, dir)
	if code == 0 {
		t.Fatalf("go vet exit 0 with findings")
	}
	// The wrapper's undeclared name is reported at the call in app: its
	// summary reached app's analysis as a fact through the build cache.
	if want := findings(standalone, dir); strings.Join(got, "\n") != strings.Join(want, "\n") || len(want) != 3 ||
		!strings.Contains(strings.Join(got, "\n"), `app/app.go:16:2: cookie "wrapped" is not declared`) {
		t.Fatalf("go vet findings:\n%s\nstandalone:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// go vet caches its results, keyed by the tool's -V=full line, which
// covers the policy: after each edit of the policy (given with -policy,
// or discovered) go vet analyzes again. Each edit makes go vet analyze
// every dependency again, net/http's included: an end-to-end test.
func TestGoVetPolicyEdits(t *testing.T) {
	t.Parallel()
	testutil.E2E(t, "runs go vet over net/http's dependencies four times", 10*time.Minute)
	dir := copyDir(t, "testdata/vetmod")
	goVetMatchesStandalone(t, dir)
	vet := func(args ...string) ([]string, int) {
		out, code := run(t, dir, "go", append([]string{"vet", "-vettool=" + bin}, append(args, "./...")...)...)
		return findings(out, dir), code
	}

	// Declare newcookie: the next run must not serve the cached finding.
	policy := filepath.Join(dir, "cookie-policy.yaml")
	if err := os.WriteFile(policy, []byte("version: 1\ncookies:\n  - name: sessionid\n  - name: newcookie\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := vet("-policy=cookie-policy.yaml")
	if strings.Contains(strings.Join(got, "\n"), "newcookie") || len(got) != 2 {
		t.Errorf("after declaring newcookie, go vet still reports:\n%s", strings.Join(got, "\n"))
	}

	// The same through discovery, without -policy: undeclare it again.
	if err := os.WriteFile(policy, []byte("version: 1\ncookies:\n  - name: sessionid\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ = vet()
	if !strings.Contains(strings.Join(got, "\n"), `cookie "newcookie" is not declared`) {
		t.Errorf("after undeclaring newcookie, go vet (discovery) reports:\n%s", strings.Join(got, "\n"))
	}

	// A broken policy fails go vet with the policy's position.
	if err := os.WriteFile(policy, []byte("version: 1\ncookies:\n  - nam: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 || !strings.Contains(out, `cookie-policy.yaml:3:5: cookie entry: unknown field "nam"`) {
		t.Errorf("broken policy under go vet: exit %d\n%s", code, out)
	}
}

// The consent check under go vet: a helper in another package leaves it to
// its callers through a fact in the build cache, and go vet reports what
// the standalone command does. An end-to-end test: go vet analyzes
// net/http's dependencies again for this module's policy.
func TestConsentGoVet(t *testing.T) {
	t.Parallel()
	testutil.E2E(t, "runs go vet over net/http's dependencies for the consent fixture", 10*time.Minute)
	dir := copyDir(t, "testdata/consentmod")
	standalone, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("standalone: exit %d\n%s", code, standalone)
	}
	want := []string{
		`app/app.go:15:2: cookie "_ga" (statistics) needs the visitor's consent, but it is set on a path where no declared check confirmed it; set it only after consent.Allowed(..., "statistics") returns true (set through track.SetVisit)`,
		`app/app.go:16:2: cookie "_ga" (statistics) needs the visitor's consent, but it is set on a path where no declared check confirmed it; set it only after consent.Allowed(..., "statistics") returns true`,
	}
	if got := findings(standalone, dir); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("standalone findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if got := findings(out, dir); code == 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("go vet: exit %d, findings:\n%s\n%s", code, strings.Join(got, "\n"), out)
	}
}

func TestPolicyCheck(t *testing.T) {
	t.Parallel()
	out, code := run(t, ".", bin, "policy", "check", "testdata/vetmod/cookie-policy.yaml")
	if code != 0 || !strings.Contains(out, "ok: 1 cookie entries") {
		t.Errorf("good policy: exit %d\n%s", code, out)
	}
	bad := filepath.Join(t.TempDir(), "p.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\ncookies:\n  - name: a\n    category: x\n  - nme: b\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run(t, ".", bin, "policy", "check", bad)
	if code != 1 || strings.Count(out, bad+":") != 3 {
		t.Errorf("bad policy: exit %d, want 1 and 3 errors\n%s", code, out)
	}
}

// The README's first command: the bundled example shows real findings.
func TestExample(t *testing.T) {
	t.Parallel()
	out, code := run(t, "../..", bin, "./examples/...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, out)
	}
	for _, want := range []string{
		`cookie "django_language" is set without Secure`,
		`cookie "cookies_preferences" lives 730 days, but the policy allows at most 180 days`,
		`cookie "ab_test" is not declared in the cookie policy`,
		`cookie "sessionid" is set with Path "/logout", but the policy declares Path "/"`,
		`cookie "_pk_id" (statistics) needs the visitor's consent, but it is set on a path where no declared check confirmed it`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing finding %q in\n%s", want, out)
		}
	}
	if n := len(findings(out, "")); n != 5 {
		t.Errorf("%d findings, want 5:\n%s", n, out)
	}
}

func TestVersionCoversPolicy(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	v1, _ := run(t, dir, bin, "-V=full")
	v2, _ := run(t, dir, bin, "-V=full")
	if v1 != v2 || !regexp.MustCompile(`^cookielint version devel \S+ buildID=[0-9a-f]{64}\n$`).MatchString(v1) {
		t.Fatalf("-V=full: %q then %q", v1, v2)
	}
	if err := os.WriteFile(filepath.Join(dir, "app", "cookie-policy.yaml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same module elsewhere (a CI workspace, another checkout) keeps
	// the ID, so go vet's cached results still serve there.
	if v, _ := run(t, copyDir(t, "testdata/vetmod"), bin, "-V=full"); v != v1 {
		t.Errorf("-V=full changed with the module's directory: %q, then %q", v1, v)
	}
	v3, _ := run(t, dir, bin, "-V=full")
	if v3 == v1 {
		t.Error("-V=full did not change when a policy file was added")
	}
	// Adding the same policy in another package gives another ID.
	moved := copyDir(t, "testdata/vetmod")
	if err := os.WriteFile(filepath.Join(moved, "web", "cookie-policy.yaml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if v4, _ := run(t, moved, bin, "-V=full"); v4 == v1 || v4 == v3 {
		t.Error("-V=full did not change when a policy file was added elsewhere in the module")
	}
}

// -fix loads packages as every other run does (only what can set a cookie
// from source) and merges the fixes as singlechecker did: on the frameworks
// module, the fixed file is its .golden twin, which the analyzer tests
// check against every fix applied at once.
func TestFixMatchesGolden(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, frameworksModule(t))
	out, code := run(t, dir, bin, "-fix", "-debug=l", "./fixes")
	if code != 0 || !regexp.MustCompile(`cookielint: \d+ packages from source, \d+ from export data`).MatchString(out) {
		t.Fatalf("-fix: exit %d, not the sparse loading:\n%s", code, out)
	}
	got, err := os.ReadFile(filepath.Join(dir, "fixes", "fixes.go"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(dir, "fixes", "fixes.go.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if want, err = format.Source(want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("-fix wrote\n%s\nwant\n%s", got, want)
	}
}

// cookielint -fix repairs what it safely can: the result builds, the fixed
// findings are gone (the undeclared name is left to the policy), and a
// second -fix changes nothing.
func TestFixCommand(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/fixmod")
	main := filepath.Join(dir, "main.go")
	before, _ := os.ReadFile(main)

	out, code := run(t, dir, bin, "-fix", "-diff", "./...")
	if after, _ := os.ReadFile(main); !bytes.Equal(before, after) {
		t.Fatal("-fix -diff wrote the file")
	}
	if !strings.Contains(out, `+	w.Header().Add("Set-Cookie", fmt.Sprintf("sessionid=%s; Path=/; Secure; HttpOnly; SameSite=Lax", "v"))`) {
		t.Errorf("-fix -diff (exit %d) does not preview the header fix:\n%s", code, out)
	}

	if out, code := run(t, dir, bin, "-fix", "./..."); code != 0 {
		t.Fatalf("-fix: exit %d\n%s", code, out)
	}
	fixed, _ := os.ReadFile(main)
	if bytes.Equal(before, fixed) {
		t.Fatal("-fix changed nothing")
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("the fixed module does not build:\n%s\n%s", out, fixed)
	}
	// What is left: one finding, with no fix, so a second -fix has
	// nothing to apply.
	out, _ = run(t, dir, bin, "-json", "./...")
	var res map[string]map[string][]struct {
		Message string            `json:"message"`
		Fixes   []json.RawMessage `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("-json: %v\n%s", err, out)
	}
	var left []string
	for _, byAnalyzer := range res {
		for _, d := range byAnalyzer["cookielint"] {
			left = append(left, d.Message)
			if len(d.Fixes) > 0 {
				t.Errorf("after -fix, a finding still has a fix: %s", d.Message)
			}
		}
	}
	if len(left) != 1 || !strings.Contains(left[0], `cookie "tracker" is not declared`) {
		t.Errorf("after -fix, findings left:\n%s\nin\n%s", strings.Join(left, "\n"), fixed)
	}
}

// Errors a user can cause name the file and position and say what is
// wrong, without a Go stack trace: code that does not type-check, a bad
// baseline.
func TestUserErrors(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	if err := os.WriteFile(filepath.Join(dir, "web", "broken.go"), []byte("package web\n\nfunc Broken() int { return undefinedThing }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, bin, "./...")
	if code != 1 || !strings.Contains(out, "web/broken.go:3:28: undefined: undefinedThing") || strings.Contains(out, "goroutine ") || strings.Contains(out, "panic") {
		t.Errorf("code that does not type-check: exit %d\n%s", code, out)
	}
	// The other packages are still analyzed.
	if !strings.Contains(out, `cookie "newcookie" is not declared`) {
		t.Errorf("the packages that type-check were not analyzed:\n%s", out)
	}
	// A dependency that cannot set a cookie is read from export data; one
	// that does not compile has none: it is loaded from source, and its
	// error reported the same way.
	for name, src := range map[string]string{
		"util/util.go":     "package util\n\nvar Broken int = \"not an int\"\n\nfunc Name() string { return \"n\" }\n",
		"caller/caller.go": "package caller\n\nimport (\n\t\"net/http\"\n\n\t\"vetmod/util\"\n)\n\nfunc H(w http.ResponseWriter) { http.SetCookie(w, &http.Cookie{Name: util.Name()}) }\n",
	} {
		if err := testutil.WriteFile(filepath.Join(dir, name), src); err != nil {
			t.Fatal(err)
		}
	}
	out, code = run(t, dir, bin, "-debug=l", "./caller")
	if code != 1 || !strings.Contains(out, `util/util.go:3:18: cannot use "not an int"`) || strings.Contains(out, "panic") ||
		!regexp.MustCompile(`cookielint: \d+ packages from source`).MatchString(out) {
		t.Errorf("a dependency that does not type-check: exit %d\n%s", code, out)
	}
	if n := strings.Count(out, `cannot use "not an int"`); n != 1 {
		t.Errorf("the dependency's error is printed %d times, want once (go list's compiler error says what the type checker says):\n%s", n, out)
	}
	// A dependency that needs a C compiler the machine lacks: no export
	// data, loaded from source, and go's own reason printed with the
	// type checker's.
	for name, src := range map[string]string{
		"cgodep/cgodep.go": "package cgodep\n\n// int two(void) { return 2; }\nimport \"C\"\n\nfunc Two() int { return int(C.two()) }\n",
		"cgouser/user.go":  "package cgouser\n\nimport (\n\t\"net/http\"\n\n\t\"vetmod/cgodep\"\n)\n\nfunc H(w http.ResponseWriter) {\n\t_ = cgodep.Two()\n\thttp.SetCookie(w, &http.Cookie{Name: \"newcookie\"})\n}\n",
	} {
		if err := testutil.WriteFile(filepath.Join(dir, name), src); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "./cgouser")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "CGO_ENABLED=1", "CC=/nonexistent-cc")
	cgoOut, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(string(cgoOut), `C compiler "/nonexistent-cc" not found`) ||
		!strings.Contains(string(cgoOut), `cgodep/cgodep.go:4:8: could not import C`) || strings.Contains(string(cgoOut), "panic") {
		t.Errorf("a cgo dependency without a C compiler: %v\n%s", err, cgoOut)
	}

	if err := os.WriteFile(filepath.Join(dir, "base.json"), []byte("{\n  \"version\": 1,\n  \"findings\": [}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run(t, dir, bin, "report", "-baseline", "base.json", "./app")
	if code != 1 || !strings.Contains(out, "base.json:3:16: not a cookielint baseline") {
		t.Errorf("bad baseline: exit %d\n%s", code, out)
	}
}

// A policy's models that no analyzed package imports draw a warning
// naming their position, and the run goes on.
func TestUnusedModelsWarn(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, content := range map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.26\n",
		"main.go": `package main

import "net/http"

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sid", Secure: true, HttpOnly: true})
	})
}
`,
		"cookie-policy.yaml": `version: 1
cookies:
  - name: sid
models:
  sinks:
    - func: (*example.com/web.Context).SetCookie
      args: {name: 0}
consent:
  checks:
    - func: example.com/consent.Given
      category: 1
`,
	} {
		if err := testutil.WriteFile(filepath.Join(dir, name), content); err != nil {
			t.Fatal(err)
		}
	}
	out, code := run(t, dir, bin, "./...")
	if code != 0 {
		t.Errorf("exit %d, want 0:\n%s", code, out)
	}
	want := "cookielint: warning: " + filepath.Join(dir, "cookie-policy.yaml") + ":6:7: models: no analyzed package imports example.com/web (sink (*example.com/web.Context).SetCookie)"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
	want = "cookielint: warning: " + filepath.Join(dir, "cookie-policy.yaml") + ":10:7: consent check example.com/consent.Given: no analyzed package is or imports example.com/consent, so no cookie is seen as guarded by it"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}
