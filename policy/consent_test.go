package policy

import (
	"slices"
	"strings"
	"testing"
)

const withConsent = `version: 1
cookies:
  - name: sessionid
    category: necessary
  - name: _ga
    category: statistics
  - name: _pk_id
    category: statistics
    consent: false
  - name: theme
    category: preferences
  - name: lb
    category: necessary
    consent: true
  - name: misc
consent:
  checks:
    - func: example.com/app/consent.Allowed
      category: 1
    - func: (*example.com/app/consent.Manager).Granted
`

func TestParseConsent(t *testing.T) {
	p, err := Parse("p.yaml", []byte(withConsent))
	if err != nil {
		t.Fatal(err)
	}
	c := p.Consent
	if c == nil || len(c.Checks) != 2 || !slices.Equal(c.Required, []string{"preferences", "statistics", "marketing"}) {
		t.Fatalf("consent = %+v", c)
	}
	if ch := c.Checks[0]; ch.Func.Pkg != "example.com/app/consent" || ch.Func.Name != "Allowed" || ch.CategoryArg != 1 {
		t.Errorf("check 0 = %+v", ch)
	}
	if ch := c.Checks[1]; ch.Func.Recv != "Manager" || ch.CategoryArg != -1 {
		t.Errorf("check 1 = %+v", ch)
	}
	for name, want := range map[string]bool{"sessionid": false, "_ga": true, "_pk_id": false, "theme": true, "lb": true, "misc": false} {
		if got := p.NeedsConsent(p.Match(name)); got != want {
			t.Errorf("NeedsConsent(%s) = %v, want %v", name, got, want)
		}
	}
	if w := p.Warnings(); len(w) != 0 {
		t.Errorf("warnings with checks declared: %v", w)
	}
	// Without the section, nothing needs consent.
	plain, err := Parse("p.yaml", []byte(strings.Split(withConsent, "consent:\n  checks")[0]))
	if err != nil {
		t.Fatal(err)
	}
	if plain.Consent != nil || plain.NeedsConsent(plain.Match("_ga")) {
		t.Error("a policy without consent: needs consent")
	}
}

