import VigilCore

/// A drug as reports write it is more than its name: the salt ("quinine sulfate", "imatinib
/// mesylate") and words of the product ("pegylated interferon", "recombinant interferon") are
/// part of the mention, as ADE annotators mark it. The concept stays the drug's.
enum DrugNameSpans {
    /// Salt and ester words of pharmaceutical names (INN modified names).
    static let salts: Set<String> = [
        "sulfate", "sulphate", "hydrochloride", "hcl", "dihydrochloride", "maleate", "mesylate", "mesilate",
        "acetate", "bromide", "phosphate", "sodium", "potassium", "citrate", "tartrate", "bitartrate", "succinate",
        "fumarate", "besylate", "besilate", "chloride", "gluconate", "carbonate", "hyclate", "propionate",
        "dipropionate", "valerate", "decanoate", "enanthate", "palmitate", "pamoate", "hydrobromide", "stearate",
        "deoxycholate", "disodium", "nitrate", "lactate", "tosylate", "succinate", "xinafoate", "furoate",
        "embonate", "sulfosalicylate", "trihydrate", "monohydrate", "hemihydrate", "dimesylate", "napsylate",
    ]
    /// Words before a biological product's name that belong to it.
    static let productWords: Set<String> = ["pegylated", "recombinant", "liposomal", "peg"]

    /// "methicillin-resistant", "penicillin-sensitive": the drug names an organism's trait.
    static let traitWords: Set<String> = ["resistant", "resistance", "sensitive", "susceptible", "susceptibility",
                                          "tolerant", "refractory", "naive", "naïve", "free"]
    /// "serotonin reuptake inhibitors", "angiotensin-converting enzyme inhibitors", "calcium channel
    /// blockers": a class of drugs named after what they act on.
    static let classLinks: Set<String> = ["reuptake", "converting", "enzyme", "channel", "receptor", "pump",
                                          "synthesis", "-", "ii", "1", "2", "type"]
    static let classHeads: Set<String> = ["inhibitor", "inhibitors", "blocker", "blockers", "antagonist",
                                          "antagonists", "agonist", "agonists", "analogue", "analogues", "analog",
                                          "analogs"]

    /// Extends drug mentions over a following salt word and a preceding product word, makes a drug
    /// followed by a class head into the class, and drops drugs that name an organism's trait.
    static func extend(_ mentions: inout [EntityMention], _ tokens: [Token]) {
        let n = tokens.count
        let traits = Set(mentions.indices.filter { i in
            let m = mentions[i]
            guard m.kind == .drug else { return false }
            var k = m.tokens.upperBound
            if k < n, tokens[k].norm == "-" { k += 1 }
            return k < n && traitWords.contains(tokens[k].norm)
        })
        if !traits.isEmpty {
            // Later indices shift: embedded drugs keep pointing at their mention.
            var newIndex: [Int: Int] = [:]
            var kept: [EntityMention] = []
            for (i, m) in mentions.enumerated() where !traits.contains(i) {
                newIndex[i] = kept.count
                kept.append(m)
            }
            for i in kept.indices { if let d = kept[i].embeddedDrug { kept[i].embeddedDrug = newIndex[d] } }
            mentions = kept
        }
        for i in mentions.indices where mentions[i].kind == .drug {
            let e = mentions[i].tokens.upperBound
            var k = e
            while k < n, k - e < 4, classLinks.contains(tokens[k].norm) { k += 1 }
            guard k < n, classHeads.contains(tokens[k].norm) else { continue }
            // Never over another mention.
            if mentions.contains(where: { $0.tokens.lowerBound > mentions[i].tokens.lowerBound && $0.tokens.lowerBound <= k }) {
                continue
            }
            var s = mentions[i].tokens.lowerBound
            if s > 0, tokens[s - 1].norm == "selective" { s -= 1 }
            let words = (s...k).filter { tokens[$0].kind != .punct }.map { tokens[$0].norm }
            mentions[i].tokens = s..<(k + 1)
            mentions[i].start = tokens[s].start
            mentions[i].end = tokens[k].end
            mentions[i].concept = -1
            mentions[i].name = words.joined(separator: " ")
        }
        var covered = [Bool](repeating: false, count: n)
        for m in mentions { for k in m.tokens where k < n { covered[k] = true } }
        for i in mentions.indices where mentions[i].kind == .drug {
            let m = mentions[i]
            let e = m.tokens.upperBound
            // Never over another mention: "sodium" may be a drug of its own.
            if e < n, tokens[e].kind == .word, salts.contains(tokens[e].norm), !tokens[e].blankLineBefore, !covered[e] {
                mentions[i].tokens = m.tokens.lowerBound..<(e + 1)
                mentions[i].end = tokens[e].end
                covered[e] = true
            }
            // "pegylated interferon", "peg-interferon", "recombinant human interferon"
            var s = m.tokens.lowerBound
            while s > 0, !covered[s - 1] {
                let w = tokens[s - 1].norm
                if productWords.contains(w) || (w == "human" && s > 1 && productWords.contains(tokens[s - 2].norm)) {
                    s -= 1
                } else if w == "-", !tokens[s - 1].spaceBefore, s > 1, productWords.contains(tokens[s - 2].norm) {
                    s -= 1
                } else {
                    break
                }
            }
            if s < m.tokens.lowerBound {
                mentions[i].tokens = s..<mentions[i].tokens.upperBound
                mentions[i].start = tokens[s].start
                for k in s..<m.tokens.lowerBound { covered[k] = true }
            }
        }
    }
}
