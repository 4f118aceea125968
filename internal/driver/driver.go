// Package driver runs an analyzer over packages named on the command line,
// as singlechecker does, but loads them with Load: dependencies that
// cannot reach a cookie are type-checked without their function bodies.
// The standalone command, its report and inventory subcommands and the
// benchmark's floor use it; go vet and golangci-lint load packages their
// own way.
package driver

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Loading says how Analyze loads packages.
type Loading struct {
	// Filter picks the dependencies loaded from source; the others come
	// from export data (sparse.go). Nil: every dependency from source,
	// trimmed by Modeled (load.go).
	Filter SourceFilter
	// Modeled reports whether a package path is one whose import lets a
	// package set a cookie: the trimmed loading keeps what reaches one
	// whole.
	Modeled func(path string) bool
	// Dir and Env, if set, are where and with what environment the go
	// command runs.
	Dir string
	Env []string
	// Wants, if set, returns the import paths that an action's result
	// asks to see from source (the callees whose summaries the analysis
	// needs): those that came from export data are loaded from source
	// and everything analyzed again.
	Wants func(result any) []string
	// Log, if set, is told how many packages came from source and from
	// export data, why each came from source, and which were loaded again
	// from source (-debug=l).
	Log io.Writer
}

// Analyze loads the packages and runs the analyzer on them. Errors in
// loading (a package that does not type-check, a pattern that matches
// nothing) are printed to standard error; loadFailed says whether there
// were any. graph is nil when nothing could be loaded. The actions' own
// errors are left in the graph.
//
// With a Filter, dependencies are loaded sparsely (with tests too): those
// the filter picks from source, the others from export data. A
// dependency from export data that imports a package that exported a fact
// could have one too: it is loaded from source and everything analyzed
// again, so the findings are those of a load of everything from source.
func Analyze(a *analysis.Analyzer, tests bool, patterns []string, l Loading) (graph *checker.Graph, loadFailed bool) {
	base := packages.Config{Dir: l.Dir, Env: l.Env, Tests: tests}
	if l.Filter == nil {
		pkgs, err := LoadWith(base, patterns, l.Modeled)
		return analyzeLoaded(a, pkgs, err, patterns)
	}
	s, err := newSparse(base, patterns, l.Filter)
	if err != nil {
		return analyzeLoaded(a, nil, err, patterns)
	}
	for {
		pkgs := s.load()
		if len(pkgs) == 0 {
			return analyzeLoaded(a, nil, nil, patterns)
		}
		graph, err := checker.Analyze([]*analysis.Analyzer{a}, Roots(pkgs), nil)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
			return nil, true
		}
		more := s.missed(graph)
		if l.Wants != nil {
			for id, why := range s.wanted(graph, l.Wants, l.Modeled) {
				if _, ok := more[id]; !ok {
					more[id] = why
				}
			}
		}
		if len(more) == 0 {
			if l.Log != nil {
				fmt.Fprintf(l.Log, "%s: %d packages from source, %d from export data, %d not read\n", a.Name, len(s.source), s.read, s.unread())
				s.logWhy(l.Log, a.Name)
			}
			return graph, packages.PrintErrors(pkgs) > 0
		}
		ids := slices.Sorted(maps.Keys(more))
		if l.Log != nil {
			fmt.Fprintf(l.Log, "%s: loading again, from source: %s\n", a.Name, strings.Join(ids, " "))
		}
		for _, id := range ids {
			s.source[id] = more[id]
		}
	}
}

func analyzeLoaded(a *analysis.Analyzer, pkgs []*packages.Package, err error, patterns []string) (*checker.Graph, bool) {
	if err == nil && len(pkgs) == 0 {
		err = fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
		return nil, true
	}
	loadFailed := packages.PrintErrors(pkgs) > 0
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, Roots(pkgs), nil)
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
		return nil, true
	}
	return graph, loadFailed
}

