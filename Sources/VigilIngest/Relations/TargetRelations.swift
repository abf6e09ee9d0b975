/// Which targets a sentence says a drug acts on: "sorafenib inhibits Raf-1 and B-Raf",
/// "it blocks VEGFR-2", "an inhibitor of PDGFR", with enumerations such as
/// "vascular endothelial growth factor receptors 1, 2, and 3" resolved to the family's members.
enum TargetRelations {
    static let triggers: WordSet = [
        "inhibits", "inhibit", "inhibiting", "inhibited", "inhibitor", "inhibitors", "inhibition", "inhibitory",
        "blocks", "block", "blocking", "blocked", "blockade", "blocker", "interferes", "interfere", "interfering",
        "targets", "targeting", "antagonist", "antagonizes", "antagonises", "binds", "binding", "suppresses",
        "suppress", "suppressing", "against", "interaction", "interacts", "selective", "potent", "agonist",
        "neutralizes", "neutralize", "neutralizing", "neutralises", "neutralise", "neutralising",
    ]
    static let pronouns: WordSet = ["it", "this", "which", "its", "the"]

    struct Link {
        var drug: Int?
        var target: Int
        var member: String?
        /// The trigger is hedged ("sorafenib may also inhibit FLT3"): the link is hypothetical.
        var hedged = false
    }

    /// Drug → target links in a sentence; `drug` nil means the sentence speaks of "it".
    static func links(_ sentence: Sentence, _ mentionIdx: [Int], _ mentions: [EntityMention], _ tokens: [Token],
                      _ lexicon: Lexicon) -> [Link] {
        let allTargets = mentionIdx.filter { mentions[$0].kind == .target || mentions[$0].kind == .targetFamily }
        guard !allTargets.isEmpty else { return [] }
        // "Unlike sorafenib, sunitinib does not inhibit RAF": the drug set against the subject is none.
        let drugs = mentionIdx.filter { d in
            mentions[d].kind == .drug && !(mentions[d].tokens.lowerBound > sentence.tokens.lowerBound
                && contrastWords.contains(tokens[mentions[d].tokens.lowerBound - 1]))
        }
        var out = antibodies(allTargets, drugs, sentence, mentions, tokens)
        // "The BRAF inhibitor dabrafenib and the MEK inhibitor trametinib": each names its own.
        let (named, taken) = namedByNoun(allTargets, drugs, sentence, mentions, tokens)
        out += named
        let targets = allTargets.filter { !taken.contains($0) }
        guard !targets.isEmpty,
              let trigger = sentence.tokens.first(where: { triggers.contains(tokens, $0) }) else { return dedup(out) }
        let hedged = (max(sentence.tokens.lowerBound, trigger - 2)..<trigger).contains { hedges.contains(tokens, $0) }
        let namedBefore = namedBefore(trigger, targets, mentions, tokens)
        let subjects = subjects(of: trigger, drugs, targets, namedBefore: namedBefore, sentence, mentions, tokens)
        guard !subjects.isEmpty else { return dedup(out) }
        for t in targets {
            let m = mentions[t]
            // Targets after the trigger, or right before "inhibitor(s)"/"inhibition" ("PDGFR inhibition",
            // "a JAK1/JAK2 inhibitor").
            let after = m.tokens.lowerBound > trigger
            let before = namedBefore.contains(t)
            guard after || before else { continue }
            if after, let near = sentence.tokens.last(where: { $0 < m.tokens.lowerBound && triggers.contains(tokens, $0) }),
               clauseEnds(near, m.tokens.lowerBound, tokens) { continue }
            if isPathwayMember(m, tokens, sentence) || isGenotype(m, tokens, sentence) { continue }
            var members = m.kind == .targetFamily ? enumeratedMembers(m, tokens, sentence, lexicon) : []
            if m.kind == .target {
                let more = numberedSiblings(m, tokens, sentence, lexicon)
                if !more.isEmpty { members = [m.name] + more }
            }
            for s in subjects {
                if s != nil, let sd = s, mentions[sd].name.hasSuffix("nib"), m.concept >= 0,
                   lexicon.concepts.isLigand(Int(m.concept)) {
                    continue  // a kinase inhibitor acts on the receptor, not on the growth factor
                }
                if s == nil, m.concept >= 0, lexicon.concepts.isLigand(Int(m.concept)) { continue }
                if members.isEmpty {
                    out.append(Link(drug: s, target: t, member: nil, hedged: hedged))
                } else {
                    for mem in members { out.append(Link(drug: s, target: t, member: mem, hedged: hedged)) }
                }
            }
        }
        return dedup(out)
    }

