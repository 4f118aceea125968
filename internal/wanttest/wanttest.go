// Package wanttest runs an analyzer on testdata and checks its "// want"
// comments, as analysistest does, but loads each testdata tree once per
// test binary: every package the tests name in it, with their
// dependencies, in one packages.Load. Each test then runs a fresh analyzer
// on the packages it names. Loading net/http and the frameworks from
// source is most of what a test costs; sharing the load is what keeps the
// suite fast.
//
// A want comment holds expectations: a string literal is a regular
// expression a diagnostic reported on that line must match; name:literal
// a fact exported for the object named name declared on that line
// ("package": a fact of the package, on its package clause). Each
// diagnostic and fact must match one expectation, and each expectation
// must be matched.
package wanttest

import (
	"fmt"
	"go/format"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint/internal/driver"
)

// A Tree is a testdata tree: a GOPATH (a directory with src/, loaded with
// GO111MODULE=off, as analysistest does) or a module.
type Tree struct {
	Dir string // relative to the test's package directory
	// GOPATH: Dir is a GOPATH; packages are named by import path.
	// Otherwise packages are named ./dir, relative to Dir.
	GOPATH bool
	// Packages are every package the tests name, loaded together, with
	// their test files.
	Packages []string
	// Prepare, if set, runs once before loading (downloading the
	// module's requirements).
	Prepare func(dir string) error
	// Trim, if set, loads the dependencies that import no package it
	// names, directly or not, without their function bodies, as the
	// standalone command does (internal/driver): they cannot reach a
	// cookie, and type-checking their bodies is most of what loading
	// costs.
	Trim func(path string) bool

	once  sync.Once
	err   error
	byKey map[string]*packages.Package // by the name tests use
	roots []*packages.Package
}

// load loads the tree once.
func (tr *Tree) load() error {
	tr.once.Do(func() {
		dir, err := filepath.Abs(tr.Dir)
		if err != nil {
			tr.err = err
			return
		}
		if tr.Prepare != nil {
			if tr.err = tr.Prepare(dir); tr.err != nil {
				return
			}
		}
		cfg := packages.Config{Mode: packages.LoadAllSyntax, Dir: dir, Tests: true}
		if tr.GOPATH {
			cfg.Dir = filepath.Join(dir, "src")
			cfg.Env = append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOPROXY=off")
		} else {
			cfg.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")
		}
		var pkgs []*packages.Package
		if tr.Trim != nil {
			pkgs, err = driver.LoadWith(cfg, tr.Packages, tr.Trim)
		} else {
			pkgs, err = packages.Load(&cfg, tr.Packages...)
		}
		if err != nil {
			tr.err = err
			return
		}
		var errs []string
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			for _, e := range p.Errors {
				errs = append(errs, e.Error())
			}
		})
		if len(errs) > 0 {
			tr.err = fmt.Errorf("loading %s: %s", tr.Dir, strings.Join(errs, "; "))
			return
		}
		tr.roots = pkgs
		tr.byKey = map[string]*packages.Package{}
		for _, p := range pkgs {
			if strings.HasSuffix(p.ID, ".test") || p.ID != p.PkgPath && p.ID != p.PkgPath+" ["+p.PkgPath+".test]" {
				continue // the test main, an external test package
			}
			key := p.PkgPath
			if !tr.GOPATH {
				rel, err := filepath.Rel(dir, p.Dir)
				if err != nil {
					continue
				}
				key = "./" + filepath.ToSlash(rel)
			}
			// The test variant, which holds the package's own files too,
			// in place of the package.
			if old := tr.byKey[key]; old == nil || old.ID == old.PkgPath {
				tr.byKey[key] = p
			}
		}
	})
	return tr.err
}

// Types returns the type-checked packages of the tree's whole import
// graph by import path (a package's test variants left out): the real
// modules' APIs, for tests that check names against them.
func (tr *Tree) Types(t testing.TB) map[string]*types.Package {
	t.Helper()
	if err := tr.load(); err != nil {
		t.Fatal(err)
	}
	out := map[string]*types.Package{}
	packages.Visit(tr.roots, nil, func(p *packages.Package) {
		if p.Types != nil && p.ID == p.PkgPath {
			out[p.PkgPath] = p.Types
		}
	})
	return out
}

// Result is the outcome of an analyzer on one package.
type Result struct {
	Pkg         *packages.Package
	Diagnostics []analysis.Diagnostic
	Result      any
	Err         error
	action      *checker.Action
}

