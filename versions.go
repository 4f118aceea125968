package cookielint

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
)

// This file learns the version of a library's module in the build, for
// models whose defaults changed between versions (gorilla/sessions'
// NewCookieStore). Where the library's package is analyzed, its module's
// version travels to importers as a fact; without facts (or a driver that
// gives no module), the version is read from the module cache directory
// the library's declarations come from (".../sessions@v1.2.2/store.go").

// moduleFact records the module version of a modeled package.
type moduleFact struct {
	Path, Version string
}

// AFact marks moduleFact as an analysis fact.
func (*moduleFact) AFact() {}

func (f *moduleFact) String() string { return "module " + f.Path + "@" + f.Version }

// exportModule exports the module version of a modeled package.
func (c *checker) exportModule() {
	m := c.pass.Module
	if c.cfg.NoFacts || m == nil || m.Version == "" || !c.models.pkgs[c.pass.Pkg.Path()] {
		return
	}
	c.pass.ExportPackageFact(&moduleFact{Path: m.Path, Version: m.Version})
}

// moduleVersion returns the version of the module of the package pkgPath in
// the build, or "" when it cannot tell.
func (c *checker) moduleVersion(vd *versioned) string {
	if v, ok := c.versions[vd]; ok {
		return v
	}
	v := ""
	if p := c.findImport(vd.pkg); p != nil {
		var f moduleFact
		if !c.cfg.NoFacts && c.pass.ImportPackageFact(p, &f) && f.Path == vd.module {
			v = f.Version
		} else if obj := p.Scope().Lookup(vd.obj); obj != nil && obj.Pos().IsValid() {
			if tf := c.pass.Fset.File(obj.Pos()); tf != nil {
				v = versionInPath(tf.Name(), vd.module)
			}
		}
	}
	if c.versions == nil {
		c.versions = map[*versioned]string{}
	}
	c.versions[vd] = v
	return v
}

// versionInPath finds module@version in a file name of the module cache
// (or of a -trimpath build).
func versionInPath(name, module string) string {
	name = filepath.ToSlash(name)
	i := strings.Index(name, module+"@")
	if i < 0 {
		return ""
	}
	rest := name[i+len(module)+1:]
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// findImport finds a package among the transitive imports of the package
// being analyzed.
func (c *checker) findImport(path string) *types.Package {
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package) *types.Package
	visit = func(p *types.Package) *types.Package {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == path {
			return p
		}
		for _, imp := range p.Imports() {
			if q := visit(imp); q != nil {
				return q
			}
		}
		return nil
	}
	return visit(c.pass.Pkg)
}

// versionDefaults returns a library's defaults for the version in the
// build. With -strict, a version outside every checked range (or one that
// cannot be learnt) is reported at the call as a value that cannot be
// verified.
func (c *checker) versionDefaults(vd *versioned, call *ast.CallExpr) map[attr]value {
	v := c.moduleVersion(vd)
	defaults, checked := vd.pick(v)
	if !checked && c.cfg.Strict {
		first, last := vd.ranges[0].from, vd.ranges[len(vd.ranges)-1].to
		what := "cannot tell which version of " + vd.name + " the build uses"
		if v != "" {
			what = "the build uses " + vd.name + " " + v
		}
		key := c.where(call.Pos()) + " " + vd.name
		if !c.reportedAt[key] {
			c.reportedAt[key] = true
			c.report(call, catUnmodeled, "cannot verify the cookie defaults here: %s, and cookielint models %s %s to %s; the nearest modeled version's defaults were assumed", what, vd.name, first, last)
		}
	}
	return defaults
}

// versioned gives defaults per version range of a module in the build.
type versioned struct {
	module string // the module path
	pkg    string // a package of the module
	obj    string // an object of pkg, whose position names the module's directory
	name   string // for messages
	ranges []versionRange
}

// versionRange is a range of versions, both ends checked, with the same
// defaults.
type versionRange struct {
	from, to string
	defaults map[attr]value
}

// pick returns the defaults for a version, and whether the version lies
// in a checked range ("" picks the newest range, unchecked).
func (vd *versioned) pick(version string) (map[attr]value, bool) {
	last := vd.ranges[len(vd.ranges)-1]
	if version == "" {
		return last.defaults, false
	}
	for i, r := range vd.ranges {
		if compareVersions(version, r.from) < 0 {
			if i == 0 {
				return r.defaults, false
			}
			return vd.ranges[i-1].defaults, false // between two ranges: the older
		}
		if compareVersions(version, r.to) <= 0 {
			return r.defaults, true
		}
	}
	return last.defaults, false
}

// compareVersions compares two semantic versions by their numbers.
func compareVersions(a, b string) int {
	pa, pb := versionNumbers(a), versionNumbers(b)
	for i := range 3 {
		switch {
		case pa[i] < pb[i]:
			return -1
		case pa[i] > pb[i]:
			return 1
		}
	}
	return 0
}

func versionNumbers(v string) [3]int {
	var out [3]int
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexAny(v, "-+"); i >= 0 {
		v = v[:i]
	}
	for i, part := range strings.SplitN(v, ".", 3) {
		n, _ := strconv.Atoi(part)
		out[i] = n
	}
	return out
}
