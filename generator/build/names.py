"""The Python names of an operation, decided from its TOP method name and its family: the
attribute path a user types after ``client.``, its module, its constant, the stem of its classes
and its doc page.

``alibaba.damai.maizuo.openapi.user.authcode.send`` with the prefix
``alibaba.damai.maizuo.openapi.`` is ``client.user.authcode.send``, module
``user_authcode_send``, constant ``USER_AUTHCODE_SEND``, classes ``UserAuthcodeSend…`` and the
page ``user.authcode.send.md``. In the family ``alibaba.damai.mz.`` → ``mz``,
``alibaba.damai.mz.event.list`` is ``client.mz.event.list``, module ``mz_event_list``, classes
``MzEventList…`` and the page ``mz.event.list.md``: the namespace leads every name, so two
families may hold methods that end alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import naming
from ..ir import Family
from ..pointer import join as join_pointer
from .spec import Stop


@dataclass(frozen=True)
class MethodNames:
    resource: tuple[str, ...]
    """Attribute path of the resource holding the method: ``("user", "authcode")``."""
    method_name: str
    call_path: str
    module: str
    const_name: str
    stem: str
    """What its classes' names start with: ``UserAuthcodeSend``."""
    doc_page: str


def method_names(top_method: str, family: Family, pointer: str) -> MethodNames:
    """The names of the method ``top_method`` (at ``pointer``) of ``family``: the segments
    after the family's prefix, under the family's namespace."""
    where = join_pointer(pointer, "x-top-method")
    prefix = family.prefix
    segments = top_method[len(prefix) :].split(".")
    names = [naming.member_name(s, top=i == 0) for i, s in enumerate(segments)]
    if not all(names):
        raise Stop(
            where,
            f"{top_method!r}: every segment after {prefix!r} needs ASCII letters to name a "
            "Python attribute",
        )
    if family.namespace:
        segments = [family.namespace, *segments]
        names = [family.namespace, *(naming.member_name(s) for s in segments[1:])]
    if len(names) < 2:
        raise Stop(
            where,
            f"{top_method!r}: the SDK calls a method as client.<resource>.<method>, so it needs "
            f"two segments or more after {prefix!r}, like user.authcode.send",
        )
    module = "_".join(names).rstrip("_").replace("__", "_")
    return MethodNames(
        resource=tuple(names[:-1]),
        method_name=names[-1],
        call_path=".".join(names),
        module=module,
        const_name=module.upper(),
        stem="".join(naming.pascal(n) for n in names),
        doc_page=".".join(segments) + ".md",
    )
