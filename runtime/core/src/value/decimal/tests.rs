use super::*;

fn de(text: &str) -> Result<String, NumberProblem> {
    Decimal::parse_input(text, Lang::De).map(|d| d.to_json().to_string())
}

#[test]
fn german_input() {
    for (text, expected) in [
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1234", "1234"),
        ("1.234", "1234"),
        ("1.234.567", "1234567"),
        ("1.5", "1.5"),
        ("0,5", "0.5"),
        (",5", "0.5"),
        ("-3", "-3"),
        ("−3,25", "-3.25"),
        ("+7", "7"),
        ("1 234,50 €", "1234.5"),
        ("€ 12", "12"),
        ("12,00", "12"),
        ("007", "7"),
    ] {
        assert_eq!(de(text), Ok(expected.to_owned()), "{text}");
    }
}

#[test]
fn german_rejects() {
    for text in
        ["", "abc", "1,2,3", "12.34.5", "1..2", "1,5a", "--1", "1e5", "1.23,4.5", "1234567890123456789"]
    {
        assert!(de(text).is_err(), "{text} must be rejected");
    }
    assert_eq!(de("1234567890123456789"), Err(NumberProblem::TooLong));
}

#[test]
fn english_input() {
    let en = |t| Decimal::parse_input(t, Lang::En).map(|d| d.to_json().to_string());
    assert_eq!(en("1,234.56"), Ok("1234.56".into()));
    assert_eq!(en("1,5"), Ok("1.5".into()));
    assert_eq!(en("1,234"), Ok("1234".into()));
}

#[test]
fn exact_comparison_and_decimals() {
    let d = |t| Decimal::parse_input(t, Lang::De).expect("number"); // ok: test
    assert!(d("0,1") + 0 == d("0,10"));
    assert!(d("2,5") < d("2,51"));
    assert!(d("-1") < d("0"));
    assert_eq!(d("12,50").decimals(), 1);
    assert_eq!(d("12,345").decimals(), 3);
    assert_eq!(Decimal::from_json_text("12.5"), Ok(d("12,5")));
}

impl std::ops::Add<i64> for Decimal {
    type Output = Decimal;
    fn add(self, n: i64) -> Decimal {
        Decimal { units: self.units + i128::from(n) * 10i128.pow(self.scale), scale: self.scale }
    }
}

#[test]
fn written_in_plain_notation() {
    let max = i128::MAX;
    for (units, scale, expected) in [
        (0, 0, "0".to_owned()),
        (0, 3, "0".to_owned()),
        (5, 0, "5".to_owned()),
        (-5, 0, "-5".to_owned()),
        (5, 2, "0.05".to_owned()),
        (-5, 2, "-0.05".to_owned()),
        (123_456, 2, "1234.56".to_owned()),
        (1_230, 3, "1.23".to_owned()),
        (1_000, 3, "1".to_owned()),
        (-1, 12, "-0.000000000001".to_owned()),
        (max, 0, max.to_string()),
        (i128::MIN + 1, 0, (i128::MIN + 1).to_string()),
        (max, 30, format!("{}.{}", &max.to_string()[..9], &max.to_string()[9..])),
    ] {
        let written = Decimal { units, scale }.to_string();
        assert_eq!(written, expected, "{units} at scale {scale}");
    }
}
