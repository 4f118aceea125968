package driver

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"

	"golang.org/x/tools/go/packages"
)

// Load loads the packages matching patterns, with their dependencies, for
// an analyzer with facts: every package from source, so that facts can be
// computed for it, but a dependency that cannot reach a cookie (it imports
// none of the modeled packages, directly or not) is loaded without its
// function bodies and with its table literals emptied. Its analysis stops at once and learns nothing from
// them, while type-checking bodies is most of what loading costs: the
// standard library's crypto, encoding and runtime packages, a framework's
// codecs and validators. The packages matching patterns are always loaded
// whole.
//
// modeled reports whether a package path is one whose import lets a
// package set a cookie (cookielint.Modeled).
func Load(patterns []string, tests bool, modeled func(path string) bool) ([]*packages.Package, error) {
	return LoadWith(packages.Config{Tests: tests}, patterns, modeled)
}

// LoadWith is Load with the directory, environment and Tests of base (its
// Mode and ParseFile are Load's own).
func LoadWith(base packages.Config, patterns []string, modeled func(path string) bool) ([]*packages.Package, error) {
	// The import graph first (go list, no parsing), to know which files
	// to trim.
	metaCfg := base
	metaCfg.Mode = packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedFiles
	meta, err := packages.Load(&metaCfg, patterns...)
	if err != nil {
		return nil, err
	}
	trim := trimmable(meta, modeled)
	cfg := base
	cfg.Mode = packages.LoadAllSyntax | packages.NeedModule
	cfg.ParseFile = func(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
		imports, ok := trim[filename]
		if !ok {
			// What go/packages does by default.
			return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
		}
		f, err := parser.ParseFile(fset, filename, src, parser.AllErrors|parser.SkipObjectResolution)
		if err == nil {
			trimFile(f, imports)
		}
		return f, err
	}
	return packages.Load(&cfg, patterns...)
}

// trimmable maps the files that may lose their function bodies to the
// imports of their package: the files of packages that cannot reach a
// cookie and are not among the packages asked for. A file shared with a
// package that must stay whole (a test variant) is not listed.
func trimmable(roots []*packages.Package, modeled func(string) bool) map[string]map[string]*packages.Package {
	reaches := map[*packages.Package]bool{}
	var visit func(p *packages.Package) bool
	visit = func(p *packages.Package) bool {
		if r, ok := reaches[p]; ok {
			return r
		}
		reaches[p] = false // import cycles cannot happen; this only guards
		r := modeled(p.PkgPath)
		for _, imp := range p.Imports {
			if visit(imp) {
				r = true
			}
		}
		reaches[p] = r
		return r
	}
	keep := map[string]bool{}
	trim := map[string]map[string]*packages.Package{}
	isRoot := map[*packages.Package]bool{}
	for _, p := range roots {
		isRoot[p] = true
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		whole := isRoot[p] || visit(p)
		for _, f := range p.GoFiles {
			if whole {
				keep[f] = true
			} else {
				trim[f] = p.Imports
			}
		}
	})
	for f := range keep {
		delete(trim, f)
	}
	return trim
}

// trimFile drops the function bodies of a file, keeping what type-checking
// the package's declarations needs: an init function keeps an empty body
// and a generic function or method keeps its body (both must have one).
// Imports that only the bodies used become blank imports, so that the
// package still type-checks. A file with a dot import, or an import whose
// package name is unknown, is left whole.
func trimFile(f *ast.File, imports map[string]*packages.Package) {
	names := make([]string, len(f.Imports))
	for i, imp := range f.Imports {
		path, err := strconv.Unquote(imp.Path.Value)
		switch {
		case err != nil || path == "C":
			return
		case imp.Name != nil:
			names[i] = imp.Name.Name
		case imports[path] != nil && imports[path].Name != "":
			names[i] = imports[path].Name
		default:
			return
		}
		if names[i] == "." {
			return
		}
	}
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
			for _, spec := range gd.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					emptyLiteral(v)
				}
			}
			continue
		}
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil || fd.Type.TypeParams != nil || genericRecv(fd) {
			continue
		}
		if fd.Recv == nil && fd.Name.Name == "init" {
			fd.Body = &ast.BlockStmt{Lbrace: fd.Body.Lbrace, Rbrace: fd.Body.Rbrace}
			continue
		}
		fd.Body = nil
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for i, imp := range f.Imports {
		if names[i] != "_" && !used[names[i]] {
			imp.Name = &ast.Ident{NamePos: imp.Path.Pos(), Name: "_"}
		}
	}
}

// emptyLiteral drops the elements of a variable's initializer when it is a
// composite literal (or its address) whose type does not depend on them:
// the Unicode tables, the HTML entities and other large tables type-check
// in no time as empty literals of the same type. An array literal with
// [...] gets the length its elements gave it.
func emptyLiteral(v ast.Expr) {
	if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
		v = u.X
	}
	lit, ok := v.(*ast.CompositeLit)
	if !ok || lit.Type == nil {
		return
	}
	if at, ok := lit.Type.(*ast.ArrayType); ok && at.Len != nil {
		if _, ok := at.Len.(*ast.Ellipsis); ok {
			// [...]T{a, b, c} becomes [3]T{}; with keyed elements, the
			// length is theirs to say.
			for _, e := range lit.Elts {
				if _, ok := e.(*ast.KeyValueExpr); ok {
					return
				}
			}
			lit.Type = &ast.ArrayType{Lbrack: at.Lbrack, Elt: at.Elt,
				Len: &ast.BasicLit{ValuePos: at.Len.Pos(), Kind: token.INT, Value: strconv.Itoa(len(lit.Elts))}}
		}
	}
	lit.Elts = nil
}

// genericRecv reports whether a method's receiver has type parameters.
func genericRecv(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return false
	}
	t := fd.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		t = st.X
	}
	switch t.(type) {
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true
	}
	return false
}
