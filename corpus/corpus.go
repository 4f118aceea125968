// Package corpus runs cookielint over real code: the frameworks and
// libraries it models, applications that set cookies, and the standard
// library, all fetched through the Go module proxy at pinned versions.
// It reports, per module, whether the tool failed (a panic or an internal
// error) and what it found.
//
//	go run ./corpus            # prints a Markdown summary
//	go test ./corpus           # the same, failing on any tool error (skipped with -short)
package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/cookielint/cookielint/internal/testutil"
)

// Modules is the fixed list, at pinned versions.
var Modules = []string{
	"github.com/gin-gonic/gin@v1.12.0",
	"github.com/labstack/echo/v4@v4.16.0",
	"github.com/labstack/echo/v5@v5.4.4",
	"github.com/gofiber/fiber/v2@v2.52.15",
	"github.com/gofiber/fiber/v3@v3.1.0",
	"github.com/valyala/fasthttp@v1.78.0",
	"github.com/gorilla/sessions@v1.4.0",
	"github.com/gorilla/csrf@v1.7.3",
	"github.com/justinas/nosurf@v1.2.0",
	"github.com/alexedwards/scs/v2@v2.9.0",
	"github.com/markbates/goth@v1.82.0",
	"github.com/beego/beego/v2@v2.3.8",
	"github.com/kataras/iris/v12@v12.2.11",
	"github.com/cloudwego/hertz@v0.10.4",
	"github.com/gin-contrib/sessions@v1.0.4",
	"github.com/labstack/echo-contrib@v0.50.1",
	"gitea.com/go-chi/session@v0.0.0-20260708011333-ebced8a7a2d6",
	"github.com/go-pkgz/auth@v1.24.0",
	"github.com/oauth2-proxy/oauth2-proxy/v7@v7.15.6",
}

// Result is one module's run.
type Result struct {
	Module      string
	Packages    int            // packages analyzed
	Findings    map[string]int // by check
	Strict      int            // findings with -strict (values decided at run time included)
	LoadErrors  int            // errors from the module's own code (type errors, missing cgo headers)
	ToolErrors  []string       // panics and internal errors: bugs in cookielint
	ExitCode    int
	DownloadErr error
}

var (
	findingRE  = regexp.MustCompile(`(?m)^\S+\.go:\d+:\d+: .*$`)
	toolErrRE  = regexp.MustCompile(`(?m)^.*(internal error|panic:|goroutine \d+ \[).*$`)
	categoryRE = regexp.MustCompile(`"category":\s*"([a-z]+)"`)
)

// Run runs bin (a cookielint binary) on every module and on std, working
// in dir.
func Run(bin, dir string, log io.Writer) ([]Result, error) {
	var out []Result
	for _, m := range Modules {
		fmt.Fprintf(log, "corpus: %s\n", m)
		r := Result{Module: m, Findings: map[string]int{}}
		src, err := fetch(m, dir)
		if err != nil {
			r.DownloadErr = err
			out = append(out, r)
			continue
		}
		analyze(bin, src, "./...", &r)
		out = append(out, r)
	}
	fmt.Fprintln(log, "corpus: std")
	r := Result{Module: "std", Findings: map[string]int{}}
	analyze(bin, dir, "std", &r)
	out = append(out, r)
	return out, nil
}

// fetch downloads a module and its dependencies and copies it to a
// writable directory.
func fetch(mod, dir string) (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", mod)
	cmd.Env = env()
	raw, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v", mod, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(raw, &info); err != nil || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", mod, info.Error)
	}
	dst := filepath.Join(dir, strings.NewReplacer("/", "_", "@", "_").Replace(mod))
	if err := testutil.CopyTree(info.Dir, dst); err != nil {
		return "", err
	}
	cmd = exec.Command("go", "mod", "download")
	cmd.Dir, cmd.Env = dst, env()
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go mod download in %s: %v\n%s", mod, err, b)
	}
	return dst, nil
}

func env() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
}

func analyze(bin, dir, pattern string, r *Result) {
	list := exec.Command("go", "list", "-e", pattern)
	list.Dir, list.Env = dir, env()
	if b, err := list.Output(); err == nil {
		r.Packages = len(strings.Fields(string(b)))
	}
	cmd := exec.Command(bin, "-json", "-test=false", pattern)
	cmd.Dir, cmd.Env = dir, env()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		r.ExitCode = ee.ExitCode()
	} else if err != nil {
		r.ToolErrors = append(r.ToolErrors, err.Error())
		return
	}
	for _, m := range categoryRE.FindAllStringSubmatch(stdout.String(), -1) {
		r.Findings[m[1]]++
	}
	for _, m := range toolErrRE.FindAllString(stdout.String()+stderr.String(), -1) {
		r.ToolErrors = append(r.ToolErrors, m)
	}
	r.LoadErrors = len(findingRE.FindAllString(stderr.String(), -1))

	strict := exec.Command(bin, "-json", "-test=false", "-strict", pattern)
	strict.Dir, strict.Env = dir, env()
	stdout.Reset()
	stderr.Reset()
	strict.Stdout, strict.Stderr = &stdout, &stderr
	_ = strict.Run()
	r.Strict = len(categoryRE.FindAllString(stdout.String(), -1))
	for _, m := range toolErrRE.FindAllString(stdout.String()+stderr.String(), -1) {
		r.ToolErrors = append(r.ToolErrors, "-strict: "+m)
	}
}

// Markdown writes the summary table.
func Markdown(w io.Writer, rs []Result) {
	fmt.Fprintln(w, "| module | packages | findings | with -strict | load errors (the module's) | tool errors |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for _, r := range rs {
		var cats []string
		for c, n := range r.Findings {
			cats = append(cats, fmt.Sprintf("%s %d", c, n))
		}
		sort.Strings(cats)
		found := strings.Join(cats, ", ")
		if found == "" {
			found = "none"
		}
		tool := fmt.Sprint(len(r.ToolErrors))
		if r.DownloadErr != nil {
			tool = "not downloaded: " + r.DownloadErr.Error()
		}
		fmt.Fprintf(w, "| %s | %d | %s | %d | %d | %s |\n", r.Module, r.Packages, found, r.Strict, r.LoadErrors, tool)
	}
}
