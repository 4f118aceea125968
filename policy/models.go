package policy

import (
	"fmt"
	gotoken "go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
)

// This file reads models: the cookie types, the calls that set a cookie
// and the functional options that change one, in the form of cookielint's
// built-in framework table. A policy's models: section declares a team's
// own frameworks and wrappers in it; cookielint's built-in models file is
// written in it too (ParseModels).

// Models are cookie types, sinks and options; libraries that set cookies
// by themselves, with their configuration objects (libraries.go); and what
// else the analysis needs to know of a framework.
type Models struct {
	File string
	// Module is the module the models describe, and Checked the versions
	// they were checked against (a built-in file's first is the one its
	// tests build with).
	Module  string
	Checked []string
	// Name and About name the framework and say, in Markdown, what is
	// checked of it: docs/frameworks.md is generated from them.
	Name, About string
	Cookies     []*CookieType
	Objects     []*Object
	Sinks       []*Sink
	Options     []*Option
	// Libraries set cookies by themselves, or return objects that do.
	Libraries []*Library
	// Contexts are types that hold a request: a function taking one is a
	// handler, called by the framework.
	Contexts []FuncRef
	// Complete lists packages whose models say everything their code can
	// do with a cookie: the standalone command reads them from export
	// data. RuntimeCookies are their functions that return a cookie
	// decided at run time.
	Complete       []string
	RuntimeCookies []FuncRef
	// PastTimes are package variables holding a time in the past
	// (fasthttp's CookieExpireDelete): an Expires set to one deletes.
	PastTimes []FuncRef
	// RequestCookies are calls that return a cookie read from the
	// request: it carries a name and a value only.
	RequestCookies []FuncRef
}

// FuncRef names a function, a package-level variable of function type
// (an option), or a method: pkg.F, (pkg.T).M or (*pkg.T).M.
type FuncRef struct {
	Pkg, Recv, Name string
	Text            string   // as written
	Pos             Position // where it is written
}

func (f FuncRef) String() string { return f.Text }

// Const is a constant attribute value in a model: a boolean, a number of
// seconds, a string, or a SameSite level.
type Const struct {
	Bool  bool
	Int   int64
	Str   string
	Level SameSite
}

// CookieType is a cookie type the analysis follows by its fields and
// setter methods.
type CookieType struct {
	Pkg, Name string
	Pos       Position
	Fields    map[string]string // struct field -> attribute
	Setters   map[string]string // method taking one argument -> attribute
	Fresh     []string          // functions of Pkg returning a new, empty cookie
	Pure      []string          // methods that only read the cookie
	// SameSite maps the constant text of a SameSite value (a number for
	// integer constants, a lower-case string for strings; "*" for any
	// other string) to a level.
	SameSite map[string]SameSite
	Spelling map[SameSite]string // how a fix writes a level in Go
	Version  string
}

// Sink is a call that sets a cookie, or that configures later ones.
type Sink struct {
	Func FuncRef
	Pos  Position
	// Exactly one form: Cookie (an argument, or -1 for the receiver, is a
	// cookie of a modeled type), Args/Set (each attribute an argument or
	// a constant), Header ((key, value) of a header), Context (sets an
	// attribute for the receiver's later cookies) or ContextOptions
	// (options from this argument on apply to the receiver's later
	// cookies).
	Cookie         *int
	Args           map[string]int
	Set            map[string]Const
	Runtime        []string // attributes decided at run time
	Header         bool
	Context        map[string]int
	ContextOptions *int
	// FromContext lists attributes the cookie takes from the receiver's
	// earlier Context calls (decided at run time when there were none).
	FromContext []string
	// Options is the first argument that is a functional option.
	Options   *int
	Normalize Normalize
	Model     string // the cookie type whose SameSite map reads the arguments; default net/http.Cookie
	// Decode "any": the arguments are interface{} values read by their
	// dynamic type, as beego reads its others...
	Decode string
	Writer *int // the response writer argument
	Erases bool // a Header Set: replaces the cookies set before
	// Saves: the call saves every object of this type (a session) the
	// function obtained (gorilla's sessions.Save(r, w)).
	Saves string
	// Hooks: a function among the arguments from Args' last on may run on
	// the cookie (macaron's func(*http.Cookie) among its others...): a
	// call that passes one may change any attribute.
	Hooks bool
	// FromReceiver: the receiver is an object whose configuration gives
	// the attributes the arguments do not (zitadel's CookieHandler).
	FromReceiver bool
	Via          string
	Version      string
}

