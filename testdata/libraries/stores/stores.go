// Package stores uses gorilla-compatible session stores that bring their
// own defaults (models/boj-redistore.yaml and the others): the cookie of
// each is reported where its session is saved.
package stores

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/antonlindstrom/pgstore"
	"github.com/boj/redistore"
	"github.com/gorilla/sessions"
	"github.com/quasoft/memstore"
	"github.com/rbcervilla/redisstore/v9"
	"github.com/redis/go-redis/v9"
	"github.com/srinathgs/mysqlstore"
	"github.com/wader/gormstore/v2"
	"gorm.io/gorm"
)

var key = []byte("key")

func save(w http.ResponseWriter, r *http.Request, s sessions.Store) {}

func redis1(w http.ResponseWriter, r *http.Request) {
	store, _ := redistore.NewRediStore(10, "tcp", ":6379", "", "", key)
	s, _ := store.Get(r, "session")
	_ = s.Save(r, w) // want `cookie "session" is set without Secure` `cookie "session" is set without HttpOnly`

	hard, _ := redistore.NewRediStore(10, "tcp", ":6379", "", "", key)
	hard.Options.Secure, hard.Options.HttpOnly = true, true
	t, _ := hard.Get(r, "session")
	_ = hard.Save(r, w, t)
}

func redis2(w http.ResponseWriter, r *http.Request, client *redis.Client) {
	store, _ := redisstore.NewRedisStore(context.Background(), client)
	s, _ := store.Get(r, "session")
	_ = store.Save(r, w, s) // want `cookie "session" is set without Secure` `without HttpOnly`

	hard, _ := redisstore.NewRedisStore(context.Background(), client)
	hard.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true})
	t, _ := hard.Get(r, "session")
	_ = t.Save(r, w)
}

func postgres(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	store, _ := pgstore.NewPGStoreFromPool(db, key)
	s, _ := store.Get(r, "session")
	_ = s.Save(r, w) // want `cookie "session" is set without Secure` `without HttpOnly`
	store.Options.Secure = true
	store.Options.HttpOnly = true
}

func mysql(w http.ResponseWriter, r *http.Request) {
	store, _ := mysqlstore.NewMySQLStore("dsn", "sessions", "/", 86400*500, key)
	store.Options.Secure, store.Options.HttpOnly = true, true
	s, _ := store.Get(r, "session")
	_ = s.Save(r, w) // want `cookie "session" lives 500 days, but browsers keep a cookie at most 400 days`
}

var mem = memstore.NewMemStore(key)

func memory(w http.ResponseWriter, r *http.Request) {
	s, _ := mem.Get(r, "session")
	_ = mem.Save(r, w, s) // want `cookie "session" is set without Secure` `without HttpOnly`
	t, _ := mem.Get(r, "ghost_mem")
	_ = t.Save(r, w) // want `cookie "ghost_mem" is not declared` `without Secure` `without HttpOnly`
}

func gormStore(w http.ResponseWriter, r *http.Request, db *gorm.DB) {
	store := gormstore.New(db, key)
	store.SessionOpts.Secure = true
	store.SessionOpts.HttpOnly = true
	s, _ := store.Get(r, "session")
	_ = s.Save(r, w)

	plain := gormstore.New(db, key)
	t, _ := plain.Get(r, "session")
	_ = t.Save(r, w) // want `cookie "session" is set without Secure` `without HttpOnly`
}
