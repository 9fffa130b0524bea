"""Builders of import files for the tests and the benchmark."""

from __future__ import annotations

STAFF_HEADER = (
    "employee_id,first_name,last_name,email,service_point_code,role,start_date,language,active"
)
SERVICE_POINT_HEADER = (
    "code,name_fi,name_sv,name_en,division_code,division_name_fi,division_name_sv,"
    "division_name_en,active"
)
FIRST_NAMES = ["Aino", "Åsa", "Väinö", "Björn", "Leila", "Mikko", "Söderholm", "Yusuf", "Ärla"]
LAST_NAMES = ["Mäkelä", "Öberg", "Nyström", "Virtanen", "Ahmed", "Lindqvist", "Järvinen"]


def staff_row(n: int, point: str = "SP001", **overrides) -> dict[str, str]:
    row = {
        "employee_id": f"E{n:06d}",
        "first_name": FIRST_NAMES[n % len(FIRST_NAMES)],
        "last_name": LAST_NAMES[n % len(LAST_NAMES)],
        "email": f"e{n:06d}@example.fi",
        "service_point_code": point,
        "role": "customer-service",
        "start_date": "2026-01-15",
        "language": ["fi", "sv", "en", ""][n % 4],
        "active": "true",
    }
    row.update(overrides)
    return row


def to_csv(rows: list[dict[str, str]], delimiter: str = ",", header: str | None = None) -> str:
    header = header or STAFF_HEADER
    columns = header.split(",")
    lines = [delimiter.join(columns)]
    for row in rows:
        lines.append(delimiter.join(row.get(c, "") for c in columns))
    return "\n".join(lines) + "\n"


def staff_csv(count: int, points: list[str] | None = None, start: int = 1, **kw) -> str:
    points = points or ["SP001"]
    rows = [staff_row(n, points[n % len(points)]) for n in range(start, start + count)]
    return to_csv(rows, **kw)


def service_point_row(n: int, division: str = "D1", **overrides) -> dict[str, str]:
    row = {
        "code": f"SP{n:03d}",
        "name_fi": f"Palvelupiste {n}",
        "name_sv": f"Serviceställe {n}",
        "name_en": f"Service point {n}",
        "division_code": division,
        "division_name_fi": f"Toimiala {division}",
        "division_name_sv": f"Sektor {division}",
        "division_name_en": f"Division {division}",
        "active": "yes",
    }
    row.update(overrides)
    return row


def service_points_csv(count: int, divisions: int = 1, delimiter: str = ",") -> str:
    rows = [service_point_row(n, f"D{n % divisions + 1}") for n in range(1, count + 1)]
    return to_csv(rows, delimiter=delimiter, header=SERVICE_POINT_HEADER)
