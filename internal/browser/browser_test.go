package browser_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/cookielint/cookielint/internal/browser"
	"github.com/cookielint/cookielint/internal/testutil"
	"github.com/cookielint/cookielint/policy"
)

const sitePolicy = `version: 1
defaults:
  secure: true
  httpOnly: true
  sameSite: lax
consent:
  checks:
    - func: example.com/app.Allowed
      category: 1
  record:
    cookie: consent
    value: "v1:{categories}"
cookies:
  - name: sessionid
    category: necessary
  - name: lang
    category: necessary
  - name: csrftoken
    category: necessary
    httpOnly: false # the page's script writes it
  - name: theme
    category: preferences
    httpOnly: false
  - name: _ga
    category: statistics
    httpOnly: false
  - name: _pk_id
    category: statistics
  - name: ads
    category: marketing
    httpOnly: false
  - name: __Host-id
    category: necessary
  - name: consent
    category: necessary
    httpOnly: false
`

// site is a local site whose pages set cookies from the server, from
// inline scripts, from an external script a timer loads, and only after
// the consent record says so; each with its near misses.
func site(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	html := func(w http.ResponseWriter, body string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><html><head><title>t</title></head><body>"+body+"</body></html>")
	}
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		// Right: declared, Secure, HttpOnly, SameSite.
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "s1", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		// Wrong: no Secure.
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: "en", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		// Refused by the browser: a __Host- cookie on another Path.
		w.Header().Add("Set-Cookie", "__Host-id=1; Path=/app; Secure; HttpOnly; SameSite=Lax")
		// Deleting a cookie is never a finding.
		http.SetCookie(w, &http.Cookie{Name: "old_tracker", Path: "/", MaxAge: -1})
		html(w, `<script>
document.cookie = "csrftoken=t1; path=/; Secure; SameSite=Strict"; // right: declared httpOnly: false
document.cookie = "theme=dark; path=/; Secure; SameSite=Lax";      // preferences: needs consent
document.cookie = "gone=1; path=/; max-age=0";                     // deleted as it is written
</script><a href="/article#top">article</a> <a href="https://elsewhere.invalid/">away</a>`)
	})
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		// The same session cookie with a new value: seen already. The
		// same wrong lang cookie: reported where it first showed.
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "s2", Path: "/", Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: "en", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		// Only after the visitor agreed to statistics, as the record says.
		if c, err := r.Cookie("consent"); err == nil && strings.Contains(c.Value, "statistics") {
			http.SetCookie(w, &http.Cookie{Name: "_pk_id", Value: "v", Path: "/", MaxAge: 3600, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
		}
		html(w, `<script>
setTimeout(() => {
	const s = document.createElement("script");
	s.src = "/tracker.js";
	document.head.appendChild(s);
}, 300);
if (document.cookie.split("; ").some(c => c.startsWith("consent=") && c.includes("marketing"))) {
	document.cookie = "ads=1; path=/; max-age=86400; Secure; SameSite=Lax";
}
</script>`)
	})
	mux.HandleFunc("/tracker.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		// _ga whatever the visitor chose; an undeclared _fbp.
		fmt.Fprint(w, `document.cookie = "_ga=GA1.1.1; path=/; max-age=7200; Secure; SameSite=Lax";
document.cookie = "_fbp=fb.1; path=/; Secure; SameSite=Lax";`)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func parsePolicy(t *testing.T, src string) *policy.Policy {
	t.Helper()
	p, err := policy.Parse("cookie-policy.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// lines writes findings as "page check cookie [from]", with the site's
// address left out, sorted.
func lines(srv string, fs []browser.Finding) []string {
	var out []string
	for _, f := range fs {
		from := f.From
		switch {
		case f.Script:
			from = "script"
		case strings.Contains(from, "refused"):
			from = "refused"
		case strings.HasPrefix(from, "Set-Cookie from "):
			from = "header"
		}
		out = append(out, strings.TrimPrefix(f.URL, srv)+" "+f.Check+" "+f.Cookie+" ["+from+"]")
	}
	slices.Sort(out)
	return out
}

func scanSite(t *testing.T, cfg browser.Config, urls ...string) *browser.Result {
	t.Helper()
	cfg.Chrome = testutil.Chrome(t)
	if cfg.Settle == 0 {
		cfg.Settle = 300 * time.Millisecond
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	res, err := browser.Run(ctx, cfg, urls)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// A fresh visitor, an agreeing one, and one who agreed to something
// else: exactly the findings each should get.
func TestVisitors(t *testing.T) {
	t.Parallel()
	srv := site(t)
	p := parsePolicy(t, sitePolicy)
	always := []string{
		"/ prefix __Host-id [refused]",
		"/ secure lang [header]",
		"/article httponly _fbp [script]",
		"/article undeclared _fbp [script]",
	}
	for _, c := range []struct {
		name  string
		agree []string
		want  []string
	}{
		{"fresh", nil, []string{"/ consent theme [script]", "/article consent _ga [script]"}},
		{"agreed", []string{"preferences", "statistics"}, nil},
		{"agreed to marketing", []string{"marketing"}, []string{"/ consent theme [script]", "/article consent _ga [script]"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res := scanSite(t, browser.Config{Policy: p, Depth: 1, Agree: c.agree}, srv.URL+"/")
			want := append(slices.Clone(always), c.want...)
			slices.Sort(want)
			if got := lines(srv.URL, res.Findings); !slices.Equal(got, want) {
				t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
				for _, f := range res.Findings {
					t.Log(f.URL, f.Text())
				}
			}
			if res.Pages != 2 || len(res.Errors) != 0 {
				t.Errorf("pages %d, errors %v", res.Pages, res.Errors)
			}
		})
	}
}

// A tracker's pixel on another site stores a third-party cookie, which a
// party: third entry expects; a first-party cookie declared party: third
// is the policy's mistake.
func TestThirdParty(t *testing.T) {
	t.Parallel()
	tracker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "IDE=1; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=None")
		w.Header().Set("Content-Type", "image/gif")
	}))
	t.Cleanup(tracker.Close)
	// The site is 127.0.0.1, the tracker localhost: two sites.
	pixel := strings.Replace(tracker.URL, "127.0.0.1", "localhost", 1) + "/pixel.gif"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<img src="%s"><script>document.cookie = "partner=1; path=/; Secure; SameSite=Lax"</script>`, pixel)
	}))
	t.Cleanup(srv.Close)
	p := parsePolicy(t, sitePolicy+`
  - name: IDE
    category: marketing
    party: third
    sameSite: none
  - name: partner
    category: necessary
    party: third
    httpOnly: false
`)
	for _, c := range []struct {
		name  string
		agree []string
		want  []string
	}{
		// Headless Chromium refuses third-party cookies: checked as sent.
		{"fresh", nil, []string{"/ consent IDE [refused]", "/ policy partner [script]"}},
		{"agreed", []string{"marketing"}, []string{"/ policy partner [script]"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			res := scanSite(t, browser.Config{Policy: p, Agree: c.agree}, srv.URL+"/")
			if got := lines(srv.URL, res.Findings); !slices.Equal(got, c.want) {
				t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
				for _, f := range res.Findings {
					t.Log(f.URL, f.Text())
				}
			}
		})
	}
}

// A page that never finishes loading and one whose scripts never stop
// are cut at the timeout and reported; what they set is still checked.
func TestNeverSettles(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: "en", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<img src="/slow">`)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	mux.HandleFunc("/poll", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<script>setInterval(() => fetch("/ping"), 50)</script>`)
	})
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	res := scanSite(t, browser.Config{Policy: parsePolicy(t, sitePolicy), Timeout: 2 * time.Second}, srv.URL+"/hang", srv.URL+"/poll")
	var errs []string
	for _, e := range res.Errors {
		errs = append(errs, strings.ReplaceAll(e.Error(), srv.URL, ""))
	}
	if len(errs) != 2 || errs[0] != "/hang: did not finish loading within 2s: 1 request still open: /slow" || !strings.HasPrefix(errs[1], "/poll: did not settle within 2s") {
		t.Errorf("errors: %q", errs)
	}
	if got := lines(srv.URL, res.Findings); !slices.Equal(got, []string{"/hang secure lang [header]"}) || res.Pages != 2 {
		t.Errorf("pages %d, findings %q", res.Pages, got)
	}
}

// A page whose renderer dies is reported at once as crashed, not cut at
// its timeout; the cookies it stored before still count, and the next
// page loads in the same tab. The near miss: without the crash, /a is
// cut at its timeout and its link followed.
func TestRendererCrash(t *testing.T) {
	t.Parallel()
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "lang", Value: "en", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<a href="/c">c</a><script>setInterval(() => fetch("/ping"), 50)</script>`)
	})
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode})
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `b`)
	})
	mux.HandleFunc("/c", func(w http.ResponseWriter, r *http.Request) { w.Header().Set("Content-Type", "text/html") })
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)

	// /a never settles (its script polls), so without the crash it would
	// be cut at the timeout.
	cfg := browser.Config{Policy: parsePolicy(t, sitePolicy), Depth: 1, Timeout: 2 * time.Second}
	browser.CrashOn(&cfg, "/a")
	res := scanSite(t, cfg, srv.URL+"/a", srv.URL+"/b")
	var errs []string
	for _, e := range res.Errors {
		errs = append(errs, strings.ReplaceAll(e.Error(), srv.URL, ""))
	}
	if !slices.Equal(errs, []string{"/a: the page crashed: the browser's renderer for it died"}) {
		t.Errorf("errors: %q", errs)
	}
	if got := lines(srv.URL, res.Findings); !slices.Equal(got, []string{"/a secure lang [header]", "/b secure sessionid [header]"}) || res.Pages != 2 {
		t.Errorf("pages %d, findings %q", res.Pages, got)
	}

	res = scanSite(t, browser.Config{Policy: parsePolicy(t, sitePolicy), Depth: 1, Timeout: 2 * time.Second}, srv.URL+"/a", srv.URL+"/b")
	if len(res.Errors) != 1 || !strings.HasPrefix(res.Errors[0].Error(), srv.URL+"/a: did not settle within 2s") || res.Pages != 3 {
		t.Errorf("without the crash: pages %d (want /a, its link /c and /b), errors %v", res.Pages, res.Errors)
	}
}

