"""Demo organisation: a city with five divisions, about forty service points and about
four hundred customer-service staff, plus the demo accounts people log in with.

Everything is deterministic (a fixed random seed) and idempotent: rows are keyed by
their codes, employee ids and usernames, so running it again changes nothing.
"""

from __future__ import annotations

import datetime
import random
import secrets
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from organisation.imports import username_for
from organisation.models import (
    Division,
    HRGrant,
    Role,
    ServicePoint,
    StaffMember,
)

SEED = 2030
STAFF_COUNT = 400
EMAIL_DOMAIN = "kaupunki.example.fi"
EMPLOYEE_ID_PREFIX = "D"  # demo employee ids: D000001 …

DIVISIONS = [
    # code, Finnish, Swedish, English
    (
        "KASKO",
        "Kasvatuksen ja koulutuksen toimiala",
        "Fostrans- och utbildningssektorn",
        "Education division",
    ),
    (
        "SOTE",
        "Sosiaali-, terveys- ja pelastustoimiala",
        "Social-, hälsovårds- och räddningssektorn",
        "Social services, health care and rescue services division",
    ),
    (
        "KYMP",
        "Kaupunkiympäristön toimiala",
        "Stadsmiljösektorn",
        "Urban environment division",
    ),
    (
        "KUVA",
        "Kulttuurin ja vapaa-ajan toimiala",
        "Kultur- och fritidssektorn",
        "Culture and leisure division",
    ),
    ("KANSLIA", "Kaupunginkanslia", "Stadskansliet", "City executive office"),
]

# Districts: Finnish name, Finnish genitive ("Kallion kirjasto"), Swedish name and the
# Swedish form used before a noun ("Berghälls bibliotek").
DISTRICTS = {
    "kallio": ("Kallio", "Kallion", "Berghäll", "Berghälls"),
    "itakeskus": ("Itäkeskus", "Itäkeskuksen", "Östra centrum", "Östra centrums"),
    "malmi": ("Malmi", "Malmin", "Malm", "Malms"),
    "vuosaari": ("Vuosaari", "Vuosaaren", "Nordsjö", "Nordsjö"),
    "kannelmaki": ("Kannelmäki", "Kannelmäen", "Gamlas", "Gamlas"),
    "pasila": ("Pasila", "Pasilan", "Böle", "Böle"),
    "herttoniemi": ("Herttoniemi", "Herttoniemen", "Hertonäs", "Hertonäs"),
    "myllypuro": ("Myllypuro", "Myllypuron", "Kvarnbäcken", "Kvarnbäckens"),
    "kontula": ("Kontula", "Kontulan", "Gårdsbacka", "Gårdsbacka"),
    "oulunkyla": ("Oulunkylä", "Oulunkylän", "Åggelby", "Åggelby"),
    "lauttasaari": ("Lauttasaari", "Lauttasaaren", "Drumsö", "Drumsö"),
    "maunula": ("Maunula", "Maunulan", "Månsas", "Månsas"),
    "kalasatama": ("Kalasatama", "Kalasataman", "Fiskehamnen", "Fiskehamnens"),
    "jakomaki": ("Jakomäki", "Jakomäen", "Jakobacka", "Jakobacka"),
    "toolo": ("Töölö", "Töölön", "Tölö", "Tölö"),
    "puotila": ("Puotila", "Puotilan", "Botby gård", "Botby gårds"),
}

# Service point kinds: division, Finnish suffix, Swedish pattern, English pattern.
KINDS = {
    "library": ("KUVA", "{gen} kirjasto", "{svgen} bibliotek", "{fi} library"),
    "swimming": ("KUVA", "{gen} uimahalli", "{svgen} simhall", "{fi} swimming hall"),
    "youth": ("KUVA", "{gen} nuorisotalo", "Ungdomsgården i {sv}", "{fi} youth centre"),
    "health": ("SOTE", "{gen} terveysasema", "{svgen} hälsostation", "{fi} health station"),
    "family": ("SOTE", "{gen} perhekeskus", "Familjecentret i {sv}", "{fi} family centre"),
    "social": (
        "SOTE",
        "{gen} sosiaaliasema",
        "Socialstationen i {sv}",
        "{fi} social services office",
    ),
    "senior": (
        "SOTE",
        "{gen} palvelukeskus",
        "Servicecentralen i {sv}",
        "{fi} senior service centre",
    ),
    "dental": ("SOTE", "{gen} hammashoitola", "Tandkliniken i {sv}", "{fi} dental clinic"),
    "daycare": ("KASKO", "Päiväkoti {fi}", "Daghemmet i {sv}", "{fi} daycare centre"),
    "adult": (
        "KASKO",
        "{gen} työväenopisto",
        "Arbetarinstitutet i {sv}",
        "{fi} adult education centre",
    ),
    "advice": (
        "KYMP",
        "{gen} asukasneuvonta",
        "Invånarrådgivningen i {sv}",
        "{fi} residents' advice point",
    ),
    "service": ("KANSLIA", "{gen} asiointipiste", "Servicepunkten i {sv}", "{fi} service centre"),
}

