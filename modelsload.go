package cookielint

import (
	"bytes"
	"embed"
	"fmt"
	"go/types"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/cookielint/cookielint/policy"
)

// This file builds the registry of models: the built-in ones, one file
// per framework or library under models/ (embedded), read with the policy
// package's models decoder, plus a policy's own models: section, in the
// same form. A policy's models are checked against each package that
// imports their package: a function, method or type that does not exist
// there is an error naming the policy's file:line:col.

//go:embed models/*.yaml
var builtinFS embed.FS

// BuiltinModels returns the built-in models files, by name (models/x.yaml),
// in order: what the analyzer reads, for the tests and the docs.
func BuiltinModels() ([]*policy.Models, error) {
	names, err := fs.Glob(builtinFS, "models/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*policy.Models
	for _, name := range names {
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		spec, err := policy.ParseModels(name, data)
		if err != nil {
			return nil, err
		}
		out = append(out, spec)
	}
	return out, nil
}

// mayBeModeled reports, without building the models, whether a package or
// one of its imports may be a package the built-in models name, or an
// import has summaries: every such package appears in the models files
// as "path.Name", so a package whose path and imports' paths never appear
// so cannot set a cookie through a built-in model. It may say true where
// mayMatter says false, never the reverse.
func mayBeModeled(pass *analysis.Pass, noFacts bool) bool {
	text := builtinText()
	mentioned := func(path string) bool { return bytes.Contains(text, []byte(path+".")) }
	if mentioned(pass.Pkg.Path()) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if mentioned(imp.Path()) || !noFacts && pass.ImportPackageFact(imp, new(packageFact)) {
			return true
		}
	}
	return false
}

var builtinTextOnce = sync.OnceValue(func() []byte {
	var all []byte
	names, _ := fs.Glob(builtinFS, "models/*.yaml")
	for _, n := range names {
		b, _ := builtinFS.ReadFile(n)
		all = append(all, b...)
		all = append(all, '\n')
	}
	return all
})

// builtinText is the text of every built-in models file.
func builtinText() []byte { return builtinTextOnce() }

var builtin struct {
	once sync.Once
	m    *models
	err  error
}

// builtinModels returns the registry of the built-in models, built once.
func builtinModels() (*models, error) {
	builtin.once.Do(func() {
		specs, err := BuiltinModels()
		if err != nil {
			builtin.err = fmt.Errorf("cookielint's built-in models: %w", err)
			return
		}
		r := newModels()
		// net/http first: its Cookie is the default cookie type of sinks.
		sort.SliceStable(specs, func(i, j int) bool { return specs[i].File == nethttpFile && specs[j].File != nethttpFile })
		for _, spec := range specs {
			if err := r.add(spec, false); err != nil {
				builtin.err = fmt.Errorf("cookielint's built-in models: %w", err)
				return
			}
		}
		if err := r.link(specs...); err != nil {
			builtin.err = fmt.Errorf("cookielint's built-in models: %w", err)
			return
		}
		builtin.m = r
	})
	return builtin.m, builtin.err
}

// nethttpFile holds net/http's models, read first.
const nethttpFile = "models/nethttp.yaml"

func newModels() *models {
	return &models{
		types: map[typeKey]*cookieModel{}, byName: map[string]*cookieModel{}, sinks: map[funcKey]*sinkModel{},
		fresh: map[funcKey]*cookieModel{}, options: map[typeKey]*optionModel{}, libraries: map[funcKey]*libraryModel{},
		pkgs: map[string]bool{}, saveAll: map[funcKey]*saveModel{}, contexts: map[typeKey]bool{},
		complete: map[string][]string{}, pastTimes: map[typeKey]bool{}, requestCookies: map[funcKey]bool{},
	}
}

// http is net/http's Cookie model.
func (r *models) http() *cookieModel { return r.byName["net/http.Cookie"] }

// clone returns a registry that can be extended without changing r.
func (r *models) clone() *models {
	return &models{
		types: maps.Clone(r.types), byName: maps.Clone(r.byName), sinks: maps.Clone(r.sinks),
		sinkList: slices.Clone(r.sinkList), fresh: maps.Clone(r.fresh), options: maps.Clone(r.options),
		libraries: maps.Clone(r.libraries), pkgs: maps.Clone(r.pkgs), derivations: slices.Clone(r.derivations),
		saveAll: maps.Clone(r.saveAll), contexts: maps.Clone(r.contexts), complete: maps.Clone(r.complete),
		pastTimes: maps.Clone(r.pastTimes), requestCookies: maps.Clone(r.requestCookies),
	}
}

// withUser returns the registry extended with a policy's models; a
// user's row replaces a built-in one for the same function or type.
func (r *models) withUser(user *policy.Models) (*models, error) {
	n := r.clone()
	if err := n.add(user, true); err != nil {
		return nil, err
	}
	if err := n.link(user); err != nil {
		return nil, err
	}
	n.user = user
	return n, nil
}

func where(m *policy.Models, p policy.Position) string {
	return fmt.Sprintf("%s:%d:%d", m.File, p.Line, p.Column)
}