// Normalize is what a sink does to a cookie before writing it.
type Normalize struct {
	Path                    string   // an empty Path becomes this
	SameSite                SameSite // the level of a cookie without SameSite
	NoneForcesSecure        bool
	PartitionedForcesSecure bool
	// PositiveMaxAge: only a positive Max-Age is written (a library's
	// configured lifetime); zero or less means none.
	PositiveMaxAge bool
}

// Option is a functional option: a function (or variable) whose value,
// passed to a sink's Options arguments, changes the cookie.
type Option struct {
	Func    FuncRef
	Pos     Position
	Set     map[string]Const
	Args    map[string]int // attribute -> argument of the option's call
	Runtime []string
}

// Attributes are the attribute names models use.
var Attributes = []string{"name", "value", "secure", "httpOnly", "sameSite", "path", "domain", "maxAge", "expires", "partitioned", "sessionOnly"}

var (
	modelsFields = []string{"module", "checked", "name", "about", "cookies", "objects", "sinks", "options", "libraries", "contexts",
		"complete", "runtimeCookies", "pastTimes", "requestCookies"}
	cookieFields = []string{"type", "fields", "setters", "fresh", "pure", "sameSite", "spelling", "version"}
	sinkFields   = []string{"func", "cookie", "args", "set", "runtime", "header", "context", "contextOptions",
		"fromContext", "options", "normalize", "model", "decode", "writer", "erases", "saves", "hooks", "fromReceiver", "via", "version"}
	optionFields    = []string{"func", "set", "args", "runtime"}
	normalizeFields = []string{"path", "sameSite", "noneForcesSecure", "partitionedForcesSecure", "positiveMaxAge"}
)

// ModelFields lists the keys the models decoder accepts, for the JSON
// Schema test: in the section, a cookie type, a sink, an option, a sink's
// normalize, an object and a library.
func ModelFields() (section, cookie, sink, option, normalize, object, library []string) {
	return clone(modelsFields), clone(cookieFields), clone(sinkFields), clone(optionFields), clone(normalizeFields),
		clone(objectFields), clone(libraryFields)
}

func clone(s []string) []string { return append([]string(nil), s...) }

// ParseModels decodes a models file: a YAML mapping with the keys of a
// policy's models: section. cookielint's built-in models are one.
func ParseModels(file string, data []byte) (*Models, error) {
	f, err := parseYAML(file, data)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: file, p: &Policy{File: file}}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return nil, ErrorList{{File: file, Line: 1, Column: 1, Msg: "a models file holds one YAML mapping"}}
	}
	m := d.models(f.Docs[0].Body)
	if len(d.errs) > 0 {
		return nil, d.sorted()
	}
	return m, nil
}

