package cookielint_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/browser"
	"github.com/cookielint/cookielint/internal/testutil"
	"github.com/cookielint/cookielint/policy"
)

// section returns the text of a document under a heading, up to the
// next heading of the same or a higher level.
func section(t *testing.T, doc, heading string) string {
	t.Helper()
	i := strings.Index(doc, "\n"+heading+"\n")
	if i < 0 {
		t.Fatalf("no %q", heading)
	}
	readme := doc
	rest := readme[i+len(heading)+2:]
	level := strings.Count(strings.Fields(heading)[0], "#")
	for _, l := range regexp.MustCompile(`(?m)^#+ `).FindAllStringIndex(rest, -1) {
		if l[1]-l[0]-1 <= level {
			return rest[:l[0]]
		}
	}
	return rest
}

func tableKeys(text string) []string {
	var keys []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]+)`").FindAllStringSubmatch(text, -1) {
		keys = append(keys, m[1])
	}
	return keys
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return "\n" + string(b)
}

// The reference in docs/ matches the code: the checks table
// (docs/checks.md), the linter's flags (docs/commands.md) and the policy
// fields (docs/policy.md).
func TestDocsMatchCode(t *testing.T) {
	var ids []string
	for _, c := range cookielint.Checks {
		ids = append(ids, c.ID)
	}
	if got := tableKeys(section(t, readDoc(t, "docs/checks.md"), "## The checks")); !slices.Equal(got, ids) {
		t.Errorf("docs/checks.md checks table %v, code %v", got, ids)
	}

	var flags []string
	cookielint.Analyzer.Flags.VisitAll(func(f *flag.Flag) { flags = append(flags, "-"+f.Name) })
	got := tableKeys(section(t, readDoc(t, "docs/commands.md"), "## The linter's flags"))
	for _, f := range flags {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, f+" ") || g == f
		}
		if !found {
			t.Errorf("flag %s is not in the flags table of docs/commands.md %v", f, got)
		}
	}

	ref := readDoc(t, "docs/policy.md")
	top, defaults, entry := policy.Fields()
	for _, f := range slices.Concat(top, defaults, entry) {
		if !regexp.MustCompile("`(defaults\\.|cookies\\[\\]\\.)?" + regexp.QuoteMeta(f) + "`").MatchString(ref) {
			t.Errorf("policy field %q is not in the reference of docs/policy.md", f)
		}
	}
}

// The README opens with the two commands, maps every page of docs/, and
// no relative link in the README or docs/ is broken.
func TestDocsLinks(t *testing.T) {
	readme := readDoc(t, "README.md")
	if !strings.HasPrefix(readme, "\n# cookielint\n\n```sh\ngo run ./cmd/cookielint ./examples/...") || !strings.Contains(readme, "\ngo test ./...") {
		t.Errorf("README does not open with the two commands")
	}
	// The full suite's command is CI's: the switch the end-to-end tests read.
	full := testutil.E2EEnv + "=1 go test -timeout 60m ./..."
	ci, err := os.ReadFile(".ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(readme, "\n"+full) || !strings.Contains(string(ci), "\n"+full+"\n") {
		t.Errorf("README and .ci/run do not both run the end-to-end suites with %q", full)
	}
	// CI runs the browser tests: it looks for the browser under the
	// names the scan tries, installs Chromium when none is found, and
	// makes a missing browser fail the tests.
	names := "for name in " + strings.Join(browser.ChromeNames(), " ") + "; do\n"
	if !strings.Contains(string(ci), names) || !strings.Contains(string(ci), "apt-get install -y -qq chromium") || !strings.Contains(string(ci), "\nexport "+testutil.RequireChromeEnv+"=1\n") {
		t.Errorf(".ci/run does not look for the browser with %q, install chromium and export %s=1", names, testutil.RequireChromeEnv)
	}
	pages, err := filepath.Glob("docs/*.md")
	if err != nil || len(pages) == 0 {
		t.Fatal("no docs", err)
	}
	for _, p := range pages {
		if !strings.Contains(readme, "]("+p+")") {
			t.Errorf("README does not link %s", p)
		}
	}
	link := regexp.MustCompile(`\]\(([^)#\s]+)(#[^)]*)?\)`)
	for _, doc := range append(pages, "README.md", "BENCHMARKS.md") {
		text := readDoc(t, doc)
		for _, m := range link.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if strings.Contains(target, "://") {
				continue
			}
			path := filepath.Join(filepath.Dir(doc), target)
			if _, err := os.Stat(path); err != nil {
				t.Errorf("%s: broken link %s", doc, m[0])
				continue
			}
			if anchor := strings.TrimPrefix(m[2], "#"); anchor != "" && strings.HasSuffix(path, ".md") && !hasAnchor(t, path, anchor) {
				t.Errorf("%s: link %s: %s has no heading for #%s", doc, m[0], path, anchor)
			}
		}
	}
}

// hasAnchor reports whether a Markdown file has a heading whose GitHub
// anchor is anchor.
func hasAnchor(t *testing.T, path, anchor string) bool {
	for _, h := range regexp.MustCompile(`(?m)^#+ (.*)$`).FindAllStringSubmatch(readDoc(t, path), -1) {
		slug := strings.Map(func(r rune) rune {
			switch {
			case r == ' ':
				return '-'
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				return unicode.ToLower(r)
			}
			return -1
		}, h[1])
		if slug == anchor {
			return true
		}
	}
	return false
}
