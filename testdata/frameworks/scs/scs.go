package scs // want package:"cookie functions"

import (
	"time"

	"github.com/alexedwards/scs/v2"
)

var sessionManager = scs.New() // want `cookie "session" is set without Secure: .*; set Cookie.Secure = true on the session manager`

func configured() *scs.SessionManager { // want configured:`returns\(.*SessionManager Name="session" Secure=true HttpOnly=true SameSite=2 Path="/" MaxAge=43200\)`
	sm := scs.New()
	sm.Cookie.Secure = true
	sm.Lifetime = 12 * time.Hour
	return sm
}

func longLived() *scs.SessionManager { // want longLived:`returns`
	sm := scs.New() // want `cookie "session" lives 500 days, but browsers keep a cookie at most 400 days`
	sm.Cookie.Secure = true
	sm.Lifetime = 500 * 24 * time.Hour
	return sm
}

func notPersistent() *scs.SessionManager { // want notPersistent:`returns\(.* SessionOnly=true\)`
	sm := scs.New()
	sm.Cookie.Secure = true
	sm.Cookie.Persist = false
	sm.Lifetime = 500 * 24 * time.Hour
	return sm
}

func renamed() *scs.SessionManager { // want renamed:`returns\(.*Name="app_session"`
	sm := scs.New() // want `cookie "app_session" is not declared`
	sm.Cookie.Name = "app_session"
	sm.Cookie.Secure = true
	return sm
}
