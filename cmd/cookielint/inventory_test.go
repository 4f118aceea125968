package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cookielint/cookielint/internal/testutil"
)

// frameworksModule is the testdata module with the real frameworks, its
// modules downloaded and the packages these tests run the command on
// compiled (once for every test process: testutil.Module).
func frameworksModule(t *testing.T) string {
	t.Helper()
	dir, err := testutil.Module("../../testdata/frameworks", "./fixes", "./inventory/...")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// mustContain reports each of wants that out, the output named what,
// lacks.
func mustContain(t *testing.T, what, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("%s lacks\n%s\nin\n%s", what, want, out)
		}
	}
}

// The inventory lists cookies set through net/http, a wrapper in another
// package, a framework and a library's defaults, the policy entries no
// code sets, and the calls no model covers.
func TestInventory(t *testing.T) {
	t.Parallel()
	dir := frameworksModule(t)

	// One run, the three formats (-format text,json,csv -o ...).
	outs, out, code := runFormats(t, dir, "inventory", []string{"text", "json", "csv"}, "./inventory/...")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	out = outs["text"]
	mustContain(t, "text inventory", out,
		"sessionid\tinventory/app/app.go:14\thttp.SetCookie\tSecure=true HttpOnly=true SameSite=Lax\tdeclared as sessionid (necessary)",
		"legacy_tracker\tinventory/app/app.go:15\thttp.SetCookie\tSecure=false HttpOnly=false MaxAge=-1\tdeletion\tNOT DECLARED",
		"(name computed at run time)\tinventory/app/app.go:16\thttp.SetCookie\tSecure=true HttpOnly=true\tcannot tell",
		"strictone\tinventory/app/app.go:20\thttp.SetCookie via wrap.Set\tSecure=true HttpOnly=true Path=/\tdeclared as strictone (necessary)",
		"undeclared_gin\tinventory/app/app.go:24\tgin SetCookie\tSecure=true HttpOnly=true SameSite=? Path=/ MaxAge=3600\tNOT DECLARED",
		"_gorilla_csrf\tinventory/app/app.go:28\tgorilla/csrf\tSecure=true HttpOnly=true SameSite=Lax MaxAge=43200\tdeclared as _gorilla_csrf (necessary)",
		"Declared but never set (cookie-policy.yaml):\n  session (necessary), line 9\n  csrf_token (necessary), line 12\n  __* (necessary), line 19\n",
		"Not modeled: calls that look like cookie APIs no model covers (cookielint cannot see what they set; declare them in the policy's models: section):\n  inventory/gap/gap.go:14\t(*frameworks/inventory/gap.Ctx).SetCookie\n",
	)

	out = outs["json"]
	var doc struct {
		Cookies []struct {
			Name, File, Via, Through, Entry, Category string
			Computed, Deletion                        bool
			Line                                      int
			Attributes                                map[string]string
		}
		DeclaredButNeverSet []struct {
			Entry, Category string
			Line            int
		}
		NotModeled []struct {
			Callee, File string
			Line         int
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(doc.Cookies) != 6 || len(doc.DeclaredButNeverSet) != 14 || len(doc.NotModeled) != 1 { // 3 of the first entries, and every library cookie of the later ones
		t.Fatalf("json: %d cookies, %d never set, %d not modeled\n%s", len(doc.Cookies), len(doc.DeclaredButNeverSet), len(doc.NotModeled), out)
	}
	if g := doc.NotModeled[0]; g.Callee != "(*frameworks/inventory/gap.Ctx).SetCookie" || g.File != "inventory/gap/gap.go" || g.Line != 14 {
		t.Errorf("json not modeled: %+v", g)
	}
	c := doc.Cookies[3]
	if c.Name != "strictone" || c.Through != "wrap.Set" || c.File != "inventory/app/app.go" || c.Line != 20 || c.Attributes["Path"] != "/" || c.Entry != "strictone" {
		t.Errorf("json wrapper cookie: %+v", c)
	}
	if !doc.Cookies[2].Computed || !doc.Cookies[1].Deletion || doc.Cookies[5].Via != "gorilla/csrf" {
		t.Errorf("json cookies: %+v", doc.Cookies)
	}

	out = outs["csv"]
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 1+6+14+1 || rows[len(rows)-1][0] != "not modeled" || rows[len(rows)-1][5] != "(*frameworks/inventory/gap.Ctx).SetCookie" {
		t.Fatalf("csv: %v, %d rows\n%s", err, len(rows), out)
	}
	if rows[0][0] != "status" || rows[2][0] != "set, not declared" || rows[9][0] != "declared but never set" || rows[9][len(rows[9])-3] != "__*" {
		t.Errorf("csv rows: %q", rows)
	}
}

// policy init names every constant cookie, and policy check accepts it.
func TestPolicyInit(t *testing.T) {
	t.Parallel()
	dir := frameworksModule(t)
	out, code := run(t, dir, bin, "policy", "init", "./inventory/...")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	for _, name := range []string{"sessionid", "legacy_tracker", "strictone", "undeclared_gin", "_gorilla_csrf"} {
		if !strings.Contains(out, `- name: "`+name+`"`) {
			t.Errorf("init lacks %s:\n%s", name, out)
		}
	}
	if strings.Count(out, "- name:") != 5 {
		t.Errorf("init lists %d names, want 5", strings.Count(out, "- name:"))
	}
	file := filepath.Join(t.TempDir(), "cookie-policy.yaml")
	if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, bin, "policy", "check", file); code != 0 || !strings.Contains(out, "ok: 5 cookie entries") {
		t.Errorf("policy check of the init output: exit %d\n%s", code, out)
	}
}

func TestPolicyRenderCommand(t *testing.T) {
	t.Parallel()
	for format, want := range map[string]string{
		"markdown": "| Opendatasoft | Authentication (front and back office) | sessionid |",
		"html":     `<th scope="row"><code>sessionid</code></th>`,
		"tcf":      `"identifier": "cookies_preferences"`,
	} {
		out, code := run(t, ".", bin, "policy", "render", "-format", format, "../../examples/opendata/cookie-policy.yaml")
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("render %s: exit %d\n%s", format, code, out)
		}
	}
	if _, code := run(t, ".", bin, "policy", "render", "-format", "pdf", "../../examples/opendata/cookie-policy.yaml"); code != 1 {
		t.Errorf("unknown format: exit %d", code)
	}
}

