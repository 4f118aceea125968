package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/cookielint/cookielint"
)

// sarifDoc is what the tests read back of a SARIF report.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID               string            `json:"id"`
					ShortDescription map[string]string `json:"shortDescription"`
					FullDescription  map[string]string `json:"fullDescription"`
					Help             map[string]string `json:"help"`
					HelpURI          string            `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID    string            `json:"ruleId"`
			RuleIndex int               `json:"ruleIndex"`
			Message   map[string]string `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine, StartColumn, EndLine, EndColumn int
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func readSARIF(t *testing.T, out string) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return doc
}

func TestReportSARIF(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	out, code := run(t, dir, bin, "report", "-format", "sarif", "./...")
	if code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, out)
	}
	doc := readSARIF(t, out)
	if doc.Version != "2.1.0" || !strings.Contains(doc.Schema, "sarif-2.1.0") || len(doc.Runs) != 1 {
		t.Fatalf("not a SARIF 2.1.0 log: %s", out)
	}
	r := doc.Runs[0]
	if r.Tool.Driver.Name != "cookielint" {
		t.Errorf("driver %q", r.Tool.Driver.Name)
	}
	ids := map[string]int{}
	for i, rule := range r.Tool.Driver.Rules {
		ids[rule.ID] = i
		if rule.ShortDescription["text"] == "" || rule.FullDescription["text"] == "" || rule.Help["text"] == "" || !strings.HasPrefix(rule.HelpURI, "https://") || !strings.HasSuffix(rule.HelpURI, "/docs/checks.md#"+rule.ID) {
			t.Errorf("rule %s lacks a description, help or help URI", rule.ID)
		}
	}
	for _, c := range cookielint.Checks {
		if _, ok := ids[c.ID]; !ok {
			t.Errorf("no rule for check %s", c.ID)
		}
	}
	if len(r.Results) != 3 {
		t.Fatalf("%d results, want 3", len(r.Results))
	}
	if base := r.OriginalURIBaseIDs["%SRCROOT%"].URI; !strings.HasPrefix(base, "file:///") || !strings.HasSuffix(base, "/") {
		t.Errorf("%%SRCROOT%% = %q", base)
	}
	for _, res := range r.Results {
		if i, ok := ids[res.RuleID]; !ok || i != res.RuleIndex {
			t.Errorf("result rule %q (index %d) is not among the rules", res.RuleID, res.RuleIndex)
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "app/app.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("location %+v is not relative to the root", loc.ArtifactLocation)
		}
		if g := loc.Region; g.StartLine < 1 || g.StartColumn < 1 || g.EndLine < g.StartLine || g.EndColumn < 1 {
			t.Errorf("region %+v", g)
		}
		if res.Message["text"] == "" || len(res.PartialFingerprints["cookielint/v1"]) != 32 {
			t.Errorf("result without message or fingerprint: %+v", res)
		}
	}

	// Fingerprints survive a line inserted above the findings.
	app := filepath.Join(dir, "app", "app.go")
	src, _ := os.ReadFile(app)
	if err := os.WriteFile(app, []byte(strings.Replace(string(src), "func Handler", "\nfunc Handler", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out2, _ := run(t, dir, bin, "report", "-format", "sarif", "./...")
	r2 := readSARIF(t, out2).Runs[0]
	if len(r2.Results) != len(r.Results) {
		t.Fatalf("%d results after the edit", len(r2.Results))
	}
	for i := range r.Results {
		a, b := r.Results[i], r2.Results[i]
		if a.PartialFingerprints["cookielint/v1"] != b.PartialFingerprints["cookielint/v1"] {
			t.Errorf("fingerprint of %q changed when a blank line was added", a.Message["text"])
		}
		if b.Locations[0].PhysicalLocation.Region.StartLine != a.Locations[0].PhysicalLocation.Region.StartLine+1 {
			t.Errorf("the edit did not move %q", a.Message["text"])
		}
	}
	seen := map[string]bool{}
	for _, res := range r.Results {
		fp := res.PartialFingerprints["cookielint/v1"]
		if seen[fp] {
			t.Errorf("two results share fingerprint %s", fp)
		}
		seen[fp] = true
	}
}

var githubLine = regexp.MustCompile(`^::error file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::(.+)$`)

func TestReportGitHubJSONText(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	// One run, three formats.
	outs, out, code := runFormats(t, dir, "report", []string{"github", "json", "text"}, "./...")
	if code != 3 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	out = outs["github"]
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 3 || len(lines) != 3 {
		t.Fatalf("exit %d, %d lines\n%s", code, len(lines), out)
	}
	for _, l := range lines {
		m := githubLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("not a workflow command: %q", l)
			continue
		}
		if m[1] != "app/app.go" || !strings.HasPrefix(m[6], "cookielint (") || !strings.HasPrefix(m[7], "cookie ") {
			t.Errorf("fields of %q", l)
		}
	}

	out = outs["json"]
	var fs []struct {
		Rule, Message, File, Function, Cookie, Fingerprint string
		Line, Column                                       int
	}
	if err := json.Unmarshal([]byte(out), &fs); err != nil || code != 3 || len(fs) != 3 {
		t.Fatalf("json: exit %d, %v\n%s", code, err, out)
	}
	if f := fs[2]; f.Rule != "undeclared" || f.Cookie != "wrapped" || f.Function != "Handler" || f.File != "app/app.go" || f.Line != 16 || f.Fingerprint == "" {
		t.Errorf("json finding %+v", f)
	}

	out = outs["text"]
	if code != 3 || !strings.Contains(out, "app/app.go:13:2: cookie \"sessionid\" is set without Secure") || !strings.HasSuffix(strings.TrimSpace(out), "(undeclared)") {
		t.Errorf("text: exit %d\n%s", code, out)
	}

	if out, code := run(t, dir, bin, "report", "-format", "json", "./web"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("clean package: exit %d, %q", code, out)
	}
	if _, code := run(t, dir, bin, "report", "-format", "xml", "./..."); code != 1 {
		t.Errorf("unknown format: exit %d, want 1", code)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("version: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, bin, "report", "-policy", "bad.yaml", "./..."); code != 1 || !strings.Contains(out, "bad.yaml:1:10:") {
		t.Errorf("bad policy: exit %d\n%s", code, out)
	}
}

// A baseline accepts today's findings: a line inserted above them still
// passes; a new finding fails.
func TestReportBaseline(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/vetmod")
	out, code := run(t, dir, bin, "report", "-write-baseline", "baseline.json", "./...")
	if code != 0 || !strings.Contains(out, "recorded 3 findings") {
		t.Fatalf("write-baseline: exit %d\n%s", code, out)
	}
	app := filepath.Join(dir, "app", "app.go")
	src, _ := os.ReadFile(app)
	edited := strings.Replace(string(src), "func Handler", "// Handler sets cookies.\n\nfunc Handler", 1)
	if err := os.WriteFile(app, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, bin, "report", "-baseline", "baseline.json", "./..."); code != 0 || out != "" {
		t.Fatalf("shifted lines: exit %d\n%s", code, out)
	}
	edited = strings.Replace(edited, `cookies.Set(w, "wrapped", "v")`, `cookies.Set(w, "wrapped", "v")
	cookies.Set(w, "brand_new", "v")
	cookies.Set(w, "wrapped", "again")`, 1)
	if err := os.WriteFile(app, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code = run(t, dir, bin, "report", "-baseline", "baseline.json", "./...")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 3 || len(lines) != 2 || !strings.Contains(out, `cookie "brand_new" is not declared`) || !strings.Contains(lines[1], `cookie "wrapped"`) {
		t.Errorf("new findings: exit %d, want 3 with brand_new and the second wrapped\n%s", code, out)
	}
}
