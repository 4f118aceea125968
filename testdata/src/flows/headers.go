package flows

import (
	"fmt"
	"net/http"
)

func headerValues(w http.ResponseWriter, r *http.Request, token string, upstream *http.Response) {
	v := fmt.Sprintf("sessionid=%s; Path=/", token)
	w.Header().Add("Set-Cookie", v) // want `cookie "sessionid" is set without Secure` `cookie "sessionid" is set without HttpOnly`

	twin := fmt.Sprintf("sessionid=%s; Path=/; Secure; HttpOnly", token)
	w.Header().Add("Set-Cookie", twin)

	w.Header().Add("Set-Cookie", "sessionid="+token+"; Path=/; HttpOnly") // want `cookie "sessionid" is set without Secure`
	w.Header().Add("Set-Cookie", "sessionid="+token+"; Path=/; Secure; HttpOnly")

	concat := "sessionid=" + token
	concat += "; Secure; HttpOnly" // x += y: decided at run time
	w.Header().Add("Set-Cookie", concat)

	w.Header()["Set-Cookie"] = []string{"sessionid=" + token + "; Secure"}     // want `erases the cookie set at line 20` `cookie "sessionid" is set without HttpOnly`
	w.Header()["Set-Cookie"] = append(w.Header()["Set-Cookie"], "csrftoken=x") // want `cookie "csrftoken" is set without Secure`
	w.Header()["Set-Cookie"] = append(w.Header()["Set-Cookie"], "csrftoken=x; Secure")

	// A proxy forwarding what the upstream set: decided there.
	for _, c := range upstream.Header["Set-Cookie"] {
		w.Header().Add("Set-Cookie", c)
	}
	w.Header()["Set-Cookie"] = upstream.Header["Set-Cookie"] // want `erases the cookie set at line 24`
	fwd := upstream.Header.Get("Set-Cookie")
	w.Header().Add("Set-Cookie", fwd)
}

func clearing(w http.ResponseWriter, v string) {
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "", Path: "/"})                     // a clearing carries nothing
	w.Header().Add("Set-Cookie", "sessionid=; Path=/")                                           // the same in a header
	http.SetCookie(w, &http.Cookie{Name: "scoped", Value: "", Path: "/", Domain: "example.com"}) // want `cookie "scoped" is set with Path "/", but the policy declares Path "/app"`
	http.SetCookie(w, &http.Cookie{Name: "__Host-id", Value: ""})                                // want `cookie "__Host-id" has the __Host- prefix but is set without Secure` `has no Path`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Path: "/"})                                // never given a value: the zero value "" clears it too
	http.SetCookie(w, &http.Cookie{Name: "sessionid", MaxAge: 0})                                // the clearing written as in-house code writes it
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: v, Path: "/"})                      // want `cookie "sessionid" is set without Secure` `without HttpOnly`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", HttpOnly: true})                           // want `cookie "sessionid" is set without Secure`
}

func sentBack(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("sessionid")
	if err != nil {
		return
	}
	http.SetCookie(w, c) // want `cookie "sessionid" is set without Secure: .* \(a cookie read from the request carries its name and value only\)` `without HttpOnly`

	d, _ := r.Cookie("sessionid")
	d.Value = "refreshed"
	http.SetCookie(w, d) // want `cookie "sessionid" is set without Secure` `without HttpOnly`

	e, _ := r.Cookie("sessionid")
	e.Secure, e.HttpOnly = true, true
	http.SetCookie(w, e)

	old, _ := r.Cookie("old_tracker")
	old.MaxAge = -1
	http.SetCookie(w, old) // a deletion

	// Read, parsed or logged only: nothing set.
	g, _ := r.Cookie("sessionid")
	fmt.Println(g.String(), g.Valid())
	req, _ := http.NewRequest("GET", "https://example.com", nil)
	req.AddCookie(g) // sent to a server
}
