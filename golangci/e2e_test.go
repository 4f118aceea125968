package golangci

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cookielint/cookielint/internal/testutil"
)

// TestGolangciLint builds golangci-lint with the plugin for real, the way
// `golangci-lint custom` would but from the module proxy instead of a git
// clone, runs it on a fixture module and checks that it reports what the
// standalone command reports, facts across packages included.
func TestGolangciLint(t *testing.T) {
	ctx := testutil.E2E(t, "builds golangci-lint from source (minutes on a cold machine)", 20*time.Minute)
	repo, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()

	// The standalone command, for comparison.
	standalone := filepath.Join(tmp, "cookielint")
	mustRun(t, repo, "go", "build", "-o", standalone, "./cmd/cookielint")

	// golangci-lint built with the plugin, from the module cache (kept
	// in the user's cache while the plugin's sources do not change).
	gcl, err := testutil.CachedGolangciLint(ctx, repo)
	if err != nil {
		t.Fatal(testutil.Expired(ctx, err))
	}

	// compare runs golangci-lint and the standalone command (with args)
	// on a copy of a fixture and returns their findings.
	compare := func(name, settings string, args ...string) (dir string, got, want []string, out []byte) {
		dir = filepath.Join(tmp, name)
		copyTree(t, filepath.Join(repo, "cmd", "cookielint", "testdata", name), dir)
		writeFile(t, filepath.Join(dir, ".golangci.yml"), `version: "2"
linters:
  default: none
  enable:
    - cookielint
  settings:
    custom:
      cookielint:
        type: module
        description: checks cookies against the declared cookie policy
`+settings+`issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`)
		cmd := exec.Command(gcl, "run", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "gcl-cache"), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, _ = cmd.CombinedOutput()
		cmd = exec.Command(standalone, append(args, "./...")...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		w, _ := cmd.CombinedOutput()
		return dir, findingLines(string(out), dir), findingLines(string(w), dir), out
	}

	// A wrapper package whose undeclared name must be reported in its
	// caller.
	fixture, g, w, got := compare("vetmod", "        settings:\n          policy: cookie-policy.yaml\n", "-policy=cookie-policy.yaml")
	if len(w) != 3 || strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Fatalf("golangci-lint reports:\n%s\nthe standalone command:\n%s\n(golangci-lint output:\n%s)", strings.Join(g, "\n"), strings.Join(w, "\n"), got)
	}
	if !strings.Contains(strings.Join(g, "\n"), `app/app.go:16:2: cookie "wrapped" is not declared`) {
		t.Errorf("the wrapper's finding (a fact from another package) is missing:\n%s", strings.Join(g, "\n"))
	}

	// The consent check, a helper in another package leaving it to its
	// callers included: the policy is found by discovery.
	_, g, w, got = compare("consentmod", "")
	if len(w) != 2 || strings.Join(g, "\n") != strings.Join(w, "\n") || !strings.Contains(strings.Join(g, "\n"), "(set through track.SetVisit)") {
		t.Fatalf("consent: golangci-lint reports:\n%s\nthe standalone command:\n%s\n(golangci-lint output:\n%s)", strings.Join(g, "\n"), strings.Join(w, "\n"), got)
	}

	// An unknown setting stops golangci-lint with a clear error.
	writeFile(t, filepath.Join(fixture, ".golangci.yml"), `version: "2"
linters:
  default: none
  enable: [cookielint]
  settings:
    custom:
      cookielint:
        type: module
        settings:
          polcy: cookie-policy.yaml
`)
	cmd := exec.Command(gcl, "run", "./...")
	cmd.Dir = fixture
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+filepath.Join(tmp, "gcl-cache"))
	bad, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(bad), `unknown field "polcy"`) {
		t.Errorf("an unknown setting: err %v\n%s", err, bad)
	}
}

var lineRE = regexp.MustCompile(`(?m)^(?:\./)?([^\s:]+\.go):(\d+):(\d+): ([^\t].*?)(?: \(cookielint\))?$`)

// findingLines normalizes diagnostic lines: path relative to dir, sorted.
func findingLines(out, dir string) []string {
	out = strings.ReplaceAll(out, dir+string(filepath.Separator), "")
	var lines []string
	for _, m := range lineRE.FindAllStringSubmatch(out, -1) {
		lines = append(lines, m[1]+":"+m[2]+":"+m[3]+": "+m[4])
	}
	sort.Strings(lines)
	return lines
}

func mustRun(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	if err := testutil.CopyTree(from, to); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := testutil.WriteFile(path, content); err != nil {
		t.Fatal(err)
	}
}