func (d *decoder) sorted() ErrorList {
	sort.SliceStable(d.errs, func(i, j int) bool {
		a, b := d.errs[i], d.errs[j]
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
	return d.errs
}

func (d *decoder) models(n ast.Node) *Models {
	m := &Models{File: d.file}
	fields, ok := d.mapping(n, "models", modelsFields)
	if !ok {
		return m
	}
	for _, f := range fields {
		what := "models: " + f.key
		switch f.key {
		case "module":
			m.Module, _ = d.str(f.value, what)
			continue
		case "name":
			m.Name, _ = d.str(f.value, what)
			continue
		case "about":
			m.About, _ = d.str(f.value, what)
			continue
		case "checked":
			for _, item := range d.list(f.value, what) {
				if s, ok := d.str(item, what); ok {
					if !isVersion(s) {
						d.errorf(item, "%s: %q is not a version (v1.2.3)", what, s)
					}
					m.Checked = append(m.Checked, s)
				}
			}
			continue
		}
		items := d.list(f.value, what)
		for _, item := range items {
			switch f.key {
			case "cookies":
				if c := d.cookieType(item); c != nil {
					m.Cookies = append(m.Cookies, c)
				}
			case "objects":
				if o := d.object(item); o != nil {
					m.Objects = append(m.Objects, o)
				}
			case "sinks":
				if s := d.sink(item); s != nil {
					m.Sinks = append(m.Sinks, s)
				}
			case "options":
				if o := d.option(item); o != nil {
					m.Options = append(m.Options, o)
				}
			case "libraries":
				if l := d.library(item); l != nil {
					m.Libraries = append(m.Libraries, l)
				}
			case "contexts":
				if r, ok := d.funcRef(item, f.key); ok && r.Recv == "" {
					m.Contexts = append(m.Contexts, r)
				} else if ok {
					d.errorf(item, "%s: %q is not a type (package/path.Name)", what, r.Text)
				}
			case "complete":
				if s, ok := d.str(item, what); ok {
					m.Complete = append(m.Complete, s)
				}
			case "runtimeCookies", "pastTimes", "requestCookies":
				r, ok := d.funcRef(item, f.key)
				if !ok {
					continue
				}
				switch f.key {
				case "runtimeCookies":
					m.RuntimeCookies = append(m.RuntimeCookies, r)
				case "pastTimes":
					m.PastTimes = append(m.PastTimes, r)
				default:
					m.RequestCookies = append(m.RequestCookies, r)
				}
			}
		}
	}
	return m
}

// list returns the items of a sequence (none for an empty value).
func (d *decoder) list(n ast.Node, what string) []ast.Node {
	switch x := unwrap(n).(type) {
	case nil, *ast.NullNode:
		return nil
	case *ast.SequenceNode:
		return x.Values
	}
	d.errorf(n, "%s must be a list, not %s", what, kind(n))
	return nil
}

func (d *decoder) position(n ast.Node) Position {
	l, c := pos(n)
	return Position{l, c}
}

func (d *decoder) cookieType(n ast.Node) *CookieType {
	fields, ok := d.mapping(n, "models: cookie type", cookieFields)
	if !ok {
		return nil
	}
	before := len(d.errs)
	c := &CookieType{Pos: d.position(n)}
	hasType, hasCarriers := false, false
	for _, f := range fields {
		what := "cookie type: " + f.key
		switch f.key {
		case "type":
			hasType = true
			s, ok := d.str(f.value, what)
			if !ok {
				continue
			}
			pkg, name, err := splitQualified(s)
			if err != nil {
				d.errorf(f.value, "cookie type: %v", err)
				continue
			}
			c.Pkg, c.Name = pkg, name
		case "fields", "setters":
			hasCarriers = true
			d.cookieTypeField(c, f)
		default:
			d.cookieTypeField(c, f)
		}
	}
	if !hasType {
		d.errorf(n, "models: a cookie type needs \"type: package/path.Name\"")
	}
	if !hasCarriers && hasType {
		d.errorf(n, "models: cookie type %s.%s needs fields or setters that carry its attributes", c.Pkg, c.Name)
	}
	if len(d.errs) > before {
		return nil
	}
	return c
}

// cookieTypeField decodes a field that cookie types and objects share.
func (d *decoder) cookieTypeField(c *CookieType, f field) {
	what := "cookie type: " + f.key
	switch f.key {
	case "fields":
		c.Fields = d.attrMap(f.value, what, true)
	case "setters":
		c.Setters = d.attrMap(f.value, what, true)
	case "fresh":
		c.Fresh = d.identList(f.value, what)
	case "pure":
		c.Pure = d.identList(f.value, what)
	case "sameSite":
		c.SameSite = map[string]SameSite{}
		for _, kv := range d.stringMap(f.value, what) {
			lvl, ok := parseLevel(kv.val)
			if !ok {
				d.errorf(kv.node, "%s: %q is not a SameSite level (none, lax, strict or unset)", what, kv.val)
				continue
			}
			c.SameSite[kv.key] = lvl
		}
	case "spelling":
		c.Spelling = d.spelling(f.value, what)
	case "version":
		c.Version, _ = d.str(f.value, what)
	}
}

// spelling decodes how a fix writes each SameSite level in Go.
func (d *decoder) spelling(n ast.Node, what string) map[SameSite]string {
	out := map[SameSite]string{}
	for _, kv := range d.stringMap(n, what) {
		lvl, ok := parseLevel(kv.key)
		if !ok || lvl == SameSiteUnset {
			d.errorf(kv.keyNode, "%s: %q is not a SameSite level (none, lax or strict)", what, kv.key)
			continue
		}
		out[lvl] = kv.val
	}
	return out
}

func (d *decoder) sink(n ast.Node) *Sink {
	fields, ok := d.mapping(n, "models: sink", sinkFields)
	if !ok {
		return nil
	}
	before := len(d.errs)
	s := &Sink{Pos: d.position(n)}
	hasFunc := false
	var forms []string
	for _, f := range fields {
		what := "sink: " + f.key
		switch f.key {
		case "func":
			hasFunc = true
			s.Func, _ = d.funcRef(f.value, "sink")
		case "cookie":
			forms = append(forms, f.key)
			if str, ok := unwrap(f.value).(*ast.StringNode); ok && str.Value == "receiver" {
				r := -1
				s.Cookie = &r
				continue
			}
			s.Cookie = d.index(f.value, what+` (an argument index, or "receiver")`)
		case "args":
			forms = append(forms, f.key)
			s.Args = d.attrIndexes(f.value, what)
		case "set":
			s.Set = d.constants(f.value, what)
		case "runtime":
			s.Runtime = d.attrList(f.value, what)
		case "header":
			forms = append(forms, f.key)
			if b, ok := d.boolean(f.value, what); ok {
				s.Header = *b
			}
		case "context":
			forms = append(forms, f.key)
			s.Context = d.attrIndexes(f.value, what)
		case "contextOptions":
			forms = append(forms, f.key)
			s.ContextOptions = d.index(f.value, what)
		case "fromContext":
			s.FromContext = d.attrList(f.value, what)
		case "options":
			s.Options = d.index(f.value, what)
		case "normalize":
			s.Normalize = d.normalize(f.value)
		case "model":
			if str, ok := d.str(f.value, what); ok {
				if _, _, err := splitQualified(str); err != nil {
					d.errorf(f.value, "%s: %v", what, err)
				}
				s.Model = str
			}
		case "decode":
			if str, ok := d.str(f.value, what); ok {
				if str != "any" {
					d.errorf(f.value, "%s: %q is not a decoding (known: any)", what, str)
				}
				s.Decode = str
			}
		case "writer":
			s.Writer = d.index(f.value, what)
		case "erases":
			if b, ok := d.boolean(f.value, what); ok {
				s.Erases = *b
			}
		case "saves":
			forms = append(forms, f.key)
			s.Saves = d.typeName(f.value, what)
		case "hooks", "fromReceiver":
			if b, ok := d.boolean(f.value, what); ok {
				if f.key == "hooks" {
					s.Hooks = *b
				} else {
					s.FromReceiver = *b
				}
			}
		case "via":
			s.Via, _ = d.str(f.value, what)
		case "version":
			s.Version, _ = d.str(f.value, what)
		}
	}
	switch {
	case !hasFunc:
		d.errorf(n, "models: a sink needs \"func: package/path.Func\" or \"func: (*package/path.Type).Method\"")
	case len(forms) > 1:
		d.errorf(n, "models: sink %s has %s: give one of cookie, args, header, context, contextOptions, saves", s.Func, strings.Join(forms, " and "))
	case len(forms) == 0 && len(s.Set) == 0:
		d.errorf(n, "models: sink %s needs cookie (the argument that is a cookie), args (the argument of each attribute) or set", s.Func)
	}
	if s.Via == "" {
		s.Via = s.Func.Name
		if s.Func.Recv != "" {
			s.Via = s.Func.Recv + "." + s.Func.Name
		}
	}
	if len(d.errs) > before {
		return nil
	}
	return s
}

func (d *decoder) option(n ast.Node) *Option {
	fields, ok := d.mapping(n, "models: option", optionFields)
	if !ok {
		return nil
	}
	before := len(d.errs)
	o := &Option{Pos: d.position(n)}
	hasFunc := false
	for _, f := range fields {
		what := "option: " + f.key
		switch f.key {
		case "func":
			hasFunc = true
			o.Func, _ = d.funcRef(f.value, "option")
		case "set":
			o.Set = d.constants(f.value, what)
		case "args":
			o.Args = d.attrIndexes(f.value, what)
		case "runtime":
			o.Runtime = d.attrList(f.value, what)
		}
	}
	if !hasFunc {
		d.errorf(n, "models: an option needs \"func: package/path.Func\"")
	}
	if len(d.errs) > before {
		return nil
	}
	return o
}

func (d *decoder) normalize(n ast.Node) Normalize {
	var out Normalize
	fields, _ := d.mapping(n, "sink: normalize", normalizeFields)
	for _, f := range fields {
		what := "sink: normalize: " + f.key
		switch f.key {
		case "path":
			out.Path, _ = d.str(f.value, what)
		case "sameSite":
			if s, ok := d.str(f.value, what); ok {
				lvl, ok := parseLevel(s)
				if !ok {
					d.errorf(f.value, "%s: %q is not a SameSite level (none, lax, strict or unset)", what, s)
				}
				out.SameSite = lvl
			}
		case "noneForcesSecure":
			if b, ok := d.boolean(f.value, what); ok {
				out.NoneForcesSecure = *b
			}
		case "partitionedForcesSecure":
			if b, ok := d.boolean(f.value, what); ok {
				out.PartitionedForcesSecure = *b
			}
		case "positiveMaxAge":
			if b, ok := d.boolean(f.value, what); ok {
				out.PositiveMaxAge = *b
			}
		}
	}
	return out
}

// funcRef decodes pkg.F, (pkg.T).M or (*pkg.T).M.
func (d *decoder) funcRef(n ast.Node, what string) (FuncRef, bool) {
	s, ok := d.str(n, what+": func")
	if !ok {
		return FuncRef{}, false
	}
	f, err := ParseFuncRef(s)
	if err != nil {
		d.errorf(n, "%s: func: %v", what, err)
		return FuncRef{}, false
	}
	f.Pos = d.position(n)
	return f, true
}

// ParseFuncRef reads pkg.F, (pkg.T).M or (*pkg.T).M.
func ParseFuncRef(s string) (FuncRef, error) {
	f := FuncRef{Text: s}
	if strings.HasPrefix(s, "(") {
		end := strings.Index(s, ")")
		if end < 0 || !strings.HasPrefix(s[end+1:], ".") {
			return f, fmt.Errorf("%q: write a method as (*package/path.Type).Method or (package/path.Type).Method", s)
		}
		recv := strings.TrimPrefix(s[1:end], "*")
		pkg, typ, err := splitQualified(recv)
		if err != nil {
			return f, err
		}
		f.Pkg, f.Recv, f.Name = pkg, typ, s[end+2:]
		if !gotoken.IsIdentifier(f.Name) {
			return f, fmt.Errorf("%q: %q is not a method name", s, f.Name)
		}
		return f, nil
	}
	pkg, name, err := splitQualified(s)
	if err != nil {
		return f, err
	}
	f.Pkg, f.Name = pkg, name
	return f, nil
}

// splitQualified splits package/path.Name.
func splitQualified(s string) (pkg, name string, err error) {
	i := strings.LastIndex(s, ".")
	slash := strings.LastIndex(s, "/")
	if i < 0 || i < slash {
		return "", "", fmt.Errorf("%q is not a package path and a name (package/path.Name)", s)
	}
	pkg, name = s[:i], s[i+1:]
	if !gotoken.IsIdentifier(name) {
		return "", "", fmt.Errorf("%q: %q is not a Go identifier", s, name)
	}
	if pkg == "" || strings.ContainsAny(pkg, " \t\"'`\\:;,()*") || strings.HasPrefix(pkg, "/") || strings.HasSuffix(pkg, "/") || strings.Contains(pkg, "//") {
		return "", "", fmt.Errorf("%q: %q is not a package path", s, pkg)
	}
	return pkg, name, nil
}

type kvPair struct {
	key, val      string
	keyNode, node ast.Node
}

// stringMap decodes a mapping of strings to strings (numbers and booleans
// as written), in order.
func (d *decoder) stringMap(n ast.Node, what string) []kvPair {
	values, ok := mappingValues(n)
	if !ok {
		d.errorf(n, "%s must be a mapping, not %s", what, kind(n))
		return nil
	}
	var out []kvPair
	seen := map[string]bool{}
	for _, mv := range values {
		k, ok := d.scalar(mv.Key)
		if !ok {
			d.errorf(mv.Key, "%s: keys must be plain strings or numbers", what)
			continue
		}
		if seen[k] {
			d.errorf(mv.Key, "%s: duplicate key %q", what, k)
			continue
		}
		seen[k] = true
		v, ok := d.scalar(mv.Value)
		if !ok {
			d.errorf(mv.Value, "%s: %s must be a string, not %s", what, k, kind(mv.Value))
			continue
		}
		out = append(out, kvPair{key: k, val: v, keyNode: mv.Key, node: mv.Value})
	}
	return out
}

// scalar reads a string, number or boolean as written.
func (d *decoder) scalar(n ast.Node) (string, bool) {
	switch x := unwrap(n).(type) {
	case *ast.StringNode:
		return x.Value, true
	case *ast.IntegerNode:
		return fmt.Sprint(x.Value), true
	case *ast.BoolNode:
		return strconv.FormatBool(x.Value), true
	}
	return "", false
}

// attrMap decodes Go names -> attribute names.
func (d *decoder) attrMap(n ast.Node, what string, goKeys bool) map[string]string {
	out := map[string]string{}
	for _, kv := range d.stringMap(n, what) {
		if goKeys && !gotoken.IsIdentifier(kv.key) {
			d.errorf(kv.keyNode, "%s: %q is not a Go identifier", what, kv.key)
			continue
		}
		if !isAttribute(kv.val) {
			d.errorf(kv.node, "%s: unknown attribute %q (known: %s)", what, kv.val, strings.Join(Attributes, ", "))
			continue
		}
		out[kv.key] = kv.val
	}
	return out
}

// attrIndexes decodes attribute names -> argument indexes.
func (d *decoder) attrIndexes(n ast.Node, what string) map[string]int {
	out := map[string]int{}
	for _, kv := range d.stringMap(n, what) {
		if !isAttribute(kv.key) {
			d.errorf(kv.keyNode, "%s: unknown attribute %q (known: %s)", what, kv.key, strings.Join(Attributes, ", "))
			continue
		}
		i, err := strconv.Atoi(kv.val)
		if err != nil || i < 0 || i > 255 {
			d.errorf(kv.node, "%s: %s: %q is not an argument index (0 for the first argument)", what, kv.key, kv.val)
			continue
		}
		out[kv.key] = i
	}
	return out
}

// constants decodes attribute names -> constant values.
func (d *decoder) constants(n ast.Node, what string) map[string]Const {
	return d.constantPairs(d.stringMap(n, what), what)
}

func (d *decoder) constantPairs(kvs []kvPair, what string) map[string]Const {
	out := map[string]Const{}
	for _, kv := range kvs {
		var c Const
		bad := false
		switch kv.key {
		case "name", "value", "path", "domain":
			c.Str = kv.val
		case "secure", "httpOnly", "partitioned", "sessionOnly":
			b, err := strconv.ParseBool(kv.val)
			bad = err != nil || kv.val != "true" && kv.val != "false"
			c.Bool = b
		case "maxAge", "expires":
			i, err := strconv.ParseInt(kv.val, 10, 64)
			bad = err != nil
			c.Int = i
		case "sameSite":
			lvl, ok := parseLevel(kv.val)
			bad = !ok
			c.Level = lvl
		default:
			d.errorf(kv.keyNode, "%s: unknown attribute %q (known: %s)", what, kv.key, strings.Join(Attributes, ", "))
			continue
		}
		if bad {
			d.errorf(kv.node, "%s: %s: %q is not a value of this attribute (booleans true or false, lifetimes in seconds, SameSite none, lax, strict or unset)", what, kv.key, kv.val)
			continue
		}
		out[kv.key] = c
	}
	return out
}

func (d *decoder) attrList(n ast.Node, what string) []string {
	var out []string
	for _, item := range d.list(n, what) {
		s, ok := d.str(item, what)
		if !ok {
			continue
		}
		if !isAttribute(s) {
			d.errorf(item, "%s: unknown attribute %q (known: %s)", what, s, strings.Join(Attributes, ", "))
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) identList(n ast.Node, what string) []string {
	var out []string
	for _, item := range d.list(n, what) {
		s, ok := d.str(item, what)
		if !ok {
			continue
		}
		if !gotoken.IsIdentifier(s) {
			d.errorf(item, "%s: %q is not a Go identifier", what, s)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (d *decoder) index(n ast.Node, what string) *int {
	iv, ok := unwrap(n).(*ast.IntegerNode)
	if ok {
		if i, err := strconv.Atoi(fmt.Sprint(iv.Value)); err == nil && i >= 0 && i <= 255 {
			return &i
		}
	}
	d.errorf(n, "%s must be an argument index (0 for the first argument), not %s", what, strings.TrimSpace(fmt.Sprint(n)))
	return nil
}

func isAttribute(s string) bool {
	for _, a := range Attributes {
		if a == s {
			return true
		}
	}
	return false
}

func parseLevel(s string) (SameSite, bool) {
	switch strings.ToLower(s) {
	case "none":
		return SameSiteNone, true
	case "lax":
		return SameSiteLax, true
	case "strict":
		return SameSiteStrict, true
	case "unset":
		return SameSiteUnset, true
	}
	return 0, false
}
