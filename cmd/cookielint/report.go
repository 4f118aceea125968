package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
	"github.com/cookielint/cookielint/report"
)

// reportFlags defines report's flags: it runs the analyzer and writes a
// report for CI.
func reportFlags(fs *flag.FlagSet) func(args []string) int {
	out := addOutputFlags(fs, report.Formats, "text")
	policyFile := fs.String("policy", "", "policy file (default: the nearest "+cookielint.DefaultPolicyFile+")")
	strict := fs.Bool("strict", false, "also report values decided at run time")
	tests := fs.Bool("tests", false, "also analyze _test.go files")
	baseline := fs.String("baseline", "", "report only findings not recorded in this baseline file")
	writeBaseline := fs.String("write-baseline", "", "record today's findings in this baseline file and exit 0")
	root := fs.String("root", "", "directory file names are relative to (default: the enclosing git work tree, else the module root)")
	return func(args []string) int {
		if !out.valid(fs.Name()) {
			return 1
		}
		cfg := cookielint.Config{Strict: *strict, Tests: *tests}
		if err := checkPolicy(*policyFile); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if *policyFile != "" {
			abs, err := filepath.Abs(*policyFile)
			if err != nil {
				fmt.Fprintln(os.Stderr, "cookielint report:", err)
				return 1
			}
			cfg.PolicyFile = abs
		}
		var base *report.Baseline
		if *baseline != "" {
			b, err := report.ReadBaseline(*baseline)
			if err != nil {
				fmt.Fprintln(os.Stderr, "cookielint report:", err)
				return 1
			}
			base = b
		}
		dir := *root
		if dir == "" {
			dir = repoRoot()
		}

		findings, failed := analyze(cookielint.NewAnalyzer(cfg), *tests, args, dir)
		if *writeBaseline != "" {
			if err := report.NewBaseline(findings).Write(*writeBaseline); err != nil {
				fmt.Fprintln(os.Stderr, "cookielint report:", err)
				return 1
			}
			fmt.Fprintf(os.Stderr, "cookielint: recorded %d findings in %s\n", len(findings), *writeBaseline)
			if failed {
				return 1
			}
			return 0
		}
		if base != nil {
			findings = base.New(findings)
		}

		if !out.write(fs.Name(), findingsWriter(dir, findings)) {
			return 1
		}
		return exitCode(failed, len(findings))
	}
}

// exitCode is the linter's: 1 when something failed, 3 when there are
// findings, else 0.
func exitCode(failed bool, findings int) int {
	switch {
	case failed:
		return 1
	case findings > 0:
		return 3
	}
	return 0
}

// findingsWriter writes findings in a report format.
func findingsWriter(dir string, findings []report.Finding) func(io.Writer, string) error {
	return func(w io.Writer, format string) error { return report.Write(w, format, tool(), dir, findings) }
}

// analyze runs the analyzer and returns its findings, located relative
// to root; it reports whether anything failed.
func analyze(a *analysis.Analyzer, tests bool, patterns []string, root string) ([]report.Finding, bool) {
	graph, failed := runAnalysis(a, tests, patterns)
	if graph == nil {
		return nil, true
	}
	var findings []report.Finding
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		for _, d := range act.Diagnostics {
			findings = append(findings, report.New(d, act.Package.Fset, act.Package.Syntax, root))
		}
	}
	return report.Finish(findings), failed
}

// runAnalysis loads the packages and runs the analyzer on them, as the
// standalone command does. Errors are printed to standard error, once
// each; failed says whether there were any.
func runAnalysis(a *analysis.Analyzer, tests bool, patterns []string) (graph *checker.Graph, failed bool) {
	graph, failed = driver.Analyze(a, tests, patterns, runLoading)
	if graph == nil {
		return nil, true
	}
	warnUnusedModels(graph)
	seen := map[string]bool{}
	for act := range graph.All() {
		if act.Err == nil {
			continue
		}
		failed = true
		if msg := act.Err.Error(); !seen[msg] && !strings.HasPrefix(msg, "failed prerequisites") {
			seen[msg] = true
			fmt.Fprintf(os.Stderr, "cookielint: %s: %v\n", act.Package.PkgPath, act.Err)
		}
	}
	return graph, failed
}

// tool describes cookielint for the report formats.
func tool() report.Tool {
	t := report.Tool{Name: "cookielint", Version: version(), URI: cookielint.URL}
	for _, c := range cookielint.Checks {
		t.Rules = append(t.Rules, report.Rule{ID: c.ID, Title: c.Title, Help: c.Help})
	}
	return t
}

// repoRoot is the enclosing git work tree of the current directory, else
// its module root, else the current directory.
func repoRoot() string {
	cwd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := cwd; ; d = filepath.Dir(d) {
		if exists(filepath.Join(d, ".git")) {
			return d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	return moduleRoot(cwd)
}
