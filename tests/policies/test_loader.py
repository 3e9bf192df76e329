from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from standing.errors import InvalidSpec
from standing.policies.loader import load_policy
from standing.settings import SHIPPED_POLICIES


def test_shipped_policy_loads_and_is_complete() -> None:
    policy = load_policy(SHIPPED_POLICIES)
    assert policy.version.startswith("2026.11+")
    assert {"ads.promote", "ads.political", "organic.post", "marketplace.sell"} <= set(
        policy.capabilities
    )
    vendor = policy.rule("government-barred-vendor")
    assert vendor.reach == "controlled" and vendor.threshold == 50
    assert "organic.post" not in vendor.restricts
    assert {"ads.promote", "ads.political"} <= set(vendor.restricts)
    sanctions = policy.rule("sanctioned-party")
    assert sanctions.ground == "legal_obligation"
    assert "marketplace.sell" in sanctions.restricts
    for rule in policy.rules.values():
        assert len(rule.remedy.split()) >= 20, rule.id  # concrete, not a slogan
        assert rule.appeal_window_days >= 184  # DSA Art. 20(1): at least six months


def copy_policies(tmp_path: Path) -> Path:
    target = tmp_path / "policies"
    shutil.copytree(SHIPPED_POLICIES, target)
    return target


def test_unknown_capability_names_file_and_line(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    rules = target / "rules.yaml"
    text = rules.read_text().replace(
        "[ads.promote, ads.political, ads.sponsored_content]", "[ads.promote, ads.teleport]", 1
    )
    rules.write_text(text)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "ads.teleport" in ln)
    with pytest.raises(
        InvalidSpec,
        match=rf"rules.yaml:{line}: rules.0.restricts.1: unknown capability 'ads.teleport'",
    ):
        load_policy(target)