// A browser that cannot start, and one that dies during the scan, end it
// with their reason.
func TestBrowserFaults(t *testing.T) {
	t.Parallel()
	chrome := testutil.Chrome(t)
	dir := t.TempDir()
	broken := filepath.Join(dir, "broken-chrome")
	if err := os.WriteFile(broken, []byte("#!/bin/sh\necho 'cannot open the profile: disk full' >&2\nexit 3\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := browser.Run(context.Background(), browser.Config{Chrome: broken}, []string{"http://127.0.0.1:1/"})
	if err == nil || !strings.Contains(err.Error(), "the browser "+broken+" did not start") || !strings.Contains(err.Error(), "cannot open the profile: disk full") {
		t.Errorf("a browser that cannot start: %v", err)
	}

	// A browser killed while it loads a page: the wrapper keeps its pid.
	pidFile := filepath.Join(dir, "pid")
	wrapper := filepath.Join(dir, "chrome")
	if err := os.WriteFile(wrapper, []byte(fmt.Sprintf("#!/bin/sh\necho $$ > %q\nexec %q \"$@\"\n", pidFile, chrome)), 0o755); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, err := os.ReadFile(pidFile)
		if err != nil {
			t.Error(err)
			return
		}
		pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
		if p, err := os.FindProcess(pid); err == nil {
			p.Kill()
		}
	}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err = browser.Run(ctx, browser.Config{Chrome: wrapper, Timeout: 20 * time.Second}, []string{srv.URL + "/"})
	t.Log(err)
	if err == nil || !strings.Contains(err.Error(), "the browser "+wrapper+" stopped") || !strings.Contains(err.Error(), "killed") {
		t.Errorf("a browser killed during the scan: %v", err)
	}
}

// An agreeing visitor needs the policy's consent record and known
// categories.
func TestAgreeNeedsRecord(t *testing.T) {
	t.Parallel()
	noRecord := parsePolicy(t, strings.Replace(sitePolicy, "  record:\n    cookie: consent\n    value: \"v1:{categories}\"\n", "", 1))
	for _, c := range []struct {
		p     *policy.Policy
		agree []string
		want  string
	}{
		{noRecord, []string{"statistics"}, "declare consent: record in the policy"},
		{nil, []string{"statistics"}, "declare consent: record in the policy"},
		{parsePolicy(t, sitePolicy), []string{"stats"}, `-agree: unknown category "stats": use some of necessary, preferences, statistics, marketing`},
	} {
		_, err := browser.Run(context.Background(), browser.Config{Policy: c.p, Agree: c.agree, Chrome: "/nonexistent"}, []string{"http://127.0.0.1:1/"})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %s", c.agree, err, c.want)
		}
	}
}

