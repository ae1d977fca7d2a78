//! Table-driven tests of parsing, type errors and evaluation.

use super::*;
use crate::value::{Date, Decimal};
use std::collections::BTreeMap;

struct Fields(BTreeMap<&'static str, (Type, Option<Value>)>);

impl Fields {
    fn sample() -> Fields {
        let number = |n: i64| Some(Value::Number(Decimal::from_int(n)));
        let date = |y, m, d| Some(Value::Date(Date::new(y, m, d).expect("a date"))); // ok: test
        Fields(BTreeMap::from([
            ("anzahl", (Type::Number, number(2))),
            ("leer", (Type::Number, None)),
            ("rasse", (Type::Text, Some(Value::Text("pitbull".into())))),
            ("geburt", (Type::Date, date(2008, 2, 29))),
            ("beginn", (Type::Date, date(2026, 6, 1))),
            ("ende", (Type::Date, date(2026, 6, 20))),
            ("gefaehrlich", (Type::Bool, Some(Value::Bool(true)))),
            ("merkmale", (Type::TextList, Some(Value::Choices(vec!["laut".into(), "gross".into()])))),
            ("plan", (Type::Files, None)),
            ("gruppe.feld", (Type::Number, number(1))),
            ("hund-name", (Type::Text, Some(Value::Text("Bello".into())))),
        ]))
    }

    fn compile(&self, source: &str) -> Result<Expr, ExprError> {
        Expr::compile(source, &|name| self.0.get(name).map(|(ty, _)| *ty), None)
    }
}

impl Env for Fields {
    fn value(&self, id: &str) -> Option<Value> {
        self.0.get(id).and_then(|(_, value)| value.clone())
    }

    fn today(&self) -> Date {
        Date::new(2026, 3, 1).expect("a date") // ok: test
    }
}

fn number(text: &str) -> Value {
    Value::Number(Decimal::parse_input(text, crate::lang::Lang::En).expect("a number")) // ok: test
}

#[test]
fn evaluation() {
    let fields = Fields::sample();
    let b = Value::Bool;
    let cases: Vec<(&str, Result<Option<Value>, Fault>)> = vec![
        ("1 + 2 * 3", Ok(Some(number("7")))),
        ("(1 + 2) * 3", Ok(Some(number("9")))),
        ("10 / 4", Ok(Some(number("2.5")))),
        ("0.1 + 0.2 == 0.3", Ok(Some(b(true)))),
        ("-anzahl + 5", Ok(Some(number("3")))),
        ("if(anzahl > 1, 96 + 144 * (anzahl - 1), 96)", Ok(Some(number("240")))),
        ("round(10 / 3, 2)", Ok(Some(number("3.33")))),
        ("anzahl >= 2 and not gefaehrlich", Ok(Some(b(false)))),
        ("anzahl >= 2 or gefaehrlich", Ok(Some(b(true)))),
        ("rasse in [\"pitbull\", 'staffordshire']", Ok(Some(b(true)))),
        ("\"laut\" in merkmale", Ok(Some(b(true)))),
        ("count(merkmale)", Ok(Some(number("2")))),
        ("count(plan)", Ok(Some(number("0")))),
        ("age(geburt)", Ok(Some(number("18")))),
        ("age(geburt) >= 18", Ok(Some(b(true)))),
        ("days_between(beginn, ende) > 14", Ok(Some(b(true)))),
        ("beginn < ende", Ok(Some(b(true)))),
        ("date(\"2026-03-01\") == today()", Ok(Some(b(true)))),
        ("date(\"2026-02-30\")", Ok(None)),
        ("'Hund ' + hund-name", Ok(Some(Value::Text("Hund Bello".into())))),
        ("gruppe.feld * 3", Ok(Some(number("3")))),
        // An empty answer: comparisons do not hold, arithmetic is absent.
        ("leer > 0", Ok(Some(b(false)))),
        ("leer == 0", Ok(Some(b(false)))),
        ("leer != 0", Ok(Some(b(false)))),
        ("not (leer > 0)", Ok(Some(b(true)))),
        ("leer + 1", Ok(None)),
        ("if(leer > 1, 1, 2)", Ok(Some(number("2")))),
        // No result: a fault, not an absent value; it ends the evaluation.
        ("1 / 0", Err(Fault)),
        ("1 / leer", Ok(None)),
        ("if(anzahl > 1, 1 / 0, 1)", Err(Fault)),
        ("if(anzahl > 5, 1 / 0, 1)", Ok(Some(number("1")))),
        ("1 / 0 > 1 or true", Err(Fault)),
        ("999999999999999999 * 999999999999999999 * 999999999999999999", Err(Fault)),
        ("-(999999999999999999 * 999999999999999999 * 99999999)", Err(Fault)),
    ];
    for (source, expected) in cases {
        let expr = fields.compile(source).unwrap_or_else(|e| panic!("{source}: {}", e.message())); // ok: test
        assert_eq!(expr.eval(&fields), expected, "{source}");
    }
}

#[test]
fn types_and_references() {
    let fields = Fields::sample();
    let expr =
        fields.compile("if(anzahl > 1 and rasse in ['a'], anzahl, 0) + count(merkmale)").expect("compiles"); // ok: test
    assert_eq!(expr.ty(), Type::Number);
    assert_eq!(expr.references(), ["anzahl", "rasse", "merkmale"]);
    let condition =
        Expr::compile("anzahl > 1", &|_| Some(Type::Number), Some(Type::Bool)).expect("a condition"); // ok: test
    assert!(condition.holds(&fields));
    assert!(Expr::compile("anzahl + 1", &|_| Some(Type::Number), Some(Type::Bool)).is_err());
}

#[test]
fn errors_say_what_and_where() {
    let fields = Fields::sample();
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "expected a value, found the end"),
        ("1 +", 3, "expected a value, found the end"),
        ("(1 + 2", 6, "expected \")\", found the end"),
        ("1 2", 2, "expected an operator or the end of the expression, found \"2\""),
        ("'offen", 0, "the text is not closed"),
        ("1.2.3", 0, "\"1.2.3\" is not a number"),
        ("a and", 5, "expected a value, found the end"),
        ("and", 0, "expected a value, found \"and\""),
        ("@", 0, "expected a value, found \"@\""),
        ("hunde > 1", 0, "no field has the id \"hunde\""),
        ("geburt > 18", 0, "\">\" cannot combine a date and a number"),
        ("anzahl == 'zwei'", 0, "\"==\" cannot combine a number and text"),
        ("not anzahl", 4, "expected true/false, found a number"),
        ("age(anzahl)", 4, "expected a date, found a number"),
        ("age()", 0, "age() takes 1 argument(s), not 0"),
        (
            "wurzel(4)",
            0,
            "there is no function \"wurzel\"; known: today, date, age, days_between, count, sum, if, round",
        ),
        ("if(gefaehrlich, 1, 'x')", 19, "expected a number, found text"),
        ("round(1, anzahl)", 9, "round() needs a whole number of places from 0 to 12"),
        ("round(1, 13)", 9, "round() needs a whole number of places from 0 to 12"),
        ("count(anzahl)", 6, "expected a list of text, found a number"),
        ("rasse in 'x'", 0, "\"in\" cannot combine text and text"),
    ];
    for (source, offset, message) in cases {
        let error = fields.compile(source).expect_err(source);
        assert_eq!((error.offset(), error.message().as_str()), (*offset, *message), "{source}");
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let fields = Fields::sample();
    let long_chain = vec!["1"; 5_000].join(" + ");
    // Chains inside chains add up.
    let staircase = (0..60).map(|_| "1 + 1 + 1 + (").collect::<String>() + "1" + &")".repeat(60);
    for source in [
        "(".repeat(10_000),
        "not ".repeat(10_000) + "true",
        "-".repeat(10_000) + "1",
        "[".repeat(10_000),
        long_chain,
        staircase,
    ] {
        let error = fields.compile(&source).expect_err("too deep");
        assert!(error.message().contains("nested too deeply"), "{}", error.message());
    }
    let chain = vec!["1"; 90].join(" + ");
    assert_eq!(fields.compile(&chain).expect("90 terms are fine").eval(&fields), Ok(Some(number("90")))); // ok: test
}
