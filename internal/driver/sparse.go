package driver

// This file loads packages sparsely: the packages asked for, and the
// dependencies that can contribute a fact, from source; every other
// dependency from the export data of the build cache (go list -export),
// as go vet and gopls get them, without parsing it. In a web application
// whose dependencies are mostly clients, codecs and protocol stacks, that
// is nearly all of them.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint/internal/textscan"
)

// Meta is what is known of a package before it is loaded: the input of a
// SourceFilter.
type Meta struct {
	ID, PkgPath string
	Root        bool     // among the packages asked for
	GoFiles     []string // the files the compiler sees (cgo's output included)
	// Imports maps each import path as written in the files to the
	// package it resolves to.
	Imports map[string]string
}

// A SourceFilter returns the IDs of the dependencies that must be loaded
// from source because they can contribute a fact, each with the reason in
// words; the packages asked for always are.
type SourceFilter func(pkgs []Meta) (map[string]string, error)

// The packages' export data comes from the same go list that gives the
// import graph (-export: the build cache, compiling what is not in it),
// as go vet and go/packages get it.

// sparse is one sparse load's state, kept between loads of the same
// packages with more of them from source.
type sparse struct {
	base     packages.Config
	patterns []string
	filter   SourceFilter
	meta     []*packages.Package // the import graph, from go list
	listErrs map[*packages.Package][]packages.Error
	imports  map[*packages.Package]map[string]*packages.Package // as go list gave them
	roots    map[string]bool                                    // by ID
	source   map[string]string                                  // by ID: loaded from source, and why
	export   map[string]string                                  // by ID: the export data file
	read     int                                                // export data files read by the last load
}

// newSparse lists the import graph of patterns and decides which packages
// to load from source.
func newSparse(base packages.Config, patterns []string, filter SourceFilter) (*sparse, error) {
	cfg := base
	cfg.Mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps |
		packages.NeedModule | packages.NeedTypesSizes | packages.NeedExportFile
	meta, err := packages.Load(&cfg, patterns...)
	if err != nil {
		return nil, err
	}
	s := &sparse{base: base, patterns: patterns, filter: filter, meta: meta, listErrs: map[*packages.Package][]packages.Error{},
		imports: map[*packages.Package]map[string]*packages.Package{}, roots: map[string]bool{}, source: map[string]string{}, export: map[string]string{}}
	packages.Visit(meta, nil, func(p *packages.Package) { s.listErrs[p], s.imports[p] = p.Errors, p.Imports })
	for _, p := range meta {
		s.roots[p.ID] = true
	}
	var metas []Meta
	packages.Visit(meta, nil, func(p *packages.Package) {
		m := Meta{ID: p.ID, PkgPath: p.PkgPath, Root: s.roots[p.ID], GoFiles: p.CompiledGoFiles, Imports: map[string]string{}}
		for path, imp := range p.Imports {
			m.Imports[path] = imp.PkgPath
		}
		metas = append(metas, m)
	})
	packages.Visit(meta, nil, func(p *packages.Package) {
		if !s.roots[p.ID] && p.ExportFile != "" {
			s.export[p.ID] = p.ExportFile
		}
	})
	need, err := filter(metas)
	if err != nil {
		return nil, err
	}
	for _, m := range metas {
		switch {
		case m.Root:
			s.source[m.ID] = "asked for"
		case need[m.ID] != "":
			s.source[m.ID] = need[m.ID]
		case s.export[m.ID] == "" && m.PkgPath != "unsafe":
			s.source[m.ID] = "no export data (it does not compile)"
		}
	}
	return s, nil
}

// logWhy writes why each package came from source.
func (s *sparse) logWhy(w io.Writer, name string) {
	for _, id := range slices.Sorted(maps.Keys(s.source)) {
		fmt.Fprintf(w, "%s: from source: %s: %s\n", name, id, s.source[id])
	}
}

// wanted returns the packages loaded from export data whose source the
// analysis asked for (Loading.Wants), with why; with modeled, only those
// that import a modeled package, directly or not: no other can set a
// cookie (encoding/json, given a cookie to marshal).
func (s *sparse) wanted(graph *checker.Graph, wants func(any) []string, modeled func(string) bool) map[string]string {
	byPath := map[string][]string{}
	reaches := map[*packages.Package]bool{}
	var reach func(p *packages.Package) bool
	reach = func(p *packages.Package) bool {
		if r, ok := reaches[p]; ok {
			return r
		}
		reaches[p] = false
		r := modeled == nil || modeled(p.PkgPath)
		for _, imp := range s.imports[p] {
			r = reach(imp) || r
		}
		reaches[p] = r
		return r
	}
	for p := range s.imports { // every package of the graph (a load prunes p.Imports)
		if reach(p) {
			byPath[p.PkgPath] = append(byPath[p.PkgPath], p.ID)
		}
	}
	out := map[string]string{}
	for act := range graph.All() {
		if act.Result == nil {
			continue
		}
		for _, path := range wants(act.Result) {
			for _, id := range byPath[path] {
				if _, ok := s.source[id]; !ok {
					out[id] = "called from " + act.Package.PkgPath + " with a cookie or a Set-Cookie header"
				}
			}
		}
	}
	return out
}

