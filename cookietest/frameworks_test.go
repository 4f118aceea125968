package cookietest_test

import (
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/cookielint/cookielint/internal/testutil"
)

// cookietest and cookiewatch on real handlers: an app on gin with
// gorilla/sessions (testdata/frameworks/runtimecheck, which requires this
// module through a replace), each correct cookie quiet, each kind of
// violation and each consent state reported.
func TestOnRealFrameworks(t *testing.T) {
	ctx := testutil.E2E(t, "builds gin and a test binary over it", 10*time.Minute)
	dir, err := testutil.Module("../testdata/frameworks")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "./runtimecheck")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go test ./runtimecheck: %v\n%s", testutil.Expired(ctx, err), out)
	}
}
