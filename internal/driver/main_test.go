package driver

import (
	"testing"

	"github.com/cookielint/cookielint/internal/testutil"
)

func TestMain(m *testing.M) { testutil.RunLessGC(m) }
