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
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
	"github.com/cookielint/cookielint/internal/loading"
	"github.com/cookielint/cookielint/internal/testutil"
	"github.com/cookielint/cookielint/policy"
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

// Apps are applications nobody tuned cookielint for, run by `go run
// ./corpus/cmd -apps` (too large for the test: gitea alone compiles for
// minutes on a cold cache): their cookies go through in-house helpers,
// which the analysis infers from their bodies.
var Apps = []string{
	"miniflux.app/v2@v2.3.5",
	"code.gitea.io/gitea@v1.22.6",
}

// Result is one module's run.
type Result struct {
	Module      string
	Packages    int            // packages analyzed
	Findings    map[string]int // by check
	Strict      int            // findings with -strict (values decided at run time included)
	LoadErrors  int            // errors from the module's own code (type errors, missing cgo headers)
	ToolErrors  []string       // panics and internal errors: bugs in cookielint
	Mismatch    []string       // findings of the sparse load that a whole load does not have, or the reverse
	DownloadErr error
}

// toolErrRE matches an error that is cookielint's fault: a panic the
// analyzer recovered, an internal error.
var toolErrRE = regexp.MustCompile(`internal error|panic:|goroutine \d+ \[`)

// Run runs cookielint on every module and on std, working in dir, as
// many at a time as there are CPUs; the results are in the order of
// Modules, std last. When ctx ends, downloads stop and no module is
// started: the error says which were left.
func Run(ctx context.Context, dir string, log io.Writer) ([]Result, error) {
	return RunModules(ctx, dir, log, Modules, true)
}

// RunModules runs cookielint on the modules given, and on std if asked,
// as Run does.
func RunModules(ctx context.Context, dir string, log io.Writer, mods []string, std bool) ([]Result, error) {
	n := len(mods)
	if std {
		n++
	}
	out := make([]Result, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				m, src := "std", dir
				if ctx.Err() != nil {
					out[i] = Result{Module: m, Findings: map[string]int{}, DownloadErr: ctx.Err()}
					if i < len(mods) {
						out[i].Module = mods[i]
					}
					continue
				}
				if i < len(mods) {
					m = mods[i]
				}
				logMu.Lock()
				fmt.Fprintf(log, "corpus: %s\n", m)
				logMu.Unlock()
				r := Result{Module: m, Findings: map[string]int{}}
				pattern := "std"
				if i < len(mods) {
					pattern = "./..."
					var err error
					if src, err = fetch(ctx, m, dir); err != nil {
						r.DownloadErr = err
						out[i] = r
						continue
					}
				}
				analyze(src, pattern, &r)
				out[i] = r
			}
		}()
	}
	for i := range out {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return out, fmt.Errorf("corpus: %w", err)
	}
	return out, nil
}

// fetch downloads a module and its dependencies and copies it to a
// writable directory (kept between runs under the user's cache directory,
// else in dir).
func fetch(ctx context.Context, mod, dir string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", mod)
	cmd.Env = env()
	raw, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %v", mod, err)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(raw, &info); err != nil || info.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %s", mod, info.Error)
	}
	// A module version never changes: its copy is kept under the user's
	// cache directory, where the build cache knows its packages from the
	// last run (a copy elsewhere would be compiled anew).
	if base, err := os.UserCacheDir(); err == nil {
		dir = filepath.Join(base, "cookielint-corpus")
	}
	dst := filepath.Join(dir, strings.NewReplacer("/", "_", "@", "_").Replace(mod))
	done := filepath.Join(dst, ".cookielint-copied")
	if _, err := os.Stat(done); err != nil {
		os.RemoveAll(dst)
		if err := testutil.CopyTree(info.Dir, dst); err != nil {
			return "", err
		}
		if err := os.WriteFile(done, nil, 0o644); err != nil {
			return "", err
		}
	}
	cmd = exec.CommandContext(ctx, "go", "mod", "download")
	cmd.Dir, cmd.Env = dst, env()
	if b, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go mod download in %s: %v\n%s", mod, err, b)
	}
	return dst, nil
}

func env() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
}

// analyze runs cookielint on the packages matching pattern in dir, by
// default and with -strict, loaded as the command loads them (sparsely:
// internal/loading), and checks that the sparse load finds what the load
// of every package that can reach a cookie from source finds (which the
// driver's test checks against a full load).
func analyze(dir, pattern string, r *Result) {
	l := loading.For(func() *policy.Models { return nil })
	l.Dir, l.Env = dir, env()
	var strict []string
	for _, s := range []bool{false, true} {
		graph, _ := driver.Analyze(cookielint.NewAnalyzer(cookielint.Config{Strict: s}), false, []string{pattern}, l)
		if graph == nil {
			r.ToolErrors = append(r.ToolErrors, "the sparse load failed")
			return
		}
		lines := record(graph, s, r)
		if s {
			strict = lines
		}
	}

	pkgs, err := driver.LoadWith(packages.Config{Dir: dir, Env: env()}, []string{pattern}, cookielint.Modeled)
	if err != nil {
		r.ToolErrors = append(r.ToolErrors, err.Error())
		return
	}
	r.Packages = len(pkgs)
	packages.Visit(pkgs, nil, func(p *packages.Package) { r.LoadErrors += len(p.Errors) })
	graph, err := checker.Analyze([]*analysis.Analyzer{cookielint.NewAnalyzer(cookielint.Config{Strict: true})}, pkgs, nil)
	if err != nil {
		r.ToolErrors = append(r.ToolErrors, err.Error())
		return
	}
	whole := record(graph, true, &Result{Findings: map[string]int{}})
	for _, l := range strict {
		if !slices.Contains(whole, l) {
			r.Mismatch = append(r.Mismatch, "only in the sparse load: "+l)
		}
	}
	for _, l := range whole {
		if !slices.Contains(strict, l) {
			r.Mismatch = append(r.Mismatch, "only in the whole load: "+l)
		}
	}
}

// record counts a run's findings and tool errors in r and returns the
// findings as sorted lines.
func record(graph *checker.Graph, strict bool, r *Result) []string {
	for act := range graph.All() {
		if act.Err != nil && toolErrRE.MatchString(act.Err.Error()) {
			msg := act.Err.Error()
			if strict {
				msg = "-strict: " + msg
			}
			r.ToolErrors = append(r.ToolErrors, msg)
		}
	}
	var lines []string
	for _, act := range graph.Roots {
		for _, d := range act.Diagnostics {
			if strict {
				r.Strict++
			} else {
				r.Findings[d.Category]++
			}
			lines = append(lines, fmt.Sprintf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message))
		}
	}
	slices.Sort(lines)
	return lines
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
