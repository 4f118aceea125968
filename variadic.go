package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
)

// This file infers what a setter in the beego style does with its
// optional arguments: SetCookie(name, value string, others
// ...interface{}) reads others by position and dynamic type (others[0]
// an int: the max age; others[1] a non-empty string: the path; ...), and
// may run the func(*http.Cookie) values among them on the cookie
// (macaron). An attribute that a branch under len(others) > i changes is
// decided, at each call, by the caller's element i read the same way
// (anyDecode), and is what it was before that branch when the caller
// passes no such element or one the setter ignores. A call that passes a
// function where the setter runs them may change anything.

// variadicParam returns the 1-based index of the walked function's
// variadic parameter of interface elements (others ...interface{}), and
// the parameter, or 0.
func (w *walker) variadicParam() (int, *types.Var) {
	if w.fn == nil {
		return 0, nil
	}
	sig := w.fn.Signature()
	if !sig.Variadic() {
		return 0, nil
	}
	last := sig.Params().At(sig.Params().Len() - 1)
	if s, ok := last.Type().(*types.Slice); !ok || !types.IsInterface(s.Elem()) {
		return 0, nil
	}
	return w.params[last], last
}

// elemGuard returns the 1-based position of the element of the variadic
// parameter whose existence a condition tests (len(others) > 2: the
// third), or 0.
func (w *walker) elemGuard(cond ast.Expr) int {
	p, others := w.variadicParam()
	if p == 0 {
		return 0
	}
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return 0
	}
	isLen := func(e ast.Expr) bool {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !isBuiltinCall(w.info(), call) {
			return false
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "len" {
			return false
		}
		id, ok := ast.Unparen(call.Args[0]).(*ast.Ident)
		return ok && w.info().Uses[id] == others
	}
	num := func(e ast.Expr) (int, bool) {
		tv, ok := w.info().Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			return 0, false
		}
		n, exact := constant.Int64Val(tv.Value)
		return int(n), exact && n >= 0 && n < 64
	}
	op, x, y := b.Op, b.X, b.Y
	if isLen(y) { // K < len(others): len(others) > K
		x, y = y, x
		switch op {
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		default:
			return 0
		}
	}
	if !isLen(x) {
		return 0
	}
	n, ok := num(y)
	if !ok {
		return 0
	}
	switch op {
	case token.GTR, token.NEQ: // len > n: element n (0-based) exists; len != 0 too
		if op == token.NEQ && n != 0 {
			return 0
		}
		return n + 1
	case token.GEQ:
		if n == 0 {
			return 0
		}
		return n
	}
	return 0
}

// decideByElem makes each attribute that the branch under an element's
// guard changed a value that element decides, with the value before the
// branch as its default.
func (w *walker) decideByElem(then, els *state, elem int) {
	p, _ := w.variadicParam()
	if then.dead {
		return
	}
	for v, tk := range then.vars {
		ek, ok := els.vars[v]
		if !ok {
			continue
		}
		for a := range tk.attrs {
			if attr(a) == attrName || attr(a) == attrValue || sameValue(tk.attrs[a], ek.attrs[a]) {
				continue
			}
			d := ek.attrs[a]
			tk.attrs[a] = value{k: dynamic, pos: tk.attrs[a].pos, param: p, elem: elem, def: &d}
		}
	}
}

