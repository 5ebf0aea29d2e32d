"""The 2022 award (IGOR) as an :class:`AwardRecord`, typed in from the city's press release.

``igor_2022_record()`` is a plain function so other tests (e.g. a database-driven variant)
can build the same record and compare. The texts are verbatim from
``shared/seed/press-release-2022-igor.txt``; the quotes are given without their
"säger …" tail, which the press release adds.
"""

from __future__ import annotations

from datetime import date

from trygghetspris_desktop.domain.award_record import (
    AwardRecord,
    Contact,
    JuryMember,
    Laureate,
    Organiser,
    Quote,
)

LEAD = (
    "Vid årets Trygghetskonferens presenterades vinnaren av Stockholms stads Trygghetspris "
    "2022. Priset gick till IGOR*, ett samverkansprojekt mellan Polisen och Södermalms "
    "stadsdelsförvaltning som samverkar med målet att förebygga och förhindra mäns våld mot "
    "kvinnor"
)
BODY = (
    "Priset är tänkt att fungera som inspiration, med syfte att metoder och arbetssätt kan "
    "överföras till andra verksamheter i staden."
)
QUOTE_OJANNE = (
    "Mäns våld mot kvinnor får inte reduceras till enskilda fall. Det är ett samhällsproblem "
    "som måste bekämpas med samhällets samlade kraft. Ingen ska tvingas att stanna kvar i en "
    "våldsam eller destruktiv relation. Därför är jag glad att projektet IGOR tilldelas "
    "trygghetspriset i år för sitt engagerade och nyskapande samarbete för att stoppa mäns våld "
    "mot kvinnor och därigenom även rädda liv"
)
QUOTE_LOFVING = (
    "Arbetet med att stoppa mäns våld mot kvinnor är ett av polisens viktigaste uppdrag. "
    "Projektet IGOR har framgångsrikt provat nya arbetssätt genom att jobba uppsökande mot de "
    "män som utövar våld och samtidigt ge våldsutsatta kvinnor ett utökat stöd. Alla metoder "
    "och initiativ som kan förhindra och få mäns våld mot kvinnor att upphöra ska uppmärksammas "
    "i syfte att få stopp på våldet och rädda liv"
)
QUOTE_OSTERBERG = (
    "Vi prioriterar vårt uppdrag med att förebygga och bekämpa mäns våld mot kvinnor i "
    "Stockholms län. För arbetet är projekt som IGOR viktiga då det är ett tydligt exempel på "
    "hur nya arbetssätt möjliggörs när myndigheter samverkar över organisationsgränser. Genom "
    "att sätta fokus på personer som utövar våld i nära relationer kommer vi kunna förebygga "
    "att våld upprepas. Detta är ett arbetssätt som kan ge långvariga effekter för enskilda "
    "individer i vårt län och en samverkan vi fortsatt vill främja"
)
INTRO_LOFVING = "Mats Löfving, regionspolischef, om IGOR, vinnare av årets trygghetspris:"
INTRO_OSTERBERG = (
    "Sven-Erik Österberg, landshövding i Stockholms län och ordförande i Operation Kvinnofrid "
    "är tillika medlem i juryn:"
)
MOTIVATION = (
    "2022 års Trygghetspris tilldelas projektet IGOR för deras gemensamma arbete med "
    "Stockholmarens trygghet i fokus. De provar nya arbetssätt och samarbetsformer för att möta "
    "utmaningar gällande såväl regelverk som olika organisationskulturer. De arbetar uppsökande, "
    "med marknadsföring och i samverkan med andra lokala aktörer för att förebygga och förhindra "
    "våld som sker i hemmet.\n\n"
    "Genom att lagföra de som begår våldsbrott och samtidigt erbjuda hjälp och stöd till såväl "
    "gärningsman som brottsoffer verkar de för att förhindra att våldet fortsätter. De ger stöd "
    "till de brottsutsatta både praktiskt och psykiskt för att de ska kunna fullfölja "
    "polisutredningen och ta emot skydd från socialtjänsten. Projektet IGOR tilldelas priset "
    "för sitt engagerade och nyskapande samarbete med syfte - att stoppa mäns våld mot kvinnor "
    "- att rädda liv."
)
ABOUT_TEXT = (
    "I Stockholms stad arbetar cirka 40 000 personer. Du möter oss i skolan, på äldreboenden, "
    "i parken, när du ska söka bygglov eller går till simhallen för att träna. Stockholms stads "
    "verksamhet styrs av folkvalda politiker och organiseras i stadens förvaltningar och "
    "bolag.\n\n"
    "Stockholms stad är en organisation med decentraliserat ansvar. Det betyder att besluten "
    "ofta fattas lokalt, så nära de berörda som möjligt."
)
JURY = (
    JuryMember("Alexander Ojanne", "social- och trygghetsborgarråd", is_chair=True),
    JuryMember("Veronica Carstorp Wolgast", "tf. socialdirektör, Stockholms stad"),
    JuryMember("Sven-Erik Österberg", "landshövding Stockholm"),
    JuryMember("Mattias Larsson", "generaldirektör Brå"),
    JuryMember("Mats Löfving", "regionpolischef i Stockholm"),
)


def igor_2022_record() -> AwardRecord:
    """The 2022 record, equivalent to the data that ships with the program."""
    return AwardRecord(
        prize_name="Stockholms stads trygghetspris",
        year=2022,
        first_year=2012,
        organiser=Organiser(
            name="Stockholms stad",
            address_lines=("Ragnar Östbergs plan 1", "105 35 Stockholm"),
            phone="08 508 290 00",
            web="http://start.stockholm",
            about_heading="Om Stockholms stad",
            about_text=ABOUT_TEXT,
        ),
        purpose="stimulera verksamheter som bidrar till en ökad trygghet i staden",
        ceremony_event="Trygghetskonferensen",
        decision_date=date(2022, 11, 17),
        lead=LEAD,
        body=BODY,
        motivation=MOTIVATION,
        winners=(
            Laureate(
                "IGOR",
                nominee_kind="project",
                full_name="I gemensam organisation mot relationsvåld",
                organisations=("Polisen", "Södermalms stadsdelsförvaltning"),
                district="Södermalm",
            ),
        ),
        jury=JURY,
        quotes=(
            Quote(
                "Alexander Ojanne",
                "social- och trygghetsborgarråd samt juryns ordförande",
                QUOTE_OJANNE,
            ),
            Quote("Mats Löfving", "regionspolischef", QUOTE_LOFVING, intro=INTRO_LOFVING),
            Quote(
                "Sven-Erik Österberg",
                "landshövding i Stockholms län",
                QUOTE_OSTERBERG,
                intro=INTRO_OSTERBERG,
            ),
        ),
        contacts=(
            Contact(
                "Mona Thorin",
                title="Kommunikationschef socialförvaltningen",
                email="mona.thorin@stockholm.se",
                phone="0850825106",
            ),
        ),
    )