    /// The drugs a trigger speaks of (nil: the "it" of the text): those of its clause before it
    /// (in apposition, for a noun trigger), else "it"/"this drug", else the drugs it introduces
    /// after it, else "it" when the sentence reads so.
    static func subjects(of trigger: Int, _ drugs: [Int], _ targets: [Int], namedBefore: [Int], _ sentence: Sentence,
                         _ mentions: [EntityMention], _ tokens: [Token]) -> [Int?] {
        let isNoun = nounTriggers.contains(tokens, trigger)
        var subjects: [Int?] = coordinated(drugs.filter { mentions[$0].tokens.upperBound <= trigger && !isModifier(mentions[$0], tokens) },
                                           mentions, tokens, targets: targets)
        if isNoun, let first = subjects.first, let d = first,
           !isApposition(mentions[d].tokens.upperBound,
                         min(trigger, namedBefore.map { mentions[$0].tokens.lowerBound }.min() ?? trigger), tokens) {
            // "decreased elimination of MTX induced by the COX-2 inhibitor": the inhibitor is not MTX.
            subjects = []
        }
        let head = sentence.tokens.prefix(6).map { tokens[$0].norm }
        if subjects.isEmpty, head.first == "it" || head.starts(with: ["this", "drug"]) || head.starts(with: ["the", "drug"]) {
            subjects = [nil]  // "It inhibits …", "This drug blocks …"
        }
        let inTarget = { (k: Int) in targets.contains { mentions[$0].tokens.contains(k) } }
        if subjects.isEmpty, let d = drugs.first(where: { introduced(mentions[$0].tokens.lowerBound, after: trigger, tokens,
                                                                     skipping: inTarget) }) {
            // "VEGFR inhibitors such as sorafenib", "inhibitors, including X and Y", "the interaction of sorafenib with …"
            subjects = listed(from: d, drugs, mentions, tokens)
        }
        if subjects.isEmpty, head.contains(where: { pronouns.contains($0) }) || tokens[trigger].norm.hasPrefix("inhibit") && !isNoun {
            subjects = [nil]
        }
        return subjects
    }

    /// One link per drug, target and member: an antibody named by its target may also be named by a trigger.
    static func dedup(_ links: [Link]) -> [Link] {
        var seen: [(Int?, Int, String?)] = []
        return links.filter { l in
            if seen.contains(where: { $0.0 == l.drug && $0.1 == l.target && $0.2 == l.member }) { return false }
            seen.append((l.drug, l.target, l.member))
            return true
        }
    }

    /// Whether the words from a drug to the target or trigger after it make an apposition or a
    /// predicate of the drug ("everolimus is an mTOR inhibitor", "erlotinib, an EGFR inhibitor").
    static func isApposition(_ from: Int, _ to: Int, _ tokens: [Token]) -> Bool {
        guard to >= from, to - from <= 8 else { return false }
        return from == to || (from..<to).contains { appositionMarks.contains(tokens, $0) }
            && !(from..<to).contains { clauseBreaks.contains(tokens, $0) }
    }

    /// Words that introduce the drugs a trigger speaks of after it: "inhibitors such as sorafenib".
    static let introducers: WordSet = ["such", "as", "including", "like", "e", "g", "namely", "especially",
                                       "particularly", "of", "by", "with", "(", ",", ":"]

    /// Whether a drug starting at `start` is the one a trigger before it speaks of: right after it,
    /// or after introducers ("such as", "including", "of", "by") and the trigger's targets
    /// ("inhibition of EGFR by erlotinib", "both inhibit VEGFR: sorafenib and sunitinib"), within
    /// four words besides the targets.
    static func introduced(_ start: Int, after trigger: Int, _ tokens: [Token], skipping inTarget: (Int) -> Bool) -> Bool {
        guard start > trigger, start - trigger <= 12 else { return false }
        var words = 0
        for k in trigger + 1..<start where !inTarget(k) {
            guard introducers.contains(tokens, k) || tokens[k].norm == "." else { return false }
            words += 1
        }
        return words <= 4
    }

