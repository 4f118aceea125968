package policy

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	yamltoken "github.com/goccy/go-yaml/token"
)

// MaxFileSize is the largest policy file Load and Parse accept.
const MaxFileSize = 1 << 20

// Error is one mistake in a policy file.
type Error struct {
	File         string
	Line, Column int
	Msg          string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}

// ErrorList is every mistake found in one policy file, in file order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Load reads and decodes the policy file at path.
func Load(path string) (*Policy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read policy file: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{File: path, Line: 1, Column: 1, Msg: "is a directory, not a policy file"}
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read policy file: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes a policy file's contents; file names it in errors. The
// error, if any, is an ErrorList (or a single *Error for a syntax error).
func Parse(file string, data []byte) (*Policy, error) {
	f, err := parseYAML(file, data)
	if err != nil {
		return nil, err
	}
	d := &decoder{file: file, p: &Policy{File: file}}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		if len(f.Docs) > 1 {
			d.errorf(f.Docs[1], "a policy file holds one YAML document; found %d", len(f.Docs))
		} else {
			d.errs = append(d.errs, &Error{File: file, Line: 1, Column: 1, Msg: "empty policy file: it needs at least \"version: 1\""})
		}
		return nil, d.errs
	}
	d.top(f.Docs[0].Body)
	if len(d.errs) > 0 {
		sort.SliceStable(d.errs, func(i, j int) bool {
			a, b := d.errs[i], d.errs[j]
			return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
		})
		return nil, d.errs
	}
	return d.p, nil
}

// parseYAML parses a policy or models file, within the limits on its size
// and shape.
func parseYAML(file string, data []byte) (*ast.File, error) {
	if len(data) > MaxFileSize {
		return nil, &Error{File: file, Line: 1, Column: 1, Msg: fmt.Sprintf("policy file is over %d bytes, the limit", MaxFileSize)}
	}
	if err := checkShape(file, data); err != nil {
		return nil, err
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return nil, syntaxError(file, err)
	}
	return f, nil
}

func syntaxError(file string, err error) error {
	var se *yaml.SyntaxError
	if errors.As(err, &se) && se.Token != nil && se.Token.Position != nil {
		return ErrorList{{File: file, Line: se.Token.Position.Line, Column: se.Token.Position.Column, Msg: "YAML syntax: " + se.Message}}
	}
	return ErrorList{{File: file, Line: 1, Column: 1, Msg: "YAML syntax: " + err.Error()}}
}

type decoder struct {
	file string
	p    *Policy
	errs ErrorList
}

func pos(n ast.Node) (line, col int) {
	if n == nil {
		return 1, 1
	}
	if m, ok := n.(*ast.MappingNode); ok && len(m.Values) > 0 {
		return pos(m.Values[0].Key)
	}
	if m, ok := n.(*ast.MappingValueNode); ok {
		return pos(m.Key)
	}
	if d, ok := n.(*ast.DocumentNode); ok && (d == nil || d.Start == nil) {
		if d != nil && d.Body != nil {
			return pos(d.Body)
		}
		return 1, 1
	}
	tk := token(n)
	if tk == nil || tk.Position == nil {
		return 1, 1
	}
	return tk.Position.Line, tk.Position.Column
}

// token returns a node's token; the YAML library's nodes may lack one
// (it panics then), so a missing token is nil.
func token(n ast.Node) (tk *yamltoken.Token) {
	defer func() {
		if recover() != nil {
			tk = nil
		}
	}()
	return n.GetToken()
}