// add converts decoded models into rows.
func (r *models) add(spec *policy.Models, user bool) error {
	declared := func(p policy.Position) string {
		if !user {
			return ""
		}
		return where(spec, p)
	}
	for _, ct := range spec.Cookies {
		m := r.cookieModelOf(ct, declared(ct.Pos))
		r.types[typeKey{m.pkg, m.name}] = m
		r.byName[m.pkg+"."+m.name] = m
		r.pkgs[m.pkg] = true
	}
	r.addObjects(spec, declared)
	for _, s := range spec.Sinks {
		if s.Saves != "" {
			k, saves, via := funcKey{s.Func.Pkg, s.Func.Recv, s.Func.Name}, s.Saves, s.Via
			at := where(spec, s.Pos)
			r.pkgs[k.pkg] = true
			r.pending = append(r.pending, func() error {
				m := r.byName[saves]
				if m == nil {
					return fmt.Errorf("%s: models: sink %s: saves: %s is not an object of the models", at, k.fn, saves)
				}
				r.saveAll[k] = &saveModel{obj: m, via: via}
				return nil
			})
			continue
		}
		sm := &sinkModel{pkg: s.Func.Pkg, recv: s.Func.Recv, fn: s.Func.Name, arg: receiverArg, options: -1, writerArg: -1,
			via: s.Via, version: s.Version, erases: s.Erases, decodeAny: s.Decode == "any", declared: declared(s.Pos),
			hooks: s.Hooks, fromReceiver: s.FromReceiver,
			norm: normalization{pathDefault: s.Normalize.Path, absentSameSite: s.Normalize.SameSite,
				noneForcesSecure: s.Normalize.NoneForcesSecure, partitionedForcesSecure: s.Normalize.PartitionedForcesSecure}}
		switch {
		case s.Cookie != nil:
			sm.form, sm.arg = formCookie, *s.Cookie
		case s.Header:
			sm.form = formHeader
		case s.Context != nil:
			sm.form, sm.ctxArgs = formContext, map[attr]int{}
			for a, i := range s.Context {
				sm.ctxArgs[attrByName[a]] = i
			}
		case s.ContextOptions != nil:
			sm.form, sm.options = formContextOptions, *s.ContextOptions
		default:
			sm.form = formArgs
		}
		if s.Args != nil {
			sm.args = map[attr]int{}
			for a, i := range s.Args {
				sm.args[attrByName[a]] = i
			}
		}
		if s.Set != nil {
			sm.set = map[attr]value{}
			for a, c := range s.Set {
				sm.set[attrByName[a]] = constValue(attrByName[a], c)
			}
		}
		for _, a := range s.Runtime {
			sm.runtime = append(sm.runtime, attrByName[a])
		}
		for _, a := range s.FromContext {
			sm.fromCtx = append(sm.fromCtx, attrByName[a])
		}
		sort.Slice(sm.fromCtx, func(i, j int) bool { return sm.fromCtx[i] < sm.fromCtx[j] })
		if s.Options != nil {
			sm.options = *s.Options
		}
		if s.Writer != nil {
			sm.writerArg = *s.Writer
		}
		model := s.Model
		if model == "" {
			model = "net/http.Cookie"
		}
		if sm.model = r.byName[model]; sm.model == nil {
			return fmt.Errorf("%s:%d:%d: models: sink %s: model %s is not a cookie type of the models", spec.File, s.Pos.Line, s.Pos.Column, s.Func, model)
		}
		k := funcKey{sm.pkg, sm.recv, sm.fn}
		if old := r.sinks[k]; old != nil {
			for i, x := range r.sinkList {
				if x == old {
					r.sinkList = append(r.sinkList[:i:i], r.sinkList[i+1:]...)
					break
				}
			}
		}
		r.sinks[k] = sm
		r.sinkList = append(r.sinkList, sm)
		r.pkgs[sm.pkg] = true
	}
	for _, sm := range r.sinkList {
		sm.ctxOptions = false
		for _, o := range r.sinkList {
			if o.form == formContextOptions && o.pkg == sm.pkg && o.recv == sm.recv && sm.recv != "" {
				sm.ctxOptions = true
			}
		}
	}
	for _, o := range spec.Options {
		om := &optionModel{pkg: o.Func.Pkg, name: o.Func.Name, set: map[attr]value{}, args: map[attr]int{}}
		for a, c := range o.Set {
			om.set[attrByName[a]] = constValue(attrByName[a], c)
		}
		for a, i := range o.Args {
			om.args[attrByName[a]] = i
		}
		for _, a := range o.Runtime {
			om.runtime = append(om.runtime, attrByName[a])
		}
		r.options[typeKey{om.pkg, om.name}] = om
		r.pkgs[om.pkg] = true // a package may reach a framework's sinks through it (iris)
	}
	r.addLibraries(spec, declared)
	r.addFramework(spec)
	return nil
}

// constValue is a model's constant as an attribute value.
func constValue(a attr, c policy.Const) value {
	switch a {
	case attrName, attrValue, attrPath, attrDomain:
		return value{k: konst, s: c.Str}
	case attrSecure, attrHttpOnly, attrPartitioned, attrSessionOnly:
		return value{k: konst, b: c.Bool}
	case attrSameSite:
		return value{k: konst, i: int64(c.Level)}
	}
	return value{k: konst, i: c.Int}
}

