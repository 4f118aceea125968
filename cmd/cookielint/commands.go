package main

// The command surface: the subcommands with their flags and one-line
// summaries, help, and the one-line errors (with the closest valid name)
// for a flag or a command that does not exist.

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// A command is a subcommand of cookielint.
type command struct {
	name    string // as typed after cookielint: "report", "policy render"
	args    string // what follows the flags, for the usage line
	summary string // one line, for the list of commands
	detail  string // a paragraph for help COMMAND
	// minArgs and maxArgs bound the arguments after the flags; maxArgs < 0:
	// any number.
	minArgs, maxArgs int
	// flags defines the command's flags on fs and returns what runs it
	// with the arguments after them. Nil for a group (policy).
	flags func(fs *flag.FlagSet) func(args []string) int
	subs  []*command // the commands of a group
}

// commands lists the subcommands in the order help shows them.
func commands() []*command {
	return []*command{
		{name: "report", args: "packages...", minArgs: 1, maxArgs: -1, flags: reportFlags,
			summary: "lint and write a report for CI (text, json, sarif, github)",
			detail:  "report runs the linter and writes its findings in a format for CI. With -baseline, only findings not recorded there are reported; -write-baseline records today's."},
		{name: "inventory", args: "packages...", minArgs: 1, maxArgs: -1, flags: inventoryFlags,
			summary: "list the cookies the code sets and the policy entries it does not",
			detail:  "inventory lists, in file order, every cookie the packages set (name, attributes, the function and file:line), the policy entries no code sets, and the calls that look like cookie APIs no model covers."},
		{name: "scan", args: "URL...", minArgs: 1, maxArgs: -1, flags: scanFlags,
			summary: "check the cookies live URLs set, as a fresh visitor or (-browser) in a real browser",
			detail:  "scan requests each URL as a fresh visitor (no cookies, no consent), follows redirects and, with -depth, same-origin links of HTML pages, and checks every Set-Cookie against the policy. With -browser it loads the pages in headless Chromium and checks every cookie the browser stores, those scripts write included, saying where each came from. With -agree CATEGORY,... the visitor brings the consent record the policy declares (consent: record), and only cookies of other categories need consent. It is for your own site or staging: it fills no forms. Exit status: 0 clean, 3 findings, 1 a page that could not be fetched or settle, or a browser that could not start."},
		{name: "policy", summary: "check, render or start a policy file (check, render, init)",
			subs: []*command{
				{name: "policy check", args: "FILE", minArgs: 1, maxArgs: 1, flags: policyCheckFlags,
					summary: "check a policy file: each error with file:line:col",
					detail:  "check validates a policy file as the linter reads it and prints every error with its file:line:col."},
				{name: "policy render", args: "FILE", minArgs: 1, maxArgs: 1, flags: policyRenderFlags,
					summary: "write the policy's cookie table (markdown, html, tcf)",
					detail:  "render writes the policy's cookie table, grouped by category, for the published cookie policy."},
				{name: "policy init", args: "packages...", minArgs: 1, maxArgs: -1, flags: policyInitFlags,
					summary: "print a starter policy from the cookies the code sets",
					detail:  "init prints a starter policy with an entry for every constant cookie name the packages set, each marked TODO for the team to complete."},
			}},
		{name: "help", args: "[COMMAND]", minArgs: 0, maxArgs: 2, flags: helpFlags,
			summary: "show this help, or a command's flags"},
		{name: "version", args: "", minArgs: 0, maxArgs: 0, flags: versionFlags,
			summary: "print cookielint's version"},
	}
}

// findCommand returns the command named by the first words of args and
// the arguments after them; nil when args[0] names none.
func findCommand(args []string) (*command, []string) {
	if len(args) == 0 {
		return nil, nil
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		if c.subs == nil || len(args) < 2 {
			return c, args[1:]
		}
		for _, s := range c.subs {
			if s.name == c.name+" "+args[1] {
				return s, args[2:]
			}
		}
		return c, args[1:]
	}
	return nil, nil
}

// runCommand parses the command's flags and runs it.
func runCommand(c *command, args []string) int {
	if c.subs != nil {
		if len(args) == 0 || isHelp(args[0]) {
			w, code := io.Writer(os.Stderr), 1
			if len(args) > 0 {
				w, code = os.Stdout, 0
			}
			printCommandHelp(w, c)
			return code
		}
		fmt.Fprintln(os.Stderr, unknownError("cookielint "+c.name, "command", args[0], subNames(c)))
		return 1
	}
	fs := flag.NewFlagSet("cookielint "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	run := c.flags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(os.Stdout, c)
			return 0
		}
		fmt.Fprintln(os.Stderr, flagError(fs, err))
		return 1
	}
	if n := fs.NArg(); n < c.minArgs || c.maxArgs >= 0 && n > c.maxArgs {
		fmt.Fprintf(os.Stderr, "usage: %s\nRun 'cookielint help %s' for its flags.\n", usageLine(c), c.name)
		return 1
	}
	if misplaced := flagAfterArgs(fs.Args()); misplaced != "" {
		fmt.Fprintf(os.Stderr, "cookielint %s: flag %s after the arguments: flags go first (usage: %s)\n", c.name, misplaced, usageLine(c))
		return 1
	}
	return run(fs.Args())
}

