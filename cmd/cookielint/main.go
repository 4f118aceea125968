// Command cookielint checks the cookies a Go program sets against its
// declared cookie policy and the cookie standards.
//
// Usage:
//
//	cookielint [-policy FILE] [-strict] [-tests] [-fix] packages...
//	go vet -vettool=$(command -v cookielint) [-policy=FILE] packages...
//	cookielint report [-format text|json|sarif|github] [-baseline F] packages...
//	cookielint inventory [-policy F] [-format text|json|csv] packages...
//	cookielint scan [-depth N] URL...
//	cookielint policy check|render|init ...
//	cookielint help [COMMAND]
//	cookielint version
//
// Exit status: 0 when clean, 3 when there are findings, 1 for a bad policy
// file, packages that do not load, or a bad flag or command.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
	"github.com/cookielint/cookielint/internal/loading"
	"github.com/cookielint/cookielint/policy"
)

func main() {
	args := os.Args[1:]
	switch {
	case len(args) == 0:
		printHelp(os.Stderr)
		os.Exit(1)
	case args[0] == "-V=full" || args[0] == "--V=full":
		// go vet's protocol: the version line that keys its cache.
		if err := printVersion(os.Stdout, os.Executable, os.Getppid()); err != nil {
			fmt.Fprintln(os.Stderr, "cookielint:", err)
			os.Exit(1)
		}
		return
	case args[0] == "-V" || args[0] == "--V":
		fmt.Println("cookielint version " + version())
		return
	case isHelp(args[0]):
		printHelp(os.Stdout)
		return
	}
	if c, rest := findCommand(args); c != nil {
		os.Exit(runCommand(c, rest))
	}
	if !vetUnit(args) && !vetFlags(args) {
		// The command line, then the policy, before any package is
		// loaded, so that a mistake stops the run with one clear line
		// and a bad policy with every error listed once. go vet's
		// per-package runs (a .cfg argument) report it through the
		// analyzer.
		msg, help := checkLinterArgs(args)
		if help {
			printHelp(os.Stdout)
			return
		}
		if msg != "" {
			fmt.Fprintln(os.Stderr, msg)
			os.Exit(1)
		}
		path, _ := flagValue(args, "policy")
		if err := checkPolicy(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	// The usual run, -fix and -diff included, loads from source only the
	// dependencies that can set a cookie (internal/driver); what the
	// driver does not handle (-flags, go vet's per-package runs,
	// singlechecker's deprecated flags) is singlechecker's, told to load
	// test files only when -tests says so.
	if code, ok := driver.Main(cookielint.Analyzer, args, runLoading, warnUnusedModels); ok {
		os.Exit(code)
	}
	if !vetUnit(args) && !vetFlags(args) {
		os.Args = append([]string{os.Args[0], "-test=" + analyzerFlags().Lookup("tests").Value.String()}, args...)
	}
	singlechecker.Main(cookielint.Analyzer)
}

// analyzerFlags are the flags of the analyzer the command runs.
func analyzerFlags() *flag.FlagSet { return &cookielint.Analyzer.Flags }

// checkPolicy loads the policy a run will use: the -policy file, else the
// nearest cookie-policy.yaml from the current directory, if any. The
// analyzer loads a policy only when a package sets a cookie, so without
// this a broken policy of a module that sets none would go unnoticed.
func checkPolicy(flagPath string) error {
	_, err := runPolicy(flagPath)
	return err
}

// runModels and runConsent are the models and the consent section of the
// run's policy, if it has them.
var (
	runModels     *policy.Models
	runConsent    *policy.Consent
	runPolicyFile string
)

// runLoading is how the command loads packages: the dependencies that can set
// a cookie from source, the others from export data, under the built-in
// models and the run policy's.
var runLoading = loading.For(func() *policy.Models { return runModels })

type modelRef struct {
	pkg, what string
	pos       policy.Position
}

// modelPackages lists the packages a policy's models name, with the
// first model naming each.
func modelPackages(m *policy.Models) []modelRef {
	var out []modelRef
	seen := map[string]bool{}
	add := func(pkg, what string, pos policy.Position) {
		if !seen[pkg] {
			seen[pkg] = true
			out = append(out, modelRef{pkg, what, pos})
		}
	}
	for _, c := range m.Cookies {
		add(c.Pkg, "cookie type "+c.Pkg+"."+c.Name, c.Pos)
	}
	for _, s := range m.Sinks {
		add(s.Func.Pkg, "sink "+s.Func.Text, s.Pos)
	}
	for _, o := range m.Options {
		add(o.Func.Pkg, "option "+o.Func.Text, o.Pos)
	}
	for _, o := range m.Objects {
		add(o.Pkg, "object "+o.Pkg+"."+o.Name, o.Pos)
	}
	for _, l := range m.Libraries {
		add(l.Func.Pkg, "library "+l.Func.Text, l.Pos)
	}
	return out
}

// warnUnusedModels warns, without failing the run, about the policy's
// models and consent checks whose package no analyzed package is or
// imports: a misspelt path is otherwise silent (for a consent check, every
// cookie it guards would be reported as set without consent).
func warnUnusedModels(graph *checker.Graph) {
	if runModels == nil && runConsent == nil || graph == nil {
		return
	}
	loaded := map[string]bool{}
	for act := range graph.All() {
		loaded[act.Package.PkgPath] = true
	}
	if runModels != nil {
		for _, r := range modelPackages(runModels) {
			if !loaded[r.pkg] {
				fmt.Fprintf(os.Stderr, "cookielint: warning: %s:%d:%d: models: no analyzed package imports %s (%s)\n", runModels.File, r.pos.Line, r.pos.Column, r.pkg, r.what)
			}
		}
	}
	if runConsent != nil {
		for _, c := range runConsent.Checks {
			if c.Func.Pkg != "" && !loaded[c.Func.Pkg] {
				fmt.Fprintf(os.Stderr, "cookielint: warning: %s:%d:%d: consent check %s: no analyzed package is or imports %s, so no cookie is seen as guarded by it\n", runPolicyFile, c.Pos.Line, c.Pos.Column, c.Func.Text, c.Func.Pkg)
			}
		}
	}
}

// runPolicy loads the policy a run will use, as checkPolicy says; nil
// when there is none.
func runPolicy(flagPath string) (*policy.Policy, error) {
	path := flagPath
	if path == "" {
		cwd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		path = cookielint.NearestPolicy(cwd)
	}
	if path == "" {
		return nil, nil
	}
	p, err := policy.Load(path)
	if p != nil {
		runModels, runConsent, runPolicyFile = p.Models, p.Consent, p.File
	}
	return p, err
}

// flagValue finds -name=value, --name=value, -name value or --name value
// before the first non-flag argument.
func flagValue(args []string, name string) (string, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "--" {
			return "", false
		}
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			return v, true
		}
		if a == name && i+1 < len(args) {
			return args[i+1], true
		}
	}
	return "", false
}

// vetFlags reports whether go vet asks for the flags (-flags).
func vetFlags(args []string) bool {
	for _, a := range args {
		if !strings.HasPrefix(a, "-") {
			return false // flags come first
		}
		if strings.TrimLeft(a, "-") == "flags" {
			return true
		}
	}
	return false
}

func vetUnit(args []string) bool {
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}
