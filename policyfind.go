package cookielint

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/cookielint/cookielint/policy"
)

// This file finds the policy that applies to a package and loads each
// policy file once per analyzer.

type loaded struct {
	p   *policy.Policy
	err error
}

type policyCache struct {
	mu    sync.Mutex
	files map[string]*loaded
	data  *loaded // the policy given as data, once parsed
}

func newPolicyCache() *policyCache { return &policyCache{files: map[string]*loaded{}} }

func (pc *policyCache) load(path string) (*policy.Policy, error) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	l, ok := pc.files[path]
	if !ok {
		p, err := policy.Load(path)
		l = &loaded{p, err}
		pc.files[path] = l
	}
	return l.p, l.err
}

// policyFor returns the policy for a pass: the one given as data, the
// -policy file, or the nearest cookie-policy.yaml; nil when there is none.
func (r *runner) policyFor(pass *analysis.Pass) (*policy.Policy, error) {
	if r.cfg.Policy != nil {
		r.policies.mu.Lock()
		defer r.policies.mu.Unlock()
		if r.policies.data == nil {
			name := r.cfg.PolicyName
			if name == "" {
				name = DefaultPolicyFile
			}
			p, err := policy.Parse(name, r.cfg.Policy)
			r.policies.data = &loaded{p, err}
		}
		return r.policies.data.p, r.policies.data.err
	}
	dir := packageDir(pass)
	if r.cfg.PolicyFile != "" {
		path, err := FindPolicyFile(r.cfg.PolicyFile, dir)
		if err != nil {
			return nil, err
		}
		return r.policies.load(path)
	}
	if path := NearestPolicy(dir); path != "" {
		return r.policies.load(path)
	}
	return nil, nil
}

// FindPolicyFile resolves the -policy path: an absolute path as it is; a
// relative one from the current directory, else from dir and each parent
// of dir up to its module root.
func FindPolicyFile(name, dir string) (string, error) {
	if filepath.IsAbs(name) {
		return name, nil
	}
	if _, err := os.Stat(name); err == nil {
		return filepath.Abs(name)
	}
	for d := dir; d != ""; d = parentInModule(d) {
		p := filepath.Join(d, name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("policy file %s not found (looked in the current directory and from %s up to its module root)", name, dir)
}

// NearestPolicy returns the nearest cookie-policy.yaml from dir up to its
// module root, or "".
func NearestPolicy(dir string) string {
	for d := dir; d != ""; d = parentInModule(d) {
		p := filepath.Join(d, DefaultPolicyFile)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// parentInModule returns d's parent, or "" if d is a module root (holds a
// go.mod) or the file system root.
func parentInModule(d string) string {
	if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
		return ""
	}
	p := filepath.Dir(d)
	if p == d {
		return ""
	}
	return p
}
