"""Russian organisation names with their descriptors, dedications, ordinals and places,
written in Cyrillic or in Latin letters, against their English names: the descriptors'
English translations read as one ("Scientific Production Association" and "Research and
Production Association", НПО), a dedication to a person ("named after A.N. Ganichev",
"имени Э.С. Яламова") cut from the name, an ordinal read as a number ("Pervyy Kanal",
Channel One), a place adjective read as the place ("Uralskiy", Ural)."""

from __future__ import annotations

import pytest

from standing.screening.match.config import DEFAULT_THRESHOLD
from standing.screening.normalize import normalize_name
from standing.screening.romanised import latin_reading
from tests.screening.names import score, score_in


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("Scientific Production Association Splav", "research production association splav"),
        ("State Ryazan Instrument-Making Plant", "state ryazan instrument plant"),
        ("Machine-Building Plant Avangard", "engineering plant avangard"),
        ("Tactical Missile Arms Corporation", "tactical missiles"),
        ("Perm Motor-Building Plant", "perm motor plant"),
        ("Tver Railcar-Building Plant", "tver railcar plant"),
        ("Magnitogorsk Iron and Steel Works", "magnitogorsk steel works"),
        ("Omsk Transport Machine Factory", "omsk transport engineering plant"),
        ("Arzamas Machinery Plant", "arzamas engineering plant"),
        ("Minsk Machine Tool Plant", "minsk machine tool plant"),
        ("Chelyabinsk Metallurgical Plant", "chelyabinsk steel works"),
        ("Mining and Metallurgical Company", "mining and metallurgical company"),
    ],
)
def test_equivalent_words_are_read_as_one(written: str, read: str) -> None:
    assert " ".join(normalize_name(written, "organization").tokens) == read


@pytest.mark.parametrize(
    ("written", "read", "surname"),
    [
        (
            "JSC NPO Splav named after A.N. Ganichev",
            "research production association splav",
            "ganichev",
        ),
        (
            "АО «Производственное объединение «Уральский оптико-механический завод» "
            "имени Э.С. Яламова»",
            "proizvodstvennoe obedinenie uralsky optiko mehanichesky zavod",
            "yalamova",
        ),
        ("Research Institute Polyus of M.F. Stelmakh", "research institute polyus", "stelmakh"),
        # initials written without dots; a title before the person
        (
            "Cheboksary Production Association named after VI Chapaev",
            "cheboksary production association",
            "chapaev",
        ),
        (
            "Central Aerohydrodynamic Institute named after Professor N.E. Zhukovsky",
            "central aerohydrodynamic institute",
            "zhukovsky",
        ),
        # the dedication ends with the person: what follows stays
        (
            "Minsk Mechanical Plant named after S.I. Vavilov Management Company of Belomo Holding",
            "minsk mechanical plant management company of belomo holding",
            "vavilov",
        ),
    ],
)
def test_a_dedication_is_cut_from_the_name(written: str, read: str, surname: str) -> None:
    name = normalize_name(written, "organization")
    assert " ".join(name.tokens) == read
    assert name.dedicated and name.dedication == surname


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # the surname before the name in English, the dedication after it in Russian, in the
        # genitive
        ("Lomonosov Moscow State University", "Moscow State University named after M.V. Lomonosov"),
        ("МГУ имени М.В. Ломоносова", "Lomonosov Moscow State University"),
        ("МГТУ им. Н.Э. Баумана", "Bauman Moscow State Technical University"),
        ("Gorky Shipyard Zelenodolsk", "JSC Zelenodolsk Plant named after A.M. Gorky"),
        # the surname beside an acronym of the rest of the name
        ("Lomonosov MSU", "Moscow State University named after M.V. Lomonosov"),
        # ... or beside its one name word
        ("Shokin Istok", "JSC Research and Production Enterprise Istok named after Shokin"),
        ("Korolev RSC Energia", "S.P. Korolev Rocket and Space Corporation Energia"),
        # ... or left out beside a long coined brand, which no other company is named by
        ("Energomash", "JSC NPO Energomash named after Academician V.P. Glushko"),
        # the person's initials before the surname ahead of the name
        (
            "АО «Научно-исследовательский институт приборостроения имени В.В. Тихомирова»",
            "V. Tikhomirov Scientific Research Institute of Instrument Design",
        ),
    ],
)
def test_the_surname_of_a_dedication_in_the_other_name_weighs_nothing(
    query: str, listed: str
) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_a_dedication_s_surname_is_no_name_of_the_body() -> None:
    # another body dedicated to the same person
    assert score("Gorky Automobile Plant", "JSC Zelenodolsk Plant named after A.M. Gorky") < 0.5
    assert (
        score(
            "Bauman Moscow State Technical University",
            "Moscow State University named after M.V. Lomonosov",
        )
        < DEFAULT_THRESHOLD
    )


