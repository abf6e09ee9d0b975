import Foundation
import Testing
import VigilCore
@testable import VigilIngest

/// "VEGFR1-3", "FGFR1–4", "VEGFR-1/2/3": a numbered family member with the next numbers run on
/// names those members too; a dash after a space ("VEGFR-2 in 3 - 5 patients") does not.
@Test(arguments: [
    ("Lenvatinib inhibits VEGFR1-3, FGFR1–4 and RET.", "lenvatinib", ["FLT1", "KDR", "FLT4", "FGFR1", "FGFR2", "FGFR3", "FGFR4", "RET"]),
    ("Axitinib is a potent inhibitor of VEGFR-1/2/3.", "axitinib", ["FLT1", "KDR", "FLT4"]),
    ("Axitinib inhibits VEGFR-2/-3.", "axitinib", ["KDR", "FLT4"]),
    ("Axitinib inhibits VEGFR-2 in 3 - 5 patients.", "axitinib", ["KDR"]),
    ("Pazopanib, a TKI against VEGFR-1, -2, and -3, PDGFR-α and -β, and c-Kit, was approved.", "pazopanib",
     ["FLT1", "KDR", "FLT4", "PDGFRA", "PDGFRB", "KIT"]),
])
func numberedFamilyMembersRunOn(_ text: String, _ drug: String, _ expected: [String]) throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let out = Extractor(lexicon: lexicon).extract(.init(source: "t", text: text))
    let targets = out.triples.filter { $0.predicate == .targets }
    #expect(targets.allSatisfy { $0.subject.name == drug })
    #expect(targets.compactMap { $0.object.mention?.name } == expected)
}

/// A target named twice in a sentence, by name and abbreviation, is one triple of that sentence.
@Test func aTargetNamedTwiceInASentenceIsOneTriple() throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let text = "Pembrolizumab, an antibody against programmed cell death protein 1 (PD-1), blocks PD-1 signalling."
    let out = Extractor(lexicon: lexicon).extract(.init(source: "t", text: text))
    let targets = out.triples.filter { $0.predicate == .targets }
    #expect(targets.map(\.object.mention?.name) == ["PDCD1"])
}

/// Who acts on which target when a sentence names several drugs, antibodies by their target
/// ("an anti-PD-1 antibody") and ranges of receptors ("VEGF receptors 1-3").
@Test(arguments: [
    // An antibody named by its target, in apposition, in brackets, or before the drug.
    ("Nivolumab, an anti-PD-1 antibody, and ipilimumab, a CTLA-4 blocker, were combined.",
     ["nivolumab PDCD1", "ipilimumab CTLA4"]),
    ("Pembrolizumab (anti-PD-1) was continued.", ["pembrolizumab PDCD1"]),
    ("The anti-TNF agent infliximab was started.", ["infliximab TNF"]),
    // Autoantibodies of a lab test are no drug's target.
    ("Anti-thyroglobulin and anti-thyroid peroxidase antibodies were negative.", []),
    // The subject is the nearest drug and the drugs listed with it, not one of an earlier clause.
    ("Imatinib was given for two years; later sunitinib inhibited KIT.", ["sunitinib KIT"]),
    ("Sorafenib and sunitinib inhibit VEGFR-2.", ["sorafenib KDR", "sunitinib KDR"]),
    ("AGEP was reported with imatinib, which shares with sorafenib the inhibition of PDGFR.",
     ["imatinib PDGFR", "sorafenib PDGFR"]),
    // A drug's name in a hyphenated compound is not a subject.
    ("Captopril is an angiotensin-converting enzyme (ACE) inhibitor.", ["captopril ACE"]),
    ("Therefore, angiotensin-converting enzyme (ACE) inhibitors were given.", []),
    // Targets listed before a noun trigger; verbs that act on a target without inhibiting it.
    ("Ruxolitinib, a JAK1/JAK2 inhibitor, was given.", ["ruxolitinib JAK1", "ruxolitinib JAK2"]),
    ("Secukinumab neutralizes interleukin-17A.", ["secukinumab IL17A"]),
    ("Apixaban is a direct factor Xa inhibitor.", ["apixaban F10"]),
    // A noun trigger names the drugs right after it, and only those.
    ("The BRAF inhibitor dabrafenib and the MEK inhibitor trametinib were combined.",
     ["dabrafenib BRAF", "trametinib MEK"]),
    ("Hepatitis is seen with EGFR inhibitors gefitinib or erlotinib.", ["gefitinib EGFR", "erlotinib EGFR"]),
    ("He was treated with the ACE inhibitor lisinopril and the ARB losartan.", ["lisinopril ACE"]),
    // A noun trigger with no drug of its own is no other drug's: the drug before it must be in
    // apposition, and a drug after it must be introduced.
    ("Decreased elimination of MTX induced by the COX-2 inhibitor caused toxicity.", []),
    ("The effects of proton pump inhibitors on the pharmacokinetics of atazanavir were studied.", []),
    ("TNF-alpha inhibitors, such as infliximab and etanercept, are used in Crohn's disease.",
     ["infliximab TNF", "etanercept TNF"]),
    ("Captopril, a competitive inhibitor of angiotensin-converting enzyme, is widely used.", ["captopril ACE"]),
    // A gene as the patient's genotype.
    ("Citalopram: an interaction study in a patient heterozygous for CYP2D6 genotype.", []),
    ("The rash was caused by inhibition of EGFR by erlotinib.", ["erlotinib EGFR"]),
    ("Both drugs inhibit VEGFR: sorafenib and sunitinib.", ["sorafenib VEGFR", "sunitinib VEGFR"]),
    // A drug set against the subject is not one.
    ("Unlike sorafenib, sunitinib does not inhibit RAF kinases.", ["sunitinib RAF"]),
    // A range in an enumeration names every member.
    ("Regorafenib blocks VEGF receptors 1-3 and TIE2.", ["regorafenib FLT1", "regorafenib KDR", "regorafenib FLT4", "regorafenib TEK"]),
])
func whichDrugActsOnWhichTarget(_ text: String, _ expected: [String]) throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let out = Extractor(lexicon: lexicon).extract(.init(source: "t", text: text))
    let targets = out.triples.filter { $0.predicate == .targets }
    #expect(targets.map { "\($0.subject.name) \($0.object.mention?.name ?? "")" } == expected)
}

/// A hedged trigger makes the link a hypothesis; a denied one, a negation.
@Test func hedgedAndDeniedTargetLinks() throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let extractor = Extractor(lexicon: lexicon)
    let assertion = { (text: String) in
        extractor.extract(.init(source: "t", text: text)).triples.filter { $0.predicate == .targets }.map(\.assertion)
    }
    #expect(assertion("Sorafenib may also inhibit FLT3.") == [.hypothetical])
    #expect(assertion("Sorafenib did not inhibit EGFR in this assay.") == [.negated])
    #expect(assertion("Sorafenib inhibits FLT3.") == [.affirmed])
}

/// A plain drug name is that drug, not an enantiomer whose synonym is the name in brackets
/// ("(+)-warfarin", "(-)-ofloxacin"): the vocabulary drops synonyms that read, without their
/// punctuation, as another drug's name.
@Test(arguments: ["warfarin", "omeprazole", "verapamil", "propranolol", "ofloxacin", "fluoxetine"])
func aDrugsNameIsThatDrug(_ name: String) throws {
    let lexicon = try Lexicon(directory: seedsDirectory.appendingPathComponent("vocab"))
    let out = Extractor(lexicon: lexicon).extract(.init(source: "t", text: "Rash developed after \(name).", line: 1))
    #expect(out.triples.first?.subject.name == name)
}
