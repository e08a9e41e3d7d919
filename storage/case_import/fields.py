"""Checked fields of an import file: objects and lists named by their path in the file, calls
into the domain that name the path in any error, references to the group and provider
registers, and base64 content (docs/case-import.md)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.errors import ValidationError
from storage.records.errors import (
    FieldTypeError,
    UnknownFieldError,
    UnknownReferenceError,
)
from storage.registers import (
    groups,
    providers,
)

PERSON = {"name", "personnummer", "birth_year", "gender", "language", "protection_level"}


@contextmanager
def at(path: str) -> Iterator[None]:
    """Name ``path`` in any validation error raised inside."""
    try:
        yield
    except ValidationError as exc:
        raise repo.with_field_prefix(exc, path) from None


def obj(value: object, path: str, allowed: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise FieldTypeError(field=path, expected="an object")
    for key in value:
        if key not in allowed:
            raise UnknownFieldError(field=f"{path}.{key}")
    return value


def items(value: object, path: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldTypeError(field=path, expected="a list")
    return value


def call(
    fn: Callable[..., Any], path: str, item: dict[str, Any], required: set[str], *args: Any
) -> Any:
    """``fn(*args, **fields)``: required fields always (None if absent), others if given."""
    kwargs = {k: item.get(k) for k in required}
    kwargs.update({k: val for k, val in item.items() if k not in required})
    with at(path):
        return fn(*args, **kwargs)


def group_ref(store: StoreLike, known: dict[str, int], name: object, path: str) -> int:
    if not isinstance(name, str) or not name.strip():
        raise FieldTypeError(field=path, expected="a group name")
    found = known.get(name.strip().casefold()) or groups.group_id_by_name(store, name)
    if found is None:
        raise UnknownReferenceError(field=path, record="group")
    return found


def provider_ref(store: StoreLike, known: dict[str, int], name: object, path: str) -> int:
    if not isinstance(name, str) or not name.strip():
        raise FieldTypeError(field=path, expected="a provider name")
    found = known.get(name.strip().casefold()) or providers.provider_id_by_name(store, name)
    if found is None:
        raise UnknownReferenceError(field=path, record="provider")
    return found


def decode_base64(value: object, path: str) -> bytes:
    if not isinstance(value, str):
        raise FieldTypeError(field=path, expected="base64 text")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise FieldTypeError(field=path, expected="base64 text") from None