def test_the_legal_form_after_a_dedication_is_kept() -> None:
    # a sibling in another country stays apart from the Russian plant
    name = normalize_name(
        "Production Association Ural Optical and Mechanical Plant named after E.S. Yalamov Pte Ltd",
        "organization",
    )
    assert name.legal_forms == ("pteltd",) and name.dedicated
    assert (
        score(
            "Ural Optical and Mechanical Plant named after E.S. Yalamov Pte Ltd",
            "JSC Production Association Ural Optical and Mechanical Plant named after E.S. Yalamov",
        )
        < 0.9
    )


def test_an_equivalent_word_with_a_typo_is_read_as_one() -> None:
    written = normalize_name("Kvant Sciedtific Research Institute", "organization")
    assert (
        written.tokens
        == normalize_name("KVANT SCIENTIFIC RESEARCH INSTITUTE", "organization").tokens
    )


@pytest.mark.parametrize(
    ("written", "tokens"),
    [
        ("Named After Lenin", ("named", "after", "lenin")),
        # the dedication is what names the plant (the Degtyarev Plant)
        ("Zavod imeni V.A. Degtyareva OAO", ("zavod", "imeni", "va", "degtyareva")),
        # initials after "of" in the name of a bank or a museum are no dedication
        ("Bank of N.Y. Mellon", ("bank", "of", "ny", "mellon")),
        ("Museum of A.S. Pushkin", ("museum", "of", "pushkin")),
    ],
)
def test_a_dedication_that_names_the_body_is_kept(written: str, tokens: tuple[str, ...]) -> None:
    name = normalize_name(written, "organization")
    assert name.tokens == tokens
    assert not name.dedicated


def test_people_keep_every_word() -> None:
    assert normalize_name("Ivan Named After", "person").tokens == ("ivan", "named", "after")


def test_an_ordinal_read_identifies_a_romanised_name() -> None:
    found = latin_reading("Pervyy Kanal AO")
    assert found is not None
    assert found.text == "first channel AO"


