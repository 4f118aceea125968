package cookielint

import (
	"go/ast"
	"go/constant"
	"go/types"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/cookielint/cookielint/policy"
)

// This file is the table of libraries that set cookies by themselves:
// session and CSRF middleware. Each row was written from the library's
// source at the version it names (where a default depends on the version
// in the build, the row says which versions it covers). The engine that
// reads the rows is in libraries.go.

const (
	sessionsPkg = "github.com/gorilla/sessions"
	csrfPkg     = "github.com/gorilla/csrf"
	nosurfPkg   = "github.com/justinas/nosurf"
	scsPkg      = "github.com/alexedwards/scs/v2"

	beegoSessionPkg = "github.com/beego/beego/v2/server/web/session"
	irisSessionsPkg = "github.com/kataras/iris/v12/sessions"
	ginSessionsPkg  = "github.com/gin-contrib/sessions"
	ginCookiePkg    = "github.com/gin-contrib/sessions/cookie"
	echoMiddleware  = "github.com/labstack/echo/v4/middleware"
	echoSessionPkg  = "github.com/labstack/echo-contrib/session"
	fiber2CSRFPkg   = "github.com/gofiber/fiber/v2/middleware/csrf"
	fiber2SessPkg   = "github.com/gofiber/fiber/v2/middleware/session"
	fiber3CSRFPkg   = "github.com/gofiber/fiber/v3/middleware/csrf"
	fiber3SessPkg   = "github.com/gofiber/fiber/v3/middleware/session"
	fiber3Extract   = "github.com/gofiber/fiber/v3/extractors"
	chiSessionPkg   = "gitea.com/go-chi/session"
	pkgzAuthPkg     = "github.com/go-pkgz/auth"
	pkgzTokenPkg    = "github.com/go-pkgz/auth/token"
	gothicPkg       = "github.com/markbates/goth/gothic"
)

// httpSameSite maps net/http's SameSite constants (and those of libraries
// that use http.SameSite): the zero value and SameSiteDefaultMode write no
// attribute.
var httpSameSite = map[string]policy.SameSite{
	"0": policy.SameSiteUnset, "1": policy.SameSiteUnset,
	"2": policy.SameSiteLax, "3": policy.SameSiteStrict, "4": policy.SameSiteNone,
}

var httpSpelling = map[policy.SameSite]string{
	policy.SameSiteNone: "http.SameSiteNoneMode", policy.SameSiteLax: "http.SameSiteLaxMode",
	policy.SameSiteStrict: "http.SameSiteStrictMode",
}

// fiberSessionSameSite: fiber's session middleware writes strict and none
// (in any case) as they are, anything else as Lax.
var fiberSessionSameSite = map[string]policy.SameSite{"strict": policy.SameSiteStrict, "none": policy.SameSiteNone, "lax": policy.SameSiteLax}

// fiberCookieSameSite: fiber's Cookie also knows disabled.
var fiberCookieSameSite = map[string]policy.SameSite{
	"strict": policy.SameSiteStrict, "none": policy.SameSiteNone, "disabled": policy.SameSiteUnset, "lax": policy.SameSiteLax,
}

// gorilla/sessions: its Options, its sessions and stores.
var (
	sessionsOptions = &cookieModel{pkg: sessionsPkg, name: "Options", version: "v1.4.0",
		fields: map[string]attr{
			"Path": attrPath, "Domain": attrDomain, "MaxAge": attrMaxAge, "Secure": attrSecure,
			"HttpOnly": attrHttpOnly, "Partitioned": attrPartitioned, "SameSite": attrSameSite,
		},
		sameSite: httpSameSite, sameSiteSpelling: httpSpelling}
	sessionsSession = &cookieModel{pkg: sessionsPkg, name: "Session", version: "v1.4.0",
		subs: map[string]*cookieModel{"Options": sessionsOptions}, pure: map[string]bool{"Name": true, "Store": true, "AddFlash": true, "Flashes": true}}
	sessionsCookieStore = &cookieModel{pkg: sessionsPkg, name: "CookieStore", version: "v1.4.0",
		subs: map[string]*cookieModel{"Options": sessionsOptions}, setters: map[string]attr{"MaxAge": attrMaxAge},
		pure: map[string]bool{"Get": true, "New": true, "Save": true}}
	sessionsFilesystemStore = &cookieModel{pkg: sessionsPkg, name: "FilesystemStore", version: "v1.4.0",
		subs: map[string]*cookieModel{"Options": sessionsOptions}, setters: map[string]attr{"MaxAge": attrMaxAge},
		pure: map[string]bool{"Get": true, "New": true, "Save": true, "MaxLength": true}}
	// sessionsStore is the Store interface: nothing is known of its
	// options, but the names given to Get and New still are.
	sessionsStore = &cookieModel{pkg: sessionsPkg, name: "Store", version: "v1.4.0", pure: map[string]bool{"Get": true, "New": true, "Save": true}}
)

// gorillaCookieStore are NewCookieStore's defaults: v1.1.0 to v1.2.2 set
// Path "/" and MaxAge 30 days; v1.3.0 added SameSite None and Secure
// (HttpOnly stays false). Stores built on it (gin-contrib's cookie store,
// gothic's default store) follow the version in the build.
var gorillaCookieStore = &versioned{
	module: sessionsPkg, pkg: sessionsPkg, obj: "NewCookieStore", name: "gorilla/sessions",
	ranges: []versionRange{
		{from: "v1.1.0", to: "v1.2.2", defaults: map[attr]value{attrPath: str("/"), attrMaxAge: num(86400 * 30)}},
		{from: "v1.3.0", to: "v1.4.0", defaults: map[attr]value{attrPath: str("/"), attrMaxAge: num(86400 * 30),
			attrSameSite: lvl(policy.SameSiteNone), attrSecure: yes()}},
	},
}

