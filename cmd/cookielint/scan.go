package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/scan"
	"github.com/cookielint/cookielint/report"
	"github.com/cookielint/cookielint/rules"
)

// scanFlags defines scan's flags: it requests pages as a fresh visitor
// and checks their cookies.
func scanFlags(fs *flag.FlagSet) func(args []string) int {
	policyFile := fs.String("policy", "", "policy file (default: the nearest "+cookielint.DefaultPolicyFile+" from the current directory)")
	depth := fs.Int("depth", 0, "follow same-origin links of HTML pages this many levels deep")
	maxPages := fs.Int("max-pages", 100, "request at most this many pages, redirects included")
	timeout := fs.Duration("timeout", 10*time.Second, "give up on a page that has not answered within this long")
	out := addOutputFlags(fs, report.Formats, "text")
	return func(args []string) int {
		if !out.valid(fs.Name()) {
			return 1
		}
		p, err := runPolicy(*policyFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if p == nil {
			fmt.Fprintln(os.Stderr, "cookielint scan: no policy: give -policy, or run where a "+cookielint.DefaultPolicyFile+" is found (attributes are checked against the defaults)")
		}
		res := scan.Run(context.Background(), scan.Config{Policy: p, Depth: *depth, MaxPages: *maxPages, Timeout: *timeout}, args)
		for _, e := range res.Errors {
			fmt.Fprintln(os.Stderr, "cookielint scan:", e)
		}
		var findings []report.Finding
		for _, f := range res.Findings {
			findings = append(findings, report.Finding{Rule: f.Check, Message: f.Text(rules.HeaderHint), File: f.URL, Cookie: f.Cookie})
		}
		findings = report.Finish(findings)
		if !out.write(fs.Name(), findingsWriter("", findings)) {
			return 1
		}
		fmt.Fprintf(os.Stderr, "cookielint scan: %d pages, %d findings\n", res.Pages, len(findings))
		return exitCode(len(res.Errors) > 0, len(findings))
	}
}
