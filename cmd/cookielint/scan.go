package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/browser"
	"github.com/cookielint/cookielint/internal/scan"
	"github.com/cookielint/cookielint/report"
	"github.com/cookielint/cookielint/rules"
)

// scanFlags defines scan's flags: it requests pages as a visitor, with
// an HTTP client or (-browser) in headless Chromium, and checks their
// cookies.
func scanFlags(fs *flag.FlagSet) func(args []string) int {
	policyFile := fs.String("policy", "", "policy file (default: the nearest "+cookielint.DefaultPolicyFile+" from the current directory)")
	depth := fs.Int("depth", 0, "follow same-origin links of HTML pages this many levels deep")
	maxPages := fs.Int("max-pages", 100, "request at most this many pages (without -browser, redirects included)")
	timeout := fs.Duration("timeout", 10*time.Second, "give up on a page that has not answered (with -browser: loaded and settled) within this long")
	agree := fs.String("agree", "", "play a visitor who agreed to these categories (comma-separated), with the consent record the policy declares (consent: record)")
	useBrowser := fs.Bool("browser", false, "load the pages in headless Chromium and check every cookie it stores, scripts' included")
	chrome := fs.String("chrome", "", "with -browser: the browser to run (default: $"+browser.ChromeEnv+", or chromium, google-chrome or chrome on PATH)")
	settle := fs.Duration("settle", time.Second, "with -browser: how long scripts' timers may run once the network is idle")
	out := addOutputFlags(fs, report.Formats, "text")
	return func(args []string) int {
		if !out.valid(fs.Name()) {
			return 1
		}
		var agreed []string
		if *agree != "" {
			agreed = []string{}
			for c := range strings.SplitSeq(*agree, ",") {
				if c = strings.TrimSpace(c); c != "" && c != "none" {
					agreed = append(agreed, c)
				}
			}
		}
		p, err := runPolicy(*policyFile)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		if p == nil {
			fmt.Fprintln(os.Stderr, "cookielint scan: no policy: give -policy, or run where a "+cookielint.DefaultPolicyFile+" is found (attributes are checked against the defaults)")
		}
		// Ctrl-C ends the scan, and the browser with it, before the
		// command exits.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		var (
			findings []report.Finding
			errs     []error
			summary  string
		)
		if *useBrowser {
			path, err := browser.FindChrome(*chrome)
			if err != nil {
				fmt.Fprintln(os.Stderr, "cookielint scan:", err)
				return 1
			}
			res, err := browser.Run(ctx, browser.Config{Policy: p, Chrome: path, Depth: *depth, MaxPages: *maxPages, Timeout: *timeout, Settle: *settle, Agree: agreed}, args)
			if err != nil {
				if errors.Is(err, context.Canceled) {
					err = errors.New("interrupted")
				}
				res.Errors = append(res.Errors, err)
			}
			for _, f := range res.Findings {
				findings = append(findings, report.Finding{Rule: f.Check, Message: f.Text(), File: f.URL, Cookie: f.Cookie})
			}
			errs, summary = res.Errors, fmt.Sprintf("%d pages, %d cookies", res.Pages, res.Cookies)
		} else {
			res := scan.Run(ctx, scan.Config{Policy: p, Depth: *depth, MaxPages: *maxPages, Timeout: *timeout, Agree: agreed}, args)
			if ctx.Err() != nil {
				res.Errors = append(res.Errors, errors.New("interrupted"))
			}
			for _, f := range res.Findings {
				findings = append(findings, report.Finding{Rule: f.Check, Message: f.Text(rules.HeaderHint), File: f.URL, Cookie: f.Cookie})
			}
			errs, summary = res.Errors, fmt.Sprintf("%d pages", res.Pages)
		}
		for _, e := range errs {
			fmt.Fprintln(os.Stderr, "cookielint scan:", e)
		}
		findings = report.Finish(findings)
		if !out.write(fs.Name(), findingsWriter("", findings)) {
			return 1
		}
		fmt.Fprintf(os.Stderr, "cookielint scan: %s, %d findings\n", summary, len(findings))
		return exitCode(len(errs) > 0, len(findings))
	}
}
