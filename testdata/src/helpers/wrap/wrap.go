package wrap // want package:"cookie functions"

import "net/http"

func IsHTTPS(r *http.Request) bool { return r.TLS != nil }

// SetCookie is a setter: the name comes from a parameter, Secure is
// decided at run time.
func SetCookie(w http.ResponseWriter, r *http.Request, name, value string) { // want SetCookie:`sets\(net/http.Cookie Name=arg3 Secure=\? HttpOnly=true Path="/"\)`
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: IsHTTPS(r)})
}

// SetSecure takes Secure from its caller.
func SetSecure(w http.ResponseWriter, name string, secure bool) { // want SetSecure:`sets\(net/http.Cookie Name=arg2 Secure=arg3 HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: secure, HttpOnly: true})
}

// SetDefault calls a helper: a chain.
func SetDefault(w http.ResponseWriter, name string) { // want SetDefault:`sets\(net/http.Cookie Name=arg2 Secure=true HttpOnly=true\)`
	SetSecure(w, name, true)
}

// Insecure has a defect of its own, reported once, here.
func Insecure(w http.ResponseWriter, name string) { // want Insecure:`sets\(net/http.Cookie Name=arg2 HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, HttpOnly: true}) // want `a cookie whose name is decided at run time is set without Secure`
}

// LongLived keeps its cookie 68 years: reported once, here.
func LongLived(w http.ResponseWriter, name string) { // want LongLived:`sets\(net/http.Cookie Name=arg2 Secure=true HttpOnly=true MaxAge=2147483647\)`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true, MaxAge: 1<<31 - 1}) // want `lives 24855 days, but browsers keep a cookie at most 400 days`
}

// NoHttpOnly lacks HttpOnly, which the policy does not require of every
// cookie ("lang" may go without): only callers can tell.
func NoHttpOnly(w http.ResponseWriter, name string) { // want NoHttpOnly:`sets\(net/http.Cookie Name=arg2 Secure=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true})
}

// Delete is a deleter.
func Delete(w http.ResponseWriter, name string) { // want Delete:`sets\(net/http.Cookie Name=arg2 Path="/" MaxAge=-1\)`
	http.SetCookie(w, &http.Cookie{Name: name, Path: "/", MaxAge: -1})
}

// Set passes its caller's cookie through.
func Set(w http.ResponseWriter, c *http.Cookie) { // want Set:`sets\(net/http.Cookie from arg 2 Name=arg2.Name Secure=arg2.Secure`
	http.SetCookie(w, c)
}

// Harden makes its caller's cookie Secure and HttpOnly before setting it.
func Harden(w http.ResponseWriter, c *http.Cookie) { // want Harden:`sets\(net/http.Cookie from arg 2 Name=arg2.Name Secure=true HttpOnly=true SameSite=arg2.SameSite`
	c.Secure = true
	c.HttpOnly = true
	http.SetCookie(w, c)
}

// Jar's method is a setter too.
type Jar struct{}

func (j *Jar) Put(w http.ResponseWriter, name string) { // want Put:`sets\(net/http.Cookie Name=arg3 Secure=true HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true})
}

// Retry calls itself: recursion must end.
func Retry(w http.ResponseWriter, name string, n int) { // want Retry:`sets\(net/http.Cookie Name=arg2 Secure=true HttpOnly=true\)`
	if n > 0 {
		Retry(w, name, n-1)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true})
}

// NewSession is a constructor with constant attributes.
func NewSession(value string) *http.Cookie { // want NewSession:`returns\(net/http.Cookie Name="sessionid" Secure=true HttpOnly=true Path="/"\)`
	return &http.Cookie{Name: "sessionid", Value: value, Secure: true, HttpOnly: true, Path: "/"}
}

// Build takes the name and Secure from its caller.
func Build(name, value string, secure bool) *http.Cookie { // want Build:`returns\(net/http.Cookie Name=arg1 Secure=arg3 HttpOnly=true\)`
	return &http.Cookie{Name: name, Value: value, Secure: secure, HttpOnly: true}
}

// NewLegacy forgets Secure. It sets nothing itself: the finding can only
// go where its cookie is set, in another package.
func NewLegacy() *http.Cookie { // want NewLegacy:`returns\(net/http.Cookie Name="user_sess" HttpOnly=true\)`
	c := new(http.Cookie)
	c.Name = "user_sess"
	c.HttpOnly = true
	return c
}

// Pick returns one of two cookies: what they share is kept.
func Pick(b bool) *http.Cookie { // want Pick:`returns\(net/http.Cookie Name=\? Secure=true HttpOnly=true\)`
	if b {
		return &http.Cookie{Name: "user_sess", Secure: true, HttpOnly: true}
	}
	return &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
}