// Roots are the packages to analyze among those loaded with tests: a
// package's test variant ("p [p.test]") in place of the package itself,
// which holds the same non-test files (go vet does the same), and no
// generated test main. Without tests, pkgs unchanged.
func Roots(pkgs []*packages.Package) []*packages.Package {
	tested := map[string]bool{}
	for _, p := range pkgs {
		if p.ID == p.PkgPath+" ["+p.PkgPath+".test]" {
			tested[p.PkgPath] = true
		}
	}
	out := pkgs[:0:0]
	for _, p := range pkgs {
		if p.ID == p.PkgPath && tested[p.PkgPath] || strings.HasSuffix(p.ID, ".test") {
			continue
		}
		out = append(out, p)
	}
	return out
}

// Main runs the analyzer as a command with args (without the program
// name), printing diagnostics as singlechecker does: text on standard
// error, or JSON on standard output with -json; -c N prints N lines of
// context; -fix applies the suggested fixes instead (ApplyFixes), and
// -fix -diff shows them. It understands the analyzer's flags and -json,
// -c, -test, -fix, -diff, -cpuprofile and -memprofile; ok is false, and
// nothing has been done, for anything else (-flags, -h, a go vet unit):
// the caller leaves those to singlechecker.
//
// The exit status is singlechecker's: 1 when a package failed to load or
// be analyzed, else 3 when there are diagnostics (0 with -json and with
// -fix, where 1 also means that some fixes could not be applied), else 0.
// after, if not nil, is given the analyzed graph before the results are
// printed.
func Main(a *analysis.Analyzer, args []string, l Loading, after func(*checker.Graph)) (code int, ok bool) {
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	jsonOut := fs.Bool("json", false, "emit JSON output")
	contextLines := fs.Int("c", -1, "display offending line with this many lines of context")
	tests := new(bool)
	if f := a.Flags.Lookup("tests"); f != nil {
		fs.Var(f.Value, "test", "")
	} else {
		fs.BoolVar(tests, "test", false, "")
	}
	cpuProfile := fs.String("cpuprofile", "", "write CPU profile to this file")
	debug := fs.String("debug", "", "debug flags: l to say how packages were loaded, w to load every dependency that reaches a modeled package from source (the earlier loading)")
	memProfile := fs.String("memprofile", "", "write memory profile to this file")
	fix := fs.Bool("fix", false, "apply all suggested fixes")
	diff := fs.Bool("diff", false, "with -fix, don't update the files, but print a unified diff")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 || strings.HasSuffix(fs.Arg(fs.NArg()-1), ".cfg") {
		return 0, false
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
			return 1, true
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
			return 1, true
		}
		defer pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		defer func() {
			f, err := os.Create(*memProfile)
			if err == nil {
				runtime.GC()
				err = pprof.WriteHeapProfile(f)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
				code = 1
			}
		}()
	}

	if f := a.Flags.Lookup("tests"); f != nil {
		*tests = f.Value.String() == "true"
	}
	if strings.Contains(*debug, "l") {
		l.Log = os.Stderr
	}
	if strings.Contains(*debug, "w") {
		l.Filter = nil
	}
	graph, loadFailed := Analyze(a, *tests, fs.Args(), l)
	if graph == nil {
		return 1, true
	}
	if after != nil {
		after(graph)
	}
	if *fix {
		if err := ApplyFixes(graph, *diff, os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", a.Name, err)
			return 1, true
		}
		if loadFailed {
			return 1, true
		}
		return 0, true
	}
	if *jsonOut {
		if err := graph.PrintJSON(os.Stdout); err != nil || loadFailed {
			return 1, true
		}
		return 0, true
	}
	if err := graph.PrintText(os.Stderr, *contextLines); err != nil || loadFailed {
		return 1, true
	}
	diagnostics := false
	for act := range graph.All() {
		if act.Err != nil {
			return 1, true
		}
		diagnostics = diagnostics || act.IsRoot && len(act.Diagnostics) > 0
	}
	if diagnostics {
		return 3, true
	}
	return 0, true
}
