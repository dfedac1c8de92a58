"""What the published dbt docs are keyed on (reporting.docs.dbt_docs_version): a change of the dbt project, of the
warehouse's DDL or of the database described makes a new version; a month's data does not enter it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cchc_warehouse.config import project_dir
from cchc_warehouse.reporting.docs import dbt_docs_version


@pytest.fixture
def checkout(tmp_path, monkeypatch) -> Path:
    """A copy of the checkout's sql/ and dbt_project/ (no dbt output), as CCHC_PROJECT_DIR."""
    root = project_dir()
    shutil.copytree(root / "sql", tmp_path / "sql")
    shutil.copytree(root / "dbt_project", tmp_path / "dbt_project",
                    ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    monkeypatch.setenv("CCHC_PROJECT_DIR", str(tmp_path))
    monkeypatch.setenv("CCHC_DATABASE_URL", "postgresql://reader@db.example:5432/cchc")
    return tmp_path


def test_the_same_code_and_database_give_the_same_version(checkout):
    assert dbt_docs_version() == dbt_docs_version()


def test_a_model_a_ddl_file_or_another_database_change_it(checkout, monkeypatch):
    first = dbt_docs_version()
    model = next((checkout / "dbt_project" / "models" / "marts").rglob("fct_*.sql"))
    model.write_text(model.read_text() + "\n-- a comment is code too\n")
    second = dbt_docs_version()
    ddl = checkout / "sql" / "020_audit.sql"
    ddl.write_text(ddl.read_text() + "\n-- and so is the warehouse's DDL\n")
    third = dbt_docs_version()
    monkeypatch.setenv("CCHC_DATABASE_URL", "postgresql://reader@db.example:5432/cchc_other")
    fourth = dbt_docs_version()
    assert len({first, second, third, fourth}) == 4


def test_dbt_output_in_the_project_folder_does_not(checkout):
    first = dbt_docs_version()
    (checkout / "dbt_project" / "target").mkdir()
    (checkout / "dbt_project" / "target" / "run_results.json").write_text("{}")
    (checkout / "dbt_project" / "logs").mkdir()
    (checkout / "dbt_project" / "logs" / "dbt.log").write_text("a build ran")
    assert dbt_docs_version() == first
