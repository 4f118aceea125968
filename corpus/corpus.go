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
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
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
	DownloadErr error
}

// toolErrRE matches an error that is cookielint's fault: a panic the
// analyzer recovered, an internal error.
var toolErrRE = regexp.MustCompile(`internal error|panic:|goroutine \d+ \[`)

// Run runs cookielint on every module and on std, working in dir, as
// many at a time as there are CPUs; the results are in the order of
// Modules, std last.
func Run(dir string, log io.Writer) ([]Result, error) {
	out := make([]Result, len(Modules)+1)
	jobs := make(chan int)
	var wg sync.WaitGroup
	var logMu sync.Mutex
	for range max(1, runtime.NumCPU()) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				m, src := "std", dir
				if i < len(Modules) {
					m = Modules[i]
				}
				logMu.Lock()
				fmt.Fprintf(log, "corpus: %s\n", m)
				logMu.Unlock()
				r := Result{Module: m, Findings: map[string]int{}}
				pattern := "std"
				if i < len(Modules) {
					pattern = "./..."
					var err error
					if src, err = fetch(m, dir); err != nil {
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

// analyze loads the packages matching pattern in dir once, as the
// standalone command loads them (internal/driver), and runs cookielint on
// them twice: as configured by default, and with -strict.
func analyze(dir, pattern string, r *Result) {
	pkgs, err := driver.LoadWith(packages.Config{Dir: dir, Env: env()}, []string{pattern}, cookielint.Modeled)
	if err != nil {
		r.ToolErrors = append(r.ToolErrors, err.Error())
		return
	}
	r.Packages = len(pkgs)
	packages.Visit(pkgs, nil, func(p *packages.Package) { r.LoadErrors += len(p.Errors) })
	// Two runs on the one load (two analyzers cannot share fact types in
	// one run).
	for _, strict := range []bool{false, true} {
		graph, err := checker.Analyze([]*analysis.Analyzer{cookielint.NewAnalyzer(cookielint.Config{Strict: strict})}, pkgs, nil)
		if err != nil {
			r.ToolErrors = append(r.ToolErrors, err.Error())
			return
		}
		for act := range graph.All() {
			if act.Err != nil && toolErrRE.MatchString(act.Err.Error()) {
				msg := act.Err.Error()
				if strict {
					msg = "-strict: " + msg
				}
				r.ToolErrors = append(r.ToolErrors, msg)
			}
		}
		for _, act := range graph.Roots {
			for _, d := range act.Diagnostics {
				if strict {
					r.Strict++
				} else {
					r.Findings[d.Category]++
				}
			}
		}
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
