import VigilCore

/// Whose fact a sentence states: the patient of the report (`case`) or the literature it cites
/// (`literature`: background, earlier reports, a drug's known profile).
enum ScopeClassifier {
    static let casePhrases: PhraseList = [
        "our patient", "our case", "this patient", "the present patient", "present case", "in this case",
        "in the present case", "we report", "we present", "we describe", "here we", "here, we", "herein",
        "year-old", "year old", "this case", "the patient", "our report", "a case of", "in our",
        "in her", "in his", "the man", "the woman", "he was", "she was", "he had", "she had", "he developed",
        "she developed", "he received", "she received", "his ", "her ",
    ]
    static let literaturePhrases: PhraseList = [
        "reported", "literature", "known", "common", "commonest", "most frequent", "frequently", "previous",
        "previously", "cases of", "have been", "has been", "studies", "trials", "incidence", "several",
        "usually", "typically", "include", "including", "includes", "rare", "can cause", "can occur", "may cause",
        "patients", "is associated", "are associated", "adverse effects", "side effects", "side-effects",
    ]
    /// Stronger than a section's default: these words say the sentence is about other reports.
    static let reportPhrases: PhraseList = ["has been reported", "have been reported", "been published", "in the literature",
                                "previous case", "previous report", "cases of", "case reports", "reports of"]

    static let patientPhrases: PhraseList = [" our ", "patient ", " he ", " she ", " his ", " her ", "this case", "year-old"]
    static let profilePhrases: PhraseList = ["adverse effects", "side effects", "side-effects", "most frequent",
                                             "most common", "include", "are known", "is known"]
    static let strongCasePhrases: PhraseList = [
        "our patient", "our case", "this patient", "the present patient", "present case", "in this case",
        "in the present case", "we report", "we present", "we describe", "herein", "in our",
    ]

    static let weReportPhrases: PhraseList = ["we report", "we describe"]

    static func scope(_ words: String, section: String?) -> Scope {
        // Each list is searched only where the section needs it: this ran for every sentence of a report.
        let text = BytePairs(words)
        var caseCue: Bool { casePhrases.any(in: text) }
        var litCue: Bool { literaturePhrases.any(in: text) }
        var reportCue: Bool { reportPhrases.any(in: text) }
        switch section {
        case "title": return .case
        case "case", "caption":
            // Report pages without a Discussion heading: the drug's known profile, told in the case section.
            let patient = patientPhrases.any(in: text)
            var profile: Bool { profilePhrases.any(in: text) }
            if patient { return .case }
            return profile || reportCue ? .literature : .case
        case "introduction", "discussion", "conclusion", "methods", "results":
            let strongCase = strongCasePhrases.any(in: text)
            return strongCase ? .case : .literature
        default:
            if reportCue && !weReportPhrases.any(in: text) { return .literature }
            if caseCue { return .case }
            return litCue ? .literature : .case
        }
    }
}
