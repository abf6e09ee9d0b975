import VigilCore

/// Reactions written without their noun: a state after a copula ("she became lethargic and
/// confused"), a symptom of a body part ("testicular swelling", "swelling of the lips"), the
/// effects of an organ system ("ocular side effects").
enum SymptomPhrases {
    /// Adjectives of state and the reaction each names.
    static let states: [String: String] = [
        "lethargic": "lethargy", "confused": "confusion", "agitated": "agitation", "delirious": "delirium",
        "drowsy": "drowsiness", "somnolent": "somnolence", "obtunded": "obtundation", "comatose": "coma",
        "stuporous": "stupor", "unresponsive": "unresponsiveness", "disoriented": "disorientation",
        "hypotensive": "hypotension", "hypertensive": "hypertension", "tachycardic": "tachycardia",
        "bradycardic": "bradycardia", "febrile": "fever", "hypoxic": "hypoxia", "hypoxemic": "hypoxemia",
        "apneic": "apnea", "apnoeic": "apnea", "tachypneic": "tachypnea", "dyspneic": "dyspnea", "dyspnoeic": "dyspnea",
        "cyanotic": "cyanosis", "jaundiced": "jaundice", "icteric": "jaundice", "anemic": "anemia",
        "anaemic": "anemia", "neutropenic": "neutropenia", "thrombocytopenic": "thrombocytopenia",
        "leukopenic": "leukopenia", "pancytopenic": "pancytopenia", "hypoglycemic": "hypoglycemia",
        "hypoglycaemic": "hypoglycemia", "hyperglycemic": "hyperglycemia", "hyperglycaemic": "hyperglycemia",
        "hyponatremic": "hyponatremia", "hyponatraemic": "hyponatremia", "hyperkalemic": "hyperkalemia",
        "hyperkalaemic": "hyperkalemia", "hypokalemic": "hypokalemia", "hypokalaemic": "hypokalemia",
        "hypocalcemic": "hypocalcemia", "hypercalcemic": "hypercalcemia", "acidotic": "acidosis",
        "psychotic": "psychosis", "manic": "mania", "hypomanic": "hypomania", "anxious": "anxiety",
        "euphoric": "euphoria", "paranoid": "paranoia", "ataxic": "ataxia", "dysarthric": "dysarthria",
        "aphasic": "aphasia", "tremulous": "tremor", "dizzy": "dizziness", "nauseated": "nausea", "nauseous": "nausea",
        "diaphoretic": "diaphoresis", "hypothyroid": "hypothyroidism", "hyperthyroid": "hyperthyroidism",
        "oliguric": "oliguria", "anuric": "anuria", "edematous": "edema", "oedematous": "edema",
        "encephalopathic": "encephalopathy", "hallucinating": "hallucinations", "combative": "aggression",
        "aggressive": "aggression", "irritable": "irritability", "restless": "restlessness",
        "incontinent": "incontinence", "bald": "alopecia", "blind": "blindness", "deaf": "deafness",
        "impotent": "impotence", "amnesic": "amnesia", "amnestic": "amnesia", "hypothermic": "hypothermia",
        "hyperthermic": "hyperthermia", "dehydrated": "dehydration", "septic": "sepsis", "catatonic": "catatonia",
        "suicidal": "suicidal ideation", "hyperactive": "hyperactivity", "dystonic": "dystonia",
        "cushingoid": "cushingoid features", "pruritic": "pruritus", "itchy": "pruritus", "syncopal": "syncope",
        "sedated": "sedation", "hypervolemic": "hypervolemia", "hypovolemic": "hypovolemia",
    ]
    static let copulas: WordSet = ["was", "were", "is", "are", "became", "become", "becomes", "becoming",
                                       "remained", "remains", "appeared", "appears", "felt", "feels", "feeling",
                                       "looked", "seemed", "got", "grew", "turned", "being", "been", "went"]
    static let degreeWords: WordSet = ["very", "extremely", "markedly", "severely", "profoundly", "increasingly",
                                           "more", "progressively", "acutely", "mildly", "transiently", "persistently",
                                           "also", "still", "then", "briefly", "completely", "totally", "somewhat",
                                           "slightly", "intermittently", "rapidly", "gradually", "subsequently"]

    /// Words after a state adjective that show it stands alone ("confused and agitated", "drowsy after").
    static let stateFollowers: WordSet = [
        "and", "or", "but", "with", "after", "during", "on", "for", "in", "at", "when", "while", "following", "from",
        "to", "since", "as", "despite", "within", "over", "again", "then", "until", "because", "due", "shortly",
        "immediately", "soon", "throughout", "without", "by",
    ]

