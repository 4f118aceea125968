// Package irismw adds cookie options in a middleware: every cookie the
// package's handlers set may get them, so what they set is decided at run
// time there.
package irismw

import "github.com/kataras/iris/v12"

func middleware(ctx iris.Context) {
	ctx.AddCookieOptions(iris.CookieSecure)
	ctx.Next()
}

// Options added to the context earlier in the function apply.
func withContextOptions(ctx iris.Context) {
	ctx.AddCookieOptions(iris.CookieHTTPOnly(true), iris.CookieSecure)
	ctx.SetCookieKV("iris_pref", "v")
}

func handler(ctx iris.Context) {
	ctx.SetCookieKV("iris_pref", "v")
	ctx.SetCookieKV("iris_pref", "v", iris.CookieHTTPOnly(false)) // want `cookie "iris_pref" is set with HttpOnly: false`
}
