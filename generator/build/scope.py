"""The names taken in one endpoint's module, and the last decisions made once all of its models
are known: fields renamed where they would shadow a class of the module, and which structs hold
themselves.

Every struct and enum of an endpoint is a class of that endpoint's module, so two of them may
share a name only when they are one struct (or one enum).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..ir import EnumType, Model, Param, TypeRef
from .spec import Stop


@dataclass
class EndpointScope:
    """Names taken in one endpoint's module while its models are built."""

    operation_pointer: str
    models: dict[str, Model] = field(default_factory=dict)
    identities: dict[str, bytes] = field(default_factory=dict)
    """What makes each struct the struct it is (:func:`.types.struct_identity`), compared when
    its name comes up again; absent for the parameters model, which is never met twice."""
    enums: dict[str, EnumType] = field(default_factory=dict)
    enum_identities: dict[str, bytes] = field(default_factory=dict)
    order: list[Model] = field(default_factory=list)
    """The models in the order their classes are written: each after the models it uses, but
    for a struct that holds itself."""

    def add(self, model: Model) -> None:
        """Record a finished model (replacing its placeholder) and write it after those it uses."""
        self.models[model.name] = model
        self.order.append(model)

    def update(self, model: Model) -> None:
        """Replace a model already recorded by a changed copy of it."""
        self.models[model.name] = model
        self.order[:] = [model if m.name == model.name else m for m in self.order]

    def class_names(self) -> set[str]:
        """Every class name of the module: structs, enums and the plain-dict twins of input
        structs."""
        names = {m.name for m in self.order} | set(self.enums)
        return names | {m.dict_name for m in self.order if m.is_input}

    def check_dict_names(self, params_model: Model) -> None:
        """An input struct has a plain-dict twin named ``<name>Dict``: no struct or enum of its
        endpoint may take that name."""
        names = {m.name for m in self.order} | set(self.enums)
        for model in self.order:
            if model.is_input and model is not params_model and model.dict_name in names:
                other = self.models.get(model.dict_name) or self.enums[model.dict_name]
                raise Stop(
                    other.pointer,
                    f"{model.dict_name!r} is the name of the plain-dict form of the struct "
                    f"{model.struct!r}; give this one another title",
                )

    def finish(
        self, params: tuple[Param, ...], params_model: Model, response: Model, const_name: str
    ) -> tuple[tuple[Param, ...], Model, Model]:
        """Rename the fields that would shadow a class, mark the structs that hold themselves,
        and return the parameters, the parameters model and the response model as they end up."""
        self._unshadow(params_model, const_name)
        self._mark_recursive()
        final = self.models[params_model.name]
        by_wire = {f.name: f.py_name for f in final.fields}
        params = tuple(replace(p, py_name=by_wire[p.name]) for p in params)
        return params, final, self.models[response.name]

    def _unshadow(self, params_model: Model, const_name: str) -> None:
        """Rename the fields called like a class of their module: in a class body
        ``ResultData: ResultData | None = None`` makes the annotation the field's own default.
        A parameter (a field of the parameters model, and a keyword argument of the endpoint's
        function) may not take the name of the operation's constant either, which the function
        uses."""
        classes = self.class_names()
        for model in list(self.order):
            taken = {f.py_name for f in model.fields}
            is_params = model.name == params_model.name
            fields = []
            for f in model.fields:
                py_name = f.py_name
                if py_name in classes or (is_params and py_name == const_name):
                    py_name += "_"
                    while py_name in taken or py_name in classes:
                        py_name += "_"
                    taken.add(py_name)
                    f = replace(f, py_name=py_name)
                fields.append(f)
            self.update(replace(model, fields=tuple(fields)))

    def _mark_recursive(self) -> None:
        """A struct that holds itself (directly, in a list, or through other structs) is
        ``recursive``. An input struct that must hold itself through required fields only
        could never be written down, and is refused."""
        uses = {
            m.name: {t.model for f in m.fields for t in _walk(f.type) if t.model}
            for m in self.order
        }
        for model in list(self.order):
            reachable = _reachable(model.name, uses)
            if model.name in reachable:
                self.update(replace(model, recursive=True))
        for model in self.order:
            if model.is_input:
                chain = self._required_chain(model, model.name, ())
                if chain:
                    raise Stop(
                        model.pointer,
                        f"the struct {model.struct!r} must hold itself through the required "
                        f"field(s) {' → '.join(chain)}, so no value of it can be written; make one "
                        "of them optional or a list",
                    )

    def _required_chain(self, model: Model, target: str, chain: tuple[str, ...]) -> tuple[str, ...]:
        for f in model.fields:
            if f.required and f.type.kind == "object" and f.type.model is not None:
                path = (*chain, f"{model.name}.{f.name}")
                if f.type.model == target:
                    return path
                if f.type.model not in {c.split(".")[0] for c in chain}:
                    found = self._required_chain(self.models[f.type.model], target, path)
                    if found:
                        return found
        return ()


def _walk(ref: TypeRef) -> list[TypeRef]:
    """``ref`` and the types of its list items, outermost first."""
    return [ref, *(_walk(ref.item) if ref.item is not None else [])]


def _reachable(start: str, uses: dict[str, set[str]]) -> set[str]:
    """The structs reached from ``start`` by one or more steps of ``uses``."""
    found: set[str] = set()
    todo = list(uses.get(start, ()))
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(uses.get(name, ()))
    return found
