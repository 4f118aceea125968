package cookielint

import (
	"go/ast"
	"go/constant"
	"go/types"
	"time"
)

// This file evaluates constant times, for a cookie's Expires.

// timeFromNow evaluates an expression of type time.Time that is fixed at
// compile time, relative to now: time.Now().Add(d) and AddDate with
// constant arguments, time.Unix and time.Date with constant arguments.
// It returns the number of seconds from now (negative for the past), or
// zero=true for the zero time, which net/http does not write.
func (c *checker) timeFromNow(e ast.Expr) (rel int64, zero, ok bool) {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if lit, isLit := e.(*ast.CompositeLit); isLit && len(lit.Elts) == 0 {
		if isNamed(info.TypeOf(lit), "time", "Time") {
			return 0, true, true
		}
	}
	if c.pastTimeVar(e) {
		return -1 << 40, false, true
	}
	call, isCall := e.(*ast.CallExpr)
	if !isCall {
		return 0, false, false
	}
	key, _, isFunc := calleeKey(info, call)
	if !isFunc || key.pkg != "time" {
		return 0, false, false
	}
	ints := func(args []ast.Expr) ([]int64, bool) {
		var out []int64
		for _, a := range args {
			tv, ok := info.Types[a]
			if !ok || tv.Value == nil {
				return nil, false
			}
			n, exact := constant.Int64Val(constant.ToInt(tv.Value))
			if !exact {
				return nil, false
			}
			out = append(out, n)
		}
		return out, true
	}
	now := time.Now()
	switch {
	case key.recv == "" && key.fn == "Unix" && len(call.Args) == 2:
		if n, ok := ints(call.Args); ok {
			return int64(time.Unix(n[0], n[1]).Sub(now) / time.Second), false, true
		}
	case key.recv == "" && key.fn == "UnixMilli" && len(call.Args) == 1:
		if n, ok := ints(call.Args); ok {
			return int64(time.UnixMilli(n[0]).Sub(now) / time.Second), false, true
		}
	case key.recv == "" && key.fn == "Date" && len(call.Args) == 8:
		if n, ok := ints(call.Args[:7]); ok {
			t := time.Date(int(n[0]), time.Month(n[1]), int(n[2]), int(n[3]), int(n[4]), int(n[5]), int(n[6]), time.UTC)
			return int64(t.Sub(now) / time.Second), false, true
		}
	case key.recv == "Time" && (key.fn == "Add" || key.fn == "AddDate"):
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if sel == nil || !c.isTimeNow(sel.X) {
			return 0, false, false
		}
		n, ok := ints(call.Args)
		if !ok {
			return 0, false, false
		}
		if key.fn == "Add" && len(n) == 1 {
			return n[0] / int64(time.Second), false, true
		}
		if key.fn == "AddDate" && len(n) == 3 {
			t := now.AddDate(int(n[0]), int(n[1]), int(n[2]))
			return int64(t.Sub(now) / time.Second), false, true
		}
	}
	return 0, false, false
}

// isTimeNow reports whether e is a call of time.Now (possibly followed by
// .UTC() or .Local(), which do not move the instant).
func (c *checker) isTimeNow(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	key, _, ok := calleeKey(c.pass.TypesInfo, call)
	if !ok || key.pkg != "time" {
		return false
	}
	switch {
	case key.recv == "" && key.fn == "Now":
		return true
	case key.recv == "Time" && (key.fn == "UTC" || key.fn == "Local" || key.fn == "Round" || key.fn == "Truncate"):
		sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return sel != nil && c.isTimeNow(sel.X)
	}
	return false
}

// pastTimeVar reports whether e names a package variable that holds a
// time in the past (the models' pastTimes: fasthttp's CookieExpireDelete).
func (c *checker) pastTimeVar(e ast.Expr) bool {
	var id *ast.Ident
	switch x := e.(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() == nil {
		return false
	}
	return c.models.pastTimes[typeKey{v.Pkg().Path(), v.Name()}]
}
