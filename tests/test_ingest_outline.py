"""The books' real outlines, written down from reading the two sources: every heading, its depth, its order."""

from __future__ import annotations

from bluebook_tui.library import Library

# Two spaces per level; `▣` marks a boxed column.
OUTLINE_2016 = """
(1) Regional Security
(2) Peacekeeping and Peacebuilding
  A. On-the-Ground Initiatives
    (a) UN peacekeeping operations (UN PKOs)
    (b) ODA and other cooperation to facilitate peacebuilding
      (1) Afghanistan
      (2) Africa
  B. Initiatives within the UN
    (1) UN Peacekeeping Operations
    (2) UN Peacebuilding Commission (PBC)
  C. Human Resource Development
    (1) Program for Global Human Resource Development for Peacebuilding/development
    (2) Training for United Nations Peacekeepers
(3) Initiatives to Combat Security Threats
  A. Counter-terrorism Measures
  B. Criminal Justice Initiatives
  C. Anti-corruption measures
  D. Measures to Combat Money Laundering and the Financing of Terrorism
  E. Measures to Combat Trafficking in Persons
    ▣ Training of peacekeeping personnel in Africa via the Project for African Rapid Deployment of Engineering Capabilities ~ Transferring skills and experience~
  F. Measures to Combat Illicit Drug Trafficking
(4) The Oceans and Seas
  A. Order at Sea
    (a) The importance of order at sea for Japan
    (b) The UN Convention on the Law of the Sea (UNCLOS) and related Japanese initiatives
    (c) A Challenge to the Maritime Order and Response by Japan and International Community (see 1-1(2), 2-1-2(1) and 2-1-6)
      a. Situations surrounding the East China Sea
      b. Issues surrounding the South China Sea
  B. Maritime Security
    (a) Anti-piracy measures off the coast of Somalia and in the Gulf of Aden
      (Current status of piracy and armed robbery cases)
      (Extension of anti-piracy operations and record of escort activities)
      (Promotion of international cooperation in anti-piracy measures)
    (b) Anti-piracy measures in Asia
(5) Cyber
(6) Outer Space
  A. International Rule-making for Outer Space
  B. International Dialogues and Consultations on Outer Space
  C. Space Science and Exploration, Overseas Development of Japanese Space Industry and Contribution to Global Challenges
"""

OUTLINE_2022 = """
(1) Regional Security
  ▣ Project to Promote Exchanges and Enhance Mutual Understanding between Japan and the U.S. (Youth Exchange Program)
(2) Economic Security
  A Trends Surrounding Economic Security
  B Recent Initiatives by Other Countries
  C Japan's Direction Toward the Promotion of Economic Security
  D Economic Security Cooperation Between Japan and Other Countries
  E Economic Security Initiatives by MOFA
(3) Cyber
(4) The Oceans and Seas
  A Order at Sea
    (A) Basic Stance
    (B) United Nations Convention on the Law of the Sea (UNCLOS)
    (C) Challenge to Japan's Maritime Sovereignty (Situation Surrounding the East China Sea) (see Chapter 2, Section 2, 2(1) B(D) on page 45)
    (D) Challenge to the Maritime Order (Problems Surrounding the South China Sea) (see Chapter 2, Section 2, 7 (2) on page 88)
  B Ensuring Safe Maritime Transport
    (A) Counter-piracy Measures in Asia
    (B) Counter-piracy Measures Off the Coast of Somalia and in the Gulf of Aden
    (C) Counter-piracy Measures in the Gulf of Guinea
  C Cooperation on Maritime Security
    (A) Capacity Building Assistance
    (B) Maritime Domain Awareness (MDA)
(5) Outer Space
  A Realizing the Rule of Law in Outer Space
  B International Dialogues and Consultations on Outer Space
    ▣ Serving as Chair of the Legal Subcommittee of the Committee on the Peaceful Uses of Outer Space (COPUOS)
  C Space Science and Exploration
  D International Cooperation through the Utilization of Space Technology
(6) Peacekeeping and Peacebuilding
  A On-the-Ground Initiatives
    (A) UN Peacekeeping Operations (UN PKO)
    (B) ODA and Other Cooperation to Facilitate Peacebuilding
      a. Middle East
      b. Africa
  B Initiatives within the UN (Peacebuilding)
  C Human Resource Development
    (A) The Program for Global Human Resource Development for Peacebuilding and Development
    (B) Training for Peacekeepers of Various Countries
(7) Initiatives to Combat Security Threats
  A Countering Terrorism and Violent Extremism
    ▣ Participating in the Program for Global Human Resource Development for Peacebuilding and Development
  B Criminal Justice Initiatives
  C Anti-corruption Measures
  D Measures to Combat Money Laundering and the Financing of Terrorism
  E Measures to Combat Trafficking in Persons and Smuggling of Migrants
  F Measures to Combat Illicit Drug Trafficking
"""


def outline(library: Library, edition: str) -> str:
    lines = []
    for section in library.edition(edition).walk():
        mark = "▣ " if section.kind == "column" else ""
        lines.append(f"{'  ' * (section.level - 1)}{mark}{section.heading}")
    return "\n" + "\n".join(lines) + "\n"


def test_2016_outline_is_the_book_s(library: Library) -> None:
    assert outline(library, "2016") == OUTLINE_2016


def test_2022_outline_is_the_book_s(library: Library) -> None:
    assert outline(library, "2022") == OUTLINE_2022


def test_edition_metadata_comes_from_the_preamble(library: Library) -> None:
    edition = library.edition("2016")
    assert edition.book == "Diplomatic Bluebook 2016"
    assert edition.chapter == "Chapter 3"
    assert edition.chapter_title == "Japan’s Foreign Policy to Promote National and Worldwide Interests"
    assert edition.heading == "3.Global Security"
    assert edition.title == "Global Security"
    assert library.edition("2022").chapter_title == "Japan Strengthening Its Presence in the International Community"


def test_readable_stable_ids(library: Library) -> None:
    assert library.section("2022/4.A.C").heading.startswith("(C) Challenge to Japan's Maritime Sovereignty")
    assert library.section("2016/2.A.b.1").title == "Afghanistan"
    assert library.section("2016/4.B.a.current-status-of").number is None
    assert library.section("2022/5.B.col1").kind == "column"
    ids = [section.id for section in library.walk()]
    assert len(ids) == len(set(ids))
