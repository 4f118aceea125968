package testutil

import (
	"os"
	"runtime/debug"
	"testing"
)

// RunLessGC runs a test binary's tests with the garbage collector running
// half as often (GOGC=200) unless GOGC is set. The root package's and the
// driver's tests load whole testdata trees and keep them for every test,
// and collecting that heap was a fifth of their CPU: on the 2-core
// development machine GOGC=200 takes 18% off their CPU for 5-30% more
// peak memory (2.7 GB to 2.9 GB, 1.8 GB to 2.4 GB). It sets the
// collector of this process only, not of the commands the tests run.
func RunLessGC(m *testing.M) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	os.Exit(m.Run())
}
