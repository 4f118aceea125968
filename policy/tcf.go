package policy

import (
	"encoding/json"
	"io"
	"slices"
)

// This file writes an IAB TCF Device Storage Disclosure: the JSON a vendor
// publishes to list the cookies it stores.

// CategoryPurposes maps a category to TCF purpose ids, for entries that do
// not list their own tcfPurposes:
//
//	necessary    none: strictly necessary storage needs no TCF purpose
//	preferences  1 (store and/or access information on a device)
//	statistics   1, 8 (measure content performance), 9 (understand
//	             audiences), 10 (develop and improve services)
//	marketing    1, 2 (limited data to select advertising), 3 and 4
//	             (personalised advertising profile and selection), 7
//	             (measure advertising performance)
//	(none)       1
var CategoryPurposes = map[string][]int{
	"necessary":   {},
	"preferences": {1},
	"statistics":  {1, 8, 9, 10},
	"marketing":   {1, 2, 3, 4, 7},
	"":            {1},
}

// Disclosure is one entry of a TCF Device Storage Disclosure.
type Disclosure struct {
	Identifier    string   `json:"identifier"`
	Type          string   `json:"type"`
	MaxAgeSeconds int64    `json:"maxAgeSeconds"`
	CookieRefresh bool     `json:"cookieRefresh"`
	Domains       []string `json:"domains"`
	Purposes      []int    `json:"purposes"`
	Description   string   `json:"description,omitempty"`
}

// DeviceStorageDisclosure is the TCF document.
type DeviceStorageDisclosure struct {
	Disclosures []Disclosure `json:"disclosures"`
}

// maxBrowserAge is the longest a browser keeps a cookie: the lifetime
// disclosed for an entry whose policy sets none.
const maxBrowserAge = 400 * 24 * 60 * 60

// TCF builds the disclosure: one per entry, identifier the name or pattern
// (TCF allows * wildcards), maxAgeSeconds the policy's lifetime (0 for a
// session cookie), domains the entry's domain or "*".
func TCF(p *Policy) DeviceStorageDisclosure {
	doc := DeviceStorageDisclosure{Disclosures: []Disclosure{}}
	for _, e := range p.Cookies {
		d := Disclosure{Identifier: e.names(), Type: "cookie", CookieRefresh: e.CookieRefresh, Domains: []string{"*"}, Description: e.Purpose}
		if l, ok := p.Lifetime(e); !ok {
			d.MaxAgeSeconds = maxBrowserAge
		} else if !l.Session {
			d.MaxAgeSeconds = int64(l.Duration.Seconds())
		}
		if r := p.Requirements(e); r.Domain != nil {
			d.Domains = []string{*r.Domain}
		}
		if e.TCFPurposes != nil {
			d.Purposes = slices.Clone(e.TCFPurposes)
		} else {
			d.Purposes = slices.Clone(CategoryPurposes[e.Category])
		}
		doc.Disclosures = append(doc.Disclosures, d)
	}
	return doc
}

// RenderTCF writes the disclosure as indented JSON.
func RenderTCF(w io.Writer, p *Policy) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(TCF(p))
}
