//! `formlotse-server config-check`: every wrong value is reported as `FILE:line: what is
//! wrong`, including the delivery channels.

mod common;

use common::{ORIGIN, TempDir, site};

#[test]
fn config_errors_name_file_and_line() {
    let dir = TempDir::new("config");
    let good = site(&dir.0, "sqlite://data/x.db", "");
    let check = |text: &str| {
        let file = dir.0.join("bad.toml");
        std::fs::write(&file, text).unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
            .args(["config-check"])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{text}");
        String::from_utf8(output.stdout).unwrap()
    };
    let text = std::fs::read_to_string(&good).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
        .arg("config-check")
        .arg(&good)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
    let file = dir.0.join("bad.toml").display().to_string();
    let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let misspelt = text.replace("forms_dir", "form_dir");
    assert!(check(&misspelt).starts_with(&format!("{file}:")), "unknown keys are errors");
    let wildcard = text.replacen(&format!("origins = [\"{ORIGIN}\"]"), "origins = [\"*\"]", 1);
    assert!(
        check(&wildcard).contains(&format!("{file}:{}: \"*\" is no origin", line_of(&wildcard, "\"*\"")))
    );
    let plain = text.replacen("token = \"sha256:", "token = \"", 1);
    let out = check(&plain);
    assert!(out.contains(&format!("{file}:{}: a token must be", line_of(&plain, "token = \""))), "{out}");
    let unknown = format!("{text}\n[forms.gibt-es-nicht]\norigins = []\n");
    let out = check(&unknown);
    assert!(
        out.contains(&format!(
            "{file}:{}: no definition with id \"gibt-es-nicht\"",
            line_of(&unknown, "[forms.gibt-es-nicht]")
        )),
        "{out}"
    );
    let syntax = text.replacen("listen = \"127.0.0.1:0\"", "listen = 127.0.0.1", 1);
    assert!(check(&syntax).starts_with(&format!("{file}:1: ")), "{}", check(&syntax));
    let password = text.replacen("sqlite://data/x.db", "postgres://formlotse:geheim@localhost/formlotse", 1);
    assert!(check(&password).contains("password does not belong in this file"));
    let env = text.replacen("sqlite://data/x.db", "env:FORMLOTSE_TEST_SURELY_UNSET", 1);
    assert!(check(&env).contains("FORMLOTSE_TEST_SURELY_UNSET is not set"));
    // A catalog directory that is not there, or holds a file that is no catalog.
    let missing = format!("i18n_dir = \"kataloge\"\n{text}");
    assert!(
        check(&missing).contains(&format!("{file}:1: cannot read the catalog directory")),
        "{}",
        check(&missing)
    );
    std::fs::create_dir_all(dir.0.join("kataloge")).unwrap();
    std::fs::write(dir.0.join("kataloge/uk.json"), r#"{"formlotse-catalog": 1, "lang": "uk"}"#).unwrap();
    let out = check(&missing);
    assert!(out.contains("uk.json is no language catalog: \"name\" is missing"), "{out}");
}

#[test]
fn channel_errors_name_file_and_line() {
    let dir = TempDir::new("config-channels");
    let good = site(&dir.0, "sqlite://data/x.db", "");
    let base = std::fs::read_to_string(&good).unwrap();
    let file = dir.0.join("bad.toml");
    let check = |extra: &str| {
        let text = format!("{base}\n{extra}");
        std::fs::write(&file, &text).unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
            .arg("config-check")
            .arg(&file)
            .env("FORMLOTSE_TEST_HOOK", "whsec_dGVzdC1zZWNyZXQtZm9ybWxvdHNlLTAxMjM0NTY3ODk=")
            .env("FORMLOTSE_TEST_BAD_HOOK", "geheim")
            .output()
            .unwrap();
        (output.status.success(), String::from_utf8(output.stdout).unwrap(), text)
    };
    let name = file.display().to_string();
    let fine = "[delivery]\nattempts = 5\nfirst_retry_ms = 1000\n\n[[forms.hund-anmelden.deliver]]\ntype = \"email\"\n\
        smtp = \"smtp.musterstadt.de:587\"\nfrom = \"formulare@musterstadt.de\"\nto = [\"hundesteuer@musterstadt.de\"]\n\
        [[forms.hund-anmelden.deliver]]\ntype = \"folder\"\npath = \"/srv/fachverfahren/hund\"\n\
        [[forms.hund-anmelden.deliver]]\ntype = \"webhook\"\nurl = \"https://fv.musterstadt.de/eingang\"\nsecret = \"env:FORMLOTSE_TEST_HOOK\"\n";
    let (ok, out, _) = check(fine);
    assert!(ok, "{out}");
    for (extra, needle, message) in [
        ("[[forms.hund-anmelden.deliver]]\ntype = \"fax\"\n", "\"fax\"", "\"fax\" is no channel type"),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"folder\"\nurl = \"https://x.de\"\npath = \"x\"\n",
            "url =",
            "url is no key of a folder channel",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"smtp.musterstadt.de\"\nfrom = \"a@b.de\"\nto = [\"c@d.de\"]\n",
            "smtp =",
            "smtp is the mail server's host and port",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"h:25\"\nfrom = \"a@b.de\"\nto = [\"keine adresse\"]\n",
            "keine adresse",
            "\"keine adresse\" is no e-mail address",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"h:25\"\nfrom = \"a@b.de\"\nto = [\"c@d.de\"]\nusername = \"u\"\npassword = \"geheim\"\n",
            "password =",
            "a secret is written as \"env:NAME\"",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"h:25\"\nfrom = \"a@b.de\"\nto = [\"c@d.de\"]\nca_file = \"fehlt.pem\"\n",
            "ca_file =",
            "ca_file cannot be read: ",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"h:25\"\nfrom = \"a@b.de\"\nto = [\"c@d.de\"]\nca_file = \"formlotse.toml\"\n",
            "ca_file =",
            "ca_file holds no PEM certificate",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"h:25\"\nfrom = \"a@b.de\"\nto = [\"c@d.de\"]\nconfirm = \"vorname\"\n",
            "confirm =",
            "confirm names the form's e-mail field; \"vorname\" is none",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"webhook\"\nurl = \"http://fv.musterstadt.de/\"\nsecret = \"env:FORMLOTSE_TEST_HOOK\"\n",
            "url =",
            "a webhook url is https://",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"webhook\"\nurl = \"https://fv.de/\"\nsecret = \"env:FORMLOTSE_TEST_BAD_HOOK\"\n",
            "secret =",
            "the secret is \"whsec_\" and base64",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"webhook\"\nurl = \"https://fv.de/\"\nsecret = \"env:FORMLOTSE_TEST_HOOK\"\nattachments = \"anbei\"\n",
            "attachments =",
            "attachments is \"links\" (the default) or \"inline\"",
        ),
        (
            "[[forms.hund-anmelden.deliver]]\ntype = \"folder\"\npath = \"a\"\n[[forms.hund-anmelden.deliver]]\ntype = \"folder\"\npath = \"b\"\n",
            "type = \"folder\"",
            "a second channel named \"folder\"",
        ),
        ("[delivery]\nattempts = 0\n", "attempts = 0", "attempts must be at least 1"),
    ] {
        let (ok, out, text) = check(extra);
        assert!(!ok, "{extra}");
        // The line of the last occurrence: the appended channel's, not the good file's.
        let lines: Vec<&str> = text.lines().collect();
        let at = lines.iter().rposition(|l| l.contains(needle)).unwrap() + 1;
        assert!(out.contains(&format!("{name}:{at}: {message}")), "{name}:{at}: {message}\n{out}");
    }
}