// A redirect's cookie comes from its hop; a download and an empty
// response are no pages to settle, but their cookies count.
func TestRedirectsAndDownloads(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/go":
			http.SetCookie(w, &http.Cookie{Name: "hop", Value: "1", Path: "/"})
			http.Redirect(w, r, "/there", http.StatusFound)
		case "/there":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<p>there</p>")
		case "/export":
			http.SetCookie(w, &http.Cookie{Name: "dl", Value: "1", Path: "/"})
			w.Header().Set("Content-Disposition", "attachment; filename=x.csv")
			w.Header().Set("Content-Type", "text/csv")
			fmt.Fprint(w, "a,b\n")
		case "/ping":
			http.SetCookie(w, &http.Cookie{Name: "empty", Value: "1", Path: "/"})
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(srv.Close)
	p := parsePolicy(t, "version: 1\ncookies:\n  - name: hop\n  - name: dl\n  - name: empty\n")
	res := scanSite(t, browser.Config{Policy: p}, srv.URL+"/go", srv.URL+"/there", srv.URL+"/export", srv.URL+"/ping")
	var got []string
	for _, f := range res.Findings {
		if f.Check == "secure" {
			got = append(got, strings.ReplaceAll(f.URL+" "+f.Cookie+" "+f.From, srv.URL, ""))
		}
	}
	want := []string{"/go hop Set-Cookie from /go", "/export dl Set-Cookie from /export", "/ping empty Set-Cookie from /ping"}
	if !slices.Equal(got, want) || len(res.Errors) != 0 {
		t.Errorf("findings %q, want %q; errors %v", got, want, res.Errors)
	}
	// /there was the redirect's end: loaded once.
	if res.Pages != 3 {
		t.Errorf("pages %d, want 3", res.Pages)
	}
}
