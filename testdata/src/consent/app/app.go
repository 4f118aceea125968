package app // want package:"cookie functions"

import (
	"net/http"

	"consent/checks"
	"consent/helpers"
)

func set(w http.ResponseWriter, name string) { // want set:`sets\(net/http.Cookie Name=arg2 Secure=true HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: name, Value: "v", Secure: true, HttpOnly: true})
}

func guardedIf(w http.ResponseWriter, r *http.Request) {
	if checks.Allowed(r, "statistics") {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
	} else {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent, but it is set on a path where no declared check confirmed it; set it only after checks.Allowed\(..., "statistics"\) or checks.Manager.Granted\(...\) returns true`
	}
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent`
	http.SetCookie(w, &http.Cookie{Name: "sessionid", Value: "1", Secure: true, HttpOnly: true}) // necessary: no consent needed
	http.SetCookie(w, &http.Cookie{Name: "_pk_id", Value: "1", Secure: true, HttpOnly: true})    // consent: false
}

func earlyExit(w http.ResponseWriter, r *http.Request) {
	if !checks.Allowed(r, "statistics") {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
	http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark", Secure: true, HttpOnly: true}) // want `cookie "theme" \(preferences\) needs the visitor's consent`
}

func earlyExitMiss(w http.ResponseWriter, r *http.Request) {
	if !checks.Allowed(r, "statistics") {
		w.WriteHeader(http.StatusNoContent) // no return: the set below is reached without consent
	}
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent`
}

func chains(w http.ResponseWriter, r *http.Request, m *checks.Manager) {
	if r.Method == "GET" && checks.Allowed(r, "marketing") {
		http.SetCookie(w, &http.Cookie{Name: "ads", Value: "1", Secure: true, HttpOnly: true})
	}
	if r.Method == "GET" || checks.Allowed(r, "marketing") {
		http.SetCookie(w, &http.Cookie{Name: "ads", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "ads" \(marketing\) needs the visitor's consent`
	}
	if m.Granted(r) {
		http.SetCookie(w, &http.Cookie{Name: "ads", Value: "1", Secure: true, HttpOnly: true}) // a check of every category
		http.SetCookie(w, &http.Cookie{Name: "lb", Value: "1", Secure: true, HttpOnly: true})
	}
	if checks.Allowed(r, "marketing") {
		http.SetCookie(w, &http.Cookie{Name: "lb", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "lb" \(necessary\) needs the visitor's consent`
	}
}

func switches(w http.ResponseWriter, r *http.Request) {
	switch {
	case !checks.Allowed(r, "statistics"):
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})

	switch {
	case checks.Allowed(r, "preferences"):
		http.SetCookie(w, &http.Cookie{Name: "theme", Value: "1", Secure: true, HttpOnly: true})
	default:
		http.SetCookie(w, &http.Cookie{Name: "theme", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "theme" \(preferences\) needs the visitor's consent`
	}
}

func localOK(w http.ResponseWriter, r *http.Request) {
	ok := checks.Allowed(r, "statistics")
	w.Header().Set("X-Seen", "1")
	if ok {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
	}
	if !ok {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent`
	}
	other := checks.Allowed(r, "marketing")
	if other {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent`
	}
}

func runtimeCategory(w http.ResponseWriter, r *http.Request, category string) {
	if checks.Allowed(r, category) {
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // a category decided at run time guards, unless -strict
	}
}

func helperCalls(w http.ResponseWriter, r *http.Request) {
	if checks.Allowed(r, "statistics") {
		helpers.SetAnalytics(w)
		helpers.Set(w, "_ga")
	}
	helpers.SetAnalytics(w)        // want `cookie "_ga" \(statistics\) needs the visitor's consent.* \(set through helpers.SetAnalytics\)`
	helpers.SetAnalyticsChecked(w, r)
	helpers.Set(w, "_ga")          // want `cookie "_ga" \(statistics\) needs the visitor's consent.* \(set through helpers.Set\)`
	set(w, "theme")                // want `cookie "theme" \(preferences\) needs the visitor's consent.* \(set through app.set\)`
	setStats(w)                    // want `cookie "_ga" \(statistics\) needs the visitor's consent.* \(set through app.setStats\)`
	if checks.Allowed(r, "statistics") {
		setStats(w)
	}
	guardedInside(w, r)
}

// setStats leaves the check to its callers.
func setStats(w http.ResponseWriter) { // want setStats:`sets\(net/http.Cookie Name="_ga" Secure=true HttpOnly=true\)`
	http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
}

// guardedInside checks, then calls a setter: guarded.
func guardedInside(w http.ResponseWriter, r *http.Request) {
	if checks.Allowed(r, "statistics") {
		setStats(w)
	}
}

func deletions(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: "_ga", MaxAge: -1, Secure: true, HttpOnly: true}) // withdrawing consent deletes: never needs it
	http.SetCookie(w, &http.Cookie{Name: "ads", Value: "", Secure: true, HttpOnly: true})  // a clearing too
}

func thirdParty(w http.ResponseWriter, r *http.Request) {
	if checks.Allowed(r, "marketing") {
		http.SetCookie(w, &http.Cookie{Name: "partner", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "partner" is declared with party: third \(line 17\)`
	}
}

// A closure that runs elsewhere starts unguarded.
func register(mux *http.ServeMux, r *http.Request) {
	if checks.Allowed(r, "statistics") {
		mux.HandleFunc("/s", func(w http.ResponseWriter, r *http.Request) {
			http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent`
		})
	}
	mux.HandleFunc("/t", func(w http.ResponseWriter, r *http.Request) {
		if checks.Allowed(r, "statistics") {
			http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true})
		}
	})
}

