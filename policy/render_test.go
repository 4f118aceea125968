package policy

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/render/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "render", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -run %s ./policy -update to accept):\n%s", name, t.Name(), got)
	}
}

func render(t *testing.T, p *Policy, f func(io.Writer, *Policy) error) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b, p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func load(t *testing.T, path string) *Policy {
	t.Helper()
	p, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The example app's policy: the seed's four cookies.
func TestRenderGolden(t *testing.T) {
	for _, c := range []struct{ policy, name string }{
		{"../examples/opendata/cookie-policy.yaml", "opendata"},
		{"testdata/render/rich.yaml", "rich"},
	} {
		p := load(t, c.policy)
		golden(t, c.name+".md", render(t, p, RenderMarkdown))
		golden(t, c.name+".html", render(t, p, RenderHTML))
		golden(t, c.name+".tcf.json", render(t, p, RenderTCF))
	}
}

func TestMarkdownGroupsNecessaryFirst(t *testing.T) {
	md := string(render(t, load(t, "testdata/render/rich.yaml"), RenderMarkdown))
	order := []string{"## Necessary cookies", "## Preference cookies", "## Statistics cookies", "## Marketing cookies", "## Other cookies"}
	last := -1
	for _, h := range order {
		i := strings.Index(md, h)
		if i < last {
			t.Errorf("%q out of order", h)
		}
		last = i
	}
	for _, want := range []string{
		"| Service provider's name | Function and location | Cookie name(s) | Purposes | Category | Party | Duration |",
		`| Google | Analytics (all pages) | _ga_\* | Distinguishes visits \| sessions | Statistics | Third party | 400 days |`,
		"| Shop | Checkout | cart | Keeps the basket | Necessary | First party | until the browser closes |",
		"| 12 hours |",
		"| 1 year |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

// The HTML is well formed, accessible (a caption and header cells with
// scope on every table) and loads nothing from elsewhere.
func TestHTMLValidAndSelfContained(t *testing.T) {
	page := render(t, load(t, "testdata/render/rich.yaml"), RenderHTML)
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = true
	d.Entity = xml.HTMLEntity
	var stack []string
	tables, captions, headers := 0, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well formed: %v\n%s", err, page)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			stack = append(stack, x.Name.Local)
			switch x.Name.Local {
			case "table":
				tables++
			case "caption":
				captions++
			case "th":
				headers++
				scoped := false
				for _, a := range x.Attr {
					scoped = scoped || a.Name.Local == "scope" && (a.Value == "col" || a.Value == "row")
				}
				if !scoped {
					t.Error("a <th> without scope")
				}
			case "html":
				if lang := attr(x, "lang"); lang == "" {
					t.Error("<html> without lang")
				}
			case "script", "link", "img", "iframe":
				t.Errorf("<%s> in a page that must load nothing", x.Name.Local)
			}
			for _, a := range x.Attr {
				if a.Name.Local == "src" || a.Name.Local == "href" {
					t.Errorf("%s=%q loads something", a.Name.Local, a.Value)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != x.Name.Local {
				t.Fatalf("</%s> closes %v", x.Name.Local, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
	if tables != 5 || captions != tables || headers < tables*7 {
		t.Errorf("%d tables, %d captions, %d header cells", tables, captions, headers)
	}
	if strings.Contains(string(page), "url(") || strings.Contains(string(page), "@import") {
		t.Error("the style loads something")
	}
	if !strings.Contains(string(page), "AdNetwork &lt;Ltd&gt;") {
		t.Error("text is not escaped")
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// The TCF disclosure, field by field.
func TestTCF(t *testing.T) {
	var doc struct {
		Disclosures []map[string]json.RawMessage `json:"disclosures"`
	}
	if err := json.Unmarshal(render(t, load(t, "testdata/render/rich.yaml"), RenderTCF), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]map[string]string{
		"_ga_*":  {"type": `"cookie"`, "maxAgeSeconds": "34560000", "cookieRefresh": "false", "domains": `["*"]`, "purposes": "[1,8,9,10]"},
		"ads_id": {"type": `"cookie"`, "maxAgeSeconds": "31536000", "cookieRefresh": "true", "domains": `["ads.example.com"]`, "purposes": "[1,2,3,4,7]"},
		"cart":   {"type": `"cookie"`, "maxAgeSeconds": "0", "cookieRefresh": "false", "domains": `["*"]`, "purposes": "[]"},
		"theme":  {"type": `"cookie"`, "maxAgeSeconds": "43200", "purposes": "[1,10]"},
		"misc":   {"maxAgeSeconds": "31536000", "purposes": "[1]"},
	}
	if len(doc.Disclosures) != len(want) {
		t.Fatalf("%d disclosures, want %d", len(doc.Disclosures), len(want))
	}
	for _, d := range doc.Disclosures {
		var id string
		if err := json.Unmarshal(d["identifier"], &id); err != nil {
			t.Fatal(err)
		}
		fields, ok := want[id]
		if !ok {
			t.Errorf("unexpected identifier %q", id)
			continue
		}
		for _, required := range []string{"identifier", "type", "maxAgeSeconds", "cookieRefresh", "domains", "purposes"} {
			if _, ok := d[required]; !ok {
				t.Errorf("%s: no %s", id, required)
			}
		}
		for k, v := range fields {
			var compact bytes.Buffer
			if err := json.Compact(&compact, d[k]); err != nil {
				t.Fatal(err)
			}
			if compact.String() != v {
				t.Errorf("%s: %s = %s, want %s", id, k, compact.String(), v)
			}
		}
	}
}
