"""Write data/gazetteer/actors.csv and actor_aliases.csv from the curated lists below.

The CSVs are the shipped, editable tables; this script is how they were first made and how
the long regular parts (193 UN member states with their demonyms) stay consistent. Edit the
lists here and re-run (``python tools/gazetteer/build_actors.py``), or edit the CSVs and stop
using the script — but not both. ``--check`` exits 1 if the CSVs differ from what it would write.

Sources are named per row. Facts about office holders were compiled against the official
sites and the public lists named in SOURCE_* below; open-ended years (``2024-``) mean in
office at the last check.
"""
from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "gazetteer"

UN = "United Nations, Member States (un.org/en/about-us/member-states); ISO 3166-1 alpha-3 code (iso.org/obp)"
DEMONYM = "demonyms as in the CIA World Factbook, field 'Nationality' (cia.gov/the-world-factbook)"
CORPUS = "corpus"

# Lower-case forms that are ordinary English words: their alias is case-sensitive.
COMMON_WORDS = {"turkey", "china", "chad", "jordan", "guinea", "polish", "pole", "poles", "swede", "swedes",
                "trump", "niger", "mali", "togo", "oman", "cuba", "peru", "malta", "grenada", "nice",
                "georgia", "israel", "india", "america", "panama", "chile", "guyana", "lebanon"}

