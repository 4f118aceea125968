// Package badpolicy is analyzed with a broken policy given as data.
package badpolicy

import "net/http"

func f(w http.ResponseWriter) { http.SetCookie(w, &http.Cookie{Name: "a"}) }
