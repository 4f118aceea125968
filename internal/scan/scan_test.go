package scan

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cookielint/cookielint/policy"
)

func testPolicy(t *testing.T) *policy.Policy {
	p, err := policy.Parse("cookie-policy.yaml", []byte("version: 1\ncookies:\n  - name: sessionid\n    category: necessary\n  - name: _ga\n    category: statistics\nconsent:\n  checks:\n    - func: app.Allowed\n      category: 1\n"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// site is a small web site: a home page linking to two pages, one of
// which links deeper; a redirect that sets a cookie on the way; a page
// that never answers; a huge page; invalid HTML; a non-HTML response.
func site(t *testing.T, hang chan struct{}) *httptest.Server {
	mux := http.NewServeMux()
	page := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Secure: true, HttpOnly: true})
		page(w, `<html><body><a href="/a">a</a> <a href="b#top">b</a> <a href="https://elsewhere.example/x">out</a> <a href="mailto:x@example.com">mail</a></body></html>`)
	})
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<p>no cookie, <a href="/deep">deeper</a>`)
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		page(w, `<div><p><a href="/a">a again</a><unclosed <<>> & broken`) // invalid HTML
	})
	mux.HandleFunc("/deep", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // before any consent
		page(w, "<p>deep</p>")
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "hop", Value: "1", Secure: true, HttpOnly: true})
		http.Redirect(w, r, "/", http.StatusFound)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>filler</p>", 1000)
		for range 2000 { // about 26 MB
			if _, err := fmt.Fprint(w, chunk); err != nil {
				return
			}
		}
		fmt.Fprint(w, `<a href="/deep">too far down to be read</a>`)
	})
	mux.HandleFunc("/data.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Add("Set-Cookie", "api=1; Secure") // not HttpOnly, undeclared
		fmt.Fprint(w, `{"href": "/deep"}`)
	})
	return httptest.NewServer(mux)
}

func messages(r *Result) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, strings.TrimPrefix(f.URL, "http://x")+" "+f.Message)
	}
	return out
}

func TestDepth(t *testing.T) {
	srv := site(t, nil)
	defer srv.Close()
	p := testPolicy(t)
	r := Run(context.Background(), Config{Policy: p}, []string{srv.URL + "/"})
	if r.Pages != 1 || len(r.Findings) != 0 || len(r.Errors) != 0 {
		t.Errorf("depth 0: %d pages, %v, %v", r.Pages, messages(r), r.Errors)
	}
	r = Run(context.Background(), Config{Policy: p, Depth: 2}, []string{srv.URL + "/"})
	if r.Pages != 4 || len(r.Findings) != 1 || r.Findings[0].URL != srv.URL+"/deep" ||
		!strings.Contains(r.Findings[0].Message, `cookie "_ga" (statistics) needs the visitor's consent, but it is set on a response to a visitor who had not agreed to it`) {
		t.Errorf("depth 2: %d pages, %v, %v", r.Pages, messages(r), r.Errors)
	}
	r = Run(context.Background(), Config{Policy: p, Depth: 2, MaxPages: 2}, []string{srv.URL + "/"})
	if r.Pages != 2 {
		t.Errorf("max pages 2: %d pages", r.Pages)
	}
}

func TestRedirectCookies(t *testing.T) {
	srv := site(t, nil)
	defer srv.Close()
	r := Run(context.Background(), Config{Policy: testPolicy(t)}, []string{srv.URL + "/redirect"})
	if r.Pages != 2 || len(r.Findings) != 1 || r.Findings[0].URL != srv.URL+"/redirect" || !strings.Contains(r.Findings[0].Message, `cookie "hop" is not declared`) {
		t.Errorf("%d pages, %v, %v", r.Pages, messages(r), r.Errors)
	}
}

