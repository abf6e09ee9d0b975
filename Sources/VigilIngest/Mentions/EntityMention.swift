import VigilCore

/// A name of a drug, target, family or reaction found in a document.
struct EntityMention: Sendable {
    var kind: EntityKind
    /// Canonical name.
    var name: String
    /// Index of the lexicon concept, -1 for a name the document itself defined.
    var concept: Int32
    /// Tokens of the name itself (without the modifiers in `start`).
    var tokens: Range<Int>
    /// Offsets of the mention as reported, including severity modifiers for reactions
    /// ("severe urticaria"), in code points.
    var start: Int
    var end: Int
    /// For "carbamazepine toxicity": the index of the drug mention inside this reaction.
    var embeddedDrug: Int?
    /// Defined or used as an abbreviation ("RRD").
    var isAbbreviation = false
}
