package wanttest

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

type fact struct{ text string }

func (*fact) AFact()           {}
func (f *fact) String() string { return f.text }

// calls reports each call of f with a fix, and exports a fact for f and
// for the package.
var calls = &analysis.Analyzer{
	Name:      "calls",
	Doc:       "reports calls of f",
	FactTypes: []analysis.Fact{new(fact)},
	Run: func(pass *analysis.Pass) (any, error) {
		pass.ExportPackageFact(&fact{"pkgfact"})
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.FuncDecl:
					if n.Name.Name == "f" {
						pass.ExportObjectFact(pass.TypesInfo.Defs[n.Name].(*types.Func), &fact{"fact of f"})
					}
				case *ast.CallExpr:
					pass.Report(analysis.Diagnostic{Pos: n.Pos(), Message: "call of f", SuggestedFixes: []analysis.SuggestedFix{{
						Message: "mark", TextEdits: []analysis.TextEdit{{Pos: n.End(), End: n.End(), NewText: []byte(" /* fixed */")}},
					}}})
				}
				return true
			})
		}
		return nil, nil
	},
}

// recorder collects a test's errors instead of failing it.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// The harness fails where analysistest would: a diagnostic no comment
// expects, an expectation nothing matched; it matches facts and fixes.
func TestRunReportsWhatDiffers(t *testing.T) {
	tr := &Tree{Dir: "testdata", GOPATH: true, Packages: []string{"a"}}
	r := &recorder{TB: t}
	results := RunWithSuggestedFixes(r, tr, calls, "a")
	if len(results) != 1 || len(results[0].Diagnostics) != 4 {
		t.Fatalf("results: %+v", results)
	}
	var got []string
	for _, e := range r.errors {
		got = append(got, e[strings.Index(e, "a.go:"):])
	}
	slices.Sort(got)
	want := []string{
		`a.go:7: no diagnostic was reported matching "never reported"`,
		`a.go:8:2: unexpected diagnostic: call of f`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseWant(t *testing.T) {
	for text, want := range map[string]string{
		` "a" "b"`:            `:a :b`,
		" `x\\.y` f:\"fact\"": `:x\.y f:fact`,
		` package:"p"`:        `package:p`,
		` f "x"`:              `error`,
		` "(" `:               `error`,
		` 12`:                 `error`,
	} {
		exps, err := parseWant(text)
		var got []string
		for _, e := range exps {
			got = append(got, e.fact+":"+e.re.String())
		}
		s := strings.Join(got, " ")
		if err != nil {
			s = "error"
		}
		if s != want {
			t.Errorf("parseWant(%q) = %q, want %q", text, s, want)
		}
	}
}

func TestApplyEdits(t *testing.T) {
	if got, ok := ApplyEdits("abcdef", Edit{1, 2, "X"}, Edit{4, 4, "Y"}, Edit{1, 2, "X"}); !ok || got != "aXcdYef" {
		t.Errorf("got %q %v", got, ok)
	}
	if _, ok := ApplyEdits("abcdef", Edit{1, 3, "X"}, Edit{2, 4, "Y"}); ok {
		t.Error("overlapping edits applied")
	}
}
