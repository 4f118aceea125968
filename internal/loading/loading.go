// Package loading is how cookielint's commands load packages: the
// dependencies whose files show they can set a cookie from source, the
// others from export data (internal/driver), under the built-in models
// and a policy's own.
package loading

import (
	"github.com/cookielint/cookielint"
	"github.com/cookielint/cookielint/internal/driver"
	"github.com/cookielint/cookielint/policy"
)

// For returns the loading of a run whose policy's models models returns
// (nil: none), read when the packages are listed.
func For(models func() *policy.Models) driver.Loading {
	return driver.Loading{
		Modeled: func(path string) bool { return modeled(path, models()) },
		Filter: func(metas []driver.Meta) (map[string]string, error) {
			pkgs := make([]cookielint.PackageFiles, len(metas))
			for i, m := range metas {
				pkgs[i] = cookielint.PackageFiles{ID: m.ID, Path: m.PkgPath, Files: m.GoFiles}
				for _, path := range m.Imports {
					pkgs[i].Imports = append(pkgs[i].Imports, path)
				}
			}
			return cookielint.NeedsSource(pkgs, models())
		},
		Wants: func(result any) []string {
			if r, ok := result.(*cookielint.Result); ok {
				return r.NeedSource
			}
			return nil
		},
	}
}

// modeled reports whether a package is one the models name: the built-in
// ones and the policy's.
func modeled(path string, m *policy.Models) bool {
	if cookielint.Modeled(path) {
		return true
	}
	if m == nil {
		return false
	}
	for _, c := range m.Cookies {
		if c.Pkg == path {
			return true
		}
	}
	for _, s := range m.Sinks {
		if s.Func.Pkg == path {
			return true
		}
	}
	for _, o := range m.Options {
		if o.Func.Pkg == path {
			return true
		}
	}
	for _, o := range m.Objects {
		if o.Pkg == path {
			return true
		}
	}
	for _, l := range m.Libraries {
		if l.Func.Pkg == path {
			return true
		}
	}
	return false
}
