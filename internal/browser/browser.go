// Package browser loads pages in headless Chromium as a visitor would,
// through the DevTools protocol, and checks every cookie the browser then
// holds, scripts' included, against the cookie policy with the linter's
// rules: what `cookielint scan -browser` runs.
//
// Each run is one visitor with a fresh profile: by default one who agreed
// to nothing; with Config.Agree, one who agreed to some categories, whose
// consent record (the policy's consent: record) the scan sets before the
// first page. For each page it waits until the network has been idle and
// then for the scripts' timers (Config.Settle), within Config.Timeout,
// reads the browser's cookies and checks those it had not seen, saying
// whether a response's Set-Cookie stored it (which URL) or a script wrote
// it. Set-Cookie lines the browser refused are checked as sent. The
// browser and its children end with Run, whatever ends it.
package browser

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"

	"github.com/cookielint/cookielint/internal/scan"
	"github.com/cookielint/cookielint/policy"
	"github.com/cookielint/cookielint/rules"
)

// Config is what a browser scan does.
type Config struct {
	Policy   *policy.Policy
	Chrome   string        // the browser to run (FindChrome)
	Depth    int           // how many links deep from each URL given (0: the URLs alone)
	MaxPages int           // pages loaded at most
	Timeout  time.Duration // per page, to load and settle
	// Settle is how long scripts' timers may run once the network is
	// idle; a request they start is waited for, and the time starts again.
	Settle time.Duration
	// Agree are the categories the visitor agreed to; nil: a fresh
	// visitor, who agreed to nothing and has no consent record.
	Agree []string

	loaded func(ctx context.Context, page *url.URL) // the tests' hook: a page has loaded
}

// Finding is a violation of a cookie the browser stored, or of a
// Set-Cookie line it refused.
type Finding struct {
	rules.Violation
	Cookie string
	URL    string // the page that first showed it
	// From says where the cookie came from: "Set-Cookie from URL",
	// "written by a script".
	From   string
	Script bool // written by a script
}

// Text is the finding's message, with the fix hint for where the cookie
// came from, and where that was.
func (f Finding) Text() string {
	hint := rules.HeaderHint
	if f.Script {
		hint = rules.ScriptHint
	}
	return f.Violation.Text(hint) + " [" + f.From + "]"
}

// Result is a scan's findings, in the order met, and the pages that
// failed to load or settle.
type Result struct {
	Findings []Finding
	Pages    int
	Cookies  int // distinct cookies the browser stored
	Errors   []error
}

// quiet is how long no request may be open for the network to be idle.
const quiet = 200 * time.Millisecond

