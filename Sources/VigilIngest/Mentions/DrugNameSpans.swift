import VigilCore

/// A drug as reports write it is more than its name: the salt ("quinine sulfate", "imatinib
/// mesylate") and words of the product ("pegylated interferon", "recombinant interferon") are
/// part of the mention, as ADE annotators mark it. The concept stays the drug's.
enum DrugNameSpans {
    /// Salt and ester words of pharmaceutical names (INN modified names).
    static let salts: WordSet = [
        "sulfate", "sulphate", "hydrochloride", "hcl", "dihydrochloride", "maleate", "mesylate", "mesilate",
        "acetate", "bromide", "phosphate", "sodium", "potassium", "citrate", "tartrate", "bitartrate", "succinate",
        "fumarate", "besylate", "besilate", "chloride", "gluconate", "carbonate", "hyclate", "propionate",
        "dipropionate", "valerate", "decanoate", "enanthate", "palmitate", "pamoate", "hydrobromide", "stearate",
        "deoxycholate", "disodium", "nitrate", "lactate", "tosylate", "xinafoate", "furoate",
        "embonate", "sulfosalicylate", "trihydrate", "monohydrate", "hemihydrate", "dimesylate", "napsylate",
    ]
    /// Words before a biological product's name that belong to it.
    static let productWords: WordSet = ["pegylated", "recombinant", "liposomal", "peg"]

    /// "methicillin-resistant", "penicillin-sensitive": the drug names an organism's trait.
    static let traitWords: WordSet = ["resistant", "resistance", "sensitive", "susceptible", "susceptibility",
                                          "tolerant", "refractory", "naive", "naïve", "free"]
    /// "serotonin reuptake inhibitors", "angiotensin-converting enzyme inhibitors", "calcium channel
    /// blockers": a class of drugs named after what they act on.
    static let classLinks: WordSet = ["reuptake", "converting", "enzyme", "channel", "receptor", "pump",
                                          "synthesis", "-", "ii", "1", "2", "type"]
    static let classHeads: WordSet = ["inhibitor", "inhibitors", "blocker", "blockers", "antagonist",
                                          "antagonists", "agonist", "agonists", "analogue", "analogues", "analog",
                                          "analogs"]

    /// Cations written before the drug: "sodium nitroprusside", "calcium polystyrene sulfonate".
    static let cations: WordSet = ["sodium", "potassium", "calcium", "magnesium", "disodium"]
    /// Variants written after the name: "cyclosporine A", "mitomycin C", "IFN-beta", "L-thyroxine".
    static let variantLetters: WordSet = ["a", "b", "c", "d", "g", "k"]
    static let greekVariants: WordSet = ["alpha", "beta", "gamma"]

