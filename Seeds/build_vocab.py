#!/usr/bin/env python3
"""Build the Vigil seed vocabularies in Seeds/vocab/ from the shared reference data.

Usage (from the repository root):

    python3 Seeds/build_vocab.py --data ../shared/data

Standard library only. Output is deterministic: rerunning on the same inputs gives
byte-identical files. See Seeds/vocab/SOURCES.md (written by this script) for
sources, licences and filtering rules.

Licence rules enforced here:
  * DrugBank open vocabulary (CC0), HGNC, INDRA kinase list, DrugCentral 2016 tables
    (CC BY 4.0) are used.
  * From the CTD MEDIC file only MeSH content is taken (rows with DiseaseID "MESH:*":
    name, synonyms, MeSH parent links, tree numbers for filtering). OMIM rows and
    CTD-specific columns (AltDiseaseIDs, Definition, SlimMappings) are dropped.
  * SIDER is not read at all. The DrugCentral 2018 file (CC BY-SA) is not read.
"""

import argparse
import csv
import gzip
import io
import os
import re
import sys
import unicodedata
from collections import defaultdict

csv.field_size_limit(sys.maxsize)

# ---------------------------------------------------------------------------
# Generic helpers
# ---------------------------------------------------------------------------


def sort_key(s):
    return (s.casefold(), s)


def uniq_sorted(values):
    return sorted(set(v for v in values if v), key=sort_key)


