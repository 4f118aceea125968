// Package golangci registers cookielint as a golangci-lint v2 module
// plugin named "cookielint".
//
// Declare it in .custom-gcl.yml, build a custom golangci-lint with
// `golangci-lint custom`, and enable it in .golangci.yml:
//
//	linters:
//	  enable: [cookielint]
//	  settings:
//	    custom:
//	      cookielint:
//	        type: module
//	        settings:
//	          policy: cookie-policy.yaml
//	          strict: false
//	          tests: false
//	          facts: true   # false: cheaper, helpers followed within a package only
//
// The settings are decoded strictly: an unknown key is an error.
package golangci

import (
	"fmt"
	"path/filepath"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/cookielint/cookielint"
)

// golangci-lint plugins register themselves when imported: this init is
// the registration golangci-lint's module plugin system requires.
func init() {
	register.Plugin("cookielint", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Policy is the policy file, relative to where golangci-lint runs.
	// Empty: the nearest cookie-policy.yaml of each package.
	Policy string `json:"policy"`
	// Strict also reports values decided at run time.
	Strict bool `json:"strict"`
	// Tests also analyzes _test.go files.
	Tests bool `json:"tests"`
	// Facts follows helpers and constructors across packages (default
	// true). With false, golangci-lint need not load every dependency
	// from source: cookielint then costs about what gosec's cookie rule
	// does, and follows helpers within a package only.
	Facts *bool `json:"facts"`
}

// Plugin is cookielint as a golangci-lint linter.
type Plugin struct {
	settings Settings
}

// New decodes the settings; golangci-lint calls it with the settings
// block of .golangci.yml.
func New(settings any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](settings)
	if err != nil {
		return nil, fmt.Errorf("cookielint settings: %w", err)
	}
	if s.Policy != "" {
		abs, err := filepath.Abs(s.Policy)
		if err != nil {
			return nil, fmt.Errorf("cookielint settings: policy: %w", err)
		}
		s.Policy = abs
	}
	return &Plugin{settings: s}, nil
}

// BuildAnalyzers returns the cookielint analyzer configured by the
// settings.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{cookielint.NewAnalyzer(cookielint.Config{
		PolicyFile: p.settings.Policy,
		Strict:     p.settings.Strict,
		Tests:      p.settings.Tests,
		NoFacts:    p.settings.Facts != nil && !*p.settings.Facts,
	})}, nil
}

// GetLoadMode asks for type information: cookielint resolves calls and
// constants with it.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
