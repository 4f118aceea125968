package cookielint

// Check documents one check: its stable ID (the Diagnostic.Category),
// what it reports and why that matters. Report formats (SARIF rules) and
// the checks table of docs/checks.md are built from this.
type Check struct {
	ID    string
	Title string // one line
	Help  string // why it matters and how to fix it
}

// Checks lists every check cookielint runs, in the order of docs/checks.md.
var Checks = []Check{
	{catUndeclared, "Cookie not declared in the cookie policy",
		"A constant cookie name matches no entry (name or pattern) of the policy file. The published cookie policy must list every cookie the site sets. Declare the cookie with its provider, purpose and category, or stop setting it."},
	{catSecure, "Cookie without Secure",
		"Secure is absent or false where the policy requires it (by default, always), or a Partitioned cookie lacks Secure. Without Secure the cookie is also sent over plain HTTP (CWE-614); browsers reject Partitioned cookies without it. Set Secure."},
	{catHttpOnly, "Cookie without HttpOnly",
		"HttpOnly is absent or false where the policy requires it (by default, always). Scripts can read the cookie, so a cross-site scripting bug can steal it (CWE-1004). Set HttpOnly, or declare httpOnly: false for cookies scripts must read."},
	{catSameSite, "Cookie with a missing or weak SameSite",
		"SameSite=None without Secure (browsers reject it), or SameSite weaker than the policy's sameSite minimum (CWE-1275). Set SameSite to the policy's minimum or stronger."},
	{catPrefix, "Cookie prefix rules broken",
		"A __Secure- cookie without Secure, or a __Host- cookie without Secure, with a Domain, or with a Path other than /. Browsers reject such cookies (RFC 6265bis 4.1.3); a deletion they reject leaves the cookie in place."},
	{catName, "Invalid cookie name",
		"The name is not an RFC 9110 token, so net/http drops the cookie without a word. Use letters, digits and !#$%&'*+-.^_`|~ only."},
	{catLifetime, "Cookie lifetime too long",
		"A constant Max-Age or Expires exceeds the policy's maxAge, or the 400 days browsers keep a cookie at most, or makes a persistent cookie the policy declares a session cookie. Shorten it."},
	{catHeader, "Set-Cookie header misuse",
		"Header().Set(\"Set-Cookie\", ...) erases cookies set earlier on the same response, or a constant Set-Cookie value does not parse. Use Header().Add or http.SetCookie."},
	{catPolicy, "Cookie scope differs from the policy",
		"A constant Path or Domain differs from the one the policy declares for the cookie. Another Path or Domain makes another cookie: a logout that deletes on another Path deletes nothing."},
	{catConsent, "Cookie set before the visitor's consent",
		"With a consent: section in the policy: a cookie whose entry needs consent (its category is required, or it says consent: true) is set on a path where no declared consent check confirmed its category, or by a library's middleware, which runs before any handler can ask (ePrivacy art. 5(3), GDPR art. 7). Set it only after a declared check returns true for its category; deletions never need consent. A helper that leaves the check to its callers is reported at each unguarded call. No automatic fix."},
	{catUnmodeled, "Cookie API cookielint does not model (-strict only)",
		"A call that looks like it sets a cookie (a SetCookie, Cookie or AddCookie of a package no model covers, taking a name) or a library whose version is outside the modeled ones: cookielint cannot verify what it sends. Declare the API in the policy's models: section, or suppress the finding. Reported with -strict only; the inventory lists such calls as not modeled."},
}
