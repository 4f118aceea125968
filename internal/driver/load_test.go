package driver

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/testutil"
)

// subset are the packages of the frameworks module the driver's default
// tests load: a few frameworks, a library with facts, the inventory's
// helpers and the sparse loading's wrappers.
var subset = []string{"./gin", "./sessions", "./fiber3", "./flows", "./inventory/...", "./sparse/..."}

// On the module with the real frameworks, the trimmed load type-checks
// without an error, trims what cannot reach a cookie and nothing else, and
// gives exactly the findings of a load of everything from source: on a
// few frameworks' packages here, on the whole module in the end-to-end
// suite (TestLoadWholeModule).
func TestLoadFindsWhatAFullLoadFinds(t *testing.T) {
	compareLoads(t, []string{"./gin", "./sessions", "./fiber3", "./flows", "./inventory/..."})
}

// TestLoadWholeModule compares the loadings on every package of the
// frameworks module.
func TestLoadWholeModule(t *testing.T) {
	testutil.E2E(t, "compiles and loads every framework of the frameworks module", 15*time.Minute)
	compareLoads(t, []string{"./..."})
}

func compareLoads(t *testing.T, patterns []string) {
	dir, _ := frameworks(t)
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	t.Setenv("GOFLAGS", "-mod=mod")

	trimmed, err := Load(patterns, false, cookielint.Modeled)
	if err != nil {
		t.Fatal(err)
	}
	packages.Visit(trimmed, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			t.Errorf("%s: %v", p.PkgPath, e)
		}
	})
	for _, c := range []struct {
		pkg, recv, fn string
		body          bool
	}{
		{"strings", "", "ToUpper", false},       // cannot reach a cookie
		{"encoding/json", "", "Marshal", false}, // nor can a framework's codec
		{"net/http", "", "SetCookie", true},     // a modeled package
		{"github.com/gin-gonic/gin", "Context", "SetCookie", true},
		{"github.com/gorilla/sessions", "", "NewCookie", true}, // its summary is a fact
		{"frameworks/inventory/wrap", "", "Set", true},         // asked for
	} {
		fd := funcDecl(trimmed, c.pkg, c.recv, c.fn)
		if fd == nil {
			t.Errorf("%s.%s not found", c.pkg, c.fn)
		} else if (fd.Body != nil) != c.body {
			t.Errorf("%s.%s: body kept %v, want %v", c.pkg, c.fn, fd.Body != nil, c.body)
		}
	}

	full, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	got := findings(t, trimmed)
	want := findings(t, full)
	if len(want) < 30 {
		t.Fatalf("only %d findings in the frameworks module: the comparison shows little", len(want))
	}
	if !slices.Equal(got, want) {
		t.Errorf("trimmed load: %d findings, full load: %d\n%s", len(got), len(want), lineDiff(got, want))
	}

	// The sparse load (dependencies that can set a cookie from source, the
	// others from export data) finds the same, with the codecs and the
	// standard library's crypto from export data.
	g, failed := Analyze(cookielint.NewAnalyzer(cookielint.Config{Strict: true}), false, patterns, Loading{Filter: sourceFilter})
	if g == nil || failed {
		t.Fatal("sparse load failed")
	}
	if sparse := graphFindings(t, g); !slices.Equal(sparse, want) {
		t.Errorf("sparse load: %d findings, full load: %d\n%s", len(sparse), len(want), lineDiff(sparse, want))
	}
	fromSource := map[string]bool{}
	for act := range g.All() {
		fromSource[act.Package.PkgPath] = len(act.Package.Syntax) > 0
	}
	for path, source := range map[string]bool{
		"strings": false, "encoding/json": false, "crypto/tls": false, // cannot set a cookie
		"net/http": false, "github.com/gin-gonic/gin": false, // complete: their models say all they do
		"github.com/gorilla/sessions": true, "frameworks/inventory/wrap": true,
	} {
		if got, ok := fromSource[path]; !ok || got != source {
			t.Errorf("sparse load: %s from source %v (in the graph: %v), want %v", path, got, ok, source)
		}
	}
}

