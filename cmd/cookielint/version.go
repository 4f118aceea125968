package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/cookielint/cookielint"
)

// versionFlags: version prints cookielint's version and the Go it was
// built with.
func versionFlags(*flag.FlagSet) func([]string) int {
	return func([]string) int {
		fmt.Printf("cookielint %s (%s)\n", version(), runtime.Version())
		return 0
	}
}

// version is the module version when cookielint was installed with
// go install ...@version, else the VCS revision it was built from, else
// "devel".
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := bi.Main.Version
	if rev != "" && strings.Contains(v, rev) {
		rev = "" // a pseudo-version names it already
	}
	if rev != "" && settings["vcs.modified"] == "true" {
		rev += ", modified"
	}
	switch {
	case v != "" && v != "(devel)" && rev != "":
		return v + " (revision " + rev + ")"
	case v != "" && v != "(devel)":
		return v
	case rev != "":
		return "devel (revision " + rev + ")"
	}
	return "devel"
}

// go vet caches each package's results under a key made of the tool's
// -V=full line, the flags and the package's files: not the policy file the
// analyzer reads. So the build ID printed here covers the policies too:
// the executable's hash, the file named by -policy in the go command that
// asked (read from its command line where the system shows it), and every
// cookie-policy.yaml in the module the go command runs in, each named by
// its path in the module (keyPath). Editing, adding or moving any of them
// changes the ID and so the next go vet run's results.

func printVersion(w io.Writer, executable func() (string, error), ppid int) error {
	exe, err := executable()
	if err != nil {
		return err
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return err
	}
	cwd, _ := os.Getwd()
	root := moduleRoot(cwd)
	for _, p := range policyInputs(cwd, parentArgs(ppid)) {
		fmt.Fprintf(h, "\x00policy %s\x00", keyPath(root, p))
		_ = hashFile(h, p) // a missing file hashes as empty; the analyzer reports it
	}
	_, err = fmt.Fprintf(w, "cookielint version devel cookielint buildID=%x\n", h.Sum(nil))
	return err
}

// keyPath names a policy file in the build ID: by its path in the module
// when it is inside, so that the same module checked out elsewhere (a CI
// workspace, a test's temporary copy) keeps go vet's cached results for
// the packages whose analysis does not change, the standard library's
// first; by its absolute path otherwise.
func keyPath(root, p string) string {
	if rel, err := filepath.Rel(root, p); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(rel)
	}
	return p
}

func hashFile(h io.Writer, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(h, f)
	return err
}

// parentArgs returns the command line of the process that ran us, where
// the system shows it (/proc on Linux), or nil.
func parentArgs(ppid int) []string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", ppid))
	if err != nil || len(b) == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(b), "\x00"), "\x00")
}

// policyInputs lists, sorted, the policy files that may affect a go vet
// run started in cwd with the given command line.
func policyInputs(cwd string, cmdline []string) []string {
	set := map[string]bool{}
	for i, a := range cmdline {
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		v, ok := strings.CutPrefix(a, "policy=")
		if !ok && a == "policy" && i > 0 && i+1 < len(cmdline) && strings.HasPrefix(cmdline[i], "-") {
			v, ok = cmdline[i+1], true
		}
		if ok && v != "" {
			if !filepath.IsAbs(v) {
				v = filepath.Join(cwd, v)
			}
			set[v] = true
		}
	}
	root := moduleRoot(cwd)
	for d := cwd; ; d = filepath.Dir(d) {
		if p := filepath.Join(d, cookielint.DefaultPolicyFile); exists(p) {
			set[p] = true
		}
		if d == root || filepath.Dir(d) == d {
			break
		}
	}
	const maxEntries = 200000 // keep the walk bounded in huge trees
	n := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		n++
		if err != nil || n > maxEntries {
			return filepath.SkipDir
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || name == "vendor" || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == cookielint.DefaultPolicyFile {
			set[p] = true
		}
		return nil
	})
	var out []string
	for p := range set {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// moduleRoot returns the nearest directory from dir up holding a go.mod,
// or dir itself.
func moduleRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if exists(filepath.Join(d, "go.mod")) {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
