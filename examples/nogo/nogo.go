// Package nogo shows how to run cookielint under Bazel's nogo, which runs
// analyzers hermetically: they cannot read a policy file nogo was not
// told about. The policy is embedded in the analyzer's package instead and
// handed to cookielint as data.
//
// In a BUILD file:
//
//	go_library(
//	    name = "cookielint_nogo",
//	    srcs = ["nogo.go"],
//	    embedsrcs = ["cookie-policy.yaml"],
//	    importpath = "example.com/tools/cookielint_nogo",
//	    deps = ["@com_github_cookielint_cookielint//:cookielint"],
//	)
//
//	nogo(
//	    name = "nogo",
//	    deps = [":cookielint_nogo"],
//	    visibility = ["//visibility:public"],
//	)
package nogo

import (
	_ "embed"

	"github.com/cookielint/cookielint"
)

//go:embed cookie-policy.yaml
var policy []byte

// Analyzer is cookielint with the embedded policy. nogo finds analyzers
// by this exported name.
var Analyzer = cookielint.NewAnalyzer(cookielint.Config{Policy: policy, PolicyName: "cookie-policy.yaml"})
