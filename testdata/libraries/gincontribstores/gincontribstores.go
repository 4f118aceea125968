// Package gincontribstores uses gin-contrib/sessions' stores over other
// gorilla-compatible stores (models/gin-contrib-sessions.yaml).
package gincontribstores

import (
	"database/sql"

	"github.com/gin-contrib/sessions"
	gormsessions "github.com/gin-contrib/sessions/gorm"
	"github.com/gin-contrib/sessions/memstore"
	"github.com/gin-contrib/sessions/mongo/mongomgo"
	"github.com/gin-contrib/sessions/mongo/mongodriver"
	"github.com/gin-contrib/sessions/postgres"
	"github.com/gin-contrib/sessions/redis"
	"github.com/gin-gonic/gin"
	"github.com/globalsign/mgo"
	"go.mongodb.org/mongo-driver/mongo"
	"gorm.io/gorm"
)

var key = []byte("key")

func setup(r *gin.Engine, db *sql.DB, gdb *gorm.DB, c *mongo.Collection) {
	rs, _ := redis.NewStore(10, "tcp", ":6379", "", "", key)
	r.Use(sessions.Sessions("session", rs)) // want `cookie "session" is set without Secure: .*pass Secure: true in the sessions.Options given to store.Options` `without HttpOnly`

	hard, _ := redis.NewStore(10, "tcp", ":6379", "", "", key)
	hard.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true})
	r.Use(sessions.Sessions("session", hard))

	ms := memstore.NewStore(key)
	ms.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true, MaxAge: 86400 * 500})
	r.Use(sessions.Sessions("session", ms)) // want `cookie "session" lives 500 days, but browsers keep a cookie at most 400 days`

	ps, _ := postgres.NewStore(db, key)
	r.Use(sessions.Sessions("session", ps)) // want `without Secure` `without HttpOnly`

	gs := gormsessions.NewStore(gdb, true, key)
	gs.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true})
	r.Use(sessions.Sessions("session", gs))

	mongos := mongodriver.NewStore(c, 3600, true, key)
	r.Use(sessions.Sessions("session", mongos)) // want `without Secure` `without HttpOnly`
}

func mgoStore(r *gin.Engine, c *mgo.Collection) {
	s := mongomgo.NewStore(c, 86400*500, true, key)
	s.Options(sessions.Options{Path: "/", Secure: true, HttpOnly: true, MaxAge: 3600})
	r.Use(sessions.Sessions("session", s))
	plain := mongomgo.NewStore(c, 86400*500, true, key)
	r.Use(sessions.Sessions("session", plain)) // want `cookie "session" lives 500 days` `without Secure` `without HttpOnly`
}
