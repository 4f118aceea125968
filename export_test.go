package cookielint

// What the external tests (package cookielint_test) reach of the
// package's internals.

// BuiltinModelErrors checks the built-in models against real packages.
var BuiltinModelErrors = builtinModelErrors