// Run loads the URLs and the pages they link to in a fresh browser. Its
// error is the scan's end: the browser could not start or stopped, or
// ctx ended; the result holds what was seen until then.
func Run(ctx context.Context, cfg Config, urls []string) (*Result, error) {
	if cfg.MaxPages <= 0 {
		cfg.MaxPages = 100
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Settle < 0 {
		cfg.Settle = 0
	}
	res := &Result{}
	consent := rules.Agreed(cfg.Agree...)
	consent.Where = "on a page shown to a visitor who had not agreed to it"
	var record *policy.Record
	if cfg.Agree != nil {
		var err error
		if record, err = scan.Record(cfg.Policy, cfg.Agree); err != nil {
			return res, err
		}
	}
	var start []*url.URL
	for _, raw := range urls {
		u, err := scan.ParseURL(raw)
		if err != nil {
			res.Errors = append(res.Errors, err)
			continue
		}
		start = append(start, u)
	}
	if len(start) == 0 {
		return res, nil
	}

	// The browser's temporary files (its shared memory among them), and
	// what it would keep in the user's home (its crash reports' database
	// under ~/.config, the desktop settings' cache under ~/.cache), go in
	// a directory of the scan's, removed with it.
	tmp, err := os.MkdirTemp("", "cookielint-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	out := &tail{}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(cfg.Chrome),
		chromedp.Env("TMPDIR="+tmp, "XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache")),
		chromedp.CombinedOutput(out),
		chromedp.DisableGPU,
		// One renderer for a page and its frames, so that the page's
		// target sees the frames' responses too.
		chromedp.Flag("disable-features", "Translate,BlinkGenPropertyTrees,IsolateOrigins,site-per-process"),
		chromedp.Flag("disable-site-isolation-trials", true),
		chromedp.Flag("disable-component-update", true),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc() // waits until the browser and its children are gone
	// The protocol client's complaints join the browser's output, shown
	// only when the browser fails.
	logf := func(format string, args ...any) { fmt.Fprintf(out, format+"\n", args...) }
	bctx, cancelBrowser := chromedp.NewContext(actx, chromedp.WithErrorf(logf), chromedp.WithLogf(logf))
	defer cancelBrowser()
	v := &visitor{cfg: cfg, parent: ctx, ctx: bctx, res: res, out: out, net: newNetLog(), consent: consent,
		known: map[string]string{}, own: map[string]string{}, seen: map[string]bool{}}
	// The first call starts the browser, for as long as bctx lives: no
	// timeout on it.
	if err := chromedp.Do(bctx); err != nil {
		return res, v.stopped("did not start", err)
	}
	if err := chromedp.Listen(bctx, v.net.event); err != nil {
		return res, v.stopped("stopped", err)
	}
	if _, err := chromedp.Call(bctx, network.Enable, network.EnableParams{}); err != nil {
		return res, v.stopped("stopped", err)
	}
	if record != nil {
		if err := v.setRecord(record, start); err != nil {
			return res, err
		}
	}
	return res, v.crawl(start)
}

// visitor is one browser's visit.
type visitor struct {
	cfg     Config
	parent  context.Context // the caller's
	ctx     context.Context // the browser's
	res     *Result
	out     *tail
	net     *netLog
	consent rules.ConsentState
	known   map[string]string // stored cookies checked: key to shape
	own     map[string]string // the consent record the scan set: key to shape and value
	seen    map[string]bool   // pages loaded
}

// stopped is the error that ends a scan: the caller's own end, or the
// browser's, with the last of its output; or a command the browser
// refused.
func (v *visitor) stopped(what string, err error) error {
	if v.parent.Err() != nil {
		return v.parent.Err()
	}
	if !v.dead() && what != "did not start" {
		return fmt.Errorf("the browser %s failed: %v", v.cfg.Chrome, err)
	}
	msg := fmt.Sprintf("the browser %s %s: %v", v.cfg.Chrome, what, err)
	var ee *exec.ExitError
	if errors.As(err, &ee) && !strings.Contains(msg, ee.Error()) {
		msg += " (" + ee.Error() + ")"
	}
	if o := v.out.String(); o != "" {
		msg += "; its last output:\n" + o
	}
	return errors.New(msg)
}

// dead reports whether the browser or the caller ended the scan.
func (v *visitor) dead() bool { return v.ctx.Err() != nil }

// setRecord stores the consent record for each origin of the start URLs,
// before the first page, as the site's banner would have.
func (v *visitor) setRecord(r *policy.Record, start []*url.URL) error {
	value := r.Render(v.cfg.Agree)
	done := map[string]bool{}
	for _, u := range start {
		origin := u.Scheme + "://" + u.Host
		if done[origin] {
			continue
		}
		done[origin] = true
		_, err := chromedp.Call(v.ctx, network.SetCookie, network.SetCookieParams{Name: r.Cookie, Value: value, URL: origin + r.Path, Path: r.Path})
		if err != nil {
			if v.dead() {
				return v.stopped("stopped", err)
			}
			return fmt.Errorf("setting the consent record %s=%s for %s: %v", r.Cookie, value, origin, err)
		}
	}
	got, err := chromedp.Call(v.ctx, storage.GetCookies, storage.GetCookiesParams{})
	if err != nil {
		return v.stopped("stopped", err)
	}
	for _, c := range got.Cookies {
		v.own[key(c)] = shape(c) + "\x00" + c.Value
	}
	return nil
}

// crawl loads the pages breadth first, as the HTTP scan does.
func (v *visitor) crawl(start []*url.URL) error {
	type item struct {
		u     *url.URL
		depth int
	}
	var queue []item
	for _, u := range start {
		queue = append(queue, item{u, 0})
	}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if v.seen[it.u.String()] {
			continue
		}
		if v.res.Pages >= v.cfg.MaxPages {
			break
		}
		links, err := v.page(it.u, it.depth < v.cfg.Depth)
		if err != nil {
			return err
		}
		for _, l := range links {
			queue = append(queue, item{l, it.depth + 1})
		}
	}
	return nil
}