def clean_field(s):
    """No tabs / newlines / pipes inside a value (pipe is our multi-value separator)."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\t", " ").replace("\r", " ").replace("\n", " ").replace("|", "/")
    return re.sub(r"\s+", " ", s).strip()


def write_tsv(path, header, rows):
    """rows: list of lists; list-valued cells are joined with '|'."""
    out = []
    for r in rows:
        cells = []
        for c in r:
            if isinstance(c, (list, tuple)):
                c = "|".join(clean_field(x) for x in c)
            else:
                c = clean_field(str(c))
            cells.append(c)
        out.append("\t".join(cells))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(header) + "\n")
        for line in out:
            f.write(line + "\n")
    return len(out)


def key(s):
    """Matching key: case-folded, hyphens/underscores as spaces, collapsed spaces."""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("\u2010", "-").replace("\u2011", "-").replace("\u2013", "-").replace("\u2019", "'")
    s = re.sub(r"[-_]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def is_plain(s):
    """Written with letters, digits, spaces and hyphens only: no brackets, signs or commas."""
    return re.fullmatch(r"[\w\s-]+", s) is not None


def word_key(s):
    """The words the extractor matches a name by: its tokenizer drops punctuation and splits
    letters from digits, so "(-)-omeprazole" is matched as "omeprazole"."""
    return " ".join(re.findall(r"[^\W\d_]+|\d+", unicodedata.normalize("NFKC", s).casefold()))


# Abbreviations that mean something else in a case report (lab tests, drugs, other diseases):
# never taken from MeSH/CTD as a reaction's synonym. Curated entries may still use them.
CLINICAL_ABBREVIATIONS = set("""
ALP ALT AST GGT LDH CRP ESR INR APTT PTT CK CPK BUN TSH PSA PPD PCT PTH ANA ANCA RF HLA CT MRI PET ECG EKG EEG EMG
TAM DES MTX AZA CSA HCQ SSZ ATG IVIG PPI NSAID ACE ARB DM DM1 DM2 HD PD AD MS CF RA OA ICU ED BMI
""".split())


def is_acronym(s):
    """All capitals (and digits), 2 to 6 characters: a short form, not a word."""
    return re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", s) is not None


def abbreviates(short, long_form):
    """Whether the letters of `short` are the initials of words of `long_form`, in order (words
    may be skipped): COPD of "chronic obstructive pulmonary disease", ARF of "acute renal failure";
    not AMD of "glycogen storage disease type II" or DES of "dysequilibrium syndrome"."""
    initials = [w[0] for w in re.split(r"[\s\-/,()]+", long_form.casefold()) if w]
    letters = short.casefold()
    i = 0
    for c in letters:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True


def plural_keys(k):
    """Singular candidates of a matching key (for ownership checks only)."""
    out = [k]
    if k.endswith("ses"):
        out.append(k[:-3] + "sis")
    if k.endswith("s"):
        out.append(k[:-1])
    return out


def is_numeric(s):
    return re.fullmatch(r"[\d\s.,:/%+-]+", s) is not None


# ---------------------------------------------------------------------------
# Stop lists (written for this project)
# ---------------------------------------------------------------------------

# Common English words that must never be used as a synonym / alias for text matching.
ENGLISH_STOP = set("""
a about above act acts add after again against age ago aid aids aim aims air all also
alter am among an and angel any apex apple are area arm army art as ask at atlas aura
avid away baby back bad balance ball band bank bar base bat be beam bear beat bed bee
been before being bell below best better big bill bit black blast blind block blood
blue board body bold bond bone book boost born boss both box boy brave bridge bright
bring broad brown build bull burn bus but buy by call calm came camp can cancel cap
car care carry case cash cat catch cause cell center central chain chair change charge
chart chase check chief child choice city claim class clean clear climb clock close
cloud club coach coat code cold come common cool cope copy core cost could count cover
crash cross crown cure cut dam dart dash data date day dead deal dear deep deny desk
did die diet dig dip direct do does dog done door dose double down draw dream dress
drive drop dry due duo dust duty each ear early earn ease east easy eat echo edge ego
else end enjoy enter equal era even event ever every exact exit eye face fact fair
faith fall far farm fast fat fear feel few field fight file fill film final find fine
fire firm first fit five fix flag flash flat fleet flex flow fly focus fold folk food
foot for force form forte fort forward four frame free fresh from front full fun fund
gain game gap gas gate gave gear get gift girl give glad glow go goal god going good
got grace grand great green grip group grow guard guide gun guy had hair half hall
hand hang happy hard has hat hate have he head hear heart heat held help her here hero
high him his hit hold hole home hope horse host hot hour house how huge human i ice
idea if ill in inch into iron is it item its jet job join joint joy jump just keep
key kid kill kind king knee know lab lack lady laid land large last late law lay lead
lean learn least leave left leg lend less let level lie life lift light like limit
line link lion list little live load loan local lock long look lord lose loss lost
lot love low luck made magic main major make male man many map mark mass master match
max may me mean meet men mercy mid might mild mile mind mine miss mix mode model money
month moon more most mother move much must my name near neat need net never new news
next nice night nine no none nor normal north nose not note now number nurse odd of
off offer office often oil ok old on once one only open or order other our out over
own page pain pair pal pan park part pass past path pay peace peak pen people per
pet pick pilot pin pink place plain plan plant play plus point pole pool poor pop
port post pot power press price pride prime pro prompt proof pure push put quest
quick quiet race rain raise ran range rapid rare rate raw reach read ready real red
relax release relief rely rest result rich ride right ring rise risk road rock role
roll roof room root rose round rule run rush safe said sail salt same sand save saw
say scale scan school sea seal season seat second see seek seem self sell send sense
serve set seven shade shape share sharp she shield shift shine ship shop short shot
should show shut sick side sight sign silk simple sing single sir sit six size skin
sky sleep slim slow small smart smile snow so soft soil sold sole solid some son song
soon sort soul sound south space spark speak special speed spin spirit split spot
spring square staff stage stand star start state stay steady steel step stick still
stock stone stop store storm story strong study style such sun super sure swift
table tail take talk tall task team tell ten term test than that the their them then
there these they thin thing think this those three through tide tie time tiny tip to
today together told tone too took top total touch tour town track trade train tree
trend trial trip true trust try turn twin two type under union unit unite up upon us
use used user valid value van very via view vital vivid voice wait walk wall want war
warm was wash watch water wave way we wear week well went were west what wheel when
where which while white who whole why wide will win wind window wing wise wish with
woman won wonder word work world would write year yes yet you young your zero zone
ultra ada ace aide ally aloe amber angle arch ash bald bare bay bean beef belt bend
bet bias bid bin bloom bow bud buzz cage cake cane cape card cart cave chalk chip cite
clip coal cod coil cone cord corn crab crew crop cue cup curl dawn deck dew dim dine
disc dock dot dove drum dune eagle elm era fan fee fig fin flame flint flu foam fog
fox fur gel gem glue gold grain grape grid gum gust hay hen herb hive hook horn hub
hut ink ivy jam jar jaw jazz kit knot lace lamb lamp lane lap leaf lime lip log loop
lot mat maze mint mist mole moss mud mug nail nest nut oak oar oat orb ore owl pad
palm pea peach pear pearl pie pig pill pine pit plum pod pony pump rag ram ray reed
rib rice rim rod rope rug rye sage sap scar seed shell silo sip ski slab slot smog
sock sod soy spa spur stem sum tab tag tan tap tar tea tin toe ton tub urn vase vat
vet vine web wig wit wool yarn yoke zinc zip
alert allure amen ample aspire assure atlas avert bravo calm candid clarity comfort
cozy dart dynamic elite empower endure enhance equip esteem ever evolve excel express
fancy flair focus forever fortune fusion genius glory harmony haven honor icon ideal
impact infinity inspire instinct keen legacy liberty loyal lucid lucky marvel mellow
merit miracle motive noble nova omega optimum orbit origin pace patrol pioneer pivot
plenty premier prestige prime promise pulse quantum quest radiant rally rebel regal
remedy rescue restore revive rival royal sage savvy secure serene solace sonic spark
sprint stellar strive summit superb supreme swift synergy tempo thrive titan token
triumph trophy ultimate unity valor vantage velocity venture verve victory vigor
virtue vision vista vital vivid vogue wonder zeal zenith
capture cascade monitor sequel tirade primus osprey cosmos inspire tetris lambda
merlin mercury apex
""".split())

# DrugBank rows whose canonical name is a food, plant, animal or other everyday word
# (mostly allergenic extracts). They are dropped from drugs.tsv: in case reports these
# words are foods/allergens, not drugs, and they would flood text matching.
FOOD_WORDS = set("""
air allspice almond apple apricot avocado banana barley basil bean beef beet blood
bluefish broccoli cabbage cacao caraway cardamom cardamon carob carrot cashew cashews
catfish caviar cayenne celery cherry chicken chickpea cinnamon clam clove cloves
cocoa coconut cod codfish coffee corn cotton cucumber cumin date dill duck egg eggplant
elm fennel fig fish flounder flours garlic ginger goose grape grapefruit haddock
hazelnut henna herring honey hops lamb leek lemon lentil lettuce lime lobster mackerel
maize mango mate milk mushroom mustard nutmeg oat oatmeal oats okra olive onion orange
oregano oyster paprika parsley parsnip pea peach peanut pear pecan pecans pepper perch
pistachio plum pork potato poultry pumpkin quahog rabbit radish rice rosemary rye sage
salmon scallop sesame shrimp smelt snail sorghum soybean spinach squash strawberry
thyme timothy tobacco tomato trout tuna turkey turnip veal venison vinegar walnut
wasabi wheat whey yeast yeasts
""".split())

# ---------------------------------------------------------------------------
# Curated drug names, brands and abbreviations (written for this project)
# ---------------------------------------------------------------------------

# generic (as in DrugBank, any name or synonym; resolved case-insensitively) -> brands
CURATED_BRANDS = {
    # kinase inhibitors
    "sorafenib": ["Nexavar"], "imatinib": ["Gleevec", "Glivec"], "sunitinib": ["Sutent"],
    "erlotinib": ["Tarceva"], "gefitinib": ["Iressa"], "nilotinib": ["Tasigna"],
    "dasatinib": ["Sprycel"], "bosutinib": ["Bosulif"], "ponatinib": ["Iclusig"],
    "pazopanib": ["Votrient"], "axitinib": ["Inlyta"], "regorafenib": ["Stivarga"],
    "lenvatinib": ["Lenvima"], "cabozantinib": ["Cabometyx", "Cometriq"],
    "vandetanib": ["Caprelsa"], "tofacitinib": ["Xeljanz"], "ruxolitinib": ["Jakafi", "Jakavi"],
    "baricitinib": ["Olumiant"], "upadacitinib": ["Rinvoq"], "ibrutinib": ["Imbruvica"],
    "acalabrutinib": ["Calquence"], "zanubrutinib": ["Brukinsa"], "lapatinib": ["Tykerb", "Tyverb"],
    "afatinib": ["Gilotrif", "Giotrif"], "osimertinib": ["Tagrisso"], "crizotinib": ["Xalkori"],
    "ceritinib": ["Zykadia"], "alectinib": ["Alecensa"], "brigatinib": ["Alunbrig"],
    "lorlatinib": ["Lorbrena", "Lorviqua"], "vemurafenib": ["Zelboraf"], "dabrafenib": ["Tafinlar"],
    "trametinib": ["Mekinist"], "cobimetinib": ["Cotellic"], "encorafenib": ["Braftovi"],
    "binimetinib": ["Mektovi"], "palbociclib": ["Ibrance"], "ribociclib": ["Kisqali"],
    "abemaciclib": ["Verzenio", "Verzenios"], "everolimus": ["Afinitor", "Zortress", "Certican"],
    "temsirolimus": ["Torisel"], "sirolimus": ["Rapamune"], "neratinib": ["Nerlynx"],
    "tucatinib": ["Tukysa"], "midostaurin": ["Rydapt"], "gilteritinib": ["Xospata"],
    "dacomitinib": ["Vizimpro"], "tivozanib": ["Fotivda"], "nintedanib": ["Ofev", "Vargatef"],
    "idelalisib": ["Zydelig"], "alpelisib": ["Piqray"], "capmatinib": ["Tabrecta"],
    "tepotinib": ["Tepmetko"], "selpercatinib": ["Retevmo"], "pralsetinib": ["Gavreto"],
    "larotrectinib": ["Vitrakvi"], "entrectinib": ["Rozlytrek"], "fedratinib": ["Inrebic"],
    "erdafitinib": ["Balversa"], "pemigatinib": ["Pemazyre"], "fostamatinib": ["Tavalisse"],
    # antibodies / biologics
    "trastuzumab": ["Herceptin"], "bevacizumab": ["Avastin"], "cetuximab": ["Erbitux"],
    "panitumumab": ["Vectibix"], "pembrolizumab": ["Keytruda"], "nivolumab": ["Opdivo"],
    "ipilimumab": ["Yervoy"], "atezolizumab": ["Tecentriq"], "durvalumab": ["Imfinzi"],
    "avelumab": ["Bavencio"], "rituximab": ["Rituxan", "MabThera"], "infliximab": ["Remicade"],
    "adalimumab": ["Humira"], "etanercept": ["Enbrel"], "pertuzumab": ["Perjeta"],
    "trastuzumab emtansine": ["Kadcyla"], "aflibercept": ["Eylea", "Zaltrap"],
    "ramucirumab": ["Cyramza"], "ranibizumab": ["Lucentis"], "tocilizumab": ["Actemra", "RoActemra"],
    "ustekinumab": ["Stelara"], "omalizumab": ["Xolair"], "denosumab": ["Prolia", "Xgeva"],
    "alemtuzumab": ["Campath", "Lemtrada"], "natalizumab": ["Tysabri"], "eculizumab": ["Soliris"],
    "daratumumab": ["Darzalex"], "blinatumomab": ["Blincyto"], "filgrastim": ["Neupogen"],
    "pegfilgrastim": ["Neulasta"], "interferon alfa-2b": ["Intron A"],
    "peginterferon alfa-2a": ["Pegasys"], "glatiramer": ["Copaxone"], "abatacept": ["Orencia"],
    "secukinumab": ["Cosentyx"], "vedolizumab": ["Entyvio"], "certolizumab pegol": ["Cimzia"],
    "golimumab": ["Simponi"], "anakinra": ["Kineret"], "brentuximab vedotin": ["Adcetris"],
    # cytotoxics / hormonal
    "bortezomib": ["Velcade"], "lenalidomide": ["Revlimid"], "thalidomide": ["Thalomid"],
    "pomalidomide": ["Pomalyst", "Imnovid"], "gemcitabine": ["Gemzar"], "paclitaxel": ["Taxol", "Abraxane"],
    "docetaxel": ["Taxotere"], "capecitabine": ["Xeloda"], "oxaliplatin": ["Eloxatin"],
    "irinotecan": ["Camptosar"], "doxorubicin": ["Adriamycin", "Doxil", "Caelyx"],
    "cisplatin": ["Platinol"], "carboplatin": ["Paraplatin"], "cyclophosphamide": ["Cytoxan", "Endoxan"],
    "pemetrexed": ["Alimta"], "temozolomide": ["Temodar", "Temodal"], "hydroxyurea": ["Hydrea"],
    "mercaptopurine": ["Purinethol"], "azathioprine": ["Imuran"], "anastrozole": ["Arimidex"],
    "letrozole": ["Femara"], "exemestane": ["Aromasin"], "tamoxifen": ["Nolvadex"],
    "abiraterone": ["Zytiga"], "enzalutamide": ["Xtandi"], "leuprolide": ["Lupron", "Eligard"],
    "goserelin": ["Zoladex"], "zoledronic acid": ["Zometa", "Reclast", "Aclasta"],
    "alendronic acid": ["Fosamax"], "pamidronic acid": ["Aredia"], "methotrexate": ["Trexall", "Rheumatrex", "Otrexup"],
    "vincristine": ["Oncovin"], "etoposide": ["VePesid", "Etopophos"], "bleomycin": ["Blenoxane"],
    "fluorouracil": ["Adrucil", "Efudex"], "arsenic trioxide": ["Trisenox"], "azacitidine": ["Vidaza"],
    "decitabine": ["Dacogen"], "bendamustine": ["Treanda", "Levact"],
    # common drugs in ADE reports
    "warfarin": ["Coumadin", "Jantoven", "Marevan"], "acetaminophen": ["Tylenol", "Panadol"],
    "atorvastatin": ["Lipitor"], "simvastatin": ["Zocor"], "rosuvastatin": ["Crestor"],
    "pravastatin": ["Pravachol"], "clopidogrel": ["Plavix"], "apixaban": ["Eliquis"],
    "rivaroxaban": ["Xarelto"], "dabigatran etexilate": ["Pradaxa"], "ticagrelor": ["Brilinta", "Brilique"],
    "furosemide": ["Lasix"], "digoxin": ["Lanoxin"], "amiodarone": ["Cordarone", "Pacerone"],
    "allopurinol": ["Zyloprim"], "carbamazepine": ["Tegretol"], "phenytoin": ["Dilantin", "Epanutin"],
    "valproic acid": ["Depakote", "Depakene", "Depakine", "Epilim"], "lamotrigine": ["Lamictal"],
    "levetiracetam": ["Keppra"], "topiramate": ["Topamax"], "gabapentin": ["Neurontin"],
    "pregabalin": ["Lyrica"], "fluoxetine": ["Prozac"], "sertraline": ["Zoloft"],
    "paroxetine": ["Paxil", "Seroxat"], "citalopram": ["Celexa", "Cipramil"],
    "escitalopram": ["Lexapro", "Cipralex"], "venlafaxine": ["Effexor"], "duloxetine": ["Cymbalta"],
    "bupropion": ["Wellbutrin", "Zyban"], "haloperidol": ["Haldol"], "olanzapine": ["Zyprexa"],
    "risperidone": ["Risperdal"], "quetiapine": ["Seroquel"], "clozapine": ["Clozaril", "Leponex"],
    "aripiprazole": ["Abilify"], "lithium carbonate": ["Lithobid", "Priadel", "Camcolit"],
    "diazepam": ["Valium"], "alprazolam": ["Xanax"], "lorazepam": ["Ativan"], "zolpidem": ["Ambien", "Stilnox"],
    "metformin": ["Glucophage"], "pioglitazone": ["Actos"], "rosiglitazone": ["Avandia"],
    "sitagliptin": ["Januvia"], "insulin glargine": ["Lantus"], "levothyroxine": ["Synthroid", "Levothroid", "Euthyrox"],
    "methimazole": ["Tapazole"], "prednisone": ["Deltasone"], "methylprednisolone": ["Medrol", "Solu-Medrol"],
    "dexamethasone": ["Decadron"], "ibuprofen": ["Advil", "Motrin", "Nurofen", "Brufen"],
    "naproxen": ["Aleve", "Naprosyn"], "diclofenac": ["Voltaren", "Voltarol"], "celecoxib": ["Celebrex"],
    "rofecoxib": ["Vioxx"], "ranitidine": ["Zantac"], "omeprazole": ["Prilosec", "Losec"],
    "esomeprazole": ["Nexium"], "azithromycin": ["Zithromax"], "ciprofloxacin": ["Cipro", "Ciproxin"],
    "levofloxacin": ["Levaquin", "Tavanic"], "moxifloxacin": ["Avelox"], "metronidazole": ["Flagyl"],
    "vancomycin": ["Vancocin"], "linezolid": ["Zyvox"], "fluconazole": ["Diflucan"],
    "itraconazole": ["Sporanox"], "voriconazole": ["Vfend"], "terbinafine": ["Lamisil"],
    "acyclovir": ["Zovirax"], "valacyclovir": ["Valtrex"], "oseltamivir": ["Tamiflu"],
    "zidovudine": ["Retrovir"], "nevirapine": ["Viramune"], "efavirenz": ["Sustiva", "Stocrin"],
    "abacavir": ["Ziagen"], "tenofovir disoproxil": ["Viread"], "rifampin": ["Rifadin", "Rimactane"],
    "ethambutol": ["Myambutol"], "isotretinoin": ["Accutane", "Roaccutane"],
    "finasteride": ["Proscar", "Propecia"], "sildenafil": ["Viagra", "Revatio"], "tadalafil": ["Cialis"],
    "amlodipine": ["Norvasc"], "lisinopril": ["Zestril", "Prinivil"], "enalapril": ["Vasotec"],
    "losartan": ["Cozaar"], "valsartan": ["Diovan"], "atenolol": ["Tenormin"],
    "metoprolol": ["Lopressor", "Toprol-XL"], "carvedilol": ["Coreg"], "diltiazem": ["Cardizem"],
    "verapamil": ["Calan", "Isoptin"], "spironolactone": ["Aldactone"],
    "cyclosporine": ["Neoral", "Sandimmune"], "tacrolimus": ["Prograf", "Advagraf"],
    "mycophenolate mofetil": ["CellCept"], "leflunomide": ["Arava"], "hydroxychloroquine": ["Plaquenil"],
    "diphenhydramine": ["Benadryl"], "promethazine": ["Phenergan"], "metoclopramide": ["Reglan", "Maxolon"],
    "ondansetron": ["Zofran"], "loperamide": ["Imodium"], "oxycodone": ["OxyContin"],
    "tramadol": ["Ultram"], "fentanyl": ["Duragesic"], "naloxone": ["Narcan"], "fingolimod": ["Gilenya"],
    "donepezil": ["Aricept"], "methylphenidate": ["Ritalin", "Concerta"], "atomoxetine": ["Strattera"],
    "varenicline": ["Chantix", "Champix"], "montelukast": ["Singulair"], "albuterol": ["Ventolin"],
    "enoxaparin": ["Lovenox", "Clexane"], "glimepiride": ["Amaryl"], "glipizide": ["Glucotrol"],
    "fenofibrate": ["Tricor"], "ezetimibe": ["Zetia", "Ezetrol"], "famotidine": ["Pepcid"],
    "minocycline": ["Minocin"], "doxycycline": ["Vibramycin"], "clarithromycin": ["Biaxin", "Klacid"],
    "amoxicillin": ["Amoxil"], "ceftriaxone": ["Rocephin"], "colchicine": ["Colcrys"],
    "propofol": ["Diprivan"], "ketamine": ["Ketalar"], "morphine": ["MS Contin"],
    "sumatriptan": ["Imitrex"], "tolvaptan": ["Samsca"], "dronedarone": ["Multaq"],
    "febuxostat": ["Uloric"], "nitrofurantoin": ["Macrobid", "Macrodantin"], "dapsone": ["Aczone"],
    "emtricitabine": ["Emtriva"], "raltegravir": ["Isentress"], "sofosbuvir": ["Sovaldi"],
}

# Unambiguous abbreviations used in papers: abbreviation -> generic
CURATED_ABBREV = {
    "5-FU": "fluorouracil", "5FU": "fluorouracil", "MTX": "methotrexate", "6-MP": "mercaptopurine",
    "6MP": "mercaptopurine", "ATRA": "tretinoin", "INH": "isoniazid", "AZT": "zidovudine",
    "ASA": "acetylsalicylic acid", "APAP": "acetaminophen", "HCTZ": "hydrochlorothiazide",
    "CsA": "cyclosporine", "MMF": "mycophenolate mofetil", "VPA": "valproic acid",
    "ara-C": "cytarabine", "Ara-C": "cytarabine", "6-TG": "tioguanine", "ddI": "didanosine",
    "d4T": "stavudine", "3TC": "lamivudine", "DTIC": "dacarbazine", "BCNU": "carmustine",
    "CCNU": "lomustine", "5-ASA": "mesalazine", "PTU": "propylthiouracil",
    "ATO": "arsenic trioxide", "TDF": "tenofovir disoproxil", "CBZ": "carbamazepine",
    "paracetamol": "acetaminophen", "aspirin": "acetylsalicylic acid", "rifampicin": "rifampin",
    "ciclosporin": "cyclosporine", "aciclovir": "acyclovir", "salbutamol": "albuterol",
    "adrenaline": "epinephrine", "noradrenaline": "norepinephrine", "frusemide": "furosemide",
    "lignocaine": "lidocaine", "valproate": "valproic acid", "sodium valproate": "valproic acid",
    "thioguanine": "tioguanine", "T-DM1": "trastuzumab emtansine", "T-DXd": "trastuzumab deruxtecan",
    "L-asparaginase": "asparaginase escherichia coli",
    "HCQ": "hydroxychloroquine", "NAC": "acetylcysteine", "N-acetylcysteine": "acetylcysteine",
    "insulin": "insulin human", "IFN-alpha": "interferon alfa", "IFN-\u03b1": "interferon alfa",
    "interferon alpha": "interferon alfa", "interferon-alpha": "interferon alfa", "alpha interferon": "interferon alfa",
    "FK506": "tacrolimus", "FK-506": "tacrolimus", "AmB": "amphotericin b", "CDDP": "cisplatin",
    "SMX": "sulfamethoxazole", "TMP": "trimethoprim", "glatiramer acetate": "glatiramer",
    "fludarabine phosphate": "fludarabine", "alendronate": "alendronic acid", "alendronate sodium": "alendronic acid",
    "zoledronate": "zoledronic acid", "pamidronate": "pamidronic acid", "amiodarone HCl": "amiodarone",
    "BAY 43-9006": "sorafenib", "STI571": "imatinib", "STI-571": "imatinib", "SU11248": "sunitinib",
}

# Curated rows not in DrugBank's single-ingredient vocabulary (name, synonyms)
# DrugBank common names that are not what a prescriber or a paper calls the drug.
CURATED_DRUG_RENAMES = {"lithium cation": "lithium"}

CURATED_DRUG_ROWS = {
    "sulfamethoxazole/trimethoprim": [
        "co-trimoxazole", "cotrimoxazole", "TMP-SMX", "TMP/SMX", "TMP-SMZ", "SMX-TMP", "SMX/TMP",
        "trimethoprim-sulfamethoxazole", "trimethoprim/sulfamethoxazole",
        "sulfamethoxazole-trimethoprim", "trimethoprim-sulphamethoxazole", "Bactrim", "Septra", "Septrin"],
    "amoxicillin/clavulanic acid": [
        "co-amoxiclav", "amoxicillin-clavulanate", "amoxicillin/clavulanate",
        "amoxicillin-clavulanic acid", "amoxycillin-clavulanate", "Augmentin"],
    "piperacillin/tazobactam": ["piperacillin-tazobactam", "Zosyn", "Tazocin"],
    "carbidopa/levodopa": ["levodopa/carbidopa", "carbidopa-levodopa", "levodopa-carbidopa", "Sinemet"],
}

# ---------------------------------------------------------------------------
# Curated target variants (as written in papers) and families
# ---------------------------------------------------------------------------

CURATED_TARGET_ALIASES = {
    "RAF1": ["Raf-1", "RAF-1", "C-RAF", "c-Raf", "c-RAF", "CRAF", "C-Raf", "Raf1"],
    "BRAF": ["B-Raf", "B-RAF", "b-Raf", "BRAF V600E", "BRAF kinase"],
    "ARAF": ["A-Raf", "A-RAF"],
    "KDR": ["VEGFR-2", "VEGFR2", "VEGFR 2", "Flk-1", "FLK1", "FLK-1", "KDR/Flk-1", "CD309",
            "vascular endothelial growth factor receptor 2", "VEGF receptor 2", "VEGF receptor-2",
            "vascular endothelial growth factor receptor-2"],
    "FLT1": ["VEGFR-1", "VEGFR1", "VEGFR 1", "Flt-1", "vascular endothelial growth factor receptor 1",
             "VEGF receptor 1", "vascular endothelial growth factor receptor-1"],
    "FLT4": ["VEGFR-3", "VEGFR3", "VEGFR 3", "Flt-4", "vascular endothelial growth factor receptor 3",
             "VEGF receptor 3", "vascular endothelial growth factor receptor-3"],
    "PDGFRA": ["PDGFR-\u03b1", "PDGFR-alpha", "PDGFR\u03b1", "PDGFR-A", "PDGFRalpha", "PDGFR alpha",
               "PDGFR-a", "platelet-derived growth factor receptor alpha",
               "platelet-derived growth factor receptor-alpha", "platelet-derived growth factor receptor \u03b1"],
    "PDGFRB": ["PDGFR-\u03b2", "PDGFR-beta", "PDGFR\u03b2", "PDGFR-B", "PDGFRbeta", "PDGFR beta",
               "PDGFR-b", "platelet-derived growth factor receptor beta",
               "platelet-derived growth factor receptor-beta", "platelet-derived growth factor receptor \u03b2"],
    "KIT": ["c-Kit", "c-KIT", "C-KIT", "CD117", "c-kit", "KIT receptor", "stem cell factor receptor", "SCFR"],
    "ABL1": ["ABL", "c-Abl", "c-ABL", "BCR-ABL", "BCR-ABL1", "Bcr-Abl", "BCR/ABL", "Abl kinase", "ABL kinase"],
    "FLT3": ["FLT-3", "Flt-3", "Flt3", "CD135", "FLT3-ITD", "fms-like tyrosine kinase 3"],
    "RET": ["c-RET", "c-Ret", "RET kinase", "RET proto-oncogene"],
    "EGFR": ["HER1", "HER-1", "ErbB1", "ErbB-1", "ERBB1", "epidermal growth factor receptor", "EGF receptor"],
    "ERBB2": ["HER2", "HER-2", "HER2/neu", "HER-2/neu", "ErbB2", "ErbB-2", "neu", "c-erbB-2",
              "human epidermal growth factor receptor 2"],
    "ERBB3": ["HER3", "HER-3", "ErbB3", "ErbB-3", "human epidermal growth factor receptor 3"],
    "ERBB4": ["HER4", "HER-4", "ErbB4", "ErbB-4", "human epidermal growth factor receptor 4"],
    "MET": ["c-Met", "c-MET", "cMET", "MET kinase", "hepatocyte growth factor receptor", "HGF receptor", "HGFR"],
    "ALK": ["ALK kinase", "anaplastic lymphoma kinase", "EML4-ALK"],
    "ROS1": ["ROS-1", "c-ROS", "ROS1 kinase"],
    "JAK1": ["JAK-1", "Janus kinase 1"], "JAK2": ["JAK-2", "Janus kinase 2", "JAK2 V617F"],
    "JAK3": ["JAK-3", "Janus kinase 3"], "TYK2": ["TYK-2", "tyrosine kinase 2"],
    "BTK": ["Bruton's tyrosine kinase", "Bruton tyrosine kinase", "Btk"],
    "MTOR": ["mTOR", "mammalian target of rapamycin", "mechanistic target of rapamycin", "FRAP1", "mTORC1"],
    "FGFR1": ["FGFR-1", "fibroblast growth factor receptor 1"], "FGFR2": ["FGFR-2", "fibroblast growth factor receptor 2"],
    "FGFR3": ["FGFR-3", "fibroblast growth factor receptor 3"], "FGFR4": ["FGFR-4", "fibroblast growth factor receptor 4"],
    "CSF1R": ["FMS", "c-Fms", "c-FMS", "CSF-1R", "CSF1 receptor", "M-CSF receptor", "colony stimulating factor 1 receptor"],
    "TEK": ["TIE-2", "TIE2", "Tie-2", "Tie2", "angiopoietin receptor"],
    "TIE1": ["TIE-1", "Tie-1"],
    "NTRK1": ["TrkA", "TRKA", "Trk-A", "TRK-A"], "NTRK2": ["TrkB", "TRKB", "Trk-B"], "NTRK3": ["TrkC", "TRKC", "Trk-C"],
    "MAP2K1": ["MEK1", "MEK-1", "MAPKK1"], "MAP2K2": ["MEK2", "MEK-2", "MAPKK2"],
    "MAPK3": ["ERK1", "ERK-1", "p44 MAPK"], "MAPK1": ["ERK2", "ERK-2", "p42 MAPK"],
    "SRC": ["c-Src", "c-SRC", "Src kinase"], "LCK": ["Lck", "p56lck"], "LYN": ["Lyn"], "FYN": ["Fyn"],
    "CDK4": ["CDK-4", "cyclin-dependent kinase 4"], "CDK6": ["CDK-6", "cyclin-dependent kinase 6"],
    "PIK3CA": ["PI3K\u03b1", "PI3Kalpha", "PI3K-alpha", "p110\u03b1", "p110alpha"],
    "PIK3CD": ["PI3K\u03b4", "PI3Kdelta", "PI3K-delta", "p110\u03b4", "p110delta"],
    "PIK3CB": ["PI3K\u03b2", "PI3Kbeta", "p110\u03b2", "p110beta"],
    "PIK3CG": ["PI3K\u03b3", "PI3Kgamma", "p110\u03b3", "p110gamma"],
    "SYK": ["spleen tyrosine kinase"], "AXL": ["UFO"], "DDR1": ["DDR-1"], "DDR2": ["DDR-2"],
    "AURKA": ["Aurora A", "Aurora-A", "Aurora kinase A"], "AURKB": ["Aurora B", "Aurora-B", "Aurora kinase B"],
    "PLK1": ["PLK-1", "polo-like kinase 1"], "IGF1R": ["IGF-1R", "IGF1 receptor", "insulin-like growth factor 1 receptor"],
    "INSR": ["insulin receptor"], "EPHA2": ["EphA2"], "MAP3K7": ["TAK1"], "MAPK14": ["p38\u03b1", "p38alpha", "p38 MAPK"],
    "PTK2": ["FAK", "focal adhesion kinase"], "MKNK1": ["MNK1"], "CHEK1": ["CHK1", "Chk1"], "WEE1": ["Wee1"],
    "VEGFA": ["VEGF", "VEGF-A", "vascular endothelial growth factor", "vascular endothelial growth factor A"],
    "TNF": ["TNF-\u03b1", "TNF-alpha", "TNFalpha", "TNF\u03b1", "tumor necrosis factor alpha", "tumour necrosis factor"],
    "MS4A1": ["CD20"], "PDCD1": ["PD-1", "PD1", "programmed cell death protein 1"],
    "CD274": ["PD-L1", "PDL1", "programmed death-ligand 1"], "CTLA4": ["CTLA-4"],
    "HMGCR": ["HMG-CoA reductase"], "VKORC1": ["vitamin K epoxide reductase"],
    "CYP3A4": ["CYP 3A4"], "CYP2D6": ["CYP 2D6"], "CYP2C9": ["CYP 2C9"], "CYP2C19": ["CYP 2C19"],
    "KCNH2": ["hERG", "HERG", "Kv11.1"], "ABCB1": ["P-glycoprotein", "P-gp", "MDR1"],
    "PTGS2": ["COX-2", "cyclooxygenase-2"], "PTGS1": ["COX-1", "cyclooxygenase-1"],
    "IL6R": ["IL-6R", "IL-6 receptor"], "IL6": ["IL-6", "interleukin-6"],
    "F10": ["factor Xa", "FXa", "activated factor X"],
    "ACE": ["angiotensin converting enzyme", "angiotensin-converting enzyme", "kininase II"],
    "HLA-B": ["HLA-B*5701", "HLA-B*1502", "HLA-B*5801"],
}

CURATED_FAMILIES = [
    ("PDGFR", ["PDGFRA", "PDGFRB"], ["PDGFRs", "PDGFR", "platelet-derived growth factor receptor",
        "platelet-derived growth factor receptors", "PDGF receptor", "PDGF receptors", "PDGF-R"]),
    ("VEGFR", ["FLT1", "KDR", "FLT4"], ["VEGFR", "VEGFRs", "vascular endothelial growth factor receptor",
        "vascular endothelial growth factor receptors", "VEGF receptor", "VEGF receptors", "VEGF-R"]),
    ("RAF", ["RAF1", "BRAF", "ARAF"], ["Raf", "RAF", "Raf kinase", "Raf kinases", "RAF kinase", "RAF kinases",
        "Raf family kinases"]),
    ("FGFR", ["FGFR1", "FGFR2", "FGFR3", "FGFR4"], ["FGFR", "FGFRs", "fibroblast growth factor receptor",
        "fibroblast growth factor receptors", "FGF receptor", "FGF receptors"]),
    ("ERBB", ["EGFR", "ERBB2", "ERBB3", "ERBB4"], ["ErbB", "ERBB", "ErbB family", "HER family",
        "ErbB receptors", "HER receptors", "EGFR family"]),
    ("JAK", ["JAK1", "JAK2", "JAK3", "TYK2"], ["JAK", "JAKs", "Janus kinase", "Janus kinases", "JAK family"]),
    ("SRC family", ["SRC", "YES1", "FYN", "LCK", "LYN", "HCK", "FGR", "BLK"], ["Src family kinases",
        "SRC family kinases", "SFK", "SFKs", "Src family"]),
    ("TRK", ["NTRK1", "NTRK2", "NTRK3"], ["TRK", "Trk", "TRKs", "Trk receptors", "tropomyosin receptor kinase",
        "tropomyosin receptor kinases", "NTRK"]),
    ("MEK", ["MAP2K1", "MAP2K2"], ["MEK", "MEK1/2", "MEK 1/2", "MAPK/ERK kinase", "mitogen-activated protein kinase kinase"]),
    ("ERK", ["MAPK3", "MAPK1"], ["ERK", "ERK1/2", "ERK 1/2", "extracellular signal-regulated kinase",
        "extracellular signal-regulated kinases"]),
    ("PI3K", ["PIK3CA", "PIK3CB", "PIK3CD", "PIK3CG"], ["PI3K", "PI3-kinase", "PI3 kinase",
        "phosphoinositide 3-kinase", "phosphatidylinositol 3-kinase", "PI3Ks"]),
    ("CDK4/6", ["CDK4", "CDK6"], ["CDK4/6", "CDK 4/6", "cyclin-dependent kinases 4 and 6", "cyclin-dependent kinase 4/6"]),
    ("AURORA", ["AURKA", "AURKB", "AURKC"], ["Aurora kinase", "Aurora kinases"]),
    ("TAM", ["TYRO3", "AXL", "MERTK"], ["TAM receptors", "TAM family"]),
]

# ---------------------------------------------------------------------------
# Curated adverse reaction terms (written for this project)
# Format: "name = syn | syn > broader | broader"; broader optional.
# ---------------------------------------------------------------------------

CURATED_REACTIONS = r"""
adverse drug reaction = ADR | ADRs | adverse drug reactions | adverse drug event | adverse drug events | ADE | side effect | side effects | adverse effect | adverse effects | adverse reaction | adverse reactions | drug-related side effects and adverse reactions | drug toxicity
hepatotoxicity = drug-induced liver injury | DILI | liver injury | liver toxicity | hepatic toxicity | drug-induced hepatotoxicity | hepatic injury | chemical and drug induced liver injury | drug-induced liver damage | liver damage | hepatic damage | hepatotoxic reaction | toxic hepatitis | drug-induced hepatitis > adverse drug reaction
hepatitis = hepatic inflammation | acute hepatitis
acute liver failure = fulminant hepatic failure | fulminant hepatitis | acute hepatic failure | fulminant liver failure | ALF > liver failure
liver failure = hepatic failure | hepatic insufficiency | liver insufficiency
cholestasis = cholestatic hepatitis | cholestatic liver injury | intrahepatic cholestasis | cholestatic jaundice | drug-induced cholestasis
jaundice = icterus
elevated liver enzymes = elevated transaminases | transaminase elevation | transaminase elevations | increased transaminases | raised liver enzymes | abnormal liver function tests | liver function test abnormality | abnormal liver function | hypertransaminasemia | hypertransaminasaemia | elevated aminotransferases | ALT elevation | AST elevation | increased ALT | increased AST | elevated ALT | elevated AST | liver enzyme elevation > hepatotoxicity
hyperbilirubinemia = hyperbilirubinaemia | elevated bilirubin | increased bilirubin
hepatic steatosis = fatty liver | steatosis | liver steatosis | microvesicular steatosis
steatohepatitis = nonalcoholic steatohepatitis | NASH
veno-occlusive disease = hepatic veno-occlusive disease | sinusoidal obstruction syndrome | VOD | SOS | hepatic sinusoidal obstruction syndrome
autoimmune hepatitis = drug-induced autoimmune hepatitis
granulomatous hepatitis = hepatic granulomas
hepatic necrosis = liver necrosis | massive hepatic necrosis | hepatocellular necrosis | centrilobular necrosis > hepatotoxicity
liver cirrhosis = cirrhosis | hepatic cirrhosis
vanishing bile duct syndrome = ductopenia > cholestasis
nodular regenerative hyperplasia = nodular regenerative hyperplasia of the liver
hepatic encephalopathy = portosystemic encephalopathy
neutropenia = neutropaenia | neutrocytopenia | low neutrophil count | decreased neutrophil count
febrile neutropenia = neutropenic fever | febrile neutropaenia | neutropenic sepsis > neutropenia
agranulocytosis = agranulocytopenia | drug-induced agranulocytosis
thrombocytopenia = thrombocytopaenia | thrombopenia | low platelet count | decreased platelet count | platelet count decreased | low platelets
immune thrombocytopenia = drug-induced immune thrombocytopenia | immune thrombocytopenic purpura | ITP | idiopathic thrombocytopenic purpura | thrombocytopenic purpura > thrombocytopenia
heparin-induced thrombocytopenia = HIT | heparin induced thrombocytopenia | HITT | heparin-induced thrombocytopenia and thrombosis > thrombocytopenia
anemia = anaemia | low hemoglobin | low haemoglobin
hemolytic anemia = haemolytic anaemia | hemolytic anaemia | haemolytic anemia | immune hemolytic anemia | drug-induced hemolytic anemia | drug-induced immune hemolytic anemia | autoimmune hemolytic anemia | AIHA > anemia
hemolysis = haemolysis | intravascular hemolysis | intravascular haemolysis
aplastic anemia = aplastic anaemia | bone marrow aplasia | marrow aplasia > anemia
pure red cell aplasia = PRCA | red cell aplasia > anemia
megaloblastic anemia = megaloblastic anaemia | macrocytic anemia | macrocytic anaemia > anemia
sideroblastic anemia = sideroblastic anaemia > anemia
methemoglobinemia = methaemoglobinaemia | methemoglobinaemia | methaemoglobinemia
pancytopenia = pancytopaenia
leukopenia = leucopenia | leukocytopenia | leucocytopenia | leukopaenia | low white blood cell count | low white cell count
lymphopenia = lymphocytopenia | lymphopaenia
eosinophilia = hypereosinophilia | eosinophilic reaction
leukocytosis = leucocytosis
thrombocytosis = thrombocythemia
myelosuppression = bone marrow suppression | myelotoxicity | marrow suppression | bone marrow toxicity | hematologic toxicity | haematologic toxicity | haematological toxicity | hematological toxicity | hematotoxicity | haematotoxicity | bone marrow depression | myelodepression | bone marrow failure
thrombotic microangiopathy = TMA | thrombotic microangiopathies | drug-induced thrombotic microangiopathy
thrombotic thrombocytopenic purpura = TTP > thrombotic microangiopathy
hemolytic uremic syndrome = haemolytic uraemic syndrome | hemolytic-uremic syndrome | HUS > thrombotic microangiopathy
disseminated intravascular coagulation = DIC | consumptive coagulopathy | consumption coagulopathy
coagulopathy = bleeding diathesis | coagulation disorder | blood coagulation disorders
hemorrhage = bleeding | haemorrhage | hemorrhages | haemorrhages | bleeding event | bleeding events | hemorrhagic complications | haemorrhagic complications | bleeding complications | major bleeding
gastrointestinal hemorrhage = gastrointestinal bleeding | GI bleeding | gastrointestinal haemorrhage | GI bleed | GI hemorrhage | upper gastrointestinal bleeding | lower gastrointestinal bleeding | upper GI bleeding | melena | melaena | hematemesis | haematemesis > hemorrhage
intracranial hemorrhage = intracranial haemorrhage | intracranial bleeding | cerebral hemorrhage | cerebral haemorrhage | brain hemorrhage | intracerebral hemorrhage | intracerebral haemorrhage | hemorrhagic stroke | haemorrhagic stroke | ICH > hemorrhage
subdural hematoma = subdural haematoma | subdural hemorrhage > intracranial hemorrhage
retroperitoneal hemorrhage = retroperitoneal haemorrhage | retroperitoneal hematoma | retroperitoneal bleeding > hemorrhage
hematoma = haematoma | hematomas | haematomas
epistaxis = nosebleed | nose bleed | nosebleeds
hematuria = haematuria | blood in urine
hemoptysis = haemoptysis
purpura = petechiae | petechial rash
ecchymosis = bruising | ecchymoses | easy bruising
venous thromboembolism = VTE | venous thromboembolic events | venous thromboembolic disease
deep vein thrombosis = DVT | deep venous thrombosis | deep-vein thrombosis > venous thromboembolism
pulmonary embolism = pulmonary thromboembolism | pulmonary emboli > venous thromboembolism
thrombosis = thrombus | thrombotic event | thrombotic events
thromboembolism = thromboembolic event | thromboembolic events | thromboembolic complications
arterial thromboembolism = arterial thrombosis | arterial thromboembolic events | arterial thrombotic events | ATE
stroke = cerebrovascular accident | CVA | ischemic stroke | ischaemic stroke | cerebral infarction | brain infarction | cerebrovascular event
transient ischemic attack = TIA | transient ischaemic attack
thrombophlebitis = phlebitis | superficial thrombophlebitis | infusion phlebitis
drug eruption = drug eruptions | drug rash | drug-induced rash | cutaneous drug reaction | cutaneous drug eruption | cutaneous adverse drug reaction | cutaneous adverse drug reactions | toxicoderma | drug-induced skin reaction | skin toxicity | cutaneous toxicity | dermatologic toxicity | dermatological toxicity | cutaneous adverse events | skin rash induced by drug
rash = skin rash | eruption | skin eruption | skin eruptions | rashes | cutaneous eruption | exanthem
maculopapular rash = maculopapular eruption | morbilliform rash | morbilliform eruption | exanthematous eruption | exanthematous drug eruption | maculopapular exanthema | maculopapular drug eruption | measles-like rash > drug eruption
urticaria = hives | nettle rash | urticarial rash | urticarial reaction
angioedema = angio-oedema | angiooedema | angioneurotic edema | angioneurotic oedema | Quincke's edema | Quincke edema | Quincke's oedema | ACE inhibitor-induced angioedema
anaphylaxis = anaphylactic reaction | anaphylactic shock | anaphylactic reactions
anaphylactoid reaction = anaphylactoid reactions | pseudoallergic reaction | pseudo-allergic reaction > drug hypersensitivity
drug hypersensitivity = drug allergy | drug allergies | drug hypersensitivity reaction | drug hypersensitivity reactions | allergic drug reaction | hypersensitivity reaction | hypersensitivity reactions | allergic reaction | allergic reactions | hypersensitivity syndrome
infusion reaction = infusion-related reaction | infusion related reaction | infusion reactions | infusion-related reactions | IRR | acute infusion reaction | infusion-related hypersensitivity > drug hypersensitivity
cytokine release syndrome = CRS | cytokine storm | cytokine-release syndrome
stevens-johnson syndrome = Stevens-Johnson syndrome | Stevens Johnson syndrome | Stevens-Johnson | SJS | erythema multiforme major > severe cutaneous adverse reaction
toxic epidermal necrolysis = TEN | Lyell syndrome | Lyell's syndrome | Lyell's disease | SJS/TEN | SJS-TEN | Stevens-Johnson syndrome/toxic epidermal necrolysis | toxic epidermal necrolysis syndrome | epidermal necrolysis > severe cutaneous adverse reaction
severe cutaneous adverse reaction = SCAR | SCARs | severe cutaneous adverse reactions | severe cutaneous drug reaction | severe cutaneous drug reactions > drug eruption
acute generalized exanthematous pustulosis = AGEP | acute generalised exanthematous pustulosis | acute generalized exanthemic pustulosis | pustular drug eruption | toxic pustuloderma | generalized pustular drug eruption > drug eruption | severe cutaneous adverse reaction
acute localized exanthematous pustulosis = ALEP | acute localised exanthematous pustulosis | localized acute generalized exanthematous pustulosis > drug eruption
drug reaction with eosinophilia and systemic symptoms = DRESS | DRESS syndrome | drug rash with eosinophilia and systemic symptoms | DIHS | drug-induced hypersensitivity syndrome | drug induced hypersensitivity syndrome | drug hypersensitivity syndrome | anticonvulsant hypersensitivity syndrome | DRESS/DIHS > drug hypersensitivity | severe cutaneous adverse reaction
erythema multiforme = erythema multiforme minor | target lesions > drug eruption
fixed drug eruption = FDE | fixed drug eruptions | fixed eruption > drug eruption
hand-foot skin reaction = HFSR | hand-foot syndrome | hand foot syndrome | HFS | hand-foot skin reactions | hand foot skin reaction | palmar-plantar erythrodysesthesia | palmar plantar erythrodysesthesia | palmar-plantar erythrodysaesthesia | palmoplantar erythrodysesthesia | palmar-plantar erythrodysesthesia syndrome | PPE | PPES | palmar-plantar erythema | palmoplantar erythema | acral erythema | chemotherapy-induced acral erythema | hand-and-foot syndrome | hand-foot reaction > drug eruption
radiation recall dermatitis = RRD | radiation recall | radiation recall reaction | radiation recall phenomenon | radiation-recall dermatitis | recall dermatitis | radiation recall syndrome > drug eruption | radiodermatitis
radiodermatitis = radiation dermatitis | radiation-induced dermatitis | radiation skin reaction
photosensitivity = photosensitivity reaction | photosensitivity reactions | photosensitization | photosensitisation | drug-induced photosensitivity | phototoxicity | phototoxic reaction | photoallergic reaction | photodermatitis | photosensitive dermatitis > drug eruption
pruritus = itching | itch | pruritis | itchiness | generalized pruritus
alopecia = hair loss | baldness | chemotherapy-induced alopecia | hair thinning | drug-induced alopecia | telogen effluvium | anagen effluvium
alopecia areata = patchy alopecia | alopecia universalis | alopecia totalis > alopecia
keratoacanthoma = keratoacanthomas | eruptive keratoacanthoma | eruptive keratoacanthomas
squamous cell carcinoma = SCC | squamous carcinoma | epidermoid carcinoma | squamous cell carcinomas
cutaneous squamous cell carcinoma = cSCC | cutaneous SCC | skin squamous cell carcinoma | cutaneous squamous cell carcinomas | squamous cell carcinoma of the skin > squamous cell carcinoma | skin neoplasms
acneiform rash = acneiform eruption | acneiform eruptions | papulopustular rash | papulopustular eruption | acneiform dermatitis | acne-like rash | acneiform skin rash | EGFR inhibitor rash | folliculitis-like rash > drug eruption
paronychia = periungual inflammation | nail fold inflammation
nail toxicity = nail changes | nail disorder | nail disorders | nail dystrophy > drug eruption
onycholysis = nail detachment
xerosis = dry skin | xeroderma | skin dryness | cutaneous xerosis
hyperpigmentation = skin hyperpigmentation | cutaneous hyperpigmentation | drug-induced hyperpigmentation | skin discoloration | skin discolouration | pigmentation | skin pigmentation | pigmentary changes | increased pigmentation | abnormal pigmentation
hypopigmentation = skin hypopigmentation | depigmentation | skin depigmentation
vitiligo = vitiligo-like depigmentation
lichenoid drug eruption = lichenoid eruption | lichenoid reaction | drug-induced lichen planus | lichenoid dermatitis > drug eruption
exfoliative dermatitis = erythroderma | exfoliative erythroderma | generalized exfoliative dermatitis > drug eruption
bullous pemphigoid = pemphigoid | drug-induced bullous pemphigoid
pemphigus = drug-induced pemphigus | pemphigus vulgaris
linear IgA bullous dermatosis = linear IgA disease | LABD | linear IgA dermatosis | drug-induced linear IgA bullous dermatosis
cutaneous vasculitis = leukocytoclastic vasculitis | leucocytoclastic vasculitis | hypersensitivity vasculitis | cutaneous small vessel vasculitis | leukocytoclastic angiitis > vasculitis
vasculitis = angiitis | drug-induced vasculitis | systemic vasculitis
ANCA-associated vasculitis = ANCA vasculitis | drug-induced ANCA-associated vasculitis > vasculitis
erythema nodosum = nodular erythema
sweet syndrome = Sweet's syndrome | Sweet syndrome | acute febrile neutrophilic dermatosis | drug-induced Sweet syndrome
injection site reaction = injection site reactions | injection-site reaction | injection-site reactions | ISR | injection site pain | injection site erythema
skin necrosis = cutaneous necrosis | warfarin-induced skin necrosis | coumarin necrosis | warfarin necrosis
calciphylaxis = calcific uremic arteriolopathy
hyperhidrosis = sweating | diaphoresis | excessive sweating | increased sweating
flushing = facial flushing | skin flushing | flush
hot flashes = hot flushes | hot flush | hot flash
night sweats = nocturnal sweating
hirsutism = excessive hair growth
hypertrichosis = trichomegaly | eyelash trichomegaly | eyelash elongation
hair color changes = hair depigmentation | hair discoloration | hair discolouration | hair colour changes
contact dermatitis = allergic contact dermatitis | irritant contact dermatitis
eczema = eczematous eruption | eczematous dermatitis
psoriasis = drug-induced psoriasis | psoriasiform eruption | paradoxical psoriasis
seborrheic dermatitis = seborrhoeic dermatitis | seborrheic dermatitis-like rash
folliculitis = follicular eruption
erythema = skin erythema | cutaneous erythema
actinic keratosis = actinic keratoses | solar keratosis
subungual hemorrhage = subungual haemorrhage | splinter hemorrhages | splinter haemorrhages | subungual splinter hemorrhages
nephrogenic systemic fibrosis = NSF | nephrogenic fibrosing dermopathy
nephrotoxicity = renal toxicity | kidney toxicity | drug-induced nephrotoxicity | renal damage | renal injury | kidney injury | drug-induced kidney injury | nephrotoxic effect > adverse drug reaction
acute kidney injury = acute renal failure | ARF | AKI | acute renal injury | acute kidney failure | acute renal insufficiency > renal failure
renal failure = renal insufficiency | kidney failure | renal impairment | kidney dysfunction | renal dysfunction | kidney insufficiency | impaired renal function
chronic kidney disease = chronic renal failure | CKD | chronic renal insufficiency | chronic kidney failure > renal failure
acute interstitial nephritis = interstitial nephritis | tubulointerstitial nephritis | AIN | drug-induced interstitial nephritis | acute tubulointerstitial nephritis | drug-induced acute interstitial nephritis | TIN
acute tubular necrosis = ATN | tubular necrosis | acute tubular injury
nephrotic syndrome = nephrosis
glomerulonephritis = drug-induced glomerulonephritis
membranous nephropathy = membranous glomerulonephritis | membranous glomerulopathy
fanconi syndrome = Fanconi's syndrome | renal Fanconi syndrome | Fanconi syndrome | acquired Fanconi syndrome
renal tubular acidosis = RTA | distal renal tubular acidosis
nephrogenic diabetes insipidus = lithium-induced nephrogenic diabetes insipidus
crystal nephropathy = crystal-induced nephropathy | crystal-induced acute kidney injury | crystalluria > nephrotoxicity
nephrolithiasis = kidney stones | kidney stone | renal calculi | renal stones | urolithiasis | drug-induced nephrolithiasis
proteinuria = albuminuria
hemorrhagic cystitis = haemorrhagic cystitis
urinary retention = retention of urine
urinary incontinence = incontinence
oliguria = decreased urine output
anuria = anuric
polyuria = increased urination
QT prolongation = prolonged QT interval | prolonged QT | QT interval prolongation | QTc prolongation | QTc interval prolongation | prolonged QTc | prolonged QTc interval | QT interval prolonged | acquired long QT syndrome | drug-induced long QT syndrome | drug-induced QT prolongation | long QT syndrome | long QT
torsades de pointes = torsade de pointes | torsades de pointe | TdP | torsades | torsade | torsades-de-pointes | polymorphic ventricular tachycardia > ventricular tachycardia
ventricular tachycardia = ventricular tachyarrhythmia | ventricular tachyarrhythmias
ventricular fibrillation = VF
arrhythmia = cardiac arrhythmia | cardiac arrhythmias | arrhythmias | dysrhythmia | cardiac dysrhythmia
atrial fibrillation = AF | AFib | atrial fibrilation
bradycardia = sinus bradycardia | bradyarrhythmia | bradyarrhythmias
tachycardia = sinus tachycardia | tachyarrhythmia
palpitations = palpitation | heart palpitations | cardiac palpitations
heart block = atrioventricular block | AV block | complete heart block | complete atrioventricular block | third-degree AV block
cardiac arrest = cardiopulmonary arrest | asystole | heart arrest
sudden cardiac death = sudden death | sudden cardiac arrest
heart failure = congestive heart failure | CHF | cardiac failure | congestive cardiac failure | cardiac decompensation
left ventricular dysfunction = LV dysfunction | left ventricular systolic dysfunction | LVSD | decreased ejection fraction | reduced ejection fraction | LVEF decline | decline in LVEF | decreased LVEF | reduced LVEF | LVEF reduction | ejection fraction decreased
cardiomyopathy = cardiomyopathies | drug-induced cardiomyopathy | dilated cardiomyopathy
cardiotoxicity = cardiac toxicity | cardiovascular toxicity | cardiotoxic effect | cardiotoxic effects | drug-induced cardiotoxicity | anthracycline cardiotoxicity > adverse drug reaction
takotsubo cardiomyopathy = stress cardiomyopathy | takotsubo syndrome | Takotsubo cardiomyopathy | broken heart syndrome | apical ballooning syndrome | tako-tsubo cardiomyopathy
myocarditis = immune-mediated myocarditis | drug-induced myocarditis | eosinophilic myocarditis | hypersensitivity myocarditis
pericarditis = drug-induced pericarditis
pericardial effusion = pericardial effusions
myocardial infarction = MI | heart attack | acute myocardial infarction | AMI | myocardial infarct | cardiac infarction
myocardial ischemia = myocardial ischaemia | cardiac ischemia | cardiac ischaemia | ischemic heart disease | ischaemic heart disease
acute coronary syndrome = ACS | unstable angina
angina pectoris = angina | chest angina
coronary vasospasm = coronary artery spasm | coronary spasm | coronary arterial spasm | coronary artery vasospasm | vasospastic angina | Prinzmetal angina | Prinzmetal's angina | variant angina | Prinzmetal's variant angina | coronary vasoconstriction
vasospasm = arterial vasospasm | arterial spasm | vascular spasm
kounis syndrome = Kounis syndrome | allergic angina | allergic acute coronary syndrome
hypertension = high blood pressure | arterial hypertension | elevated blood pressure | increased blood pressure | raised blood pressure | HTN | blood pressure increased | drug-induced hypertension
hypertensive crisis = hypertensive emergency | hypertensive urgency | malignant hypertension > hypertension
hypotension = low blood pressure | blood pressure decreased | arterial hypotension
orthostatic hypotension = postural hypotension | orthostatic intolerance > hypotension
pulmonary arterial hypertension = PAH | drug-induced pulmonary arterial hypertension | pulmonary hypertension
raynaud phenomenon = Raynaud's phenomenon | Raynaud's | Raynaud phenomenon | Raynaud disease | Raynaud's disease | Raynaud syndrome | Raynaud's syndrome
valvular heart disease = cardiac valvulopathy | valvulopathy | drug-induced valvular heart disease | valvular heart disorder | heart valve disease
cardiogenic shock = cardiac shock
shock = circulatory collapse | circulatory shock
edema = oedema | fluid retention | swelling of tissues | dropsy
peripheral edema = peripheral oedema | leg edema | leg oedema | ankle edema | ankle oedema | lower extremity edema | lower limb oedema | lower limb edema | pedal edema | pedal oedema > edema
periorbital edema = periorbital oedema | eyelid edema | eyelid oedema | periocular edema > edema
facial edema = facial oedema | face oedema | facial swelling > edema
laryngeal edema = laryngeal oedema | laryngeal angioedema > edema
capillary leak syndrome = CLS | systemic capillary leak syndrome | capillary leak
posterior reversible encephalopathy syndrome = PRES | reversible posterior leukoencephalopathy syndrome | RPLS | reversible posterior leukoencephalopathy | reversible posterior encephalopathy syndrome
aortic dissection = dissecting aortic aneurysm
limb ischemia = peripheral ischemia | peripheral ischaemia | limb ischaemia | acute limb ischemia | digital ischemia | digital ischaemia
gangrene = digital gangrene | peripheral gangrene
pneumonitis = drug-induced pneumonitis | interstitial pneumonitis | immune-mediated pneumonitis | drug-induced lung injury | drug-induced lung disease | pulmonary toxicity | lung toxicity | pulmonary drug toxicity
interstitial lung disease = ILD | drug-induced interstitial lung disease | interstitial lung diseases | DILD | interstitial pneumonia | interstitial lung injury
pulmonary fibrosis = lung fibrosis | fibrosing alveolitis | pulmonary interstitial fibrosis
hypersensitivity pneumonitis = extrinsic allergic alveolitis | allergic alveolitis
bronchospasm = bronchoconstriction | bronchial spasm | wheezing | wheeze
asthma = asthma exacerbation | drug-induced asthma | aspirin-exacerbated respiratory disease | AERD | aspirin-induced asthma
cough = dry cough | chronic cough | persistent cough | ACE inhibitor cough | ACE inhibitor-induced cough
dyspnea = dyspnoea | shortness of breath | breathlessness | difficulty breathing | breathing difficulty | respiratory distress
pulmonary edema = pulmonary oedema | noncardiogenic pulmonary edema | non-cardiogenic pulmonary edema | non-cardiogenic pulmonary oedema | lung edema
acute respiratory distress syndrome = ARDS | adult respiratory distress syndrome | acute respiratory distress
respiratory depression = respiratory suppression | hypoventilation | opioid-induced respiratory depression
respiratory failure = respiratory insufficiency | acute respiratory failure
respiratory arrest = apnea | apnoea
hypoxia = hypoxemia | hypoxaemia | oxygen desaturation | desaturation
cyanosis = cyanotic
pleural effusion = pleural effusions | hydrothorax
eosinophilic pneumonia = pulmonary eosinophilia | acute eosinophilic pneumonia | chronic eosinophilic pneumonia
organizing pneumonia = organising pneumonia | bronchiolitis obliterans organizing pneumonia | bronchiolitis obliterans organising pneumonia | BOOP | cryptogenic organizing pneumonia | COP
bronchiolitis obliterans = obliterative bronchiolitis | constrictive bronchiolitis
diffuse alveolar hemorrhage = diffuse alveolar haemorrhage | DAH | pulmonary hemorrhage | pulmonary haemorrhage | alveolar hemorrhage | alveolar haemorrhage
pneumothorax = collapsed lung
lactic acidosis = lactic acidaemia | lactic acidemia | hyperlactatemia | hyperlactataemia | metformin-associated lactic acidosis | MALA
metabolic acidosis = high anion gap metabolic acidosis | anion gap acidosis
metabolic alkalosis = hypochloremic alkalosis
hyponatremia = hyponatraemia | low sodium | low serum sodium | drug-induced hyponatremia
hypernatremia = hypernatraemia
hyperkalemia = hyperkalaemia | high potassium | elevated potassium
hypokalemia = hypokalaemia | low potassium
hypocalcemia = hypocalcaemia | low calcium
hypercalcemia = hypercalcaemia | high calcium
hypomagnesemia = hypomagnesaemia | low magnesium
hypophosphatemia = hypophosphataemia | low phosphate
hyperphosphatemia = hyperphosphataemia
hyperuricemia = hyperuricaemia | elevated uric acid
gout = gouty arthritis | acute gout
hyperammonemia = hyperammonaemia | elevated ammonia | valproate-induced hyperammonemia
hypoalbuminemia = hypoalbuminaemia
syndrome of inappropriate antidiuretic hormone secretion = SIADH | syndrome of inappropriate antidiuretic hormone | syndrome of inappropriate secretion of antidiuretic hormone | inappropriate ADH syndrome | syndrome of inappropriate ADH secretion | inappropriate antidiuretic hormone secretion | SIAD | syndrome of inappropriate antidiuresis | inappropriate antidiuretic hormone syndrome > hyponatremia
hyperglycemia = hyperglycaemia | high blood sugar | elevated blood glucose | high blood glucose | increased blood glucose | drug-induced hyperglycemia
hypoglycemia = hypoglycaemia | symptomatic hypoglycemia | symptomatic hypoglycaemia | low blood sugar | low blood glucose | hypoglycaemic episode | hypoglycemic episode
diabetes mellitus = diabetes | new-onset diabetes | drug-induced diabetes | new-onset diabetes mellitus | steroid-induced diabetes | secondary diabetes
diabetic ketoacidosis = DKA | ketoacidosis | euglycemic diabetic ketoacidosis | euglycaemic diabetic ketoacidosis
hyperosmolar hyperglycemic state = hyperosmolar hyperglycaemic state | hyperosmolar nonketotic coma | HHS
hypothyroidism = hypothyreosis | underactive thyroid | drug-induced hypothyroidism | myxedema | myxoedema
hyperthyroidism = thyrotoxicosis | overactive thyroid | drug-induced hyperthyroidism | amiodarone-induced thyrotoxicosis
thyroiditis = painless thyroiditis | destructive thyroiditis | autoimmune thyroiditis | immune-related thyroiditis
adrenal insufficiency = adrenal crisis | hypoadrenalism | adrenocortical insufficiency | adrenal failure | secondary adrenal insufficiency
hypophysitis = autoimmune hypophysitis | immune-related hypophysitis | lymphocytic hypophysitis
cushing syndrome = Cushing's syndrome | Cushing syndrome | iatrogenic Cushing syndrome | iatrogenic Cushing's syndrome | cushingoid | Cushingoid features | cushingoid appearance
hyperlipidemia = hyperlipidaemia | dyslipidemia | dyslipidaemia | hypercholesterolemia | hypercholesterolaemia | elevated cholesterol
hypertriglyceridemia = hypertriglyceridaemia | elevated triglycerides | high triglycerides
gynecomastia = gynaecomastia | breast enlargement
hyperprolactinemia = hyperprolactinaemia | elevated prolactin
galactorrhea = galactorrhoea
amenorrhea = amenorrhoea
menstrual disorder = menstrual irregularities | irregular menses | menstrual irregularity | menorrhagia
weight gain = body weight gain | increased weight | weight increase
weight loss = body weight loss | weight decrease | decreased weight
tumor lysis syndrome = tumour lysis syndrome | TLS
lipodystrophy = lipoatrophy | fat redistribution | HIV-associated lipodystrophy
nausea = queasiness | sickness
vomiting = emesis | throwing up
nausea and vomiting = chemotherapy-induced nausea and vomiting | CINV | postoperative nausea and vomiting | PONV | nausea/vomiting
diarrhea = diarrhoea | loose stools | watery diarrhea | watery diarrhoea | diarrheas
constipation = obstipation
abdominal pain = stomach pain | abdominal cramps | abdominal discomfort | belly pain | epigastric pain | stomach ache
dyspepsia = indigestion | heartburn
gastroesophageal reflux = acid reflux | GERD | gastro-oesophageal reflux | GORD | reflux
pancreatitis = acute pancreatitis | drug-induced pancreatitis | drug-induced acute pancreatitis | pancreatic inflammation | necrotizing pancreatitis | necrotising pancreatitis
mucositis = oral mucositis | mucosal inflammation | mucositis oral | mucosal toxicity | gastrointestinal mucositis
stomatitis = mouth ulcers | mouth ulceration | oral ulceration | oral ulcers | aphthous stomatitis | aphthous ulcers | mouth sores | oral stomatitis
colitis = drug-induced colitis | immune-mediated colitis | immune-related colitis | microscopic colitis | lymphocytic colitis | collagenous colitis
pseudomembranous colitis = Clostridium difficile colitis | Clostridium difficile infection | CDI | CDAD | Clostridium difficile-associated diarrhea | Clostridium difficile-associated diarrhoea | Clostridioides difficile infection | C. difficile infection | C. difficile colitis | antibiotic-associated colitis > colitis
antibiotic-associated diarrhea = antibiotic-associated diarrhoea | antibiotic associated diarrhea | AAD > diarrhea
ischemic colitis = ischaemic colitis > colitis
neutropenic enterocolitis = typhlitis | neutropenic colitis
enterocolitis = enteritis
gastrointestinal perforation = GI perforation | bowel perforation | intestinal perforation | gastrointestinal perforations | gastric perforation | colonic perforation | bowel perforations
peptic ulcer = gastric ulcer | duodenal ulcer | peptic ulcer disease | stomach ulcer | gastroduodenal ulcer | NSAID-induced ulcer | gastric ulcers | peptic ulcers
gastritis = erosive gastritis | drug-induced gastritis
esophagitis = oesophagitis | pill esophagitis | pill oesophagitis | pill-induced esophagitis | drug-induced esophagitis | esophageal ulcer | oesophageal ulcer
dysgeusia = taste disturbance | taste disturbances | altered taste | taste alteration | parageusia | taste disorder | metallic taste
ageusia = loss of taste | taste loss
anorexia = loss of appetite | decreased appetite | appetite loss | poor appetite | reduced appetite
xerostomia = dry mouth | mouth dryness
hypersalivation = sialorrhea | sialorrhoea | drooling | excessive salivation | ptyalism
gingival hyperplasia = gingival overgrowth | gum hypertrophy | gingival hypertrophy | gum hyperplasia | drug-induced gingival overgrowth
ileus = paralytic ileus | intestinal pseudo-obstruction | bowel obstruction | intestinal obstruction
black hairy tongue = lingua villosa nigra | hairy tongue
tooth discoloration = tooth discolouration | teeth staining | tooth staining | dental discoloration
ascites = peritoneal effusion
hiccups = singultus | hiccough | hiccoughs | hiccup
seizures = seizure | convulsions | convulsion | epileptic seizures | epileptic seizure | generalized seizures | generalized tonic-clonic seizure | tonic-clonic seizures | drug-induced seizures | fits
status epilepticus = nonconvulsive status epilepticus | NCSE | convulsive status epilepticus > seizures
encephalopathy = toxic encephalopathy | metabolic encephalopathy | drug-induced encephalopathy | toxic-metabolic encephalopathy | acute encephalopathy
leukoencephalopathy = leucoencephalopathy | toxic leukoencephalopathy | white matter disease
progressive multifocal leukoencephalopathy = PML | progressive multifocal leucoencephalopathy > leukoencephalopathy
neurotoxicity = neurological toxicity | neurotoxic effects | neurotoxic effect | nervous system toxicity | ICANS | immune effector cell-associated neurotoxicity syndrome > adverse drug reaction
peripheral neuropathy = peripheral neuropathies | polyneuropathy | neuropathy | chemotherapy-induced peripheral neuropathy | CIPN | sensory neuropathy | peripheral sensory neuropathy | drug-induced neuropathy | drug-induced peripheral neuropathy | axonal neuropathy | sensorimotor neuropathy | peripheral nerve damage | toxic neuropathy
paresthesia = paraesthesia | paresthesias | paraesthesiae | paresthesiae | tingling | pins and needles | numbness | hypoesthesia | hypoaesthesia
headache = cephalalgia | headaches | cephalgia | head pain
migraine = migraine headache
dizziness = lightheadedness | light-headedness | dizzy
vertigo = spinning sensation
syncope = fainting | faint | loss of consciousness | syncopal episode
somnolence = drowsiness | sedation | sleepiness | excessive daytime sleepiness
insomnia = sleeplessness | sleep disturbance | difficulty sleeping
abnormal dreams = nightmares | vivid dreams
tremor = tremors | trembling | shaking
ataxia = unsteady gait | gait disturbance | incoordination
dysarthria = slurred speech
aphasia = speech disturbance
tardive dyskinesia = tardive dyskinesias | tardive syndrome > dyskinesia
dyskinesia = dyskinesias | drug-induced dyskinesia | involuntary movements | choreoathetosis | chorea
extrapyramidal symptoms = extrapyramidal side effects | EPS | extrapyramidal reactions | extrapyramidal syndrome | extrapyramidal disorder | extrapyramidal signs | extrapyramidal effects | extrapyramidal reaction
dystonia = dystonic reaction | acute dystonia | acute dystonic reaction | oculogyric crisis | torticollis > extrapyramidal symptoms
akathisia = acathisia | restlessness
parkinsonism = drug-induced parkinsonism | secondary parkinsonism | parkinsonian symptoms > extrapyramidal symptoms
neuroleptic malignant syndrome = NMS | neuroleptic malignant-like syndrome
serotonin syndrome = serotonin toxicity | serotonergic syndrome | serotoninergic syndrome
anticholinergic syndrome = anticholinergic toxicity | anticholinergic delirium
aseptic meningitis = drug-induced aseptic meningitis | DIAM | chemical meningitis
guillain-barre syndrome = Guillain-Barré syndrome | Guillain-Barre syndrome | Guillain Barre syndrome | GBS | acute inflammatory demyelinating polyneuropathy | AIDP
myasthenia gravis = myasthenic crisis | drug-induced myasthenia gravis
cerebellar toxicity = cerebellar syndrome | cerebellar ataxia | cerebellar dysfunction
optic neuritis = optic neuropathy | retrobulbar neuritis | toxic optic neuropathy | ischemic optic neuropathy
idiopathic intracranial hypertension = pseudotumor cerebri | pseudotumour cerebri | benign intracranial hypertension | IIH > intracranial hypertension
intracranial hypertension = raised intracranial pressure | increased intracranial pressure | elevated intracranial pressure | intracranial pressure increased
cognitive impairment = cognitive dysfunction | memory impairment | memory loss | cognitive decline | amnesia
delirium = acute confusional state | confusion | confusional state | mental confusion | disorientation
coma = unconsciousness | comatose
depression = depressive symptoms | depressed mood | depressive disorder | major depression
suicidal ideation = suicidal thoughts | suicidality | suicidal behavior | suicidal behaviour
suicide attempt = attempted suicide
psychosis = psychotic symptoms | psychotic disorder | psychotic reaction | drug-induced psychosis | acute psychosis | steroid psychosis
hallucinations = hallucination | visual hallucinations | auditory hallucinations
mania = manic episode | hypomania | manic symptoms
anxiety = nervousness | anxiety symptoms
agitation = psychomotor agitation | irritability
aggression = aggressive behavior | aggressive behaviour | hostility
withdrawal syndrome = drug withdrawal syndrome | withdrawal symptoms | discontinuation syndrome | withdrawal reaction | abstinence syndrome | antidepressant discontinuation syndrome
drug dependence = addiction | drug addiction | substance dependence | opioid dependence
drug overdose = overdose | overdosage | intoxication | drug intoxication | toxicity due to overdose
rhabdomyolysis = rhabdomyolyses | statin-induced rhabdomyolysis | acute rhabdomyolysis
myopathy = statin myopathy | drug-induced myopathy | myotoxicity | toxic myopathy | necrotizing myopathy | muscle toxicity
myalgia = muscle pain | muscle aches | muscle ache | myalgias
arthralgia = joint pain | arthralgias | joint aches
arthritis = inflammatory arthritis | polyarthritis
myositis = inflammatory myopathy | immune-mediated myositis | polymyositis
muscle weakness = muscular weakness | proximal muscle weakness
muscle cramps = muscle cramp | cramps | muscle spasms | muscle spasm
tendinopathy = tendinitis | tendonitis | tendon disorder | fluoroquinolone-associated tendinopathy
tendon rupture = achilles tendon rupture | Achilles tendon rupture | ruptured tendon > tendinopathy
osteonecrosis = avascular necrosis | aseptic necrosis | aseptic necrosis of bone | AVN | bone necrosis | avascular necrosis of the femoral head | osteonecrosis of the femoral head
osteonecrosis of the jaw = ONJ | jaw osteonecrosis | osteonecrosis of jaw | medication-related osteonecrosis of the jaw | MRONJ | bisphosphonate-related osteonecrosis of the jaw | BRONJ | bisphosphonate-associated osteonecrosis of the jaw | BONJ | bisphosphonate osteonecrosis | osteonecrosis of the jaws | avascular necrosis of the jaw > osteonecrosis
osteoporosis = bone loss | decreased bone mineral density | glucocorticoid-induced osteoporosis
fracture = fractures | bone fracture | bone fractures | fragility fracture
atypical femoral fracture = atypical femur fracture | atypical femoral fractures | AFF | atypical subtrochanteric fracture > fracture
osteomalacia = rickets | hypophosphatemic osteomalacia
drug-induced lupus erythematosus = lupus-like syndrome | drug-induced lupus | drug induced lupus | drug-induced lupus erythematosus | drug induced lupus erythematosus | DILE | lupus-like reaction | lupus-like disease | drug-induced systemic lupus erythematosus | drug-related lupus | subacute cutaneous lupus erythematosus | SCLE > systemic lupus erythematosus
systemic lupus erythematosus = SLE | lupus | lupus erythematosus
serum sickness = serum sickness-like reaction | serum sickness like reaction | SSLR | serum-sickness-like reaction
sarcoidosis = sarcoid-like reaction | sarcoidosis-like reaction | drug-induced sarcoidosis | sarcoid reaction | sarcoid-like granulomatous reaction
fever = pyrexia | febrile | drug fever | febrile reaction | high fever | fevers
hyperthermia = hyperpyrexia
malignant hyperthermia = malignant hyperpyrexia
chills = rigors | rigor | shivering
hemophagocytic lymphohistiocytosis = HLH | haemophagocytic lymphohistiocytosis | hemophagocytic syndrome | haemophagocytic syndrome | macrophage activation syndrome | MAS
immune-related adverse event = immune-related adverse events | irAE | irAEs | immune related adverse event | immune related adverse events | immune-mediated adverse event | immune-mediated adverse events | imAE > adverse drug reaction
immune reconstitution inflammatory syndrome = IRIS | immune reconstitution syndrome | immune reconstitution disease
fatigue = tiredness | lethargy | exhaustion | tired
asthenia = weakness | generalized weakness | generalised weakness | debility
malaise = feeling unwell
lymphadenopathy = swollen lymph nodes | lymph node enlargement | lymphadenitis
splenomegaly = enlarged spleen
hepatomegaly = enlarged liver
sepsis = septicemia | septicaemia | septic shock | bacteremia | bacteraemia | blood stream infection
opportunistic infection = opportunistic infections
infection = infections | serious infection | serious infections | infectious complications
pneumonia = lung infection | bacterial pneumonia
pneumocystis pneumonia = Pneumocystis jirovecii pneumonia | Pneumocystis carinii pneumonia | PCP | PJP | Pneumocystis pneumonia | pneumocystosis > opportunistic infection
herpes zoster = shingles | herpes zoster reactivation | varicella zoster reactivation | zoster
hepatitis B reactivation = HBV reactivation | reactivation of hepatitis B | hepatitis B virus reactivation | reactivation of hepatitis B virus
tuberculosis = TB | tuberculosis reactivation | reactivation of tuberculosis | latent tuberculosis reactivation
invasive fungal infection = invasive fungal infections | fungal infection | invasive aspergillosis | candidiasis | candidemia
cataract = cataracts | lens opacity | steroid-induced cataract | posterior subcapsular cataract
glaucoma = angle-closure glaucoma | acute angle-closure glaucoma | steroid-induced glaucoma | raised intraocular pressure | elevated intraocular pressure | ocular hypertension
uveitis = iritis | anterior uveitis | drug-induced uveitis
retinopathy = retinal toxicity | chloroquine retinopathy | hydroxychloroquine retinopathy | retinal damage | maculopathy | bull's eye maculopathy
retinal detachment = serous retinal detachment | central serous chorioretinopathy | MEK inhibitor-associated retinopathy
retinal vein occlusion = RVO | central retinal vein occlusion
macular edema = macular oedema | cystoid macular edema | cystoid macular oedema
blurred vision = vision blurred | visual blurring | blurring of vision | blurry vision
visual impairment = visual disturbance | visual disturbances | vision loss | visual loss | decreased visual acuity | blindness
photophobia = light sensitivity
conjunctivitis = conjunctival hyperemia | red eye | pink eye
keratitis = corneal toxicity | keratopathy | corneal deposits | vortex keratopathy
dry eye = dry eyes | ocular dryness | keratoconjunctivitis sicca | xerophthalmia
epiphora = excessive tearing | watery eyes | lacrimation | increased lacrimation
ocular toxicity = eye toxicity | ocular adverse events > adverse drug reaction
ototoxicity = ototoxic effect | drug-induced ototoxicity | aminoglycoside ototoxicity | cisplatin ototoxicity | vestibulotoxicity > adverse drug reaction
hearing loss = deafness | sensorineural hearing loss | hypoacusis | hearing impairment | sudden hearing loss | sudden sensorineural hearing loss
tinnitus = ringing in the ears
anosmia = loss of smell | smell disorder | olfactory dysfunction
secondary malignancy = second primary malignancy | second primary malignancies | therapy-related malignancy | second malignancy | secondary malignancies | second cancer | treatment-related malignancy | secondary cancer
therapy-related myeloid neoplasm = therapy-related acute myeloid leukemia | t-AML | therapy-related AML | secondary AML | treatment-related AML | secondary acute myeloid leukemia | secondary acute myeloid leukaemia | therapy-related myelodysplastic syndrome | t-MDS | t-MN > secondary malignancy
acute myeloid leukemia = AML | acute myelogenous leukemia | acute myeloid leukaemia | acute myelogenous leukaemia | acute non-lymphocytic leukemia | acute nonlymphocytic leukemia | acute non-lymphocytic leukaemia | ANLL
hepatosplenomegaly = enlarged liver and spleen
pulmonary infiltrates = pulmonary infiltrate | lung infiltrates | lung infiltrate | pulmonary infiltration
atypical lymphocytosis = atypical lymphocytes | lymphocytosis
tetany = hypocalcemic tetany | hypocalcaemic tetany
central nervous system depression = CNS depression
sicca syndrome = sicca complex | sicca symptoms
myelodysplastic syndrome = MDS | myelodysplastic syndromes | myelodysplasia
post-transplant lymphoproliferative disorder = PTLD | posttransplant lymphoproliferative disorder | lymphoproliferative disorder | lymphoproliferative disease
hepatosplenic T-cell lymphoma = HSTCL | hepatosplenic T cell lymphoma
kaposi sarcoma = Kaposi's sarcoma | Kaposi sarcoma
teratogenicity = birth defects | birth defect | congenital malformations | congenital malformation | congenital anomalies | fetal malformations | embryopathy | teratogenic effects | drug-induced birth defects
fetal toxicity = foetal toxicity | fetotoxicity | fetal harm
miscarriage = spontaneous abortion | pregnancy loss
erectile dysfunction = impotence | sexual dysfunction | decreased libido | loss of libido | ejaculatory dysfunction
priapism = prolonged erection
infertility = impaired fertility | azoospermia | oligospermia
differentiation syndrome = retinoic acid syndrome | ATRA syndrome | retinoic acid syndrome (RAS)
propofol infusion syndrome = PRIS | propofol-related infusion syndrome
red man syndrome = red neck syndrome | vancomycin flushing syndrome | vancomycin infusion reaction | red-man syndrome > infusion reaction
reye syndrome = Reye's syndrome | Reye syndrome
disulfiram-like reaction = disulfiram reaction | disulfiram-like effect | antabuse-like reaction
jarisch-herxheimer reaction = Jarisch-Herxheimer reaction | Herxheimer reaction
extravasation injury = extravasation | extravasation necrosis | infiltration injury
tissue necrosis = necrosis | local necrosis
local reaction = local irritation | local site reaction
hypothermia = low body temperature
dehydration = volume depletion | hypovolemia | hypovolaemia
electrolyte imbalance = electrolyte disturbance | electrolyte disturbances | electrolyte abnormalities
hypersomnia = excessive sleepiness
restless legs syndrome = RLS | restless legs
neuromuscular blockade = prolonged neuromuscular blockade | prolonged paralysis
gray baby syndrome = grey baby syndrome | Gray baby syndrome
drug interaction = drug-drug interaction | DDI | drug interactions | drug-drug interactions
medication error = dosing error | medication errors
# General signs, findings and laboratory terms (issue 3): wording reports use for reactions.
swelling = swellings | tissue swelling | soft tissue swelling
piloerection = goose bumps | gooseflesh | horripilation
antinuclear antibody positivity = positive antinuclear antibody | positive antinuclear antibodies | antinuclear antibodies | antinuclear antibody | anti-nuclear antibodies | anti-nuclear antibody | ANA positivity | positive ANA
ANCA positivity = ANCA | positive ANCA | antineutrophil cytoplasmic antibodies | antineutrophil cytoplasmic antibody | anti-neutrophil cytoplasmic antibodies | anti-neutrophil cytoplasmic antibody
anti-dsDNA antibodies = anti-double-stranded DNA antibodies | anti-double-stranded DNA | anti-dsDNA | anti-DNA antibodies
autoantibody formation = autoantibodies | positive autoantibodies | autoantibody production | induction of autoantibodies
altered mental status = altered mental state | mental status changes | change in mental status | altered level of consciousness | altered consciousness | decreased level of consciousness
cardiovascular collapse = cardiac collapse | hemodynamic collapse > shock
brain damage = cerebral damage | brain injury
obtundation = obtunded state
unresponsiveness = unresponsive state
hyperactivity = hyperkinetic behavior | motor hyperactivity
hypervolemia = fluid overload | volume overload | hypervolaemia | fluid retention
chest tightness = tightness in the chest | chest tightening | chest constriction
myasthenic syndrome = drug-induced myasthenic syndrome | myasthenic crisis
multiple organ failure = multiorgan failure | multi-organ failure | multiorgan dysfunction | multi-organ dysfunction
sinus arrest = sinus pause | sinoatrial arrest | sinus pauses
proarrhythmia = proarrhythmic effect | proarrhythmic effects | pro-arrhythmia | proarrhythmic events | proarrhythmic event > arrhythmia
over-anticoagulation = overanticoagulation | excessive anticoagulation | supratherapeutic anticoagulation | excessive anticoagulant effect
tremulousness = jitteriness | jitters > tremor
muscle twitching = muscle twitches | muscular twitching | twitching | twitches
rebound hypertension = rebound hypertensive crisis > hypertension
""".strip()


# ---------------------------------------------------------------------------
# Text normalisation for reaction terms
# ---------------------------------------------------------------------------

TOKEN_RE = re.compile(r"[A-Za-z\u00C0-\u024F]+|[^A-Za-z\u00C0-\u024F]+")


def acronym_case(s):
    """Lower-case everything except acronyms (all-caps words with >=2 letters) and Ig[ADEGM]."""
    out = []
    toks = TOKEN_RE.findall(s)
    shouting = sum(1 for t in toks if t[0].isalpha() and len(t) >= 4 and t.isupper()) >= 2
    for tok in toks:
        if tok[0].isalpha() and shouting:
            out.append(tok.lower())
            continue
        if tok[0].isalpha():
            letters = [c for c in tok if c.isalpha()]
            if len(letters) >= 2 and all(c.isupper() for c in letters):
                out.append(tok)
                continue
            if re.fullmatch(r"Ig[ADEGM]", tok):
                out.append(tok)
                continue
            out.append(tok.lower())
        else:
            out.append(tok)
    return re.sub(r"\s+", " ", "".join(out)).strip()


def uninvert_name(s):
    """MeSH inverted heading "Leukemia, Myeloid, Acute" -> "Acute Myeloid Leukemia".

    A trailing number/type code stays at the end ("Epilepsy, Familial Adult Myoclonic, 3" ->
    "Familial Adult Myoclonic Epilepsy 3"). Headings whose comma parts are not simple
    modifiers (parts starting with "and"/"with"/"or", or containing " and "/" with ") are kept
    in their original order without being reversed.
    """
    if ", " not in s:
        return s
    parts = s.split(", ")
    suffix = []
    if re.fullmatch(r"(?i)(type [\w-]+|\d+[A-Za-z]?|[IVX]+)", parts[-1]) and (len(parts) > 2 or parts[-1].lower().startswith("type")):
        suffix = [parts.pop()]
    if len(parts) == 1:
        return " ".join(parts + suffix)
    for p in parts[1:]:
        if re.match(r"(and|with|or|without|due|type)\b", p, re.I) or re.search(r"\b(and|with|or)\b", p):
            return s
    return " ".join(list(reversed(parts)) + suffix)


def uninvert_synonym(s):
    """Simple "X, Y" -> "Y X"; more complex inversions return None (dropped)."""
    if ", " not in s:
        return s
    parts = s.split(", ")
    if len(parts) == 2 and all(p.strip() for p in parts):
        return parts[1] + " " + parts[0]
    return None


def good_term(s):
    if len(s) < 3 or is_numeric(s):
        return False
    if key(s) in ENGLISH_STOP:
        return False
    return True


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------


def load_hgnc(data):
    path = os.path.join(data, "vocab/hgnc/hgnc_complete_set_2024.txt.gz")
    genes = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rd = csv.DictReader(f, delimiter="\t")
        for r in rd:
            genes.append(r)
    return genes


def split_multi(v):
    v = (v or "").strip().strip('"')
    return [x.strip() for x in v.split("|") if x.strip()]


def build_targets(data, outdir, log):
    genes = load_hgnc(data)
    approved = [g for g in genes if g["status"] == "Approved" and g["locus_group"] == "protein-coding gene"]
    all_symbols = {g["symbol"] for g in genes if g["status"] == "Approved"}
    # symbol resolver (current symbol, previous symbol if unique)
    prev_map = defaultdict(set)
    for g in genes:
        if g["status"] != "Approved":
            continue
        for p in split_multi(g["prev_symbol"]):
            prev_map[p].add(g["symbol"])
    uni_map = defaultdict(set)
    for g in approved:
        for u in split_multi(g["uniprot_ids"]):
            uni_map[u].add(g["symbol"])

    def resolve_symbol(sym):
        if sym in all_symbols:
            return sym
        c = prev_map.get(sym)
        if c and len(c) == 1:
            return next(iter(c))
        return None

    # kinases
    kinases = set()
    kpath = os.path.join(data, "vocab/kinases/indra_human_kinases.tsv")
    k_unresolved = []
    with open(kpath, encoding="utf-8") as f:
        rd = csv.reader(f, delimiter="\t")
        next(rd)
        for row in rd:
            acc, gene = row[0].strip(), row[1].strip()
            s = None
            if acc in uni_map and len(uni_map[acc]) == 1:
                s = next(iter(uni_map[acc]))
            if s is None:
                s = resolve_symbol(gene)
            if s:
                kinases.add(s)
            else:
                k_unresolved.append(gene)
    log.append("kinase list: %d mapped to HGNC, %d unresolved (%s)" % (len(kinases), len(k_unresolved), ",".join(k_unresolved[:10])))

    # DrugCentral 2016 efficacy targets (human)
    dc_rows = load_drugcentral_targets(data)
    drug_target_genes = set()
    for r in dc_rows:
        for s in r["genes"]:
            rs = resolve_symbol(s)
            if rs:
                drug_target_genes.add(rs)

    # alias ambiguity (non-curated aliases shared by >1 gene are dropped)
    alias_owner = defaultdict(set)
    alias_words_owner = defaultdict(set)  # by the words the extractor reads ("ADAMTS-3" is "adamts 3")
    for g in approved:
        for a in split_multi(g["alias_symbol"]) + split_multi(g["prev_symbol"]):
            alias_owner[a].add(g["symbol"])
            alias_words_owner[word_key(a)].add(g["symbol"])
    curated_alias_keys = {}
    for sym, al in CURATED_TARGET_ALIASES.items():
        for a in al:
            curated_alias_keys.setdefault(a, sym)

    family_keys = set()
    for fam, members, faliases in CURATED_FAMILIES:
        family_keys.add(key(fam))
        family_keys.update(key(a) for a in faliases)
    rows = []
    dropped = defaultdict(int)
    approved_syms = {g["symbol"] for g in approved}
    symbol_words = {word_key(x): x for x in all_symbols}
    missing_curated = [s for s in CURATED_TARGET_ALIASES if s not in approved_syms]
    if missing_curated:
        log.append("WARNING curated target symbols not in HGNC protein-coding: %s" % missing_curated)
    for g in approved:
        sym = g["symbol"]
        aliases = []
        for a in split_multi(g["alias_symbol"]) + split_multi(g["prev_symbol"]):
            if a == sym:
                continue
            if a in all_symbols:
                dropped["alias is another approved symbol"] += 1
                continue
            if len(alias_owner[a]) > 1 or len(alias_words_owner[word_key(a)]) > 1:
                dropped["alias shared by several genes"] += 1
                continue
            if symbol_words.get(word_key(a), sym) != sym:
                dropped["alias reads as another approved symbol without its punctuation"] += 1
                continue
            if a in curated_alias_keys and curated_alias_keys[a] != sym:
                dropped["alias claimed by curated variant of another gene"] += 1
                continue
            if len(a) < 3 or is_numeric(a) or key(a) in ENGLISH_STOP:
                dropped["alias too short/numeric/English word"] += 1
                continue
            aliases.append(a)
        for a in split_multi(g["alias_name"]):
            if key(a) == key(g["name"]) or len(a) < 3:
                continue
            aliases.append(a)
        n_before = len(aliases)
        aliases = [a for a in aliases if key(a) not in family_keys]
        dropped["alias is a family term (target_families.tsv)"] += n_before - len(aliases)
        aliases.extend(CURATED_TARGET_ALIASES.get(sym, []))
        aliases = [clean_field(a) for a in aliases if clean_field(a) != sym]
        rows.append([sym, uniq_sorted(aliases), g["name"],
                     "1" if sym in kinases else "0", "1" if sym in drug_target_genes else "0"])
    rows.sort(key=lambda r: sort_key(r[0]))
    n = write_tsv(os.path.join(outdir, "targets.tsv"),
                  ["symbol", "aliases", "name", "is_kinase", "is_drug_target"], rows)
    log.append("targets.tsv: %d genes (%d kinases, %d DrugCentral 2016 targets); dropped aliases: %s" % (
        n, sum(1 for r in rows if r[3] == "1"), sum(1 for r in rows if r[4] == "1"), dict(sorted(dropped.items()))))

    # families
    fam_rows = []
    for fam, members, aliases in CURATED_FAMILIES:
        for m in members:
            if m not in approved_syms:
                log.append("WARNING family %s member %s not in HGNC" % (fam, m))
        fam_rows.append([fam, members, uniq_sorted(a for a in aliases if a != fam)])
    fam_rows.sort(key=lambda r: sort_key(r[0]))
    n = write_tsv(os.path.join(outdir, "target_families.tsv"), ["family", "members", "aliases"], fam_rows)
    log.append("target_families.tsv: %d families" % n)
    return resolve_symbol, approved_syms, dc_rows


def load_drugcentral_targets(data):
    path = os.path.join(data, "vocab/drugcentral/drug_target_2016_efficacy.tsv")
    out = []
    with open(path, encoding="utf-8") as f:
        rd = csv.DictReader(f, delimiter="\t")
        for r in rd:
            sp = [x for x in (r.get("SWISSPROT") or "").split("|") if x]
            if not sp or not all(x.endswith("_HUMAN") for x in sp):
                continue
            genes = [x.strip() for x in (r.get("GENE") or "").split("|") if x.strip()]
            out.append({"drug_id": r["DRUG_ID"].strip(), "drug": r["DRUG_NAME"].strip().lower(),
                        "genes": genes, "action": (r.get("ACTION_TYPE") or "").strip().lower()})
    return out


def build_drugs(data, outdir, log, approved_syms):
    path = os.path.join(data, "vocab/drugbank/drugbank_vocabulary.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    drugs = {}  # name -> {"id": .., "syn": set}
    dropped = defaultdict(int)
    dropped_food = []
    for r in rows:
        name = clean_field(r["Common name"]).lower()
        if not name:
            continue
        if name in FOOD_WORDS:
            dropped_food.append(name)
            continue
        syns = [clean_field(s) for s in r["Synonyms"].split(" | ") if clean_field(s)]
        if name in CURATED_DRUG_RENAMES:
            syns.append(clean_field(r["Common name"]))
            name = CURATED_DRUG_RENAMES[name]
        drugs[name] = {"id": r["DrugBank ID"].strip(), "syn": syns}

    # synonym filtering
    name_keys = {key(n): n for n in drugs}
    name_words = {word_key(n): n for n in drugs}
    syn_owner = defaultdict(set)
    # The drugs each plainly written name or synonym (letters, digits, spaces, hyphens) belongs to, by its words.
    plain_words = defaultdict(set)
    for n, d in drugs.items():
        plain_words[word_key(n)].add(n)
        for s in d["syn"]:
            syn_owner[key(s)].add(n)
            if is_plain(s):
                plain_words[word_key(s)].add(n)
    gene_upper = {s.upper() for s in approved_syms}

    def keep_syn(s, owner):
        k = key(s)
        if k == key(owner):
            return None
        if len(s) < 3:
            return "shorter than 3 chars"
        if is_numeric(s):
            return "purely numeric"
        if len(s) > 60:
            return "longer than 60 chars"
        if k in ENGLISH_STOP or k in FOOD_WORDS:
            return "common English word / food"
        if k in name_keys and name_keys[k] != owner:
            return "is another drug's name"
        if name_words.get(word_key(s), owner) != owner:
            return "is another drug's name without its punctuation"
        if not is_plain(s) and plain_words[word_key(s)] - {owner}:
            return "is another drug's synonym without its punctuation"
        if len(syn_owner[k]) > 1:
            return "shared by several drugs"
        if re.fullmatch(r"[A-Za-z]{1,5}", s) and sum(c.isupper() for c in s) >= 2:
            return "short letter abbreviation"
        if s.upper() in gene_upper and s == s.upper():
            return "equals an HGNC gene symbol"
        return ""

    for n, d in drugs.items():
        kept = []
        for s in d["syn"]:
            why = keep_syn(s, n)
            if why is None:
                continue
            if why:
                dropped[why] += 1
                continue
            kept.append(s)
        d["syn"] = kept

    # curated rows, brands, abbreviations
    for n, syns in CURATED_DRUG_ROWS.items():
        drugs.setdefault(n, {"id": "", "syn": []})
        drugs[n]["syn"] = list(drugs[n]["syn"]) + syns
    curated_syn_keys = {}

    def resolve_generic(g):
        k = key(g)
        if k in name_keys:
            return name_keys[k]
        if g in drugs:
            return g
        owners = syn_owner.get(k)
        if owners and len(owners) == 1:
            return next(iter(owners))
        return None

    unresolved = []
    added = 0
    for generic, brands in sorted(CURATED_BRANDS.items()):
        n = resolve_generic(generic)
        if n is None:
            unresolved.append(generic)
            continue
        for b in brands:
            drugs[n]["syn"].append(b)
            curated_syn_keys[key(b)] = n
            added += 1
    for abbr, generic in sorted(CURATED_ABBREV.items()):
        n = resolve_generic(generic)
        if n is None:
            unresolved.append(generic)
            continue
        drugs[n]["syn"].append(abbr)
        curated_syn_keys[key(abbr)] = n
        added += 1
    for n, syns in CURATED_DRUG_ROWS.items():
        for s in syns:
            curated_syn_keys[key(s)] = n
    # curated synonyms win: remove them from any other drug
    for n, d in drugs.items():
        d["syn"] = [s for s in d["syn"] if curated_syn_keys.get(key(s), n) == n]
    if unresolved:
        log.append("WARNING unresolved curated generics: %s" % sorted(set(unresolved)))

    out = []
    for n in sorted(drugs, key=sort_key):
        d = drugs[n]
        syns = uniq_sorted(s for s in d["syn"] if key(s) != key(n))
        # de-duplicate case-variants that differ only by case (keep first in sort order)
        seen, final = set(), []
        for s in syns:
            if s in seen:
                continue
            seen.add(s)
            final.append(s)
        out.append([n, final, d["id"]])
    cnt = write_tsv(os.path.join(outdir, "drugs.tsv"), ["name", "synonyms", "drugbank_id"], out)
    log.append("drugs.tsv: %d drugs; %d curated brand/abbreviation synonyms; dropped %d food/everyday-word rows; dropped synonyms: %s" % (
        cnt, added, len(dropped_food), dict(sorted(dropped.items()))))
    return drugs, resolve_generic


def build_drug_targets(data, outdir, log, dc_rows, resolve_symbol, drugs, resolve_generic):
    # DrugCentral DRUG_ID -> DrugBank id (identifiers_2016.tsv)
    ident = os.path.join(data, "vocab/drugcentral/identifiers_2016.tsv")
    dc2db = defaultdict(set)
    with open(ident, encoding="utf-8") as f:
        rd = csv.reader(f, delimiter="\t")
        next(rd)
        for row in rd:
            if len(row) < 4:
                continue
            if row[2].strip('"') == "DRUGBANK_ID":
                dc2db[row[0].strip()].add(row[3].strip('"'))
    db2name = {d["id"]: n for n, d in drugs.items() if d["id"]}
    edges = defaultdict(lambda: {"action": set(), "source": set()})
    unmapped_drugs = set()
    unmapped_genes = set()
    for r in dc_rows:
        name = None
        ids = sorted(dc2db.get(r["drug_id"], ()))
        for i in ids:
            if i in db2name:
                name = db2name[i]
                break
        if name is None:
            name = resolve_generic(r["drug"])
        if name is None:
            unmapped_drugs.add(r["drug"])
            name = r["drug"]
        for gsym in r["genes"]:
            s = resolve_symbol(gsym)
            if s is None:
                unmapped_genes.add(gsym)
                continue
            e = edges[(name, s)]
            if r["action"]:
                e["action"].add(r["action"])
            e["source"].add("drugcentral2016")
    curated = {
        "imatinib": ["ABL1", "KIT", "PDGFRA", "PDGFRB"],
        "sorafenib": ["RAF1", "BRAF", "FLT1", "KDR", "FLT4", "PDGFRB", "KIT", "FLT3", "RET"],
    }
    n_cur = 0
    for drug, targets in curated.items():
        for t in targets:
            if (drug, t) not in edges:
                e = edges[(drug, t)]
                e["action"].add("inhibitor")
                e["source"].add("curated")
                n_cur += 1
    rows = []
    for (d, t) in sorted(edges, key=lambda x: (sort_key(x[0]), x[1])):
        e = edges[(d, t)]
        rows.append([d, t, sorted(e["action"]), sorted(e["source"])])
    n = write_tsv(os.path.join(outdir, "drug_targets.tsv"), ["drug", "target", "action", "source"], rows)
    log.append("drug_targets.tsv: %d edges (%d curated additions); %d DrugCentral drug names not in drugs.tsv (kept as given); unmapped gene symbols: %s" % (
        n, n_cur, len(unmapped_drugs), sorted(unmapped_genes)))


BRITISH_SPELLINGS = [
    (r"\bhem(?=[aeo])", "haem"), (r"(?<=[a-z])(?<!a)em(?=ias?\b|ic\b)", "aem"), (r"(?<![a-z])edema", "oedema"),
    (r"(?<=[a-z])(?<!o)edema", "oedema"), (r"\besophag", "oesophag"), (r"\bestrogen", "oestrogen"),
    (r"tumor", "tumour"), (r"rrhea\b", "rrhoea"), (r"(?<=[a-z])pnea\b", "pnoea"), (r"\bfetal", "foetal"),
    (r"\bfetus", "foetus"), (r"pediatric", "paediatric"), (r"\bcelia", "coelia"), (r"(?<![a])esthesi", "aesthesi"),
    (r"gynecomast", "gynaecomast"), (r"\bleuko", "leuco"), (r"(?<=[a-z])leuko", "leuco"), (r"\bcolor", "colour"),
    (r"behavior", "behaviour"), (r"(?<=[a-z]{3})iz(?=ed\b|ation|ing\b|e\b|es\b)", "is"),
]


def british(term):
    """The British spelling of a term (all rules at once); the term itself when none applies."""
    out = term
    for pat, rep in BRITISH_SPELLINGS:
        out = re.sub(pat, rep, out)
    return out


def parse_curated_reactions():
    out = []
    for line in CURATED_REACTIONS.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        broader = []
        if " > " in line:
            line, b = line.split(" > ", 1)
            broader = [x.strip() for x in b.split(" | ") if x.strip()]
        if " = " in line:
            name, syn = line.split(" = ", 1)
            syns = [x.strip() for x in syn.split(" | ") if x.strip()]
        else:
            name, syns = line, []
        out.append((name.strip(), syns, broader))
    return out


# Curated terms that are an entry term (synonym) of a MeSH heading with another name: merge
# only where the concepts really coincide (reviewed by hand). For every other such case the
# MeSH heading is used as a broader term of the curated entry instead.
PASS2_MERGE = {
    "rash": "exanthema",
    "ANCA-associated vasculitis": "anti-neutrophil cytoplasmic antibody-associated vasculitis",
    "valvular heart disease": "heart valve diseases",
    "posterior reversible encephalopathy syndrome": "posterior leukoencephalopathy syndrome",
    "hyperosmolar hyperglycemic state": "hyperglycemic hyperosmolar nonketotic coma",
    "pseudomembranous colitis": "pseudomembranous enterocolitis",
    "leukoencephalopathy": "leukoencephalopathies",
    "migraine": "migraine disorders",
    "insomnia": "sleep initiation and maintenance disorders",
    "parkinsonism": "parkinsonian disorders",
    "psychosis": "psychotic disorders",
    "anxiety": "anxiety disorders",
    "hypersomnia": "disorders of excessive somnolence",
}


def build_reactions(data, outdir, log):
    path = os.path.join(data, "vocab/mesh/CTD_diseases.tsv.gz")
    mesh = {}  # MeSH id -> dict(name, syns, parents)
    n_omim = n_out_of_tree = 0
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) < 8:
                continue
            did = c[1]
            if not did.startswith("MESH:"):
                n_omim += 1
                continue
            trees = [t for t in c[5].split("|") if t]
            # keep the disease (C) tree and mental disorders (F03) tree
            if not any(t.startswith("C") or t.startswith("F03") for t in trees):
                n_out_of_tree += 1
                continue
            parents = [p for p in c[4].split("|") if p.startswith("MESH:")]
            syns = [s for s in c[7].split("|") if s]
            mesh[did] = {"name": c[0], "syns": syns, "parents": parents}

    # normalise MeSH entries
    def norm_syn(s):
        if re.match(r"(INCLUDED|FORMERLY)\b", s, re.I):
            return None  # OMIM-style annotations merged into CTD rows
        s2 = uninvert_synonym(s)
        if s2 is None:
            return None
        s2 = acronym_case(clean_field(s2))
        return s2 if good_term(s2) else None

    entries = {}  # normalised name -> entry
    id2name = {}
    dropped_syn = 0
    for did in sorted(mesh):
        m = mesh[did]
        nm = acronym_case(clean_field(uninvert_name(m["name"])))
        e = entries.setdefault(nm, {"name": nm, "syns": set(), "broader_ids": set(), "broader": set(),
                                    "source": set(), "ids": set()})
        e["source"].add("mesh")
        e["ids"].add(did)
        for s in m["syns"]:
            ns = norm_syn(s)
            if ns is None:
                dropped_syn += 1
                continue
            e["syns"].add(ns)
        e["broader_ids"].update(m["parents"])
        id2name[did] = nm

    # curated entries (merge with MeSH where the names collide)
    curated = parse_curated_reactions()
    name_index = {key(n): n for n in entries}
    syn_index = defaultdict(set)
    for n, e in entries.items():
        for s in e["syns"]:
            syn_index[key(s)].add(n)
    claimed = {}
    cur_entries = {}
    for name, syns, broader in curated:
        nm = name.lower() if not re.search(r"\b[A-Z]{2,}\b", name) else name
        cur_entries[nm] = (syns, broader)
    # pass 1: MeSH name equals curated name or curated synonym
    merges = defaultdict(set)
    for nm, (syns, broader) in cur_entries.items():
        for t in [nm] + syns:
            mn = name_index.get(key(t))
            if mn and mn not in claimed:
                claimed[mn] = nm
                merges[nm].add(mn)
    pass2 = []
    # pass 2: curated name is a synonym of exactly one unclaimed MeSH entry
    for nm in cur_entries:
        if merges[nm]:
            continue
        cands = [c for c in syn_index.get(key(nm), ()) if c not in claimed]
        if len(cands) == 1:
            pass2.append((nm, cands[0]))
            if PASS2_MERGE.get(nm) == cands[0]:
                claimed[cands[0]] = nm
                merges[nm].add(cands[0])
            else:
                # not the same concept: the MeSH heading becomes a broader term
                cur_entries[nm][1].append(cands[0])
    if os.environ.get("VOCAB_DEBUG"):
        for a, b in pass2:
            print("pass2", a, "<-", b)
    final = {}
    for nm, (syns, broader) in cur_entries.items():
        e = {"name": nm, "syns": set(syns), "broader_ids": set(), "broader": set(broader),
             "source": {"curated"}, "ids": set(), "curated_syns": set(syns)}
        for mn in sorted(merges[nm]):
            me = entries[mn]
            e["syns"].update(me["syns"])
            if key(mn) != key(nm):
                e["syns"].add(mn)
            e["broader_ids"].update(me["broader_ids"])
            e["ids"].update(me["ids"])
            e["source"].add("mesh")
            for i in me["ids"]:
                id2name[i] = nm
        final[nm] = e
    for mn, e in entries.items():
        if mn in claimed:
            continue
        e["curated_syns"] = set()
        final[mn] = e
    # resolve MeSH parent ids to (possibly curated) names
    for e in final.values():
        for pid in e["broader_ids"]:
            if pid in id2name:
                e["broader"].add(id2name[pid])
        e["broader"].discard(e["name"])

    # synonym hygiene: names win, curated synonyms win, ambiguous MeSH synonyms dropped
    name_keys = {key(n): n for n in final}
    cur_syn_owner = {}
    for n, e in final.items():
        if "curated" in e["source"]:
            for s in e["curated_syns"]:
                cur_syn_owner.setdefault(key(s), n)
    syn_count = defaultdict(set)
    for n, e in final.items():
        for s in e["syns"]:
            syn_count[key(s)].add(n)
    removed = defaultdict(int)
    for n, e in final.items():
        keep = set()
        for s in e["syns"]:
            k = key(s)
            if k == key(n):
                continue
            is_cur = s in e["curated_syns"]
            if not is_cur and not good_term(s):
                removed["short/numeric/English word"] += 1
                continue
            if not is_cur and is_acronym(s) and (any(c.isdigit() for c in s) or s in CLINICAL_ABBREVIATIONS
                                                   or not any(abbreviates(s, x) for x in [n] + sorted(e["syns"]) if x != s)):
                # OMIM locus symbols merged into MEDIC rows ("AD11", "ALS2", "PKD" for paroxysmal
                # dystonia) and clinical abbreviations.
                removed["acronym that is not the entry's own short form"] += 1
                continue
            if k in name_keys and name_keys[k] != n:
                removed["equals another entry's name"] += 1
                continue
            owners = {cur_syn_owner.get(x) for x in plural_keys(k)} | {name_keys.get(x) for x in plural_keys(k)[1:]}
            owners.discard(None)
            if owners and n not in owners:
                removed["claimed by a curated entry"] += 1
                continue
            if not is_cur and k not in cur_syn_owner and len(syn_count[k]) > 1:
                removed["ambiguous across MeSH entries"] += 1
                continue
            keep.add(s)
        e["syns"] = keep

    # British spellings ("haemorrhage", "leukaemia", "oedema", "generalised"): MeSH writes American
    # English, many reports do not. A variant is added unless some entry already has that key.
    taken = set(name_keys)
    for e in final.values():
        taken.update(key(x) for x in e["syns"])
    n_british = 0
    for n in sorted(final, key=sort_key):
        e = final[n]
        for t in sorted({n} | e["syns"], key=sort_key):
            b = british(t)
            if b != t and key(b) not in taken:
                e["syns"].add(b)
                taken.add(key(b))
                n_british += 1
    log.append("reactions.tsv: %d British spelling variants added" % n_british)

    rows = []
    for n in sorted(final, key=sort_key):
        e = final[n]
        # collapse synonyms differing only by case: prefer the form with acronyms kept
        by_key = {}
        for s in sorted(e["syns"], key=sort_key):
            k = s.casefold()
            by_key.setdefault(k, s)
        syns = uniq_sorted(by_key.values())
        src = sorted(e["source"], key=lambda x: 0 if x == "curated" else 1)
        rows.append([n, syns, uniq_sorted(e["broader"]), src])
    unresolved_broader = sorted({b for r in rows for b in r[2] if b not in final})
    if unresolved_broader:
        log.append("WARNING broader terms without their own row: %s" % unresolved_broader)
    n = write_tsv(os.path.join(outdir, "reactions.tsv"), ["name", "synonyms", "broader", "source"], rows)
    n_cur = sum(1 for r in rows if "curated" in r[3])
    log.append("reactions.tsv: %d terms (%d curated, %d merged curated+MeSH, %d MeSH-only); %d OMIM rows and %d non-disease-tree rows dropped; %d inverted/short MeSH synonyms dropped; synonym hygiene removals: %s" % (
        n, n_cur, sum(1 for r in rows if len(r[3]) == 2), n - n_cur, n_omim, n_out_of_tree, dropped_syn, dict(sorted(removed.items()))))


SOURCES_MD = """# Seeds/vocab: sources, licences, filtering