func (d *decoder) errorf(n ast.Node, format string, args ...any) {
	line, col := pos(n)
	d.errs = append(d.errs, &Error{File: d.file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// field is one key of a YAML mapping.
type field struct {
	key   string
	keyN  ast.Node
	value ast.Node
}

// mappingValues returns the key-value pairs of a mapping node (a single
// pair is a mapping of one); ok is false for anything else.
func mappingValues(n ast.Node) (values []*ast.MappingValueNode, ok bool) {
	switch m := unwrap(n).(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

// mapping returns the keys of a mapping node in order, reporting anything
// that is not a mapping, a duplicate key or a key outside allowed.
func (d *decoder) mapping(n ast.Node, what string, allowed []string) ([]field, bool) {
	values, ok := mappingValues(n)
	if !ok {
		d.errorf(n, "%s must be a mapping of keys to values, not %s", what, kind(n))
		return nil, false
	}
	seen := map[string]bool{}
	var out []field
	for _, mv := range values {
		k, ok := unwrap(mv.Key).(*ast.StringNode)
		if !ok {
			d.errorf(mv.Key, "%s: keys must be plain strings", what)
			continue
		}
		if seen[k.Value] {
			d.errorf(mv.Key, "%s: duplicate key %q", what, k.Value)
			continue
		}
		seen[k.Value] = true
		known := false
		for _, a := range allowed {
			known = known || a == k.Value
		}
		if !known {
			d.errorf(mv.Key, "%s: unknown field %q (known fields: %s)", what, k.Value, strings.Join(allowed, ", "))
			continue
		}
		out = append(out, field{key: k.Value, keyN: mv.Key, value: mv.Value})
	}
	return out, true
}

// unwrap looks through comments; anchors, aliases and tags are refused
// where they are met, by kind.
func unwrap(n ast.Node) ast.Node {
	for {
		switch x := n.(type) {
		case *ast.CommentGroupNode:
			return x
		case *ast.MappingKeyNode:
			n = x.Value
		default:
			return n
		}
	}
}

func kind(n ast.Node) string {
	switch unwrap(n).(type) {
	case nil, *ast.NullNode:
		return "empty"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.StringNode, *ast.LiteralNode:
		return "a string"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.BoolNode:
		return "true/false"
	case *ast.AnchorNode, *ast.AliasNode:
		return "an anchor or alias (not supported in policy files)"
	case *ast.TagNode:
		return "a tagged value (not supported in policy files)"
	}
	return "an unsupported YAML value"
}

func (d *decoder) str(n ast.Node, what string) (string, bool) {
	switch x := unwrap(n).(type) {
	case *ast.StringNode:
		return x.Value, true
	case *ast.LiteralNode:
		return x.Value.Value, true
	}
	d.errorf(n, "%s must be a string, not %s (quote it)", what, kind(n))
	return "", false
}

func (d *decoder) boolean(n ast.Node, what string) (*bool, bool) {
	if b, ok := unwrap(n).(*ast.BoolNode); ok {
		v := b.Value
		return &v, true
	}
	d.errorf(n, "%s must be true or false, not %s", what, kind(n))
	return nil, false
}

var topFields = []string{"version", "defaults", "cookies", "models", "consent"}

func (d *decoder) top(n ast.Node) {
	fields, ok := d.mapping(n, "policy", topFields)
	if !ok {
		return
	}
	hasVersion := false
	for _, f := range fields {
		switch f.key {
		case "version":
			hasVersion = true
			iv, ok := unwrap(f.value).(*ast.IntegerNode)
			if !ok {
				d.errorf(f.value, "version must be the number 1, not %s", kind(f.value))
				continue
			}
			if fmt.Sprint(iv.Value) != "1" {
				d.errorf(f.value, "unsupported policy version %v: this cookielint reads version 1", iv.Value)
				continue
			}
			d.p.Version = 1
		case "defaults":
			d.p.Defaults = d.rules(f.value, "defaults", defaultFields)
		case "cookies":
			d.cookies(f.value)
		case "models":
			d.p.Models = d.models(f.value)
		case "consent":
			d.p.Consent = d.consent(f.value)
		}
	}
	if !hasVersion {
		d.errorf(n, "missing \"version: 1\" at the top of the policy file")
	}
}

var defaultFields = []string{"secure", "httpOnly", "sameSite", "maxAge"}

var entryFields = []string{"name", "pattern", "provider", "function", "purpose", "category", "party",
	"secure", "httpOnly", "sameSite", "maxAge", "path", "domain", "tcfPurposes", "cookieRefresh", "consent"}

// Fields lists the keys the loader accepts, for tools that must agree
// with it (the JSON Schema): at the top, under defaults, in an entry.
func Fields() (top, defaults, entry []string) {
	return slices.Clone(topFields), slices.Clone(defaultFields), slices.Clone(entryFields)
}

// rules decodes the requirement keys of n; other allowed keys are skipped.
func (d *decoder) rules(n ast.Node, what string, allowed []string) Rules {
	var r Rules
	fields, _ := d.mapping(n, what, allowed)
	for _, f := range fields {
		d.rule(&r, f, what)
	}
	return r
}

func (d *decoder) rule(r *Rules, f field, what string) {
	switch f.key {
	case "secure":
		r.Secure, _ = d.boolean(f.value, what+": secure")
	case "httpOnly":
		r.HttpOnly, _ = d.boolean(f.value, what+": httpOnly")
	case "sameSite":
		s, ok := d.str(f.value, what+": sameSite")
		if !ok {
			return
		}
		switch strings.ToLower(s) {
		case "none":
			r.SameSite = SameSiteNone
		case "lax":
			r.SameSite = SameSiteLax
		case "strict":
			r.SameSite = SameSiteStrict
		default:
			d.errorf(f.value, "%s: sameSite must be none, lax or strict, not %q", what, s)
		}
	case "maxAge":
		if iv, ok := unwrap(f.value).(*ast.IntegerNode); ok {
			d.errorf(f.value, "%s: maxAge %v has no unit: write %vd for days, a Go duration such as 12h, or session", what, iv.Value, iv.Value)
			return
		}
		s, ok := d.str(f.value, what+": maxAge")
		if !ok {
			return
		}
		if s == "session" {
			r.MaxAge = &Lifetime{Session: true}
			return
		}
		dur, err := ParseDuration(s)
		if err != nil {
			d.errorf(f.value, "%s: maxAge: %v", what, err)
			return
		}
		r.MaxAge = &Lifetime{Duration: dur}
	case "path":
		s, ok := d.str(f.value, what+": path")
		if !ok {
			return
		}
		if !strings.HasPrefix(s, "/") {
			d.errorf(f.value, "%s: path %q must start with /", what, s)
			return
		}
		r.Path = &s
	case "domain":
		s, ok := d.str(f.value, what+": domain")
		if !ok {
			return
		}
		if s == "" || strings.ContainsAny(s, " ;,/:") {
			d.errorf(f.value, "%s: domain %q is not a host name", what, s)
			return
		}
		r.Domain = &s
	}
}

var (
	categories = []string{"necessary", "preferences", "statistics", "marketing"}
	parties    = []string{"first", "third"}
)

func (d *decoder) cookies(n ast.Node) {
	if _, ok := unwrap(n).(*ast.NullNode); ok || n == nil {
		return // "cookies:" with nothing under it: no cookies declared
	}
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		d.errorf(n, "cookies must be a list of entries (each starting with \"- name:\" or \"- pattern:\"), not %s", kind(n))
		return
	}
	names := map[string]*Entry{}
	for _, item := range seq.Values {
		e := d.entry(item)
		if e == nil {
			continue
		}
		key := "name " + e.Name
		if e.Pattern != "" {
			key = "pattern " + e.Pattern
		}
		if prev := names[key]; prev != nil {
			d.errorf(item, "duplicate cookie %s (first declared at line %d)", strings.Replace(key, " ", " \"", 1)+"\"", prev.Pos.Line)
			continue
		}
		names[key] = e
		d.p.Cookies = append(d.p.Cookies, e)
	}
}

func (d *decoder) entry(n ast.Node) *Entry {
	fields, ok := d.mapping(n, "cookie entry", entryFields)
	if !ok {
		return nil
	}
	line, col := pos(n)
	e := &Entry{Pos: Position{line, col}}
	var nameN, patternN ast.Node
	before := len(d.errs)
	for _, f := range fields {
		what := "cookie entry"
		switch f.key {
		case "name":
			nameN = f.keyN
			if s, ok := d.str(f.value, "name"); ok {
				if !IsToken(s) {
					d.errorf(f.value, "name %q is not a valid cookie name (letters, digits and !#$%%&'*+-.^_`|~ only)", s)
				}
				e.Name = s
			}
		case "pattern":
			patternN = f.keyN
			if s, ok := d.str(f.value, "pattern"); ok {
				switch {
				case !strings.Contains(s, "*"):
					d.errorf(f.value, "pattern %q has no *: use name: for one exact cookie name", s)
				case !IsToken(s):
					d.errorf(f.value, "pattern %q can match no valid cookie name (letters, digits, * and !#$%%&'+-.^_`|~ only)", s)
				}
				e.Pattern = s
			}
		case "provider":
			e.Provider, _ = d.str(f.value, "provider")
		case "function":
			e.Function, _ = d.str(f.value, "function")
		case "purpose":
			e.Purpose, _ = d.str(f.value, "purpose")
		case "category":
			e.Category = d.oneOf(f.value, "category", categories)
		case "party":
			e.Party = d.oneOf(f.value, "party", parties)
		case "cookieRefresh":
			if b, ok := d.boolean(f.value, "cookieRefresh"); ok {
				e.CookieRefresh = *b
			}
		case "consent":
			e.Consent, _ = d.boolean(f.value, "consent")
		case "tcfPurposes":
			e.TCFPurposes = d.purposes(f.value)
		default:
			d.rule(&e.Rules, f, what)
		}
	}
	switch {
	case nameN != nil && patternN != nil:
		d.errorf(patternN, "cookie entry has both name and pattern: give one")
	case nameN == nil && patternN == nil:
		d.errorf(n, "cookie entry needs a name (or a pattern such as \"_ga_*\")")
	}
	if len(d.errs) > before {
		return nil
	}
	return e
}

func (d *decoder) oneOf(n ast.Node, what string, allowed []string) string {
	s, ok := d.str(n, what)
	if !ok {
		return ""
	}
	for _, a := range allowed {
		if s == a {
			return s
		}
	}
	d.errorf(n, "unknown %s %q: use one of %s", what, s, strings.Join(allowed, ", "))
	return ""
}

// purposes decodes a list of TCF purpose ids (1 to 11).
func (d *decoder) purposes(n ast.Node) []int {
	seq, ok := unwrap(n).(*ast.SequenceNode)
	if !ok {
		d.errorf(n, "tcfPurposes must be a list of TCF purpose ids (1 to 11), not %s", kind(n))
		return nil
	}
	out := []int{}
	for _, item := range seq.Values {
		id, err := -1, error(nil)
		if iv, ok := unwrap(item).(*ast.IntegerNode); ok {
			id, err = strconv.Atoi(fmt.Sprint(iv.Value))
		}
		if err != nil || id < 1 || id > 11 {
			d.errorf(item, "tcfPurposes: %s is not a TCF purpose id (1 to 11)", strings.TrimSpace(item.String()))
			continue
		}
		out = append(out, id)
	}
	return out
}

// Limits on a policy file's shape: a real policy nests four levels deep;
// a hostile one could nest deep enough to make parsing slow.
const (
	maxNesting = 64
	maxIndent  = 256
)

// checkShape refuses flow collections nested deeper than maxNesting and
// lines indented more than maxIndent columns, before the YAML parser sees
// them. Quoted strings and comments are skipped.
func checkShape(file string, data []byte) error {
	line, col, depth, indent := 1, 0, 0, true
	var quote byte
	for i := 0; i < len(data); i++ {
		c := data[i]
		col++
		if c == '\n' {
			line, col, indent, quote = line+1, 0, true, 0
			continue
		}
		if indent && c == ' ' {
			if col > maxIndent {
				return ErrorList{{File: file, Line: line, Column: col, Msg: fmt.Sprintf("indented more than %d columns: a policy file needs a few levels only", maxIndent)}}
			}
			continue
		}
		indent = false
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#' && (i == 0 || data[i-1] == ' ' || data[i-1] == '\t'):
			for i+1 < len(data) && data[i+1] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			depth++
			if depth > maxNesting {
				return ErrorList{{File: file, Line: line, Column: col, Msg: fmt.Sprintf("nested more than %d levels deep: a policy file needs a few levels only", maxNesting)}}
			}
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return nil
}
