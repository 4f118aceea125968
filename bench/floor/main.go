// Command floor is the benchmark's floor: a go/analysis analyzer that does
// nothing but declare a fact type. By default it loads packages exactly as
// the cookielint command does (internal/driver: dependencies that cannot
// reach a cookie without their function bodies); with -all first, through
// singlechecker, which loads and type-checks every dependency whole, as
// any analyzer with facts makes it do.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
)

type noFact struct{}

func (*noFact) AFact() {}

var analyzer = &analysis.Analyzer{
	Name:      "floor",
	Doc:       "does nothing, the way cookielint loads packages",
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-all" {
		os.Args = append(os.Args[:1], os.Args[2:]...)
		singlechecker.Main(analyzer)
		return
	}
	if code, ok := driver.Main(analyzer, os.Args[1:], cookielint.Modeled, nil); ok {
		os.Exit(code)
	}
	singlechecker.Main(analyzer)
}
