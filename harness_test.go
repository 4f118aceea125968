package cookielint

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/cookielint/cookielint/internal/wanttest"
)

// This file runs the analyzer in process on one file of source, without a
// driver: fast enough to fuzz, and direct enough to apply each fix by
// hand.

var (
	stdImporter     types.Importer
	stdImporterOnce sync.Once
	stdImporterMu   sync.Mutex
)

// analyzeSource type-checks src as package p and runs a fresh analyzer on
// it. It reports ok=false when src is not a valid package; err is the
// analyzer's own error (an internal error is a bug).
func analyzeSource(t testing.TB, src string, cfg Config) (fset *token.FileSet, file *ast.File, diags []analysis.Diagnostic, ok bool, err error) {
	t.Helper()
	stdImporterOnce.Do(func() {
		stdImporter = importer.ForCompiler(token.NewFileSet(), "gc", nil)
	})
	fset = token.NewFileSet()
	file, perr := parser.ParseFile(fset, "p.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if perr != nil {
		return fset, nil, nil, false, nil
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
		Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	pkg, terr := func() (*types.Package, error) {
		stdImporterMu.Lock() // the gc importer is not safe for concurrent use
		defer stdImporterMu.Unlock()
		return (&types.Config{Importer: allowedImporter{}, Error: func(error) {}}).Check("p", fset, []*ast.File{file}, info)
	}()
	if terr != nil {
		return fset, file, nil, false, nil
	}
	if cfg.Policy == nil && cfg.PolicyFile == "" {
		cfg.Policy = []byte(fuzzPolicy)
	}
	a := NewAnalyzer(cfg)
	pass := &analysis.Pass{
		Analyzer: a, Fset: fset, Files: []*ast.File{file}, Pkg: pkg, TypesInfo: info,
		TypesSizes: types.SizesFor("gc", "amd64"),
		ResultOf:   map[*analysis.Analyzer]any{},
		Report:     func(d analysis.Diagnostic) { diags = append(diags, d) },
		ReadFile: func(name string) ([]byte, error) {
			if name == "p.go" {
				return []byte(src), nil
			}
			return os.ReadFile(name)
		},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	_, err = a.Run(pass)
	return fset, file, diags, true, err
}

// allowedImporter imports the few standard packages the fixtures use and
// refuses anything else: an import path the fuzzer invents must not make
// the importer run the go command (which may reach the network).
type allowedImporter struct{}

var allowedImports = map[string]bool{
	"fmt": true, "net/http": true, "net/http/cookiejar": true, "net/http/httptest": true,
	"time": true, "strings": true, "strconv": true, "os": true, "errors": true, "testing": true,
}

func (allowedImporter) Import(path string) (*types.Package, error) {
	if !allowedImports[path] {
		return nil, fmt.Errorf("import %q not allowed in fuzzing", path)
	}
	return stdImporter.Import(path)
}

const fuzzPolicy = `version: 1
defaults:
  sameSite: lax
  maxAge: 30d
cookies:
  - name: sessionid
    path: /
  - name: prefs
    httpOnly: false
  - pattern: "__*"
`

// checkDiagnostics asserts what must hold of any diagnostic: a position
// in the file, a category among the checks, and fixes whose edits stay in
// the file, apply without overlap and leave source that parses.
func checkDiagnostics(t testing.TB, fset *token.FileSet, file *ast.File, src string, diags []analysis.Diagnostic) {
	t.Helper()
	tf := fset.File(file.Pos())
	ids := map[string]bool{}
	for _, c := range Checks {
		ids[c.ID] = true
	}
	var all []wanttest.Edit
	for _, d := range diags {
		if !d.Pos.IsValid() || fset.File(d.Pos) != tf || d.End.IsValid() && d.End < d.Pos {
			t.Fatalf("diagnostic %q at an invalid position", d.Message)
		}
		if !ids[d.Category] {
			t.Fatalf("diagnostic %q has unknown category %q", d.Message, d.Category)
		}
		for _, fix := range d.SuggestedFixes {
			var edits []wanttest.Edit
			for _, e := range fix.TextEdits {
				if fset.File(e.Pos) != tf || e.End < e.Pos {
					t.Fatalf("fix %q edits outside the file", fix.Message)
				}
				edits = append(edits, wanttest.Edit{Start: tf.Offset(e.Pos), End: tf.Offset(e.End), Text: string(e.NewText)})
			}
			if out, ok := wanttest.ApplyEdits(src, edits...); !ok {
				t.Fatalf("fix %q has overlapping edits", fix.Message)
			} else if _, err := parser.ParseFile(token.NewFileSet(), "fixed.go", out, parser.SkipObjectResolution); err != nil {
				t.Fatalf("fix %q leaves a file that does not parse: %v\n%s", fix.Message, err, out)
			}
			all = append(all, edits...)
		}
	}
	// All fixes together, as -fix merges them (identical edits once).
	if out, ok := wanttest.ApplyEdits(src, all...); ok {
		if _, err := parser.ParseFile(token.NewFileSet(), "fixed.go", out, parser.SkipObjectResolution); err != nil {
			t.Fatalf("the fixes together leave a file that does not parse: %v\n%s", err, out)
		}
	}
}

func TestHarness(t *testing.T) {
	src := `package p

import "net/http"

func f(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "tracker", Value: "1"})
}
`
	fset, file, diags, ok, err := analyzeSource(t, src, Config{})
	if !ok || err != nil {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	if len(diags) != 4 { // undeclared, secure, httponly, samesite
		var msgs []string
		for _, d := range diags {
			msgs = append(msgs, fmt.Sprintf("%s: %s", d.Category, d.Message))
		}
		t.Fatalf("%d diagnostics:\n%s", len(diags), strings.Join(msgs, "\n"))
	}
	checkDiagnostics(t, fset, file, src, diags)
}
