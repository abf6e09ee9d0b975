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

extension [EntityMention] {
    /// Puts mentions back in reading order after additions, keeping each embedded drug's index right.
    mutating func sortInReadingOrder() {
        sort { ($0.tokens.lowerBound, $0.kind == .drug ? 0 : 1) < ($1.tokens.lowerBound, $1.kind == .drug ? 0 : 1) }
        for k in indices where self[k].embeddedDrug != nil {
            let s = self[k].tokens.lowerBound
            self[k].embeddedDrug = firstIndex { $0.kind == .drug && $0.tokens.lowerBound == s }
        }
    }
}
