package browser

import (
	"context"
	"net/url"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// CrashOn makes a scan crash the renderer of the page at path once it has
// loaded, as a renderer that runs out of memory would die: the DevTools
// protocol's Page.crash, which never answers.
func CrashOn(cfg *Config, path string) {
	cfg.loaded = func(ctx context.Context, u *url.URL) {
		if u.Path != path {
			return
		}
		go func() {
			cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
			defer cancel()
			chromedp.Call(cctx, page.Crash, cdp.Empty{})
		}()
	}
}
