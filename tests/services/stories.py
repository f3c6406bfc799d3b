"""Stories written for the people index: the same people under several forms, two people
who share a surname, and a person who shares a name with an organisation."""

from __future__ import annotations

from pathlib import Path

STORIES: dict[str, str] = {
    "council-budget.txt": """Council approves budget
By Lena Ortiz
2026-03-02

Mayor Priya Nandakumar defended the spending plan on Monday.

"We cannot let the libraries close," Nandakumar said.

"The numbers add up this year," said Ms Nandakumar.

Ravi Nandakumar, a local shopkeeper, disagreed. "Rates are already too high," he said.

The Harbour Trust said in a statement: "We welcome the decision."
""",
    "river-flood.txt": """River defences to be raised
By Tom Ekwueme
2026-03-09

The mayor, Priya Nandakumar, visited the flooded streets.

"This must never happen again," Ms Nandakumar said.

"We have the money for the walls," said Dr Samuel Ford, an engineer.

"Our vehicles are ready to help," Ford Motor Company said in a statement.
""",
    "market-day.txt": """Market day returns
By Lena Ortiz
2026-03-16

Traders were back in the square on Saturday.

"People missed this," said Ravi Nandakumar, who runs a stall.

"It felt like a holiday," Nandakumar added.

"The river is lower now," said Samuel Ford.
""",
    "parking-fees.txt": """Parking fees to rise
By Tom Ekwueme
2026-03-20

The council will raise parking fees in the centre.

"Nobody likes paying more," Mayor Nandakumar said.
""",
    "corner-shop.txt": """Corner shop closes
By Lena Ortiz
2026-03-23

The shop on Mill Lane closed its doors for good.

"Forty years is a long time," Nandakumar said.
""",
}


def write_stories(folder: Path) -> list[Path]:
    paths = []
    for name, text in STORIES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
