package corpus

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/cookielint/cookielint/internal/testutil"
)

// TestCorpus runs cookielint over real modules and the standard library:
// no panic, no error caused by the tool, no load error.
func TestCorpus(t *testing.T) {
	ctx := testutil.E2E(t, "downloads and analyzes real modules", 40*time.Minute)
	rs, err := Run(ctx, t.TempDir(), testLog{t})
	if err != nil {
		t.Fatal(testutil.Expired(ctx, err))
	}
	if ctx.Err() != nil {
		t.Fatal(testutil.Expired(ctx, ctx.Err()))
	}
	var b strings.Builder
	Markdown(&b, rs)
	t.Logf("\n%s", b.String())
	for _, r := range rs {
		if r.DownloadErr != nil {
			t.Errorf("%s: %v", r.Module, r.DownloadErr)
		}
		for _, e := range r.ToolErrors {
			t.Errorf("%s: tool error: %s", r.Module, e)
		}
		for _, m := range r.Mismatch {
			t.Errorf("%s: %s", r.Module, m)
		}
		// The pinned modules type-check: a load error would be the loader's
		// doing (dependencies are type-checked without their bodies).
		if r.LoadErrors > 0 {
			t.Errorf("%s: %d load errors in a module that type-checks", r.Module, r.LoadErrors)
		}
		if r.Packages == 0 && r.DownloadErr == nil {
			t.Errorf("%s: no package analyzed", r.Module)
		}
	}
	if os.Getenv("COOKIELINT_CORPUS_SUMMARY") != "" {
		_ = os.WriteFile(os.Getenv("COOKIELINT_CORPUS_SUMMARY"), []byte(b.String()), 0o644)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}
