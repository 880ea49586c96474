"""The JSON Schema of plan and progress files, as committed under schema/."""

from __future__ import annotations

import json

from cchc_cli.plan.model import Plan, Progress


def json_schema(kind: str = "plan") -> str:
    if kind == "criteria":
        from cchc_cli.plan.criteria import CriteriaSet

        schema = CriteriaSet.model_json_schema()
    else:
        schema = (Plan if kind == "plan" else Progress).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2)
