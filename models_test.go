package cookielint

import (
	"fmt"
	"go/types"
	"sort"
)

// builtinModelErrors checks every built-in models file against the
// packages of scopes (by path), the real modules at the versions the
// frameworks module builds with: each sink, cookie type, object, option,
// library and variable a row names, each field and method it maps, each
// argument index. A misspelt row would otherwise be silently dead.
// TestBuiltinModelsResolve calls it with the frameworks tree the analyzer
// tests load; every package a file names must be there.
func builtinModelErrors(scopes map[string]*types.Package) []string {
	specs, err := BuiltinModels()
	if err != nil {
		return []string{err.Error()}
	}
	reg, err := builtinModels()
	if err != nil {
		return []string{err.Error()}
	}
	var errs []string
	var paths []string
	for p := range reg.pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if scopes[p] == nil {
			errs = append(errs, fmt.Sprintf("package %s of the models did not load", p))
		}
	}
	for _, spec := range specs {
		errs = append(errs, checkSpec(spec, scopes)...)
	}
	return errs
}
