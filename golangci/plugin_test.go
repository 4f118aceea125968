package golangci

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

func TestSettings(t *testing.T) {
	p, err := New(map[string]any{"policy": "testdata/cookie-policy.yaml", "strict": true, "tests": true})
	if err != nil {
		t.Fatal(err)
	}
	s := p.(*Plugin).settings
	if !s.Strict || !s.Tests || !strings.HasSuffix(s.Policy, "/testdata/cookie-policy.yaml") || !strings.HasPrefix(s.Policy, "/") {
		t.Errorf("settings = %+v", s)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "cookielint" {
		t.Fatalf("BuildAnalyzers = %v, %v", as, err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	if _, err := New(nil); err != nil {
		t.Errorf("no settings: %v", err)
	}
	if len(as[0].FactTypes) == 0 {
		t.Error("facts are off by default")
	}
	p, err = New(map[string]any{"facts": false})
	if err != nil {
		t.Fatal(err)
	}
	if as, _ := p.BuildAnalyzers(); len(as[0].FactTypes) != 0 {
		t.Error("facts: false kept the fact types")
	}
}

func TestUnknownSettingIsAnError(t *testing.T) {
	_, err := New(map[string]any{"polcy": "x.yaml"})
	if err == nil || !strings.Contains(err.Error(), `unknown field "polcy"`) {
		t.Errorf("err = %v", err)
	}
	if _, err := New(map[string]any{"strict": "yes"}); err == nil {
		t.Error("a string for strict was accepted")
	}
}

func TestRegistered(t *testing.T) {
	if _, err := register.GetPlugin("cookielint"); err != nil {
		t.Fatal(err)
	}
}
