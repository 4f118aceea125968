package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/policy"
)

// policyCheckFlags: policy check validates a policy file.
func policyCheckFlags(fs *flag.FlagSet) func(args []string) int {
	return func(args []string) int {
		p, err := policy.Load(args[0])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		for _, w := range p.Warnings() {
			fmt.Fprintf(os.Stderr, "warning: %v\n", w)
		}
		fmt.Printf("%s: ok: %d cookie entries\n", args[0], len(p.Cookies))
		return 0
	}
}

// policyRenderFlags: policy render writes the cookie table.
func policyRenderFlags(fs *flag.FlagSet) func(args []string) int {
	format := fs.String("format", "markdown", "output format: markdown, html or tcf")
	return func(args []string) int { return policyRender(args[0], *format) }
}

func policyRender(file, format string) int {
	p, err := policy.Load(file)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	switch format {
	case "markdown", "md":
		err = policy.RenderMarkdown(os.Stdout, p)
	case "html":
		err = policy.RenderHTML(os.Stdout, p)
	case "tcf":
		err = policy.RenderTCF(os.Stdout, p)
	default:
		fmt.Fprintf(os.Stderr, "cookielint policy render: unknown format %q: use markdown, html or tcf\n", format)
		return 1
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cookielint policy render:", err)
		return 1
	}
	return 0
}

// policyInitFlags: policy init prints a starter policy naming every
// constant cookie the code sets, for the team to complete.
func policyInitFlags(fs *flag.FlagSet) func(args []string) int {
	tests := fs.Bool("tests", false, "also read _test.go files")
	return func(args []string) int { return policyInit(args, *tests) }
}

func policyInit(patterns []string, tests bool) int {
	// No policy: every cookie is found, none is matched.
	a := cookielint.NewAnalyzer(cookielint.Config{Policy: []byte("version: 1\n"), PolicyName: "(none)", Tests: tests})
	sets, _, failed := inventory(a, tests, patterns)
	if failed {
		return 1
	}
	type seen struct {
		where   []string
		deleted bool // only ever deleted
	}
	names := map[string]*seen{}
	for _, s := range sets {
		if s.Computed || !policy.IsToken(s.Name) {
			continue
		}
		n := names[s.Name]
		if n == nil {
			n = &seen{deleted: true}
			names[s.Name] = n
		}
		n.deleted = n.deleted && s.Deletion
		n.where = append(n.where, relTo(s.Position.Filename)+fmt.Sprintf(":%d", s.Position.Line))
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var b strings.Builder
	b.WriteString(`# yaml-language-server: $schema=https://raw.githubusercontent.com/cookielint/cookielint/main/policy.schema.json
# A starter cookie policy written by "cookielint policy init": every
# constant cookie name the code sets. Fill in each provider, function and
# purpose, give each a category (necessary, preferences, statistics or
# marketing) and a party (first or third), then save it as
# cookie-policy.yaml and check it with "cookielint policy check".
version: 1
defaults:
  secure: true
  httpOnly: true
cookies:
`)
	if len(sorted) == 0 {
		b.WriteString("  []\n")
	}
	for _, n := range sorted {
		s := names[n]
		where := s.where
		if len(where) > 3 {
			where = append(where[:3:3], "...")
		}
		fmt.Fprintf(&b, "  # set at %s", strings.Join(where, ", "))
		if s.deleted {
			b.WriteString(" (only deleted: a legacy cookie?)")
		}
		fmt.Fprintf(&b, "\n  - name: %q\n    provider: \"TODO\"\n    function: \"TODO\"\n    purpose: \"TODO\"\n", n)
	}
	fmt.Print(b.String())
	return 0
}
