package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cookielint/cookielint/internal/browser"
	"github.com/cookielint/cookielint/internal/testutil"
)

const browserPolicy = `version: 1
consent:
  checks:
    - func: app.Allowed
      category: 1
  record:
    cookie: choice
    value: "{categories}"
cookies:
  - name: sessionid
    category: necessary
  - name: choice
    category: necessary
  - name: _ga
    category: statistics
    httpOnly: false
`

// browserSite serves a page whose script writes a statistics cookie
// unless the visitor's choice says no, and one that never finishes
// loading; started is closed when the browser asks for the latter as
// /hang?signal.
func browserSite(t *testing.T) (srv *httptest.Server, started chan struct{}) {
	started = make(chan struct{})
	var once sync.Once
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Path: "/", Secure: true, HttpOnly: true})
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<script>document.cookie = "_ga=GA1.1; path=/; max-age=3600; Secure"</script>`)
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<img src="/slow?%s">`, r.URL.RawQuery)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.RawQuery == "signal" {
			once.Do(func() { close(started) })
		}
		<-r.Context().Done()
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, started
}

func writeBrowserPolicy(t *testing.T) string {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cookie-policy.yaml"), []byte(browserPolicy), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// cookielint scan -browser: a script's cookie, the visitor's consent,
// the report formats and the exit codes.
func TestScanBrowserCommand(t *testing.T) {
	t.Parallel()
	testutil.Chrome(t)
	srv, _ := browserSite(t)
	dir := writeBrowserPolicy(t)
	out, code := run(t, dir, bin, "scan", "-browser", "-settle", "200ms", srv.URL+"/")
	want := srv.URL + `/: cookie "_ga" (statistics) needs the visitor's consent, but it is set on a page shown to a visitor who had not agreed to it; set it only after app.Allowed(..., "statistics") returns true [written by a script] (consent)`
	if code != 3 || !strings.Contains(out, want) || !strings.Contains(out, "cookielint scan: 1 pages, 2 cookies, 1 findings") {
		t.Errorf("fresh visitor: exit %d, want 3 and\n%s\nin\n%s", code, want, out)
	}
	out, code = run(t, dir, bin, "scan", "-browser", "-settle", "200ms", "-agree", "statistics", "-format", "json", srv.URL+"/")
	var js []struct{ Rule, Message string }
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\ncookielint scan:", 2)[0]), &js); err != nil || code != 0 || len(js) != 0 {
		t.Errorf("agreeing visitor: exit %d, %v\n%s", code, err, out)
	}
	out, code = run(t, dir, bin, "scan", "-browser", "-agree", "stats", srv.URL+"/")
	if code != 1 || !strings.Contains(out, `cookielint scan: -agree: unknown category "stats"`) {
		t.Errorf("unknown category: exit %d\n%s", code, out)
	}
}

// Without a browser, one line says how to get one, and the exit status
// is 1.
func TestScanBrowserMissing(t *testing.T) {
	t.Parallel()
	dir := writeBrowserPolicy(t)
	cmd := exec.Command(bin, "scan", "-browser", "http://127.0.0.1:1/")
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + t.TempDir(), "HOME=" + dir}
	b, err := cmd.CombinedOutput()
	out := string(b)
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("exit: %v\n%s", err, out)
	}
	want := "cookielint scan: " + browser.ErrNoChrome.Error() + "\n"
	if out != want || !strings.Contains(out, "apt-get install chromium") {
		t.Errorf("output:\n%q\nwant\n%q", out, want)
	}
	out, code := run(t, dir, bin, "scan", "-browser", "-chrome", filepath.Join(dir, "no-such-chrome"), "http://127.0.0.1:1/")
	if code != 1 || !strings.Contains(out, "cookielint scan: -chrome "+filepath.Join(dir, "no-such-chrome")+": not an executable browser") {
		t.Errorf("-chrome missing: exit %d\n%s", code, out)
	}
}

// The browser and its children never outlive the command: on success,
// on error, and on Ctrl-C. Every process the scan starts has the test's
// temporary directory on its command line (the browser's profile is
// there) or inherits a marker in its environment; none may be left once
// the command exits, and neither may anything in that directory or in the
// user's home (the browser's crash reports and desktop cache go there
// otherwise).
func TestScanBrowserLeavesNothing(t *testing.T) {
	t.Parallel()
	testutil.Chrome(t)
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	srv, started := browserSite(t)
	dir := writeBrowserPolicy(t)
	for _, c := range []struct {
		name   string
		url    string
		signal bool
		code   int
		want   string
	}{
		{"success", srv.URL + "/", false, 3, "1 pages, 2 cookies, 1 findings"},
		{"error", srv.URL + "/hang", false, 1, "/hang: did not finish loading within 1s"},
		{"ctrl-c", srv.URL + "/hang?signal", true, 1, "cookielint scan: interrupted"},
	} {
		marker := newMarker(t)
		// Short: the browser's sockets live there, and a socket's path
		// has at most 107 bytes.
		tmp, err := os.MkdirTemp("/tmp", "leak")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(tmp) })
		timeout := "1s"
		if c.signal {
			timeout = "1m"
		}
		cmd := exec.Command(bin, "scan", "-browser", "-settle", "100ms", "-timeout", timeout, c.url)
		cmd.Dir = dir
		home := t.TempDir() // nothing of the browser's may stay in the user's home either
		cmd.Env = append(os.Environ(), "COOKIELINT_LEAK_MARK="+marker, "TMPDIR="+tmp, "HOME="+home)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if c.signal {
			select {
			case <-started:
			case <-time.After(time.Minute):
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("%s: the browser never asked for the page; the command printed:\n%s", c.name, out.String())
			}
			if n := len(marked(marker, tmp)); n < 2 {
				t.Fatalf("%s: %d marked processes while the browser runs; the check could not fail", c.name, n)
			}
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatal(err)
			}
		}
		err = cmd.Wait()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		if code != c.code || !strings.Contains(out.String(), c.want) {
			t.Errorf("%s: exit %d, want %d and %q in\n%s", c.name, code, c.code, c.want, out.String())
		}
		if left := marked(marker, tmp); len(left) > 0 {
			t.Errorf("%s: processes left after the command exited:\n%s", c.name, strings.Join(left, "\n"))
		}
		if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
			t.Errorf("%s: left in the temporary directory: %v", c.name, ents)
		}
		if ents, _ := os.ReadDir(home); len(ents) > 0 {
			t.Errorf("%s: left in the home directory: %v", c.name, ents)
		}
	}
}

func newMarker(t *testing.T) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// marked lists the live processes whose environment holds the marker or
// whose command line names the directory.
func marked(marker, dir string) []string {
	ents, _ := os.ReadDir("/proc")
	want := []byte("COOKIELINT_LEAK_MARK=" + marker + "\x00")
	var out []string
	for _, e := range ents {
		if e.Name()[0] < '0' || e.Name()[0] > '9' {
			continue
		}
		env, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "environ"))
		cmdline, _ := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline"))
		if !bytes.Contains(env, want) && !bytes.Contains(cmdline, []byte(dir)) {
			continue
		}
		if stat, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat")); err == nil {
			if i := bytes.LastIndexByte(stat, ')'); i > 0 && i+2 < len(stat) && stat[i+2] == 'Z' {
				continue // exited, not yet reaped
			}
		}
		line := strings.ReplaceAll(string(cmdline), "\x00", " ")
		if len(line) > 160 {
			line = line[:160] + "..."
		}
		out = append(out, e.Name()+" "+line)
	}
	return out
}
