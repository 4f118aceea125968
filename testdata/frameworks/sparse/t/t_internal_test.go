package t

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestName(tt *testing.T) {
	http.SetCookie(httptest.NewRecorder(), &http.Cookie{Name: Name(), Value: "v"})
}