// With a consent: section, the inventory says of each cookie whether it
// needs consent and how it is obtained, in every format.
func TestInventoryConsent(t *testing.T) {
	t.Parallel()
	dir := copyDir(t, "testdata/consentmod")
	outs, out, code := runFormats(t, dir, "inventory", []string{"text", "json", "csv"}, "./...")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	out = outs["text"]
	mustContain(t, "text inventory", out,
		"sessionid\tapp/app.go:11\thttp.SetCookie\tSecure=true HttpOnly=true\tdeclared as sessionid (necessary)\tconsent not needed",
		"_ga\tapp/app.go:13\thttp.SetCookie via track.SetVisit\tSecure=true HttpOnly=true\tdeclared as _ga (statistics)\tconsent guarded by consent.Allowed",
		"_ga\tapp/app.go:15\thttp.SetCookie via track.SetVisit\tSecure=true HttpOnly=true\tdeclared as _ga (statistics)\tconsent NOT GUARDED",
		"_ga\tapp/app.go:16\thttp.SetCookie\tSecure=true HttpOnly=true\tdeclared as _ga (statistics)\tconsent NOT GUARDED",
		"_ga\ttrack/track.go:8\thttp.SetCookie\tSecure=true HttpOnly=true\tdeclared as _ga (statistics)\tconsent checked by callers",
	)
	out = outs["json"]
	var doc struct {
		Cookies []struct{ Name, Consent string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Cookies) != 5 || doc.Cookies[2].Consent != "NOT GUARDED" || doc.Cookies[1].Consent != "guarded by consent.Allowed" {
		t.Errorf("json: %v %+v\n%s", err, doc, out)
	}
	rows, err := csv.NewReader(strings.NewReader(outs["csv"])).ReadAll()
	if err != nil || len(rows) != 6 || rows[0][len(rows[0])-1] != "consent" || rows[4][len(rows[4])-1] != "NOT GUARDED" {
		t.Errorf("csv: %v %q", err, rows)
	}

	// policy render says which categories need consent.
	out, code = run(t, dir, bin, "policy", "render", "cookie-policy.yaml")
	if code != 0 || !strings.Contains(out, "## Statistics cookies\n\nThese cookies are set only after you agree to them") ||
		!strings.Contains(out, "## Necessary cookies\n\nThese cookies do not require your consent") || !strings.Contains(out, "| Required |") {
		t.Errorf("render: exit %d\n%s", code, out)
	}
	out, _ = run(t, dir, bin, "policy", "render", "-format", "html", "cookie-policy.yaml")
	if !strings.Contains(out, "<p>These cookies are set only after you agree to them") || !strings.Contains(out, `<th scope="col">Consent</th>`) {
		t.Errorf("html render:\n%s", out)
	}
}

// policy check warns, without failing, when cookies need consent and no
// check is declared.
func TestPolicyCheckConsentWarning(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "p.yaml")
	if err := os.WriteFile(p, []byte("version: 1\ncookies:\n  - name: _ga\n    category: statistics\nconsent:\n  required: [statistics]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, ".", bin, "policy", "check", p)
	if code != 0 || !strings.Contains(out, "warning: "+p+":6:3: consent: _ga (line 3) needs consent, but no check is declared") || !strings.Contains(out, "ok: 1 cookie entries") {
		t.Errorf("exit %d\n%s", code, out)
	}
}
