/// Words looked up by their token's hash: a pass that checks every token of a document against a
/// few word lists costs one table probe per token, no string hashing.
struct WordSet: Sendable {
    private var table = U64Table<Bool>(capacity: 64)

    init<S: Sequence>(_ words: S) where S.Element == String {
        for w in words { table[stableHash(w)] = true }
    }

    func contains(_ token: Token) -> Bool { table.contains(token.hash) }
}