// scs: the session manager and its cookie.
var (
	scsCookie = &cookieModel{pkg: scsPkg, name: "SessionCookie", version: "v2.9.0",
		fields: map[string]attr{
			"Name": attrName, "Domain": attrDomain, "HttpOnly": attrHttpOnly, "Path": attrPath,
			"SameSite": attrSameSite, "Secure": attrSecure, "Partitioned": attrPartitioned,
		},
		inverted: map[string]attr{"Persist": attrSessionOnly},
		sameSite: httpSameSite, sameSiteSpelling: httpSpelling}
	scsManager = &cookieModel{pkg: scsPkg, name: "SessionManager", version: "v2.9.0",
		subs: map[string]*cookieModel{"Cookie": scsCookie}, durations: map[string]attr{"Lifetime": attrMaxAge}}
	nosurfHandler = &cookieModel{pkg: nosurfPkg, name: "CSRFHandler", version: "v1.2.0",
		replacers: map[string]replacer{"SetBaseCookie": {arg: 0, nameDefault: "csrf_token"}}}
)

// beego v2.3.8: the session manager and its configuration.
var (
	beegoManagerConfig = &cookieModel{pkg: beegoSessionPkg, name: "ManagerConfig", version: "v2.3.8",
		fields: map[string]attr{
			"CookieName": attrName, "Secure": attrSecure, "Domain": attrDomain, "CookieSameSite": attrSameSite,
			"CookieLifeTime": attrMaxAge,
		},
		inverted: map[string]attr{"DisableHTTPOnly": attrHttpOnly},
		extras:   map[string]attr{"EnableSetCookie": attrEnabled},
		sameSite: httpSameSite, sameSiteSpelling: httpSpelling}
	beegoManager = &cookieModel{pkg: beegoSessionPkg, name: "Manager", version: "v2.3.8",
		setters: map[string]attr{"SetSecure": attrSecure}}
)

// iris v12.2.11: the sessions' configuration and manager.
var (
	irisSessionsConfig = &cookieModel{pkg: irisSessionsPkg, name: "Config", version: "v12.2.11",
		fields:    map[string]attr{"Cookie": attrName, "CookieSecureTLS": attrSecure},
		durations: map[string]attr{"Expires": attrMaxAge},
		extras:    map[string]attr{"DisableSubdomainPersistence": attrAux}}
	irisSessions = &cookieModel{pkg: irisSessionsPkg, name: "Sessions", version: "v12.2.11",
		optionMethods: map[string]int{"Start": 1, "Handler": 0, "ShiftExpiration": 1, "UpdateExpiration": 2}}
)

// gin-contrib/sessions v1.0.4: its Options (copied whole onto gorilla's),
// its stores.
var (
	ginSessionsOptions = &cookieModel{pkg: ginSessionsPkg, name: "Options", version: "v1.0.4",
		fields: map[string]attr{
			"Path": attrPath, "Domain": attrDomain, "MaxAge": attrMaxAge, "Secure": attrSecure,
			"HttpOnly": attrHttpOnly, "SameSite": attrSameSite,
		},
		sameSite: httpSameSite, sameSiteSpelling: httpSpelling}
	ginCookieStore = &cookieModel{pkg: ginCookiePkg, name: "Store", version: "v1.0.4",
		replacers: map[string]replacer{"Options": {arg: 0}}}
	ginStore = &cookieModel{pkg: ginSessionsPkg, name: "Store", version: "v1.0.4",
		replacers: map[string]replacer{"Options": {arg: 0}}}
)

// echo v4.16.0's CSRF middleware configuration (the same from v4.14.0).
var echoCSRFConfig = &cookieModel{pkg: echoMiddleware, name: "CSRFConfig", version: "v4.16.0",
	fields: map[string]attr{
		"CookieName": attrName, "CookieDomain": attrDomain, "CookiePath": attrPath, "CookieSecure": attrSecure,
		"CookieHTTPOnly": attrHttpOnly, "CookieSameSite": attrSameSite, "CookieMaxAge": attrExpires,
	},
	sameSite: httpSameSite, sameSiteSpelling: httpSpelling,
	fallback: libraryVar(map[string]map[attr]value{"DefaultCSRFConfig": echoCSRFDefaults}),
}

var echoCSRFDefaults = map[attr]value{attrName: str("_csrf"), attrExpires: num(86400)}