def test_russian_and_between_two_words_read_is_dropped() -> None:
    found = latin_reading("Tsentralnyy Nauchno-Issledovatelskiy Institut Khimii i Mekhaniki")
    assert found is not None
    assert found.text == "central research research institute chemistry mechanics"


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Pervyy Kanal AO", "JSC Channel One Russia"),
        ("АО «Первый канал»", "JSC Channel One Russia"),
        (
            "Tsentralnyy Nauchno-Issledovatelskiy Institut Khimii i Mekhaniki",
            "FGUP Central Scientific Research Institute of Chemistry and Mechanics",
        ),
        (
            "ФГУП «Центральный научно-исследовательский институт химии и механики»",
            "FGUP Central Scientific Research Institute of Chemistry and Mechanics",
        ),
        (
            "Uralskiy Optiko-Mekhanicheskiy Zavod AO",
            "JSC Production Association Ural Optical and Mechanical Plant named after E.S. Yalamov",
        ),
        (
            "Korporatsiya Takticheskoye Raketnoye Vooruzheniye AO",
            "JSC Tactical Missiles Corporation",
        ),
        ("АО «Корпорация «Тактическое ракетное вооружение»", "JSC Tactical Missiles Corporation"),
        (
            "АО «ВПК «НПО машиностроения»",
            "JSC Military-Industrial Corporation NPO Mashinostroyenia",
        ),
        ("Scientific Production Association Splav", "JSC NPO Splav named after A.N. Ganichev"),
        ("State Ryazan Instrument-Making Plant", "JSC State Ryazan Instrument Plant"),
        ("Ryazanskiy Priborniy Zavod AO", "JSC Ryazan Instrument Plant"),
        ("Permskiy Motorostroitelnyy Zavod AO", "JSC Perm Motor-Building Plant"),
        ("Tverskoy Vagonostroitelnyy Zavod AO", "JSC Tver Railcar-Building Plant"),
        (
            "Izhevskiy Elektromekhanicheskiy Zavod Kupol",
            "JSC Izhevsk Electromechanical Plant Kupol",
        ),
        # НАК: a Ukrainian or Kazakh national joint stock company
        ("НАК «Нафтогаз України»", "National Joint Stock Company Naftogaz of Ukraine"),
        ("NAK Naftogaz Ukrainy", "National Joint Stock Company Naftogaz of Ukraine"),
        ("НАК «Нафтогаз Украины»", "Naftogaz of Ukraine"),
        ("НАК «Казатомпром»", "Kazatomprom"),
        ("АО «Высокоточные комплексы»", "JSC High Precision Systems"),
        # АКБ, a joint stock commercial bank; a design bureau, a "Design Office" in English
        ("AKB Rossiya", "Bank Rossiya"),
        ("АКБ «Россия»", "Bank Rossiya"),
        ("KB Yuzhnoye", "Yuzhnoye Design Office"),
        ("Yuzhnoye State Design Office", "Yuzhnoye Design Bureau"),
        # охрана: security, or protection
        (
            "Федеральная служба охраны Российской Федерации",
            "Federal Protective Service of the Russian Federation",
        ),
        # сетевой: grid, or network; a city's adjective with an n before -skiy (Ulan-Ude)
        ("Rossiyskiye Setevye Tekhnologii", "Russian Network Technologies"),
        ("Ulan-Udenskiy Aviatsionnyy Zavod", "Ulan-Ude Aviation Plant"),
        ("Federalnaya Passazhirskaya Kompaniya", "Federal Passenger Company"),
        ("Natsionalnaya Sistema Platezhnykh Kart", "National Payment Card System"),
        # a metallurgical plant or combine: a steel works
        ("Magnitogorskiy Metallurgicheskiy Kombinat", "Magnitogorsk Iron and Steel Works"),
    ],
)
def test_russian_names_match_their_english_names(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        # another ordinal, another channel
        ("Vtoroy Kanal AO", "JSC Channel One Russia"),
        ("АО «Второй канал»", "JSC Channel One Russia"),
        # another institute of the same descriptor
        (
            "Tsentralnyy Nauchno-Issledovatelskiy Institut Mashinostroyeniya",
            "FGUP Central Scientific Research Institute of Chemistry and Mechanics",
        ),
        # another city's plant, another plant of the city
        ("JSC Tver Railcar-Building Plant", "JSC Tver Excavator Plant"),
        ("Permskiy Motorostroitelnyy Zavod AO", "JSC Perm Railcar-Building Plant"),
        ("Ryazanskiy Priborniy Zavod AO", "JSC Izhevsk Instrument Plant"),
        ("Uralskiy Optiko-Mekhanicheskiy Zavod AO", "JSC Izhevsk Optical Mechanical Plant"),
        # the same brand, another kind of body: a bare brand against an institute dedicated
        # to a person
        ("PJSC Polyus", "Joint Stock Company Research Institute Polyus of M.F. Stelmakh"),
        ("Splav", "JSC NPO Splav named after A.N. Ganichev"),
        # the same descriptor, another brand
        ("Scientific Production Association Splav", "JSC NPO Mashinostroyenia"),
        ("Tactical Missiles Corporation", "Strategic Missiles Corporation"),
        ("Ulan-Udenskiy Aviatsionnyy Zavod", "Irkutsk Aviation Plant"),
        ("Rossiyskiye Setevye Tekhnologii", "Russian Space Technologies"),
    ],
)
def test_other_organisations_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


