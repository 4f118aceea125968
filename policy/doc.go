// Package policy reads cookielint's policy file: the machine-readable form
// of a published cookie policy, listing every cookie a site may set, who
// sets it and why, and the attributes each must carry.
//
// A policy file is YAML, format version 1:
//
//	version: 1
//	defaults:
//	  secure: true
//	  httpOnly: true
//	  sameSite: lax
//	  maxAge: 400d
//	cookies:
//	  - name: sessionid
//	    provider: Example
//	    purpose: To remember the user from one page to another
//	    category: necessary
//	  - pattern: "_ga_*"
//	    category: statistics
//	    party: third
//	    httpOnly: false
//
// Decoding is strict: every mistake is reported as an [Error] naming the
// file, line and column.
package policy
