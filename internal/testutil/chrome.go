package testutil

import (
	"os"
	"testing"

	"github.com/cookielint/cookielint/internal/browser"
)

// RequireChromeEnv names the environment variable that makes a missing
// browser fail the browser tests instead of skipping them: .ci/run sets
// it, after installing Chromium, so that CI never passes without them.
const RequireChromeEnv = "COOKIELINT_REQUIRE_CHROME"

// Chrome returns the browser the browser tests run (as cookielint scan
// -browser finds it), or skips t with how to get one. The short suite,
// the dev loop, skips them.
func Chrome(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: not in -short")
	}
	path, err := browser.FindChrome("")
	if err != nil {
		if os.Getenv(RequireChromeEnv) != "" {
			t.Fatalf("%v (%s is set: the browser tests must run)", err, RequireChromeEnv)
		}
		t.Skipf("browser test: %v", err)
	}
	return path
}