Generated by `Seeds/build_vocab.py` (Python 3, standard library only). Rebuild from the
repository root with:

    python3 Seeds/build_vocab.py --data ../shared/data

`--data` defaults to `../shared/data` relative to the repository root; output goes to
`Seeds/vocab/` next to the script. Output is deterministic (sorted rows and values), so a
rebuild on the same inputs is byte-identical.

All files are UTF-8, tab-separated, one header line; multi-valued cells are separated by `|`
(a literal `|` inside a value is replaced by `/`).

Curated content (brand names, abbreviations, target spelling variants, target families,
curated adverse-reaction terms, curated drug-target rows, stop lists) was written for this
project from general pharmacovigilance knowledge and is released with the project.

## drugs.tsv  (`name`, `synonyms`, `drugbank_id`)

* Source: DrugBank open vocabulary (`vocab/drugbank/drugbank_vocabulary.csv`), taken from
  github.com/mitgit30/MediGraph `drugbank vocabulary.csv`, commit
  8c5ac30e3c8e4d88b1a3e0b683df872745d8ecfc. Licence: CC0 1.0 (DrugBank open data).
  Attribution (courtesy, not required): DrugBank, Wishart DS et al., Nucleic Acids Res 2018.
* `name` = DrugBank common name, lower-cased (renamed where DrugBank's is not the drug's
  usual name: "lithium cation" is "lithium", keeping the old name as a synonym). `synonyms` = DrugBank synonyms kept as written,
  plus curated brand names (e.g. Nexavar, Gleevec/Glivec, Sutent, Keytruda, Coumadin, Tylenol),
  curated abbreviations (5-FU, MTX, 6-MP, ATRA, INH, ...) and INN/BAN spelling variants
  (paracetamol, rifampicin, ciclosporin, ...). Curated combination rows without a DrugBank id:
  sulfamethoxazole/trimethoprim (co-trimoxazole, TMP-SMX, Bactrim), amoxicillin/clavulanic acid,
  piperacillin/tazobactam, carbidopa/levodopa.