// A dependency that wraps a helper of another without a word of cookies is
// read from export data first, then loaded from source because it names a
// function with a fact; the finding at its caller is a full load's.
func TestSparseLoadsWrappersAgain(t *testing.T) {
	dir, env := frameworks(t)
	var log strings.Builder
	g, failed := Analyze(cookielint.NewAnalyzer(cookielint.Config{Strict: true}), false, []string{"./sparse/c"},
		Loading{Filter: sourceFilter, Dir: dir, Env: env, Log: &log})
	if g == nil || failed {
		t.Fatal("sparse load failed")
	}
	got := graphFindings(t, g)
	if len(got) != 1 || !strings.Contains(got[0], `cookie "sparse_undeclared" is not declared`) || !strings.Contains(got[0], "(set through b.Login)") {
		t.Errorf("findings: %q", got)
	}
	if !strings.Contains(log.String(), "loading again, from source: frameworks/sparse/b\n") {
		t.Errorf("the wrapper was not loaded again from source:\n%s", log.String())
	}
	// c, b and a from source; net/http and the packages c, b and a import
	// from export data; the rest of net/http's graph not read.
	src, exp, unread, err := loadCounts(log.String())
	if err != nil || src != 3 || exp < 1 || unread < 10 {
		t.Errorf("-debug=l: %d from source, %d from export data, %d not read (%v), want 3, some, most:\n%s", src, exp, unread, err, log.String())
	}
	full, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Env: env}, "./sparse/c")
	if err != nil {
		t.Fatal(err)
	}
	if want := findings(t, full); !slices.Equal(got, want) {
		t.Errorf("sparse load: %q, full load: %q", got, want)
	}
}

// loadCounts reads -debug=l's counts of the last load.
func loadCounts(log string) (src, exp, unread int, err error) {
	m := regexp.MustCompile(`(?m)^cookielint: (\d+) packages from source, (\d+) from export data, (\d+) not read$`).FindAllStringSubmatch(log, -1)
	if len(m) == 0 {
		return 0, 0, 0, fmt.Errorf("no counts in\n%s", log)
	}
	last := m[len(m)-1]
	src, _ = strconv.Atoi(last[1])
	exp, _ = strconv.Atoi(last[2])
	unread, _ = strconv.Atoi(last[3])
	return src, exp, unread, nil
}

// A dependency without a word of cookies that writes a header its caller
// names is read from export data first; the analysis of a caller that
// passes it Set-Cookie asks for its source, and the finding at the caller
// is a full load's. -debug=l says why each package came from source.
func TestSparseLoadsWhatTheAnalysisAsks(t *testing.T) {
	dir, env := frameworks(t)
	var log strings.Builder
	l := loading(dir, env, &log)
	g, failed := Analyze(cookielint.NewAnalyzer(cookielint.Config{Strict: true}), false, []string{"./sparse/uses"}, l)
	if g == nil || failed {
		t.Fatal("sparse load failed")
	}
	got := graphFindings(t, g)
	if len(got) != 1 || !strings.Contains(got[0], `cookie "sparse_through_hdr" is not declared`) || !strings.Contains(got[0], "(set through hdr.Add)") {
		t.Errorf("findings: %q", got)
	}
	for _, want := range []string{
		"loading again, from source: frameworks/sparse/hdr\n",
		"from source: frameworks/sparse/uses: asked for\n",
		"from source: frameworks/sparse/hdr: called from frameworks/sparse/uses with a cookie or a Set-Cookie header\n",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("-debug=l lacks %q:\n%s", want, log.String())
		}
	}
	full, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Env: env}, "./sparse/uses")
	if err != nil {
		t.Fatal(err)
	}
	if want := findings(t, full); !slices.Equal(got, want) {
		t.Errorf("sparse load: %q, full load: %q", got, want)
	}
	// Without the analysis's request, the helper stays export data and
	// the cookie is not seen: the request is what finds it.
	l.Wants = nil
	g, _ = Analyze(cookielint.NewAnalyzer(cookielint.Config{Strict: true}), false, []string{"./sparse/uses"}, l)
	if got := graphFindings(t, g); len(got) != 0 {
		t.Errorf("without Wants: %q", got)
	}
}