// fiber's middleware configurations: v2.52.15 (the same from v2.52.8)
// and v3.1.0 (the same from v3.0.0).
var (
	fiber2CSRFConfig = &cookieModel{pkg: fiber2CSRFPkg, name: "Config", version: "v2.52.15",
		fields: map[string]attr{
			"CookieName": attrName, "CookieDomain": attrDomain, "CookiePath": attrPath, "CookieSecure": attrSecure,
			"CookieHTTPOnly": attrHttpOnly, "CookieSameSite": attrSameSite, "CookieSessionOnly": attrSessionOnly,
		},
		durations: map[string]attr{"Expiration": attrExpires},
		extras:    map[string]attr{"KeyLookup": attrLookup},
		sameSite:  fiberCookieSameSite, sameSiteOther: level(policy.SameSiteLax)}
	fiber2SessionConfig = &cookieModel{pkg: fiber2SessPkg, name: "Config", version: "v2.52.15",
		fields: map[string]attr{
			"CookieName": attrName, "CookieDomain": attrDomain, "CookiePath": attrPath, "CookieSecure": attrSecure,
			"CookieHTTPOnly": attrHttpOnly, "CookieSameSite": attrSameSite, "CookieSessionOnly": attrSessionOnly,
		},
		durations: map[string]attr{"Expiration": attrMaxAge},
		extras:    map[string]attr{"KeyLookup": attrLookup},
		sameSite:  fiberSessionSameSite, sameSiteOther: level(policy.SameSiteLax)}
	fiber2Store      = &cookieModel{pkg: fiber2SessPkg, name: "Store", version: "v2.52.15"}
	fiber3CSRFConfig = &cookieModel{pkg: fiber3CSRFPkg, name: "Config", version: "v3.1.0",
		fields: map[string]attr{
			"CookieName": attrName, "CookieDomain": attrDomain, "CookiePath": attrPath, "CookieSecure": attrSecure,
			"CookieHTTPOnly": attrHttpOnly, "CookieSameSite": attrSameSite, "CookieSessionOnly": attrSessionOnly,
		},
		durations: map[string]attr{"IdleTimeout": attrExpires},
		sameSite:  fiberCookieSameSite, sameSiteOther: level(policy.SameSiteLax)}
	fiber3SessionConfig = &cookieModel{pkg: fiber3SessPkg, name: "Config", version: "v3.1.0",
		fields: map[string]attr{
			"CookieDomain": attrDomain, "CookiePath": attrPath, "CookieSecure": attrSecure,
			"CookieHTTPOnly": attrHttpOnly, "CookieSameSite": attrSameSite, "CookieSessionOnly": attrSessionOnly,
		},
		durations: map[string]attr{"IdleTimeout": attrMaxAge},
		extras:    map[string]attr{"Extractor": attrLookup, "Store": attrAux},
		sameSite:  fiberSessionSameSite, sameSiteOther: level(policy.SameSiteLax)}
	fiber3Store = &cookieModel{pkg: fiber3SessPkg, name: "Store", version: "v3.1.0"}
)

// gitea.com/go-chi/session v0.0.0-20260708011333-ebced8a7a2d6: Options.
var chiSessionOptions = &cookieModel{pkg: chiSessionPkg, name: "Options", version: "v0.0.0-20260708011333-ebced8a7a2d6",
	fields: map[string]attr{
		"CookieName": attrName, "CookiePath": attrPath, "Secure": attrSecure, "SameSite": attrSameSite,
		"Domain": attrDomain, "CookieLifeTime": attrMaxAge,
	},
	sameSite: httpSameSite, sameSiteSpelling: httpSpelling}

// go-pkgz/auth v1.24.0: auth.Opts and token.Opts. The XSRF cookie's name
// is kept in attrLookup.
var (
	pkgzAuthOpts = &cookieModel{pkg: pkgzAuthPkg, name: "Opts", version: "v1.24.0",
		fields: map[string]attr{
			"SecureCookies": attrSecure, "JWTCookieName": attrName, "JWTCookieDomain": attrDomain,
			"SameSiteCookie": attrSameSite,
		},
		durations: map[string]attr{"CookieDuration": attrMaxAge},
		inverted:  map[string]attr{"SendJWTHeader": attrEnabled},
		extras:    map[string]attr{"XSRFCookieName": attrLookup},
		sameSite:  httpSameSite, sameSiteSpelling: httpSpelling}
	pkgzTokenOpts = &cookieModel{pkg: pkgzTokenPkg, name: "Opts", version: "v1.24.0",
		fields: map[string]attr{
			"SecureCookies": attrSecure, "JWTCookieName": attrName, "JWTCookieDomain": attrDomain,
			"SameSite": attrSameSite,
		},
		durations: map[string]attr{"CookieDuration": attrMaxAge},
		inverted:  map[string]attr{"SendJWTHeader": attrEnabled},
		extras:    map[string]attr{"XSRFCookieName": attrLookup},
		sameSite:  httpSameSite, sameSiteSpelling: httpSpelling}
)

