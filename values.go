package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// This file resolves the values that reach a cookie's attributes through
// variables: locals that hold a constant on every path to their use
// (flow-sensitive, in the walker's state), unexported package-level
// variables never assigned after their declaration, and unexported struct
// fields every store of which in the package is the same constant (a
// configuration struct read by a method). What is not a constant by these
// rules is decided at run time.

// scalar is what the analysis knows of a local variable that is not a
// cookie: its constant value, if it holds one on every path here, and the
// expression it was last assigned, for a Set-Cookie string built in it.
type scalar struct {
	val  constant.Value // nil: decided at run time
	typ  types.Type
	expr ast.Expr // the expression assigned on every path, if one
}

// joinScalars is what two paths agree on: the same constant, the same
// expression.
func joinScalars(a, b scalar) scalar {
	out := scalar{typ: a.typ}
	if a.val != nil && b.val != nil && a.val.Kind() == b.val.Kind() && constant.Compare(a.val, token.EQL, b.val) {
		out.val = a.val
	}
	if a.expr == b.expr {
		out.expr = a.expr
	}
	return out
}

// constValue returns the constant an expression evaluates to: a constant
// expression, or one whose variables are known to hold constants; nil
// when it is decided at run time. indirect says that a variable or field
// was read to find it (a fix then belongs where it was assigned).
func (w *walker) constValue(e ast.Expr) (v constant.Value, t types.Type, indirect bool) {
	e = ast.Unparen(e)
	if tv, ok := w.info().Types[e]; ok && tv.Value != nil {
		return tv.Value, tv.Type, false
	}
	switch x := e.(type) {
	case *ast.Ident:
		obj, _ := w.info().ObjectOf(x).(*types.Var)
		if obj == nil {
			return nil, nil, false
		}
		if w.cur != nil {
			if s, ok := w.cur.scalars[obj]; ok {
				return s.val, s.typ, true
			}
		}
		if c, ok := w.c.packageConsts()[obj]; ok {
			return c, obj.Type(), true
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			if c, t, ind := w.constValue(x.X); c != nil && c.Kind() == constant.Bool {
				return constant.UnaryOp(token.NOT, c, 0), t, ind
			}
		}
	case *ast.SelectorExpr:
		if sel, ok := w.info().Selections[x]; ok && sel.Kind() == types.FieldVal {
			if f, ok := sel.Obj().(*types.Var); ok {
				if c, ok := w.c.fieldConsts()[f]; ok {
					return c, f.Type(), true
				}
			}
		}
	}
	return nil, nil, false
}

// trackable reports whether a local variable's constant value can be
// followed: a basic type (or one defined on a basic type, such as
// http.SameSite or time.Duration), not captured by a closure that assigns
// it, and whose address is never taken.
func (w *walker) trackable(v *types.Var) bool {
	if v == nil || v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || w.params[v] > 0 {
		return false
	}
	if _, ok := v.Type().Underlying().(*types.Basic); !ok {
		return false
	}
	return !w.escapes()[v]
}

// escapes lists the local variables whose address the function takes,
// or that a closure in it assigns: their value may change where the
// walk does not see.
func (w *walker) escapes() map[*types.Var]bool {
	if w.escaped != nil {
		return w.escaped
	}
	w.escaped = map[*types.Var]bool{}
	if w.root == nil {
		return w.escaped
	}
	var visit func(n ast.Node, inClosure bool)
	visit = func(root ast.Node, inClosure bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				if n != root {
					visit(n.Body, true)
					return false
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if v, ok := w.info().ObjectOf(id).(*types.Var); ok {
							w.escaped[v] = true
						}
					}
				}
			case *ast.AssignStmt:
				if inClosure {
					for _, l := range n.Lhs {
						if id, ok := ast.Unparen(l).(*ast.Ident); ok {
							if v, ok := w.info().ObjectOf(id).(*types.Var); ok {
								w.escaped[v] = true
							}
						}
					}
				}
			case *ast.IncDecStmt:
				if inClosure {
					if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
						if v, ok := w.info().ObjectOf(id).(*types.Var); ok {
							w.escaped[v] = true
						}
					}
				}
			}
			return true
		})
	}
	visit(w.root, false)
	return w.escaped
}

// setScalar records what an assignment gives a local variable.
func (w *walker) setScalar(v *types.Var, e ast.Expr, st *state) {
	if !w.trackable(v) {
		return
	}
	var s scalar
	if e != nil {
		s.val, s.typ, _ = w.constValue(e)
		s.expr = e
	} else { // var x T: the zero value
		s.val, s.typ = zeroValue(v.Type()), v.Type()
	}
	if st.scalars == nil {
		st.scalars = map[*types.Var]scalar{}
	}
	st.scalars[v] = s
}

// setCond records what a boolean local holds of consent checks (ok :=
// consent.Allowed(r, "statistics")), for conditions that read it later.
func (w *walker) setCond(v *types.Var, e ast.Expr, st *state) {
	if len(w.c.consentChecks()) == 0 || !w.trackable(v) {
		return
	}
	cg := w.condition(e, st)
	if cg == (condGuard{}) {
		delete(st.conds, v)
		return
	}
	if st.conds == nil {
		st.conds = map[*types.Var]condGuard{}
	}
	st.conds[v] = cg
}

// forgetScalar makes a local variable decided at run time.
func (w *walker) forgetScalar(v *types.Var, st *state) {
	if v == nil || st.scalars == nil {
		return
	}
	if _, ok := st.scalars[v]; ok {
		st.scalars[v] = scalar{typ: v.Type()}
	}
}

