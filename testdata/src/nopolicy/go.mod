module nopolicy

go 1.26
