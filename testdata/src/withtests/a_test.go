package withtests

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestX(t *testing.T) {
	http.SetCookie(httptest.NewRecorder(), &http.Cookie{Name: "throwaway", Secure: true}) // want "cookie \"throwaway\" is not declared" "cookie \"throwaway\" is set without HttpOnly"
}