# (code suffix, kind, district)
SERVICE_POINTS = [
    ("KIR-KAL", "library", "kallio"),
    ("KIR-ITA", "library", "itakeskus"),
    ("KIR-VUO", "library", "vuosaari"),
    ("KIR-KAN", "library", "kannelmaki"),
    ("KIR-PAS", "library", "pasila"),
    ("KIR-MAU", "library", "maunula"),
    ("UIM-ITA", "swimming", "itakeskus"),
    ("UIM-JAK", "swimming", "jakomaki"),
    ("UIM-TOO", "swimming", "toolo"),
    ("NUO-KON", "youth", "kontula"),
    ("NUO-MYL", "youth", "myllypuro"),
    ("TER-KAL", "health", "kallio"),
    ("TER-MAL", "health", "malmi"),
    ("TER-VUO", "health", "vuosaari"),
    ("TER-HER", "health", "herttoniemi"),
    ("TER-KAN", "health", "kannelmaki"),
    ("TER-LAU", "health", "lauttasaari"),
    ("PER-ITA", "family", "itakeskus"),
    ("PER-MAL", "family", "malmi"),
    ("SOS-KAL", "social", "kallio"),
    ("SOS-KON", "social", "kontula"),
    ("PAL-OUL", "senior", "oulunkyla"),
    ("PAL-PUO", "senior", "puotila"),
    ("HAM-PAS", "dental", "pasila"),
    ("PK-KAL", "daycare", "kallio"),
    ("PK-MYL", "daycare", "myllypuro"),
    ("PK-KAS", "daycare", "kalasatama"),
    ("PK-OUL", "daycare", "oulunkyla"),
    ("PK-VUO", "daycare", "vuosaari"),
    ("TYO-MAL", "adult", "malmi"),
    ("TYO-TOO", "adult", "toolo"),
    ("ASN-KON", "advice", "kontula"),
    ("ASN-KAS", "advice", "kalasatama"),
    ("ASN-MAL", "advice", "malmi"),
    ("ASI-MAL", "service", "malmi"),
    ("ASI-ITA", "service", "itakeskus"),
    ("ASI-PAS", "service", "pasila"),
]

# Service points that are not named after a district.
CENTRAL_SERVICE_POINTS = [
    ("KIR-KES", "KUVA", "Keskustakirjasto", "Centrumbiblioteket", "Central library"),
    (
        "KANS-NEU",
        "KANSLIA",
        "Kaupungin neuvonta",
        "Stadens rådgivning",
        "City information desk",
    ),
    (
        "KANS-MAA",
        "KANSLIA",
        "Maahanmuuttajien neuvontapiste",
        "Rådgivningen för invandrare",
        "Advice point for immigrants",
    ),
    (
        "KYMP-ASP",
        "KYMP",
        "Kaupunkiympäristön asiakaspalvelu",
        "Stadsmiljösektorns kundtjänst",
        "Urban environment customer service",
    ),
    (
        "KYMP-PYS",
        "KYMP",
        "Pysäköinnin asiakaspalvelu",
        "Parkeringens kundtjänst",
        "Parking customer service",
    ),
    (
        "KASKO-ASP",
        "KASKO",
        "Varhaiskasvatuksen asiakaspalvelu",
        "Kundtjänsten för småbarnspedagogik",
        "Early childhood education customer service",
    ),
]

# fmt: off
# --- names ------------------------------------------------------------------------------
# (weight, language weights {fi, sv, en}, female first names, male first names, surnames)

