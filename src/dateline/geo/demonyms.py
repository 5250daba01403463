"""Demonyms (nationality adjectives and nouns) to ISO 3166-1 alpha-2 codes.

pycountry ships country names but no demonyms; this table covers the common ones.
Plural nouns ("Russians") are derived by the code that reads it.
"""
from __future__ import annotations

DEMONYMS: dict[str, str | None] = {  # None: a group word, no one country
    "afghan": "AF", "albanian": "AL", "algerian": "DZ", "american": "US", "angolan": "AO",
    "argentine": "AR", "argentinian": "AR", "armenian": "AM", "australian": "AU", "austrian": "AT",
    "azerbaijani": "AZ", "azeri": "AZ", "bahraini": "BH", "bangladeshi": "BD", "belarusian": "BY",
    "belgian": "BE", "bolivian": "BO", "bosnian": "BA", "brazilian": "BR", "british": "GB",
    "briton": "GB", "bulgarian": "BG", "burmese": "MM", "cambodian": "KH", "cameroonian": "CM",
    "canadian": "CA", "chilean": "CL", "chinese": "CN", "colombian": "CO", "congolese": "CD",
    "croatian": "HR", "cuban": "CU", "cypriot": "CY", "czech": "CZ", "danish": "DK", "dane": "DK",
    "dutch": "NL", "ecuadorian": "EC", "egyptian": "EG", "emirati": "AE", "english": "GB",
    "eritrean": "ER", "estonian": "EE", "ethiopian": "ET", "filipino": "PH", "finnish": "FI",
    "finn": "FI", "french": "FR", "georgian": "GE", "german": "DE", "ghanaian": "GH", "greek": "GR",
    "guatemalan": "GT", "haitian": "HT", "honduran": "HN", "hungarian": "HU", "icelandic": "IS",
    "indian": "IN", "indonesian": "ID", "iranian": "IR", "iraqi": "IQ", "irish": "IE",
    "israeli": "IL", "italian": "IT", "ivorian": "CI", "jamaican": "JM", "japanese": "JP",
    "jordanian": "JO", "kazakh": "KZ", "kenyan": "KE", "kuwaiti": "KW",
    "kyrgyz": "KG", "lao": "LA", "laotian": "LA", "latvian": "LV", "lebanese": "LB",
    "liberian": "LR", "libyan": "LY", "lithuanian": "LT", "luxembourgish": "LU", "malaysian": "MY",
    "malian": "ML", "maltese": "MT", "mexican": "MX", "moldovan": "MD", "mongolian": "MN",
    "moroccan": "MA", "mozambican": "MZ", "namibian": "NA", "nepalese": "NP", "nepali": "NP",
    "new zealander": "NZ", "nicaraguan": "NI", "nigerian": "NG", "nigerien": "NE",
    "north korean": "KP", "norwegian": "NO", "omani": "OM", "pakistani": "PK",
    "palestinian": "PS", "panamanian": "PA", "paraguayan": "PY", "peruvian": "PE", "polish": "PL",
    "pole": "PL", "portuguese": "PT", "qatari": "QA", "romanian": "RO", "russian": "RU",
    "rwandan": "RW", "saudi": "SA", "scottish": "GB", "senegalese": "SN", "serbian": "RS",
    "serb": "RS", "singaporean": "SG", "slovak": "SK", "slovenian": "SI", "somali": "SO",
    "south african": "ZA", "south korean": "KR", "south sudanese": "SS", "spanish": "ES",
    "spaniard": "ES", "sri lankan": "LK", "sudanese": "SD", "swedish": "SE", "swede": "SE",
    "swiss": "CH", "syrian": "SY", "taiwanese": "TW", "tajik": "TJ", "tanzanian": "TZ",
    "thai": "TH", "tunisian": "TN", "turkish": "TR", "turk": "TR", "turkmen": "TM",
    "ugandan": "UG", "ukrainian": "UA", "uruguayan": "UY", "uzbek": "UZ", "venezuelan": "VE",
    "vietnamese": "VN", "welsh": "GB", "yemeni": "YE", "yugoslav": "YU", "european": "EU", "arab": None, "islamic": None, "zambian": "ZM", "zimbabwean": "ZW",
    "soviet": "SU", "u.s.": "US", "us": "US", "u.k.": "GB", "uk": "GB",
}

# Short and informal country names that pycountry does not list.
COUNTRY_ALIASES: dict[str, str] = {
    "u.s.": "US", "us": "US", "u.s.a.": "US", "usa": "US", "america": "US",
    "united states": "US", "united states of america": "US", "the states": "US",
    "u.k.": "GB", "uk": "GB", "britain": "GB", "great britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "north korea": "KP", "n.korea": "KP", "n. korea": "KP",
    "south korea": "KR", "s.korea": "KR", "s. korea": "KR", "korea": "KR", "russia": "RU",
    "iran": "IR", "syria": "SY", "vietnam": "VN", "laos": "LA", "taiwan": "TW",
    "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ", "moldova": "MD", "czech republic": "CZ",
    "czechia": "CZ", "ivory coast": "CI", "burma": "MM", "myanmar": "MM", "holland": "NL",
    "the netherlands": "NL", "uae": "AE", "u.a.e.": "AE", "congo": "CD", "drc": "CD",
    "palestine": "PS", "vatican": "VA", "macedonia": "MK", "turkey": "TR", "kosovo": "XK",
    "mainland china": "CN", "prc": "CN", "p.r.c.": "CN", "hong kong": "HK", "macau": "MO",
}
