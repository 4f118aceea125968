package policy

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaFile = "../policy.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// asJSON turns YAML into the value a JSON Schema validator reads.
func asJSON(t *testing.T, src []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// The policies the project ships validate, and the loader accepts them.
func TestSchemaAcceptsExamples(t *testing.T) {
	s := compileSchema(t)
	files := []string{
		"../examples/opendata/cookie-policy.yaml",
		"../examples/nogo/cookie-policy.yaml",
		"../testdata/src/cookie-policy.yaml",
		"../testdata/src/helpers/cookie-policy.yaml",
		"../testdata/frameworks/cookie-policy.yaml",
		"../cmd/cookielint/testdata/vetmod/cookie-policy.yaml",
		"../cmd/cookielint/testdata/fixmod/cookie-policy.yaml",
		"testdata/render/rich.yaml",
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := Parse(f, src); err != nil {
			t.Errorf("loader rejects %s: %v", f, err)
		}
		if err := s.Validate(asJSON(t, src)); err != nil {
			t.Errorf("schema rejects %s: %v", f, err)
		}
	}
	if err := s.Validate(asJSON(t, []byte(good))); err != nil {
		t.Errorf("schema rejects the loader test's good policy: %v", err)
	}
}

// Every mistake the schema can express is refused by both.
func TestSchemaRejectsWhatTheLoaderRejects(t *testing.T) {
	s := compileSchema(t)
	for name, src := range map[string]string{
		"unknown field":         "version: 1\ncookies:\n  - name: a\n    purpse: x\n",
		"unknown top field":     "version: 1\ncookie: []\n",
		"unknown default":       "version: 1\ndefaults:\n  path: /\n",
		"missing version":       "cookies:\n  - name: a\n",
		"bad version":           "version: 2\n",
		"wrong type bool":       "version: 1\ndefaults:\n  secure: yes please\n",
		"wrong type string":     "version: 1\ncookies:\n  - name: 123\n",
		"cookies not a list":    "version: 1\ncookies:\n  name: a\n",
		"missing name":          "version: 1\ncookies:\n  - provider: x\n",
		"name and pattern":      "version: 1\ncookies:\n  - name: a\n    pattern: a*\n",
		"unknown category":      "version: 1\ncookies:\n  - name: a\n    category: tracking\n",
		"unknown party":         "version: 1\ncookies:\n  - name: a\n    party: second\n",
		"bad duration":          "version: 1\ncookies:\n  - name: a\n    maxAge: 3 weeks\n",
		"duration without unit": "version: 1\ndefaults:\n  maxAge: 30\n",
		"bad sameSite":          "version: 1\ndefaults:\n  sameSite: sometimes\n",
		"pattern without star":  "version: 1\ncookies:\n  - pattern: abc\n",
		"bad pattern":           "version: 1\ncookies:\n  - pattern: \"a b*\"\n",
		"bad name":              "version: 1\ncookies:\n  - name: \"a;b\"\n",
		"bad path":              "version: 1\ncookies:\n  - name: a\n    path: app\n",
		"bad tcf purpose":       "version: 1\ncookies:\n  - name: a\n    tcfPurposes: [1, 12]\n",
		"tcf purposes not list": "version: 1\ncookies:\n  - name: a\n    tcfPurposes: 1\n",
		"not a mapping":         "- a\n",
	} {
		if _, err := Parse("p.yaml", []byte(src)); err == nil {
			t.Errorf("%s: the loader accepts it", name)
		}
		if err := s.Validate(asJSON(t, []byte(src))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// The schema's properties are the loader's fields, at every level.
func TestSchemaFieldsMatchLoader(t *testing.T) {
	raw, err := os.ReadFile(filepath.FromSlash(schemaFile))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Properties map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"properties"`
		Defs struct {
			Entry struct {
				Properties map[string]any `json:"properties"`
			} `json:"entry"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	top, defaults, entry := Fields()
	var schemaTop []string
	for k := range doc.Properties {
		schemaTop = append(schemaTop, k)
	}
	sort.Strings(schemaTop)
	for _, c := range []struct {
		level         string
		loader, schem []string
	}{
		{"top", top, schemaTop},
		{"defaults", defaults, keys(doc.Properties["defaults"].Properties)},
		{"entry", entry, keys(doc.Defs.Entry.Properties)},
	} {
		sort.Strings(c.loader)
		if !slices.Equal(c.loader, c.schem) {
			t.Errorf("%s fields: loader %v, schema %v", c.level, c.loader, c.schem)
		}
	}
}