// check reports the user models whose function, method or type does not
// exist in the packages pkg imports (or in pkg itself): the first package
// that would use them.
func (r *models) check(pkg *types.Package) error {
	if r.user == nil {
		return nil
	}
	scopes := map[string]*types.Package{pkg.Path(): pkg}
	for _, imp := range pkg.Imports() {
		scopes[imp.Path()] = imp
	}
	errs := checkSpec(r.user, scopes)
	if len(errs) == 0 {
		return nil
	}
	sort.Strings(errs)
	return fmt.Errorf("%s", strings.Join(errs, "\n"))
}

// checkSpec checks models against the packages they name that are among
// scopes, and returns what is wrong, each with its position.
func checkSpec(spec *policy.Models, scopes map[string]*types.Package) []string {
	var errs []string
	bad := func(p policy.Position, format string, args ...any) {
		errs = append(errs, where(spec, p)+": "+fmt.Sprintf(format, args...))
	}
	for _, ct := range spec.Cookies {
		p := scopes[ct.Pkg]
		if p == nil {
			continue
		}
		tn, ok := p.Scope().Lookup(ct.Name).(*types.TypeName)
		if !ok {
			bad(ct.Pos, "models: cookie type %s.%s: package %s has no type %s", ct.Pkg, ct.Name, ct.Pkg, ct.Name)
			continue
		}
		st, _ := tn.Type().Underlying().(*types.Struct)
		for f := range ct.Fields {
			if !hasField(st, f) {
				bad(ct.Pos, "models: cookie type %s.%s has no field %s", ct.Pkg, ct.Name, f)
			}
		}
		for m := range ct.Setters {
			if !hasMethod(tn.Type(), m) {
				bad(ct.Pos, "models: cookie type %s.%s has no method %s", ct.Pkg, ct.Name, m)
			}
		}
	}
	for _, s := range spec.Sinks {
		p := scopes[s.Func.Pkg]
		if p == nil {
			continue
		}
		sig, msg := lookupFunc(p, s.Func)
		if sig == nil {
			bad(s.Func.Pos, "models: sink %s: %s", s.Func, msg)
			continue
		}
		n := sig.Params().Len()
		maxIndex := func(i int) bool { return i < n || sig.Variadic() }
		idx := map[string]int{}
		for a, i := range s.Args {
			idx[a] = i
		}
		for a, i := range s.Context {
			idx[a] = i
		}
		if s.Cookie != nil && *s.Cookie >= 0 {
			idx["cookie"] = *s.Cookie
		}
		for what, i := range idx {
			if !maxIndex(i) {
				bad(s.Pos, "models: sink %s: %s is argument %d, but it takes %d", s.Func, what, i, n)
			}
		}
	}
	for _, o := range spec.Options {
		p := scopes[o.Func.Pkg]
		if p == nil {
			continue
		}
		switch p.Scope().Lookup(o.Func.Name).(type) {
		case *types.Func, *types.Var:
		default:
			bad(o.Func.Pos, "models: option %s: package %s has no function or variable %s", o.Func, o.Func.Pkg, o.Func.Name)
		}
	}
	return append(errs, checkLibraries(spec, scopes)...)
}

// lookupFunc finds the signature a function reference names, or says why
// it cannot.
func lookupFunc(p *types.Package, f policy.FuncRef) (*types.Signature, string) {
	obj := p.Scope().Lookup(f.Recv)
	if f.Recv == "" {
		fn, ok := p.Scope().Lookup(f.Name).(*types.Func)
		if !ok {
			return nil, fmt.Sprintf("package %s has no function %s", f.Pkg, f.Name)
		}
		return fn.Signature(), ""
	}
	tn, ok := obj.(*types.TypeName)
	if !ok {
		return nil, fmt.Sprintf("package %s has no type %s", f.Pkg, f.Recv)
	}
	ms := types.NewMethodSet(types.NewPointer(tn.Type()))
	if types.IsInterface(tn.Type()) {
		ms = types.NewMethodSet(tn.Type())
	}
	sel := ms.Lookup(p, f.Name)
	if sel == nil {
		sel = ms.Lookup(nil, f.Name)
	}
	if sel == nil {
		return nil, fmt.Sprintf("type %s.%s has no method %s", f.Pkg, f.Recv, f.Name)
	}
	return sel.Obj().(*types.Func).Signature(), ""
}

func hasField(st *types.Struct, name string) bool {
	if st == nil {
		return false
	}
	for f := range st.Fields() {
		if f.Name() == name {
			return true
		}
	}
	return false
}

func hasMethod(t types.Type, name string) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), true, nil, name)
	_, ok := obj.(*types.Func)
	return ok
}

// Modeled reports whether path is a package that cookielint's built-in
// models name (net/http, the frameworks, the session and CSRF libraries):
// a package that imports none of them, directly or not, cannot set a
// cookie (unless a policy's own models name it).
func Modeled(path string) bool {
	m, err := builtinModels()
	return err == nil && m.pkgs[path]
}
