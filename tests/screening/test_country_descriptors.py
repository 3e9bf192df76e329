"""An organisation's acronym or brand with its country said after it, as advertisers write
them ("HAL India"): the same body when the country is the entry's own, another (a subsidiary
abroad) when it is not."""

from __future__ import annotations

import pytest

from standing.screening.match import DEFAULT_THRESHOLD
from tests.screening.names import score_in

SAME = [
    # an acronym beside its country, and the country's word the acronym spells
    ("DRDO India", "Defence Research and Development Organisation", "in"),
    ("ONGC India", "Oil and Natural Gas Corporation Limited", "in"),
    ("ISRO India", "Indian Space Research Organisation", "in"),
    ("KEPCO Korea", "Korea Electric Power Corporation", "kr"),
    ("KHNP Korea", "Korea Hydro & Nuclear Power Co., Ltd.", "kr"),
    ("CNPC China", "China National Petroleum Corporation", "cn"),
    ("AVIC China", "Aviation Industry Corporation of China", "cn"),
    ("NIOC Iran", "National Iranian Oil Company", "ir"),
    ("IRISL Iran", "Islamic Republic of Iran Shipping Lines", "ir"),
    ("IAIO Iran", "Iran Aviation Industries Organization", "ir"),
    ("SABIC Saudi Arabia", "Saudi Basic Industries Corporation", "sa"),
    ("BHEL India", "Bharat Heavy Electricals Limited", "in"),
    ("ENOC United Arab Emirates", "Emirates National Oil Company", "ae"),
    # an acronym beside a word of what the body is
    ("CASC Group", "China Aerospace Science and Technology Corporation", "cn"),
    ("CNOOC Group", "China National Offshore Oil Corporation", "cn"),
    # a contraction beside its country
    ("Petrobras Brazil", "Petróleo Brasileiro S.A.", "br"),
    ("Pemex Mexico", "Petróleos Mexicanos", "mx"),
    # a brand inside a longer name, its country after it
    ("Hikvision China", "Hangzhou Hikvision Digital Technology Co., Ltd.", "cn"),
    ("Samsung South Korea", "Samsung Electronics Co., Ltd.", "kr"),
    # the country's abbreviation
    ("Tanchon Commercial Bank DPRK", "Tanchon Commercial Bank", "kp"),
    ("Bank of China PRC", "Bank of China", "cn"),
    ("Emirates NBD UAE", "Emirates NBD Bank PJSC", "ae"),
    ("Saudi Aramco KSA", "Saudi Arabian Oil Company", "sa"),
]

OTHER = [
    # another country: a subsidiary abroad
    ("Hikvision UK", "Hangzhou Hikvision Digital Technology Co., Ltd.", "cn"),
    ("ZTE India", "ZTE Corporation", "cn"),
    ("Kaspersky Lab UK", "AO Kaspersky Lab", "ru"),
    ("Huawei Technologies India", "Huawei Technologies Co., Ltd.", "cn"),
    ("Rosneft Germany", "PJSC Rosneft Oil Company", "ru"),
    ("Petronas Canada", "Petroliam Nasional Berhad", "my"),
    ("BYD Europe", "BYD Company Limited", "cn"),
    ("Bank Saderat Iran", "Bank Saderat PLC", "gb"),
    ("CRRC Russia", "CRRC Corporation Limited", "cn"),
    ("ISRO Korea", "Indian Space Research Organisation", "in"),
    ("Bank of China USA", "Bank of China", "cn"),
    ("Emirates NBD KSA", "Emirates NBD Bank PJSC", "ae"),
    # the country's name in a registered name: the company of that country
    ("ASML Netherlands B.V.", "ASML Holding N.V.", "nl"),
    # the acronym of another body of the same country
    ("NIOC Iran", "National Iranian Gas Company", "ir"),
    ("KAI Korea", "Korea Aerospace Research Institute", "kr"),
]


@pytest.mark.parametrize(("query", "listed", "country"), SAME)
def test_a_country_after_the_name_is_the_entry_s_own(query: str, listed: str, country: str) -> None:
    assert score_in(query, listed, country) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(("query", "listed", "country"), OTHER)
def test_another_country_or_body_is_not_the_entry(query: str, listed: str, country: str) -> None:
    assert score_in(query, listed, country) < DEFAULT_THRESHOLD