    /// A drug and the drugs listed right after it ("infliximab and etanercept").
    static func listed(from d: Int, _ drugs: [Int], _ mentions: [EntityMention], _ tokens: [Token]) -> [Int?] {
        guard var at = drugs.firstIndex(of: d) else { return [d] }
        var out: [Int?] = [d]
        while at + 1 < drugs.count, (mentions[drugs[at]].tokens.upperBound..<mentions[drugs[at + 1]].tokens.lowerBound)
            .allSatisfy({ listMarks.contains(tokens, $0) }) {
            at += 1
            out.append(drugs[at])
        }
        return out
    }

    static let contrastWords: WordSet = ["unlike", "than"]
    static let listMarks: WordSet = [",", "and", "or", "/"]
    /// Words right before a trigger that make the link a hypothesis: "may also inhibit".
    static let hedges: WordSet = ["may", "might", "could", "possibly", "presumably", "potentially"]
    static let nounTriggers: WordSet = ["inhibitor", "inhibitors", "blocker", "blockers", "antagonist", "antagonists",
                                        "agonist", "agonists"]

    /// "The BRAF inhibitor dabrafenib", "an mTOR inhibitor, everolimus", "EGFR inhibitors gefitinib
    /// or erlotinib": targets named before a noun trigger with drugs right after it belong to
    /// those drugs (and no other); the targets so taken are left out of the sentence's other links.
    static func namedByNoun(_ targets: [Int], _ drugs: [Int], _ sentence: Sentence, _ mentions: [EntityMention],
                            _ tokens: [Token]) -> (links: [Link], taken: [Int]) {
        var links: [Link] = [], taken: [Int] = []
        for k in sentence.tokens where nounTriggers.contains(tokens, k) {
            var next = k + 1
            if next < sentence.tokens.upperBound, tokens[next].norm == "," { next += 1 }
            guard let first = drugs.first(where: { mentions[$0].tokens.lowerBound == next }) else { continue }
            // "EGFR inhibitors gefitinib or erlotinib": the drugs listed after it.
            let named = listed(from: first, drugs, mentions, tokens)
            for t in namedBefore(k, targets, mentions, tokens) where !taken.contains(t) {
                for d in named { links.append(Link(drug: d, target: t, member: nil)) }
                taken.append(t)
            }
        }
        return (links, taken)
    }

    /// The targets that name what a trigger acts on from before it: the one ending at most two
    /// tokens before ("PDGFR inhibition", "an mTOR inhibitor") and those listed with it ("a
    /// JAK1/JAK2 inhibitor", "EGFR and HER2 inhibitors").
    static func namedBefore(_ trigger: Int, _ targets: [Int], _ mentions: [EntityMention], _ tokens: [Token]) -> [Int] {
        let before = targets.filter { mentions[$0].tokens.upperBound <= trigger }
        guard var next = before.last, trigger - mentions[next].tokens.upperBound <= 2 else { return [] }
        var named = [next]
        for t in before.dropLast().reversed() {
            let gap = mentions[t].tokens.upperBound..<mentions[next].tokens.lowerBound
            guard gap.count <= 3, gap.allSatisfy({ targetListMarks.contains(tokens, $0) }) else { break }
            named.append(t)
            next = t
        }
        return named
    }

    static let targetListMarks: WordSet = ["/", ",", "and", "or", "-", "–"]

    /// Of the drugs before the trigger, the nearest and those before it in the same clause
    /// ("sorafenib and sunitinib inhibit", "imatinib, which shares with sorafenib the inhibition
    /// of PDGFR"), not a drug of an earlier clause ("imatinib was given for two years; later
    /// sunitinib inhibited KIT") or one another target already belongs to ("nivolumab, an
    /// anti-PD-1 antibody, and ipilimumab, a CTLA-4 blocker").
    static func coordinated(_ before: [Int], _ mentions: [EntityMention], _ tokens: [Token], targets: [Int]) -> [Int?] {
        guard var next = before.last else { return [] }
        var kept: [Int?] = [next]
        for d in before.dropLast().reversed() {
            let gap = mentions[d].tokens.upperBound..<mentions[next].tokens.lowerBound
            if gap.contains(where: { clauseBreaks.contains(tokens, $0) })
                || targets.contains(where: { gap.contains(mentions[$0].tokens.lowerBound) }) { break }
            kept.insert(d, at: 0)
            next = d
        }
        return kept
    }

    static let clauseBreaks: WordSet = [";", ":", "then", "later", "subsequently", "whereas", "while", "but", "however"]

