/// The SQL of the store, embedded from `Schema/migrations` and `Schema/queries`.
///
/// Migrations are applied in name order (`m0001_…`, `m0002_…`); queries are templates with `?`
/// parameters, one statement each, named after their file.
public enum SchemaSQL {
    /// (name, SQL) for each migration, in the order they apply.
    public static let migrations: [(name: String, sql: String)] = [
        ("m0001_graph", text(PackageResources.m0001_graph_sql)),
        ("m0002_bulk_import", text(PackageResources.m0002_bulk_import_sql)),
        ("m0002_node_key", text(PackageResources.m0002_node_key_sql)),
        ("m0003_vocabulary", text(PackageResources.m0003_vocabulary_sql)),
        ("m0004_reference_link", text(PackageResources.m0004_reference_link_sql)),
    ]

    public static let familyClosure = text(PackageResources.family_closure_sql)
    public static let neighbourhood = text(PackageResources.neighbourhood_sql)
    public static let shortestPath = text(PackageResources.shortest_path_sql)

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
