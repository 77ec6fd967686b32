"""Model bases, labeled enums, TOP date-times and parameter validation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import BaseModel
from runtime_samples import (
    PARAM0,
    Channel,
    CodeType,
    PerformQueryParams,
    UserAuthcodeSendParams,
)

from generator.runtime._models import LabeledIntEnum, TopDateTime, validate_params
from generator.runtime.errors import ParameterError

GMT8 = timezone(timedelta(hours=8))


def test_labels_and_members() -> None:
    assert list(CodeType) == [CodeType.REGISTER, CodeType.CHANGE_PASSWORD]
    assert CodeType.REGISTER.label == "注册"
    assert CodeType(2).label == "修改密码"
    assert CodeType.REGISTER == 1
    assert list(Channel) == [Channel.APP, Channel.WEB]
    assert Channel.APP.label == "应用"
    assert Channel.WEB.label == "WEB"  # no label: the member name
    assert Channel.APP == "app"
    assert "__labels__" not in CodeType.__members__


def test_labels_without_annotation() -> None:
    class Plain(LabeledIntEnum):
        __labels__ = {1: "一"}  # noqa: RUF012
        ONE = 1

    assert list(Plain) == [Plain.ONE]
    assert Plain.ONE.label == "一"


def test_validate_params_accepts_dicts_models_and_names() -> None:
    params = validate_params(UserAuthcodeSendParams, {"param0": PARAM0})
    assert params.param0.code_type is CodeType.REGISTER
    again = validate_params(UserAuthcodeSendParams, {"param0": params.param0})
    assert again.param0 == params.param0
    by_alias = validate_params(PerformQueryParams, {"from": "a"})
    by_name = validate_params(PerformQueryParams, {"from_": "a"})
    assert by_alias.from_ == by_name.from_ == "a"
    assert by_alias.model_dump(exclude_none=True) == {"from": "a"}


def test_validate_params_drops_none() -> None:
    params = validate_params(PerformQueryParams, {"count": None, "keyword": "k"})
    assert params.model_fields_set == {"keyword"}


def test_parameter_errors_name_each_path() -> None:
    bad = {**PARAM0, "code_type": 3, "extra": "x"}
    del bad["user_phone"]
    with pytest.raises(ParameterError) as caught:
        validate_params(UserAuthcodeSendParams, {"param0": bad})
    lines = str(caught.value).splitlines()
    assert sorted(lines) == [
        "param0.code_type: Input should be 1 or 2",
        "param0.extra: Extra inputs are not permitted",
        "param0.user_phone: Field required",
    ]
    assert caught.value.__cause__ is None
    assert "139xxxx4567" not in str(caught.value) + repr(caught.value)


def test_parameter_error_paths_with_list_indexes() -> None:
    with pytest.raises(ParameterError) as caught:
        validate_params(PerformQueryParams, {"queries": [{"show_id": 1}, {"show_id": "x"}]})
    assert str(caught.value).startswith("queries[1].show_id: Input should be a valid integer")


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_numbers_are_refused(value: float) -> None:
    with pytest.raises(ParameterError, match="ratio"):
        validate_params(PerformQueryParams, {"ratio": value})


def test_missing_parameter_object() -> None:
    with pytest.raises(ParameterError, match=r"^param0: Field required$"):
        validate_params(UserAuthcodeSendParams, {})
    with pytest.raises(ParameterError, match="param0: Input should be a valid dictionary"):
        validate_params(UserAuthcodeSendParams, {"param0": "text"})


class Stamp(BaseModel):
    at: TopDateTime


def test_top_datetime_parses_and_serialises() -> None:
    stamp = Stamp.model_validate({"at": "2024-01-02 03:04:05"})
    assert stamp.at == datetime(2024, 1, 2, 3, 4, 5, tzinfo=GMT8)
    assert stamp.model_dump_json() == '{"at":"2024-01-02 03:04:05"}'
    utc = Stamp(at=datetime(2024, 1, 1, 19, 4, 5, tzinfo=UTC))
    assert utc.model_dump(mode="json") == {"at": "2024-01-02 03:04:05"}
    assert utc.model_dump()["at"] == datetime(2024, 1, 1, 19, 4, 5, tzinfo=UTC)
    assert Stamp.model_validate({"at": "2024-01-02T03:04:05Z"}).at.tzinfo == UTC
