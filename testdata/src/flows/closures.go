package flows // want package:"cookie functions"

import "net/http"

func closures(w http.ResponseWriter, r *http.Request) {
	// Called where it is written: it sees the cookie as it is there.
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	func() {
		http.SetCookie(w, c) // want `cookie "sessionid" is set without Secure`
	}()
	d := &http.Cookie{Name: "sessionid", HttpOnly: true}
	d.Secure = true
	func() {
		http.SetCookie(w, d)
	}()

	// What it changes is seen after it.
	e := &http.Cookie{Name: "sessionid"}
	func() { e.Secure, e.HttpOnly = true, true }()
	http.SetCookie(w, e)
	f := &http.Cookie{Name: "sessionid"}
	func() { f.HttpOnly = true }()
	http.SetCookie(w, f) // want `cookie "sessionid" is set without Secure`

	// Held in a variable and called: walked at each call.
	g := &http.Cookie{Name: "sessionid", HttpOnly: true}
	set := func() { http.SetCookie(w, g) } // want `cookie "sessionid" is set without Secure`
	set()
	g.Secure = true
	set()

	h := &http.Cookie{Name: "sessionid", HttpOnly: true}
	setTwin := func() { http.SetCookie(w, h) }
	h.Secure = true
	setTwin()

	// With a cookie parameter.
	send := func(k *http.Cookie) { http.SetCookie(w, k) } // want `cookie "csrftoken" is set without Secure`
	send(&http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	send(&http.Cookie{Name: "csrftoken", Value: "t"})
}

func deferred(w http.ResponseWriter, r *http.Request) error {
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	defer func() {
		http.SetCookie(w, c) // want `cookie "sessionid" is set without Secure`
	}()
	if r.Method == "HEAD" {
		return nil
	}
	c.HttpOnly = true // Secure is set on no path to the deferred call
	return nil
}

func deferredSomePaths(w http.ResponseWriter, r *http.Request) error {
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	defer func() {
		http.SetCookie(w, c) // Secure on one path only: decided at run time
	}()
	if r.Method == "HEAD" {
		return nil
	}
	c.Secure = true
	return nil
}

func deferredTwin(w http.ResponseWriter, r *http.Request) error {
	c := &http.Cookie{Name: "sessionid", HttpOnly: true}
	defer func() {
		http.SetCookie(w, c)
	}()
	c.Secure = true // before every exit
	if r.Method == "HEAD" {
		return nil
	}
	return nil
}

// A closure that runs elsewhere sets a cookie built outside it as built.
func handlerFor() http.HandlerFunc {
	c := &http.Cookie{Name: "sessionid", Secure: true}
	return func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, c) // want `cookie "sessionid" is set without HttpOnly`
	}
}

func goroutine(w http.ResponseWriter) {
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	go func() {
		http.SetCookie(w, c)
	}()
}
