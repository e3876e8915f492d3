"""Checks the structure of a composite action.yml and writes its steps as a reusable workflow.

actionlint lints workflows, not action metadata. Wrapping the action's steps in a job of a
workflow_call workflow whose inputs are the action's inputs lets actionlint check the steps
(expressions, contexts, inputs.* references, step ids) as well.

usage: python3 action_workflow.py action.yml OUT.yml   (exit 1 with messages on problems)
"""
import re
import sys

import yaml

TOP_KEYS = {"name", "description", "author", "branding", "inputs", "outputs", "runs"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
STEP_KEYS = {"id", "name", "if", "run", "shell", "uses", "with", "env", "working-directory",
             "continue-on-error"}


def problems_of(action):
    found = []
    if not isinstance(action, dict):
        return ["action.yml is not a mapping"]
    found += [f"unknown top-level key {k!r}" for k in action if k not in TOP_KEYS]
    found += [f"missing top-level key {k!r}" for k in ("name", "description", "runs") if k not in action]
    for name, spec in (action.get("inputs") or {}).items():
        if not isinstance(spec, dict) or "description" not in spec:
            found.append(f"input {name!r} needs a description")
            continue
        found += [f"input {name!r}: unknown key {k!r}" for k in spec if k not in INPUT_KEYS]
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        found.append("runs.using must be 'composite'")
    steps = runs.get("steps")
    if not isinstance(steps, list) or not steps:
        return found + ["runs.steps must be a non-empty list"]
    ids = set()
    for i, step in enumerate(steps, 1):
        where = f"step {i}" + (f" ({step.get('id')})" if isinstance(step, dict) and "id" in step else "")
        if not isinstance(step, dict):
            found.append(f"{where}: not a mapping")
            continue
        found += [f"{where}: unknown key {k!r}" for k in step if k not in STEP_KEYS]
        if ("run" in step) == ("uses" in step):
            found.append(f"{where}: needs exactly one of 'run' and 'uses'")
        if "run" in step and "shell" not in step:
            found.append(f"{where}: a composite 'run' step needs 'shell'")
        if "uses" in step and ("shell" in step or "working-directory" in step):
            found.append(f"{where}: a 'uses' step takes neither 'shell' nor 'working-directory'")
        if "id" in step:
            ids.add(step["id"])
    for name, spec in (action.get("outputs") or {}).items():
        if not isinstance(spec, dict) or "description" not in spec or "value" not in spec:
            found.append(f"output {name!r} needs a description and a value")
            continue
        for step_id in re.findall(r"steps\.([A-Za-z0-9_-]+)\.", str(spec["value"])):
            if step_id not in ids:
                found.append(f"output {name!r} refers to unknown step {step_id!r}")
    return found


def as_workflow(action):
    inputs = {
        name: {"description": spec["description"], "type": "string", "required": bool(spec.get("required", False)),
               **({"default": str(spec["default"])} if "default" in spec else {})}
        for name, spec in (action.get("inputs") or {}).items()
    }
    return {
        "name": f"action {action['name']} as a workflow",
        "on": {"workflow_call": {"inputs": inputs}},
        "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}},
    }


def main(source, target):
    with open(source, encoding="utf-8") as f:
        action = yaml.safe_load(f)
    found = problems_of(action)
    for problem in found:
        print(f"{source}: {problem}")
    if found:
        return 1
    with open(target, "w", encoding="utf-8") as f:
        yaml.safe_dump(as_workflow(action), f, sort_keys=False, width=1000)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]) if len(sys.argv) == 3 else "usage: action_workflow.py action.yml OUT.yml")