* Filtered out: synonyms shorter than 3 characters, purely numeric, longer than 60 characters
  (IUPAC names), common English words (stop list in the script), synonyms equal to another
  drug's name (also when read without punctuation, as the extractor reads names: "(+)-warfarin"
  of (R)-warfarin would make every "warfarin" the enantiomer) or shared by several drugs, short letter-only abbreviations with 2+ capitals
  from DrugBank (e.g. "TEN", "DIC", "MAT"; only curated abbreviations are kept), synonyms equal
  to an HGNC gene symbol. DrugBank rows whose name is a food/everyday word (allergenic
  extracts such as "peanut", "egg", "milk") are dropped.
  Brand names are not in the DrugBank open vocabulary; all brand names here are curated.

## targets.tsv  (`symbol`, `aliases`, `name`, `is_kinase`, `is_drug_target`)

* Source: HGNC complete set (`vocab/hgnc/hgnc_complete_set_2024.txt.gz`, snapshot 2024-10-18),
  from github.com/maximilianh/phenotypes commit 0236d05ae3c522657167250a4868bcb776f4d04e.
  Licence: HGNC data are freely available without restriction.
  Attribution: HGNC, HUGO Gene Nomenclature Committee, www.genenames.org.
* Rows: approved protein-coding genes. `aliases` = HGNC alias_symbol + prev_symbol + alias_name,
  plus curated variants as papers write them (C-RAF, VEGFR-2, PDGFR-\u03b2, c-Kit, BCR-ABL, HER2,
  mTOR, ...). Dropped: alias symbols that are another gene's approved symbol, alias symbols
  shared by several genes, alias symbols shorter than 3 characters, numeric or English words.
