// Import arrives with its issue; see README.
