package names

const (
	Imported = "imported_name"
	Prefix   = "pre_"
)
