package browser

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
)

// This file follows a tab's network from the DevTools protocol's events:
// which requests are open (to wait until the network is idle), and each
// Set-Cookie line a response carried, stored or refused (to say where a
// stored cookie came from).

// setCookie is one Set-Cookie line of a response.
type setCookie struct {
	line    string
	url     string   // the response's URL
	refused []string // why the browser did not store it; empty: stored
	seq     int      // arrival order
	checked bool     // a refused line already reported
}

// netLog collects a tab's network events. Its methods are safe for the
// event loop and the scan's goroutine at once.
type netLog struct {
	mu      sync.Mutex
	hops    map[network.RequestID][]string     // every request's URLs, one per redirect
	extras  map[network.RequestID]int          // response extra informations taken, one per hop
	open    map[network.RequestID]struct{}     // requests not finished
	loaders map[network.RequestID]cdp.LoaderID // the document each request was made for
	started int                                // requests started, ever
	last    time.Time                          // the last start or finish
	lines   []*setCookie
	pending []*network.EventResponseReceivedExtraInfo // before their request's URL was known
	crashed chan struct{}                             // a value when the tab's renderer died
}

func newNetLog() *netLog {
	return &netLog{hops: map[network.RequestID][]string{}, extras: map[network.RequestID]int{}, open: map[network.RequestID]struct{}{}, loaders: map[network.RequestID]cdp.LoaderID{}, last: time.Now(), crashed: make(chan struct{}, 1)}
}

// event takes one event of the tab; it returns at once, as the event
// loop needs.
func (n *netLog) event(ev any) {
	n.mu.Lock()
	defer n.mu.Unlock()
	switch ev := ev.(type) {
	case *inspector.EventTargetCrashed:
		select {
		case n.crashed <- struct{}{}:
		default:
		}
	case *page.EventFrameNavigated:
		// The tab's new document is in: what its predecessor (a page cut
		// at its timeout, still polling) left open will not finish, and
		// the browser does not always say so.
		if ev.Frame == nil || ev.Frame.ParentID != "" {
			return
		}
		for id := range n.open {
			if n.loaders[id] != ev.Frame.LoaderID {
				delete(n.open, id)
			}
		}
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		n.loaders[ev.RequestID] = ev.LoaderID
		// A redirect goes on with the same request, and a new URL.
		n.hops[ev.RequestID] = append(n.hops[ev.RequestID], ev.Request.URL)
		if strings.HasPrefix(ev.Request.URL, "data:") {
			return
		}
		n.open[ev.RequestID] = struct{}{}
		n.started++
		n.last = time.Now()
		n.resolve(ev.RequestID)
	case *network.EventLoadingFinished:
		n.finish(ev.RequestID)
	case *network.EventLoadingFailed:
		n.finish(ev.RequestID)
	case *network.EventResponseReceivedExtraInfo:
		// Each hop's response has its extra information, in order; the
		// next hop's request may come first or after.
		if n.extras[ev.RequestID] >= len(n.hops[ev.RequestID]) {
			n.pending = append(n.pending, ev)
			return
		}
		n.addLines(ev)
	}
}

func (n *netLog) finish(id network.RequestID) {
	if _, ok := n.open[id]; ok {
		delete(n.open, id)
		n.last = time.Now()
	}
}

// resolve adds the lines of extra information that came before their
// hop's request.
func (n *netLog) resolve(id network.RequestID) {
	n.pending = slices.DeleteFunc(n.pending, func(ev *network.EventResponseReceivedExtraInfo) bool {
		if ev.RequestID != id || n.extras[id] >= len(n.hops[id]) {
			return false
		}
		n.addLines(ev)
		return true
	})
}

// addLines takes the Set-Cookie lines of the next hop's response.
func (n *netLog) addLines(ev *network.EventResponseReceivedExtraInfo) {
	url := n.hops[ev.RequestID][n.extras[ev.RequestID]]
	n.extras[ev.RequestID]++
	refused := map[string][]string{}
	for _, b := range ev.BlockedCookies {
		for _, r := range b.BlockedReasons {
			refused[b.CookieLine] = append(refused[b.CookieLine], string(r))
		}
	}
	for k, v := range ev.Headers {
		s, ok := v.(string)
		if !ok || !strings.EqualFold(k, "Set-Cookie") {
			continue
		}
		for line := range strings.SplitSeq(s, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				n.lines = append(n.lines, &setCookie{line: line, url: url, refused: refused[line], seq: len(n.lines)})
			}
		}
	}
}

// reset forgets the open requests, before a navigation: the last page's
// stragglers do not hold up the next one; and a crash before it.
func (n *netLog) reset() {
	n.mu.Lock()
	defer n.mu.Unlock()
	clear(n.open)
	n.last = time.Now()
	select {
	case <-n.crashed:
	default:
	}
}

// idle reports whether no request has been open for quiet, how many
// requests were ever started, and the URLs of those still open.
func (n *netLog) idle(quiet time.Duration) (bool, int, []string) {
	n.mu.Lock()
	defer n.mu.Unlock()
	var open []string
	for id := range n.open {
		hops := n.hops[id]
		open = append(open, hops[len(hops)-1])
	}
	slices.Sort(open)
	return len(open) == 0 && time.Since(n.last) >= quiet, n.started, open
}

// setCookies returns the Set-Cookie lines seen so far, in arrival order.
func (n *netLog) setCookies() []*setCookie {
	n.mu.Lock()
	defer n.mu.Unlock()
	return slices.Clone(n.lines)
}
