// Command floor is the benchmark's floor: a go/analysis analyzer that does
// nothing but declare a fact type. By default it loads packages exactly as
// the cookielint command does (internal/loading: dependencies that can set
// a cookie from source, the others from export data); with -all first, through
// singlechecker, which loads and type-checks every dependency whole, as
// any analyzer with facts makes it do; with -nofacts first, an analyzer
// without facts through singlechecker, which gets the dependencies as
// export data: the export-data floor.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/cookielint/cookielint/internal/driver"
	"github.com/cookielint/cookielint/internal/loading"
	"github.com/cookielint/cookielint/policy"
)

type noFact struct{}

func (*noFact) AFact() {}

var analyzer = &analysis.Analyzer{
	Name:      "floor",
	Doc:       "does nothing, the way cookielint loads packages",
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

// noFacts is the export-data floor: without facts, go/analysis drivers
// load dependencies from export data.
var noFacts = &analysis.Analyzer{
	Name: "floor",
	Doc:  "does nothing, without facts",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "-nofacts" {
		os.Args = append(os.Args[:1], os.Args[2:]...)
		singlechecker.Main(noFacts)
		return
	}
	if len(os.Args) > 1 && os.Args[1] == "-all" {
		os.Args = append(os.Args[:1], os.Args[2:]...)
		singlechecker.Main(analyzer)
		return
	}
	if code, ok := driver.Main(analyzer, os.Args[1:], loading.For(func() *policy.Models { return nil }), nil); ok {
		os.Exit(code)
	}
	singlechecker.Main(analyzer)
}
