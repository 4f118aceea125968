package cookielint

import (
	"fmt"
	"go/types"
	"sort"

	"github.com/cookielint/cookielint/policy"
)

// builtinModelErrors checks every built-in row against the packages of
// scopes (by path), the real modules at the versions the frameworks
// module builds with: each sink, cookie type, option and library
// constructor, each field and method a row maps. A misspelt row would
// otherwise be silently dead. TestBuiltinModelsResolve calls it with the
// frameworks tree the analyzer tests load.
func builtinModelErrors(scopes map[string]*types.Package) []string {
	var errs []string
	errorf := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	reg, err := builtinModels()
	if err != nil {
		return []string{err.Error()}
	}
	spec, err := policy.ParseModels(BuiltinModelsFile, builtinModelsYAML)
	if err != nil {
		return []string{err.Error()}
	}
	var paths []string
	for p := range reg.pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if scopes[p] == nil {
			errorf("package %s of the models did not load", p)
		}
	}
	errs = append(errs, checkSpec(spec, scopes)...)
	for _, l := range libraryModels {
		p := scopes[l.pkg]
		if p == nil {
			continue
		}
		if _, isVar := p.Scope().Lookup(l.fn).(*types.Var); !isVar || l.recv != "" { // gothic's CompleteUserAuth is a variable
			if sig, msg := lookupFunc(p, policy.FuncRef{Pkg: l.pkg, Recv: l.recv, Name: l.fn}); sig == nil {
				errorf("library %s.%s: %s", l.pkg, l.fn, msg)
			}
		}
		for name := range l.options {
			if _, ok := p.Scope().Lookup(name).(*types.Func); !ok {
				errorf("library %s.%s: option %s is not a function of %s", l.pkg, l.fn, name, l.pkg)
			}
		}
		for _, m := range append(l.objects, l.holder, l.config) {
			if m != nil {
				errs = append(errs, checkObject(scopes, m)...)
			}
		}
	}
	for _, d := range derivations {
		errs = append(errs, checkObject(scopes, d.from)...)
	}
	return errs
}

// checkObject checks that a library's configuration type has the fields
// and methods its model names.
func checkObject(scopes map[string]*types.Package, m *cookieModel) []string {
	var errs []string
	p := scopes[m.pkg]
	if p == nil {
		return []string{fmt.Sprintf("model %s.%s: package not loaded", m.pkg, m.name)}
	}
	tn, ok := p.Scope().Lookup(m.name).(*types.TypeName)
	if !ok {
		return []string{fmt.Sprintf("model %s.%s: no such type", m.pkg, m.name)}
	}
	st, _ := tn.Type().Underlying().(*types.Struct)
	for _, fields := range []map[string]attr{m.fields, m.inverted, m.durations, m.extras} {
		for f := range fields {
			if !hasField(st, f) {
				errs = append(errs, fmt.Sprintf("model %s.%s has no field %s", m.pkg, m.name, f))
			}
		}
	}
	for f := range m.subs {
		if !hasField(st, f) {
			errs = append(errs, fmt.Sprintf("model %s.%s has no field %s", m.pkg, m.name, f))
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
			errs = append(errs, fmt.Sprintf("model %s.%s has no method %s", m.pkg, m.name, f))
		}
	}
	return errs
}
