package cookielint

import (
	"fmt"
	"go/types"
	"os"
	"slices"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	analysischecker "golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/cookielint/cookielint/internal/testutil"
)

// The complete packages are complete: analyzed from source (at the
// versions of the frameworks module), each exports exactly the facts that
// an importer assumes of it, so reading it from export data changes
// nothing.
func TestCompletePackages(t *testing.T) {
	testutil.E2E(t, "loads net/http and gin whole from source", 10*time.Minute)
	dir, err := testutil.Module("testdata/frameworks")
	if err != nil {
		t.Fatal(err)
	}
	paths := CompletePackages()
	if len(paths) == 0 {
		t.Fatal("no complete packages in the models")
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: dir,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOPROXY=off")}, paths...)
	if err != nil {
		t.Fatal(err)
	}
	g, err := analysischecker.Analyze([]*analysis.Analyzer{NewAnalyzer(Config{})}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := builtinModels()
	if err != nil {
		t.Fatal(err)
	}
	c := &checker{models: reg}
	for _, act := range g.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		var got, want []string
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				got = append(got, fmt.Sprintf("%s: %v", f.Object.Name(), f.Fact))
			}
		}
		for _, name := range reg.complete[act.Package.PkgPath] {
			fn, _ := act.Package.Types.Scope().Lookup(name).(*types.Func)
			if fn == nil {
				t.Errorf("%s has no function %s", act.Package.PkgPath, name)
				continue
			}
			if s := c.completeSummary(fn); s != nil {
				want = append(want, fmt.Sprintf("%s: %v", name, s))
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: its source gives the facts\n\t%q\nits importers assume\n\t%q", act.Package.PkgPath, got, want)
		}
	}
}