def test_a_dedication_in_latin_letters_is_cut() -> None:
    name = normalize_name("Kovrovskiy Zavod imeni V.A. Degtyareva OAO", "organization")
    assert name.tokens == ("kovrovskiy", "zavod")
    assert name.dedicated


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        (
            "Tsentralnyy Aerogidrodinamicheskiy Institut imeni Professora N.Ye. Zhukovskogo",
            "FSUE Central Aerohydrodynamic Institute named after Professor N.E. Zhukovsky",
        ),
        ("ОАО «Минский завод колёсных тягачей»", "OJSC Minsk Wheel Tractor Plant"),
        ("Minskiy Zavod Kolesnykh Tyagachey OAO", "OJSC Minsk Wheel Tractor Plant"),
        (
            "Saratovskoye Elektroagregatnoye Proizvodstvennoye Obyedineniye AO",
            "JSC Saratov Electrical Units Production Association",
        ),
    ],
)
def test_plants_and_institutes_of_russian_industry_match(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Minskiy Zavod Kolesnykh Tyagachey OAO", "OJSC Minsk Tractor Works"),
        ("ОАО «Минский завод колёсных тягачей»", "OJSC Minsk Tractor Works"),
        (
            "Saratovskoye Elektroagregatnoye Proizvodstvennoye Obyedineniye AO",
            "JSC Saratov Oil Refinery",
        ),
    ],
)
def test_plants_of_the_same_city_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("JSC Kurganmashzavod", "JSC Kurgan machine building plant"),
        ("Uralvagonzavod", "Ural railcar plant"),
        # the kind left out of a brand of one word
        ("Kurganmash", "Kurgan machine building"),
    ],
)
def test_a_contracted_plant_name_is_read(name: str, text: str) -> None:
    found = latin_reading(name)
    assert found is not None
    assert found.text == text


