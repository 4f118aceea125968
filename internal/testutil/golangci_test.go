package testutil

import (
	"path/filepath"
	"testing"
)

// The cached golangci-lint is rebuilt when, and only when, something the
// plugin is built from changes.
func TestPluginKey(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := WriteFile(filepath.Join(dir, name), content); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/m\n\ngo 1.26\n")
	write("go.sum", "")
	write("golangci/g.go", "package golangci\n\nimport _ \"example.com/m/lib\"\n")
	write("lib/l.go", "package lib\n\nimport _ \"embed\"\n\n//go:embed data.yaml\nvar Data string\n")
	write("lib/data.yaml", "a: 1\n")
	write("other/o.go", "package other\n")
	key := func() string {
		t.Helper()
		k, err := pluginKey(dir)
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	k0 := key()
	write("other/o.go", "package other\n\nvar X = 1\n")
	write("lib/l_test.go", "package lib\n")
	if key() != k0 {
		t.Error("the key changed for a package the plugin does not import, or a test file")
	}
	for _, change := range []struct{ name, content string }{
		{"lib/l.go", "package lib\n\nimport _ \"embed\"\n\n//go:embed data.yaml\nvar Data string\n\nvar Y = 2\n"},
		{"lib/data.yaml", "a: 2\n"},
		{"go.mod", "module example.com/m\n\ngo 1.26.0\n"},
	} {
		before := key()
		write(change.name, change.content)
		if key() == before {
			t.Errorf("the key did not change with %s", change.name)
		}
	}
}
