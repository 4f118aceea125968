package cookielint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint"
)

// firstLine is the line of an example's first statement in the file the
// test writes.
const firstLine = 14

var lineRE = regexp.MustCompile(`at line \d+`)

// docExample is one check's example in docs/checks.md: code that draws
// the findings, and the code that fixes it.
type docExample struct {
	check    string
	code     string   // statements of a handler
	findings []string // the messages, one per line
	fixed    string   // statements, or "" when the fix is not code
}

// docExamples reads the examples of docs/checks.md: under "## Examples",
// a "### `ID`" heading per check, then a go block, a text block with the
// findings, and (optionally) a go block with the fix; the yaml block
// before the first heading is the policy they are checked against.
func docExamples(t *testing.T) (policy string, examples []docExample) {
	t.Helper()
	b, err := os.ReadFile("docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	text := section(t, "\n"+string(b), "## Examples")
	block := regexp.MustCompile("(?s)```(go|text|yaml)\n(.*?)```")
	parts := regexp.MustCompile("(?m)^### `([a-z]+)`$").Split(text, -1)
	ids := regexp.MustCompile("(?m)^### `([a-z]+)`$").FindAllStringSubmatch(text, -1)
	if m := block.FindStringSubmatch(parts[0]); m != nil && m[1] == "yaml" {
		policy = m[2]
	}
	for i, id := range ids {
		ex := docExample{check: id[1]}
		for j, m := range block.FindAllStringSubmatch(parts[i+1], -1) {
			switch {
			case j == 0 && m[1] == "go":
				ex.code = m[2]
			case j == 1 && m[1] == "text":
				ex.findings = strings.Split(strings.TrimSpace(m[2]), "\n")
			case j == 2 && m[1] == "go":
				ex.fixed = m[2]
			}
		}
		examples = append(examples, ex)
	}
	return policy, examples
}

// The examples of docs/checks.md are what cookielint reports: each
// check has one, its code draws exactly the findings shown, and its fix
// draws none. The unmodeled example runs with -strict, as that check
// does.
func TestDocsCheckExamples(t *testing.T) {
	policy, examples := docExamples(t)
	if policy == "" {
		t.Fatal("docs/checks.md: no policy (a yaml block) before the examples")
	}
	var got []string
	for _, ex := range examples {
		got = append(got, ex.check)
	}
	var ids []string
	for _, c := range cookielint.Checks {
		ids = append(ids, c.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("examples for %v, want one per check in order %v", got, ids)
	}

	dir := t.TempDir()
	files := map[string]string{
		"go.mod":             "module example.com/docs\n\ngo 1.26\n",
		"cookie-policy.yaml": policy,
		"web/web.go":         "// Package web is a framework cookielint does not model.\npackage web\n\ntype Context struct{}\n\nfunc (*Context) SetCookie(name, value string) {}\n",
		"app/harness.go": `package app

import (
	"net/http"
	"strings"
)

func consentGiven(r *http.Request, category string) bool {
	c, err := r.Cookie("consent")
	return err == nil && strings.Contains(c.Value, category)
}
`,
	}
	for i, ex := range examples {
		for k, code := range map[string]string{"finding": ex.code, "fixed": ex.fixed} {
			if code == "" {
				continue
			}
			files[fmt.Sprintf("app/%s_%s.go", ex.check, k)] = fmt.Sprintf(`package app

import (
	"fmt"
	"net/http"
	"time"

	"example.com/docs/web"
)

var _, _ = fmt.Sprint, time.Now

func %s%d(w http.ResponseWriter, r *http.Request, ctx *web.Context, token string) {
%s}
`, k, i, ex.code)
			if k == "fixed" {
				files[fmt.Sprintf("app/%s_%s.go", ex.check, k)] = strings.Replace(files[fmt.Sprintf("app/%s_%s.go", ex.check, k)], ex.code, ex.fixed, 1)
			}
		}
	}
	for name, content := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax, Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")}, "./app")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the examples do not compile")
	}
	byFile := func(strict bool) map[string][]string {
		a := cookielint.NewAnalyzer(cookielint.Config{PolicyFile: filepath.Join(dir, "cookie-policy.yaml"), Strict: strict})
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string][]string{}
		for _, act := range graph.Roots {
			if act.Err != nil {
				t.Fatal(act.Err)
			}
			for _, d := range act.Diagnostics {
				f := filepath.Base(act.Package.Fset.Position(d.Pos).Filename)
				// A line in a message counts from the example's first.
				msg := lineRE.ReplaceAllStringFunc(d.Message, func(m string) string {
					var n int
					fmt.Sscanf(m, "at line %d", &n)
					return fmt.Sprintf("at line %d", n-firstLine+1)
				})
				out[f] = append(out[f], msg)
			}
		}
		return out
	}
	plain, strict := byFile(false), byFile(true)
	for _, ex := range examples {
		res := plain
		if ex.check == "unmodeled" {
			res = strict
		}
		got, want := res[ex.check+"_finding.go"], slices.Clone(ex.findings)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("docs/checks.md, %s: the example draws\n\t%s\nthe page says\n\t%s", ex.check, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
		if ex.fixed == "" && ex.check != "undeclared" && ex.check != "unmodeled" {
			t.Errorf("docs/checks.md, %s: no fix in code", ex.check)
		}
		if f := res[ex.check+"_fixed.go"]; len(f) > 0 {
			t.Errorf("docs/checks.md, %s: the fix still draws\n\t%s", ex.check, strings.Join(f, "\n\t"))
		}
	}
}
