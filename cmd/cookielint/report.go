package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
	out := addOutputFlags(fs)
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

		if !out.write(fs.Name(), dir, findings) {
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

// outputFlags are the -format and -o flags every command that writes a
// report shares. Both take comma-separated lists, to write several
// formats from one run: -format github,sarif -o -,cookielint.sarif ("-"
// is standard output).
type outputFlags struct{ format, output *string }

func addOutputFlags(fs *flag.FlagSet) outputFlags {
	return outputFlags{
		format: fs.String("format", "text", "output format: "+strings.Join(report.Formats, ", ")+"; several, comma-separated, with as many -o files"),
		output: fs.String("o", "", "write the report to this file instead of standard output (\"-\"); with several formats, a comma-separated list"),
	}
}

// targets pairs each format with its file ("" for standard output).
func (o outputFlags) targets() (formats, files []string) {
	formats = strings.Split(*o.format, ",")
	files = make([]string, len(formats))
	if *o.output != "" {
		files = strings.Split(*o.output, ",")
	}
	for i, f := range files {
		if f == "-" {
			files[i] = ""
		}
	}
	return formats, files
}

// write writes the report where -o says, in the -format given; on an
// error it says so and returns false.
func (o outputFlags) write(command, dir string, findings []report.Finding) bool {
	formats, files := o.targets()
	for i, format := range formats {
		var w io.Writer = os.Stdout
		if files[i] != "" {
			f, err := os.Create(files[i])
			if err != nil {
				fmt.Fprintln(os.Stderr, command+":", err)
				return false
			}
			defer f.Close()
			w = f
		}
		if err := report.Write(w, format, tool(), dir, findings); err != nil {
			fmt.Fprintln(os.Stderr, command+":", err)
			return false
		}
	}
	return true
}

// valid reports whether -format names formats, and -o as many files; if
// not it says so.
func (o outputFlags) valid(command string) bool {
	formats, files := o.targets()
	for _, f := range formats {
		if !slices.Contains(report.Formats, f) {
			fmt.Fprintf(os.Stderr, "%s: unknown format %q: use one of %s\n", command, f, strings.Join(report.Formats, ", "))
			return false
		}
	}
	if len(files) != len(formats) {
		fmt.Fprintf(os.Stderr, "%s: %d formats but %d -o files: give one file (or \"-\" for standard output) per format\n", command, len(formats), len(files))
		return false
	}
	return true
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
