"""The clitic and affix letters the stance rules test words with (``resources/stances/clitics.yaml``)."""
from __future__ import annotations

from marsad import resources

_C = resources.read_yaml("stances", "clitics.yaml")

ARTICLE: str = _C["article"]
CONJ: str = _C["conjunctions"]
BI: str = _C["bi"]
LI: str = _C["li"]
LIL: str = _C["lil"]
BIL: str = _C["bil"]
FUTURE: str = _C["future"]
IMPERFECT: str = _C["imperfect"]
FEMININE: str = _C["feminine"]
WE: str = _C["we"]
PLURAL: str = _C["plural"]
WA: str = _C["wa"]
