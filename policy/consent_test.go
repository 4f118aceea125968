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
	section, check := ConsentFields()
	slices.Sort(section)
	slices.Sort(check)
	if got := props(doc["properties"].(map[string]any)["consent"]); !slices.Equal(got, section) {
		t.Errorf("consent fields: schema %v, loader %v", got, section)
	}
	if got := props(doc["$defs"].(map[string]any)["consentCheck"]); !slices.Equal(got, check) {
		t.Errorf("check fields: schema %v, loader %v", got, check)
	}
}
