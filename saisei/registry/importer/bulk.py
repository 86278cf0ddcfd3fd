"""Writing many rows at once, fast enough for a 100x extract (~65,000 plans, ~135,000 prices).

Django's `bulk_create` and `bulk_update` compile every value of every row through the query
machinery (and `bulk_update` builds one CASE expression per field and row): both spend most of
their time in Python, minutes for a 100x extract. Here the SQL is written once:

- SQLite: one prepared INSERT or UPDATE per row through `executemany`, which SQLite runs
  in-process at the speed of a multi-row statement;
- PostgreSQL: COPY, the bulk path of the database. Inserts COPY straight into the table;
  updates COPY into a temporary table shaped like the columns changed, then run one
  UPDATE ... FROM it.

The SQL holds only quoted table and column names from the model's meta; every value goes
as a parameter or through COPY, prepared by its model field exactly as `save()` prepares it
(`pre_save` fills auto_now_add times on insert; on update set `updated` yourself). No signals
are sent: the registry models have none.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, cast

from django.db import connection, models

BATCH_SIZE = 1000
Field = models.Field[Any, Any]


def _quote(name: str | None) -> str:
    return connection.ops.quote_name(str(name))


def _prepared(obj: models.Model, fields: list[Field], *, adding: bool = False) -> list[Any]:
    if adding:
        return [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    return [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields]


def create[M: models.Model](
    model: type[M],
    objs: Sequence[M],
    *,
    key: str | None = None,
    tick: Callable[[int], None] | None = None,
) -> None:
    """Insert `objs`. With `key`, a unique field, their new primary keys are read back."""
    meta = model._meta
    fields: list[Field] = [f for f in meta.concrete_fields if not f.primary_key]
    table = _quote(meta.db_table)
    columns = ", ".join(_quote(f.column) for f in fields)
    with connection.cursor() as cursor:
        for start in range(0, len(objs), BATCH_SIZE):
            batch = objs[start : start + BATCH_SIZE]
            rows = [_prepared(obj, fields, adding=True) for obj in batch]
            if connection.vendor == "postgresql":
                _copy(cursor, f"COPY {table} ({columns}) FROM STDIN", rows)
            else:
                marks = ", ".join(["%s"] * len(fields))
                insert = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
                cursor.executemany(insert, rows)
            if tick is not None:
                tick(len(batch))
    for obj in objs:
        obj._state.adding = False
    if key is not None and objs:
        pks = dict(model._default_manager.values_list(key, "pk"))
        for obj in objs:
            obj.pk = pks[getattr(obj, key)]


def update[M: models.Model](model: type[M], changes: Iterable[tuple[M, Iterable[str]]]) -> int:
    """Save the named fields of each object; objects that changed the same fields go together."""
    groups: dict[tuple[str, ...], list[M]] = defaultdict(list)
    for obj, names in changes:
        groups[tuple(sorted(set(names)))].append(obj)
    for names, objs in groups.items():
        fields = [cast(Field, model._meta.get_field(name)) for name in names]
        if connection.vendor == "postgresql":
            _update_by_copy(model, fields, objs)
        else:
            _update_each(model, fields, objs)
    return sum(len(objs) for objs in groups.values())


def _copy(cursor: Any, sql: str, rows: Iterable[list[Any]]) -> None:
    """COPY rows in through psycopg (Django's cursor wraps the driver's as `.cursor`)."""
    with cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _update_each[M: models.Model](model: type[M], fields: list[Field], objs: list[M]) -> None:
    pk = cast(Field, model._meta.pk)
    assignments = ", ".join(f"{_quote(f.column)} = %s" for f in fields)
    sql = (
        f"UPDATE {_quote(model._meta.db_table)} SET {assignments} "  # noqa: S608
        f"WHERE {_quote(pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(objs), BATCH_SIZE):
            batch = objs[start : start + BATCH_SIZE]
            cursor.executemany(sql, [[*_prepared(obj, fields), obj.pk] for obj in batch])


def _update_by_copy[M: models.Model](model: type[M], fields: list[Field], objs: list[M]) -> None:
    pk = cast(Field, model._meta.pk)
    table = _quote(model._meta.db_table)
    staging = "pg_temp." + _quote(f"import_{model._meta.db_table}")  # never a real table
    every = [pk, *fields]
    columns = ", ".join(_quote(f.column) for f in every)
    assignments = ", ".join(f"{_quote(f.column)} = s.{_quote(f.column)}" for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {staging}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} AS SELECT {columns} FROM {table} WITH NO DATA"  # noqa: S608
        )
        _copy(
            cursor,
            f"COPY {staging} ({columns}) FROM STDIN",
            ([obj.pk, *_prepared(obj, fields)] for obj in objs),
        )
        cursor.execute(
            f"UPDATE {table} SET {assignments} FROM {staging} AS s "  # noqa: S608
            f"WHERE {table}.{_quote(pk.column)} = s.{_quote(pk.column)}"
        )
        cursor.execute(f"DROP TABLE {staging}")
