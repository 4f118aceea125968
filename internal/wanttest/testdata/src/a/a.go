package a // want package:"pkgfact"

func f() {} // want f:"fact of f"

func g() {
	f() // want "call of f"
	f() // want "call of f" "never reported"
	f()
	f() //nolint:x // want `call of f`
}
