package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// help and -h list every command with its line, the linter's flags and
// the exit codes, and hide the flags kept only for go vet and scripts.
func TestHelp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		out, code := run(t, dir, bin, args...)
		if code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		for _, c := range commands() {
			if !strings.Contains(out, "  "+c.name+" ") || !strings.Contains(out, c.summary) {
				t.Errorf("%v: command %s or its line missing:\n%s", args, c.name, out)
			}
		}
		for _, want := range []string{"-policy", "-strict", "-tests", "-fix", "-json", "Exit status: 0 no findings, 3 findings, 1 an error"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: %q missing:\n%s", args, want, out)
			}
		}
		for _, hidden := range []string{"-all", "-source", "-tags", "-v\n", "-test\n", "-flags", "-debug", "deprecated"} {
			if strings.Contains(out, hidden) {
				t.Errorf("%v: shows %q:\n%s", args, hidden, out)
			}
		}
	}
	// No arguments: the same help, as an error.
	if out, code := run(t, dir, bin); code != 1 || !strings.Contains(out, "Commands:") {
		t.Errorf("no arguments: exit %d:\n%s", code, out)
	}
}

// help COMMAND shows that command's flags; a group lists its commands.
func TestHelpCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"help", "report"}, []string{"usage: cookielint report [flags] packages...", "-baseline", "-format", "-write-baseline"}},
		{[]string{"report", "-h"}, []string{"usage: cookielint report [flags] packages...", "-baseline"}},
		{[]string{"help", "scan"}, []string{"usage: cookielint scan [flags] URL...", "-depth", "-max-pages", "-timeout"}},
		{[]string{"help", "inventory"}, []string{"-format", "output format: text, json, csv"}},
		{[]string{"help", "policy"}, []string{"check ", "render ", "init ", "cookielint help policy COMMAND"}},
		{[]string{"help", "policy", "render"}, []string{"usage: cookielint policy render [flags] FILE", "markdown, html or tcf"}},
		{[]string{"help", "policy", "check"}, []string{"usage: cookielint policy check FILE"}},
		{[]string{"help", "version"}, []string{"usage: cookielint version"}},
	} {
		out, code := run(t, dir, bin, tc.args...)
		if code != 0 {
			t.Errorf("%v: exit %d:\n%s", tc.args, code, out)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: %q missing:\n%s", tc.args, w, out)
			}
		}
	}
}

// A flag or command that does not exist: one line naming the closest
// valid one, exit 1, and no package is loaded.
func TestUnknownFlagsAndCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "web"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-strcit", "./..."}, "cookielint: unknown flag -strcit: did you mean -strict?"},
		{[]string{"-polcy=x.yaml", "./..."}, "cookielint: unknown flag -polcy: did you mean -policy?"},
		{[]string{"--test=false", "-josn", "./..."}, "cookielint: unknown flag -josn: did you mean -json?"},
		{[]string{"-frobnicate", "./..."}, "cookielint: unknown flag -frobnicate: use one of -c, -cpuprofile, -diff, -fix, -json, -memprofile, -policy, -strict, -tests"},
		{[]string{"reprot", "./..."}, "cookielint: unknown command reprot: did you mean report?"},
		{[]string{"inventroy", "./..."}, "cookielint: unknown command inventroy: did you mean inventory?"},
		{[]string{"web"}, "cookielint: web is neither a command (report, inventory, scan, policy, help, version) nor a package: name packages as go does, for example ./web"},
		{[]string{"./...", "-strict"}, "cookielint: flag -strict after the packages: flags go first (cookielint [flags] packages...)"},
		{[]string{"-strict"}, "cookielint: no packages: cookielint [flags] packages... (for example ./...)"},
		{[]string{"report", "-fromat=json", "./..."}, "cookielint report: unknown flag -fromat: did you mean -format?"},
		{[]string{"report", "./...", "-format=json"}, "cookielint report: flag -format=json after the arguments: flags go first"},
		{[]string{"policy", "rendr", "x.yaml"}, "cookielint policy: unknown command rendr: did you mean render?"},
		{[]string{"help", "sacn"}, "cookielint help: unknown command sacn: did you mean scan?"},
		{[]string{"scan", "-dpeth", "2", "http://127.0.0.1:1/"}, "cookielint scan: unknown flag -dpeth: did you mean -depth?"},
		{[]string{"-c", "many", "./..."}, `cookielint: invalid value "many" for flag -c: parse error (run 'cookielint help' for the flags)`},
	} {
		out, code := run(t, dir, bin, tc.args...)
		if code != 1 || !strings.HasPrefix(out, tc.want) || strings.Count(strings.TrimSpace(out), "\n") > 1 {
			t.Errorf("%v: exit %d, want 1 and a line starting %q:\n%s", tc.args, code, tc.want, out)
		}
		if strings.Contains(out, "go.mod") || strings.Contains(out, "no required module") || strings.Contains(out, "is not in std") {
			t.Errorf("%v: a package-load error:\n%s", tc.args, out)
		}
	}
}