// A helper used as a value: nothing checks consent where it runs.
func asValue(mux *http.ServeMux) {
	run(setStats) // want `cookie "_ga" \(statistics\) needs the visitor's consent.* \(set through app.setStats, used here as a value\)`
}

func run(f func(http.ResponseWriter)) {}

// A loop that skips what the visitor did not agree to: continue and break
// leave the rest of the body, so what follows is guarded.
func loopGuard(w http.ResponseWriter, r *http.Request, names []string) {
	for _, name := range names {
		if !checks.Allowed(r, "statistics") {
			continue
		}
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: name, Secure: true, HttpOnly: true})
	}
	for range names {
		if !checks.Allowed(r, "statistics") {
			w.WriteHeader(http.StatusNoContent) // no continue: the set below is reached without consent
		}
		http.SetCookie(w, &http.Cookie{Name: "_ga", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "_ga" \(statistics\) needs the visitor's consent`
	}
	for i := 0; i < len(names); i++ {
		if checks.Allowed(r, "marketing") {
			http.SetCookie(w, &http.Cookie{Name: "ads", Value: "1", Secure: true, HttpOnly: true})
			continue
		}
		http.SetCookie(w, &http.Cookie{Name: "ads", Value: "1", Secure: true, HttpOnly: true}) // want `cookie "ads" \(marketing\) needs the visitor's consent`
	}
outer:
	for _, name := range names {
		for range names {
			if !checks.Allowed(r, "preferences") {
				continue outer
			}
		}
		http.SetCookie(w, &http.Cookie{Name: "theme", Value: name, Secure: true, HttpOnly: true}) // want `cookie "theme" \(preferences\) needs the visitor's consent`
	}
	for _, name := range names {
		switch {
		case !checks.Allowed(r, "preferences"):
			break // leaves the switch only
		}
		http.SetCookie(w, &http.Cookie{Name: "theme", Value: name, Secure: true, HttpOnly: true}) // want `cookie "theme" \(preferences\) needs the visitor's consent`
	}
	for _, name := range []string{"a", "b"} {
		if !checks.Allowed(r, "marketing") {
			break
		}
		http.SetCookie(w, &http.Cookie{Name: "ads", Value: name, Secure: true, HttpOnly: true})
	}
}
