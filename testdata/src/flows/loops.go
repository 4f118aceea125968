package flows

import "net/http"

func ranged(w http.ResponseWriter) {
	cookies := []*http.Cookie{
		{Name: "sessionid", Secure: true, HttpOnly: true},
		{Name: "sessionid", HttpOnly: true},
	}
	for _, c := range cookies {
		http.SetCookie(w, c) // want `cookie "sessionid" is set without Secure`
	}

	twin := []*http.Cookie{
		{Name: "sessionid", Secure: true, HttpOnly: true},
		{Name: "csrftoken", Secure: true},
	}
	for _, c := range twin {
		http.SetCookie(w, c)
	}

	var built []http.Cookie
	built = append(built, http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true})
	built = append(built, http.Cookie{Name: "tracker_a", Secure: true, HttpOnly: true})
	for i := range built {
		http.SetCookie(w, &built[i]) // want `cookie "tracker_a" is not declared`
	}

	byName := map[string]*http.Cookie{"a": {Name: "sessionid", Secure: true}}
	for _, c := range byName {
		http.SetCookie(w, c) // want `cookie "sessionid" is set without HttpOnly`
	}
}

func hardened(w http.ResponseWriter) {
	cookies := []*http.Cookie{{Name: "sessionid"}, {Name: "csrftoken"}}
	for _, c := range cookies {
		c.Secure = true
	}
	for _, c := range cookies {
		c.HttpOnly = c.Name == "sessionid"
		http.SetCookie(w, c)
	}

	partly := []*http.Cookie{{Name: "sessionid"}, {Name: "sessionid"}}
	for _, c := range partly {
		c.HttpOnly = true
	}
	for _, c := range partly {
		http.SetCookie(w, c) // want `cookie "sessionid" is set without Secure`
	}

	values := [2]http.Cookie{{Name: "sessionid", HttpOnly: true}, {Name: "sessionid", HttpOnly: true}}
	for i := range values {
		values[i].Secure = true
	}
	for i := range values {
		http.SetCookie(w, &values[i])
	}

	copies := []http.Cookie{{Name: "sessionid", HttpOnly: true}}
	for _, c := range copies {
		c.Secure = true // a copy: the element is unchanged
	}
	for i := range copies {
		http.SetCookie(w, &copies[i]) // want `cookie "sessionid" is set without Secure`
	}

	some := []*http.Cookie{{Name: "sessionid", HttpOnly: true}, {Name: "sessionid", HttpOnly: true}}
	for _, c := range some {
		if c.Name == "" {
			break
		}
		c.Secure = true
	}
	for _, c := range some {
		http.SetCookie(w, c) // the first loop may stop early: decided at run time
	}
}

func unknownElements(w http.ResponseWriter, r *http.Request, more []*http.Cookie) {
	cookies := append([]*http.Cookie{}, more...)
	for _, c := range cookies {
		http.SetCookie(w, c) // not followed
	}
	mine := []*http.Cookie{{Name: "sessionid", HttpOnly: true}}
	harden(mine)
	for _, c := range mine {
		http.SetCookie(w, c) // the callee may have changed them
	}
}

func harden(cs []*http.Cookie) {}