var libraryModels = []*libraryModel{
	// gorilla/sessions: NewCookieStore's defaults depend on the version
	// (gorillaCookieStore); NewFilesystemStore sets only Path "/" and
	// MaxAge 30 days in every version from v1.1.0 to v1.4.0.
	{pkg: sessionsPkg, fn: "NewCookieStore", holder: sessionsCookieStore, via: "gorilla/sessions", version: "v1.4.0",
		versions: gorillaCookieStore, configArg: -1, nameArg: -1,
		objects: []*cookieModel{sessionsOptions, sessionsSession, sessionsCookieStore, sessionsFilesystemStore, sessionsStore}},
	{pkg: sessionsPkg, fn: "NewFilesystemStore", holder: sessionsFilesystemStore, via: "gorilla/sessions", version: "v1.4.0",
		defaults: map[attr]value{attrPath: str("/"), attrMaxAge: num(86400 * 30)}, configArg: -1, nameArg: -1},
	// gorilla/csrf v1.7.3: cookie "_gorilla_csrf", Secure, HttpOnly,
	// SameSite Lax, MaxAge 12 hours, no Path.
	{pkg: csrfPkg, fn: "Protect", site: true, via: "gorilla/csrf", version: "v1.7.3", hint: "pass csrf.%[1]s(%[2]s) to csrf.Protect",
		spelling: map[policy.SameSite]string{policy.SameSiteNone: "csrf.SameSiteNoneMode", policy.SameSiteLax: "csrf.SameSiteLaxMode", policy.SameSiteStrict: "csrf.SameSiteStrictMode"},
		defaults: map[attr]value{attrName: str("_gorilla_csrf"), attrSecure: yes(), attrHttpOnly: yes(),
			attrSameSite: lvl(policy.SameSiteLax), attrMaxAge: num(3600 * 12)},
		options: map[string]option{
			"CookieName": {attr: attrName}, "Secure": {attr: attrSecure}, "HttpOnly": {attr: attrHttpOnly},
			"SameSite": {attr: attrSameSite}, "MaxAge": {attr: attrMaxAge, maxAge: true}, "Path": {attr: attrPath},
			"Domain": {attr: attrDomain},
		}, configArg: -1, nameArg: -1},
	// justinas/nosurf v1.2.0: cookie "csrf_token", MaxAge 365 days,
	// neither Secure nor HttpOnly, no Path.
	{pkg: nosurfPkg, fn: "New", holder: nosurfHandler, site: true, via: "nosurf", version: "v1.2.0", hint: "set %[1]s: %[2]s in the cookie given to SetBaseCookie",
		defaults: map[attr]value{attrName: str("csrf_token"), attrMaxAge: num(365 * 24 * 60 * 60)}, configArg: -1, nameArg: -1,
		objects: []*cookieModel{nosurfHandler}},
	// alexedwards/scs v2.9.0: cookie "session", HttpOnly, Path "/",
	// SameSite Lax, not Secure, persistent for the 24-hour Lifetime.
	{pkg: scsPkg, fn: "New", holder: scsManager, site: true, via: "scs", version: "v2.9.0", hint: "set Cookie.%[1]s = %[2]s on the session manager",
		defaults: scsDefaults, configArg: -1, nameArg: -1, objects: []*cookieModel{scsManager, scsCookie}},
	{pkg: scsPkg, fn: "NewSession", holder: scsManager, site: true, via: "scs", version: "v2.9.0", hint: "set Cookie.%[1]s = %[2]s on the session manager",
		defaults: scsDefaults, configArg: -1, nameArg: -1},

	// beego v2.3.8 session.NewManager(provider, cfg): the cookie is sent
	// only with EnableSetCookie; Path "/"; HttpOnly unless
	// DisableHTTPOnly; Secure only with Secure (and then on TLS
	// connections, which counts as Secure); MaxAge only for a positive
	// CookieLifeTime.
	{pkg: beegoSessionPkg, fn: "NewManager", holder: beegoManager, site: true, via: "beego session", version: "v2.3.8",
		config: beegoManagerConfig, configArg: 1, nameArg: -1, fixed: map[attr]value{attrPath: str("/")},
		hint: "set %[1]s: %[2]s in the session.ManagerConfig", cookies: positiveMaxAge,
		objects: []*cookieModel{beegoManagerConfig, beegoManager}},
	// session.NewManagerConfig(opts...): the Cfg* options.
	{pkg: beegoSessionPkg, fn: "NewManagerConfig", holder: beegoManagerConfig, via: "beego session", version: "v2.3.8",
		configArg: -1, nameArg: -1, options: map[string]option{
			"CfgCookieName": {attr: attrName}, "CfgSetCookie": {attr: attrEnabled}, "CfgCookieLifeTime": {attr: attrMaxAge},
			"CfgDomain": {attr: attrDomain}, "CfgHTTPOnly": {attr: attrHttpOnly}, "CfgSecure": {attr: attrSecure},
			"CfgSameSite": {attr: attrSameSite},
		}},

	// iris v12.2.11 sessions.New(cfg): cookie "irissessionid" (Cookie),
	// Path "/", HttpOnly; Secure with CookieSecureTLS (on TLS connections,
	// which counts as Secure); Expires 0 means about 25 years, a negative
	// one a session cookie; unless DisableSubdomainPersistence, a named
	// cookie gets the request's domain and SameSite Lax.
	{pkg: irisSessionsPkg, fn: "New", holder: irisSessions, site: true, via: "iris sessions", version: "v12.2.11",
		config: irisSessionsConfig, configArg: 0, nameArg: -1,
		defaults:    map[attr]value{attrName: str("irissessionid")},
		zeroDefault: map[attr]bool{attrName: true},
		fixed:       map[attr]value{attrPath: str("/"), attrHttpOnly: yes()},
		hint:        "set %[1]s: %[2]s in the sessions.Config", cookies: irisSessionCookie,
		objects: []*cookieModel{irisSessionsConfig, irisSessions}},

	// gin-contrib/sessions v1.0.4: cookie.NewStore is gorilla's
	// NewCookieStore (its defaults follow gorilla/sessions' version);
	// store.Options(o) replaces every option, zero values included; the
	// cookie is named in sessions.Sessions(name, store), the middleware.
	{pkg: ginCookiePkg, fn: "NewStore", holder: ginCookieStore, via: "gin-contrib/sessions", version: "v1.0.4",
		versions: gorillaCookieStore, configArg: -1, nameArg: -1, objects: []*cookieModel{ginCookieStore, ginSessionsOptions, ginStore}},
	{pkg: ginSessionsPkg, fn: "Sessions", site: true, via: "gin-contrib/sessions", version: "v1.0.4",
		config: ginStore, configArg: 1, nameArg: 0, hint: "pass %[1]s: %[2]s in the sessions.Options given to store.Options"},
	{pkg: ginSessionsPkg, fn: "SessionsMany", site: true, via: "gin-contrib/sessions", version: "v1.0.4",
		config: ginStore, configArg: 1, nameArg: -1, hint: "pass %[1]s: %[2]s in the sessions.Options given to store.Options",
		cookies: sessionsMany},

	// echo v4.16.0 middleware.CSRF(): cookie "_csrf", Expires a day from
	// now, neither Secure nor HttpOnly, no SameSite; CSRFWithConfig and
	// CSRFConfig.ToMiddleware take a zero CookieName or CookieMaxAge as
	// the default; SameSite None sets Secure.
	{pkg: echoMiddleware, fn: "CSRF", site: true, via: "echo CSRF", version: "v4.16.0",
		defaults: echoCSRFDefaults, configArg: -1, nameArg: -1, hint: "use middleware.CSRFWithConfig with %[1]s: %[2]s", hintModel: echoCSRFConfig},
	{pkg: echoMiddleware, fn: "CSRFWithConfig", site: true, via: "echo CSRF", version: "v4.16.0",
		config: echoCSRFConfig, configArg: 0, nameArg: -1, defaults: echoCSRFDefaults,
		zeroDefault: map[attr]bool{attrName: true, attrExpires: true}, norm: normalization{noneForcesSecure: true},
		hint: "set %[1]s: %[2]s in the middleware.CSRFConfig", objects: []*cookieModel{echoCSRFConfig}},
	{pkg: echoMiddleware, recv: "CSRFConfig", fn: "ToMiddleware", site: true, via: "echo CSRF", version: "v4.16.0",
		config: echoCSRFConfig, configArg: receiverArg, nameArg: -1, defaults: echoCSRFDefaults,
		zeroDefault: map[attr]bool{attrName: true, attrExpires: true}, norm: normalization{noneForcesSecure: true},
		hint: "set %[1]s: %[2]s in the middleware.CSRFConfig"},

	// fiber v2.52.15 csrf.New(cfg...): cookie "csrf_" (or the name in a
	// "cookie:" KeyLookup), SameSite Lax, Expires an hour from now,
	// neither Secure nor HTTPOnly; set through fiber's Cookie.
	{pkg: fiber2CSRFPkg, fn: "New", site: true, via: "fiber csrf", version: "v2.52.15",
		config: fiber2CSRFConfig, configArg: 0, nameArg: -1,
		defaults:           map[attr]value{attrName: str("csrf_"), attrSameSite: lvl(policy.SameSiteLax), attrExpires: num(3600)},
		zeroDefault:        map[attr]bool{attrName: true, attrSameSite: true},
		nonPositiveDefault: map[attr]bool{attrExpires: true},
		norm:               normalization{absentSameSite: policy.SameSiteLax, noneForcesSecure: true},
		hint:               "set %[1]s: %[2]s in the csrf.Config", cookies: fiberLookup,
		objects: []*cookieModel{fiber2CSRFConfig}},
	// fiber v2.52.15 session.New(cfg...): cookie "session_id" (or the
	// name in a "cookie:" or "query:" KeyLookup; none for "header:"),
	// MaxAge 24 hours, SameSite Lax unless strict or none, neither Secure
	// nor HTTPOnly, no Path.
	{pkg: fiber2SessPkg, fn: "New", holder: fiber2Store, site: true, via: "fiber session", version: "v2.52.15",
		config: fiber2SessionConfig, configArg: 0, nameArg: -1,
		defaults:           map[attr]value{attrName: str("session_id"), attrMaxAge: num(86400)},
		zeroDefault:        map[attr]bool{attrName: true},
		nonPositiveDefault: map[attr]bool{attrMaxAge: true},
		norm:               normalization{absentSameSite: policy.SameSiteLax, noneForcesSecure: true},
		hint:               "set %[1]s: %[2]s in the session.Config", cookies: fiberLookup,
		objects: []*cookieModel{fiber2SessionConfig, fiber2Store}},
	// fiber v3.1.0 csrf.New(cfg...): cookie "csrf_", SameSite Lax,
	// Expires 30 minutes from now (IdleTimeout); fiber's Cookie writes an
	// empty Path as "/".
	{pkg: fiber3CSRFPkg, fn: "New", site: true, via: "fiber csrf", version: "v3.1.0",
		config: fiber3CSRFConfig, configArg: 0, nameArg: -1,
		defaults:           map[attr]value{attrName: str("csrf_"), attrSameSite: lvl(policy.SameSiteLax), attrExpires: num(1800)},
		zeroDefault:        map[attr]bool{attrName: true, attrSameSite: true},
		nonPositiveDefault: map[attr]bool{attrExpires: true},
		norm:               normalization{pathDefault: "/", absentSameSite: policy.SameSiteLax, noneForcesSecure: true},
		hint:               "set %[1]s: %[2]s in the csrf.Config",
		objects:            []*cookieModel{fiber3CSRFConfig}},
	// fiber v3.1.0 session.New, NewWithStore and NewStore: a cookie for
	// each cookie extractor (default FromCookie("session_id")), none for
	// header-only ones; MaxAge 30 minutes (IdleTimeout); SameSite Lax
	// unless strict or none (None sets Secure); no Path.
	fiber3Session("New"), fiber3Session("NewWithStore"), fiber3Session("NewStore"),

	// gitea.com/go-chi/session Sessioner(opts...): cookie
	// "MacaronSession", Path "/", HttpOnly, Secure only with Secure,
	// MaxAge only for a positive CookieLifeTime.
	{pkg: chiSessionPkg, fn: "Sessioner", site: true, via: "go-chi session", version: chiSessionOptions.version,
		config: chiSessionOptions, configArg: 0, nameArg: -1,
		defaults:    map[attr]value{attrName: str("MacaronSession"), attrPath: str("/")},
		zeroDefault: map[attr]bool{attrName: true, attrPath: true},
		fixed:       map[attr]value{attrHttpOnly: yes()},
		hint:        "set %[1]s: %[2]s in the session.Options", cookies: positiveMaxAge,
		objects: []*cookieModel{chiSessionOptions}},

	// go-pkgz/auth v1.24.0: the token service sets two cookies, "JWT"
	// (HttpOnly) and "XSRF-TOKEN" (read by scripts), both with Path "/",
	// MaxAge 31 days (CookieDuration), Secure with SecureCookies,
	// SameSite as configured; none with SendJWTHeader.
	{pkg: pkgzAuthPkg, fn: "NewService", site: true, via: "go-pkgz/auth", version: "v1.24.0",
		config: pkgzAuthOpts, configArg: 0, nameArg: -1, defaults: pkgzDefaults,
		zeroDefault: map[attr]bool{attrName: true, attrMaxAge: true, attrLookup: true}, fixed: pkgzFixed,
		hint: "set %[1]s: %[2]s in the auth.Opts", cookies: pkgzCookies, objects: []*cookieModel{pkgzAuthOpts}},
	{pkg: pkgzTokenPkg, fn: "NewService", site: true, via: "go-pkgz/auth", version: "v1.24.0",
		config: pkgzTokenOpts, configArg: 0, nameArg: -1, defaults: pkgzDefaults,
		zeroDefault: map[attr]bool{attrName: true, attrMaxAge: true, attrLookup: true}, fixed: pkgzFixed,
		hint: "set %[1]s: %[2]s in the token.Opts", cookies: pkgzCookies, objects: []*cookieModel{pkgzTokenOpts}},

	// goth v1.82.0 gothic: the functions that start or complete an
	// authentication save the "_gothic_session" cookie of gothic.Store:
	// the store the package assigns to it, else gothic's default, a
	// gorilla NewCookieStore (its defaults follow gorilla/sessions'
	// version; goth v1.82.0 itself requires v1.1.1) with HttpOnly.
	gothic("BeginAuthHandler"), gothic("GetAuthURL"), gothic("CompleteUserAuth"), gothic("StoreInSession"),
}

