"""Where an agency sits (index/parse/geography.py): its administrative level read from its name."""

from __future__ import annotations

import pytest

from index.parse.geography import level_of


@pytest.mark.parametrize("agency, level", [
    ("南京市人民政府", "city"), ("南京市玄武区人民政府", "county"), ("江阴市财政局", "county"),
    ("北京市交通委员会", "province"), ("浙江省人民政府办公厅", "province"), ("杭州市余杭区五常街道办事处", "township"),
    ("某某片区管理局", "township"),
])
def test_the_level_of_an_agency_comes_from_its_name(agency, level):
    assert level_of(agency) == level
