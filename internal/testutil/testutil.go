// Package testutil holds what the command, plugin and corpus tests and the
// benchmarks share: file helpers and the build of a golangci-lint with the
// plugin.
package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
)

// CopyTree copies the regular files under from to to, leaving the copy
// writable (a module cache is read-only).
func CopyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
}

// WriteFile writes a file, creating its directory.
func WriteFile(path, content string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(content), 0o644)
}

// Module returns the absolute path of the testdata module at rel, its
// requirements downloaded.
func Module(rel string) (string, error) {
	dir, err := filepath.Abs(rel)
	if err != nil {
		return "", err
	}
	return dir, DownloadModules(dir)
}

// DownloadModules fetches the requirements of the module in dir (tests
// that load it may run with GOPROXY=off).
func DownloadModules(dir string) error {
	_, err := goCmd(dir, "mod", "download")
	return err
}