var scsDefaults = map[attr]value{attrName: str("session"), attrHttpOnly: yes(), attrPath: str("/"),
	attrSameSite: lvl(policy.SameSiteLax), attrMaxAge: num(24 * 3600)}

var (
	pkgzDefaults = map[attr]value{attrName: str("JWT"), attrMaxAge: num(31 * 24 * 3600), attrLookup: str("XSRF-TOKEN"), attrEnabled: yes()}
	pkgzFixed    = map[attr]value{attrPath: str("/"), attrHttpOnly: yes()}
)

func fiber3Session(fn string) *libraryModel {
	l := &libraryModel{pkg: fiber3SessPkg, fn: fn, holder: fiber3Store, site: true, via: "fiber session", version: "v3.1.0",
		config: fiber3SessionConfig, configArg: 0, nameArg: -1,
		defaults:           map[attr]value{attrName: str("session_id"), attrMaxAge: num(1800)},
		nonPositiveDefault: map[attr]bool{attrMaxAge: true},
		norm:               normalization{absentSameSite: policy.SameSiteLax, noneForcesSecure: true},
		hint:               "set %[1]s: %[2]s in the session.Config", cookies: fiber3Extractors}
	if fn == "New" {
		l.objects = []*cookieModel{fiber3SessionConfig, fiber3Store}
	}
	if fn == "NewWithStore" {
		l.holder = nil // it returns the handler first
	}
	return l
}