def test_missing_field_names_file_line_and_field(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    rules = target / "rules.yaml"
    text = rules.read_text()
    lines = text.splitlines()
    index = next(i for i, ln in enumerate(lines) if ln.strip().startswith("review_days: 7"))
    del lines[index]
    rules.write_text("\n".join(lines) + "\n")
    with pytest.raises(InvalidSpec, match=r"rules.yaml:\d+: rules.1.review_days: Field required"):
        load_policy(target)


def test_bad_value_is_reported(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    rules = target / "rules.yaml"
    text = rules.read_text().replace("reach: controlled", "reach: everyone", 1)
    rules.write_text(text)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "reach: everyone" in ln)
    with pytest.raises(InvalidSpec, match=rf"rules.yaml:{line}: rules.0.reach"):
        load_policy(target)


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    (target / "broken.yaml").write_text("rules:\n  - id: x\n    title: [unclosed\n")
    with pytest.raises(InvalidSpec, match=r"broken.yaml:\d+: not valid YAML"):
        load_policy(target)


def test_duplicate_rule_and_missing_version(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    shutil.copy(target / "rules.yaml", target / "more.yaml")
    with pytest.raises(InvalidSpec, match="declared twice"):
        load_policy(target)
    (target / "more.yaml").unlink()
    caps = target / "capabilities.yaml"
    caps.write_text(caps.read_text().replace('version: "2026.11"', ""))
    with pytest.raises(InvalidSpec, match="no policy file declares a version"):
        load_policy(target)


def test_version_changes_with_content(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    before = load_policy(target).version
    rules = target / "rules.yaml"
    rules.write_text(rules.read_text().replace("review_days: 30", "review_days: 21"))
    assert load_policy(target).version != before


def test_boilerplate_is_loaded_and_checked(tmp_path: Path) -> None:
    shipped = load_policy(SHIPPED_POLICIES)
    business = next(b for b in shipped.boilerplate if b.id == "business-model")
    assert "inherently conflicts with acceptable" in business.text
    assert business.use == ("facts", "reply", "reason")
    target = copy_policies(tmp_path)
    path = target / "boilerplate.yaml"
    text = path.read_text() + "  - id: business-model\n    text: the same id declared again here\n"
    path.write_text(text)
    line = len(text.splitlines()) - 1
    with pytest.raises(InvalidSpec, match=rf"boilerplate.yaml:{line}: boilerplate.\d+.id: "):
        load_policy(target)
    path.write_text("boilerplate:\n  - id: x\n    text: too short\n")
    with pytest.raises(InvalidSpec, match=r"boilerplate.yaml:3: boilerplate.0.text"):
        load_policy(target)


def _replace_line(target: Path, old: str, new: str) -> int:
    rules = target / "rules.yaml"
    text = rules.read_text().replace(old, new, 1)
    rules.write_text(text)
    return next(i for i, ln in enumerate(text.splitlines(), 1) if new in ln)


def test_a_removed_dsa_category_is_refused_with_its_successor(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    line = _replace_line(
        target,
        "dsa_category: STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
        "dsa_category: STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE",
    )
    with pytest.raises(
        InvalidSpec,
        match=rf"rules.yaml:{line}: rules.0.dsa_category: .*removed .* 1 July 2025; "
        "use STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
    ):
        load_policy(target)


def test_unknown_dsa_keywords_and_additions_are_refused(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    line = _replace_line(
        target,
        "dsa_keywords: [KEYWORD_GOODS_SERVICES_NOT_PERMITTED]",
        "dsa_keywords: [KEYWORD_GOODS_SERVICES_NOT_PERMITTED, KEYWORD_SPAM]",
    )
    with pytest.raises(InvalidSpec, match=rf"rules.yaml:{line}: rules.0.dsa_keywords: .*"):
        load_policy(target)
    target = copy_policies(tmp_path / "again")
    _replace_line(
        target,
        "dsa_category_addition: [STATEMENT_CATEGORY_CONSUMER_INFORMATION]",
        "dsa_category_addition: [STATEMENT_CATEGORY_FRAUD]",
    )
    with pytest.raises(InvalidSpec, match=r"dsa_category_addition: .*not a value of the DSA"):
        load_policy(target)


def test_a_legal_obligation_names_its_acts(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    rules = target / "rules.yaml"
    text = rules.read_text()
    start = text.index("    legal_grounds:\n      - id: eu-269-2014")
    end = text.index("  - id: state-controlled-media")
    rules.write_text(text[:start] + "\n" + text[end:])
    with pytest.raises(InvalidSpec, match=r"rules.1.legal_grounds: a rule resting on a legal"):
        load_policy(target)
    policy = load_policy(SHIPPED_POLICIES)
    grounds = {g.id: g for g in policy.rule("sanctioned-party").legal_grounds}
    assert grounds["eu-269-2014"].european and not grounds["us-ofac"].european


def test_aliases_are_refused_before_they_expand(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):  # nine to the twelfth strings, if it were expanded
        bomb.append(f"{chr(97 + i)}: &{chr(97 + i)} [{','.join(['*' + chr(96 + i)] * 9)}]")
    (target / "bomb.yaml").write_text("\n".join(bomb) + "\n")
    with pytest.raises(InvalidSpec, match=r"bomb.yaml:2: alias \*a: aliases are not allowed"):
        load_policy(target)


def test_rules_yaml_is_required(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    (target / "rules.yaml").unlink()
    with pytest.raises(InvalidSpec, match=r"policies/rules.yaml: missing"):
        load_policy(target)
    (target / "rules.yaml").write_text("rules: []\n")
    with pytest.raises(InvalidSpec, match=r"policies/rules.yaml: declares no rules"):
        load_policy(target)


def test_a_file_that_is_not_utf8_is_named(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    (target / "latin1.yaml").write_bytes(
        "# policies\ncapabilities:\n  x.y: caf\xe9\n".encode("latin-1")
    )
    with pytest.raises(
        InvalidSpec, match=r"latin1.yaml:3: not UTF-8 text \(byte b'\\xe9' at column 11\)"
    ):
        load_policy(target)


def test_an_appeal_window_under_six_months_is_refused(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    rules = target / "rules.yaml"
    text = rules.read_text()
    # the third rule's window: the error names the file, its line, the rule and the floor
    start = text.index("id: state-controlled-media")
    at = text.index("appeal_window_days: 184", start)
    text = text[:at] + "appeal_window_days: 183" + text[at + len("appeal_window_days: 184") :]
    rules.write_text(text)
    line = text[:at].count("\n") + 1
    with pytest.raises(InvalidSpec) as refused:
        load_policy(target)
    message = str(refused.value)
    assert message.startswith(f"{rules}:{line}: rules.2.appeal_window_days: ")
    assert "'state-controlled-media' gives 183 days" in message
    assert "six months (DSA Art. 20(1))" in message and "184 days" in message
    # six months to the day is enough
    rules.write_text(text.replace("appeal_window_days: 183", "appeal_window_days: 184"))
    assert load_policy(target).rule("state-controlled-media").appeal_window_days == 184


def test_recheck_days_is_optional_and_positive(tmp_path: Path) -> None:
    policy = load_policy(SHIPPED_POLICIES)
    assert policy.rule("deceptive-business-practices").recheck_days == 28
    assert policy.rule("unverified-advertiser").recheck_days is None
    assert policy.rule("state-controlled-media").to_public()["recheck_days"] == 365
    target = copy_policies(tmp_path)
    rules = target / "rules.yaml"
    text = rules.read_text().replace("recheck_days: 28", "recheck_days: 0")
    rules.write_text(text)
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "recheck_days: 0" in ln)
    with pytest.raises(InvalidSpec, match=rf"rules.yaml:{line}: rules.3.recheck_days: .*greater"):
        load_policy(target)


def test_redress_names_the_certified_bodies_and_the_courts() -> None:
    redress = load_policy(SHIPPED_POLICIES).redress
    bodies = {b.name: (b.country, b.url) for b in redress.bodies}
    assert bodies["Appeals Centre Europe"][0] == "IE"
    assert bodies["User Rights"][0] == "DE"
    assert bodies["ADROIT"][0] == "MT"
    assert all(url.startswith("https://") for _, url in bodies.values())
    assert {c.id for c in redress.courts} == {"courts", "digital-services-coordinator"}
    public = load_policy(SHIPPED_POLICIES).to_public()["redress"]
    assert isinstance(public, dict) and len(public["settlement_bodies"]) == 3


def test_redress_file_is_required(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    (target / "redress.yaml").unlink()
    with pytest.raises(InvalidSpec, match=r"redress.yaml: missing; .*DSA Art. 20\(5\) and 21"):
        load_policy(target)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("country: DE", "country: Germany"), r"redress.settlement_bodies.1.country: String"),
        (("url: https://adroit.legal", "url: adroit.legal"), r"redress.settlement_bodies.2.url"),
        (
            ("id: user-rights", "id: appeals-centre-europe"),
            r"redress.settlement_bodies.1.id: .* twice",
        ),
        (("  courts:\n", "  judges:\n"), r"redress.courts: Field required"),
    ],
)
def test_bad_redress_is_named(tmp_path: Path, change: tuple[str, str], expected: str) -> None:
    target = copy_policies(tmp_path)
    path = target / "redress.yaml"
    path.write_text(path.read_text().replace(*change, 1))
    with pytest.raises(InvalidSpec, match=rf"redress.yaml:\d+: {expected}"):
        load_policy(target)


def test_redress_declared_twice_is_refused(tmp_path: Path) -> None:
    target = copy_policies(tmp_path)
    shutil.copy(target / "redress.yaml", target / "zz-more-redress.yaml")
    with pytest.raises(InvalidSpec, match=r"zz-more-redress.yaml:\d+: redress: declared again"):
        load_policy(target)