// page loads a page, waits for it to settle, checks the cookies it
// brought, and returns its same-origin links when they are wanted.
func (v *visitor) page(u *url.URL, wantLinks bool) ([]*url.URL, error) {
	v.seen[u.String()] = true
	v.res.Pages++
	v.net.reset()
	tctx, cancel := context.WithTimeout(v.ctx, v.cfg.Timeout)
	defer cancel()
	// A renderer that dies (out of memory, a bug) ends the page at once:
	// its tab would otherwise wait for the timeout.
	pctx, crash := context.WithCancelCause(tctx)
	defer crash(nil)
	go func() {
		select {
		case <-v.net.crashed:
			crash(errCrashed)
		case <-pctx.Done():
		}
	}()
	err := chromedp.Do(pctx, chromedp.Navigate(u.String()))
	if err == nil && v.cfg.loaded != nil {
		v.cfg.loaded(pctx, u)
	}
	crashed := false
	switch {
	case v.dead():
		return nil, v.stopped("stopped", err)
	case context.Cause(pctx) == errCrashed || err != nil && strings.Contains(err.Error(), "Target crashed"):
		crashed = true
	case pctx.Err() != nil:
		v.errorf("%s: did not finish loading within %s%s", u, v.cfg.Timeout, v.stillOpen())
		v.stopLoading()
	case err != nil && strings.Contains(err.Error(), "net::ERR_ABORTED"):
		// A download or a response without content: no page to settle,
		// but its cookies count.
	case err != nil:
		v.errorf("%s: %v", u, err)
	default:
		if err := v.settle(pctx); err != nil {
			if v.dead() {
				return nil, v.stopped("stopped", err)
			}
			if crashed = context.Cause(pctx) == errCrashed; !crashed {
				v.errorf("%s: %v", u, err)
				v.stopLoading()
			}
		}
	}
	if crashed {
		// The cookies it stored before are in the browser, not in the
		// renderer: a blank page in the tab brings up a new renderer
		// to read them with; the page's links died with it.
		v.errorf("%s: the page crashed: the browser's renderer for it died", u)
		bctx, cancel := context.WithTimeout(v.ctx, v.cfg.Timeout)
		defer cancel()
		if err := chromedp.Do(bctx, chromedp.Navigate("about:blank")); err != nil && v.dead() {
			return nil, v.stopped("stopped", err)
		}
		wantLinks = false
	}
	if err := v.check(u); err != nil {
		return nil, err
	}
	lctx, cancel2 := context.WithTimeout(v.ctx, v.cfg.Timeout)
	defer cancel2()
	final := u
	if loc, err := chromedp.Run(lctx, chromedp.Location()); err == nil {
		if f, err := url.Parse(loc); err == nil && (f.Scheme == "http" || f.Scheme == "https") {
			f.Fragment = ""
			final = f
			v.seen[f.String()] = true
		}
	}
	if !wantLinks {
		return nil, nil
	}
	hrefs, err := chromedp.Run(lctx, chromedp.Evaluate[[]string](linksJS))
	if err != nil {
		if v.dead() {
			return nil, v.stopped("stopped", err)
		}
		return nil, nil // not a document with links (an image, a download)
	}
	var links []*url.URL
	for _, h := range hrefs {
		if l, err := url.Parse(h); err == nil {
			l.Fragment = ""
			links = append(links, l)
		}
	}
	return scan.SameOrigin(final, links), nil
}

// linksJS lists the targets of a page's links, resolved against its base.
const linksJS = `Array.from(document.querySelectorAll('a[href],area[href]')).flatMap(a => {
	try { return [new URL(a.getAttribute('href'), document.baseURI).href] } catch (e) { return [] }
})`

// errCrashed ends a page whose renderer died.
var errCrashed = errors.New("the page's renderer died")

func (v *visitor) errorf(format string, args ...any) {
	v.res.Errors = append(v.res.Errors, fmt.Errorf(format, args...))
}

// stopLoading stops a page cut at its timeout, so that what it still
// loads does not run into the next.
func (v *visitor) stopLoading() {
	sctx, cancel := context.WithTimeout(v.ctx, 5*time.Second)
	defer cancel()
	chromedp.Do(sctx, chromedp.Stop())
}

// stillOpen names the requests still open, for a page cut at its timeout.
func (v *visitor) stillOpen() string {
	_, _, open := v.net.idle(0)
	switch len(open) {
	case 0:
		return ""
	case 1:
		return ": 1 request still open: " + open[0]
	}
	return fmt.Sprintf(": %d requests still open, such as %s", len(open), open[0])
}

// settle waits until the network has been idle for a moment and scripts'
// timers have run for Settle without starting a request.
func (v *visitor) settle(ctx context.Context) error {
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	for {
		for {
			ok, _, _ := v.net.idle(quiet)
			if ok {
				break
			}
			select {
			case <-ctx.Done():
				return v.notSettled()
			case <-tick.C:
			}
		}
		_, before, _ := v.net.idle(0)
		select {
		case <-ctx.Done():
			return v.notSettled()
		case <-time.After(v.cfg.Settle):
		}
		if ok, after, _ := v.net.idle(0); ok && after == before {
			return nil
		}
	}
}

func (v *visitor) notSettled() error {
	if v.dead() {
		return v.ctx.Err()
	}
	if s := v.stillOpen(); s != "" {
		return fmt.Errorf("did not settle within %s%s", v.cfg.Timeout, s)
	}
	return fmt.Errorf("did not settle within %s: its scripts kept starting requests", v.cfg.Timeout)
}
