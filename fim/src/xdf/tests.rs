use super::parse_multiplicity;

#[test]
fn multiplicities() {
    type Case = (&'static str, Option<(u32, Option<u32>)>);
    let cases: &[Case] = &[
        ("1:1", Some((1, Some(1)))),
        ("0:1", Some((0, Some(1)))),
        ("2:5", Some((2, Some(5)))),
        (" 1 : n ", Some((1, None))),
        ("0:*", Some((0, None))),
        ("0:N", Some((0, None))),
        ("3:2", None),
        ("0:0", None),
        ("1", None),
        ("a:b", None),
        ("", None),
        ("-1:2", None),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_multiplicity(text), *expected, "{text:?}");
    }
}
