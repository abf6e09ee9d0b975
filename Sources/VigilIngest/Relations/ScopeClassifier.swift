import VigilCore

/// Whose fact a sentence states: the patient of the report (`case`) or the literature it cites
/// (`literature`: background, earlier reports, a drug's known profile).
enum ScopeClassifier {
    static let casePhrases = [
        "our patient", "our case", "this patient", "the present patient", "present case", "in this case",
        "in the present case", "we report", "we present", "we describe", "here we", "here, we", "herein",
        "year-old", "year old", "this case", "the patient", "our report", "a case of", "in our",
        "in her", "in his", "the man", "the woman", "he was", "she was", "he had", "she had", "he developed",
        "she developed", "he received", "she received", "his ", "her ",
    ]
    static let literaturePhrases = [
        "reported", "literature", "known", "common", "commonest", "most frequent", "frequently", "previous",
        "previously", "cases of", "have been", "has been", "studies", "trials", "incidence", "several",
        "usually", "typically", "include", "including", "includes", "rare", "can cause", "can occur", "may cause",
        "patients", "is associated", "are associated", "adverse effects", "side effects", "side-effects",
    ]
    /// Stronger than a section's default: these words say the sentence is about other reports.
    static let reportPhrases = ["has been reported", "have been reported", "been published", "in the literature",
                                "previous case", "previous report", "cases of", "case reports", "reports of"]

    static func scope(_ words: String, section: String?) -> Scope {
        // Each list is searched only where the section needs it: this ran for every sentence of a report.
        var caseCue: Bool { casePhrases.contains { words.has($0) } }
        var litCue: Bool { literaturePhrases.contains { words.has($0) } }
        var reportCue: Bool { reportPhrases.contains { words.has($0) } }
        switch section {
        case "title": return .case
        case "case", "caption":
            // Report pages without a Discussion heading: the drug's known profile, told in the case section.
            let patient = [" our ", "patient ", " he ", " she ", " his ", " her ", "this case", "year-old"].contains { words.has($0) }
            var profile: Bool { ["adverse effects", "side effects", "side-effects", "most frequent", "most common",
                           "include", "are known", "is known"].contains { words.has($0) } }
            if patient { return .case }
            return profile || reportCue ? .literature : .case
        case "introduction", "discussion", "conclusion", "methods", "results":
            let strongCase = ["our patient", "our case", "this patient", "the present patient", "present case",
                              "in this case", "in the present case", "we report", "we present", "we describe",
                              "herein", "in our"].contains { words.has($0) }
            return strongCase ? .case : .literature
        default:
            if reportCue && !words.has("we report") && !words.has("we describe") { return .literature }
            if caseCue { return .case }
            return litCue ? .literature : .case
        }
    }
}
