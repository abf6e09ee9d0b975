// The query language arrives with its issue; see README.
