package testutil

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// GolangciVersion is the golangci-lint the plugin is tested and measured in.
const GolangciVersion = "v2.15.0"

// BuildGolangciLint builds golangci-lint GolangciVersion with the
// cookielint plugin of the module at repo, the way `golangci-lint custom`
// would but from the module proxy instead of a git clone: its source is
// copied from the module cache into work, the plugin is imported in its
// main package, and the binary is written to out.
func BuildGolangciLint(repo, work, out string) error {
	dl, err := goCmd(repo, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+GolangciVersion)
	if err != nil {
		return err
	}
	var mod struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(dl), &mod); err != nil || mod.Dir == "" {
		return fmt.Errorf("go mod download golangci-lint %s: %v %s", GolangciVersion, err, mod.Error)
	}
	src := filepath.Join(work, "golangci-lint")
	if err := CopyTree(mod.Dir, src); err != nil {
		return err
	}
	if err := WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"),
		"package main\n\nimport _ \"github.com/cookielint/cookielint/golangci\"\n"); err != nil {
		return err
	}
	steps := [][]string{
		{"mod", "edit", "-require", "github.com/cookielint/cookielint@v0.0.0", "-replace", "github.com/cookielint/cookielint=" + repo},
		{"mod", "tidy"},
		{"build", "-o", out, "./cmd/golangci-lint"},
	}
	for _, s := range steps {
		if _, err := goCmd(src, s...); err != nil {
			return err
		}
	}
	return nil
}

// goCmd runs the go command in dir, outside any workspace, and returns its
// standard output.
func goCmd(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String(), nil
}
