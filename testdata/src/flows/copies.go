package flows

import "net/http"

func copies(w http.ResponseWriter) {
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	c2 := *c
	c2.Secure = false
	http.SetCookie(w, c)   // the original is unchanged
	http.SetCookie(w, &c2) // want `cookie "sessionid" is set with Secure: false`

	d := &http.Cookie{Name: "sessionid", HttpOnly: true}
	d2 := *d // carries every attribute: no Secure
	http.SetCookie(w, &d2) // want `cookie "sessionid" is set without Secure`

	e := *base()
	e.HttpOnly = true
	http.SetCookie(w, &e)

	f := build()
	http.SetCookie(w, &f) // reported in build, where the fix belongs
	g := build()
	g.HttpOnly = true
	http.SetCookie(w, &g)
}

func base() *http.Cookie { return &http.Cookie{Name: "sessionid", Secure: true} } // want base:`returns\(net/http.Cookie Name="sessionid" Secure=true\)`

func build() http.Cookie { return http.Cookie{Name: "sessionid", Secure: true} } // want build:`returns\(net/http.Cookie Name="sessionid" Secure=true\)` `cookie "sessionid" is set without HttpOnly: .*\(built by flows.build\)`