// With tests, the sparse load analyzes each package's test variant and
// its external test, and a dependency compiled again for a test ("q
// [t.test]", from export data first, then from source because it wraps a
// helper with a fact) resolves its imports to that test's variants: the
// findings are a full load's.
func TestSparseWithTests(t *testing.T) {
	dir, env := frameworks(t)
	a := cookielint.NewAnalyzer(cookielint.Config{Strict: true, Tests: true})
	var log strings.Builder
	g, failed := Analyze(a, true, []string{"./sparse/t"}, Loading{Filter: sourceFilter, Dir: dir, Env: env, Log: &log})
	if g == nil || failed {
		t.Fatal("sparse load failed")
	}
	got := graphFindings(t, g)
	for _, want := range []string{
		"t_internal_test.go:10:2: cannot verify that a cookie whose name is decided at run time is declared",
		`t_external_test.go:16:2: cookie "sparse_t_external" is not declared`,
		`t_external_test.go:18:2: cookie "sparse_t_through_q" is not declared in the cookie policy cookie-policy.yaml; declare it there (provider, purpose, category) or stop setting it (set through q.Named)`,
	} {
		if !slices.ContainsFunc(got, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("no finding %q in\n%s", want, strings.Join(got, "\n"))
		}
	}
	if !strings.Contains(log.String(), "loading again, from source: frameworks/sparse/q [frameworks/sparse/t.test]\n") {
		t.Errorf("the test's copy of the wrapper was not loaded again from source:\n%s", log.String())
	}
	compare := func(got []string, patterns ...string) {
		t.Helper()
		full, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir, Env: env, Tests: true}, patterns...)
		if err != nil {
			t.Fatal(err)
		}
		fg, err := checker.Analyze([]*analysis.Analyzer{cookielint.NewAnalyzer(cookielint.Config{Strict: true, Tests: true})}, Roots(full), nil)
		if err != nil {
			t.Fatal(err)
		}
		if want := graphFindings(t, fg); !slices.Equal(got, want) {
			t.Errorf("%v: sparse load with tests: %d findings, full load: %d\n%s", patterns, len(got), len(want), lineDiff(got, want))
		}
	}
	compare(got, "./sparse/t")
	if !testutil.E2EOn() {
		return // the whole module, with its tests, in the end-to-end suite
	}
	g, failed = Analyze(a, true, []string{"./..."}, Loading{Filter: sourceFilter, Dir: dir, Env: env})
	if g == nil || failed {
		t.Fatal("sparse load of the module failed")
	}
	compare(graphFindings(t, g), "./...")
}

// frameworks is the module with the real frameworks, its modules
// downloaded and the subset compiled (once for every test process), and
// the environment to load it in.
func frameworks(t *testing.T) (dir string, env []string) {
	t.Helper()
	dir, err := testutil.Module("../../testdata/frameworks", subset...)
	if err != nil {
		t.Fatal(err)
	}
	return dir, append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
}

// loading is the commands' loading (internal/loading, which imports this
// package) without a policy.
func loading(dir string, env []string, log io.Writer) Loading {
	return Loading{Filter: sourceFilter, Modeled: cookielint.Modeled, Dir: dir, Env: env, Log: log,
		Wants: func(r any) []string {
			if res, ok := r.(*cookielint.Result); ok {
				return res.NeedSource
			}
			return nil
		}}
}

// sourceFilter is the commands' (internal/loading, which imports this
// package) without a policy.
func sourceFilter(metas []Meta) (map[string]string, error) {
	pkgs := make([]cookielint.PackageFiles, len(metas))
	for i, m := range metas {
		pkgs[i] = cookielint.PackageFiles{ID: m.ID, Path: m.PkgPath, Files: m.GoFiles}
		for _, p := range m.Imports {
			pkgs[i].Imports = append(pkgs[i].Imports, p)
		}
	}
	return cookielint.NeedsSource(pkgs, nil)
}

// findings runs cookielint (strict, so that run-time values are findings
// too) on pkgs and returns its diagnostics as sorted lines.
func findings(t *testing.T, pkgs []*packages.Package) []string {
	t.Helper()
	a := cookielint.NewAnalyzer(cookielint.Config{Strict: true})
	g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return graphFindings(t, g)
}

// graphFindings returns the diagnostics of a graph's roots as sorted lines.
func graphFindings(t *testing.T, g *checker.Graph) []string {
	t.Helper()
	var lines []string
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
		}
		if act.IsRoot {
			for _, d := range act.Diagnostics {
				lines = append(lines, fmt.Sprintf("%s: %s", act.Package.Fset.Position(d.Pos), d.Message))
			}
		}
	}
	slices.Sort(lines)
	return lines
}

