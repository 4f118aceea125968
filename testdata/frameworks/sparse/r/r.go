// Package r imports t and nothing that can set a cookie: for t's external
// test it is compiled again ("r [t.test]") and read from export data.
package r

import "frameworks/sparse/t"

// Default is the default kind.
func Default() t.Kind { return 1 }