    /// A drug's name joined by a hyphen to the next word modifies that word and is no subject:
    /// "angiotensin-converting enzyme", "insulin-like growth factor".
    static func isModifier(_ m: EntityMention, _ tokens: [Token]) -> Bool {
        let k = m.tokens.upperBound
        return k + 1 < tokens.count && tokens[k].norm == "-" && !tokens[k].spaceBefore && tokens[k + 1].kind == .word
            && !tokens[k + 1].spaceBefore
    }

    /// Words that make what follows an apposition or a predicate of the drug before them:
    /// "nivolumab, an anti-PD-1 antibody", "rituximab (an anti-CD20 antibody)", "… is an anti-TNF agent".
    static let appositionMarks: WordSet = [",", "(", "is", "was", "are", "were"]

    /// "nivolumab, an anti-PD-1 antibody", "pembrolizumab (anti-PD-1)", "the anti-TNF agent
    /// infliximab": a drug named as acting against a target acts on it, with no verb to say so.
    /// The drug is the one the words after "anti-X" lead to ("agent infliximab"), else the nearest
    /// before it in the same clause.
    static func antibodies(_ targets: [Int], _ drugs: [Int], _ sentence: Sentence, _ mentions: [EntityMention],
                           _ tokens: [Token]) -> [Link] {
        var out: [Link] = []
        for t in targets {
            let m = mentions[t]
            var k = m.tokens.lowerBound - 1
            if k > sentence.tokens.lowerBound, tokens[k].norm == "-", !tokens[k].spaceBefore, !m.tokens.isEmpty,
               !tokens[m.tokens.lowerBound].spaceBefore { k -= 1 }
            guard k >= sentence.tokens.lowerBound, tokens[k].norm == "anti",
                  k == m.tokens.lowerBound - 1 ? !tokens[m.tokens.lowerBound].spaceBefore : true else { continue }
            let after = drugs.first { d in
                let start = mentions[d].tokens.lowerBound
                return start >= m.tokens.upperBound && start - m.tokens.upperBound <= 3
                    && (m.tokens.upperBound..<start).allSatisfy { tokens[$0].kind == .word }
            }
            // Not another antibody's name ("anti-thyroglobulin and anti-thyroid peroxidase antibodies").
            let before = drugs.last { d in
                let end = mentions[d].tokens.upperBound, start = mentions[d].tokens.lowerBound
                let named = start >= 2 && tokens[start - 1].norm == "-" && tokens[start - 2].norm == "anti"
                    || start >= 1 && tokens[start - 1].norm == "anti"
                return end <= k && k - end <= 5 && !named && (end..<k).contains { appositionMarks.contains(tokens, $0) }
                    && !(end..<k).contains { [";", ".", ":"].contains(tokens[$0].norm) }
            }
            if let d = after ?? before { out.append(Link(drug: d, target: t, member: nil)) }
        }
        return out
    }

    /// Whether the object clause of the trigger has ended before a mention.
    static func clauseEnds(_ from: Int, _ to: Int, _ tokens: [Token]) -> Bool {
        for k in from..<to where ["which", "that", "leading", "resulting", "whereas", "but", "while"].contains(tokens[k].norm) {
            return true
        }
        return false
    }

    /// "heterozygous for CYP2D6 genotype", "HLA-B*5801 carriers": a gene as the patient's
    /// genotype, not what a drug acts on.
    static func isGenotype(_ m: EntityMention, _ tokens: [Token], _ sentence: Sentence) -> Bool {
        let k = m.tokens.upperBound
        return k < sentence.tokens.upperBound && genotypeWords.contains(tokens, k)
    }

    static let genotypeWords: WordSet = ["genotype", "genotypes", "genotyping", "polymorphism", "polymorphisms",
                                         "allele", "alleles", "carrier", "carriers", "metabolizer", "metabolizers",
                                         "metaboliser", "metabolisers", "gene"]

    /// "the Raf/MEK/ERK pathway": members of a signalling chain, not what the drug binds.
    static func isPathwayMember(_ m: EntityMention, _ tokens: [Token], _ sentence: Sentence) -> Bool {
        var k = m.tokens.upperBound
        let end = sentence.tokens.upperBound
        var chained = m.tokens.lowerBound > sentence.tokens.lowerBound && tokens[m.tokens.lowerBound - 1].norm == "/"
        while k < end, k - m.tokens.upperBound < 8 {
            let w = tokens[k].norm
            if w == "/" || w == "-" { chained = true; k += 1; continue }
            if ["pathway", "pathways", "cascade", "signaling", "signalling", "axis"].contains(w) { return chained }
            if tokens[k].kind != .punct && k > m.tokens.upperBound && tokens[k - 1].norm != "/" && tokens[k - 1].norm != "-" { return false }
            k += 1
        }
        return false
    }