// Analyze runs a on the named packages of the tree (and, for facts, on
// their dependencies) and returns one Result per package, in order. It
// checks nothing: see Run.
func Analyze(t testing.TB, tr *Tree, a *analysis.Analyzer, names ...string) []Result {
	t.Helper()
	if err := tr.load(); err != nil {
		t.Fatal(err)
	}
	var roots []*packages.Package
	for _, n := range names {
		p := tr.byKey[n]
		if p == nil {
			t.Fatalf("package %s is not among the Packages of tree %s: add it there", n, tr.Dir)
		}
		roots = append(roots, p)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, roots, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []Result
	for _, act := range graph.Roots {
		out = append(out, Result{Pkg: act.Package, Diagnostics: act.Diagnostics, Result: act.Result, Err: act.Err, action: act})
	}
	return out
}

// Run runs a as Analyze does and checks the want comments of the named
// packages: an analysis error, a diagnostic or fact no comment expects,
// and an expectation nothing matched are test errors.
func Run(t testing.TB, tr *Tree, a *analysis.Analyzer, names ...string) []Result {
	t.Helper()
	results := Analyze(t, tr, a, names...)
	for _, r := range results {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Pkg.PkgPath, r.Err)
			continue
		}
		check(t, r)
	}
	return results
}

// expectation is one item of a want comment.
type expectation struct {
	fact string // "" for a diagnostic; the object's name, or "package"
	re   *regexp.Regexp
	met  bool
}

type lineKey struct {
	file string
	line int
}

func check(t testing.TB, r Result) {
	t.Helper()
	fset := r.Pkg.Fset
	want := map[lineKey][]*expectation{}
	clauses := map[lineKey]bool{} // package clauses, where package facts are expected
	for _, f := range r.Pkg.Syntax {
		pos := fset.Position(f.Package)
		clauses[lineKey{pos.Filename, pos.Line}] = true
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				text, ok := wantText(c.Text)
				if !ok {
					continue
				}
				pos := fset.Position(c.Pos())
				exps, err := parseWant(text)
				if err != nil {
					t.Errorf("%s: bad want comment: %v", pos, err)
					continue
				}
				k := lineKey{pos.Filename, pos.Line}
				want[k] = append(want[k], exps...)
			}
		}
	}
	match := func(pos token.Position, fact, text string) bool {
		for _, e := range want[lineKey{pos.Filename, pos.Line}] {
			if !e.met && e.fact == fact && e.re.MatchString(text) {
				e.met = true
				return true
			}
		}
		return false
	}
	for _, d := range r.Diagnostics {
		pos := fset.Position(d.Pos)
		if !match(pos, "", d.Message) {
			t.Errorf("%s: unexpected diagnostic: %s", pos, d.Message)
		}
	}
	own := map[string]bool{}
	for _, f := range r.Pkg.Syntax {
		own[fset.File(f.Pos()).Name()] = true
	}
	for _, f := range r.action.AllObjectFacts() {
		pos := fset.Position(f.Object.Pos())
		if f.Object.Pkg() != r.Pkg.Types || !own[pos.Filename] {
			continue
		}
		if !match(pos, f.Object.Name(), fmt.Sprint(f.Fact)) {
			t.Errorf("%s: unexpected fact of %s: %v", pos, f.Object.Name(), f.Fact)
		}
	}
	for _, f := range r.action.AllPackageFacts() {
		if f.Package != r.Pkg.Types {
			continue
		}
		text, found := fmt.Sprint(f.Fact), false
		for k := range clauses {
			if match(token.Position{Filename: k.file, Line: k.line}, "package", text) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("%s: unexpected package fact: %s", r.Pkg.PkgPath, text)
		}
	}
	keys := make([]lineKey, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b lineKey) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		return a.line - b.line
	})
	for _, k := range keys {
		for _, e := range want[k] {
			if e.met {
				continue
			}
			if e.fact != "" {
				t.Errorf("%s:%d: no fact of %s was exported matching %q", k.file, k.line, e.fact, e.re)
			} else {
				t.Errorf("%s:%d: no diagnostic was reported matching %q", k.file, k.line, e.re)
			}
		}
	}
}

// wantText returns what follows "// want" in a line comment: at its
// start, or after other text ("//nolint:gosec // want ...").
func wantText(comment string) (string, bool) {
	i := strings.Index(comment, "// want")
	if i < 0 {
		return "", false
	}
	rest := comment[i+len("// want"):]
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return rest, true
}

