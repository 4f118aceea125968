package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/cookielint/cookielint/internal/testutil"
)

// The GitHub Action's script (action/run.sh, which action.yml's step
// runs) on the bundled example, in a temporary module, without GitHub: a
// go on the PATH that stands in for go install (the network is not
// reached) and passes everything else to the real go.
func TestActionScript(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("the action's script is bash")
	}
	script, err := filepath.Abs("../../action/run.sh")
	if err != nil {
		t.Fatal(err)
	}
	realGo, err := exec.LookPath("go")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	if err := testutil.CopyTree("../../examples/opendata", mod); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module github.com/cookielint/cookielint/examples/opendata\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fake := t.TempDir()
	installLog := filepath.Join(fake, "install.log")
	goScript := "#!/bin/sh\nif [ \"$1\" = install ]; then echo \"GOBIN=$GOBIN $*\" >>\"$FAKE_GO_LOG\"; cp \"$COOKIELINT_TEST_BIN\" \"$GOBIN/cookielint\"; exit 0; fi\nexec \"$REAL_GO\" \"$@\"\n"
	if err := os.WriteFile(filepath.Join(fake, "go"), []byte(goScript), 0o755); err != nil {
		t.Fatal(err)
	}

	type result struct {
		code           int
		stdout, output string // the step's output and its $GITHUB_OUTPUT
	}
	action := func(inputs map[string]string) result {
		t.Helper()
		ghOutput := filepath.Join(t.TempDir(), "github_output")
		cmd := exec.Command("bash", script)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(),
			"PATH="+fake+string(os.PathListSeparator)+os.Getenv("PATH"),
			"REAL_GO="+realGo, "FAKE_GO_LOG="+installLog, "COOKIELINT_TEST_BIN="+bin,
			"GITHUB_OUTPUT="+ghOutput, "RUNNER_TEMP="+t.TempDir(),
			"GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off")
		for k, v := range inputs {
			cmd.Env = append(cmd.Env, "INPUT_"+k+"="+v)
		}
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		gh, _ := os.ReadFile(ghOutput)
		return result{code, string(out), string(gh)}
	}

	// Findings: annotations, the SARIF file, the outputs, a failed job.
	r := action(map[string]string{"VERSION": "v1.2.3", "SARIF_FILE": "cookielint.sarif"})
	if r.code != 1 {
		t.Errorf("with findings: exit %d, want 1:\n%s", r.code, r.stdout)
	}
	if n := strings.Count(r.stdout, "\n::error file=main.go,line="); n != 5 {
		t.Errorf("%d annotations, want 5:\n%s", n, r.stdout)
	}
	if !strings.Contains(r.output, "findings=5\n") || !strings.Contains(r.output, "sarif-file=cookielint.sarif\n") {
		t.Errorf("outputs: %q", r.output)
	}
	log, _ := os.ReadFile(installLog)
	if !strings.Contains(string(log), "install github.com/cookielint/cookielint/cmd/cookielint@v1.2.3") || !strings.Contains(string(log), "cookielint-bin ") {
		t.Errorf("go install: %q", log)
	}
	var sarif struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	b, err := os.ReadFile(filepath.Join(mod, "cookielint.sarif"))
	if err != nil || json.Unmarshal(b, &sarif) != nil || len(sarif.Runs) != 1 || len(sarif.Runs[0].Results) != 5 {
		t.Errorf("SARIF file: %v: %.200s", err, b)
	}

	// Told not to fail: the same findings, a green job; no annotations.
	r = action(map[string]string{"FAIL_ON_FINDINGS": "false", "ANNOTATIONS": "false"})
	if r.code != 0 || strings.Contains(r.stdout, "::error") || !strings.Contains(r.output, "findings=5\n") {
		t.Errorf("fail-on-findings false: exit %d, outputs %q:\n%s", r.code, r.output, r.stdout)
	}

	// A baseline of today's findings: nothing new, a green job.
	if out, code := run(t, mod, bin, "report", "-write-baseline", "baseline.json", "./..."); code != 0 {
		t.Fatalf("write-baseline: exit %d:\n%s", code, out)
	}
	r = action(map[string]string{"BASELINE": "baseline.json"})
	if r.code != 0 || !strings.Contains(r.output, "findings=0\n") {
		t.Errorf("with the baseline: exit %d, outputs %q:\n%s", r.code, r.output, r.stdout)
	}

	// -strict and -tests reach the command; a bad input or a broken
	// policy fails the job with a clear line.
	r = action(map[string]string{"STRICT": "maybe"})
	if r.code != 1 || !strings.Contains(r.stdout, `expected true or false, got "maybe"`) {
		t.Errorf("strict maybe: exit %d:\n%s", r.code, r.stdout)
	}
	if err := os.WriteFile(filepath.Join(mod, "broken.yaml"), []byte("version: 1\ncookies:\n  - nme: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = action(map[string]string{"POLICY": "broken.yaml", "STRICT": "true", "TESTS": "true"})
	if r.code != 1 || !strings.Contains(r.stdout, "broken.yaml:3:") || !strings.Contains(r.stdout, "::error title=cookielint::cookielint failed (exit status 1)") {
		t.Errorf("broken policy: exit %d:\n%s", r.code, r.stdout)
	}
}