    /// The marks that run member numbers on: "VEGFR1-3", "FGFR1–4", "VEGFR-1/2".
    static let runOn: Set<String> = ["-", "–", "/"]
    /// Words that list the next member: "VEGFR-1, -2, and -3".
    static let listWords: WordSet = [",", "and", "or"]
    static let greekNumbers = ["alpha": 1, "beta": 2, "gamma": 3, "delta": 4]

    /// "VEGFR1-3", "FGFR1–4", "VEGFR-1/2", "VEGFR-2/-3", "VEGFR-1, -2, and -3", "PDGFR-α and -β":
    /// a numbered member of a family with the numbers (or Greek letters) of the next ones run on or
    /// listed after dashes; the members those name after the one the mention names (for
    /// "VEGFR1-3": KDR, FLT4). A dash after a space with no list word before it ("VEGFR-2 in 3 - 5
    /// patients") runs nothing on.
    static func numberedSiblings(_ m: EntityMention, _ tokens: [Token], _ sentence: Sentence, _ lexicon: Lexicon) -> [String] {
        var k = m.tokens.upperBound
        let end = sentence.tokens.upperBound
        // The cheap tests first: most targets are followed by no run-on number.
        guard k + 1 < end, runOn.contains(tokens[k].norm) && !tokens[k].spaceBefore || listWords.contains(tokens, k) else { return [] }
        let lastWord = tokens[m.tokens.upperBound - 1].norm
        guard let p = lastWord.last?.wholeNumberValue ?? greekNumbers[lastWord], p >= 1 else { return [] }
        // In the families' order, not the dictionary's.
        guard let family = lexicon.concepts.members.keys.sorted().lazy.compactMap({ lexicon.concepts.members[$0] })
            .first(where: { p <= $0.count && $0[p - 1] == m.name }) else { return [] }
        var picked: [String] = []
        var previous = p
        while k + 1 < end {
            var j = k
            while j < end, listWords.contains(tokens, j) { j += 1 }
            let listed = j > k
            guard j + 1 < end, runOn.contains(tokens[j].norm), listed || !tokens[j].spaceBefore else { break }
            let range = tokens[j].norm != "/" && !listed
            j += 1
            if j + 1 < end, tokens[j].norm == "-" { j += 1 }  // "VEGFR-2/-3"
            guard !tokens[j].spaceBefore,
                  let n = tokens[j].kind == .number ? Int(tokens[j].norm) : greekNumbers[tokens[j].norm],
                  n > previous, n <= family.count else { break }
            for q in (range ? previous + 1 : n)...n where !picked.contains(family[q - 1]) { picked.append(family[q - 1]) }
            previous = n
            k = j + 1
        }
        return picked
    }

    /// "receptors 1, 2, and 3", "receptors (VEGFRs) 1, 2, and 3", "receptor α and β": the members meant.
    static func enumeratedMembers(_ m: EntityMention, _ tokens: [Token], _ sentence: Sentence, _ lexicon: Lexicon) -> [String] {
        guard m.concept >= 0 else { return [] }
        let members = lexicon.concepts[Int(m.concept)].members
        var k = m.tokens.upperBound
        let end = sentence.tokens.upperBound
        if k < end, tokens[k].norm == "(" {
            while k < end, tokens[k].norm != ")" { k += 1 }
            k += 1
        }
        var picked: [String] = []
        var last = 0  // the number before a dash: "receptors 1-3" names 1, 2 and 3
        while k < end {
            let t = tokens[k]
            if t.kind == .number, let n = Int(t.norm), n >= 1, n <= members.count {
                let ranged = last > 0 && last < n && ["-", "–"].contains(tokens[k - 1].norm)
                for q in (ranged ? last + 1 : n)...n where !picked.contains(members[q - 1]) { picked.append(members[q - 1]) }
                last = n
                k += 1
                continue
            } else if let n = greekNumbers[t.norm], n <= members.count {
                picked.append(members[n - 1])
            } else if ![",", "and", "or", "/", "-", "–"].contains(t.norm) {
                break
            }
            k += 1
        }
        return picked
    }
}
