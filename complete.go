package cookielint

import (
	"go/types"
	"maps"
	"slices"
)

// This file answers for the modeled packages whose models are complete
// (a models file's complete: list): every way code can set or build a
// cookie through them is a model row (or a function of its
// runtimeCookies: list, which returns a cookie decided at run time), so
// their own source adds nothing and the standalone command reads them
// from export data. An importer never takes a fact from them: analyzed
// from source or not, they give the same findings. TestCompletePackages
// checks, on each package's source at the version of the frameworks
// module, that its analysis finds no more than this says.

// Complete reports whether a package's models are complete (the
// models' complete: lists).
func Complete(path string) bool {
	m, err := builtinModels()
	if err != nil {
		return false
	}
	_, ok := m.complete[path]
	return ok
}

// CompletePackages lists the complete packages, for the test that checks
// them.
func CompletePackages() []string {
	m, err := builtinModels()
	if err != nil {
		return nil
	}
	return slices.Sorted(maps.Keys(m.complete))
}

// completeSummary is what an importer knows of a function of a complete
// package: for one that returns a cookie decided at run time, a
// constructor whose every attribute the cookie's model has is decided at
// run time; else nothing.
func (c *checker) completeSummary(fn *types.Func) *Summary {
	if !slices.Contains(c.models.complete[fn.Pkg().Path()], fn.Name()) || fn.Signature().Recv() != nil {
		return nil
	}
	res := fn.Signature().Results()
	if res.Len() == 0 {
		return nil
	}
	m, _ := c.models.modelOf(res.At(0).Type())
	if m == nil {
		return nil
	}
	sc := SummaryCookie{Model: m.pkg + "." + m.name}
	for _, a := range m.fields {
		sc.Attrs[a] = SummaryValue{Known: uint8(dynamic)}
	}
	for _, a := range m.setters {
		sc.Attrs[a] = SummaryValue{Known: uint8(dynamic)}
	}
	return &Summary{Returns: &sc}
}
