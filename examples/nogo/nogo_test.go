package nogo

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// The embedded policy applies: no file is read.
func TestEmbeddedPolicy(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "app")
}