// load type-checks the source packages (in parallel, each after its
// dependencies) and reads the export data of the packages they import
// and of those between the packages asked for and them, and returns the
// packages asked for, ready for checker.Analyze. The graph they span
// holds the source packages and, from export data (types, no syntax),
// their imports and the packages on the way to them; the rest of the
// dependencies is neither read nor in it.
func (s *sparse) load() []*packages.Package {
	fset := token.NewFileSet()
	s.read = 0
	// Every package of the graph, with its imports as go list gave them
	// (an earlier load pruned them).
	all := make([]*packages.Package, 0, len(s.imports))
	for p, imps := range s.imports {
		p.Imports = imps
		all = append(all, p)
	}
	// What leads to a source package, and what a source package imports.
	toSource := map[*packages.Package]bool{}
	var leads func(p *packages.Package) bool
	leads = func(p *packages.Package) bool {
		if r, ok := toSource[p]; ok {
			return r
		}
		toSource[p] = false
		r := false
		for _, imp := range p.Imports {
			if _, ok := s.source[imp.ID]; ok || leads(imp) {
				r = true
			}
		}
		toSource[p] = r
		return r
	}
	needed := map[*packages.Package]bool{}
	for _, p := range all {
		if _, ok := s.source[p.ID]; ok {
			needed[p] = true
			for _, imp := range p.Imports {
				needed[imp] = true
			}
		} else if leads(p) {
			needed[p] = true
		}
	}
	// One types.Package per package, created up front, so that export data
	// and the type checker fill the same objects whoever reads first.
	// Export data names the packages it refers to by path: with tests, a
	// package recompiled for p's test ("q [p.test]") refers to the other
	// variants of p.test where they exist, so each test has its own view.
	byPath := map[string]*types.Package{}
	for _, p := range all {
		p.Fset = fset
		p.Types, p.TypesInfo, p.Syntax, p.IllTyped = nil, nil, nil, false
		p.Errors = slices.Clone(s.listErrs[p])
		if p.TypesSizes == nil {
			p.TypesSizes = types.SizesFor("gc", runtime.GOARCH)
		}
		if p.PkgPath == "unsafe" {
			p.Types = types.Unsafe
		} else {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
		}
		if testOf(p.ID) == "" {
			byPath[p.PkgPath] = p.Types
		}
	}
	views := map[string]map[string]*types.Package{"": byPath}
	for _, p := range all {
		if t := testOf(p.ID); t != "" {
			if views[t] == nil {
				views[t] = maps.Clone(byPath)
			}
			views[t][p.PkgPath] = p.Types
		}
	}
	var exportMu sync.Mutex
	done := map[*packages.Package]chan struct{}{}
	for _, p := range all {
		done[p] = make(chan struct{})
	}
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, p := range all {
		if !needed[p] {
			close(done[p])
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[p])
			for _, imp := range p.Imports {
				<-done[imp]
			}
			sem <- struct{}{}
			defer func() { <-sem }()
			switch {
			case p.PkgPath == "unsafe":
			case s.source[p.ID] != "":
				s.check(p)
			default:
				exportMu.Lock()
				err := readExport(fset, s.export[p.ID], views[testOf(p.ID)], p.PkgPath)
				if err == nil {
					s.read++
				}
				exportMu.Unlock()
				if err != nil {
					// Export data that cannot be read: the source then.
					s.check(p)
				}
			}
		}()
	}
	wg.Wait()
	// The graph the checker walks: below a package from export data, only
	// what leads to a source package.
	for _, p := range all {
		if _, ok := s.source[p.ID]; !needed[p] || ok {
			continue
		}
		pruned := map[string]*packages.Package{}
		for path, imp := range p.Imports {
			if _, ok := s.source[imp.ID]; ok || toSource[imp] {
				pruned[path] = imp
			}
		}
		p.Imports = pruned
	}
	return slices.Clone(s.meta)
}

