package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
	"github.com/cookielint/cookielint/report"
)

// reportCommand runs the analyzer and writes a report for CI:
//
//	cookielint report [-format text|json|sarif|github] [-policy F] [-strict] [-tests]
//	                  [-baseline F | -write-baseline F] [-o FILE] [-root DIR] packages...
func reportCommand(args []string) int {
	fs := flag.NewFlagSet("cookielint report", flag.ContinueOnError)
	format := fs.String("format", "text", "output format: "+strings.Join(report.Formats, ", "))
	policyFile := fs.String("policy", "", "policy file (default: the nearest "+cookielint.DefaultPolicyFile+")")
	strict := fs.Bool("strict", false, "also report values decided at run time")
	tests := fs.Bool("tests", false, "also analyze _test.go files")
	baseline := fs.String("baseline", "", "report only findings not recorded in this baseline file")
	writeBaseline := fs.String("write-baseline", "", "record today's findings in this baseline file and exit 0")
	output := fs.String("o", "", "write the report to this file instead of standard output")
	root := fs.String("root", "", "directory file names are relative to (default: the enclosing git work tree, else the module root)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: cookielint report [flags] packages...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 1
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 1
	}
	if !validFormat(*format) {
		fmt.Fprintf(os.Stderr, "cookielint report: unknown format %q: use one of %s\n", *format, strings.Join(report.Formats, ", "))
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

	findings, failed := analyze(cookielint.NewAnalyzer(cfg), *tests, fs.Args(), dir)
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

	var w io.Writer = os.Stdout
	if *output != "" {
		f, err := os.Create(*output)
		if err != nil {
			fmt.Fprintln(os.Stderr, "cookielint report:", err)
			return 1
		}
		defer f.Close()
		w = f
	}
	if err := report.Write(w, *format, tool(), dir, findings); err != nil {
		fmt.Fprintln(os.Stderr, "cookielint report:", err)
		return 1
	}
	switch {
	case failed:
		return 1
	case len(findings) > 0:
		return 3
	}
	return 0
}

func validFormat(f string) bool {
	for _, x := range report.Formats {
		if f == x {
			return true
		}
	}
	return false
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
	graph, failed = driver.Analyze(a, tests, patterns, modeled)
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
	t := report.Tool{Name: "cookielint", Version: "devel", URI: cookielint.URL}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		t.Version = bi.Main.Version
	}
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
