

def test_each_step_of_a_series_says_by_how_much_with_its_subtraction():
    """哪一年跌了多少: each year against the one before, the amount and the subtraction it comes from."""
    from assistant.compose import steps_sentence

    said = steps_sentence([(2019, 7), (2020, 4), (2021, 25)], "件")
    assert "2020年度较2019年度减少3件（7−4）" in said and "2021年度较2020年度增加21件（25−4）" in said
    assert steps_sentence([(2022, 1), (2023, 2), (2024, 3)], "件").startswith("逐年都在增加")