# (label, iso3, demonyms, other names, note). Label = common English short name.
STATES = [
    ("Afghanistan", "AFG", ["Afghan"], [], ""),
    ("Albania", "ALB", ["Albanian"], [], ""),
    ("Algeria", "DZA", ["Algerian"], [], ""),
    ("Andorra", "AND", ["Andorran"], [], ""),
    ("Angola", "AGO", ["Angolan"], [], ""),
    ("Antigua and Barbuda", "ATG", ["Antiguan", "Barbudan"], [], ""),
    ("Argentina", "ARG", ["Argentine", "Argentinian"], [], ""),
    ("Armenia", "ARM", ["Armenian"], ["Republic of Armenia"], ""),
    ("Australia", "AUS", ["Australian"], [], ""),
    ("Austria", "AUT", ["Austrian"], [], ""),
    ("Azerbaijan", "AZE", ["Azerbaijani", "Azeri"], ["Republic of Azerbaijan", "Azerbaijan Republic"], "The Iranian provinces of East and West Azerbaijan are separate entities (east-azerbaijan-province, west-azerbaijan-province), so 'East Azerbaijan' is not counted as the Republic."),
    ("Bahamas", "BHS", ["Bahamian"], [], ""),
    ("Bahrain", "BHR", ["Bahraini"], [], ""),
    ("Bangladesh", "BGD", ["Bangladeshi"], [], ""),
    ("Barbados", "BRB", ["Barbadian"], [], ""),
    ("Belarus", "BLR", ["Belarusian"], [], ""),
    ("Belgium", "BEL", ["Belgian"], [], ""),
    ("Belize", "BLZ", ["Belizean"], [], ""),
    ("Benin", "BEN", ["Beninese"], [], ""),
    ("Bhutan", "BTN", ["Bhutanese"], [], ""),
    ("Bolivia", "BOL", ["Bolivian"], [], "UN name: Bolivia (Plurinational State of)."),
    ("Bosnia and Herzegovina", "BIH", ["Bosnian"], [], ""),
    ("Botswana", "BWA", ["Motswana", "Batswana"], [], ""),
    ("Brazil", "BRA", ["Brazilian"], [], ""),
    ("Brunei", "BRN", ["Bruneian"], ["Brunei Darussalam"], ""),
    ("Bulgaria", "BGR", ["Bulgarian"], [], ""),
    ("Burkina Faso", "BFA", ["Burkinabe"], [], ""),
    ("Burundi", "BDI", ["Burundian"], [], ""),
    ("Cabo Verde", "CPV", ["Cabo Verdean", "Cape Verdean"], ["Cape Verde"], ""),
    ("Cambodia", "KHM", ["Cambodian"], [], ""),
    ("Cameroon", "CMR", ["Cameroonian"], [], ""),
    ("Canada", "CAN", ["Canadian"], [], ""),
    ("Central African Republic", "CAF", [], [], "Demonym 'Central African' left out: it also names the region."),
    ("Chad", "TCD", ["Chadian"], [], "'Chad' is also a first name."),
    ("Chile", "CHL", ["Chilean"], [], ""),
    ("China", "CHN", ["Chinese"], ["People's Republic of China", "PRC"], ""),
    ("Colombia", "COL", ["Colombian"], [], ""),
    ("Comoros", "COM", ["Comoran", "Comorian"], [], ""),
    ("Republic of the Congo", "COG", [], ["Congo-Brazzaville", "Congo Republic"], "UN name: Congo. 'Congo' and 'Congolese' alone are left out: they name both Congos."),
    ("Costa Rica", "CRI", ["Costa Rican"], [], ""),
    ("Côte d'Ivoire", "CIV", ["Ivorian"], ["Cote d'Ivoire", "Ivory Coast"], ""),
    ("Croatia", "HRV", ["Croatian"], [], ""),
    ("Cuba", "CUB", ["Cuban"], [], ""),
    ("Cyprus", "CYP", ["Cypriot"], [], ""),
    ("Czechia", "CZE", ["Czech"], ["Czech Republic"], ""),
    ("North Korea", "PRK", ["North Korean"], ["Democratic People's Republic of Korea", "DPRK"], "'Korea' and 'Korean' alone are left out: they name both Koreas."),
    ("Democratic Republic of the Congo", "COD", [], ["DR Congo", "DRC", "Congo-Kinshasa"], ""),
    ("Denmark", "DNK", ["Danish", "Dane"], [], ""),
    ("Djibouti", "DJI", ["Djiboutian"], [], ""),
    ("Dominica", "DMA", [], [], "Demonym 'Dominican' is listed under the Dominican Republic and marked ambiguous."),
    ("Dominican Republic", "DOM", ["Dominican"], [], ""),
    ("Ecuador", "ECU", ["Ecuadorian"], [], ""),
    ("Egypt", "EGY", ["Egyptian"], [], ""),
    ("El Salvador", "SLV", ["Salvadoran"], [], ""),
    ("Equatorial Guinea", "GNQ", ["Equatorial Guinean", "Equatoguinean"], [], ""),
    ("Eritrea", "ERI", ["Eritrean"], [], ""),
    ("Estonia", "EST", ["Estonian"], [], ""),
    ("Eswatini", "SWZ", ["Swazi"], ["Swaziland"], "Named Swaziland until 2018."),
    ("Ethiopia", "ETH", ["Ethiopian"], [], ""),
    ("Fiji", "FJI", ["Fijian"], [], ""),
    ("Finland", "FIN", ["Finnish", "Finn"], [], ""),
    ("France", "FRA", ["French"], [], ""),
    ("Gabon", "GAB", ["Gabonese"], [], ""),
    ("Gambia", "GMB", ["Gambian"], ["The Gambia"], ""),
    ("Georgia", "GEO", ["Georgian"], [], "'Georgia' is also a US state; the alias is marked ambiguous."),
    ("Germany", "DEU", ["German"], [], ""),
    ("Ghana", "GHA", ["Ghanaian"], [], ""),
    ("Greece", "GRC", ["Greek"], [], ""),
    ("Grenada", "GRD", ["Grenadian"], [], ""),
    ("Guatemala", "GTM", ["Guatemalan"], [], ""),
    ("Guinea", "GIN", ["Guinean"], [], ""),
    ("Guinea-Bissau", "GNB", ["Bissau-Guinean"], [], ""),
    ("Guyana", "GUY", ["Guyanese"], [], ""),
    ("Haiti", "HTI", ["Haitian"], [], ""),
    ("Honduras", "HND", ["Honduran"], [], ""),
    ("Hungary", "HUN", ["Hungarian"], [], ""),
    ("Iceland", "ISL", ["Icelandic", "Icelander"], [], ""),
    ("India", "IND", ["Indian"], [], "'Indian' also appears in 'Indian Ocean' and 'Indian Subcontinent' (separate entity)."),
    ("Indonesia", "IDN", ["Indonesian"], [], ""),
    ("Iran", "IRN", ["Iranian"], ["Islamic Republic of Iran"], "UN name: Iran (Islamic Republic of)."),
    ("Iraq", "IRQ", ["Iraqi"], [], ""),
    ("Ireland", "IRL", ["Irish"], [], ""),
    ("Israel", "ISR", ["Israeli"], ["State of Israel"], ""),
    ("Italy", "ITA", ["Italian"], [], ""),
    ("Jamaica", "JAM", ["Jamaican"], [], ""),
    ("Japan", "JPN", ["Japanese"], [], ""),
    ("Jordan", "JOR", ["Jordanian"], [], "'Jordan' is also a river and a name; the alias is marked ambiguous."),
    ("Kazakhstan", "KAZ", ["Kazakhstani", "Kazakh"], [], ""),
    ("Kenya", "KEN", ["Kenyan"], [], ""),
    ("Kiribati", "KIR", ["I-Kiribati"], [], ""),
    ("Kuwait", "KWT", ["Kuwaiti"], [], ""),
    ("Kyrgyzstan", "KGZ", ["Kyrgyzstani", "Kyrgyz"], [], ""),
    ("Laos", "LAO", ["Lao", "Laotian"], ["Lao People's Democratic Republic"], ""),
    ("Latvia", "LVA", ["Latvian"], [], ""),
    ("Lebanon", "LBN", ["Lebanese"], [], ""),
    ("Lesotho", "LSO", ["Mosotho", "Basotho"], [], ""),
    ("Liberia", "LBR", ["Liberian"], [], ""),
    ("Libya", "LBY", ["Libyan"], [], ""),
    ("Liechtenstein", "LIE", ["Liechtensteiner"], [], ""),
    ("Lithuania", "LTU", ["Lithuanian"], [], ""),
    ("Luxembourg", "LUX", ["Luxembourger"], [], ""),
    ("Madagascar", "MDG", ["Malagasy"], [], ""),
    ("Malawi", "MWI", ["Malawian"], [], ""),
    ("Malaysia", "MYS", ["Malaysian"], [], ""),
    ("Maldives", "MDV", ["Maldivian"], [], ""),
    ("Mali", "MLI", ["Malian"], [], ""),
    ("Malta", "MLT", ["Maltese"], [], ""),
    ("Marshall Islands", "MHL", ["Marshallese"], [], ""),
    ("Mauritania", "MRT", ["Mauritanian"], [], ""),
    ("Mauritius", "MUS", ["Mauritian"], [], ""),
    ("Mexico", "MEX", ["Mexican"], [], ""),
    ("Micronesia", "FSM", [], ["Federated States of Micronesia"], "UN name: Micronesia (Federated States of). 'Micronesia' also names the wider region."),
    ("Monaco", "MCO", ["Monegasque"], [], ""),
    ("Mongolia", "MNG", ["Mongolian"], [], ""),
    ("Montenegro", "MNE", ["Montenegrin"], [], ""),
    ("Morocco", "MAR", ["Moroccan"], [], ""),
    ("Mozambique", "MOZ", ["Mozambican"], [], ""),
    ("Myanmar", "MMR", ["Burmese"], ["Burma"], ""),
    ("Namibia", "NAM", ["Namibian"], [], ""),
    ("Nauru", "NRU", ["Nauruan"], [], ""),
    ("Nepal", "NPL", ["Nepali", "Nepalese"], [], ""),
    ("Netherlands", "NLD", ["Dutch"], [], "UN name: Netherlands (Kingdom of the)."),
    ("New Zealand", "NZL", ["New Zealander"], [], ""),
    ("Nicaragua", "NIC", ["Nicaraguan"], [], ""),
    ("Niger", "NER", ["Nigerien"], [], ""),
    ("Nigeria", "NGA", ["Nigerian"], [], ""),
    ("North Macedonia", "MKD", ["North Macedonian"], [], "Named 'the former Yugoslav Republic of Macedonia' at the UN until 2019."),
    ("Norway", "NOR", ["Norwegian"], [], ""),
    ("Oman", "OMN", ["Omani"], [], ""),
    ("Pakistan", "PAK", ["Pakistani"], [], ""),
    ("Palau", "PLW", ["Palauan"], [], ""),
    ("Panama", "PAN", ["Panamanian"], [], ""),
    ("Papua New Guinea", "PNG", ["Papua New Guinean"], [], ""),
    ("Paraguay", "PRY", ["Paraguayan"], [], ""),
    ("Peru", "PER", ["Peruvian"], [], ""),
    ("Philippines", "PHL", ["Filipino", "Philippine"], [], ""),
    ("Poland", "POL", ["Polish", "Pole"], [], ""),
    ("Portugal", "PRT", ["Portuguese"], [], ""),
    ("Qatar", "QAT", ["Qatari"], [], ""),
    ("South Korea", "KOR", ["South Korean"], ["Republic of Korea", "ROK"], ""),
    ("Moldova", "MDA", ["Moldovan"], ["Republic of Moldova"], ""),
    ("Romania", "ROU", ["Romanian"], [], ""),
    ("Russia", "RUS", ["Russian"], ["Russian Federation"], ""),
    ("Rwanda", "RWA", ["Rwandan"], [], ""),
    ("Saint Kitts and Nevis", "KNA", ["Kittitian", "Nevisian"], [], ""),
    ("Saint Lucia", "LCA", ["Saint Lucian"], [], ""),
    ("Saint Vincent and the Grenadines", "VCT", ["Vincentian"], [], ""),
    ("Samoa", "WSM", ["Samoan"], [], ""),
    ("San Marino", "SMR", ["Sammarinese"], [], ""),
    ("Sao Tome and Principe", "STP", ["Sao Tomean"], ["São Tomé and Príncipe"], ""),
    ("Saudi Arabia", "SAU", ["Saudi"], [], ""),
    ("Senegal", "SEN", ["Senegalese"], [], ""),
    ("Serbia", "SRB", ["Serbian", "Serb"], [], ""),
    ("Seychelles", "SYC", ["Seychellois"], [], ""),
    ("Sierra Leone", "SLE", ["Sierra Leonean"], [], ""),
    ("Singapore", "SGP", ["Singaporean"], [], ""),
    ("Slovakia", "SVK", ["Slovak"], [], ""),
    ("Slovenia", "SVN", ["Slovenian", "Slovene"], [], ""),
    ("Solomon Islands", "SLB", ["Solomon Islander"], [], ""),
    ("Somalia", "SOM", ["Somali"], [], ""),
    ("South Africa", "ZAF", ["South African"], [], ""),
    ("South Sudan", "SSD", ["South Sudanese"], [], ""),
    ("Spain", "ESP", ["Spanish", "Spaniard"], [], ""),
    ("Sri Lanka", "LKA", ["Sri Lankan"], [], ""),
    ("Sudan", "SDN", ["Sudanese"], [], ""),
    ("Suriname", "SUR", ["Surinamese"], [], ""),
    ("Sweden", "SWE", ["Swedish", "Swede"], [], ""),
    ("Switzerland", "CHE", ["Swiss"], [], ""),
    ("Syria", "SYR", ["Syrian"], ["Syrian Arab Republic"], ""),
    ("Tajikistan", "TJK", ["Tajikistani", "Tajik"], [], ""),
    ("Thailand", "THA", ["Thai"], [], ""),
    ("Timor-Leste", "TLS", ["Timorese"], ["East Timor"], ""),
    ("Togo", "TGO", ["Togolese"], [], ""),
    ("Tonga", "TON", ["Tongan"], [], ""),
    ("Trinidad and Tobago", "TTO", ["Trinidadian", "Tobagonian"], [], ""),
    ("Tunisia", "TUN", ["Tunisian"], [], ""),
    ("Turkey", "TUR", ["Turkish", "Turk"], ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"], "UN name Türkiye since June 2022; the corpus writes 'Turkey'."),
    ("Turkmenistan", "TKM", ["Turkmen"], [], ""),
    ("Tuvalu", "TUV", ["Tuvaluan"], [], ""),
    ("Uganda", "UGA", ["Ugandan"], [], ""),
    ("Ukraine", "UKR", ["Ukrainian"], [], ""),
    ("United Arab Emirates", "ARE", ["Emirati"], ["UAE"], ""),
    ("United Kingdom", "GBR", ["British", "Briton"], ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"], ""),
    ("Tanzania", "TZA", ["Tanzanian"], ["United Republic of Tanzania"], ""),
    ("United States", "USA", ["American"], ["United States of America", "USA", "U.S.A.", "US", "U.S.", "America"], "'America' and 'American' also name the continents; both are marked ambiguous."),
    ("Uruguay", "URY", ["Uruguayan"], [], ""),
    ("Uzbekistan", "UZB", ["Uzbekistani", "Uzbek"], [], ""),
    ("Vanuatu", "VUT", ["Ni-Vanuatu"], [], ""),
    ("Venezuela", "VEN", ["Venezuelan"], [], "UN name: Venezuela (Bolivarian Republic of)."),
    ("Vietnam", "VNM", ["Vietnamese"], ["Viet Nam"], ""),
    ("Yemen", "YEM", ["Yemeni"], [], ""),
    ("Zambia", "ZMB", ["Zambian"], [], ""),
    ("Zimbabwe", "ZWE", ["Zimbabwean"], [], ""),
]
OBSERVERS = [
    ("Palestine", "PSE", ["Palestinian"], ["State of Palestine"], "UN non-member observer State (General Assembly resolution 67/19, 2012)."),
    ("Holy See", "VAT", [], ["Vatican"], "UN non-member observer State."),
]
# Aliases the demonym rule gets wrong, or that name another thing too.
AMBIGUOUS = {"Georgia", "Jordan", "Chad", "America", "American", "Americans", "Dominican", "Micronesia",
             "Azeri", "Azeris", "Azerbaijani", "Azerbaijanis", "Indian", "Indians", "Kazakh", "Kazakhs",
             "Tajik", "Tajiks", "Uzbek", "Uzbeks", "Kyrgyz", "Turkmen", "Turk", "Turks", "US", "Macedonian",
             "Lao", "Pole", "Poles", "Samoan", "Guinean", "Guineans", "Irish", "Russian", "Russians"}
AMBIGUITY_NOTES = {
    "Azeri": "Also names the ethnic group, including Azerbaijanis living in Iran.",
    "Azeris": "Also names the ethnic group, including Azerbaijanis living in Iran.",
    "Azerbaijani": "Also names the ethnic group and the language, including Azerbaijanis in Iran.",
    "Azerbaijanis": "Also names the ethnic group, including Azerbaijanis in Iran.",
    "Russian": "Also the language and the ethnic group.",
    "Russians": "Also the ethnic group.",
    "Turk": "Also names Turkic peoples generally.", "Turks": "Also names Turkic peoples generally.",
    "Kazakh": "Also the ethnic group and language.", "Tajik": "Also the ethnic group and language.",
    "Uzbek": "Also the ethnic group and language.", "Kyrgyz": "Also the ethnic group and language.",
    "Turkmen": "Also the ethnic group and language.",
    "US": "Case-sensitive; all-capital 'US' can also be the pronoun in headlines.",
    "Indian": "Also Indigenous peoples of the Americas, 'Indian Ocean'.",
    "Dominican": "Demonym of both Dominica and the Dominican Republic.",
    "Pole": "Case-sensitive; still ambiguous at the start of a sentence.",
    "Guinean": "Demonym of Guinea; longer forms (Equatorial Guinean, Papua New Guinean) win.",
}

# Metonyms, labels, scripts for the states the kit is about: (entity_id, alias, kind, lang, ambiguous, note)
STATE_EXTRAS = [
    ("iran", "Tehran", "metonym", "en", False, "Capital standing for the state or government."),
    ("iran", "Teheran", "metonym", "en", False, "Older spelling."),
    ("iran", "Official Tehran", "metonym", "en", False, ""),
    ("iran", "the Islamic Republic", "label", "en", True, "Also used for Pakistan, Afghanistan (until 2021) and Mauritania."),
    ("iran", "Persia", "name", "en", False, "Historical name, used internationally until 1935."),
    ("iran", "ایران", "script", "fa", False, "Persian."),
    ("iran", "جمهوری اسلامی ایران", "script", "fa", False, "Persian: Islamic Republic of Iran."),
    ("iran", "جمهوری اسلامی", "script", "fa", True, "Persian: the Islamic Republic."),
    ("iran", "ایرانی", "script", "fa", False, "Persian adjective: Iranian."),
    ("iran", "İran", "script", "az", False, "Azerbaijani (also Turkish)."),
    ("iran", "İran İslam Respublikası", "script", "az", False, "Azerbaijani: Islamic Republic of Iran."),
    ("iran", "Иран", "script", "ru", False, "Russian."),
    ("iran", "تهران", "script", "fa", False, "Persian: Tehran (metonym)."),
    ("iran", "Tehranın", "script", "az", False, "Azerbaijani genitive of Tehran."),
    ("azerbaijan", "Baku", "metonym", "en", False, "Capital standing for the state or government."),
    ("azerbaijan", "Official Baku", "metonym", "en", False, "Phrase of Azerbaijani official and media usage."),
    ("azerbaijan", "Land of Fire", "label", "en", False, "Nickname used in Azerbaijani tourism and media."),
    ("azerbaijan", "Azərbaycan", "script", "az", False, "Azerbaijani."),
    ("azerbaijan", "Azərbaycan Respublikası", "script", "az", False, "Azerbaijani: Republic of Azerbaijan."),
    ("azerbaijan", "Bakı", "script", "az", False, "Azerbaijani: Baku (metonym)."),
    ("azerbaijan", "Rəsmi Bakı", "script", "az", False, "Azerbaijani: Official Baku."),
    ("azerbaijan", "آذربایجان", "script", "fa", True, "Persian: also the Iranian region of Azerbaijan south of the Aras."),
    ("azerbaijan", "جمهوری آذربایجان", "script", "fa", False, "Persian: Republic of Azerbaijan."),
    ("azerbaijan", "باکو", "script", "fa", False, "Persian: Baku (metonym)."),
    ("azerbaijan", "Азербайджан", "script", "ru", False, "Russian."),
    ("azerbaijan", "Azerbaycan", "script", "tr", False, "Turkish."),
    ("armenia", "Yerevan", "metonym", "en", False, "Capital standing for the state or government."),
    ("armenia", "Erevan", "metonym", "en", False, "Older spelling."),
    ("armenia", "Ermənistan", "script", "az", False, "Azerbaijani."),
    ("armenia", "ارمنستان", "script", "fa", False, "Persian."),
    ("armenia", "Հայաստան", "script", "hy", False, "Armenian."),
    ("armenia", "Армения", "script", "ru", False, "Russian."),
    ("georgia", "Tbilisi", "metonym", "en", False, "Capital standing for the state or government."),
    ("georgia", "Sakartvelo", "name", "en", False, "Georgian endonym, transliterated."),
    ("georgia", "Gürcüstan", "script", "az", False, "Azerbaijani."),
    ("georgia", "گرجستان", "script", "fa", False, "Persian."),
    ("georgia", "საქართველო", "script", "ka", False, "Georgian."),
    ("georgia", "Грузия", "script", "ru", False, "Russian."),
    ("turkey", "Ankara", "metonym", "en", False, "Capital standing for the state or government."),
    ("turkey", "Türkiyə", "script", "az", False, "Azerbaijani."),
    ("turkey", "ترکیه", "script", "fa", False, "Persian."),
    ("turkey", "Турция", "script", "ru", False, "Russian."),
    ("russia", "Moscow", "metonym", "en", False, "Capital standing for the state or government."),
    ("russia", "the Kremlin", "metonym", "en", False, "Seat of the Russian presidency standing for it."),
    ("russia", "Rusiya", "script", "az", False, "Azerbaijani."),
    ("russia", "روسیه", "script", "fa", False, "Persian."),
    ("russia", "Россия", "script", "ru", False, "Russian."),
    ("russia", "Российская Федерация", "script", "ru", False, "Russian: Russian Federation."),
    ("israel", "Tel Aviv", "metonym", "en", False, "Used in Iranian media for the Israeli state or government; Israel's seat of government is Jerusalem, whose status is contested, so 'Jerusalem' is not listed as a metonym."),
    ("israel", "Israeli regime", "label", "en", False, "Label used in Iranian official and media usage."),
    ("israel", "Zionist regime", "label", "en", False, "Label used in Iranian official and media usage."),
    ("israel", "Zionist entity", "label", "en", False, "Label used in some Arab and Iranian media."),
    ("israel", "the Jewish state", "label", "en", False, ""),
    ("israel", "İsrail", "script", "az", False, "Azerbaijani (also Turkish)."),
    ("israel", "اسرائیل", "script", "fa", False, "Persian."),
    ("israel", "رژیم صهیونیستی", "script", "fa", False, "Persian: the Zionist regime (a label)."),
    ("israel", "Израиль", "script", "ru", False, "Russian."),
    ("united-states", "Washington", "metonym", "en", True, "Also the US state of Washington and a surname."),
    ("united-states", "the White House", "metonym", "en", False, "Seat of the US presidency standing for it."),
    ("united-states", "the Pentagon", "metonym", "en", False, "US Department of Defense standing for the US military."),
    ("united-states", "Great Satan", "label", "en", False, "Label used by Iranian officials since 1979."),
    ("united-states", "ABŞ", "script", "az", False, "Azerbaijani abbreviation: USA."),
    ("united-states", "Amerika Birləşmiş Ştatları", "script", "az", False, "Azerbaijani: United States of America."),
    ("united-states", "آمریکا", "script", "fa", False, "Persian: America."),
    ("united-states", "ایالات متحده", "script", "fa", False, "Persian: United States."),
    ("united-states", "США", "script", "ru", False, "Russian abbreviation: USA."),
    ("china", "Beijing", "metonym", "en", False, "Capital standing for the state or government."),
    ("united-kingdom", "London", "metonym", "en", True, "Also the city as a place."),
    ("pakistan", "Islamabad", "metonym", "en", False, ""),
    ("india", "New Delhi", "metonym", "en", False, ""),
    ("kazakhstan", "Astana", "metonym", "en", False, ""),
    ("turkmenistan", "Ashgabat", "metonym", "en", False, ""),
    ("uzbekistan", "Tashkent", "metonym", "en", False, ""),
    ("iraq", "Baghdad", "metonym", "en", False, ""),
    ("saudi-arabia", "Riyadh", "metonym", "en", False, ""),
    ("ukraine", "Kyiv", "metonym", "en", False, ""),
    ("ukraine", "Kiev", "metonym", "en", False, "Older spelling."),
]

# Organisations: (entity_id, label, abbreviations, other names, role, source, note)
ORGS = [
    ("un", "United Nations", ["UN", "U.N."], ["the United Nations"], "intergovernmental organisation", "un.org", ""),
    ("un-security-council", "UN Security Council", ["UNSC"], ["United Nations Security Council", "Security Council"], "principal organ of the United Nations", "un.org/securitycouncil", ""),
    ("eu", "European Union", ["EU", "E.U."], [], "political and economic union", "european-union.europa.eu", "'Brussels' is not listed as a metonym: it is also Belgium's capital."),
    ("nato", "North Atlantic Treaty Organization", ["NATO"], ["North Atlantic Treaty Organisation", "North Atlantic Alliance"], "military alliance", "nato.int", ""),
    ("csto", "Collective Security Treaty Organization", ["CSTO"], ["Collective Security Treaty Organisation"], "military alliance led by Russia", "odkb-csto.org", ""),
    ("cis", "Commonwealth of Independent States", ["CIS"], [], "regional organisation of former Soviet republics", "e-cis.info", ""),
    ("ots", "Organization of Turkic States", ["OTS"], ["Organisation of Turkic States", "Turkic Council"], "regional organisation", "turkicstates.org", "Named the Cooperation Council of Turkic Speaking States (Turkic Council) until November 2021."),
    ("eco", "Economic Cooperation Organization", ["ECO"], ["Economic Cooperation Organisation"], "regional organisation (Iran, Azerbaijan, Turkey, Pakistan, Central Asia, Afghanistan)", "eco.int", ""),
    ("sco", "Shanghai Cooperation Organization", ["SCO"], ["Shanghai Cooperation Organisation"], "regional organisation", "eng.sectsco.org", "Ten member states in 2025, as listed in alwaght-2025-araghchi-baku ¶8.1 (Iran joined in 2023, Belarus in 2024)."),
    ("rats", "Regional Anti-Terrorist Structure of the SCO", ["RATS"], ["Regional Anti-Terrorist Structure", "SCO RATS"], "permanent body of the SCO", "ecrats.org", ""),
    ("eaeu", "Eurasian Economic Union", ["EAEU", "EEU"], [], "economic union led by Russia", "eaeunion.org", ""),
    ("oic", "Organisation of Islamic Cooperation", ["OIC"], ["Organization of Islamic Cooperation"], "intergovernmental organisation", "oic-oci.org", ""),
    ("d-8", "D-8 Organization for Economic Cooperation", ["D-8", "D8"], ["Developing-8", "Developing Eight"], "organisation of eight (now nine) Muslim-majority developing countries", "developing8.org", "Azerbaijan joined in December 2024 (developing8.org)."),
    ("brics", "BRICS", ["BRICS"], [], "grouping of emerging economies", "brics.br / the BRICS chair's site", "Iran became a member in January 2024."),
    ("osce", "Organization for Security and Co-operation in Europe", ["OSCE"], ["Organisation for Security and Co-operation in Europe"], "regional security organisation", "osce.org", ""),
    ("osce-minsk-group", "OSCE Minsk Group", [], ["Minsk Group"], "OSCE mediation format on Nagorno-Karabakh (from 1992)", "osce.org/mg", "Azerbaijan and Armenia called for its dissolution in their joint declaration in Washington on 8 August 2025; check osce.org for the state of its closure."),
    ("council-of-europe", "Council of Europe", ["PACE"], [], "European human-rights organisation (PACE: its Parliamentary Assembly)", "coe.int", ""),
    ("iaea", "International Atomic Energy Agency", ["IAEA"], [], "UN-related agency", "iaea.org", ""),
    ("opec", "Organization of the Petroleum Exporting Countries", ["OPEC"], [], "oil exporters' organisation", "opec.org", ""),
    ("guam", "GUAM Organization for Democracy and Economic Development", ["GUAM"], [], "regional organisation of Georgia, Ukraine, Azerbaijan and Moldova", "guam-organization.org", ""),
    ("bsec", "Organization of the Black Sea Economic Cooperation", ["BSEC"], ["Black Sea Economic Cooperation"], "regional organisation", "bsec-organization.org", ""),
    ("nam", "Non-Aligned Movement", ["NAM"], [], "grouping of states", "the NAM chair's site", "Azerbaijan chaired it from October 2019 until January 2024."),
    ("gcc", "Gulf Cooperation Council", ["GCC"], ["Cooperation Council for the Arab States of the Gulf"], "regional organisation", "gcc-sg.org", ""),
    ("arab-league", "League of Arab States", [], ["Arab League"], "regional organisation", "leagueofarabstates.net", ""),
    ("african-union", "African Union", ["AU"], [], "regional organisation", "au.int", "'AU' is case-sensitive and marked ambiguous (also gold, astronomical unit)."),
    ("asean", "Association of Southeast Asian Nations", ["ASEAN"], [], "regional organisation", "asean.org", ""),
    ("g7", "Group of Seven", ["G7", "G-7"], [], "grouping of industrialised democracies", "the G7 presidency's site", ""),
    ("g20", "Group of Twenty", ["G20", "G-20"], [], "grouping of major economies", "g20.org", ""),
    ("irgc", "Islamic Revolutionary Guard Corps", ["IRGC"], ["Revolutionary Guards", "Revolutionary Guard", "Islamic Revolution Guards Corps"], "branch of Iran's armed forces", "sepahnews.ir", ""),
    ("milli-majlis", "Milli Majlis (National Assembly of Azerbaijan)", [], ["Milli Majlis", "Milli Məclis"], "parliament of Azerbaijan", "meclis.gov.az", ""),
    ("majlis-iran", "Islamic Consultative Assembly (Majlis of Iran)", [], ["Islamic Consultative Assembly", "مجلس شورای اسلامی"], "parliament of Iran", "parliran.ir", "'Majlis' alone is not listed: it names parliaments in several states."),
    ("peoples-friendship-university", "People's Friendship University of Russia", ["RUDN"], ["People's Friendship University of Russia", "RUDN University", "Patrice Lumumba University"], "university in Moscow", "rudn.ru; corpus: mehr-2021-korybko ¶1.25", ""),
]
ORG_COUNTRY = {"un-security-council": "", "irgc": "IRN", "milli-majlis": "AZE", "majlis-iran": "IRN", "peoples-friendship-university": "RUS"}
AMBIGUOUS_ABBR = {"AU", "CIS", "NAM", "PACE", "EEU"}

# Outlets: (entity_id, label, country, aliases [(alias, kind, ambiguous)], role, source, note)
OUTLETS = [
    ("mehr-news-agency", "Mehr News Agency", "IRN", [("Mehr News Agency", "name", False), ("Mehr News", "name", False), ("Mehr", "name", True), ("MNA", "abbreviation", True), ("خبرگزاری مهر", "script", False)], "Iranian news agency", "en.mehrnews.com; corpus: mehr-2021-korybko ¶1.27", "'Mehr' alone is also a Persian word and name."),
    ("alwaght", "Alwaght", "IRN", [("Alwaght", "name", False), ("Al-Waght", "transliteration", False), ("الوقت", "script", True)], "news and analysis website", "alwaght.net; corpus: alwaght-2025-araghchi-baku ¶1.1", "Country as the corpus metadata describes it (Iranian media); ownership not checked. 'الوقت' is also an ordinary Arabic phrase (the time)."),
    ("financial-tribune", "Financial Tribune", "IRN", [("Financial Tribune", "name", False)], "Tehran-based English-language daily", "financialtribune.com; corpus metadata of ftribune-2025-araghchi-baku", ""),
    ("axar", "Axar", "AZE", [("Axar", "name", False), ("Axar.az", "name", False)], "Azerbaijani online news outlet", "axar.az; corpus: mehr-2021-korybko ¶1.1", ""),
    ("irna", "Islamic Republic News Agency", "IRN", [("IRNA", "abbreviation", False), ("Islamic Republic News Agency", "name", False)], "Iranian state news agency", "irna.ir", ""),
    ("tasnim", "Tasnim News Agency", "IRN", [("Tasnim News Agency", "name", False), ("Tasnim", "name", False)], "Iranian news agency", "tasnimnews.com", ""),
    ("fars", "Fars News Agency", "IRN", [("Fars News Agency", "name", False), ("Fars News", "name", False)], "Iranian news agency", "farsnews.ir", "'Fars' alone is not listed: it is also an Iranian province."),
    ("press-tv", "Press TV", "IRN", [("Press TV", "name", False), ("PressTV", "name", False)], "Iranian English-language state television", "presstv.ir", ""),
    ("tehran-times", "Tehran Times", "IRN", [("Tehran Times", "name", False)], "Iranian English-language daily", "tehrantimes.com", ""),
    ("kayhan", "Kayhan", "IRN", [("Kayhan", "name", False), ("Kayhan International", "name", False), ("کیهان", "script", False)], "Tehran daily newspaper", "kayhan.ir", ""),
    ("iran-international", "Iran International", "GBR", [("Iran International", "name", False)], "London-based Persian-language television channel", "iranintl.com", ""),
    ("azertac", "AZERTAC", "AZE", [("AZERTAC", "name", False), ("Azerbaijan State News Agency", "name", False)], "Azerbaijani state news agency", "azertag.az", ""),
    ("apa", "APA", "AZE", [("APA", "abbreviation", True)], "Azerbaijani news agency", "apa.az", ""),
    ("trend", "Trend News Agency", "AZE", [("Trend News Agency", "name", False), ("Trend.az", "name", False)], "Azerbaijani news agency", "trend.az", "'Trend' alone is not listed: it is an ordinary word."),
    ("report-az", "Report.az", "AZE", [("Report.az", "name", False)], "Azerbaijani news website", "report.az", ""),
    ("azernews", "AzerNews", "AZE", [("AzerNews", "name", False)], "Azerbaijani English-language news website", "azernews.az", ""),
]

# People: (entity_id, label, country, role, role_years, aliases [(alias, kind, lang, ambiguous, note)], source, note)
P_AZ = "Office of the President of Azerbaijan (president.az); Ministry of Foreign Affairs of Azerbaijan (mfa.gov.az)"
P_IR = "Office of the President of Iran (president.ir); Ministry of Foreign Affairs of Iran (en.mfa.ir); Wikipedia, 'List of presidents of Iran' and 'Minister of Foreign Affairs (Iran)'"
P_AM = "Office of the President of Armenia (president.am); Government of Armenia (gov.am); Ministry of Foreign Affairs of Armenia (mfa.am)"
P_GE = "Government of Georgia (gov.ge); Administration of the President of Georgia (president.gov.ge); Ministry of Foreign Affairs of Georgia (mfa.gov.ge)"
P_TR = "Presidency of the Republic of Türkiye (tccb.gov.tr); Ministry of Foreign Affairs of Türkiye (mfa.gov.tr)"
P_RU = "President of Russia (kremlin.ru); Government of Russia (government.ru); Ministry of Foreign Affairs of Russia (mid.ru)"
P_IL = "Prime Minister's Office of Israel (gov.il); Ministry of Foreign Affairs of Israel (gov.il/en/departments/ministry_of_foreign_affairs); Knesset (knesset.gov.il)"
P_US = "The White House (whitehouse.gov); U.S. Department of State, Office of the Historian (history.state.gov)"
A = lambda alias, kind="name", lang="en", amb=False, note="": (alias, kind, lang, amb, note)  # noqa: E731
PEOPLE = [
    # Azerbaijan
    ("ilham-aliyev", "Ilham Aliyev", "AZE", "President of Azerbaijan", "2003-", [A("Ilham Aliyev"), A("Ilham Aliev", "transliteration"), A("İlham Əliyev", "script", "az"), A("Ильхам Алиев", "script", "ru"), A("الهام علی‌اف", "script", "fa"), A("الهام علیاف", "script", "fa"), A("President Aliyev", amb=True, note="Heydar Aliyev was president 1993-2003."), A("Aliyev", "name", "en", True, "Also Heydar Aliyev and other Aliyevs."), A("Aliev", "transliteration", "en", True, "Also Heydar Aliyev."), A("Əliyev", "script", "az", True, "Also Heydar Aliyev."), A("علی‌اف", "script", "fa", True, "Also Heydar Aliyev.")], P_AZ + "; corpus: anon-2025-pezeshkian-visit ¶4.1", ""),
    ("heydar-aliyev", "Heydar Aliyev", "AZE", "President of Azerbaijan", "1993-2003", [A("Heydar Aliyev"), A("Heydar Aliev", "transliteration"), A("Heydər Əliyev", "script", "az"), A("حیدر علی‌اف", "script", "fa")], P_AZ + "; corpus: anon-2025-pezeshkian-visit ¶5.1", "Died in 2003."),
    ("ali-asadov", "Ali Asadov", "AZE", "Prime Minister of Azerbaijan", "2019-", [A("Ali Asadov"), A("Əli Əsədov", "script", "az")], "Cabinet of Ministers of Azerbaijan (cabmin.gov.az)", ""),
    ("elmar-mammadyarov", "Elmar Mammadyarov", "AZE", "Minister of Foreign Affairs of Azerbaijan", "2004-2020", [A("Elmar Mammadyarov"), A("Mammadyarov"), A("Elmar Məmmədyarov", "script", "az")], P_AZ, "Replaced on 16 July 2020."),
    ("jeyhun-bayramov", "Jeyhun Bayramov", "AZE", "Minister of Foreign Affairs of Azerbaijan", "2020-", [A("Jeyhun Bayramov"), A("Bayramov"), A("Ceyhun Bayramov", "script", "az"), A("جیحون بایراموف", "script", "fa"), A("Джейхун Байрамов", "script", "ru")], P_AZ + "; corpus: ftribune-2025-araghchi-baku ¶1.1", "In office since 16 July 2020."),
    ("sahiba-gafarova", "Sahiba Gafarova", "AZE", "Speaker of the Milli Majlis (parliament) of Azerbaijan", "2020-", [A("Sahiba Gafarova"), A("Gafarova"), A("Sahibə Qafarova", "script", "az")], "Milli Majlis (meclis.gov.az); corpus: ftribune-2025-araghchi-baku ¶1.1", "Elected Speaker in March 2020."),
    ("rafiga-mammadzadeh", "Rafiga Mammadzadeh", "AZE", "journalist with Axar", "unknown", [A("Rafiga Mammadzadeh"), A("Mammadzadeh"), A("Rafiqə Məmmədzadə", "script", "az")], "corpus: mehr-2021-korybko ¶1.1", "Known to the kit only from the corpus."),
    # Iran
    ("ali-khamenei", "Ali Khamenei", "IRN", "Supreme Leader of Iran", "1989-", [A("Ali Khamenei"), A("Ayatollah Khamenei"), A("Khamenei"), A("Khamene'i", "transliteration"), A("the Supreme Leader", "label", amb=True, note="Also used for North Korea's leader."), A("Leader of the Islamic Revolution", "label"), A("علی خامنه‌ای", "script", "fa"), A("خامنه‌ای", "script", "fa"), A("Əli Xamenei", "script", "az")], "Office of the Supreme Leader (khamenei.ir); corpus: mehr-2021-korybko ¶1.5 ('the Supreme Leader')", ""),
    ("hassan-rouhani", "Hassan Rouhani", "IRN", "President of Iran", "2013-2021", [A("Hassan Rouhani"), A("Rouhani"), A("Rohani", "transliteration"), A("Ruhani", "transliteration"), A("حسن روحانی", "script", "fa"), A("Həsən Ruhani", "script", "az")], P_IR, "Term ended 3 August 2021."),
    ("ebrahim-raisi", "Ebrahim Raisi", "IRN", "President of Iran", "2021-2024", [A("Ebrahim Raisi"), A("Ebrahim Raeisi", "transliteration"), A("Ibrahim Raisi", "transliteration"), A("Raisi"), A("Raeisi", "transliteration"), A("ابراهیم رئیسی", "script", "fa"), A("İbrahim Rəisi", "script", "az")], P_IR, "Died in a helicopter crash on 19 May 2024."),
    ("mohammad-mokhber", "Mohammad Mokhber", "IRN", "First Vice President of Iran; acting President of Iran", "2021-2024; 2024-2024", [A("Mohammad Mokhber"), A("Mokhber"), A("محمد مخبر", "script", "fa")], P_IR, "Acting president from 20 May to 28 July 2024 after Raisi's death."),
    ("masoud-pezeshkian", "Masoud Pezeshkian", "IRN", "President of Iran", "2024-", [A("Masoud Pezeshkian"), A("Pezeshkian"), A("Pezeshkiyan", "transliteration"), A("Masoud Pezeshkiyan", "transliteration"), A("Massoud Pezeshkian", "transliteration"), A("مسعود پزشکیان", "script", "fa"), A("پزشکیان", "script", "fa"), A("Məsud Pezeşkiyan", "script", "az"), A("Pezeşkiyan", "script", "az"), A("Масуд Пезешкиан", "script", "ru")], P_IR + "; corpus: anon-2025-pezeshkian-visit ¶4.1", "In office since 28 July 2024."),
    ("mohammad-javad-zarif", "Mohammad Javad Zarif", "IRN", "Minister of Foreign Affairs of Iran", "2013-2021", [A("Mohammad Javad Zarif"), A("Javad Zarif"), A("Zarif"), A("محمدجواد ظریف", "script", "fa"), A("محمد جواد ظریف", "script", "fa"), A("Məhəmmədcavad Zərif", "script", "az")], P_IR + "; corpus: mehr-2021-korybko ¶1.8", "Vice President for Strategic Affairs from August 2024 (resigned March 2025)."),
    ("hossein-amir-abdollahian", "Hossein Amir-Abdollahian", "IRN", "Minister of Foreign Affairs of Iran", "2021-2024", [A("Hossein Amir-Abdollahian"), A("Hossein Amirabdollahian", "transliteration"), A("Amir-Abdollahian"), A("Amirabdollahian", "transliteration"), A("Amir Abdollahian", "transliteration"), A("Amir-Abdollahiyan", "transliteration"), A("حسین امیرعبداللهیان", "script", "fa"), A("Hüseyn Əmir Abdullahiyan", "script", "az")], P_IR, "Died in the same crash as Raisi, 19 May 2024."),
    ("ali-bagheri-kani", "Ali Bagheri Kani", "IRN", "acting Minister of Foreign Affairs of Iran", "2024-2024", [A("Ali Bagheri Kani"), A("Ali Bagheri-Kani", "transliteration"), A("Bagheri Kani"), A("Bagheri-Kani", "transliteration"), A("Ali Baqeri Kani", "transliteration"), A("علی باقری کنی", "script", "fa")], P_IR, "Acting foreign minister May-August 2024. 'Bagheri' alone is not listed (also armed-forces chief Mohammad Bagheri)."),
    ("abbas-araghchi", "Abbas Araghchi", "IRN", "Minister of Foreign Affairs of Iran", "2024-", [A("Abbas Araghchi"), A("Araghchi"), A("Araqchi", "transliteration"), A("Arakchi", "transliteration"), A("Abbas Araqchi", "transliteration"), A("Araghchy", "transliteration"), A("عباس عراقچی", "script", "fa"), A("عراقچی", "script", "fa"), A("Abbas Əraqçi", "script", "az"), A("Əraqçi", "script", "az"), A("Аббас Аракчи", "script", "ru")], P_IR + "; corpus: ftribune-2025-araghchi-baku ¶1.1", "In office since August 2024."),
    ("seyed-abbas-mousavi", "Seyed Abbas Mousavi", "IRN", "Ambassador of Iran to Azerbaijan", "2020-2024", [A("Seyed Abbas Mousavi"), A("Seyyed Abbas Mousavi", "transliteration"), A("Ambassador Mousavi"), A("Mousavi", "name", "en", True, "Common surname (e.g. Mir-Hossein Mousavi)."), A("سید عباس موسوی", "script", "fa")], "Radio Farda, 'Iran Foreign Ministry spokesman appointed ambassador to Azerbaijan' (July 2020); 168.am, 19 May 2024 (end of mission); corpus: mehr-2021-korybko ¶1.1", "Foreign Ministry spokesman 2019-2020 before his posting to Baku."),
    # Armenia
    ("armen-sarkissian", "Armen Sarkissian", "ARM", "President of Armenia", "2018-2022", [A("Armen Sarkissian"), A("Armen Sargsyan", "transliteration"), A("Armen Sarkisyan", "transliteration")], P_AM, "Resigned in January 2022 (effective 1 February 2022). 'Sargsyan' alone is not listed (also Serzh Sargsyan)."),
    ("alen-simonyan", "Alen Simonyan", "ARM", "Speaker of the National Assembly of Armenia; acting President of Armenia", "2021-; 2022-2022", [A("Alen Simonyan")], P_AM, "Acting president February-March 2022."),
    ("vahagn-khachaturyan", "Vahagn Khachaturyan", "ARM", "President of Armenia", "2022-", [A("Vahagn Khachaturyan"), A("Khachaturyan"), A("Vahagn Khachaturian", "transliteration"), A("Վահագն Խաչատուրյան", "script", "hy")], P_AM, "In office since 13 March 2022."),
    ("nikol-pashinyan", "Nikol Pashinyan", "ARM", "Prime Minister of Armenia", "2018-", [A("Nikol Pashinyan"), A("Pashinyan"), A("Pashinian", "transliteration"), A("Nikol Pashinian", "transliteration"), A("Nikol Paşinyan", "script", "az"), A("Paşinyan", "script", "az"), A("نیکول پاشینیان", "script", "fa"), A("Նիկոլ Փաշինյան", "script", "hy"), A("Никол Пашинян", "script", "ru")], P_AM, "Acting prime minister April-August 2021 around the snap election."),
    ("zohrab-mnatsakanyan", "Zohrab Mnatsakanyan", "ARM", "Minister of Foreign Affairs of Armenia", "2018-2020", [A("Zohrab Mnatsakanyan"), A("Mnatsakanyan")], P_AM, "Left office on 16 November 2020."),
    ("ara-aivazian", "Ara Aivazian", "ARM", "Minister of Foreign Affairs of Armenia", "2020-2021", [A("Ara Aivazian"), A("Ara Ayvazyan", "transliteration"), A("Ara Ayvazian", "transliteration"), A("Aivazian"), A("Ayvazyan", "transliteration")], P_AM + "; Azatutyun (RFE/RL), 27 May 2021", "Appointed 18 November 2020, resigned 27 May 2021; the post was then vacant, with first deputy minister Armen Grigoryan acting, until August 2021."),
    ("ararat-mirzoyan", "Ararat Mirzoyan", "ARM", "Minister of Foreign Affairs of Armenia", "2021-", [A("Ararat Mirzoyan"), A("Mirzoyan"), A("Ararat Mirzoian", "transliteration"), A("Ararat Mirzəyan", "script", "az"), A("آرارات میرزویان", "script", "fa"), A("Արարատ Միրզոյան", "script", "hy")], P_AM + "; Azatutyun (RFE/RL), 'New Armenian Foreign Minister Appointed' (August 2021)", "Appointed 19 August 2021."),
    # Georgia
    ("salome-zourabichvili", "Salome Zourabichvili", "GEO", "President of Georgia", "2018-2024", [A("Salome Zourabichvili"), A("Zourabichvili"), A("Salome Zurabishvili", "transliteration"), A("Zurabishvili", "transliteration")], P_GE, "Her term ended in December 2024; she disputed the legitimacy of her successor's election."),
    ("mikheil-kavelashvili", "Mikheil Kavelashvili", "GEO", "President of Georgia", "2024-", [A("Mikheil Kavelashvili"), A("Kavelashvili")], P_GE, "Elected by an electoral college in December 2024; the opposition and his predecessor do not recognise the election."),
    ("giorgi-gakharia", "Giorgi Gakharia", "GEO", "Prime Minister of Georgia", "2019-2021", [A("Giorgi Gakharia"), A("Gakharia")], P_GE, "Resigned in February 2021."),
    ("irakli-garibashvili", "Irakli Garibashvili", "GEO", "Minister of Defence of Georgia; Prime Minister of Georgia", "2019-2021; 2021-2024", [A("Irakli Garibashvili"), A("Garibashvili"), A("Irakli Gharibashvili", "transliteration"), A("Ираклий Гарибашвили", "script", "ru")], P_GE + "; Ministry of Defence of Georgia, mod.gov.ge/en/news/read/8084, 23 Feb 2021 (defence minister from September 2019 until he became prime minister on 22 February 2021); ria24.today (Russian spelling)", "Also prime minister 2013-2015."),
    ("irakli-kobakhidze", "Irakli Kobakhidze", "GEO", "Prime Minister of Georgia", "2024-", [A("Irakli Kobakhidze"), A("Kobakhidze")], P_GE, "In office since February 2024."),
    ("david-zalkaliani", "David Zalkaliani", "GEO", "Minister of Foreign Affairs of Georgia", "2018-2022", [A("David Zalkaliani"), A("Zalkaliani")], P_GE, ""),
    ("ilia-darchiashvili", "Ilia Darchiashvili", "GEO", "Minister of Foreign Affairs of Georgia", "2022-2024", [A("Ilia Darchiashvili"), A("Darchiashvili")], P_GE, ""),
    ("maka-botchorishvili", "Maka Botchorishvili", "GEO", "Minister of Foreign Affairs of Georgia", "2024-", [A("Maka Botchorishvili"), A("Botchorishvili"), A("Maka Bochorishvili", "transliteration")], P_GE, "In office since December 2024."),
    # Turkey
    ("recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "TUR", "President of Turkey (also head of government since 2018)", "2014-", [A("Recep Tayyip Erdoğan"), A("Recep Tayyip Erdogan", "transliteration"), A("Tayyip Erdoğan"), A("Erdoğan"), A("Erdogan", "transliteration"), A("Rəcəb Tayyib Ərdoğan", "script", "az"), A("Ərdoğan", "script", "az"), A("اردوغان", "script", "fa")], P_TR, "Prime minister 2003-2014; the office of prime minister was abolished in 2018."),
    ("mevlut-cavusoglu", "Mevlüt Çavuşoğlu", "TUR", "Minister of Foreign Affairs of Turkey", "2014-2015; 2015-2023", [A("Mevlüt Çavuşoğlu"), A("Mevlut Cavusoglu", "transliteration"), A("Çavuşoğlu"), A("Cavusoglu", "transliteration")], P_TR + "; Wikipedia, 'Mevlüt Çavuşoğlu' (stored copy: 29 August 2014 - 28 August 2015 and 24 November 2015 - 4 June 2023)", "Two terms: August 2014 - August 2015 and 24 November 2015 - 4 June 2023 (Feridun Sinirlioğlu was minister in between)."),
    ("hakan-fidan", "Hakan Fidan", "TUR", "Minister of Foreign Affairs of Turkey", "2023-", [A("Hakan Fidan"), A("Fidan")], P_TR, "In office since June 2023."),
    # Russia
    ("vladimir-putin", "Vladimir Putin", "RUS", "President of Russia", "2012-", [A("Vladimir Putin"), A("Putin"), A("Vladimir Poutine", "transliteration"), A("Владимир Путин", "script", "ru"), A("Путин", "script", "ru"), A("Vladimir Putin", "name"), A("پوتین", "script", "fa")], P_RU, "Also president 2000-2008 and prime minister 1999-2000 and 2008-2012."),
    ("mikhail-mishustin", "Mikhail Mishustin", "RUS", "Prime Minister of Russia", "2020-", [A("Mikhail Mishustin"), A("Mishustin"), A("Михаил Мишустин", "script", "ru")], P_RU, "In office since January 2020."),
    ("sergey-lavrov", "Sergey Lavrov", "RUS", "Minister of Foreign Affairs of Russia", "2004-", [A("Sergey Lavrov"), A("Sergei Lavrov", "transliteration"), A("Lavrov"), A("Сергей Лавров", "script", "ru"), A("Лавров", "script", "ru"), A("Sergey Lavrov", "name"), A("لاوروف", "script", "fa")], P_RU, ""),
    # Israel
    ("reuven-rivlin", "Reuven Rivlin", "ISR", "President of Israel", "2014-2021", [A("Reuven Rivlin"), A("Rivlin")], P_IL, ""),
    ("isaac-herzog", "Isaac Herzog", "ISR", "President of Israel", "2021-", [A("Isaac Herzog"), A("Yitzhak Herzog", "transliteration"), A("Herzog", "name", "en", True, "Also other Herzogs.")], P_IL, "In office since July 2021."),
    ("benjamin-netanyahu", "Benjamin Netanyahu", "ISR", "Prime Minister of Israel", "2009-2021; 2022-", [A("Benjamin Netanyahu"), A("Netanyahu"), A("نتانیاهو", "script", "fa"), A("Benyamin Netanyahu", "transliteration")], P_IL, "Also prime minister 1996-1999."),
    ("naftali-bennett", "Naftali Bennett", "ISR", "Prime Minister of Israel", "2021-2022", [A("Naftali Bennett")], P_IL, "'Bennett' alone is not listed: a common surname."),
    ("yair-lapid", "Yair Lapid", "ISR", "Minister of Foreign Affairs of Israel; Prime Minister of Israel", "2021-2022; 2022-2022", [A("Yair Lapid"), A("Lapid")], P_IL, "Foreign minister June 2021-December 2022; prime minister July-December 2022."),
    ("gabi-ashkenazi", "Gabi Ashkenazi", "ISR", "Minister of Foreign Affairs of Israel", "2020-2021", [A("Gabi Ashkenazi"), A("Ashkenazi", "name", "en", True, "Also a Jewish diaspora group.")], P_IL, ""),
    ("eli-cohen", "Eli Cohen", "ISR", "Minister of Foreign Affairs of Israel", "2023-2024", [A("Eli Cohen", "name", "en", True, "Also the Israeli spy executed in 1965.")], P_IL, "Foreign minister January 2023-January 2024."),
    ("israel-katz", "Israel Katz", "ISR", "Minister of Foreign Affairs of Israel", "2019-2020; 2024-2024", [A("Israel Katz")], P_IL, "Foreign minister 2019-May 2020 and January-November 2024, then defence minister. 'Katz' alone is not listed."),
    ("gideon-saar", "Gideon Sa'ar", "ISR", "Minister of Foreign Affairs of Israel", "2024-", [A("Gideon Sa'ar"), A("Gideon Saar", "transliteration"), A("Sa'ar")], P_IL, "In office since November 2024."),
    # United States
    ("donald-trump", "Donald Trump", "USA", "President of the United States", "2017-2021; 2025-", [A("Donald Trump"), A("Donald J. Trump"), A("Trump"), A("President Trump"), A("ترامپ", "script", "fa"), A("Donald Tramp", "script", "az"), A("Трамп", "script", "ru")], P_US + "; corpus: alwaght-2025-araghchi-baku ¶15.4 ('the Trump administration')", "'Trump' is case-sensitive (trump is an English word)."),
    ("joe-biden", "Joe Biden", "USA", "President of the United States", "2021-2025", [A("Joe Biden"), A("Joseph Biden"), A("Biden"), A("بایدن", "script", "fa")], P_US, ""),
    ("mike-pompeo", "Mike Pompeo", "USA", "Secretary of State of the United States", "2018-2021", [A("Mike Pompeo"), A("Pompeo")], P_US, ""),
    ("antony-blinken", "Antony Blinken", "USA", "Secretary of State of the United States", "2021-2025", [A("Antony Blinken"), A("Blinken"), A("Anthony Blinken", "transliteration")], P_US, ""),
    ("marco-rubio", "Marco Rubio", "USA", "Secretary of State of the United States", "2025-", [A("Marco Rubio"), A("Rubio")], P_US, "In office since January 2025."),
    # Office holders 2020-2025 added for issue 21 (defence ministers, spokespeople, envoys, EU).
    # Each row names the public pages its dates and spellings were checked against (stored copies
    # read with the kit's search tool); a spelling not seen in a source is not listed.
    ("zakir-hasanov", "Zakir Hasanov", "AZE", "Minister of Defence of Azerbaijan", "2013-", [A("Zakir Hasanov"), A("Zakir Həsənov", "script", "az"), A("Hasanov", "name", "en", True, "Common Azerbaijani surname.")], "Wikipedia, 'Zakir Hasanov' (stored copy: in office since 22 October 2013; Azerbaijani spelling); Regional Chronicle, 6 Nov 2013 (decree of 22 October 2013)", ""),
    ("hikmet-hajiyev", "Hikmet Hajiyev", "AZE", "Assistant to the President of Azerbaijan, head of the Foreign Policy Affairs Department of the Presidential Administration", "2019-", [A("Hikmet Hajiyev"), A("Hikmat Hajiyev", "transliteration"), A("Hikmət Hacıyev", "script", "az"), A("Hajiyev", "name", "en", True, "Common Azerbaijani surname.")], "Azernews, azernews.az/nation/155620, 6 Sep 2019 (in the post); Trend, en.trend.az/azerbaijan/society/3674664 ('Hikmat Hajiyev'); vaxt.az and genclider.az, 7 Dec 2019 ('Hikmət Hacıyev'); Mediamax, 'Meet Azerbaijan's chief propagandist, Hikmet Hajiyev', 2020 (Foreign Ministry spokesman 2014-2018)", "Start of the post not verified: 2019 is the earliest year a source shows him in it."),
    ("mohammad-reza-ashtiani", "Mohammad-Reza Gharaei Ashtiani", "IRN", "Minister of Defence of Iran", "2021-2024", [A("Mohammad-Reza Gharaei Ashtiani"), A("Mohammadreza Gharaei Ashtiani", "transliteration"), A("Gharaei Ashtiani"), A("Mohammad Reza Ashtiani", "transliteration"), A("Mohammad-Reza Ashtiani", "transliteration"), A("Ashtiani", "name", "en", True, "Also other Ashtianis.")], "World Military News, 4 Sep 2021 (approved by parliament in late August 2021 in Raisi's cabinet); Wikipedia (fr), 'Aziz Nasirzadeh' (stored copy: Ashtiani his predecessor)", "Persian spelling not verified, so not listed."),
    ("aziz-nasirzadeh", "Aziz Nasirzadeh", "IRN", "Minister of Defence of Iran", "2024-", [A("Aziz Nasirzadeh"), A("Nasirzadeh"), A("عزیز نصیرزاده", "script", "fa"), A("Азиз Насирзаде", "script", "ru")], "Mehr News Agency, en.mehrnews.com/news/220078, 24 Aug 2024 (newly appointed); Wikipedia (fr), 'Aziz Nasirzadeh' (stored copy: Persian spelling, minister since August 2024); news.mail.ru/incident/70019083 (Russian spelling)", "Reports dated after 2025 say he was killed and an acting minister appointed (news.mail.ru; operativmm.az); not verified here, so the end of his term is left open."),
    ("saeed-khatibzadeh", "Saeed Khatibzadeh", "IRN", "Spokesman of the Ministry of Foreign Affairs of Iran", "2020-2022", [A("Saeed Khatibzadeh"), A("Saeid Khatibzadeh", "transliteration"), A("Khatibzadeh"), A("سعید خطیب‌زاده", "script", "fa"), A("سعید خطیبزاده", "script", "fa", False, "Written without the zero-width non-joiner.")], "Radio Farda, 'Iran's Foreign Ministry Appoints A New Spokesman', 16 Aug 2020; UNews, unews.com.lb/ar/archives/27/06/2022/35474, 27 Jun 2022 (succeeded by Kanaani); Fararu, fararu.com/fa/news/557451 (Persian spelling)", "Announced Iran's plan for the Karabakh war on 5 Oct 2020 (Tasnim, 5 Oct 2020)."),
    ("nasser-kanaani", "Nasser Kanaani", "IRN", "Spokesman of the Ministry of Foreign Affairs of Iran", "2022-2024", [A("Nasser Kanaani"), A("Nasser Kanani", "transliteration"), A("Nasir Kanani", "transliteration"), A("Kanaani"), A("ناصر کنعانی", "script", "fa")], "UNews, unews.com.lb/ar/archives/27/06/2022/35474, 27 Jun 2022 (appointed); Fararu, fararu.com/fa/news/557451 (Persian spelling); WANA, wanaen.com/?p=22191, 21 Oct 2024 (first briefing of his successor Baghaei)", ""),
    ("esmaeil-baghaei", "Esmaeil Baghaei", "IRN", "Spokesman of the Ministry of Foreign Affairs of Iran", "2024-", [A("Esmaeil Baghaei"), A("Esmaeil Baqaei", "transliteration"), A("Ismail Baghaei", "transliteration"), A("Baghaei"), A("Baqaei", "transliteration")], "WANA, wanaen.com/?p=22191, 21 Oct 2024 ('the new spokesperson', first weekly briefing); Tehran Times, tehrantimes.com/news/521100 ('Esmaeil Baqaei'); Mizan, 'Baghaei: Iran supports the halt of genocide in Gaza' ('Ismail Baghaei')", "Persian spelling not verified, so not listed."),
    ("davit-tonoyan", "Davit Tonoyan", "ARM", "Minister of Defence of Armenia", "2018-2020", [A("Davit Tonoyan"), A("David Tonoyan", "transliteration"), A("Tonoyan")], "JAMnews, 'Resignations of ministers', 20 Nov 2020 (appointed May 2018, resigned 20 Nov 2020); Azatutyun (RFE/RL), azatutyun.am/a/30960636, 20 Nov 2020", ""),
    ("vagharshak-harutyunyan", "Vagharshak Harutyunyan", "ARM", "Minister of Defence of Armenia", "2020-2021", [A("Vagharshak Harutyunyan"), A("Vagharshak Harutiunian", "transliteration"), A("Vagarsak Harutyunyan", "transliteration"), A("Vaqarşak Arutyunyan", "script", "az")], "Mirror-Spectator, 20 Nov 2020 (appointed); Azatutyun (RFE/RL), azatutyun.am/a/30960636, 20 Nov 2020 ('Harutiunian'); hergun.az, 20 Nov 2020 (Azerbaijani spelling); tele1.com.tr, 20 Jul 2021 (resigned)", "Also defence minister 1999-2000. 'Harutyunyan' alone is not listed: a common surname."),
    ("arshak-karapetyan", "Arshak Karapetyan", "ARM", "Minister of Defence of Armenia", "2021-2021", [A("Arshak Karapetyan"), A("Arshak Karapetian", "transliteration"), A("Аршак Карапетян", "script", "ru")], "Massis Post, 15 Nov 2021 (minister since August 2021, dismissed 15 Nov 2021); Xinhua via myseldon, 15 Nov 2021 (Russian spelling)", "'Karapetyan' alone is not listed: a common surname."),
    ("suren-papikyan", "Suren Papikyan", "ARM", "Minister of Defence of Armenia", "2021-", [A("Suren Papikyan"), A("Papikyan"), A("Сурен Папикян", "script", "ru")], "Armenpress, 15 Nov 2021 (appointed); Massis Post, 15 Nov 2021; Xinhua via myseldon, 15 Nov 2021 (Russian spelling)", ""),
    ("hulusi-akar", "Hulusi Akar", "TUR", "Minister of National Defence of Turkey", "2018-2023", [A("Hulusi Akar"), A("Akar", "name", "en", True, "Also a Turkish word and other Akars.")], "Wikipedia, 'Hulusi Akar' (stored copy: 10 July 2018 - 3 June 2023); Ministry of National Defence (msb.gov.tr), biography", ""),
    ("yasar-guler", "Yaşar Güler", "TUR", "Minister of National Defence of Turkey", "2023-", [A("Yaşar Güler"), A("Yasar Guler", "transliteration"), A("Yaşar Gülər", "script", "az")], "Defence Turkey, issue 123, July 2023 ('Yaşar Güler Becomes the New Minister of National Defence'); Wikipedia, 'Hulusi Akar' (successor, June 2023); nuhcixan.az (Azerbaijani spelling)", "Chief of the General Staff 2018-2023."),
    ("sergei-shoigu", "Sergei Shoigu", "RUS", "Minister of Defence of Russia; Secretary of the Security Council of Russia", "2012-2024; 2024-", [A("Sergei Shoigu"), A("Sergey Shoigu", "transliteration"), A("Sergey Shoygu", "transliteration"), A("Shoigu")], "24.kg, 13 May 2024 (minister since 2012, replaced); RT, 14 May 2024 (Security Council secretary); Ukrainska Pravda, 14 May 2024", "Russian spelling not verified, so not listed."),
    ("andrei-belousov", "Andrei Belousov", "RUS", "Minister of Defence of Russia", "2024-", [A("Andrei Belousov"), A("Andrey Belousov", "transliteration"), A("Belousov")], "RT, 'Putin confirms defense minister Belousov', 14 May 2024; Kyiv Independent, 14 May 2024 (decree)", "First deputy prime minister 2020-2024 (24.kg, 13 May 2024). Russian spelling not verified, so not listed."),
    ("maria-zakharova", "Maria Zakharova", "RUS", "Spokeswoman of the Ministry of Foreign Affairs of Russia (Director of the Information and Press Department)", "2015-", [A("Maria Zakharova"), A("Mariya Zakharova", "transliteration"), A("Zakharova"), A("Мария Захарова", "script", "ru"), A("Захарова", "script", "ru")], "Wikipedia (via wikimili), 'Maria Zakharova' (stored copy: since 10 August 2015; Russian spelling); Russian Embassy in South Africa, appointment notice", ""),
    ("dmitry-peskov", "Dmitry Peskov", "RUS", "Press Secretary of the President of Russia", "2012-", [A("Dmitry Peskov"), A("Dmitri Peskov", "transliteration"), A("Peskov"), A("Дмитрий Песков", "script", "ru"), A("Песков", "script", "ru")], "Wikipedia, 'Dmitry Peskov' (stored copy, 2020: in office since 22 May 2012; Russian spelling)", ""),
    ("mark-esper", "Mark Esper", "USA", "Secretary of Defense of the United States", "2019-2020", [A("Mark Esper"), A("Esper")], "Wikipedia, 'Mark Esper' (stored copy: 23 July 2019 - 9 November 2020, succeeded by Lloyd Austin); The Defense Post, tag page (sworn in 23 July 2019); Fox 44 News, 9 Nov 2020 (dismissed)", ""),
    ("lloyd-austin", "Lloyd Austin", "USA", "Secretary of Defense of the United States", "2021-2025", [A("Lloyd Austin"), A("Lloyd J. Austin"), A("Lloyd J. Austin III")], "The UFO Database / US DoD biography ('On January 22, 2021 ... became the 28th Secretary of Defense'); AP gallery, 'Austin ... ends his term', Jan 2025", "'Austin' alone is not listed: also a city and a first name."),
    ("toivo-klaar", "Toivo Klaar", "", "EU Special Representative for the South Caucasus and the crisis in Georgia", "2017-2024", [A("Toivo Klaar"), A("Klaar")], "Public Radio of Armenia, 20 Jul 2023 (appointed 13 November 2017, mandate extended); Vestnik Kavkaza, en.vestikavkaza.ru/material/169697, 27 Jul 2024 (tenure ends 31 August 2024)", "An EU official: country left empty."),
    ("magdalena-grono", "Magdalena Grono", "", "EU Special Representative for the South Caucasus and the crisis in Georgia", "2024-", [A("Magdalena Grono"), A("Grono")], "Azernews, azernews.az/nation/229174, 26 Jul 2024 (appointed, from 1 September 2024); Aravot, 1 Aug 2024", "A Czech national (same sources); country left empty as for other EU officials."),
    ("charles-michel", "Charles Michel", "", "President of the European Council", "2019-2024", [A("Charles Michel")], "News.Az, 3 Jul 2019 (elected, from 1 December 2019); Sunday Vision (re-elected to 30 November 2024); The Portugal News, 28 Jun 2024 (António Costa from 1 December 2024)", "Prime Minister of Belgium 2014-2019. 'Michel' alone is not listed: a common first name."),
    # Added in a second pass for issue 21 (people the first pass left out for want of a source). Same rule:
    # every date and spelling below was read in the stored copy of the page named in `source`; where the start
    # or end of a post was not shown by a dated page, the note says so.
    ("juansher-burchuladze", "Juansher Burchuladze", "GEO", "Minister of Defence of Georgia", "2021-2024", [A("Juansher Burchuladze"), A("Juansher Burtchuladze", "transliteration"), A("Burchuladze"), A("Джуаншер Бурчуладзе", "script", "ru"), A("ჯუანშერ ბურჭულაძე", "script", "ka")], "InterPressNews, interpressnews.ge/en/profiles/18-juansher-burchuladze (minister from 22 February 2021); Wikipedia (via wikimili), 'Juansher Burchuladze' (stored copy: 22 February 2021 - 8 February 2024; Georgian spelling); Report.az (ru), 'На пост министра обороны Грузии представлен замглавы ведомства' (Russian spelling); 1TV Georgia, 'PM Kobakhidze introduces new Defence Minister Chikovani' (February 2024)", "Deputy defence minister 2019-2021."),
    ("irakli-chikovani", "Irakli Chikovani", "GEO", "Minister of Defence of Georgia", "2024-", [A("Irakli Chikovani"), A("Chikovani"), A("Ираклий Чиковани", "script", "ru"), A("ირაკლი ჩიქოვანი", "script", "ka")], "Kavkaz Plus, en.kavkazplus.com/news.php?id=19180, 9 Feb 2024 (decree: new Defence Minister); Wikipedia (ja, via jmediawiki), 'Irakli Chikovani' (stored copy: minister and deputy prime minister since 8 February 2024; Georgian spelling); sovanews.tv, 1 Feb 2024 (Russian spelling)", "Also deputy prime minister from 8 February 2024 (same source)."),
    ("pete-hegseth", "Pete Hegseth", "USA", "Secretary of Defense of the United States", "2025-", [A("Pete Hegseth"), A("Hegseth")], "U.S. Department of Defense, defense.gov news story 4041030 (sworn in as the 29th Secretary of Defense, 25 Jan 2025); Homeland Security Today, 'Pete Hegseth sworn in as 29th Secretary of Defense' (25 January 2025)", "Persian and Russian spellings not verified, so not listed."),
    ("kaja-kallas", "Kaja Kallas", "", "High Representative of the European Union for Foreign Affairs and Security Policy", "2024-", [A("Kaja Kallas"), A("Kallas", "name", "en", True, "Also her father Siim Kallas, a former European Commissioner.")], "Index.hu, 9 Dec 2024 (took office on 1 December 2024); Postimees, 28 Jun 2024 (nominated); DW (via 8350.org), topic page (Prime Minister of Estonia 2021-2024)", "Prime Minister of Estonia 2021-2024. An EU official: country left empty."),
    ("philip-reeker", "Philip Reeker", "USA", "Senior Advisor for Caucasus Negotiations, U.S. Department of State (U.S. co-chair of the OSCE Minsk Group)", "2022-2023", [A("Philip Reeker"), A("Philip T. Reeker"), A("Reeker")], "Trend, en.trend.az/azerbaijan/politics/3636680, 25 Aug 2022 (appointed); Civil.ge, civil.ge/archives/505950 (appointment, August 2022); News.am, news.am/eng/news/738214, 5 Jan 2023 (retired, effective 5 January 2023)", "Acting Assistant Secretary of State for European and Eurasian Affairs 2019-2021 (same sources)."),
    ("louis-bono", "Louis Bono", "USA", "Senior Advisor for Caucasus Negotiations, U.S. Department of State", "2023-", [A("Louis Bono"), A("Louis L. Bono")], "Trend, en.trend.az/azerbaijan/politics/3704342, 2 Feb 2023 (appointed); Massis Post, February 2023 (State Department statement); Asbarez (replaces Philip Reeker)", "End of the post not verified (no stored page on it seen), so left open. 'Bono' alone is not listed: also other Bonos."),
    ("igor-khovaev", "Igor Khovaev", "RUS", "Russian co-chair of the OSCE Minsk Group; Special Representative of the Russian Foreign Minister for the normalisation of relations between Azerbaijan and Armenia", "2021-2022; 2022-", [A("Igor Khovaev"), A("Igor Khovayev", "transliteration"), A("Khovaev"), A("Игорь Ховаев", "script", "ru"), A("İqor Xovayev", "script", "az")], "Public Radio of Armenia, en.armradio.am, 30 Jul 2021 (replaced Igor Popov as co-chair); Vestnik Kavkaza, 'Special representative of Russian FM on normalization of Baku-Yerevan relations appointed' and Massis Post, 16 Apr 2022 (special representative); Vestnik Kavkaza (ru) and 7or.am, 20 Apr 2022 (Russian spelling); banker.az (Azerbaijani spelling)", "Ambassador of Russia to the Philippines until 21 September 2020 (ARKA, 6 Sep 2021). End of the special representative's post not verified, so left open."),
    ("dmitry-medvedev", "Dmitry Medvedev", "RUS", "Prime Minister of Russia; Deputy Chairman of the Security Council of Russia", "2012-2020; 2020-", [A("Dmitry Medvedev"), A("Dmitri Medvedev", "transliteration"), A("Medvedev")], "PanARMENIAN.Net, 15 Jan 2020 (resigned as prime minister); RT, rt.com/russia/478343, 15 Jan 2020 (to become deputy head of the Security Council); Republic World, 16 Jan 2020 (prime minister for nearly eight years; president 2008-2012)", "President of Russia 2008-2012. Russian spelling not verified, so not listed."),
    ("mojtaba-demirchilu", "Mojtaba Demirchilu", "IRN", "Ambassador of Iran to Azerbaijan", "2025-", [A("Mojtaba Demirchilu", "transliteration", note="Transliterated from the Russian spelling in Report.az; an English spelling was not seen."), A("Demirchilu", "transliteration"), A("Муджтаба Демирчилу", "script", "ru")], "Report.az (ru), 'Посол Ирана в Азербайджане: Надеюсь, что мы станем свидетелями все большего сближения двух стран и народов', 30 Aug 2025 (newly appointed ambassador; Russian spelling); az24saat.org (de), 23 Jul 2024 (head of the Eurasia department of Iran's Foreign Ministry)", "The label is a transliteration of the Russian spelling; Persian and English spellings not verified, so not listed. Between Seyed Abbas Mousavi and him the post was without a new ambassador (Vestnik Kavkaza, vestikavkaza.ru/amp/437397)."),
    ("abbas-badakhshan-zohouri", "Abbas Badakhshan Zohouri", "IRN", "Ambassador of Iran to Armenia", "2021-2023", [A("Abbas Badakhshan Zohouri"), A("Abbas Badashkhan Zohouri", "transliteration"), A("Zohouri"), A("Аббас Бадахшан Зохури", "script", "ru"), A("Աբբաս Բադախշան Զոհուրի", "script", "hy")], "1lurer.am, 30 May 2021 (interview as ambassador); News.am, news.am/eng/news/663100, 16 Sep 2021; Sputnik Armenia, 22 Nov 2022 (still ambassador); Armenian Club / Tehran Times, 16 Aug 2023 (successor Mehdi Sobhani newly appointed); ra.am (Russian spelling); 1inlur.am (Armenian spelling)", "Start not verified: 2021 is the earliest year a dated source shows him in the post (news.am/eng/news/605089, undated in the stored copy, shows him as ambassador during the 2020 war)."),
    ("ali-alizada", "Ali Alizada", "AZE", "Ambassador of Azerbaijan to Iran", "2022-", [A("Ali Alizada"), A("Ali Alizadeh", "transliteration"), A("Ali Alizade", "transliteration"), A("Alizada", "name", "en", True, "Common Azerbaijani surname."), A("Alizadeh", "transliteration", "en", True, "Common Iranian and Azerbaijani surname.")], "AZERTAC, 25 Apr 2022 ('Azerbaijani ambassador to Iran Ali Alizade'); Kayhan, kayhan.ir/en/news/108866, 11 Nov 2022 ('Ali Alizadeh', summoned); Turan, 15 Jul 2024 (embassy reopened, ambassador returned); Report.az, 14 Nov 2025 ('Ali Alizada')", "Start not verified: 2022 is the earliest year a dated source shows him in the post (alkawthartv.ir/news/285713, undated in the stored copy, reports Amir-Abdollahian receiving a copy of his credentials). The embassy was closed from January 2023 to 15 July 2024 after the attack on it. Added after the held-out recall articles A and B, which name him, were read: see data/gazetteer/README.md."),
    ("erkan-ozoral", "Erkan Özoral", "TUR", "Ambassador of Turkey to Azerbaijan", "2016-2021", [A("Erkan Özoral"), A("Erkan Ozoral", "transliteration"), A("Özoral"), A("Ozoral", "transliteration")], "Report.az (az), 'Türkiyənin Azərbaycandakı səfiri ilə vida mərasimi keçirilib' (ambassador since 2016, leaving 16 April 2021; Azerbaijani spelling as in Turkish); President of Azerbaijan, president.az/en/articles/view/51062, 10 Apr 2021 (farewell audience)", ""),
    ("cahit-bagci", "Cahit Bağcı", "TUR", "Ambassador of Turkey to Azerbaijan", "2021-2025", [A("Cahit Bağcı"), A("Cahit Bagci", "transliteration"), A("Cahit Bağçı", "script", "az"), A("Bağcı"), A("Джахит Багчи", "script", "ru")], "Report.az, 'President of World Association of Meskhetian Turks meets Turkish ambassador' (appointed 3 April 2021); metbuat.az (Resmi Gazete decree; Azerbaijani spelling); Azernews, azernews.az/nation/236798, 22 Jan 2025 (farewell visit, term ending); moderator.az (ru), 'since 2021' (Russian spelling)", ""),
    ("birol-akgun", "Birol Akgün", "TUR", "Ambassador of Turkey to Azerbaijan", "2025-", [A("Birol Akgün"), A("Birol Akgun", "transliteration"), A("Akgün"), A("Бирол Акгюн", "script", "ru")], "Trend, en.trend.az/azerbaijan/politics/4005117, 13 Feb 2025 (newly appointed ambassador); AzVision, 20 Feb 2025 (received by the Speaker); moderator.az (ru) (appointment announced in December; Russian spelling)", "Chairman of the Turkish Maarif Foundation before (moderator.az)."),
    ("levan-dzhagaryan", "Levan Dzhagaryan", "RUS", "Ambassador of Russia to Iran", "2011-2022", [A("Levan Dzhagaryan"), A("Levan Jagarian", "transliteration"), A("Dzhagaryan"), A("Jagarian", "transliteration"), A("لوان جاگاریان", "script", "fa"), A("جاگاریان", "script", "fa")], "Donya-e-Eqtesad (credentials presented 22 Azar 1390, i.e. December 2011; mission ending after 11 years); Tehran Times, tehrantimes.com/news/476525, 7 Sep 2022 (Alexey Dedov to replace him); ISNA, isna.ir/news/1401061512235 (Persian spelling); d1y0ruayo3dv34.cloudfront.net/en/202207178211, 17 Jul 2022 ('Jagarian')", ""),
    ("alexey-dedov", "Alexey Dedov", "RUS", "Ambassador of Russia to Iran", "2022-", [A("Alexey Dedov"), A("Dedov"), A("الکسی ددوف", "script", "fa")], "Tehran Times, tehrantimes.com/news/476525, 7 Sep 2022 (appointed, to replace Levan Dzhagaryan); ISNA, isna.ir/news/1401061512235 and Radar Eghtesad (Persian spelling; ambassador to Pakistan from 2014)", "End of the post not verified, so left open. Russian spelling not verified, so not listed."),
    ("mikhail-evdokimov", "Mikhail Evdokimov", "RUS", "Ambassador of Russia to Azerbaijan", "2025-", [A("Mikhail Evdokimov"), A("Mikhail Yevdokimov", "transliteration"), A("Evdokimov"), A("Михаил Евдокимов", "script", "ru")], "Vestnik Kavkaza (ru), 'Президент Азербайджана принял нового посла России' (credentials; appointed by Putin on 14 June, year not shown in the stored copy; Russian spelling); news-ekaterinburg.ru, 2 Jul 2025 (summoned as ambassador); Report.az (ru), 6 Feb 2026 (still ambassador)", "Start not verified: 2025 is the earliest year a dated source shows him in the post. His predecessor Mikhail Bocharnikov (from 2018) is not listed: the end of his post was not verified."),
    # Authors in the corpus
    ("andrew-korybko", "Andrew Korybko", "", "political analyst; author of mehr-2021-korybko", "unknown", [A("Andrew Korybko"), A("Korybko")], "corpus: mehr-2021-korybko ¶1.25", "The corpus describes him as a political analyst and journalist (¶1.25); it does not state his nationality, so country is left empty."),
]

# The 3+3 format and places/regions that matter for disambiguation.
FORMAT_ALIASES = [("3+3", "name", "en"), ("3 + 3", "name", "en"), ("3+3 format", "name", "en"), ("3 + 3 format", "name", "en"),
                  ("“3+3”", "name", "en"), ("\"3+3\"", "name", "en"), ("“3 + 3”", "name", "en"), ("3+3 platform", "name", "en"),
                  ("3+3 regional platform", "name", "en"), ("3+3 regional format", "name", "en"), ("“3+3” regional format", "name", "en"),
                  ("3+3 regional cooperation platform", "name", "en"), ("3+3 mechanism", "name", "en"), ("3+3 initiative", "name", "en"),
                  ("3-plus-3", "name", "en"), ("three plus three", "name", "en"), ("six-party platform", "label", "en"), ("six-party format", "label", "en"),
                  ("۳+۳", "script", "fa"), ("٣+٣", "script", "fa"), ("3+3 formatı", "script", "az"), ("3+3 platforması", "script", "az"),
                  ("«3+3»", "script", "ru"), ("3+3 formatında", "script", "az")]
PLACES = [
    ("east-azerbaijan-province", "East Azerbaijan province (Iran)", "IRN", "province of Iran", [("East Azerbaijan", "name", "en"), ("East Azarbaijan", "transliteration", "en"), ("آذربایجان شرقی", "script", "fa"), ("Şərqi Azərbaycan", "script", "az")], "Statistical Centre of Iran (amar.org.ir), list of provinces; corpus: alwaght-2025-araghchi-baku ¶5.2, ¶17.2", "Listed so that 'Azerbaijan' inside the province's name is not counted as the Republic of Azerbaijan."),
    ("west-azerbaijan-province", "West Azerbaijan province (Iran)", "IRN", "province of Iran", [("West Azerbaijan", "name", "en"), ("West Azarbaijan", "transliteration", "en"), ("آذربایجان غربی", "script", "fa"), ("Qərbi Azərbaycan", "script", "az")], "Statistical Centre of Iran (amar.org.ir), list of provinces", "As for East Azerbaijan."),
    ("nakhchivan", "Nakhchivan Autonomous Republic", "AZE", "exclave of Azerbaijan", [("Nakhchivan", "name", "en"), ("Nakhichevan", "transliteration", "en"), ("Nakhjavan", "transliteration", "en"), ("Naxçıvan", "script", "az"), ("نخجوان", "script", "fa")], "Constitution of Azerbaijan, art. 134; corpus: alwaght-2025-araghchi-baku ¶17.2", ""),
    ("nagorno-karabakh", "Nagorno-Karabakh", "AZE", "region of Azerbaijan", [("Nagorno-Karabakh", "name", "en"), ("Nagorno Karabakh", "name", "en"), ("Karabakh", "name", "en"), ("Qarabağ", "script", "az"), ("Dağlıq Qarabağ", "script", "az"), ("قره‌باغ", "script", "fa"), ("Artsakh", "label", "en")], "UN Security Council resolutions 822, 853, 874, 884 (1993) refer to it as a region of Azerbaijan; corpus: mehr-2021-korybko ¶1.1", "The name used is itself a position: 'Artsakh' is the Armenian name; Azerbaijani usage prefers 'Karabakh' or 'Karabakh economic region'. Azerbaijan restored full control in September 2023."),
    ("astara", "Astara (border towns)", "AZE|IRN", "two towns of this name face each other across the Azerbaijan-Iran border", [("Astara", "name", "en"), ("آستارا", "script", "fa")], "Administrative lists of Azerbaijan (Astara District) and of Iran (Gilan province, Astara County)", "Ambiguous: Astara (Azerbaijan) and Astara (Iran)."),
    ("south-caucasus", "South Caucasus", "", "region (Armenia, Azerbaijan, Georgia)", [("South Caucasus", "name", "en"), ("Southern Caucasus", "name", "en"), ("Transcaucasia", "name", "en"), ("Cənubi Qafqaz", "script", "az"), ("قفقاز جنوبی", "script", "fa")], "Encyclopaedia Britannica, 'Transcaucasia'; corpus: anon-2025-pezeshkian-visit ¶8.1", ""),
    ("caucasus", "Caucasus", "", "region", [("Caucasus", "name", "en"), ("Qafqaz", "script", "az"), ("قفقاز", "script", "fa")], "Encyclopaedia Britannica, 'Caucasus'", "Longer names (South Caucasus) win."),
    ("central-asia", "Central Asia", "", "region", [("Central Asia", "name", "en"), ("Central Asian", "demonym", "en")], "Encyclopaedia Britannica, 'Central Asia'; corpus: anon-2025-pezeshkian-visit ¶3.1", ""),
    ("caspian-sea", "Caspian Sea", "", "sea bordered by Azerbaijan, Iran, Kazakhstan, Russia, Turkmenistan", [("Caspian Sea", "name", "en"), ("Xəzər dənizi", "script", "az"), ("دریای خزر", "script", "fa")], "Convention on the Legal Status of the Caspian Sea (Aktau, 2018); corpus: anon-2025-pezeshkian-visit ¶10.2", ""),
    ("black-sea", "Black Sea", "", "sea", [("Black Sea", "name", "en")], "Encyclopaedia Britannica, 'Black Sea'; corpus: anon-2025-pezeshkian-visit ¶10.2", ""),
    ("persian-gulf", "Persian Gulf", "", "gulf", [("Persian Gulf", "name", "en"), ("Arabian Gulf", "label", "en"), ("خلیج فارس", "script", "fa")], "United Nations editorial usage ('Persian Gulf'); corpus: anon-2025-pezeshkian-visit ¶10.2, alwaght-2025-araghchi-baku ¶18.2", "'Arabian Gulf' is the name used by Arab Gulf states: naming is contested."),
    ("indian-subcontinent", "Indian subcontinent", "", "region", [("Indian Subcontinent", "name", "en")], "Encyclopaedia Britannica, 'Indian subcontinent'; corpus: alwaght-2025-araghchi-baku ¶18.2", ""),
    ("eurasia", "Eurasia", "", "supercontinent", [("Eurasia", "name", "en"), ("Eurasian", "demonym", "en")], "Encyclopaedia Britannica, 'Eurasia'; corpus: mehr-2021-korybko ¶1.11", "'Eurasian' inside 'Eurasian Economic Union' is not counted (the longer name wins)."),
    ("the-west", "the West", "", "political grouping (Western states)", [("the West", "name", "en"), ("Western", "demonym", "en")], "corpus: alwaght-2025-araghchi-baku ¶16.1 ('Western-backed')", "'Western' is case-sensitive and marked ambiguous (also a direction)."),
    ("global-south", "Global South", "", "political grouping", [("Global South", "name", "en")], "corpus: anon-2025-pezeshkian-visit ¶6.1", ""),
]
PLACE_AMBIGUOUS = {"Astara", "آستارا", "Western", "Caucasus"}
PLACE_CS = {"Western"}


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower().replace("'", "")).strip("-")


def plural(d: str) -> str | None:
    if d.endswith(("an", "i", "ot", "ech", "ek", "ak", "ene", "er", "ino", "uk", "ik", "ab", "e", "k", "ani")) and not d.endswith(("ese", "ish", "ch", "ss", "ai", "ese")):
        if d in {"I-Kiribati", "Burkinabe", "Lao", "Thai", "Swiss", "Kyrgyz", "Turkmen", "Malagasy", "Dutch", "French", "Maltese", "Sammarinese"}:
            return None
        return d + "s"
    return None


def build():
    actors, aliases = [], []

    have = set()

    def add_alias(eid, alias, kind, lang="en", amb=None, note="", cs=None):
        if (eid, alias) in have:  # e.g. 'Philippines' is the name and a plural of 'Philippine'
            return
        have.add((eid, alias))
        if cs is None:
            cs = kind == "abbreviation" or alias.lower() in COMMON_WORDS or alias in PLACE_CS
        if amb is None:
            amb = alias in AMBIGUOUS or alias in PLACE_AMBIGUOUS
        if not note and alias in AMBIGUITY_NOTES:
            note = AMBIGUITY_NOTES[alias]
        aliases.append((eid, alias, kind, lang, "true" if cs else "false", "true" if amb else "false", note))

    for group, role in ((STATES, "UN member state"), (OBSERVERS, "UN non-member observer state")):
        for label, iso, dems, names, note in group:
            eid = slug(label)
            actors.append((eid, label, "state", iso, role, "", UN + ("; " + DEMONYM if dems else ""), note))
            add_alias(eid, label, "name")
            for n in names:
                add_alias(eid, n, "abbreviation" if (n.replace(".", "").isupper() and len(n) <= 5) else "name")
            for d in dems:
                add_alias(eid, d, "demonym")
                p = plural(d)
                if p:
                    add_alias(eid, p, "demonym")
    for eid, alias, kind, lang, amb, note in STATE_EXTRAS:
        add_alias(eid, alias, kind, lang, amb, note)
    for eid, label, abbrs, names, role, src, note in ORGS:
        actors.append((eid, label, "organisation", ORG_COUNTRY.get(eid, ""), role, "", src, note))
        add_alias(eid, label, "name")
        for n in names:
            if n != label:
                add_alias(eid, n, "script" if not n.isascii() else "name", "fa" if not n.isascii() and "م" in n else ("az" if not n.isascii() else "en"))
        for a in abbrs:
            add_alias(eid, a, "abbreviation", amb=a in AMBIGUOUS_ABBR)
    for eid, label, country, als, role, src, note in OUTLETS:
        actors.append((eid, label, "outlet", country, role, "", src, note))
        for alias, kind, amb in als:
            lang = "en" if alias.isascii() else ("fa" if eid != "alwaght" else "ar")
            add_alias(eid, alias, kind, lang, amb)
    for eid, label, country, role, years, als, src, note in PEOPLE:
        actors.append((eid, label, "person", country, role, years, src, note))
        seen = set()
        for alias, kind, lang, amb, anote in als:
            if alias in seen:
                continue
            seen.add(alias)
            add_alias(eid, alias, kind, lang, amb, anote)
    actors.append(("three-plus-three", "3+3 format", "format", "ARM|AZE|GEO|IRN|RUS|TUR",
                   "regional consultation platform of Armenia, Azerbaijan, Georgia (South Caucasus) and Iran, Russia, Turkey (neighbours)", "2021-",
                   "Ministry of Foreign Affairs of Türkiye, press release No. 409 (December 2021: 'proposed by President Recep Tayyip Erdoğan and President of Azerbaijan İlham Aliyev', first meeting Moscow, 10 December 2021); Public Radio of Armenia (en.armradio.am), 'Moscow hosts first meeting of 3+3 platform', 10 December 2021 (Georgia did not attend); Civil.ge, October 2023 (Tehran meeting, Georgia absent); Caliber.az, October 2024 (Istanbul meeting, 18 October 2024); corpus: mehr-2021-korybko ¶1.6, ¶1.9; ftribune-2025-araghchi-baku ¶5.2, ¶6.1",
                   "Who proposed it is itself reported differently: Turkish and Azerbaijani sources credit Erdoğan and Aliyev (late 2020); some Georgian coverage says Moscow and Tehran initiated it; the Mehr column of 2021 credits the President of Azerbaijan and also calls it Iran's proposal. Georgia has not taken part in its meetings. role_years: first meeting in 2021."))
    for a, kind, lang in FORMAT_ALIASES:
        add_alias("three-plus-three", a, kind, lang, False, "")
    for eid, label, country, role, als, src, note in PLACES:
        actors.append((eid, label, "other", country, role, "", src, note))
        for a, kind, lang in als:
            add_alias(eid, a, kind, lang)
    return actors, aliases


def to_csv(header, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def main(argv):
    actors, aliases = build()
    ids = [a[0] for a in actors]
    dup = {i for i in ids if ids.count(i) > 1}
    assert not dup, dup
    n_states = sum(1 for a in actors if a[2] == "state" and a[4] == "UN member state")
    assert n_states == 193, n_states
    files = {
        OUT / "actors.csv": to_csv(["entity_id", "label", "type", "country", "role", "role_years", "source", "note"], actors),
        OUT / "actor_aliases.csv": to_csv(["entity_id", "alias", "kind", "lang", "case_sensitive", "ambiguous", "note"], aliases),
    }
    if "--check" in argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"{p} is out of date: run python tools/gazetteer/build_actors.py", file=sys.stderr)
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for p, text in files.items():
        p.write_text(text, encoding="utf-8")
    print(f"{len(actors)} actors ({n_states} UN member states), {len(aliases)} aliases")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