// hook handles a call of a function that came from the variadic
// parameter (v(&cookie) after v, ok := others[1].(func(*http.Cookie))):
// it runs only where a caller passes such a function, so the cookies it
// is given are marked, not forgotten. It reports whether the call was one.
func (w *walker) hook(call *ast.CallExpr, st *state) bool {
	p, others := w.variadicParam()
	if p == 0 {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := w.info().Uses[id].(*types.Var)
	if !ok || !w.fromVariadic(others)[v] {
		return false
	}
	for _, a := range call.Args {
		if m, ptr := w.c.models.modelOf(w.info().TypeOf(a)); m != nil && ptr {
			if c := w.cookieOf(a, st); c != nil {
				c.hookParam = p
			}
		}
	}
	return true
}

// fromVariadic lists the local variables that hold an element of the
// variadic parameter: v, ok := others[i].(T), a type switch on others[i],
// a range over others (or a slice of it).
func (w *walker) fromVariadic(others *types.Var) map[*types.Var]bool {
	if w.variadicVars != nil {
		return w.variadicVars
	}
	w.variadicVars = map[*types.Var]bool{}
	isOthers := func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.IndexExpr:
			e = x.X
		case *ast.SliceExpr:
			e = x.X
		case *ast.TypeAssertExpr:
			return false
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, _ := w.info().Uses[id].(*types.Var)
		return v == others || w.variadicVars[v] // an element already in a variable
	}
	elemAssert := func(e ast.Expr) bool {
		ta, ok := ast.Unparen(e).(*ast.TypeAssertExpr)
		return ok && isOthers(ta.X)
	}
	mark := func(e ast.Expr) {
		if id, ok := e.(*ast.Ident); ok {
			if v, ok := w.info().ObjectOf(id).(*types.Var); ok {
				w.variadicVars[v] = true
			}
		}
	}
	ast.Inspect(w.root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Rhs) == 1 && elemAssert(n.Rhs[0]) && len(n.Lhs) > 0 {
				mark(n.Lhs[0])
			}
		case *ast.TypeSwitchStmt:
			if as, ok := n.Assign.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && elemAssert(as.Rhs[0]) {
				for _, cl := range n.Body.List {
					if v, ok := w.info().Implicits[cl].(*types.Var); ok {
						w.variadicVars[v] = true
					}
				}
			}
		case *ast.RangeStmt:
			if isOthers(n.X) && n.Value != nil {
				mark(n.Value)
			}
		}
		return true
	})
	return w.variadicVars
}

// anyDecode reads an element of a caller's others ...interface{} the way
// a beego-style setter does (anyValue), for attribute a. It reports false
// when the setter ignores it: nil, a type the attribute is not read from,
// or an empty path or domain, which leave the attribute as it was.
func (w *walker) anyDecode(a attr, e ast.Expr) (value, bool) {
	v := w.anyValue(a, e)
	if v.k == absent {
		return v, false
	}
	if (a == attrPath || a == attrDomain) && v.k == konst && v.s == "" {
		return v, false
	}
	return v, true
}

// isFunc reports whether an argument is a function (a hook the setter may
// run on the cookie), or an interface that may hold one.
func (w *walker) isFunc(e ast.Expr) bool {
	t := w.info().TypeOf(e)
	if t == nil {
		return true
	}
	if types.IsInterface(t) {
		return true
	}
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// ownVariadic returns the 1-based index of the walked function's variadic
// parameter when e is it (others, passed on as others...), or 0.
func (w *walker) ownVariadic(e ast.Expr) int {
	p, others := w.variadicParam()
	if p == 0 {
		return 0
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok && w.info().Uses[id] == others {
		return p
	}
	return 0
}

// elemString writes a value an element decides, for a summary's text:
// arg4[2]|"/" is the second element of argument 4, "/" without one.
func elemString(sv *SummaryValue) string {
	s := "arg" + strconv.Itoa(sv.Param) + "[" + strconv.Itoa(sv.Elem) + "]"
	if d := sv.Default; d != nil && known(d.Known) != absent {
		switch {
		case d.Elem > 0:
			s += "|" + elemString(d)
		case known(d.Known) == dynamic:
			s += "|?"
		case d.Str != "":
			s += "|" + strconv.Quote(d.Str)
		case d.Int != 0:
			s += "|" + strconv.FormatInt(d.Int, 10)
		default:
			s += "|" + strconv.FormatBool(d.Bool)
		}
	}
	return s
}
