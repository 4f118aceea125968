package cookielint

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/cookielint/cookielint/policy"
)

// Doc is the analyzer's documentation: a title line, then details.
const Doc = `check cookies against the declared cookie policy

cookielint finds every place the code sets a cookie and reports names the
cookie policy does not declare and attributes (Secure, HttpOnly, SameSite,
prefixes, lifetime, Path and Domain) that the policy or browsers require.
Values decided at run time are reported only with -strict.`

// URL is where the checks are documented; URL#ID is a check's example and
// fix.
const URL = "https://github.com/cookielint/cookielint/blob/main/docs/checks.md"

// Config configures an analyzer built by NewAnalyzer.
type Config struct {
	// PolicyFile is the path of the policy file. A relative path is
	// looked up from the current directory, then from the package's
	// directory up to its module root (go vet runs the tool in each
	// package's directory). Empty: the nearest cookie-policy.yaml from
	// the package's directory up to its module root, if any.
	PolicyFile string
	// Policy is the policy file's contents, given as data (for example
	// embedded with go:embed, for Bazel nogo, which cannot read undeclared
	// files). It takes precedence over PolicyFile.
	Policy []byte
	// PolicyName names Policy in error messages; default
	// "cookie-policy.yaml".
	PolicyName string
	// Strict also reports what cannot be verified because it is decided
	// at run time.
	Strict bool
	// Tests analyzes _test.go files too.
	Tests bool
	// NoFacts turns off summaries across packages: helpers and
	// constructors are still followed within a package. Without facts a
	// driver need not load every dependency from source, which is most of
	// the cost inside golangci-lint.
	NoFacts bool
}

// DefaultPolicyFile is the policy file name looked for when none is given.
const DefaultPolicyFile = "cookie-policy.yaml"

// Analyzer is cookielint's analyzer, configured by its flags -policy,
// -strict and -tests.
var Analyzer = NewAnalyzer(Config{})

// NewAnalyzer returns a cookielint analyzer configured in Go. Its flags
// start from cfg and may still change it.
func NewAnalyzer(cfg Config) *analysis.Analyzer {
	r := &runner{cfg: cfg, policies: newPolicyCache(), registries: map[*policy.Policy]*models{}}
	a := &analysis.Analyzer{
		Name: "cookielint",
		Doc:  Doc,
		URL:  URL,
		Run:  r.run,
		// The result lists the cookies each package sets (the inventory).
		ResultType: reflect.TypeFor[*Result](),
	}
	if !cfg.NoFacts {
		// Summaries of helpers and constructors travel between packages.
		a.FactTypes = []analysis.Fact{new(Summary), new(packageFact), new(moduleFact)}
	}
	a.Flags.StringVar(&r.cfg.PolicyFile, "policy", cfg.PolicyFile, "policy file (default: the nearest "+DefaultPolicyFile+" up to the module root)")
	a.Flags.BoolVar(&r.cfg.Strict, "strict", cfg.Strict, "also report values decided at run time, which cannot be verified")
	a.Flags.BoolVar(&r.cfg.Tests, "tests", cfg.Tests, "also analyze _test.go files")
	return a
}

// runner holds one analyzer's configuration and what its passes share.
type runner struct {
	cfg      Config
	policies *policyCache
	// registries are the models for each policy: the built-in ones, and
	// the policy's own.
	mu         sync.Mutex
	registries map[*policy.Policy]*models
}

// checker is the state of one pass.
type checker struct {
	pass   *analysis.Pass
	cfg    *Config
	runner *runner
	// The policy is loaded when the first cookie is checked: a package
	// that sets none does not need it.
	policy       *policy.Policy
	policyLoaded bool
	policyErr    error
	models       *models
	nolint       nolintIndex
	at           token.Pos // the statement being analyzed, for internal errors

	decls      map[*types.Func]*ast.FuncDecl
	summaries  map[*types.Func]*Summary // nil value: none, or in progress
	reportedAt map[string]bool          // findings reported in constructors
	holders    map[*types.Var]*cookie   // library objects held in variables
	result     Result                   // the cookies the package sets
	versions   map[*versioned]string    // module versions in the build
	// setsCookies lists the package's functions the analysis saw set a
	// cookie.
	setsCookies map[*types.Func]bool
	// pkgConsts and fldConsts are the package's variables and fields
	// that hold one constant (values.go), computed when first needed.
	pkgConsts map[*types.Var]constant.Value
	fldConsts map[*types.Var]constant.Value
	emitted   map[emitted]bool // the diagnostics reported
	// checks are the policy's consent checks; calledHere, the functions
	// the package calls (consent.go).
	checks     map[funcKey]*consentCheck
	calledHere map[*types.Func]bool
	registered map[*libraryModel]*cookie
	// ctxTouched lists, per receiver type of a context-options sink, the
	// attributes the package's calls of it may set (iris's
	// AddCookieOptions in middleware).
	ctxTouched map[typeKey]map[attr]bool
}

