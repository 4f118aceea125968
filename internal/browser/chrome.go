package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
)

// This file finds the browser (the -chrome flag, $COOKIELINT_CHROME, or
// the usual names of Chromium and Chrome on PATH) and keeps the end of
// its output for the error that says why it failed.

// ChromeEnv names the environment variable that gives the browser's path.
const ChromeEnv = "COOKIELINT_CHROME"

// chromeNames are the names Chromium and Chrome install under, in the
// order they are tried.
var chromeNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell", "headless-shell"}

// ChromeNames are the names FindChrome looks for on PATH, in order.
func ChromeNames() []string { return slices.Clone(chromeNames) }

// ErrNoChrome is the error of FindChrome when no browser is found.
var ErrNoChrome = errors.New("no Chromium or Chrome found: install one (Debian: apt-get install chromium), or give its path with -chrome PATH or $" + ChromeEnv)

// FindChrome returns the path of the browser to run: flag if given, else
// $COOKIELINT_CHROME, else the first of the usual names on PATH.
func FindChrome(flag string) (string, error) {
	for _, given := range []struct{ path, from string }{{flag, "-chrome"}, {os.Getenv(ChromeEnv), "$" + ChromeEnv}} {
		if given.path == "" {
			continue
		}
		p, err := exec.LookPath(given.path)
		if err != nil {
			return "", fmt.Errorf("%s %s: not an executable browser: %v", given.from, given.path, unwrapExec(err))
		}
		return p, nil
	}
	for _, name := range chromeNames {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChrome
}

// unwrapExec drops exec's repetition of the name.
func unwrapExec(err error) error {
	var ee *exec.Error
	if errors.As(err, &ee) {
		return ee.Err
	}
	return err
}

// tail keeps the end of the browser's output, for the error that says
// why it did not start or stopped.
type tail struct {
	mu  sync.Mutex
	buf []byte
}

const (
	tailMax   = 8192 // bytes kept
	tailLines = 10   // lines shown
)

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > tailMax {
		t.buf = t.buf[len(t.buf)-tailMax:]
	}
	return len(p), nil
}

// String is the last lines of the output, but the noise of a browser
// that finds no desktop bus.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var keep []string
	for l := range strings.SplitSeq(string(t.buf), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.Contains(l, "dbus") {
			keep = append(keep, l)
		}
	}
	if len(keep) > tailLines {
		keep = keep[len(keep)-tailLines:]
	}
	return strings.Join(keep, "\n")
}