func gothic(fn string) *libraryModel {
	return &libraryModel{pkg: gothicPkg, fn: fn, site: true, via: "gothic", version: "v1.82.0", configArg: -1, nameArg: -1,
		hint: "assign gothic.Store a store whose Options set %[1]s", cookies: gothicCookie}
}

// positiveMaxAge: the library writes MaxAge only when it is positive
// (beego's CookieLifeTime, go-chi's CookieLifeTime).
func positiveMaxAge(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	if v := k.attrs[attrMaxAge]; v.k == konst && v.i <= 0 {
		k.attrs[attrMaxAge] = value{k: absent, pos: v.pos, expr: v.expr}
	}
	return []*cookie{k}
}

// irisSessionCookie applies iris's Expires and subdomain rules.
func irisSessionCookie(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	switch v := k.attrs[attrMaxAge]; {
	case v.k == absent || v.k == konst && v.i == 0: // "unlimited": now + 24 years, 10 months, 10 days
		now := time.Now()
		k.attrs[attrMaxAge] = value{k: konst, i: int64(now.AddDate(24, 10, 10).Sub(now) / time.Second), pos: v.pos, expr: v.expr}
	case v.k == konst && v.i < 0:
		k.attrs[attrMaxAge] = value{k: absent, pos: v.pos, expr: v.expr}
	}
	// sessions.New applies CookieAllowSubdomains(cfg.Cookie) before it
	// fills in the default name: it matches only a cookie named in the
	// configuration.
	raw := w.libraryConfig(w.c.models.library(keyOfCall(w, call)), call)
	named := raw.attrs[attrName]
	disabled := k.attrs[attrAux]
	switch {
	case disabled.isTrue() || named.k == absent || named.k == konst && named.s == "":
	case disabled.k == dynamic || named.k == dynamic:
		k.attrs[attrDomain] = value{k: dynamic, pos: call.Pos()}
		k.attrs[attrSameSite] = value{k: dynamic, pos: call.Pos()}
	default: // the request's domain, and Lax
		k.attrs[attrDomain] = value{k: dynamic, pos: call.Pos()}
		k.attrs[attrSameSite] = value{k: konst, i: int64(policy.SameSiteLax), pos: call.Pos()}
	}
	return []*cookie{k}
}