@pytest.mark.parametrize(
    "name",
    # no place before the parts, no kind of body at the end of a name of several words or
    # after a part that begins words of other languages, not a contraction
    [
        "Elektrozavod",
        "Mashzavod",
        "Kurganmash Trading",
        "Transavia",
        "Gazprom",
        "Zavodmash Trading",
    ],
)
def test_other_words_are_not_read_as_contractions(name: str) -> None:
    assert latin_reading(name) is None


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("Kurgan Machine-Building Plant", "JSC Kurganmashzavod"),
        ("Kurganskiy Mashinostroitelnyy Zavod AO", "JSC Kurganmashzavod"),
        ("Ural Railcar Plant", "Uralvagonzavod"),
        ("Kurganmash", "JSC Kurganmashzavod"),
    ],
)
def test_a_contracted_plant_name_matches_its_english_name(query: str, entry: str) -> None:
    assert score(query, entry) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("JSC Kurgan Wheel Tractor Plant", "JSC Kurganmashzavod"),
        ("Ural Machine-Building Plant", "JSC Research and Production Corporation Uralvagonzavod"),
        ("Uralmashzavod", "Uralvagonzavod"),
    ],
)
def test_contracted_plants_of_one_place_stay_apart(query: str, entry: str) -> None:
    assert score(query, entry) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("NPP Pulsar", "research production enterprise pulsar"),
        ("JSC NPP Pulsar", "research production enterprise pulsar"),
        ("MKB Fakel named after P.D. Grushin", "engineering design bureau fakel"),
        ("GosMKB Raduga", "state engineering design bureau raduga"),
        ("PO Sevmash", "production association sevmash"),
        # any case: the same name in capitals reads the same
        ("NPP KLASS", "research production enterprise klass"),
        # not before a word that names the body, nor after the name
        ("MKB Bank", "mkb bank"),
        ("KB Investments Limited", "kb investments"),
        ("Zaporizhzhia NPP", "zaporizhzhia npp"),
        ("NPP Khmelnitsky", "npp khmelnitsky"),  # a nuclear power plant, named after its town
        ("NPP LLC", "npp"),
        # a trading house (ТД), but not the Toronto-Dominion Bank
        ("TD Kaspiy", "trading house kaspiy"),
        ("TD Bank", "td bank"),
        # microfinance and microcredit organisations (МФО, МФК, МКК)
        ("MFO Zaymer", "microfinance organization zaymer"),
        ("MKK Dengi Srazu", "microcredit company dengi srazu"),
        ("MFK Lime Zaim", "microfinance company lime zaim"),
    ],
)
def test_an_ambiguous_descriptor_acronym_is_read_only_before_the_name(
    written: str, read: str
) -> None:
    assert " ".join(normalize_name(written, "organization").tokens) == read


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("NPP Pulsar", "JSC Scientific and Production Enterprise Pulsar"),
        ("MKB Fakel", "JSC Fakel Machine-Building Design Bureau named after P.D. Grushin"),
        ("Kazan Helicopter Factory", "PJSC Kazan Helicopter Plant"),
        (
            "Research Institute No. 14 of China Electronics Technology Group Corporation",
            "China Electronics Technology Group Corporation 14th Research Institute",
        ),
        # академика is the academician the dedication names, not an academy
        (
            "АО «Машиностроительное конструкторское бюро «Факел» имени академика П.Д. Грушина»",
            "JSC Fakel Machine-Building Design Bureau named after Academician P.D. Grushin",
        ),
        ("Kontsern Radiostroyeniya Vega AO", "JSC Radio Engineering Concern Vega"),
        ("Admiralteyskiye Verfi AO", "JSC Admiralty Shipyards"),
        # единый: Unified or United
        (
            "Federalnaya Setevaya Kompaniya Yedinoy Energeticheskoy Sistemy PAO",
            "PJSC Federal Grid Company of Unified Energy System",
        ),
        ("Trading House Kaspiy", "LLC TD Kaspiy"),
        ("ТД Каспий", "Trading House Kaspiy LLC"),
        ("MFO Zaymer", "Microfinance Organization Zaymer PJSC"),
        ("МФО Займер", "Microfinance Organization Zaymer PJSC"),
        ("MKK Dengi Srazu", "Microcredit Company Dengi Srazu LLC"),
        ("ООО МКК «Деньги сразу»", "Microcredit Company Dengi Srazu LLC"),
        # машиностроительный завод: a Machine-Building Plant, a Machine Factory
        ("Omsk Transport Machine Factory", "JSC Omsk Transport Machine-Building Plant"),
        ("Mytishchi Machine Works", "JSC Mytishchi Machine-Building Plant"),
        # ФКП: a federal state-owned enterprise, a legal form
        ("FKP Kazan Gunpowder Plant", "Federal State Enterprise Kazan State Gunpowder Plant"),
        (
            "ФКП «Казанский государственный пороховой завод»",
            "Federal State Enterprise Kazan State Gunpowder Plant",
        ),
    ],
)
def test_descriptors_written_another_way_match(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_a_sibling_bureau_of_the_same_name_in_another_kind_stays_apart() -> None:
    # the Kaliningrad experimental design bureau Fakel is not the Moscow missile bureau
    assert (
        score("JSC Experimental Design Bureau Fakel", "JSC Fakel Machine-Building Design Bureau")
        < DEFAULT_THRESHOLD
    )


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        # ГМК, the mining and metallurgical company, is the MMC of the English name
        ("ПАО «ГМК «Норильский никель»", "MMC Norilsk Nickel"),
        ("GMK Norilsk Nickel", "PJSC MMC Norilsk Nickel"),
        # ФК: financial corporation
        ("ПАО Банк «ФК Открытие»", "Bank Otkritie Financial Corporation"),
        ("АО «Уральский завод гражданской авиации»", "Ural Civil Aviation Plant"),
    ],
)
def test_legal_forms_and_descriptors_of_russian_names(query: str, listed: str) -> None:
    assert score(query, listed) >= DEFAULT_THRESHOLD


