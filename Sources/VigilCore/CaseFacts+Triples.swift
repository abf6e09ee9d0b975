extension CaseFacts {
    /// The case's facts as graph triples about a case node, all with scope `case`.
    ///
    /// The store keeps cases as nodes so that queries such as `cases of DRESS` are graph walks.
    public func triples(caseName: String, evidence: Evidence?) -> [Triple] {
        let subject = Mention(kind: .case, name: caseName)
        var out: [Triple] = []
        func add(_ p: Predicate, _ o: TripleObject) {
            out.append(Triple(subject: subject, predicate: p, object: o, scope: .case, evidence: evidence))
        }
        if let age { add(.hasAge, .literal(Literal(value: Self.number(age), unit: "years"))) }
        if let sex { add(.hasSex, .literal(Literal(value: sex))) }
        if let indication { add(.hasIndication, .entity(Mention(kind: .indication, name: indication))) }
        for d in drugs {
            add(d.role == .suspect ? .suspectDrug : .concomitantDrug, .entity(Mention(kind: .drug, name: d.name)))
            if let dose = d.dose, d.role == .suspect { add(.hasDose, .literal(Literal(value: dose))) }
        }
        for r in reactions {
            add(.hasReaction, .entity(Mention(kind: .reaction, name: r.name)))
        }
        // Onset, challenge and outcome are per reaction: a case may have two reactions with
        // different onsets, so each literal says which reaction it is about.
        for r in reactions {
            if let days = r.onsetDays {
                add(.hasOnset, .literal(Literal(value: Self.number(days), unit: "days", about: r.name)))
            }
            add(.dechallenge, .literal(Literal(value: r.dechallenge.rawValue, about: r.name)))
            add(.rechallenge, .literal(Literal(value: r.rechallenge.rawValue, about: r.name)))
            if let o = r.outcome { add(.outcome, .literal(Literal(value: o, about: r.name))) }
        }
        return out
    }

    /// Whole numbers without a decimal point, so that `14` is stored as "14" not "14.0".
    public static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
