"""Loads a Functions app the way the Python worker does and reports every mismatch as JSON.

Usage: python functions_load_check.py <app root>

v1: each folder with function.json is imported as a package with the app root on sys.path, and
its entry point is checked against the bindings (names, func.Out for out bindings, no inout).
v2: function_app.py is imported, exactly one FunctionApp must be at its top level, and it is
indexed once (get_functions() raises on a second call), then each function is checked the same way.
Prints {"model", "functions": [{"name", "bindings"}], "problems": [...]}; exits 0 either way.
"""

import importlib
import inspect
import json
import re
import sys
import typing
from pathlib import Path

import azure.functions as func
from azure.functions.decorators.function_app import FunctionRegister

HOST_FUNCTION_NAME = re.compile(r"^[a-z][a-z0-9_\-]{0,127}$", re.IGNORECASE)
V2_FUNCTION_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9_]{0,126}[a-zA-Z0-9]$")
BINDING_NAME = re.compile(r"^[a-zA-Z][a-zA-Z0-9]{0,127}$")


def is_out_annotation(annotation: object) -> bool:
    return typing.get_origin(annotation) is func.Out or annotation is func.Out


def check_signature(name: str, entry: object, bindings: list[dict], problems: list[str]) -> None:
    """The worker's rule: parameters are the binding names (minus $return), plus an optional context."""
    try:
        parameters = inspect.signature(entry).parameters  # type: ignore[arg-type]
    except (TypeError, ValueError) as error:
        problems.append(f"{name}: the entry point has no signature ({error})")
        return
    try:
        hints = typing.get_type_hints(entry)
    except Exception:  # unresolvable hints: fall back to the annotations as written
        hints = {}
    binding_names = {binding["name"] for binding in bindings if binding["name"] != "$return"}
    parameter_names = set(parameters) - {"context"} if "context" not in binding_names else set(parameters)
    if parameter_names != binding_names:
        problems.append(
            f"{name}: parameters {sorted(parameter_names)} do not match the bindings {sorted(binding_names)}"
        )
    for binding in bindings:
        direction = str(binding.get("direction", "")).lower()
        if direction == "inout":
            problems.append(f"{name}: binding {binding['name']} is inout, which Python does not support")
        parameter = parameters.get(binding["name"])
        if parameter is None or parameter.annotation is inspect.Parameter.empty:
            continue
        annotation = hints.get(binding["name"], parameter.annotation)
        if direction == "out" and not is_out_annotation(annotation):
            problems.append(f"{name}: out binding {binding['name']} is not annotated func.Out[...]")
        if direction == "in" and is_out_annotation(annotation):
            problems.append(f"{name}: in binding {binding['name']} is annotated func.Out")


def check_bindings(name: str, bindings: list[dict], problems: list[str]) -> None:
    names = [binding.get("name") for binding in bindings]
    if len(set(names)) != len(names):
        problems.append(f"{name}: binding names repeat: {names}")
    triggers = [binding for binding in bindings if str(binding.get("type", "")).endswith("Trigger")]
    if len(triggers) != 1:
        problems.append(f"{name}: {len(triggers)} trigger bindings, the host needs exactly one")
    for binding in bindings:
        binding_name = binding.get("name")
        direction = str(binding.get("direction", "")).lower()
        if binding_name == "$return":
            if direction != "out":
                problems.append(f"{name}: $return must be an out binding")
        elif not isinstance(binding_name, str) or not BINDING_NAME.match(binding_name):
            problems.append(f"{name}: binding name {binding_name!r} breaks the host's rule")


def load_v1(root: Path, report: dict) -> None:
    problems = report["problems"]
    seen: dict[str, str] = {}
    for function_json in sorted(root.glob("*/function.json")):
        folder = function_json.parent.name
        if not HOST_FUNCTION_NAME.match(folder) or folder.lower() == "host":
            problems.append(f"{folder}: the function name breaks the host's rule")
        if folder.lower() in seen:
            problems.append(f"{folder}: the name repeats {seen[folder.lower()]} (names are case-insensitive)")
        seen[folder.lower()] = folder
        config = json.loads(function_json.read_text(encoding="utf-8"))
        bindings = config.get("bindings", [])
        report["functions"].append({"name": folder, "bindings": bindings})
        check_bindings(folder, bindings, problems)
        script = config.get("scriptFile", "__init__.py")
        if not (function_json.parent / script).is_file():
            problems.append(f"{folder}: scriptFile {script} does not exist")
            continue
        stem = Path(script).stem
        module_name = folder if stem == "__init__" else f"{folder}.{stem}"
        try:
            module = importlib.import_module(module_name)
        except Exception as error:  # any import failure is what the worker reports
            problems.append(f"{folder}: importing {module_name} failed: {type(error).__name__}: {error}")
            continue
        entry_point = config.get("entryPoint", "main")
        entry = getattr(module, entry_point, None)
        if not callable(entry):
            problems.append(f"{folder}: {module_name} has no callable {entry_point}")
            continue
        check_signature(folder, entry, bindings, problems)


def load_v2(root: Path, report: dict) -> None:
    problems = report["problems"]
    try:
        module = importlib.import_module("function_app")
    except Exception as error:  # any import failure is what the worker reports
        problems.append(f"importing function_app failed: {type(error).__name__}: {error}")
        return
    # What the worker looks for: FunctionApp, DFApp, AsgiFunctionApp, ... (not blueprints).
    apps = [value for value in vars(module).values() if isinstance(value, FunctionRegister)]
    if len(apps) != 1:
        problems.append(f"function_app.py has {len(apps)} FunctionApp objects at its top level, the worker needs one")
        return
    try:
        functions = apps[0].get_functions()
    except Exception as error:  # indexing errors are what the host logs as "0 functions loaded"
        problems.append(f"indexing failed: {type(error).__name__}: {error}")
        return
    seen: dict[str, str] = {}
    for function in functions:
        name = function.get_function_name()
        bindings = json.loads(function.get_function_json())["bindings"]
        report["functions"].append({"name": name, "bindings": bindings})
        if not V2_FUNCTION_NAME.match(name) or name.lower() == "host":
            problems.append(f"{name}: the function name breaks the v2 rule")
        if name.lower() in seen:
            problems.append(f"{name}: the name repeats {seen[name.lower()]} (names are case-insensitive)")
        seen[name.lower()] = name
        check_bindings(name, bindings, problems)
        check_signature(name, function.get_user_function(), bindings, problems)


def main() -> None:
    root = Path(sys.argv[1]).resolve()
    sys.path.insert(0, str(root))
    model = "v2" if (root / "function_app.py").is_file() else "v1"
    report: dict = {"model": model, "functions": [], "problems": []}
    (load_v2 if model == "v2" else load_v1)(root, report)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