// go's own package patterns and standard library packages are packages,
// not misspelt commands.
func TestBareWordPackages(t *testing.T) {
	for w, want := range map[string]bool{"std": true, "all": true, "cmd": true, "fmt": true, "web": false, "reprot": false} {
		if got := isPackage(w); got != want {
			t.Errorf("isPackage(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestVersionCommand(t *testing.T) {
	t.Parallel()
	out, code := run(t, t.TempDir(), bin, "version")
	if code != 0 || !strings.HasPrefix(out, "cookielint ") || !strings.Contains(out, "(go1.") {
		t.Errorf("version: exit %d: %q", code, out)
	}
	// What the go command records in the binary decides the words.
	for _, tc := range []struct {
		main     string
		settings map[string]string
		want     string
	}{
		{"v1.4.2", nil, "v1.4.2"}, // go install ...@v1.4.2
		{"(devel)", nil, "devel"}, // go run, no VCS stamp
		{"", nil, "devel"},        // no build info
		{"(devel)", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "true"}, "devel (revision 0123456789ab, modified)"},
		{"v0.0.0-20261129034926-0123456789ab+dirty", map[string]string{"vcs.revision": "0123456789abcdef0123", "vcs.modified": "true"}, "v0.0.0-20261129034926-0123456789ab+dirty"},
		{"v1.5.0", map[string]string{"vcs.revision": "fedcba9876543210"}, "v1.5.0 (revision fedcba987654)"},
	} {
		bi := &debug.BuildInfo{Main: debug.Module{Version: tc.main}}
		for k, v := range tc.settings {
			bi.Settings = append(bi.Settings, debug.BuildSetting{Key: k, Value: v})
		}
		if got := versionOf(bi); got != tc.want {
			t.Errorf("versionOf(%q, %v) = %q, want %q", tc.main, tc.settings, got, tc.want)
		}
	}
}

// -json lists each finding once, with -tests too (a package with tests is
// loaded twice, as itself and as its test variant), and -tests (or its
// old name -test) adds the findings of _test.go files.
func TestJSONOnce(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	src := "package app\n\nimport (\n\t\"net/http\"\n\t\"testing\"\n)\n\nfunc TestHelper(t *testing.T) {\n\thttp.SetCookie(nil, &http.Cookie{Name: \"testonly\", Value: \"v\"})\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "app", "app_test.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	count := func(args ...string) (total int, inTests int) {
		t.Helper()
		out, code := run(t, dir, bin, append(args, "./...")...)
		if code != 0 {
			t.Fatalf("%v: exit %d:\n%s", args, code, out)
		}
		// {"pkg": {"cookielint": [diagnostics]}}
		var res map[string]map[string]json.RawMessage
		start := strings.Index(out, "{")
		if start < 0 || json.Unmarshal([]byte(out[start:]), &res) != nil {
			t.Fatalf("%v: not JSON:\n%s", args, out)
		}
		seen := map[string]bool{}
		for _, byAnalyzer := range res {
			var diags []struct {
				Posn    string `json:"posn"`
				Message string `json:"message"`
			}
			if json.Unmarshal(byAnalyzer["cookielint"], &diags) != nil {
				continue
			}
			for _, d := range diags {
				key := d.Posn + " " + d.Message
				if seen[key] {
					t.Errorf("%v: listed twice: %s", args, key)
				}
				seen[key] = true
				total++
				if strings.Contains(d.Posn, "_test.go") {
					inTests++
				}
			}
		}
		return total, inTests
	}
	plain, plainTests := count("-json")
	withTests, inTests := count("-json", "-tests")
	oldName, oldInTests := count("-json", "-test")
	if plain == 0 || plainTests != 0 {
		t.Errorf("-json: %d findings, %d in tests", plain, plainTests)
	}
	if inTests == 0 || withTests != plain+inTests {
		t.Errorf("-json -tests: %d findings, %d in tests; without -tests %d", withTests, inTests, plain)
	}
	if oldName != withTests || oldInTests != inTests {
		t.Errorf("-json -test: %d findings (%d in tests), want what -tests gives (%d, %d)", oldName, oldInTests, withTests, inTests)
	}
}

func TestClosest(t *testing.T) {
	t.Parallel()
	valid := []string{"report", "inventory", "scan", "policy", "help", "version"}
	for name, want := range map[string]string{
		"reprot": "report", "rep": "report", "scna": "scan", "polcy": "policy", "hlep": "help",
		"versoin": "version", "inv": "inventory", "xyz": "", "fmt": "", "./...": "",
	} {
		if got := closest(name, valid); got != want {
			t.Errorf("closest(%q) = %q, want %q", name, got, want)
		}
	}
}