func TestHangHugeNonHTML(t *testing.T) {
	hang := make(chan struct{})
	srv := site(t, hang)
	defer srv.Close()
	defer close(hang)
	start := time.Now()
	r := Run(context.Background(), Config{Policy: testPolicy(t), Timeout: 300 * time.Millisecond, Depth: 1, MaxBody: 1 << 20},
		[]string{srv.URL + "/hang", srv.URL + "/huge", srv.URL + "/data.json"})
	if time.Since(start) > 20*time.Second {
		t.Errorf("the scan took %s", time.Since(start))
	}
	if len(r.Errors) != 1 || !strings.Contains(r.Errors[0].Error(), srv.URL+"/hang: no answer within 300ms") {
		t.Errorf("errors: %v", r.Errors)
	}
	// The huge page is read only so far: its link past the limit is not
	// followed; the JSON is not parsed for links, but its cookie checked.
	want := []string{`cookie "api" is not declared`, `cookie "api" is set without HttpOnly`}
	if got := messages(r); len(got) != 2 || r.Pages != 3 || !strings.Contains(got[0], want[0]) || !strings.Contains(got[1], want[1]) {
		t.Errorf("%d pages, findings %v", r.Pages, got)
	}
}

func TestBadInput(t *testing.T) {
	r := Run(context.Background(), Config{Policy: testPolicy(t), Timeout: 2 * time.Second}, []string{"ftp://example.com/", "not a url", "http://127.0.0.1:1/"})
	if len(r.Errors) != 3 || !strings.Contains(r.Errors[0].Error(), "not an http or https URL") || !strings.Contains(r.Errors[2].Error(), "http://127.0.0.1:1/") {
		t.Errorf("errors: %v", r.Errors)
	}
}

func TestMalformedSetCookie(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "=novalue")
	}))
	defer srv.Close()
	r := Run(context.Background(), Config{Policy: testPolicy(t)}, []string{srv.URL})
	if len(r.Findings) != 1 || r.Findings[0].Check != "header" || !strings.Contains(r.Findings[0].Message, `Set-Cookie value "=novalue" does not parse`) {
		t.Errorf("findings: %v", messages(r))
	}
}

// -agree: each request carries the consent record the policy declares,
// and cookies of the agreed categories are no findings.
func TestAgreeingVisitor(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("choice")
		if err == nil && strings.Contains(c.Value, "statistics") {
			http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
		}
		if err == nil && strings.Contains(c.Value, "marketing") {
			http.SetCookie(w, &http.Cookie{Name: "ads", Value: "1", Secure: true, HttpOnly: true})
		}
	}))
	defer srv.Close()
	base := "version: 1\ncookies:\n  - name: _ga\n    category: statistics\n  - name: ads\n    category: marketing\nconsent:\n  checks:\n    - func: app.Allowed\n      category: 1\n"
	p, err := policy.Parse("cookie-policy.yaml", []byte(base+"  record:\n    cookie: choice\n    value: \"{categories}\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	checks := func(res *Result) []string {
		var out []string
		for _, f := range res.Findings {
			out = append(out, f.Check+" "+f.Cookie)
		}
		return out
	}
	ctx := context.Background()
	if res := Run(ctx, Config{Policy: p}, []string{srv.URL}); len(res.Findings) != 0 || len(res.Errors) != 0 {
		t.Errorf("fresh: %v %v", checks(res), res.Errors)
	}
	if res := Run(ctx, Config{Policy: p, Agree: []string{"statistics"}}, []string{srv.URL}); len(res.Findings) != 0 || len(res.Errors) != 0 {
		t.Errorf("agreed to statistics: %v %v", checks(res), res.Errors)
	}
	// The site sets _ga and ads whenever the record names them, but the
	// visitor who agreed to marketing alone did not agree to _ga: the
	// record's template makes "marketing" and "statistics" both appear.
	p2, err := policy.Parse("cookie-policy.yaml", []byte(base+"  record:\n    cookie: choice\n    value: \"marketing={marketing},statistics\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if res := Run(ctx, Config{Policy: p2, Agree: []string{"marketing"}}, []string{srv.URL}); fmt.Sprint(checks(res)) != "[consent _ga]" {
		t.Errorf("agreed to marketing: %v %v", checks(res), res.Errors)
	}
	for _, c := range []struct {
		p     *policy.Policy
		agree []string
		want  string
	}{
		{testPolicy(t), []string{"statistics"}, "declare consent: record in the policy"},
		{p, []string{"ads"}, `-agree: unknown category "ads"`},
	} {
		res := Run(ctx, Config{Policy: c.p, Agree: c.agree}, []string{srv.URL})
		if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), c.want) || res.Pages != 0 {
			t.Errorf("%v: %v, want %s", c.agree, res.Errors, c.want)
		}
	}
}