    /// Symptoms that take the body part they affect.
    static let symptomHeads: WordSet = [
        "swelling", "pain", "pigmentation", "hyperpigmentation", "discoloration", "discolouration", "ulceration",
        "ulcerations", "stiffness", "numbness", "tingling", "tenderness", "dryness", "irritation", "enlargement",
        "deposits", "weakness", "cramps", "cramping", "twitching", "twitches", "bleeding", "spasms", "burning",
        "redness", "blistering", "erosions", "atrophy",
    ]
    static let bodyParts: WordSet = [
        "lip", "lips", "tongue", "face", "facial", "eyelid", "eyelids", "hand", "hands", "foot", "feet", "leg", "legs",
        "arm", "arms", "finger", "fingers", "toe", "toes", "nail", "nails", "skin", "joint", "joints", "muscle",
        "muscles", "chest", "abdominal", "abdomen", "back", "neck", "throat", "oral", "gingival", "gum", "gums",
        "testicular", "scrotal", "breast", "breasts", "cerebral", "brain", "periorbital", "eye", "eyes", "ocular",
        "knee", "knees", "ankle", "ankles", "bone", "bones", "jaw", "mouth", "tooth", "teeth", "dental", "penile",
        "vaginal", "vulvar", "rectal", "anal", "epigastric", "flank", "limb", "limbs", "extremities", "extremity",
        "scalp", "ear", "ears", "nasal", "mucosal", "retrosternal", "pleuritic", "calf", "calves", "thigh", "thighs",
        "shoulder", "shoulders", "wrist", "wrists", "hip", "hips", "lumbar", "pelvic", "genital", "parotid",
        "salivary", "submandibular", "laryngeal", "pharyngeal", "conjunctival", "corneal", "palpebral", "perioral",
        "lower", "upper",
    ]
    static let bodyNouns: WordSet = [
        "lip", "lips", "tongue", "face", "eyelid", "eyelids", "hand", "hands", "foot", "feet", "leg", "legs", "arm",
        "arms", "finger", "fingers", "toe", "toes", "nail", "nails", "skin", "joint", "joints", "muscle", "muscles",
        "chest", "abdomen", "back", "neck", "throat", "gums", "breast", "breasts", "brain", "eye", "eyes", "knee",
        "knees", "ankle", "ankles", "bone", "bones", "jaw", "mouth", "teeth", "scalp", "ears", "calves", "thighs",
        "shoulders", "wrists", "hips", "extremities", "limbs", "trunk", "palms", "soles", "cornea", "conjunctiva",
        "testis", "testes", "scrotum", "penis", "gingiva", "mucosa", "larynx", "pharynx", "parotid", "parotids",
    ]
    /// Nouns that make a disorder adjective a reaction: "hypomanic symptoms" ("changes" stays out:
    /// "ischemic changes" on an ECG are a finding, not a reaction).
    static let complaintHeads: WordSet = ["symptoms", "symptom", "complaints", "manifestations", "disturbances",
                                              "disturbance", "abnormalities", "dysfunction"]
    static let notComplaintAdjectives: WordSet = ["beneficial", "favorable", "favourable", "common", "structural",
                                                      "conformational", "functional", "molecular", "cellular",
                                                      "genetic", "histological", "histologic", "dietary", "hormonal"]

    /// "ocular side effects": an organ system's adverse effects are a reaction of their own.
    static let effectHeads: [[String]] = [["side", "effects"], ["side", "effect"], ["side", "-", "effects"],
                                          ["side", "-", "effect"], ["adverse", "effects"], ["adverse", "effect"],
                                          ["adverse", "reactions"], ["adverse", "reaction"], ["adverse", "events"],
                                          ["toxic", "effects"], ["toxicities"], ["complications"], ["complication"]]
    static let systemWords: WordSet = [
        "ocular", "visual", "hematologic", "hematological", "haematological", "haematologic", "neuropathic",
        "neurologic", "neurological", "cutaneous", "mucocutaneous", "dermatologic", "dermatological", "skin",
        "hemorrhagic", "haemorrhagic", "hepatic", "hepatotoxic", "renal", "nephrotoxic", "cardiac", "cardiovascular",
        "pulmonary", "respiratory", "gastrointestinal", "intestinal", "psychiatric", "neuropsychiatric", "infectious",
        "extrapyramidal", "anticholinergic", "cholinergic", "muscarinic", "endocrine", "metabolic", "musculoskeletal",
        "ototoxic", "retinal", "thrombotic", "thromboembolic", "allergic", "autoimmune", "immunologic",
        "immune", "ophthalmic", "ophthalmologic", "neuromuscular", "cognitive", "behavioral", "behavioural", "sexual",
        "mucosal", "vascular", "cerebrovascular", "hepatobiliary", "urologic", "urinary", "hematopoietic",
        "myelotoxic", "neurotoxic", "cardiotoxic", "psychological", "emotional", "sensory", "motor", "auditory",
        "vestibular", "teratogenic", "fetal", "foetal", "lethal", "fatal", "serious", "severe",
    ]

    /// Every word a phrase is found from.
    static let phraseWords = WordSet(copulas.set.union(symptomHeads.set).union(complaintHeads.set)
        .union(systemWords.set))

