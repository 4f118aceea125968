package cookielint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// This file follows slices, arrays and maps of cookies held in local
// variables: built from a literal, by append or by index stores, and
// ranged over. A range over one is walked once per element, in order, so
// that a loop that hardens every element reaches the loop that sets them,
// and each cookie set in a loop is checked as it is. A collection whose
// elements the walk cannot know (a function's result, a slice spread into
// append, more than maxLiteralLoop elements) is not followed.

// maxLiteralLoop bounds the collections whose cookies are followed one by
// one.
const maxLiteralLoop = 16

// elemModel returns the cookie model of a slice's, array's or map's
// elements, and whether they are pointers.
func (w *walker) elemModel(t types.Type) (*cookieModel, bool) {
	if t == nil {
		return nil, false
	}
	var elem types.Type
	switch u := t.Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
	case *types.Array:
		elem = u.Elem()
	case *types.Map:
		elem = u.Elem()
	default:
		return nil, false
	}
	m, ptr := w.c.models.modelOf(elem)
	if m == nil || m.holder {
		return nil, false
	}
	return m, ptr
}

// listVar returns the local variable an identifier denotes when it holds
// a collection of cookies.
func (w *walker) listVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := w.info().ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() || w.params[v] > 0 {
		return nil
	}
	if m, _ := w.elemModel(v.Type()); m == nil {
		return nil
	}
	return v
}

// collection evaluates an expression assigned to a collection variable:
// its elements, or ok=false when they cannot be known.
func (w *walker) collection(e ast.Expr, st *state) ([]*cookie, bool) {
	m, ptr := w.elemModel(w.info().TypeOf(e))
	if m == nil {
		return nil, false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if len(x.Elts) > maxLiteralLoop {
			return nil, false
		}
		var out []*cookie
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			var k *cookie
			if cl, ok := elt.(*ast.CompositeLit); ok && cl.Type == nil {
				k = w.literal(m, cl) // an element with its type elided
			} else if k = w.cookieOf(elt, st); k == nil {
				return nil, false
			}
			if !ptr {
				k = k.clone()
			}
			out = append(out, k)
		}
		return out, true
	case *ast.Ident:
		if v := w.listVar(x); v != nil {
			if l, ok := st.lists[v]; ok {
				return l, true // the same elements (a slice or map shares them)
			}
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			b, _ := w.info().Uses[id].(*types.Builtin)
			switch {
			case b == nil:
			case b.Name() == "make" && (len(x.Args) == 1 || isZeroConst(w, x.Args[1])):
				return nil, true // empty
			case b.Name() == "append" && len(x.Args) > 0 && !x.Ellipsis.IsValid():
				base, ok := w.collection(x.Args[0], st)
				if !ok || len(base)+len(x.Args)-1 > maxLiteralLoop {
					return nil, false
				}
				out := append([]*cookie(nil), base...)
				for _, a := range x.Args[1:] {
					k := w.cookieOf(a, st)
					if k == nil {
						return nil, false
					}
					if !ptr {
						k = k.clone()
					}
					out = append(out, k)
				}
				return out, true
			}
		}
	}
	return nil, false
}

func isZeroConst(w *walker, e ast.Expr) bool {
	c, _, _ := w.constValue(e)
	if c == nil {
		return false
	}
	n, ok := constant.Int64Val(constant.ToInt(c))
	return ok && n == 0
}

// setList records what an assignment gives a collection variable.
func (w *walker) setList(v *types.Var, e ast.Expr, st *state) {
	if st.lists == nil {
		st.lists = map[*types.Var][]*cookie{}
	}
	if e == nil { // var cs []*http.Cookie: empty
		st.lists[v] = nil
		return
	}
	if l, ok := w.collection(e, st); ok {
		st.lists[v] = l
		return
	}
	delete(st.lists, v)
}

// element returns the cookie cs[i] denotes for a collection the walk
// follows and a constant index, or nil.
func (w *walker) element(ix *ast.IndexExpr, st *state) *cookie {
	v := w.listVar(ix.X)
	if v == nil {
		return nil
	}
	l, ok := st.lists[v]
	if !ok {
		return nil
	}
	c, _, _ := w.constValue(ix.Index)
	if c == nil || c.Kind() != constant.Int {
		return nil
	}
	i, exact := constant.Int64Val(c)
	if !exact || i < 0 || int(i) >= len(l) {
		return nil
	}
	return l[i]
}