func lineDiff(got, want []string) string {
	var b strings.Builder
	for _, l := range got {
		if !slices.Contains(want, l) {
			fmt.Fprintf(&b, "+ %s\n", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			fmt.Fprintf(&b, "- %s\n", l)
		}
	}
	return b.String()
}

// funcDecl finds a function or method declaration in the loaded graph.
func funcDecl(roots []*packages.Package, pkg, recv, fn string) *ast.FuncDecl {
	var found *ast.FuncDecl
	packages.Visit(roots, nil, func(p *packages.Package) {
		if p.PkgPath != pkg || found != nil {
			return
		}
		for _, f := range p.Syntax {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Name.Name != fn || (fd.Recv == nil) != (recv == "") {
					continue
				}
				if recv != "" && !strings.Contains(types.ExprString(fd.Recv.List[0].Type), recv) {
					continue
				}
				found = fd
			}
		}
	})
	return found
}

const trimSource = `package p

import (
	"fmt"
	"io"
	str "strconv"
	"strings"
)

var table = [...]string{"a", "b", "c"}

var sparse = [...]int{5: 1}

var m = map[string]int{"x": len(strings.Fields("a b"))}

var r io.Reader

const n = len(table)

func init() { fmt.Println("starting") }

func Upper(s string) string { return strings.ToUpper(s) + str.Itoa(n) }

func Map[T any](xs []T, f func(T) T) []T {
	for i := range xs {
		xs[i] = f(xs[i])
	}
	return xs
}

type box[T any] struct{ v T }

func (b *box[T]) Get() T { return b.v }
`

// trimFile leaves a file that still type-checks, with the same package
// declarations and types.
func TestTrimFile(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", trimSource, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	trimFile(f, map[string]*packages.Package{
		"fmt": {Name: "fmt"}, "io": {Name: "io"}, "strconv": {Name: "strconv"}, "strings": {Name: "strings"},
	})
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatalf("the trimmed file does not type-check: %v", err)
	}
	bodies := map[string]*ast.BlockStmt{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			bodies[fd.Name.Name] = fd.Body
		}
	}
	if bodies["Upper"] != nil {
		t.Error("Upper kept its body")
	}
	if b := bodies["init"]; b == nil || len(b.List) != 0 {
		t.Error("init must keep an empty body")
	}
	if bodies["Map"] == nil || bodies["Get"] == nil {
		t.Error("a generic function or method lost its body")
	}
	var imports []string
	for _, imp := range f.Imports {
		name := ""
		if imp.Name != nil {
			name = imp.Name.Name + " "
		}
		imports = append(imports, name+imp.Path.Value)
	}
	if got, want := strings.Join(imports, ", "), `_ "fmt", "io", _ "strconv", _ "strings"`; got != want {
		t.Errorf("imports %s, want %s", got, want)
	}
	for name, want := range map[string]string{
		"table": "[3]string", "sparse": "[6]int", "m": "map[string]int", "r": "io.Reader", "n": "int",
	} {
		if got := pkg.Scope().Lookup(name).Type().String(); got != want {
			t.Errorf("%s: type %s, want %s", name, got, want)
		}
	}
	if got := pkg.Scope().Lookup("n").(*types.Const).Val().String(); got != "3" {
		t.Errorf("n = %s, want 3", got)
	}
}

// A file trimFile cannot be sure of is left whole: a dot import, an
// import whose package name is not known.
func TestTrimFileLeavesWhole(t *testing.T) {
	for _, src := range []string{
		"package p\n\nimport . \"strings\"\n\nfunc F() string { return ToUpper(\"x\") }\n",
		"package p\n\nimport \"example.com/unknown\"\n\nfunc F() { unknown.Do() }\n",
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		trimFile(f, map[string]*packages.Package{"strings": {Name: "strings"}})
		if f.Decls[len(f.Decls)-1].(*ast.FuncDecl).Body == nil || f.Imports[0].Name != nil && f.Imports[0].Name.Name == "_" {
			t.Errorf("trimmed:\n%s", src)
		}
	}
}