// zeroValue is the constant zero value of a basic type.
func zeroValue(t types.Type) constant.Value {
	b, ok := t.Underlying().(*types.Basic)
	if !ok {
		return nil
	}
	switch {
	case b.Info()&types.IsBoolean != 0:
		return constant.MakeBool(false)
	case b.Info()&types.IsString != 0:
		return constant.MakeString("")
	case b.Info()&types.IsInteger != 0:
		return constant.MakeInt64(0)
	}
	return nil
}

// packageConsts are the package's unexported package-level variables
// that hold their initial constant: never assigned, incremented or taken
// the address of after their declaration.
func (c *checker) packageConsts() map[*types.Var]constant.Value {
	if c.pkgConsts != nil {
		return c.pkgConsts
	}
	c.pkgConsts = map[*types.Var]constant.Value{}
	info := c.pass.TypesInfo
	candidates := map[*types.Var]constant.Value{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					v, ok := info.Defs[name].(*types.Var)
					if !ok || v.Exported() {
						continue
					}
					switch {
					case len(vs.Values) == len(vs.Names):
						if tv, ok := info.Types[vs.Values[i]]; ok && tv.Value != nil {
							candidates[v] = tv.Value
						}
					case len(vs.Values) == 0:
						if z := zeroValue(v.Type()); z != nil {
							candidates[v] = z
						}
					}
				}
			}
		}
	}
	if len(candidates) == 0 {
		return c.pkgConsts
	}
	for v := range c.mutated(candidates) {
		delete(candidates, v)
	}
	c.pkgConsts = candidates
	return c.pkgConsts
}

// mutated returns, of the given variables, those the package assigns,
// increments, or takes the address of.
func (c *checker) mutated(vars map[*types.Var]constant.Value) map[*types.Var]bool {
	info := c.pass.TypesInfo
	out := map[*types.Var]bool{}
	mark := func(e ast.Expr) {
		var id *ast.Ident
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			id = x
		case *ast.SelectorExpr:
			id = x.Sel
		}
		if id == nil {
			return
		}
		if v, ok := info.Uses[id].(*types.Var); ok {
			if _, ok := vars[v]; ok {
				out[v] = true
			}
		}
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					mark(l)
				}
			case *ast.IncDecStmt:
				mark(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X)
				}
			case *ast.RangeStmt:
				if n.Key != nil {
					mark(n.Key)
				}
				if n.Value != nil {
					mark(n.Value)
				}
			}
			return true
		})
	}
	return out
}

// fieldConsts are the unexported fields of the package's struct types
// that every store in the package gives the same constant: keyed and
// positional composite literals (a literal that leaves the field out
// stores its zero value), assignments, new(T) and var x T (the zero
// value). A field whose address is taken, or that is incremented, is not
// one.
func (c *checker) fieldConsts() map[*types.Var]constant.Value {
	if c.fldConsts != nil {
		return c.fldConsts
	}
	info := c.pass.TypesInfo
	stores := map[*types.Var][]constant.Value{}
	bad := map[*types.Var]bool{}
	owned := func(f *types.Var) bool {
		return f != nil && f.IsField() && !f.Exported() && f.Pkg() == c.pass.Pkg
	}
	store := func(f *types.Var, e ast.Expr) {
		if !owned(f) {
			return
		}
		var v constant.Value
		if e == nil {
			v = zeroValue(f.Type())
		} else if tv, ok := info.Types[e]; ok {
			v = tv.Value
		}
		if v == nil {
			bad[f] = true
			return
		}
		stores[f] = append(stores[f], v)
	}
	zeroAll := func(t types.Type) {
		if st, ok := t.Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				store(f, nil)
			}
		}
	}
	fieldOf := func(e ast.Expr) *types.Var {
		if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
			if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				f, _ := s.Obj().(*types.Var)
				return f
			}
		}
		return nil
	}
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				t := info.TypeOf(n)
				if t == nil {
					return true
				}
				st, ok := t.Underlying().(*types.Struct)
				if !ok {
					return true
				}
				set := map[*types.Var]bool{}
				for i, elt := range n.Elts {
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						if id, ok := kv.Key.(*ast.Ident); ok {
							if f, ok := info.Uses[id].(*types.Var); ok {
								set[f] = true
								store(f, kv.Value)
							}
						}
					} else if i < st.NumFields() {
						set[st.Field(i)] = true
						store(st.Field(i), elt)
					}
				}
				for f := range st.Fields() {
					if !set[f] {
						store(f, nil)
					}
				}
			case *ast.AssignStmt:
				for i, l := range n.Lhs {
					f := fieldOf(l)
					if f == nil {
						continue
					}
					if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
						store(f, n.Rhs[i])
					} else {
						bad[f] = true
					}
				}
			case *ast.IncDecStmt:
				if f := fieldOf(n.X); f != nil {
					bad[f] = true
				}
			case *ast.UnaryExpr:
				if f := fieldOf(n.X); f != nil && n.Op == token.AND {
					bad[f] = true
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && len(n.Args) == 1 {
					if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" {
						zeroAll(info.TypeOf(n.Args[0]))
					}
				}
			case *ast.ValueSpec:
				if len(n.Values) == 0 {
					for _, name := range n.Names {
						if v, ok := info.Defs[name].(*types.Var); ok {
							zeroAll(v.Type())
						}
					}
				}
			}
			return true
		})
	}
	c.fldConsts = map[*types.Var]constant.Value{}
	for f, vs := range stores {
		if bad[f] || len(vs) == 0 {
			continue
		}
		same := true
		for _, v := range vs[1:] {
			same = same && v.Kind() == vs[0].Kind() && constant.Compare(v, token.EQL, vs[0])
		}
		if same {
			c.fldConsts[f] = vs[0]
		}
	}
	return c.fldConsts
}