// parseWant reads the expectations of a want comment: string literals,
// each optionally preceded by name:.
func parseWant(text string) ([]*expectation, error) {
	var s scanner.Scanner
	fset := token.NewFileSet()
	var errs []string
	s.Init(fset.AddFile("want", -1, len(text)), []byte(text), func(_ token.Position, msg string) { errs = append(errs, msg) }, 0)
	var out []*expectation
	name := ""
	for {
		_, tok, lit := s.Scan()
		switch tok {
		case token.EOF, token.SEMICOLON:
			if len(errs) > 0 {
				return nil, fmt.Errorf("%s", strings.Join(errs, "; "))
			}
			if name != "" {
				return nil, fmt.Errorf("%s: without a pattern", name)
			}
			if tok == token.EOF || lit == "\n" {
				return out, nil
			}
			continue
		case token.IDENT, token.PACKAGE:
			if name != "" {
				return nil, fmt.Errorf("%s: without a pattern", name)
			}
			name = lit
			if tok == token.PACKAGE {
				name = "package"
			}
			if _, colon, _ := s.Scan(); colon != token.COLON {
				return nil, fmt.Errorf("%s: want name:pattern", name)
			}
		case token.STRING:
			pattern, err := strconv.Unquote(lit)
			if err != nil {
				return nil, err
			}
			re, err := regexp.Compile(pattern)
			if err != nil {
				return nil, err
			}
			out = append(out, &expectation{fact: name, re: re})
			name = ""
		default:
			return nil, fmt.Errorf("unexpected %s %q", tok, lit)
		}
	}
}

// RunWithSuggestedFixes runs a as Run does, then applies every suggested
// fix of every diagnostic to each file of the named packages and compares
// the result, formatted, with the file's .golden twin (a file without a
// twin must get no fix). With WANTTEST_UPDATE=1 in the environment it
// writes the .golden files instead.
func RunWithSuggestedFixes(t testing.TB, tr *Tree, a *analysis.Analyzer, names ...string) []Result {
	t.Helper()
	results := Run(t, tr, a, names...)
	for _, r := range results {
		edits := map[string][]Edit{}
		for _, d := range r.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					tf := r.Pkg.Fset.File(e.Pos)
					end := e.End
					if !end.IsValid() {
						end = e.Pos
					}
					edits[tf.Name()] = append(edits[tf.Name()], Edit{Start: tf.Offset(e.Pos), End: tf.Offset(end), Text: string(e.NewText)})
				}
			}
		}
		for _, f := range r.Pkg.Syntax {
			name := r.Pkg.Fset.File(f.Pos()).Name()
			golden, err := os.ReadFile(name + ".golden")
			if os.IsNotExist(err) {
				if len(edits[name]) > 0 {
					t.Errorf("%s: %d fix edits, but no %s.golden", name, len(edits[name]), filepath.Base(name))
				}
				continue
			} else if err != nil {
				t.Fatal(err)
			}
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			fixed, ok := ApplyEdits(string(src), edits[name]...)
			if !ok {
				t.Errorf("%s: fixes with overlapping edits", name)
				continue
			}
			got, err := format.Source([]byte(fixed))
			if err != nil {
				t.Errorf("%s: the fixed file does not parse: %v\n%s", name, err, fixed)
				continue
			}
			if os.Getenv("WANTTEST_UPDATE") != "" {
				if err := os.WriteFile(name+".golden", got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if want, err := format.Source(golden); err == nil && string(got) != string(want) {
				t.Errorf("%s: the fixed file differs from %s.golden:\n%s", name, filepath.Base(name), lineDiff(string(want), string(got)))
			}
		}
	}
	return results
}

// An Edit replaces the bytes [Start, End) of a file with Text.
type Edit struct {
	Start, End int
	Text       string
}

// ApplyEdits applies edits to src, each identical edit once; ok is false
// when edits overlap or reach past the end.
func ApplyEdits(src string, edits ...Edit) (string, bool) {
	var list []Edit
	seen := map[Edit]bool{}
	for _, e := range edits {
		if !seen[e] {
			seen[e] = true
			list = append(list, e)
		}
	}
	slices.SortStableFunc(list, func(a, b Edit) int { return a.Start - b.Start })
	var b strings.Builder
	pos := 0
	for _, e := range list {
		if e.Start < pos || e.End > len(src) || e.End < e.Start {
			return "", false
		}
		b.WriteString(src[pos:e.Start])
		b.WriteString(e.Text)
		pos = e.End
	}
	b.WriteString(src[pos:])
	return b.String(), true
}

// lineDiff shows the lines of want and got that differ, numbered.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "%d:\n\t-%s\n\t+%s\n", i+1, wl, gl)
		}
	}
	return b.String()
}
