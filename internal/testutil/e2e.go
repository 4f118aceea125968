package testutil

import (
	"context"
	"os"
	"testing"
	"time"
)

// E2EEnv names the environment variable that turns on the end-to-end
// suites: the corpus over real modules, golangci-lint built from source
// with the plugin, the loader's comparisons on the whole frameworks
// module, and the run-time checks on real frameworks. They take minutes
// on a cold machine, so the default `go test ./...` skips them; .ci/run
// sets COOKIELINT_E2E=1.
const E2EEnv = "COOKIELINT_E2E"

// E2EOn reports whether the end-to-end suites are on.
func E2EOn() bool { return os.Getenv(E2EEnv) != "" }

// E2E skips t unless the end-to-end suites are on. It returns a context
// that ends after budget, the suite's own timeout sized to a cold
// machine, or a minute before the test binary's -timeout, whichever
// comes first, so that a suite cut short fails with its own message
// instead of go test's panic.
func E2E(t testing.TB, what string, budget time.Duration) context.Context {
	t.Helper()
	if !E2EOn() {
		t.Skipf("end-to-end: %s; set %s=1 to run it (docs/development.md)", what, E2EEnv)
	}
	deadline := time.Now().Add(budget)
	if d, ok := t.(interface{ Deadline() (time.Time, bool) }); ok {
		if td, ok := d.Deadline(); ok && td.Add(-time.Minute).Before(deadline) {
			deadline = td.Add(-time.Minute)
		}
	}
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	t.Cleanup(cancel)
	return ctx
}

// Expired explains an error of a suite whose context ended: its budget
// or go test's -timeout was too short for this machine.
func Expired(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return &expired{err}
	}
	return err
}

type expired struct{ err error }

func (e *expired) Error() string {
	return "the suite ran out of time (its own budget, or a minute before go test's -timeout; run it as .ci/run does, with -timeout 60m): " + e.err.Error()
}

func (e *expired) Unwrap() error { return e.err }