func isHelp(a string) bool {
	switch a {
	case "-h", "-help", "--help", "--h":
		return true
	}
	return false
}

func subNames(c *command) []string {
	var out []string
	for _, s := range c.subs {
		out = append(out, strings.TrimPrefix(s.name, c.name+" "))
	}
	return out
}

func usageLine(c *command) string {
	s := "cookielint " + c.name
	if c.flags != nil {
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		c.flags(fs)
		if hasFlags(fs) {
			s += " [flags]"
		}
	}
	if c.args != "" {
		s += " " + c.args
	}
	return s
}

// printHelp is cookielint help: the commands, the linter's flags and the
// exit codes.
func printHelp(w io.Writer) {
	fmt.Fprint(w, `cookielint checks the cookies a Go program sets against its declared cookie
policy (cookie-policy.yaml) and the cookie standards.

Usage:
  cookielint [flags] packages...      lint the packages
  cookielint COMMAND [arguments]
  go vet -vettool=$(command -v cookielint) [flags] packages...

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nFlags of the linter:\n")
	fs := linterFlags(false)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprint(w, `
Exit status: 0 no findings, 3 findings, 1 an error (a bad policy file,
packages that do not load, a bad flag or command).

Run 'cookielint help COMMAND' for a command's flags. Documentation:
`+docsURL+`
`)
}

// docsURL is where the documentation is published.
const docsURL = "https://github.com/cookielint/cookielint/tree/main/docs"

// printCommandHelp is cookielint help COMMAND.
func printCommandHelp(w io.Writer, c *command) {
	if c.subs != nil {
		fmt.Fprintf(w, "usage: cookielint %s COMMAND [arguments]\n\n", c.name)
		for _, s := range c.subs {
			fmt.Fprintf(w, "  %-14s %s\n", strings.TrimPrefix(s.name, c.name+" "), s.summary)
		}
		fmt.Fprintf(w, "\nRun 'cookielint help %s COMMAND' for a command's flags.\n", c.name)
		return
	}
	fmt.Fprintf(w, "usage: %s\n\n", usageLine(c))
	text := c.detail
	if text == "" {
		text = c.summary
	}
	fmt.Fprintln(w, wrap(text, 76))
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.flags(fs)
	if hasFlags(fs) {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// wrap breaks text into lines of at most width characters.
func wrap(text string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		if n > 0 && n+1+len(w) > width {
			b.WriteString("\n")
			n = 0
		} else if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += len(w)
	}
	return b.String()
}

func helpFlags(fs *flag.FlagSet) func([]string) int {
	return func(args []string) int {
		if len(args) == 0 {
			printHelp(os.Stdout)
			return 0
		}
		c, rest := findCommand(args)
		if c == nil {
			fmt.Fprintln(os.Stderr, unknownError("cookielint help", "command", args[0], commandNames()))
			return 1
		}
		if len(rest) > 0 {
			fmt.Fprintln(os.Stderr, unknownError("cookielint help "+c.name, "command", rest[0], subNames(c)))
			return 1
		}
		printCommandHelp(os.Stdout, c)
		return 0
	}
}

func commandNames() []string {
	var out []string
	for _, c := range commands() {
		out = append(out, c.name)
	}
	return out
}

// linterFlags are the flags of cookielint packages...: the analyzer's,
// the driver's and singlechecker's. The hidden ones (go vet's protocol,
// singlechecker's deprecated and debugging flags, -test) are accepted but
// not shown in help.
func linterFlags(hidden bool) *flag.FlagSet {
	fs := flag.NewFlagSet("cookielint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	analyzerFlags().VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	fs.Bool("fix", false, "apply the suggested fixes")
	fs.Bool("diff", false, "with -fix, print the fixes as a unified diff instead of applying them")
	fs.Bool("json", false, "print the findings as JSON on standard output (exit 0 with findings)")
	fs.Int("c", -1, "print each finding's line with this many lines of context")
	fs.String("cpuprofile", "", "write a CPU profile to this file")
	fs.String("memprofile", "", "write a memory profile to this file")
	if hidden {
		if f := analyzerFlags().Lookup("tests"); f != nil {
			fs.Var(f.Value, "test", "") // singlechecker's name for -tests
		}
		fs.Bool("flags", false, "") // go vet asks for the flags
		fs.String("V", "", "")      // go vet asks for the version
		fs.String("debug", "", "")
		fs.String("trace", "", "")
		fs.Bool("source", false, "")
		fs.Bool("v", false, "")
		fs.Bool("all", false, "")
		fs.String("tags", "", "")
	}
	return fs
}

// checkLinterArgs checks the linter's command line before anything is
// loaded: every flag known, packages named, no flag after them, no
// misspelt command. It returns an error message, or "" when the command
// line is good. help is true for -h.
func checkLinterArgs(args []string) (msg string, help bool) {
	fs := linterFlags(true)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return "", true
		}
		return flagError(fs, err), false
	}
	if fs.NArg() == 0 {
		return "cookielint: no packages: cookielint [flags] packages... (for example ./...); run 'cookielint help' for the commands and flags", false
	}
	if misplaced := flagAfterArgs(fs.Args()); misplaced != "" {
		return fmt.Sprintf("cookielint: flag %s after the packages: flags go first (cookielint [flags] packages...)", misplaced), false
	}
	if w := fs.Arg(0); bareWord(w) && !isPackage(w) {
		return unknownError("cookielint", "command or package", w, commandNames()), false
	}
	return "", false
}

// flagAfterArgs returns the first argument that looks like a flag after
// the positional arguments began, or "".
func flagAfterArgs(args []string) string {
	for _, a := range args {
		if a == "--" {
			return ""
		}
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			return a
		}
	}
	return ""
}

// bareWord reports whether a is a single word, as a command is and a
// package pattern is only for the standard library or a one-word module.
func bareWord(a string) bool {
	return a != "" && !strings.ContainsAny(a, "/.\\:") && !strings.HasSuffix(a, ".cfg")
}

// isPackage reports whether a bare word names a standard library package,
// one of go's package patterns (std, cmd, all, tool, work) or the main
// module's path.
func isPackage(w string) bool {
	switch w {
	case "std", "cmd", "all", "tool", "work":
		return true
	}
	if fi, err := os.Stat(filepath.Join(runtime.GOROOT(), "src", w)); err == nil && fi.IsDir() {
		return true
	}
	if cwd, err := os.Getwd(); err == nil {
		if b, err := os.ReadFile(filepath.Join(moduleRoot(cwd), "go.mod")); err == nil {
			for _, line := range strings.Split(string(b), "\n") {
				if f := strings.Fields(line); len(f) == 2 && f[0] == "module" && strings.Trim(f[1], `"`) == w {
					return true
				}
			}
		}
	}
	return false
}

