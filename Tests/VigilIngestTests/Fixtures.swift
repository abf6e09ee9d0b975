import Foundation
@testable import VigilIngest
import VigilCore

/// A small lexicon written out here, so that most tests do not depend on the vocabulary files.
let smallLexicon = Lexicon(
    drugs: [("sorafenib", ["Nexavar"]), ("imatinib", ["Gleevec"]), ("docetaxel", []), ("lamivudine", []),
            ("carbamazepine", []), ("heparin", [])],
    reactions: [("radiation recall dermatitis", ["RRD"]), ("hand-foot skin reaction", ["HFSR", "hand-foot syndrome"]),
                ("acute generalized exanthematous pustulosis", ["AGEP"]), ("fever", ["pyrexia"]),
                ("mucosal lesion", []), ("toxic epidermal necrolysis", ["TEN"]), ("hepatocellular carcinoma", ["HCC"]),
                ("rash", ["skin eruption"]), ("thrombocytopenia", []), ("pruritus", ["itching"])],
    targets: [("RAF1", ["Raf-1", "C-RAF"], "Raf-1 proto-oncogene"), ("BRAF", ["B-Raf"], "B-Raf proto-oncogene"),
              ("PDGFRB", ["PDGFR-β"], "platelet derived growth factor receptor beta"),
              ("FLT1", [], "fms related receptor tyrosine kinase 1"), ("KDR", [], "kinase insert domain receptor"),
              ("FLT4", [], "fms related receptor tyrosine kinase 4")],
    families: [("VEGFR", ["FLT1", "KDR", "FLT4"], ["vascular endothelial growth factor receptor", "VEGFRs"]),
               ("PDGFR", ["PDGFRA", "PDGFRB"], ["platelet-derived growth factor receptor"])])

let smallExtractor = Extractor(lexicon: smallLexicon)

func analyse(_ text: String) -> AnalysedDocument { AnalysedDocument(text: text, lexicon: smallLexicon) }

func sentenceTexts(_ text: String) -> [String] {
    let a = analyse(text)
    return a.sentences.map { a.cleanText($0) }
}

func mentions(_ text: String) -> [(EntityKind, String, String)] {
    let a = analyse(text)
    return a.mentions.map { ($0.kind, $0.name, a.string($0.start, $0.end)) }
}

/// The repository's Seeds folder (vocabularies and sample reports).
let seedsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Seeds")
