"""Layers point down: core, the lowest layer, imports no domain app (its tests may, to make people);
the learning spine imports no source of learning (sources register with it instead)."""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

CORE = Path(settings.BASE_DIR) / "core"
DOMAIN_APPS = {
    config.name
    for config in apps.get_app_configs()
    if Path(config.path).parent == settings.BASE_DIR and config.name != "core"
}


def _imported_modules(source: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source.read_text(), filename=str(source))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def test_no_core_module_imports_a_domain_app():
    offending = sorted(
        f"{source.relative_to(settings.BASE_DIR)} imports {module}"
        for source in CORE.rglob("*.py")
        if "tests" not in source.relative_to(CORE).parts
        for module in _imported_modules(source)
        if module.split(".")[0] in DOMAIN_APPS
    )
    assert not offending, "core must not import a domain app:\n" + "\n".join(offending)


# The spine may import the layers below it; everything else is a source or sits above the spine.
SPINE_MAY_IMPORT = {"core", "partnership", "learning"}


def test_the_learning_spine_imports_no_source_of_learning():
    spine = Path(settings.BASE_DIR) / "learning"
    offending = sorted(
        f"{source.relative_to(settings.BASE_DIR)} imports {module}"
        for source in spine.rglob("*.py")
        if "tests" not in source.relative_to(spine).parts
        for module in _imported_modules(source)
        if module.split(".")[0] in DOMAIN_APPS - SPINE_MAY_IMPORT
    )
    assert not offending, "the spine must not import a source:\n" + "\n".join(offending)


def test_nothing_imports_the_yearly_report_which_sits_above_the_sources():
    offending = sorted(
        f"{source.relative_to(settings.BASE_DIR)} imports {module}"
        for app in DOMAIN_APPS - {"yearly_report"}
        for source in (Path(settings.BASE_DIR) / app).rglob("*.py")
        if "tests" not in source.relative_to(settings.BASE_DIR).parts
        for module in _imported_modules(source)
        if module.split(".")[0] == "yearly_report"
    )
    assert not offending, "the yearly report is imported by:\n" + "\n".join(offending)


def test_the_domain_apps_are_found():
    assert {"partnership", "learning", "reviews", "child_deaths", "performance"} <= DOMAIN_APPS
