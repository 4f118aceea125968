package cookielint

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// builtinModelErrors checks every built-in models file against the
// packages of scopes (by path), the real modules at the versions the
// frameworks module builds with: each sink, cookie type, object, option,
// library and variable a row names, each field and method it maps, each
// argument index. A misspelt row would otherwise be silently dead.
// TestBuiltinModelsResolve calls it with the frameworks tree the analyzer
// tests load; every package a file names must be there.
func builtinModelErrors(scopes map[string]*types.Package) []string {
	specs, err := BuiltinModels()
	if err != nil {
		return []string{err.Error()}
	}
	reg, err := builtinModels()
	if err != nil {
		return []string{err.Error()}
	}
	var errs []string
	var paths []string
	for p := range reg.pkgs {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		if scopes[p] == nil {
			errs = append(errs, fmt.Sprintf("package %s of the models did not load", p))
		}
	}
	for _, spec := range specs {
		errs = append(errs, checkSpec(spec, scopes)...)
	}
	return errs
}

// frameworkPathsInGo lists the string literals of the package's own Go
// files (not its tests) that name a package the models name: framework
// knowledge belongs in models/*.yaml. net/http, the language's own, is the
// exception docs/frameworks.md gives.
func frameworkPathsInGo(files map[string][]byte) ([]string, error) {
	reg, err := builtinModels()
	if err != nil {
		return nil, err
	}
	var out []string
	for name, src := range files {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || s == "net/http" {
				return true
			}
			if reg.pkgs[s] || strings.HasPrefix(s, "github.com/") && !strings.HasPrefix(s, "github.com/cookielint/") {
				out = append(out, fmt.Sprintf("%s: %q", fset.Position(lit.Pos()), s))
			}
			return true
		})
	}
	sort.Strings(out)
	return out, nil
}

// No Go file of the analyzer names a framework's import path: what it
// knows of frameworks is data (docs/frameworks.md lists the Go that is
// not, and why).
func TestNoFrameworkPathsInGo(t *testing.T) {
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[n] = b
	}
	found, err := frameworkPathsInGo(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Errorf("a framework's import path in Go: %s (move it to models/*.yaml)", f)
	}
	// The check can fail: a file naming gin is caught.
	caught, err := frameworkPathsInGo(map[string][]byte{"x.go": []byte("package x\nvar p = \"github.com/gin-gonic/gin\"\n")})
	if err != nil || len(caught) != 1 {
		t.Errorf("a literal naming gin: %v, %v", caught, err)
	}
}

// mayBeModeled's shortcut holds: every package the built-in models name
// appears in their text as "path.", so a package none of whose imports
// does cannot matter.
func TestModeledPackagesInText(t *testing.T) {
	reg, err := builtinModels()
	if err != nil {
		t.Fatal(err)
	}
	text := builtinText()
	for p := range reg.pkgs {
		if !strings.Contains(string(text), p+".") {
			t.Errorf("package %s of the models is not in their text as %q: mayBeModeled would skip its importers", p, p+".")
		}
	}
	if len(reg.pkgs) < 40 {
		t.Errorf("only %d modeled packages", len(reg.pkgs))
	}
}
