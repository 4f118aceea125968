package odd // want package:"cookie functions"

import (
	"net/http"
	"strings"
)

// Generics: a generic helper and a generic container of cookies.
func SetAll[T ~string](w http.ResponseWriter, names ...T) {
	for _, n := range names {
		http.SetCookie(w, &http.Cookie{Name: string(n), Secure: true, HttpOnly: true})
	}
}

type Box[T any] struct{ C *http.Cookie }

func (b Box[T]) Set(w http.ResponseWriter) { http.SetCookie(w, b.C) }

func SetOne[T any](w http.ResponseWriter, name string, _ T) { // want SetOne:`sets`
	http.SetCookie(w, &http.Cookie{Name: name, Secure: true, HttpOnly: true})
}

func useGenerics(w http.ResponseWriter) {
	SetAll[string](w, "sessionid")
	Box[int]{C: &http.Cookie{Name: "sessionid"}}.Set(w)
	SetOne(w, "generic_undeclared", 3) // want `cookie "generic_undeclared" is not declared`
}

// A huge constant name is shortened in messages.
var huge = strings.Repeat("x", 10)

const hugeName = "a_very_long_cookie_name_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

func long(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: hugeName, Secure: true, HttpOnly: true}) // want `cookie "a_very_long_cookie_name_a+"\.\.\. is not declared`
	w.Header().Add("Set-Cookie", hugeName+"=1; Secure; HttpOnly")                 // want `is not declared`
}

// Odd constructs: method values, function values, goto, labels, select.
func odd(w http.ResponseWriter, ch chan int) {
	set := http.SetCookie
	set(w, &http.Cookie{Name: "via_func_value"}) // a function value: not followed
	c := &http.Cookie{Name: "sessionid", Secure: true, HttpOnly: true}
	goto done
done:
	select {
	case <-ch:
		c.Secure = false
	default:
	}
	http.SetCookie(w, c)
	var nilCookie *http.Cookie
	http.SetCookie(w, nilCookie)
	http.SetCookie(w, nil)
	defer http.SetCookie(w, &http.Cookie{Name: "deferred_undeclared", Secure: true, HttpOnly: true}) // want `cookie "deferred_undeclared" is not declared`
}
