package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/cookielint/cookielint/internal/testutil"
	"github.com/cookielint/cookielint/policy"
)

// The published cookie table, as a visitor's browser shows it: the
// example policy rendered with policy render -format html, opened in
// Chromium, read through the DOM. Every declared cookie is a row of its
// category's table, with its category and consent cells; a screenshot is
// kept as the test's artifact (go test -artifacts keeps it; -v prints
// where).
func TestPolicyPageInBrowser(t *testing.T) {
	t.Parallel()
	chrome := testutil.Chrome(t)
	src, err := filepath.Abs("../../examples/opendata/cookie-policy.yaml")
	if err != nil {
		t.Fatal(err)
	}
	html, err := exec.Command(bin, "policy", "render", "-format", "html", src).Output()
	if err != nil {
		t.Fatalf("policy render: %v", err)
	}
	page := filepath.Join(t.TempDir(), "cookies.html")
	if err := os.WriteFile(page, html, 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := policy.Load(src)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.WindowSize(1280, 800))...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx, chromedp.Navigate("file://"+filepath.ToSlash(page))); err != nil {
		t.Fatal(err)
	}
	// Each body row: its section's heading, its name cell, and the cells
	// under the Category and Consent headers of its own table.
	type row struct{ Section, Name, Category, Consent string }
	rows, err := chromedp.Run(bctx, chromedp.Evaluate[[]row](`Array.from(document.querySelectorAll("table")).flatMap(table => {
	const heads = Array.from(table.querySelectorAll("thead th"), th => th.textContent.trim());
	const cat = heads.indexOf("Category"), consent = heads.indexOf("Consent");
	const section = table.closest("section")?.querySelector("h2")?.textContent.trim() ?? "";
	return Array.from(table.querySelectorAll("tbody tr"), tr => {
		const cells = Array.from(tr.children, c => c.textContent.trim());
		return {Section: section, Name: tr.querySelector("th[scope=row]")?.textContent.trim() ?? "",
			Category: cat < 0 ? "" : cells[cat], Consent: consent < 0 ? "" : cells[consent]};
	});
})`))
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]row{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	if len(rows) != len(p.Cookies) {
		t.Errorf("%d rows for %d declared cookies: %+v", len(rows), len(p.Cookies), rows)
	}
	for _, e := range p.Cookies {
		r, ok := byName[e.Label()]
		if !ok {
			t.Errorf("%s (line %d) is no row of the page", e.Label(), e.Pos.Line)
			continue
		}
		category := strings.ToUpper(e.Category[:1]) + e.Category[1:]
		consent := "Not required"
		if p.NeedsConsent(e) {
			consent = "Required"
		}
		if r.Category != category || r.Consent != consent || r.Section != category+" cookies" {
			t.Errorf("%s: row %+v, want category %q and consent %q under %q", e.Label(), r, category, consent, category+" cookies")
		}
	}

	shot, err := chromedp.Run(bctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.ArtifactDir(), "cookie-policy.png")
	if err := os.WriteFile(file, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the policy page: %s", file)
}