func TestConsentRequiredAndWarnings(t *testing.T) {
	p, err := Parse("p.yaml", []byte("version: 1\ncookies:\n  - name: _ga\n    category: statistics\n  - name: theme\n    category: preferences\nconsent:\n  required: [statistics]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !p.NeedsConsent(p.Match("_ga")) || p.NeedsConsent(p.Match("theme")) {
		t.Error("required: [statistics] not applied")
	}
	w := p.Warnings()
	if len(w) != 1 || !strings.Contains(w[0].Error(), "p.yaml:8:3: consent: _ga (line 3) needs consent, but no check is declared") {
		t.Errorf("warnings = %v", w)
	}
}

func TestConsentErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"consent:\n  check: []\n", `p.yaml:3:3: consent: unknown field "check"`},
		{"consent:\n  checks:\n    - func: Allowed\n", `p.yaml:4:13: consent: check: func: "Allowed" is not a package path and a name`},
		{"consent:\n  checks:\n    - func: app.Allowed\n      category: first\n", `p.yaml:5:17: consent: check: category must be the index of the argument`},
		{"consent:\n  checks:\n    - category: 1\n", `p.yaml:4:7: consent: a check needs "func:`},
		{"consent:\n  checks:\n    - func: app.Allowed\n      cat: 1\n", `p.yaml:5:7: consent: check: unknown field "cat"`},
		{"consent:\n  required: [tracking]\n", `p.yaml:3:14: consent: required: unknown category "tracking"`},
		{"consent:\n  required: [statistics, statistics]\n", `p.yaml:3:26: consent: required: "statistics" is listed twice`},
		{"cookies:\n  - name: a\n    consent: maybe\n", `p.yaml:4:14: consent must be true or false`},
		{"consent:\n  record:\n    cookie: choice\n", `p.yaml:4:5: consent: record needs "cookie: NAME" and "value: TEMPLATE"`},
		{"consent:\n  record:\n    cookie: choice\n    value: \"{stats}\"\n", `p.yaml:5:12: consent: record: value: unknown placeholder {stats}: use {categories} or one of {necessary}, {preferences}, {statistics}, {marketing}`},
		{"consent:\n  record:\n    cookie: \"a b\"\n    value: x\n", `p.yaml:4:13: consent: record: cookie "a b" is not a valid cookie name`},
		{"consent:\n  record:\n    cookie: c\n    value: \"a;b\"\n", `p.yaml:5:12: consent: record: value must not contain a semicolon`},
		{"consent:\n  record:\n    cookie: c\n    value: x\n    path: app\n", `p.yaml:6:11: consent: record: path must start with /`},
		{"consent:\n  record:\n    cookie: c\n    value: x\n    domain: a\n", `p.yaml:6:5: consent: record: unknown field "domain"`},
	} {
		_, err := Parse("p.yaml", []byte("version: 1\n"+c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
}

func TestSchemaConsent(t *testing.T) {
	s := compileSchema(t)
	if err := s.Validate(asJSON(t, []byte(withConsent))); err != nil {
		t.Errorf("schema rejects the consent example: %v", err)
	}
	for name, src := range map[string]string{
		"unknown key":      "version: 1\nconsent:\n  check: []\n",
		"bad func":         "version: 1\nconsent:\n  checks:\n    - func: Allowed\n",
		"bad category arg": "version: 1\nconsent:\n  checks:\n    - func: app.Allowed\n      category: first\n",
		"unknown category": "version: 1\nconsent:\n  required: [tracking]\n",
		"duplicate":        "version: 1\nconsent:\n  required: [statistics, statistics]\n",
		"entry consent":    "version: 1\ncookies:\n  - name: a\n    consent: maybe\n",
		"record no value":  "version: 1\nconsent:\n  record:\n    cookie: c\n",
		"record bad path":  "version: 1\nconsent:\n  record:\n    cookie: c\n    value: x\n    path: app\n",
		"record semicolon": "version: 1\nconsent:\n  record:\n    cookie: c\n    value: \"a;b\"\n",
	} {
		if _, err := Parse("p.yaml", []byte(src)); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
		if err := s.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
	doc := readSchema(t)
	props := func(m any) []string {
		var out []string
		for k := range m.(map[string]any)["properties"].(map[string]any) {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	section, check, record := ConsentFields()
	slices.Sort(section)
	slices.Sort(check)
	slices.Sort(record)
	if got := props(doc["properties"].(map[string]any)["consent"]); !slices.Equal(got, section) {
		t.Errorf("consent fields: schema %v, loader %v", got, section)
	}
	if got := props(doc["$defs"].(map[string]any)["consentCheck"]); !slices.Equal(got, check) {
		t.Errorf("check fields: schema %v, loader %v", got, check)
	}
	if got := props(doc["$defs"].(map[string]any)["consentRecord"]); !slices.Equal(got, record) {
		t.Errorf("record fields: schema %v, loader %v", got, record)
	}
}

// consent: record: how a visitor's choice is written, for the browser
// scan's agreeing visitor.
func TestConsentRecord(t *testing.T) {
	src := withConsent + "  record:\n    cookie: choice\n    value: \"v1|{categories}|stats={statistics}|ads={marketing}\"\n    separator: \"+\"\n"
	p, err := Parse("p.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := p.Consent.Record
	if r == nil || r.Cookie != "choice" || r.Path != "/" || r.Pos.Line != 22 {
		t.Fatalf("record = %+v", r)
	}
	for _, c := range []struct {
		agreed []string
		want   string
	}{
		{nil, "v1||stats=false|ads=false"},
		{[]string{"marketing", "statistics"}, "v1|statistics+marketing|stats=true|ads=true"},
		{[]string{"necessary", "statistics"}, "v1|necessary+statistics|stats=true|ads=false"},
	} {
		if got := r.Render(c.agreed); got != c.want {
			t.Errorf("Render(%v) = %q, want %q", c.agreed, got, c.want)
		}
	}
	plain := &Record{Value: "{categories}", Separator: ","}
	if got := plain.Render([]string{"statistics", "preferences"}); got != "preferences,statistics" {
		t.Errorf("default separator: %q", got)
	}
	// Braces that are no placeholder are written as they are.
	json := &Record{Value: "{necessary:true,statistics:{statistics},x:{}{,{ {marketing}}", Separator: ","}
	if got := json.Render([]string{"statistics"}); got != "{necessary:true,statistics:true,x:{}{,{ false}" {
		t.Errorf("braces: %q", got)
	}
	// The record's cookie undeclared: a warning, not an error.
	w := p.Warnings()
	if len(w) != 1 || !strings.Contains(w[0].Error(), `p.yaml:22:5: consent: record: the cookie "choice" that keeps the visitor's choice is not declared`) {
		t.Errorf("warnings = %v", w)
	}
	declared, err := Parse("p.yaml", []byte(strings.Replace(src, "  - name: misc\n", "  - name: misc\n  - name: choice\n    category: necessary\n", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if w := declared.Warnings(); len(w) != 0 {
		t.Errorf("declared record cookie: warnings %v", w)
	}
	if err := compileSchema(t).Validate(asJSON(t, []byte(src))); err != nil {
		t.Errorf("schema rejects a record: %v", err)
	}
}