* `is_kinase`: gene in the INDRA human kinase list (`vocab/kinases/indra_human_kinases.tsv`,
  github.com/sorgerlab/indra `indra/resources/kinases.tsv`, commit
  152d399bcae2257b11e38c6ae48cbbbf10815e6d; BSD-2-Clause; underlying UniProt data CC BY 4.0),
  mapped by UniProt accession, falling back to gene symbol.
* `is_drug_target`: gene appears as a human GENE in DrugCentral `drug_target_2016_efficacy.tsv`
  (see drug_targets.tsv for source and licence).

## target_families.tsv  (`family`, `members`, `aliases`)

* Curated (this project). Members are HGNC symbols. The gene family of EGFR is called ERBB
  to avoid a clash with the gene EGFR. BCR-ABL is not a family: it is an alias of ABL1.

## reactions.tsv  (`name`, `synonyms`, `broader`, `source`)

* `source` = `curated` (written for this project), `mesh`, or `curated|mesh` when a curated
  term was merged with the MeSH descriptor of the same name (curated name wins; synonyms merged).
* MeSH content: MeSH (Medical Subject Headings, U.S. National Library of Medicine) is public
  domain. It was extracted from the CTD MEDIC file `vocab/mesh/CTD_diseases.tsv.gz` (CTD report
  2017-06-06, from github.com/isglobal-brge/CTDquerier commit
  fcc1cfbf561961a40d7c1b7e8a6f6f61c15cd619). **Only MeSH descriptor / supplementary-concept
  content is used**: rows whose DiseaseID starts with `MESH:` and that sit in the MeSH disease
  tree (C) or the mental-disorders tree (F03); from them only the MeSH heading, its entry terms
  (synonyms) and MeSH parent links. All OMIM rows are dropped, and the CTD-specific columns
  (AltDiseaseIDs, Definition, SlimMappings) are not used. The CTD file itself is not shipped.
  Caveat: CTD's MEDIC merges some OMIM terms into MeSH rows, so a few synonyms may originate
  from OMIM; they cannot be told apart in this file.
