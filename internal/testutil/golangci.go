package testutil

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
)

// GolangciVersion is the golangci-lint the plugin is tested and measured in.
const GolangciVersion = "v2.15.0"

// BuildGolangciLint builds golangci-lint GolangciVersion with the
// cookielint plugin of the module at repo, the way `golangci-lint custom`
// would but from the module proxy instead of a git clone: its source is
// copied from the module cache into work, the plugin is imported in its
// main package, and the binary is written to out.
func BuildGolangciLint(ctx context.Context, repo, work, out string) error {
	dl, err := goCmdContext(ctx, repo, "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+GolangciVersion)
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
		if _, err := goCmdContext(ctx, src, s...); err != nil {
			return err
		}
	}
	return nil
}

// CachedGolangciLint returns a golangci-lint built with the plugin of the
// module at repo, from a cache under the user's cache directory keyed by
// everything that goes into the binary: the golangci-lint version, the Go
// toolchain and target, and the sources and embedded files of the
// module's packages the plugin imports (a change to any of them builds
// anew). Building takes tens
// of seconds; the cache keeps the dev loop fast, as Go's build cache does.
// It holds one binary, the last built.
func CachedGolangciLint(ctx context.Context, repo string) (string, error) {
	key, err := pluginKey(repo)
	if err != nil {
		return "", err
	}
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "cookielint-test")
	bin := filepath.Join(dir, "golangci-lint-"+key)
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	if _, err := os.Stat(bin); err == nil {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	work, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(work)
	tmp := filepath.Join(work, "golangci-lint-bin")
	if err := BuildGolangciLint(ctx, repo, work, tmp); err != nil {
		return "", err
	}
	// A rename is atomic: a concurrent test sees the whole binary or none.
	if err := os.Rename(tmp, bin); err != nil {
		return "", err
	}
	// Keep one binary: the others were built from older sources.
	old, _ := filepath.Glob(filepath.Join(dir, "golangci-lint-*"))
	for _, o := range old {
		if o != bin {
			os.Remove(o)
		}
	}
	return bin, nil
}

// pluginKey hashes what the plugin binary is built from: the version
// and toolchain, go.mod and go.sum, and the Go and embedded files of every
// package of this module the plugin imports.
func pluginKey(repo string) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "golangci-lint %s\x00%s %s/%s\x00", GolangciVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	out, err := goCmd(repo, "list", "-deps", "-f", `{{if .Module}}{{if .Module.Main}}{{.Dir}}{{range .GoFiles}} {{.}}{{end}}{{range .EmbedFiles}} {{.}}{{end}}{{end}}{{end}}`, "./golangci")
	if err != nil {
		return "", err
	}
	files := []string{filepath.Join(repo, "go.mod"), filepath.Join(repo, "go.sum")}
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		for _, name := range f[min(1, len(f)):] {
			files = append(files, filepath.Join(f[0], name))
		}
	}
	for _, p := range files {
		rel, _ := filepath.Rel(repo, p)
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil {
			return "", err
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:24], nil
}

// goCmd runs the go command in dir, outside any workspace, and returns its
// standard output.
func goCmd(dir string, args ...string) (string, error) {
	return goCmdContext(context.Background(), dir, args...)
}

// goCmdContext is goCmd, killed when ctx ends.
func goCmdContext(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s: %v\n%s%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String(), nil
}