def test_a_generic_name_read_meets_the_entrys_name_that_names_its_country() -> None:
    # read from Russian, of a Russian entry: the country named in English says no more
    assert (
        score_in(
            "Federalnaya Sluzhba Bezopasnosti",
            "Federal Security Service of the Russian Federation",
            "ru",
        )
        >= DEFAULT_THRESHOLD
    )
    # read from Persian and Arabic together, whose generic words name the bodies of
    # twenty-five countries: an Iranian bank is no Iraqi one
    assert score_in("Bank Tejarat", "Trade Bank of Iraq", "iq") < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "tokens", "form"),
    [
        ("RSE Kazhydromet", ("kazhydromet",), "rse"),
        ("RGP Kazvodkhoz", ("kazvodkhoz",), "rse"),
        ("RUE Beltelecom", ("beltelecom",), "sue"),
        ("РУП «Белтелеком»", ("beltelekom",), "sue"),
        (
            "Federal State Budget Educational Institution of Higher Education Lomonosov Moscow"
            " State University",
            ("lomonosov", "moscow", "state", "university"),
            "fsbi",
        ),
        (
            "Federal State Budgetary Institution of Science Lebedev Physical Institute",
            ("lebedev", "physical", "institute"),
            "fsbi",
        ),
        ("FGBOU VO MGU", ("mgu",), "fsbi"),
    ],
)
def test_state_enterprise_and_institution_forms_are_legal_forms(
    written: str, tokens: tuple[str, ...], form: str
) -> None:
    """Kazakhstan's republican state enterprise, Belarus's republican unitary enterprise and
    Russia's federal institutions of science and of higher education, however spelled."""
    name = normalize_name(written, "organization")
    assert name.tokens == tokens
    assert name.legal_forms == (form,)


def test_a_state_enterprise_is_its_brand() -> None:
    assert score_in("RSE Kazhydromet", "Kazhydromet", "kz") >= DEFAULT_THRESHOLD
    assert score_in("РУП «Белтелеком»", "Beltelecom", "by") >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("written", "tokens", "surname"),
    [
        ("Lomonosov Moscow State University", ("moscow", "state", "university"), "lomonosov"),
        (
            "Bauman Moscow State Technical University",
            ("moscow", "state", "technical", "university"),
            "bauman",
        ),
        # a brand before a place is no dedication, nor a surname before no place
        ("Huawei Moscow Research Institute", ("huawei", "moscow", "research", "institute"), ""),
        ("Pirogov Medical University", ("pirogov", "medical", "university"), ""),
        ("Kazan Federal University", ("kazan", "federal", "university"), ""),
    ],
)
def test_a_surname_before_a_university_and_its_place_is_its_dedication(
    written: str, tokens: tuple[str, ...], surname: str
) -> None:
    name = normalize_name(written, "organization")
    assert name.tokens == tokens
    assert name.dedication == surname


def test_a_university_named_after_a_person_first_is_known_by_its_acronym() -> None:
    assert score("MSU", "Lomonosov Moscow State University") >= DEFAULT_THRESHOLD
    assert score("MGTU", "Bauman Moscow State Technical University") >= DEFAULT_THRESHOLD
    listed = "Moscow State University named after M.V. Lomonosov"
    assert score("Lomonosov Moscow State University", listed) >= DEFAULT_THRESHOLD
    assert score("Bauman Moscow State Technical University", listed) < DEFAULT_THRESHOLD
