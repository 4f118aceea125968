package browser

import (
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
)

// The network log from protocol events, in the orders the browser may
// send them.
func TestNetLog(t *testing.T) {
	n := newNetLog()
	// Extra information may come before its request.
	n.event(&network.EventResponseReceivedExtraInfo{RequestID: "2", Headers: network.Headers{"set-cookie": "late=1"}})
	n.event(&network.EventRequestWillBeSent{RequestID: "1", Request: &network.Request{URL: "http://a.test/"}})
	n.event(&network.EventResponseReceivedExtraInfo{RequestID: "1",
		Headers:        network.Headers{"Set-Cookie": "a=1; Path=/\nbad=1; SameSite=None", "Content-Type": "text/html"},
		BlockedCookies: []*network.BlockedSetCookieWithReason{{CookieLine: "bad=1; SameSite=None", BlockedReasons: []network.SetCookieBlockedReason{"SameSiteNoneInsecure"}}}})
	n.event(&network.EventRequestWillBeSent{RequestID: "2", Request: &network.Request{URL: "http://a.test/late"}})
	n.event(&network.EventRequestWillBeSent{RequestID: "3", Request: &network.Request{URL: "data:image/png;base64,AA=="}})
	// A redirect: the same request, a new URL; each hop's extra
	// information, before or after the next hop's request.
	n.event(&network.EventRequestWillBeSent{RequestID: "5", Request: &network.Request{URL: "http://a.test/go"}})
	n.event(&network.EventRequestWillBeSent{RequestID: "5", Request: &network.Request{URL: "http://a.test/there"}})
	n.event(&network.EventResponseReceivedExtraInfo{RequestID: "5", Headers: network.Headers{"set-cookie": "hop=1"}})
	n.event(&network.EventResponseReceivedExtraInfo{RequestID: "5", Headers: network.Headers{"set-cookie": "there=1"}})
	n.event(&network.EventResponseReceivedExtraInfo{RequestID: "5", Headers: network.Headers{"set-cookie": "next=1"}})
	n.event(&network.EventRequestWillBeSent{RequestID: "5", Request: &network.Request{URL: "http://a.test/last"}})
	n.event(&network.EventLoadingFinished{RequestID: "5"})
	var got []string
	for _, l := range n.setCookies() {
		got = append(got, l.url+" "+l.line+" "+slices.Concat(l.refused, []string{""})[0])
	}
	want := []string{"http://a.test/ a=1; Path=/ ", "http://a.test/ bad=1; SameSite=None SameSiteNoneInsecure", "http://a.test/late late=1 ",
		"http://a.test/go hop=1 ", "http://a.test/there there=1 ", "http://a.test/last next=1 "}
	if !slices.Equal(got, want) {
		t.Errorf("lines:\n got %q\nwant %q", got, want)
	}
	if ok, started, open := n.idle(0); ok || started != 5 || !slices.Equal(open, []string{"http://a.test/", "http://a.test/late"}) {
		t.Errorf("two open requests (a data: URL is none): idle %v, started %d, open %q", ok, started, open)
	}
	n.event(&network.EventLoadingFinished{RequestID: "1"})
	n.event(&network.EventLoadingFailed{RequestID: "2"})
	if ok, _, _ := n.idle(time.Hour); ok {
		t.Error("idle for an hour just after the last request finished")
	}
	if ok, _, open := n.idle(0); !ok || len(open) != 0 {
		t.Errorf("all finished: idle %v, open %q", ok, open)
	}
	n.event(&network.EventRequestWillBeSent{RequestID: "4", Request: &network.Request{URL: "http://a.test/poll"}})
	n.reset()
	if ok, started, _ := n.idle(0); !ok || started != 6 {
		t.Errorf("after reset: idle %v, started %d", ok, started)
	}

	// The last page's poll, started after the reset, and the next page's
	// document: a frame's navigation drops nothing; the tab's new document
	// drops what the old one left open.
	n.event(&network.EventRequestWillBeSent{RequestID: "7", LoaderID: "old", Request: &network.Request{URL: "http://a.test/ping"}})
	n.event(&network.EventRequestWillBeSent{RequestID: "8", LoaderID: "new", Request: &network.Request{URL: "http://a.test/next"}})
	n.event(&page.EventFrameNavigated{Frame: &cdp.Frame{ID: "ad", ParentID: "main", LoaderID: "frame"}})
	if _, _, open := n.idle(0); len(open) != 2 {
		t.Errorf("after a frame's navigation: open %q", open)
	}
	n.event(&page.EventFrameNavigated{Frame: &cdp.Frame{ID: "main", LoaderID: "new"}})
	if _, _, open := n.idle(0); !slices.Equal(open, []string{"http://a.test/next"}) {
		t.Errorf("after the new document came in: open %q, want the next page's alone", open)
	}
}