    /// Adds the phrases over tokens no mention of another kind covers; a reaction inside the
    /// phrase gives way to it.
    static func add(_ mentions: inout [EntityMention], _ tokens: [Token], limit: Int, lexicon: Lexicon) {
        let n = tokens.count
        var kindAt = [EntityKind?](filled: nil, count: n)
        for m in mentions { for k in m.tokens where k < n { kindAt[k] = m.kind } }
        var found: [(Range<Int>, String)] = []
        var k = 0
        while k < n, tokens[k].start < limit {
            defer { k += 1 }
            guard tokens[k].kind == .word, phraseWords.contains(tokens, k) else { continue }
            let w = tokens[k].norm
            // "she became lethargic and confused"
            if copulas.contains(tokens, k) {
                var j = k + 1
                while j < n, degreeWords.contains(tokens, j) { j += 1 }
                while j < n, kindAt[j] == nil, let r = states[tokens[j].norm] {
                    // "was febrile neutropenia", "was hypertensive crisis": the adjective belongs to a noun.
                    if j + 1 < n, tokens[j + 1].kind != .punct, !stateFollowers.contains(tokens, j + 1) { break }
                    found.append((j..<(j + 1), r))
                    var q = j + 1
                    while q < n, [",", "and", "or"].contains(tokens[q].norm) || degreeWords.contains(tokens, q) { q += 1 }
                    guard q > j + 1 else { break }
                    j = q
                }
                continue
            }
            // "testicular swelling", "lower leg pain"
            if symptomHeads.contains(tokens, k), kindAt[k] != .drug {
                var s = k
                while s - 1 >= 0, k - s < 2, tokens[s - 1].kind == .word, kindAt[s - 1] == nil,
                      bodyParts.contains(tokens, s - 1) { s -= 1 }
                while s < k, tokens[s].norm == "lower" || tokens[s].norm == "upper",
                      s + 1 == k || !bodyParts.contains(tokens, s + 1) { s += 1 }
                if s < k {
                    found.append((s..<(k + 1), (s...k).map { tokens[$0].norm }.joined(separator: " ")))
                    continue
                }
                // "swelling of the lips", "pain in the legs"
                var j = k + 1
                guard j < n, ["of", "in"].contains(tokens[j].norm) else { continue }
                j += 1
                if j < n, ["the", "both", "her", "his", "their"].contains(tokens[j].norm) { j += 1 }
                if j < n, ["left", "right", "lower", "upper"].contains(tokens[j].norm) { j += 1 }
                guard j < n, kindAt[j] == nil, bodyNouns.contains(tokens, j) else { continue }
                found.append((k..<(j + 1), "\(w) of \(tokens[j].norm)"))
                continue
            }
            // "hypomanic symptoms", "musculoskeletal complaints"
            if complaintHeads.contains(tokens, k), kindAt[k] == nil, k > 0 {
                var s = k
                while s > 0, k - s < 3, kindAt[s - 1] == nil, ReactionSpans.isDisorderAdjective(tokens[s - 1])
                        || (tokens[s - 1].norm == "-" && s > 1 && !tokens[s - 1].spaceBefore && tokens[s - 2].kind == .word) {
                    s -= tokens[s - 1].norm == "-" ? 2 : 1
                }
                if s < k, !notComplaintAdjectives.contains(tokens, s) {
                    found.append((s..<(k + 1), (s...k).filter { tokens[$0].kind != .punct }.map { tokens[$0].norm }
                        .joined(separator: " ")))
                    continue
                }
            }
            // "ocular side effects", "fatal toxicities"
            if systemWords.contains(tokens, k), kindAt[k] != .drug {
                for head in effectHeads {
                    let e = k + 1 + head.count
                    guard e <= n, (0..<head.count).allSatisfy({ tokens[k + 1 + $0].norm == head[$0] }) else { continue }
                    // "serious adverse events" and "severe complications" name no reaction.
                    if ["serious", "severe", "lethal", "fatal"].contains(w) && head.count > 1 { break }
                    found.append((k..<e, ([w] + head.filter { $0 != "-" }).joined(separator: " ")))
                    break
                }
            }
        }
        guard !found.isEmpty else { return }
        var replace = Set<Int>()
        var extra: [EntityMention] = []
        for (range, name) in found {
            let inside = mentions.indices.filter { mentions[$0].tokens.overlaps(range) }
            // Only reactions may sit inside, and only wholly.
            guard inside.allSatisfy({ mentions[$0].kind == .reaction && range.contains(mentions[$0].tokens.lowerBound)
                                      && range.contains(mentions[$0].tokens.upperBound - 1) }) else { continue }
            // A lexicon name the phrase only repeats stays as it is ("chest pain").
            if inside.count == 1, mentions[inside[0]].tokens == range { continue }
            replace.formUnion(inside)
            let concept = reactionConcept(name, lexicon) ?? -1
            let canonical = concept >= 0 ? lexicon.concepts.name(Int(concept)) : name
            extra.append(EntityMention(kind: .reaction, name: canonical, concept: concept, tokens: range,
                                       start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end))
        }
        guard !extra.isEmpty else { return }
        mentions.replace(replace, with: extra)
    }

    /// The reaction concept a name stands for in the lexicon, if it is one of its names.
    static func reactionConcept(_ name: String, _ lexicon: Lexicon) -> Int32? {
        var key: UInt64 = 0
        for t in Tokenizer.normalizedWords(name) { key = combine(key, t.hash) }
        return lexicon.concept(key: key, kind: .reaction)
    }
}
