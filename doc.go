// Package cookielint defines an Analyzer that checks every cookie a Go
// program sets against a declared cookie policy and the cookie standards.
//
// # Analyzer cookielint
//
// cookielint: check cookies against the declared cookie policy
//
// The analyzer finds the places where code sets a cookie (http.SetCookie,
// a Set-Cookie header built from a constant or a fmt.Sprintf format, and
// the framework and library models in its sink table), works out each
// cookie's name and attributes within the function, and reports:
//
//   - undeclared: a constant cookie name that no policy entry declares;
//   - secure, httponly, samesite: attributes the policy or browsers require;
//   - prefix: __Secure- and __Host- cookies browsers would reject;
//   - name: names net/http drops silently;
//   - lifetime: lifetimes over the policy's maxAge or the browsers' cap;
//   - header: Set-Cookie headers that erase cookies or do not parse;
//   - policy: a Path or Domain other than the policy declares.
//
// Attributes decided at run time (Secure: cfg.Secure) are not reported
// unless -strict is set. Deletions (MaxAge < 0, Expires in the past) and
// clearings (an empty value, or none and no attribute) are exempt from all
// but the prefix and policy checks.
package cookielint