FINNISH = (
    68,
    {"fi": 97, "sv": 2, "en": 1},
    [
        "Aino", "Anna", "Anne", "Eeva", "Elina", "Emilia", "Hanna", "Heidi", "Helena", "Johanna",
        "Katja", "Kirsi", "Laura", "Leena", "Liisa", "Maria", "Marja", "Minna", "Noora", "Outi",
        "Päivi", "Riikka", "Sanna", "Satu", "Suvi", "Tiina", "Tuula", "Venla", "Ilona", "Sari",
    ],
    [
        "Antti", "Eero", "Heikki", "Ilkka", "Janne", "Jari", "Juha", "Jukka", "Kalle", "Markku",
        "Matti", "Mikko", "Olli", "Pekka", "Petri", "Sami", "Teemu", "Timo", "Tuomas", "Ville",
        "Aleksi", "Joonas", "Lauri", "Onni", "Veikko",
    ],
    [
        "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine",
        "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen",
        "Heinonen", "Niemi", "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen",
        "Tuominen", "Rantanen", "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen",
        "Ahonen", "Kärkkäinen", "Räsänen", "Väisänen", "Öhman", "Peltonen", "Ylönen",
    ],
)
SWEDISH = (
    12,
    {"fi": 20, "sv": 78, "en": 2},
    [
        "Ebba", "Elin", "Emma", "Ida", "Johanna", "Karin", "Linnea", "Malin", "Sara", "Åsa",
        "Ulrika", "Wilma",
    ],
    [
        "Anders", "Björn", "Erik", "Fredrik", "Gustav", "Henrik", "Johan", "Lars", "Mats",
        "Nils", "Oskar", "Rasmus",
    ],
    [
        "Andersson", "Backman", "Blomqvist", "Eklund", "Forsman", "Holmström", "Lindholm",
        "Lindqvist", "Nyberg", "Sjöberg", "Strömberg", "Westerlund", "Åberg", "Öhrnberg",
    ],
)
SOMALI = (
    4,
    {"fi": 75, "sv": 0, "en": 25},
    ["Fadumo", "Hodan", "Amina", "Ifrah", "Sahra"],
    ["Abdirahman", "Mohamed", "Abdullahi", "Liban", "Said"],
    ["Abdi", "Ali", "Warsame", "Farah", "Hassan", "Osman", "Jama"],
)
RUSSIAN = (
    4,
    {"fi": 80, "sv": 0, "en": 20},
    ["Irina", "Olga", "Natalia", "Svetlana", "Jelena"],
    ["Dmitri", "Sergei", "Aleksandr", "Mikhail", "Andrei"],
    ["Ivanova", "Petrov", "Smirnova", "Kuznetsov", "Volkova", "Sokolov"],
)
ESTONIAN = (
    4,
    {"fi": 85, "sv": 0, "en": 15},
    ["Kadri", "Liis", "Maarja", "Triin", "Kristiina"],
    ["Mart", "Tõnu", "Priit", "Rein", "Andres"],
    ["Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane"],
)
ARABIC = (
    4,
    {"fi": 60, "sv": 5, "en": 35},
    ["Layla", "Noor", "Fatima", "Rania", "Yasmin"],
    ["Omar", "Ahmad", "Yousef", "Karim", "Hussein"],
    ["Haddad", "Al-Amin", "Hassan", "Khalil", "Mansour", "Saleh"],
)
VIETNAMESE = (
    2,
    {"fi": 60, "sv": 0, "en": 40},
    ["Lan", "Mai", "Thu", "Linh", "Hoa"],
    ["Minh", "Tuan", "Duc", "Hung", "Quang"],
    ["Nguyen", "Tran", "Le", "Pham", "Hoang"],
)
OTHER = (
    2,
    {"fi": 50, "sv": 0, "en": 50},
    ["Zahra", "Priya", "Ana", "Chloé", "Agnieszka", "Maryam"],
    ["Reza", "Arjun", "Diego", "Kwame", "Piotr", "Hamid"],
    ["Ahmadi", "Sharma", "García", "Mensah", "Kowalski", "Rahimi"],
)
NAME_GROUPS = [FINNISH, SWEDISH, SOMALI, RUSSIAN, ESTONIAN, ARABIC, VIETNAMESE, OTHER]

# Staff roles and their weights (the "manager" role is given to one person per point).
ROLE_WEIGHTS = {"customer-service": 60, "guidance": 25, "specialist": 12, "other": 3}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    service_point: str
    role: str
    language: str
    description: str