* `broader` = for curated terms, curated broader terms plus MeSH parents when merged; for MeSH
  terms, the (normalised) names of their MeSH parents.
* Normalisation: lower case except acronyms (all-caps words of 2+ letters, and IgA/IgE/...);
  MeSH inverted headings are put in natural order ("Leukemia, Myeloid, Acute" -> "acute myeloid
  leukemia"); inverted synonyms of the simple form "X, Y" become "Y X", more complex comma forms
  are dropped; synonyms of 1-2 characters, pure numbers and common English words are dropped;
  a synonym that is another entry's name, or that is claimed by a curated entry, is removed from
  the other entries; MeSH synonyms shared by several MeSH entries (ambiguous) are dropped.
* British spellings: every name and synonym also gets its British form when no entry has that
  form already (haem-/-aemia/oedema/oesophag-/tumour/-rrhoea/-pnoea/foetal/paediatric/
  coeliac/-aesthesia/leuco-/-ise(d)/-isation; rules in `BRITISH_SPELLINGS`).
* Short curated acronyms that are also English words (TEN, HIT, SOS, MAS) are kept: match them
  case-sensitively.
* SIDER (CC BY-NC-SA) was **not** used for anything shipped.

## drug_targets.tsv  (`drug`, `target`, `action`, `source`)

* Source: DrugCentral `drug_target_2016_efficacy.tsv` (mechanism-of-action / efficacy targets)
  and `identifiers_2016.tsv` (DrugCentral id -> DrugBank id, used to name drugs as in
  drugs.tsv), from github.com/olegursu/drugtarget commit
  64630f7c2bc050f5af0a7cac7b08e778125284bc. Licence: CC BY 4.0.
  **Attribution:** Ursu O, Holmes J, Knockel J, Bologa CG, Yang JJ, Mathias SL, Nelson SJ,
  Oprea TI. DrugCentral: online drug compendium. Nucleic Acids Res. 2017;45(D1):D932-D939.
  doi:10.1093/nar/gkw993. Data from DrugCentral (drugcentral.org), CC BY 4.0; reformatted
  (one row per drug-gene pair, gene symbols updated to current HGNC symbols).
* Only human targets (all SWISSPROT entries `*_HUMAN`); multi-component targets are split into
  one row per gene. `source` = `drugcentral2016`, or `curated` for rows added from the drug
  labels (imatinib: ABL1, KIT, PDGFRA, PDGFRB; sorafenib: RAF1, BRAF, FLT1, KDR, FLT4, PDGFRB,
  KIT, FLT3, RET) when missing from the 2016 table.
* The DrugCentral 2018 bioactivity table (CC BY-SA) is not used.

## Build log (counts from the last build)

```
{log}
```
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=None,
                    help="reference data folder (default: ../shared/data relative to the repo root)")
    ap.add_argument("--out", default=os.path.join(here, "vocab"), help="output folder (default: Seeds/vocab)")
    args = ap.parse_args()
    data = args.data
    if data is None:
        data = os.path.join(repo, "..", "shared", "data")
    elif not os.path.isabs(data) and not os.path.isdir(data):
        data = os.path.join(repo, data)
    data = os.path.normpath(data)
    if not os.path.isdir(os.path.join(data, "vocab")):
        sys.exit("reference data not found at %s" % data)
    os.makedirs(args.out, exist_ok=True)
    log = []
    resolve_symbol, approved_syms, dc_rows = build_targets(data, args.out, log)
    drugs, resolve_generic = build_drugs(data, args.out, log, approved_syms)
    build_drug_targets(data, args.out, log, dc_rows, resolve_symbol, drugs, resolve_generic)
    build_reactions(data, args.out, log)
    with open(os.path.join(args.out, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(SOURCES_MD.replace("{log}", "\n".join(log)))
    for line in log:
        print(line)


if __name__ == "__main__":
    main()
