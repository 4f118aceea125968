// Command floor is the benchmark's floor: a go/analysis analyzer that does
// nothing but declares a fact type, so that the standalone driver loads
// and type-checks packages exactly as it does for cookielint.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

type noFact struct{}

func (*noFact) AFact() {}

var analyzer = &analysis.Analyzer{
	Name:      "floor",
	Doc:       "does nothing, the way cookielint loads packages",
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(analyzer) }