DEMO_ACCOUNTS = [
    DemoAccount(
        "oppija", "Aino", "Oppija", "KIR-KAL", "customer-service", "fi",
        "learner at Kallio library",
    ),
    DemoAccount(
        "esihenkilo", "Mikael", "Esihenkilö", "KIR-KAL", "manager", "fi",
        "supervisor of Kallio and Pasila libraries",
    ),
    DemoAccount(
        "hr-opetus", "Helena", "Henkilöstö", "KASKO-ASP", "specialist", "fi",
        "HR for the Education division",
    ),
    DemoAccount(
        "hr-kaupunki", "Karin", "Personal", "KANS-NEU", "specialist", "sv",
        "city-wide HR",
    ),
    DemoAccount(
        "toimittaja", "Tuomas", "Toimittaja", "KANS-NEU", "specialist", "fi",
        "content editor (Wagtail Editors)",
    ),
    DemoAccount(
        "moderaattori", "Maria", "Moderaattori", "KANS-NEU", "specialist", "en",
        "moderator (Wagtail Moderators)",
    ),
]
# fmt: on
SUPERVISED_BY_DEMO_SUPERVISOR = ["KIR-KAL", "KIR-PAS"]
HR_DIVISION_OF_DEMO_HR = "KASKO"


def demo_password(username: str) -> str:
    """The deterministic development password of a demo account."""
    return f"{username}-Aspa2030"


# --- building ---------------------------------------------------------------------------


def _ascii(text: str) -> str:
    text = text.replace("ø", "o").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if c.isalnum() and c.isascii()).lower()


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def service_point_rows() -> list[tuple[str, str, str, str, str]]:
    """(code, division code, name fi, name sv, name en) for every demo service point."""
    rows = []
    for code, kind, district in SERVICE_POINTS:
        division, fi_pattern, sv_pattern, en_pattern = KINDS[kind]
        fi, gen, sv, svgen = DISTRICTS[district]
        names = {"fi": fi, "gen": gen, "sv": sv, "svgen": svgen}
        rows.append(
            (
                code,
                division,
                fi_pattern.format(**names),
                sv_pattern.format(**names),
                en_pattern.format(**names),
            )
        )
    rows.extend(CENTRAL_SERVICE_POINTS)
    return rows


def staff_rows(today: datetime.date) -> list[dict]:
    """The demo staff as plain dicts, the same every time for the same `today`."""
    rng = random.Random(SEED)
    point_codes = [row[0] for row in service_point_rows()]
    group_weights = [group[0] for group in NAME_GROUPS]
    used_emails: set[str] = set()
    rows = []
    for number in range(1, STAFF_COUNT + 1):
        _, languages, female, male, surnames = rng.choices(NAME_GROUPS, weights=group_weights)[0]
        first = rng.choice(female if rng.random() < 0.6 else male)
        last = rng.choice(surnames)
        base = f"{_ascii(first)}.{_ascii(last)}"
        email = f"{base}@{EMAIL_DOMAIN}"
        suffix = 2
        while email in used_emails:
            email = f"{base}{suffix}@{EMAIL_DOMAIN}"
            suffix += 1
        used_emails.add(email)
        # Every point gets staff; the first points of the list get a manager.
        point = point_codes[(number - 1) % len(point_codes)]
        role = "manager" if number <= len(point_codes) else _weighted(rng, ROLE_WEIGHTS)
        if rng.random() < 0.08:  # recent hires: their training is due soon
            start = today - datetime.timedelta(days=rng.randint(0, 60))
        else:
            start = today - datetime.timedelta(days=rng.randint(61, 12 * 365))
        rows.append(
            {
                "employee_id": f"{EMPLOYEE_ID_PREFIX}{number:06d}",
                "first_name": first,
                "last_name": last,
                "email": email,
                "service_point": point,
                "role": role,
                "start_date": start,
                "language": _weighted(rng, languages),
                "active": rng.random() > 0.02,
            }
        )
    return rows


@dataclass
class SeedResult:
    divisions: int = 0
    service_points: int = 0
    staff_created: int = 0
    staff_total: int = 0
    accounts: list[tuple[str, str, str]] | None = None  # (username, password or "", what)