// sessionsMany: one cookie per name of SessionsMany's literal slice.
func sessionsMany(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	if len(call.Args) == 0 {
		return nil
	}
	lit, ok := compositeOf(call.Args[0])
	if !ok {
		k.attrs[attrName] = value{k: dynamic, pos: call.Args[0].Pos(), expr: call.Args[0]}
		return []*cookie{k}
	}
	var out []*cookie
	for _, e := range lit.Elts {
		c := k.clone()
		c.attrs[attrName] = w.attrValue(w.c.models.http(), attrName, e)
		out = append(out, c)
	}
	return out
}

// fiberLookup reads fiber v2's KeyLookup: "cookie:NAME" and "query:NAME"
// name the cookie, "header:NAME" sets none; CookieName, deprecated, wins.
func fiberLookup(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	l := w.c.models.library(keyOfCall(w, call))
	session := l.pkg == fiber2SessPkg
	raw := w.libraryConfig(l, call)
	if n := raw.attrs[attrName]; n.k == dynamic || n.k == konst && n.s != "" {
		k.attrs[attrName] = n
		return []*cookie{k}
	}
	switch lk := k.attrs[attrLookup]; lk.k {
	case konst:
		source, name, ok := strings.Cut(lk.s, ":")
		switch {
		case !ok:
		case source == "header" && session:
			k.attrs[attrEnabled] = no()
		case source == "cookie" || source == "query" && session:
			k.attrs[attrName] = value{k: konst, s: name, pos: lk.pos, expr: lk.expr}
		}
	case dynamic:
		k.attrs[attrName] = value{k: dynamic, pos: lk.pos, expr: lk.expr}
	}
	return []*cookie{k}
}

func keyOfCall(w *walker, call *ast.CallExpr) funcKey {
	k, _, _ := calleeKey(w.info(), call)
	return k
}

// fiber3Extractors reads fiber v3's session Extractor: a cookie for each
// extractors.FromCookie in it, none for the other sources; a Store given
// in the configuration sets the cookies instead.
func fiber3Extractors(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	if s := k.attrs[attrAux]; s.k != absent {
		return nil // the given store's configuration applies, where it was built
	}
	e := k.attrs[attrLookup]
	if e.k == absent {
		return []*cookie{k} // FromCookie("session_id")
	}
	if e.expr == nil {
		k.attrs[attrName] = value{k: dynamic, pos: e.pos}
		return []*cookie{k}
	}
	var out []*cookie
	var visit func(x ast.Expr) bool
	visit = func(x ast.Expr) bool {
		c, ok := ast.Unparen(x).(*ast.CallExpr)
		if !ok {
			return false
		}
		key, _, ok := calleeKey(w.info(), c)
		if !ok || key.pkg != fiber3Extract {
			return false
		}
		switch key.fn {
		case "FromCookie":
			if len(c.Args) == 1 {
				n := k.clone()
				n.attrs[attrName] = w.attrValue(w.c.models.http(), attrName, c.Args[0])
				out = append(out, n)
			}
		case "Chain":
			for _, a := range c.Args {
				if !visit(a) {
					return false
				}
			}
		}
		return true // header, query, form, param, auth header, custom: no cookie
	}
	if !visit(e.expr) {
		k.attrs[attrName] = value{k: dynamic, pos: e.pos, expr: e.expr}
		return []*cookie{k}
	}
	return out
}

// pkgzCookies: the JWT cookie as configured, and the XSRF cookie, named
// by XSRFCookieName and without HttpOnly: scripts must read it.
func pkgzCookies(w *walker, call *ast.CallExpr, k *cookie) []*cookie {
	xsrf := k.clone()
	xsrf.attrs[attrName] = k.attrs[attrLookup]
	xsrf.attrs[attrHttpOnly] = value{k: konst, b: false, pos: call.Pos()}
	xsrf.readByScripts = true
	return []*cookie{k, xsrf}
}