    /// Joins a drug with a salt or cation the lexicon found as a drug of its own ("timolol maleate",
    /// "sodium valproate"), and takes in variant letters and stereo prefixes.
    static func mergeSalts(_ mentions: inout [EntityMention], _ tokens: [Token]) {
        let n = tokens.count
        var drop = Set<Int>()
        for i in mentions.indices where mentions[i].kind == .drug && !drop.contains(i) {
            // The next mention is a one-word salt directly after the name.
            if i + 1 < mentions.count, mentions[i + 1].kind == .drug, mentions[i + 1].tokens.count == 1,
               mentions[i + 1].tokens.lowerBound == mentions[i].tokens.upperBound,
               salts.contains(tokens[mentions[i + 1].tokens.lowerBound].norm) {
                mentions[i].tokens = mentions[i].tokens.lowerBound..<mentions[i + 1].tokens.upperBound
                mentions[i].end = mentions[i + 1].end
                drop.insert(i + 1)
            }
            // The previous mention is a cation directly before the name.
            if i > 0, !drop.contains(i - 1), mentions[i - 1].kind == .drug, mentions[i - 1].tokens.count == 1,
               mentions[i - 1].tokens.upperBound == mentions[i].tokens.lowerBound,
               cations.contains(tokens[mentions[i - 1].tokens.lowerBound].norm) {
                mentions[i].tokens = mentions[i - 1].tokens.lowerBound..<mentions[i].tokens.upperBound
                mentions[i].start = mentions[i - 1].start
                drop.insert(i - 1)
            }
            let e = mentions[i].tokens.upperBound
            let nextStart = i + 1 < mentions.count ? mentions[i + 1].tokens.lowerBound : n
            // "cyclosporine A": a capital letter, alone, right after the name on the same line (a
            // title ending in the drug's name is followed by a paragraph, not a variant: "… with
            // fluconazole\n\nA 68-year-old man").
            if e < n, e < nextStart, tokens[e].kind == .word, tokens[e].isAllUpper, tokens[e].end - tokens[e].start == 1,
               variantLetters.contains(tokens, e), tokens[e].spaceBefore, !tokens[e].newlineBefore,
               !(e + 1 < n && tokens[e + 1].norm == ".") {
                mentions[i].tokens = mentions[i].tokens.lowerBound..<(e + 1)
                mentions[i].end = tokens[e].end
            } else if e + 1 < n, e + 1 < nextStart, tokens[e].norm == "-", !tokens[e].spaceBefore,
                      greekVariants.contains(tokens, e + 1) {
                // "IFN-beta"
                mentions[i].tokens = mentions[i].tokens.lowerBound..<(e + 2)
                mentions[i].end = tokens[e + 1].end
            }
            // "L-thyroxine", "D-penicillamine"
            let s = mentions[i].tokens.lowerBound
            let prevEnd = i > 0 ? mentions[i - 1].tokens.upperBound : 0
            if s >= 2, s - 2 >= prevEnd, tokens[s - 1].norm == "-", !tokens[s - 1].spaceBefore, !tokens[s].spaceBefore,
               ["l", "d", "dl"].contains(tokens[s - 2].norm), tokens[s - 2].isAllUpper {
                mentions[i].tokens = (s - 2)..<mentions[i].tokens.upperBound
                mentions[i].start = tokens[s - 2].start
            }
        }
        mentions.remove(at: drop)
    }

    /// Extends drug mentions over a following salt word and a preceding product word, makes a drug
    /// followed by a class head into the class, and drops drugs that name an organism's trait.
    static func extend(_ mentions: inout [EntityMention], _ tokens: [Token]) {
        let n = tokens.count
        let traits = Set(mentions.indices.filter { i in
            let m = mentions[i]
            guard m.kind == .drug else { return false }
            var k = m.tokens.upperBound
            if k < n, tokens[k].norm == "-" { k += 1 }
            return k < n && traitWords.contains(tokens, k)
        })
        mentions.remove(at: traits)
        mergeSalts(&mentions, tokens)
        for i in mentions.indices where mentions[i].kind == .drug {
            let e = mentions[i].tokens.upperBound
            var k = e
            while k < n, k - e < 4, classLinks.contains(tokens, k) { k += 1 }
            guard k < n, classHeads.contains(tokens, k) else { continue }
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
        var covered = [Bool](filled: false, count: n)
        for m in mentions { for k in m.tokens where k < n { covered[k] = true } }
        for i in mentions.indices where mentions[i].kind == .drug {
            let m = mentions[i]
            let e = m.tokens.upperBound
            // Never over another mention: "sodium" may be a drug of its own.
            if e < n, tokens[e].kind == .word, salts.contains(tokens, e), !tokens[e].blankLineBefore, !covered[e] {
                mentions[i].tokens = m.tokens.lowerBound..<(e + 1)
                mentions[i].end = tokens[e].end
                covered[e] = true
            }
            // "pegylated interferon", "peg-interferon", "recombinant human interferon"
            var s = m.tokens.lowerBound
            while s > 0, !covered[s - 1] {
                let w = tokens[s - 1].norm
                if productWords.contains(w) || (w == "human" && s > 1 && productWords.contains(tokens, s - 2)) {
                    s -= 1
                } else if w == "-", !tokens[s - 1].spaceBefore, s > 1, productWords.contains(tokens, s - 2) {
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