@transaction.atomic
def seed(stdout=None, show_passwords: bool | None = None) -> SeedResult:
    """Create (or leave as they are) the demo organisation and accounts."""
    if show_passwords is None:
        show_passwords = getattr(settings, "SHOW_DEMO_PASSWORDS", False)
    result = SeedResult()

    divisions = {}
    for code, fi, sv, en in DIVISIONS:
        divisions[code], _ = Division.objects.get_or_create(
            code=code, defaults={"name_fi": fi, "name_sv": sv, "name_en": en}
        )
    result.divisions = len(divisions)

    points = {}
    for code, division, fi, sv, en in service_point_rows():
        points[code], _ = ServicePoint.objects.get_or_create(
            code=code,
            defaults={
                "division": divisions[division],
                "name_fi": fi,
                "name_sv": sv,
                "name_en": en,
            },
        )
    result.service_points = len(points)

    roles = {role.code: role for role in Role.objects.all()}
    result.staff_created = _seed_staff(points, roles)
    result.accounts = _seed_accounts(points, roles, divisions, show_passwords)
    result.staff_total = StaffMember.objects.count()
    if stdout is not None:
        stdout.write(
            f"organisation: {result.divisions} divisions, {result.service_points} service "
            f"points, {result.staff_total} staff ({result.staff_created} new)"
        )
    return result


def _seed_staff(points, roles) -> int:
    User = get_user_model()
    rows = staff_rows(timezone.localdate())
    existing = set(
        StaffMember.objects.filter(employee_id__startswith=EMPLOYEE_ID_PREFIX).values_list(
            "employee_id", flat=True
        )
    )
    taken_emails = {e.lower() for e in StaffMember.objects.values_list("email", flat=True)}
    new_rows = [
        r for r in rows if r["employee_id"] not in existing and r["email"] not in taken_emails
    ]
    if not new_rows:
        return 0
    usernames = [username_for(r["employee_id"]) for r in new_rows]  # as the HR import does
    existing_users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    to_create = []
    for row, username in zip(new_rows, usernames, strict=True):
        if username in existing_users:
            continue
        user = User(
            username=username,
            first_name=row["first_name"],
            last_name=row["last_name"],
            email=row["email"],
            is_active=row["active"],
        )
        user.set_unusable_password()
        to_create.append(user)
    User.objects.bulk_create(to_create, batch_size=500)
    users = {u.username: u for u in User.objects.filter(username__in=usernames)}
    StaffMember.objects.bulk_create(
        [
            StaffMember(
                user=users[username],
                employee_id=row["employee_id"],
                first_name=row["first_name"],
                last_name=row["last_name"],
                email=row["email"],
                service_point=points[row["service_point"]],
                role=roles[row["role"]],
                start_date=row["start_date"],
                language=row["language"],
                active=row["active"],
            )
            for row, username in zip(new_rows, usernames, strict=True)
        ],
        batch_size=500,
    )
    return len(new_rows)


def _seed_accounts(points, roles, divisions, show_passwords: bool) -> list[tuple[str, str, str]]:
    User = get_user_model()
    hr_group = _hr_group()
    editors = Group.objects.get(name="Editors")
    moderators = Group.objects.get(name="Moderators")
    accounts = []
    for number, account in enumerate(DEMO_ACCOUNTS, start=1):
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": f"{account.username}@{EMAIL_DOMAIN}",
            },
        )
        if show_passwords:
            password = demo_password(account.username)
            user.set_password(password)
            user.save(update_fields=["password"])
        else:
            password = ""
            if created:
                user.set_password(secrets.token_urlsafe(24))
                user.save(update_fields=["password"])
        staff, _ = StaffMember.objects.get_or_create(
            user=user,
            defaults={
                "employee_id": f"DEMO{number:03d}",
                "first_name": account.first_name,
                "last_name": account.last_name,
                "email": user.email,
                "service_point": points[account.service_point],
                "role": roles[account.role],
                "start_date": datetime.date(2024, 1, 8),
                "language": account.language,
            },
        )
        if account.username == "esihenkilo":
            staff.supervises.add(*[points[c] for c in SUPERVISED_BY_DEMO_SUPERVISOR])
        elif account.username == "hr-opetus":
            user.groups.add(hr_group)
            grant, _ = HRGrant.objects.get_or_create(user=user)
            grant.divisions.add(divisions[HR_DIVISION_OF_DEMO_HR])
        elif account.username == "hr-kaupunki":
            user.groups.add(hr_group)
            HRGrant.objects.update_or_create(user=user, defaults={"city_wide": True})
        elif account.username == "toimittaja":
            user.groups.add(editors)
        elif account.username == "moderaattori":
            user.groups.add(moderators)
        accounts.append((account.username, password, account.description))
    return accounts


def _hr_group() -> Group:
    """The HR group; it may open the Wagtail admin (reports and imports live there)."""
    from organisation.signals import ensure_hr_group

    return ensure_hr_group()