// storeElement handles cs[i] = c: a known index replaces the element;
// any other makes the collection unknown.
func (w *walker) storeElement(ix *ast.IndexExpr, r ast.Expr, st *state) {
	v := w.listVar(ix.X)
	if v == nil {
		return
	}
	l, ok := st.lists[v]
	if !ok {
		return
	}
	if _, isMap := v.Type().Underlying().(*types.Map); !isMap {
		c, _, _ := w.constValue(ix.Index)
		if c != nil && c.Kind() == constant.Int {
			if i, exact := constant.Int64Val(c); exact && i >= 0 && int(i) < len(l) {
				if k := w.cookieOf(r, st); k != nil {
					if _, ptr := w.elemModel(v.Type()); !ptr {
						k = k.clone()
					}
					l = append([]*cookie(nil), l...)
					l[i] = k
					st.lists[v] = l
					return
				}
			}
		}
	}
	delete(st.lists, v)
}

// rangeCollection walks a range over a literal or a followed collection
// once for each element, in order: each iteration starts from the state
// the one before left. The key, when it is an index, is that index. It
// reports false when the range is not over such a collection.
func (w *walker) rangeCollection(s *ast.RangeStmt, st *state, label string) bool {
	var elems []*cookie  // a literal's
	var listV *types.Var // or a followed collection's, in each state
	n := 0
	switch x := ast.Unparen(s.X).(type) {
	case *ast.CompositeLit:
		l, ok := w.collection(x, st)
		if !ok {
			return false
		}
		elems, n = l, len(l)
	default:
		listV = w.listVar(x)
		if listV == nil {
			return false
		}
		l, ok := st.lists[listV]
		if !ok {
			return false
		}
		n = len(l)
	}
	if n == 0 {
		return true // the body never runs
	}
	_, ptr := w.elemModel(w.info().TypeOf(s.X))
	var valueVar, keyVar *types.Var
	if id, ok := s.Value.(*ast.Ident); ok && id.Name != "_" {
		valueVar, _ = w.info().ObjectOf(id).(*types.Var)
	}
	if id, ok := s.Key.(*ast.Ident); ok && id.Name != "_" {
		keyVar, _ = w.info().ObjectOf(id).(*types.Var)
	}
	_, isMap := w.info().TypeOf(s.X).Underlying().(*types.Map)
	exits := mayExitEarly(s.Body)
	var out *state
	cur := st
	for i := range n {
		iter := cur.copy()
		var k *cookie
		if listV != nil {
			if l := iter.lists[listV]; i < len(l) {
				k = l[i]
			}
		} else {
			k = elems[i]
		}
		if valueVar != nil && k != nil {
			if ptr {
				iter.vars[valueVar] = k
			} else {
				iter.vars[valueVar] = k.clone()
			}
		}
		if keyVar != nil {
			if iter.scalars == nil {
				iter.scalars = map[*types.Var]scalar{}
			}
			if isMap {
				iter.scalars[keyVar] = scalar{typ: keyVar.Type()}
			} else {
				iter.scalars[keyVar] = scalar{val: constant.MakeInt64(int64(i)), typ: keyVar.Type()}
			}
		}
		t := w.enter(label, true)
		w.stmt(s.Body, iter)
		w.leave()
		iter = joinAll(iter, t.conts)
		iter.dead = false
		if len(t.breaks) > 0 {
			out = joinAll(out, t.breaks)
		}
		if exits {
			if out == nil {
				out = iter
			} else {
				out = merge(out, iter)
			}
		}
		cur = iter
	}
	if exits {
		out = merge(st, out) // a break may leave before any iteration's end
	} else {
		out = cur
	}
	if keyVar != nil {
		delete(out.scalars, keyVar)
	}
	*st = *out
	return true
}

// mayExitEarly reports whether a loop body may leave the loop before its
// end: a break, return or goto outside nested loops, switches, selects and
// closures.
func mayExitEarly(body *ast.BlockStmt) bool {
	found := false
	var visit func(n ast.Node, nested bool)
	visit = func(root ast.Node, nested bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n != root {
					visit(n, true)
					return false
				}
			case *ast.ReturnStmt:
				found = true
			case *ast.BranchStmt:
				if n.Tok == token.GOTO || n.Tok == token.BREAK && (!nested || n.Label != nil) {
					found = true
				}
			}
			return true
		})
	}
	visit(body, false)
	return found
}
