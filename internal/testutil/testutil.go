// Package testutil holds what the command, plugin and corpus tests and the
// benchmarks share: file helpers and the build of a golangci-lint with the
// plugin.
package testutil

import (
	"crypto/sha256"
	"encoding/hex"
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
// requirements downloaded and the packages matching patterns compiled,
// with their dependencies, into the build cache (the export data the
// standalone command reads).
//
// go test ./... runs each package's tests in a process of its own, side
// by side, and several of them run the command on the same frameworks: on
// a cold cache each would compile them again at the same time. So the
// download and the compile run under a lock that every test process
// shares for this module and build cache: the first compiles, the others
// wait and find the compiled packages in the cache.
func Module(rel string, patterns ...string) (string, error) {
	dir, err := filepath.Abs(rel)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(dir + "\x00" + os.Getenv("GOCACHE")))
	unlock, err := lockFile(filepath.Join(os.TempDir(), "cookielint-test-"+hex.EncodeToString(sum[:8])+".lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if err := DownloadModules(dir); err != nil {
		return "", err
	}
	if len(patterns) > 0 {
		if _, err := goCmd(dir, append([]string{"list", "-e", "-export", "-deps", "-f", "{{.ImportPath}}"}, patterns...)...); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// DownloadModules fetches the requirements of the module in dir (tests
// that load it may run with GOPROXY=off).
func DownloadModules(dir string) error {
	_, err := goCmd(dir, "mod", "download")
	return err
}
