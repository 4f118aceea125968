package cookielint

import (
	"go/ast"
	"time"

	"github.com/cookielint/cookielint/policy"
)

// This file holds what a library does with its cookie that the models'
// data cannot say, each named by a library's hook: in its models file
// (docs/frameworks.md lists them, with why they are Go).

// hooks are the behaviours a library's hook: names.
var hooks = map[string]func(w *walker, call *ast.CallExpr, k *cookie) []*cookie{
	"iris-sessions": irisSessions,
}

// irisSessions applies iris's sessions rules, which compute: an Expires
// of 0 means "unlimited", now plus 24 years, 10 months and 10 days (a
// calendar date, not a constant), a negative one a session cookie; and,
// unless DisableSubdomainPersistence, a cookie named in the configuration
// (not the default name filled in later) gets the request's domain and
// SameSite Lax.
func irisSessions(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	switch v := k.attrs[attrMaxAge]; {
	case v.k == absent || v.k == konst && v.i == 0: // "unlimited": now + 24 years, 10 months, 10 days
		now := time.Now()
		k.attrs[attrMaxAge] = value{k: konst, i: int64(now.AddDate(24, 10, 10).Sub(now) / time.Second), pos: v.pos, expr: v.expr}
	case v.k == konst && v.i < 0:
		k.attrs[attrMaxAge] = value{k: absent, pos: v.pos, expr: v.expr}
	}
	// sessions.New applies CookieAllowSubdomains(cfg.Cookie) before it
	// fills in the default name: it matches only a cookie named in the
	// configuration.
	raw := w.libraryConfig(w.c.models.library(keyOfCall(w, call)), call)
	named := raw.attrs[attrName]
	disabled := k.attrs[attrAux]
	switch {
	case disabled.isTrue() || named.k == absent || named.k == konst && named.s == "":
	case disabled.k == dynamic || named.k == dynamic:
		k.attrs[attrDomain] = value{k: dynamic, pos: call.Pos()}
		k.attrs[attrSameSite] = value{k: dynamic, pos: call.Pos()}
	default: // the request's domain, and Lax
		k.attrs[attrDomain] = value{k: dynamic, pos: call.Pos()}
		k.attrs[attrSameSite] = value{k: konst, i: int64(policy.SameSiteLax), pos: call.Pos()}
	}
	return []*cookie{k}
}