// gothicCookie is the session cookie of gothic.Store.
func gothicCookie(w *walker, call *ast.CallExpr, _ *cookie) []*cookie {
	c := w.c
	var store *types.Var
	if obj := typeutil.Callee(w.info(), call); obj != nil && obj.Pkg() != nil {
		store, _ = obj.Pkg().Scope().Lookup("Store").(*types.Var)
	}
	var k *cookie
	if store != nil && c.assigns(store) {
		k = c.holderCookie(store).clone()
	} else {
		k = &cookie{model: sessionsStore, built: call.Pos()}
		for a, v := range c.versionDefaults(gorillaCookieStore, call) {
			v.pos = call.Pos()
			k.attrs[a] = v
		}
		k.attrs[attrHttpOnly] = value{k: konst, b: true, pos: call.Pos()}
	}
	k.built = call.Pos()
	k.attrs[attrName] = value{k: konst, s: "_gothic_session", pos: call.Pos()}
	return []*cookie{k}
}

// assigns reports whether the package assigns the variable anywhere (or
// takes its address).
func (c *checker) assigns(v *types.Var) bool {
	return c.mutated(map[*types.Var]constant.Value{v: nil})[v]
}

// libraryVar is the fallback of a configuration type for the library's
// own variables of that type (echo's DefaultCSRFConfig): their values.
func libraryVar(vars map[string]map[attr]value) func(w *walker, v *types.Var) *cookie {
	return func(w *walker, v *types.Var) *cookie {
		m, _ := w.c.models.modelOf(v.Type())
		defaults, ok := vars[v.Name()]
		if !ok || v.Pkg() == nil || v.Pkg().Path() != m.pkg {
			return unknownCookie(m, v.Pos())
		}
		k := &cookie{model: m, built: v.Pos()}
		for a, val := range defaults {
			k.attrs[a] = val
		}
		return k
	}
}

// derivations are methods of configuration objects that return a cookie
// object named by an argument.
var derivations = []derivation{
	{sessionsCookieStore, "Get", 1, sessionsSession}, {sessionsCookieStore, "New", 1, sessionsSession},
	{sessionsFilesystemStore, "Get", 1, sessionsSession}, {sessionsFilesystemStore, "New", 1, sessionsSession},
	{sessionsStore, "Get", 1, sessionsSession}, {sessionsStore, "New", 1, sessionsSession},
}

// saveAll are functions that save every session obtained on the request:
// gorilla/sessions v1.4.0's sessions.Save(r, w) (the same from v1.1.0).
var saveAll = map[funcKey]*cookieModel{{pkg: sessionsPkg, fn: "Save"}: sessionsSession}

// saveAll makes a site, at a call that saves every session of the
// request, of each session the function obtained.
func (w *walker) saveAll(m *cookieModel, call *ast.CallExpr, st *state) {
	sink := w.c.models.sinkByVia("gorilla/sessions Save")
	var vars []*types.Var
	for v, k := range st.vars {
		if k.model == m {
			vars = append(vars, v)
		}
	}
	sort.Slice(vars, func(i, j int) bool { return vars[i].Pos() < vars[j].Pos() })
	seen := map[*cookie]bool{}
	for _, v := range vars {
		k := st.vars[v]
		if seen[k] {
			continue
		}
		seen[k] = true
		w.addSite(&site{call: call, sink: sink, cookie: *k.clone()})
	}
}

// funcDerivations: echo-contrib v0.50.1's session.Get(name, c) returns the
// gorilla session of the store its middleware registered.
var funcDerivations = []*funcDerivation{
	{pkg: echoSessionPkg, fn: "Get", nameArg: 0, to: sessionsSession,
		registrations: []registration{{fn: "Middleware", arg: 0}, {fn: "MiddlewareWithConfig", arg: 0, field: "Store"}}},
}

// versioned gives defaults per version range of a module in the build.
type versioned struct {
	module string // the module path
	pkg    string // a package of the module
	obj    string // an object of pkg, whose position names the module's directory
	name   string // for messages
	ranges []versionRange
}

// versionRange is a range of versions, both ends checked, with the same
// defaults.
type versionRange struct {
	from, to string
	defaults map[attr]value
}

// pick returns the defaults for a version, and whether the version lies
// in a checked range ("" picks the newest range, unchecked).
func (vd *versioned) pick(version string) (map[attr]value, bool) {
	last := vd.ranges[len(vd.ranges)-1]
	if version == "" {
		return last.defaults, false
	}
	for i, r := range vd.ranges {
		if compareVersions(version, r.from) < 0 {
			if i == 0 {
				return r.defaults, false
			}
			return vd.ranges[i-1].defaults, false // between two ranges: the older
		}
		if compareVersions(version, r.to) <= 0 {
			return r.defaults, true
		}
	}
	return last.defaults, false
}

// compareVersions compares two semantic versions by their numbers.
func compareVersions(a, b string) int {
	pa, pb := versionNumbers(a), versionNumbers(b)
	for i := range 3 {
		switch {
		case pa[i] < pb[i]:
			return -1
		case pa[i] > pb[i]:
			return 1
		}
	}
	return 0
}

func versionNumbers(v string) [3]int {
	var out [3]int
	v = strings.TrimPrefix(v, "v")
	if i := strings.IndexAny(v, "-+"); i >= 0 {
		v = v[:i]
	}
	for i, part := range strings.SplitN(v, ".", 3) {
		n, _ := strconv.Atoi(part)
		out[i] = n
	}
	return out
}
