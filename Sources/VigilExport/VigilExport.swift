// Export arrives with its issue; see README.