func (r *runner) run(pass *analysis.Pass) (_ any, err error) {
	if len(pass.Files) == 0 {
		// Loaded from export data (the standalone command's dependencies
		// that cannot set a cookie): nothing to see, nothing to export.
		return &Result{}, nil
	}
	pol, perr := r.policyFor(pass)
	if (pol == nil || pol.Models == nil) && !mayBeModeled(pass, r.cfg.NoFacts) && !callsCookieSetter(pass.Files) {
		// Most packages of a build (go vet runs the tool on every
		// dependency) import nothing a model names: they return before
		// the models are built.
		return &Result{}, nil
	}
	reg, err := r.registry(pol)
	if err != nil {
		return nil, err
	}
	matters := r.mayMatter(pass, reg)
	if !matters && !callsCookieSetter(pass.Files) {
		return &Result{}, nil
	}
	if err := reg.check(pass.Pkg); err != nil {
		return nil, err
	}
	c := &checker{pass: pass, cfg: &r.cfg, runner: r, models: reg,
		policy: pol, policyErr: perr,
		decls: map[*types.Func]*ast.FuncDecl{}, summaries: map[*types.Func]*Summary{}, reportedAt: map[string]bool{},
		holders: map[*types.Var]*cookie{}, setsCookies: map[*types.Func]bool{}}
	if err := c.checkConsentFuncs(); err != nil {
		return nil, err
	}
	if !matters {
		// It cannot set a cookie through any model, but it calls
		// something named like a cookie setter: an API no model covers?
		c.unmodeledCalls(c.ownFiles())
		return &c.result, nil
	}
	c.exportModule()
	// A bug in cookielint must not take the whole run down: report it as
	// this package's error, with where the analysis was.
	defer func() {
		if x := recover(); x != nil {
			where := "an unknown position"
			if c.at.IsValid() {
				where = pass.Fset.Position(c.at).String()
			}
			err = fmt.Errorf("internal error analyzing package %s at %s: %v; please report this with the code there", pass.Pkg.Path(), where, x)
		}
	}()
	files := c.ownFiles()
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					if k := keyOf(fn); reg.sinks[k] != nil || reg.library(k) != nil {
						continue // a modeled function: its model, not its body, is what calls see
					}
					c.decls[fn] = fd
				}
			}
		}
	}
	var order []*types.Func
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok {
					c.summaryOf(fn) // walks and checks the body once
					order = append(order, fn)
				}
			case *ast.GenDecl:
				ast.Inspect(d, func(n ast.Node) bool {
					if fl, ok := n.(*ast.FuncLit); ok {
						c.function(fl.Body)
						return false
					}
					return true
				})
			}
		}
	}
	c.librarySites(files)
	c.unmodeledCalls(files)
	if !c.policyLoaded {
		c.policyErr = nil // no cookie was checked: the policy did not matter
	}
	if r.cfg.NoFacts {
		return &c.result, c.policyErr
	}
	exported := false
	for _, fn := range order {
		if s := c.summaries[fn]; s != nil {
			pass.ExportObjectFact(fn, s)
			exported = true
		}
	}
	if exported {
		pass.ExportPackageFact(new(packageFact))
	}
	return &c.result, c.policyErr
}

// ownFiles are the package's files the analysis reads: _test.go files
// only with Tests.
func (c *checker) ownFiles() []*ast.File {
	var files []*ast.File
	for _, f := range c.pass.Files {
		if !c.cfg.Tests && strings.HasSuffix(c.pass.Fset.Position(f.Package).Filename, "_test.go") {
			continue
		}
		files = append(files, f)
	}
	return files
}

// callsCookieSetter reports whether the files call a method or function
// named like a cookie setter: a check on syntax alone.
func callsCookieSetter(files []*ast.File) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				switch fn := ast.Unparen(call.Fun).(type) {
				case *ast.SelectorExpr:
					found = found || cookieSetterNames[strings.ToLower(fn.Sel.Name)]
				case *ast.Ident:
					found = found || cookieSetterNames[strings.ToLower(fn.Name)]
				}
			}
			return !found
		})
	}
	return found
}

// loadPolicy reports whether the package's policy loaded; the first time
// it is asked, a broken policy becomes the pass's error. A package that
// sets no cookie never asks, so a broken policy does not fail it.
func (c *checker) loadPolicy() bool {
	c.policyLoaded = true
	return c.policyErr == nil
}

// registry returns the models for a policy: the built-in ones, extended
// by the policy's models: section.
func (r *runner) registry(p *policy.Policy) (*models, error) {
	base, err := builtinModels()
	if err != nil || p == nil || p.Models == nil {
		return base, err
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if m, ok := r.registries[p]; ok {
		return m, nil
	}
	m, err := base.withUser(p.Models)
	if err != nil {
		return nil, err
	}
	r.registries[p] = m
	return m, nil
}

// mayMatter reports whether a package can set a cookie: it must import a
// package of the models (or be one).
func (r *runner) mayMatter(pass *analysis.Pass, reg *models) bool {
	if reg.pkgs[pass.Pkg.Path()] {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if reg.pkgs[imp.Path()] || !r.cfg.NoFacts && pass.ImportPackageFact(imp, new(packageFact)) {
			return true
		}
	}
	return false
}

// function analyzes one function body and checks the cookies it sets.
func (c *checker) function(body *ast.BlockStmt) {
	w := &walker{c: c}
	w.body(body)
	for _, s := range w.sites {
		if s.keyParam == 0 {
			c.check(s)
		}
	}
}

// packageDir is the directory of the package's source files.
func packageDir(pass *analysis.Pass) string {
	for _, f := range pass.Files {
		// The position of the package clause follows //line directives,
		// so a cgo-processed file names its original.
		name := pass.Fset.Position(f.Package).Filename
		if strings.HasSuffix(name, ".go") && !strings.HasPrefix(filepath.Base(name), "_cgo_") {
			return filepath.Dir(name)
		}
	}
	return ""
}
