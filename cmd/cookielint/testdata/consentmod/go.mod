module consentmod

go 1.26
