package cookielint

import (
	"go/types"
	"os"
	"sort"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint/internal/testutil"
	"github.com/cookielint/cookielint/policy"
)

// Every built-in row names what the real module has at the version the
// frameworks module builds with: each sink, cookie type, option and
// library constructor, each field and method a row maps. A misspelt row
// would otherwise be silently dead.
func TestBuiltinModelsResolve(t *testing.T) {
	dir, err := testutil.Module("testdata/frameworks")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := builtinModels()
	if err != nil {
		t.Fatal(err)
	}
	spec, err := policy.ParseModels(BuiltinModelsFile, builtinModelsYAML)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for p := range reg.pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports, Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	scopes := map[string]*types.Package{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			t.Errorf("%s: %v", p.PkgPath, p.Errors)
			continue
		}
		scopes[p.PkgPath] = p.Types
	}
	for _, p := range paths {
		if scopes[p] == nil {
			t.Errorf("package %s of the models did not load", p)
		}
	}
	for _, e := range checkSpec(spec, scopes) {
		t.Error(e)
	}
	for _, l := range libraryModels {
		p := scopes[l.pkg]
		if p == nil {
			continue
		}
		if _, isVar := p.Scope().Lookup(l.fn).(*types.Var); !isVar || l.recv != "" { // gothic's CompleteUserAuth is a variable
			if sig, msg := lookupFunc(p, policy.FuncRef{Pkg: l.pkg, Recv: l.recv, Name: l.fn}); sig == nil {
				t.Errorf("library %s.%s: %s", l.pkg, l.fn, msg)
			}
		}
		for name := range l.options {
			if _, ok := p.Scope().Lookup(name).(*types.Func); !ok {
				t.Errorf("library %s.%s: option %s is not a function of %s", l.pkg, l.fn, name, l.pkg)
			}
		}
		for _, m := range append(l.objects, l.holder, l.config) {
			if m != nil {
				checkObject(t, scopes, m)
			}
		}
	}
	for _, d := range derivations {
		checkObject(t, scopes, d.from)
	}
}

// checkObject checks that a library's configuration type has the fields
// and methods its model names.
func checkObject(t *testing.T, scopes map[string]*types.Package, m *cookieModel) {
	t.Helper()
	p := scopes[m.pkg]
	if p == nil {
		t.Errorf("model %s.%s: package not loaded", m.pkg, m.name)
		return
	}
	tn, ok := p.Scope().Lookup(m.name).(*types.TypeName)
	if !ok {
		t.Errorf("model %s.%s: no such type", m.pkg, m.name)
		return
	}
	st, _ := tn.Type().Underlying().(*types.Struct)
	for _, fields := range []map[string]attr{m.fields, m.inverted, m.durations, m.extras} {
		for f := range fields {
			if !hasField(st, f) {
				t.Errorf("model %s.%s has no field %s", m.pkg, m.name, f)
			}
		}
	}
	for f := range m.subs {
		if !hasField(st, f) {
			t.Errorf("model %s.%s has no field %s", m.pkg, m.name, f)
		}
	}
	var methods []string
	for f := range m.setters {
		methods = append(methods, f)
	}
	for f := range m.replacers {
		methods = append(methods, f)
	}
	for f := range m.optionMethods {
		methods = append(methods, f)
	}
	for f := range m.pure {
		methods = append(methods, f)
	}
	for _, f := range methods {
		recv := types.Type(types.NewPointer(tn.Type()))
		if types.IsInterface(tn.Type()) {
			recv = tn.Type()
		}
		if obj, _, _ := types.LookupFieldOrMethod(recv, true, p, f); obj == nil {
			t.Errorf("model %s.%s has no method %s", m.pkg, m.name, f)
		}
	}
}