// testOf is the test a package variant is compiled for: "p.test" for
// "q [p.test]", "" for a package as it is.
func testOf(id string) string {
	if i := strings.Index(id, " ["); i >= 0 && strings.HasSuffix(id, "]") {
		return id[i+2 : len(id)-1]
	}
	return ""
}

// unread counts the dependencies neither loaded from source nor read from
// export data in the last load: nothing needed them.
func (s *sparse) unread() int {
	return len(s.imports) - len(s.source) - s.read
}

// missed returns the packages loaded from export data that name a
// function or method of an import that has a fact: they may wrap it, and
// have a fact of their own. Each comes with why.
func (s *sparse) missed(graph *checker.Graph) map[string]string {
	factNames := map[*packages.Package][]string{}
	var acts []*checker.Action
	for act := range graph.All() {
		acts = append(acts, act)
		own := act.Package.Types
		seen := map[string]bool{}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == own && !seen[f.Object.Name()] {
				seen[f.Object.Name()] = true
				factNames[act.Package] = append(factNames[act.Package], f.Object.Name())
			}
		}
	}
	out := map[string]string{}
	for _, act := range acts {
		p := act.Package
		if _, ok := s.source[p.ID]; ok {
			continue
		}
		var names []string
		for _, imp := range p.Imports {
			names = append(names, factNames[imp]...)
		}
		if name, ok := textscan.Mention(p.CompiledGoFiles, names); ok {
			out[p.ID] = "names " + name + ", which has a fact"
		}
	}
	return out
}

// check parses and type-checks a package from source; its errors are
// recorded as go/packages records them.
func (s *sparse) check(p *packages.Package) {
	files := make([]*ast.File, len(p.CompiledGoFiles))
	var wg sync.WaitGroup
	var mu sync.Mutex
	for i, name := range p.CompiledGoFiles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src, err := os.ReadFile(name)
			if err != nil {
				mu.Lock()
				p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
				mu.Unlock()
				return
			}
			f, err := parser.ParseFile(p.Fset, name, src, parser.AllErrors|parser.ParseComments)
			if err != nil {
				mu.Lock()
				p.Errors = append(p.Errors, parseErrors(err)...)
				mu.Unlock()
			}
			files[i] = f
		}()
	}
	wg.Wait()
	var syntax []*ast.File
	for _, f := range files {
		if f != nil {
			syntax = append(syntax, f)
		}
	}
	sort.SliceStable(p.Errors, func(i, j int) bool { return p.Errors[i].Pos < p.Errors[j].Pos })
	p.Syntax = syntax
	p.TypesInfo = &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Scopes: map[ast.Node]*types.Scope{},
		Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	cfg := &types.Config{
		Sizes: p.TypesSizes,
		Importer: importerFunc(func(path string) (*types.Package, error) {
			imp := p.Imports[path]
			if imp == nil {
				return nil, fmt.Errorf("no package for import %q", path)
			}
			if imp.IllTyped && imp.Types == nil {
				return nil, fmt.Errorf("package %s did not load", path)
			}
			return imp.Types, nil
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			} else {
				p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.TypeError})
			}
		},
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		cfg.GoVersion = "go" + p.Module.GoVersion
	}
	before := len(p.Errors)
	_ = types.NewChecker(cfg, p.Fset, p.Types, p.TypesInfo).Files(syntax)
	if typeErrs := slices.Clone(p.Errors[before:]); len(typeErrs) > 0 {
		// go list -export's compiler errors say what the type checker
		// said; a build error it did not say (cgo without a C compiler)
		// stays.
		p.Errors = slices.DeleteFunc(p.Errors, func(e packages.Error) bool {
			return e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# "+p.PkgPath+"\n") &&
				slices.ContainsFunc(typeErrs, func(te packages.Error) bool { return strings.Contains(e.Msg, te.Msg) })
		})
	}
	p.IllTyped = len(p.Errors) > 0
}

// readExport reads a package's export data into the shared packages.
func readExport(fset *token.FileSet, file string, byPath map[string]*types.Package, path string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading export data of %s: %v", path, err)
	}
	if _, err := gcexportdata.Read(r, fset, byPath, path); err != nil {
		return fmt.Errorf("reading export data of %s: %v", path, err)
	}
	return nil
}

func parseErrors(err error) []packages.Error {
	var out []packages.Error
	if list, ok := err.(scanner.ErrorList); ok {
		for _, e := range list {
			out = append(out, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
		}
		return out
	}
	return []packages.Error{{Pos: "-", Msg: err.Error(), Kind: packages.ParseError}}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
