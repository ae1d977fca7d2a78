use super::run;

fn shared(file: &str) -> String {
    // Tests run in the crate's folder; ../shared is beside the repository.
    format!("{}/../../shared/fim/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn call(args: &[&str]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(&args, &mut out, &mut err);
    (status, String::from_utf8(out).unwrap_or_default(), String::from_utf8(err).unwrap_or_default())
}

#[test]
fn imports_to_a_file_and_reports_by_line() {
    let dir = std::env::temp_dir().join(format!("formlotse-fim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    let out = dir.join("form.json");
    let schema = shared("xdf2-S00000121-blaue-karte.excerpt.xml");
    let (status, stdout, stderr) = call(&[&schema, "--out", out.to_str().unwrap_or_default()]);
    assert_eq!((status, stdout.as_str()), (0, ""), "{stderr}");
    let written = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(formlotse_core::load(&written).is_ok());
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 3, "{stderr}");
    assert!(
        lines[0].starts_with(&format!(
            "{schema}:6: code list urn:xpersonenstand:schluesseltabelle:geschlecht version 2"
        )),
        "{stderr}"
    );
    assert!(lines[0].ends_with("[code_list]"), "{stderr}");
    assert!(lines[2].starts_with("imported S00000121 1.0 (XDatenfelder 2.0): 1 step, 0 groups"), "{stderr}");
    assert!(lines[2].ends_with("2 notes need an author (2 code_list)"), "{stderr}");
    // With the code lists, the sex is a choice; to standard output.
    let lists = format!("{}/tests/codelists", env!("CARGO_MANIFEST_DIR"));
    let (status, stdout, stderr) = call(&[&schema, "--codelists", &lists]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains(r#""options": "geschlecht_2""#), "{stdout}");
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn failures_and_usage() {
    let dir = std::env::temp_dir().join(format!("formlotse-fim-cli-fail-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_default();
    // A 50 MB file is refused from its size, without reading it (a sparse file).
    let huge = dir.join("huge.xml");
    let file = std::fs::File::create(&huge).expect("create"); // ok: test
    file.set_len(50 * 1024 * 1024).expect("size"); // ok: test
    let huge = huge.to_str().unwrap_or_default().to_owned();
    let (status, _, stderr) = call(&[&huge]);
    assert_eq!(status, 1);
    assert!(
        stderr.starts_with(&format!("{huge}: the file has 52428800 bytes"))
            && stderr.trim_end().ends_with("(too_large)"),
        "{stderr}"
    );
    let broken = dir.join("broken.xml");
    std::fs::write(&broken, "<a>\n  <b>\n</a>\n").unwrap_or_default();
    let broken = broken.to_str().unwrap_or_default().to_owned();
    let (status, _, stderr) = call(&[&broken]);
    assert_eq!(status, 1);
    assert!(stderr.starts_with(&format!("{broken}:3: not well-formed XML at column")), "{stderr}");
    let (status, _, stderr) = call(&["/nonexistent/schema.xml"]);
    assert_eq!(status, 1);
    assert!(stderr.contains("cannot read /nonexistent/schema.xml") && stderr.contains("(io)"), "{stderr}");
    for wrong in [&[][..], &["a.xml", "b.xml"], &["a.xml", "--codelists"], &["a.xml", "--fast"]] {
        let (status, _, stderr) = call(wrong);
        assert_eq!(status, 2, "{wrong:?}");
        assert!(stderr.contains("usage: import-fim SCHEMA.xml"), "{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