// flagError turns the flag package's error into one line naming the
// closest flag the command has.
func flagError(fs *flag.FlagSet, err error) string {
	const undefined = "flag provided but not defined: -"
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, undefined); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) {
			if f.Usage != "" { // not a hidden one
				names = append(names, f.Name)
			}
		})
		return unknownError(fs.Name(), "flag", "-"+name, prefixed("-", names))
	}
	help := "cookielint help"
	if fs.Name() != "cookielint" {
		help = "cookielint help " + strings.TrimPrefix(fs.Name(), "cookielint ")
	}
	return fmt.Sprintf("%s: %s (run '%s' for the flags)", fs.Name(), msg, help)
}

func prefixed(p string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

// unknownError is the one line for a name that does not exist among
// valid: the closest one when one is close, else the list.
func unknownError(where, what, name string, valid []string) string {
	if c := closest(name, valid); c != "" {
		if what == "command or package" {
			what = "command"
		}
		return fmt.Sprintf("%s: unknown %s %s: did you mean %s?", where, what, name, c)
	}
	if what == "command or package" {
		pkg := "./..."
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			pkg = "./" + name
		}
		return fmt.Sprintf("%s: %s is neither a command (%s) nor a package: name packages as go does, for example %s", where, name, strings.Join(valid, ", "), pkg)
	}
	return fmt.Sprintf("%s: unknown %s %s: use one of %s", where, what, name, strings.Join(valid, ", "))
}

// closest returns the valid name nearest to name in edit distance, if it
// is near enough to be a typo (or name is a prefix of it), else "".
func closest(name string, valid []string) string {
	best, bestD := "", 0
	for _, v := range valid {
		d := editDistance(strings.TrimLeft(name, "-"), strings.TrimLeft(v, "-"))
		if best == "" || d < bestD {
			best, bestD = v, d
		}
	}
	n := len(strings.TrimLeft(name, "-"))
	limit := 2
	if n <= 4 {
		limit = 1
	}
	if best != "" && bestD <= limit {
		return best
	}
	for _, v := range valid {
		if n >= 2 && strings.HasPrefix(strings.TrimLeft(v, "-"), strings.TrimLeft(name, "-")) {
			return v
		}
	}
	return ""
}

// editDistance is the Damerau-Levenshtein distance (adjacent
// transpositions count one).
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
