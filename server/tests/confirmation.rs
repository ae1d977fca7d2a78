//! The citizen's confirmation e-mail, through the outbox to a real SMTP server (aiosmtpd): sent
//! when the form's e-mail channel names the e-mail field (`confirm = "email"`) and the citizen
//! answered it, in the application's language, with the reference and the form's title and
//! nothing else of the application; none without an address. On SQLite and PostgreSQL.

mod common;

use std::time::Duration;

use common::counterparts::{Counterpart, free_port, mails, message_id, wait_for};
use common::{Server, TempDir, databases, dog, site};

fn config(port: u16) -> String {
    format!(
        "[delivery]\nfirst_retry_ms = 40\nmax_retry_ms = 80\npoll_ms = 50\n\n\
         [[forms.hund-anmelden.deliver]]\ntype = \"email\"\nsmtp = \"127.0.0.1:{port}\"\ntls = \"none\"\n\
         from = \"formulare@musterstadt.de\"\nto = [\"hundesteuer@musterstadt.de\"]\nconfirm = \"email\"\n"
    )
}

/// The header `name` of `mail`.
fn header<'a>(mail: &'a str, name: &str) -> &'a str {
    mail.lines()
        .find_map(|line| line.strip_prefix(&format!("{name}: ")))
        .unwrap_or_else(|| panic!("no {name} in {mail}"))
}

/// The body of a single-part mail: base64 decoded, or its quoted-printable soft breaks joined.
fn body(mail: &str) -> String {
    let (_, body) = mail.split_once("\r\n\r\n").or_else(|| mail.split_once("\n\n")).unwrap();
    if mail.lines().any(|line| line.eq_ignore_ascii_case("Content-Transfer-Encoding: base64")) {
        // Cyrillic and Arabic text: lettre sends it in base64.
        use base64::Engine;
        let joined: String = body.split_whitespace().collect();
        let bytes = base64::engine::general_purpose::STANDARD.decode(joined).unwrap();
        return String::from_utf8(bytes).unwrap();
    }
    body.replace("=\r\n", "").replace("=\n", "")
}

#[test]
fn the_citizen_gets_a_confirmation_in_their_language_and_nothing_else() {
    let dir = TempDir::new("confirmation");
    for (db, url) in databases("confirmation", &dir.0) {
        let work = dir.0.join(db);
        let port = free_port();
        let _smtp = Counterpart::smtp(port, &work.join("smtp"), &[]);
        let server = Server::start(&site(&work, &url, &config(port)));

        let mut sent = Vec::new();
        for (name, lang, email) in [
            ("Mustermann", "de", Some("erika@example.org")),
            ("Smith", "en", Some("jane@example.org")),
            ("Kowalczyk", "uk", Some("olena@example.org")),
            ("Ohne", "de", None),
        ] {
            let mut payload = dog(name);
            payload["lang"] = lang.into();
            if let Some(email) = email {
                payload["answers"]["email"] = email.into();
            }
            let answer = server.submit("hund-anmelden", Some(&format!("c-{name}")), &payload.to_string());
            assert_eq!(answer.status, 201, "{db}: {}", answer.text());
            sent.push((name, lang, email, answer.json()["reference"].as_str().unwrap().to_owned()));
        }
        // Four to the office, three to citizens.
        wait_for(Duration::from_secs(30), "seven mails", || mails(&work.join("smtp")).len() == 7);
        std::thread::sleep(Duration::from_millis(300));
        let all = mails(&work.join("smtp"));
        assert_eq!(all.len(), 7, "{db}: nothing more");
        let to_citizens: Vec<&String> =
            all.iter().filter(|m| header(m, "To") != "hundesteuer@musterstadt.de").collect();
        assert_eq!(to_citizens.len(), 3, "{db}");

        for (name, lang, email, reference) in &sent {
            let Some(email) = email else {
                assert!(
                    to_citizens.iter().all(|m| !m.contains(reference.as_str())),
                    "{db}: no address, no mail"
                );
                continue;
            };
            let mail = to_citizens.iter().find(|m| header(m, "To") == *email).unwrap();
            assert_eq!(message_id(mail), format!("<{reference}.email+citizen@musterstadt.de>"), "{db}");
            assert_eq!(header(mail, "From"), "formulare@musterstadt.de");
            assert!(
                header(mail, "Content-Type").starts_with("text/plain"),
                "{db}: one plain part, no attachments"
            );
            assert!(!mail.contains("multipart") && !mail.contains("attachment"), "{db}: {mail}");
            let text = body(mail);
            assert!(text.contains(reference.as_str()), "{db}: {text}");
            for private in [*name, "Erika", "Bello", "Marktplatz", "48143"] {
                assert!(!text.contains(private), "{db}: {private:?} is not in a confirmation: {text}");
            }
            let (german, english) =
                (text.contains("Ihr Aktenzeichen"), text.contains("Your reference number"));
            // The words of the language's catalog (runtime/i18n/TAG.json), the citizen's language only.
            let ukrainian = text.contains("Ваш номер справи");
            match *lang {
                "de" => assert!(german && !english && !ukrainian, "{db}: German only: {text}"),
                "en" => assert!(english && !german && !ukrainian, "{db}: English only: {text}"),
                _ => assert!(ukrainian && !german && !english, "{db}: Ukrainian only for {lang}: {text}"),
            }
            // The time of receipt in the town's time zone (Europe/Berlin), the zone named as the
            // language names it, not the stored UTC.
            let received = server.pull(&format!("/api/v1/applications/{reference}")).json()["receivedAt"]
                .as_str()
                .unwrap()
                .to_owned();
            let (hour, minute): (u32, &str) = (received[11..13].parse().unwrap(), &received[14..16]);
            let (winter, summer) = match *lang {
                "de" => ("Uhr (MEZ)", "Uhr (MESZ)"),
                "en" => ("(CET)", "(CEST)"),
                _ => ("за центральноєвропейським часом", "за центральноєвропейським літнім часом"),
            };
            let offset = if text.contains(summer) { 2 } else { 1 };
            assert!(text.contains(winter) || text.contains(summer), "{db}: the zone in {lang}: {text}");
            let local = format!("{:02}:{minute}", (hour + offset) % 24);
            assert!(text.contains(&local), "{db}: {received} is {local} in Berlin: {text}");
            assert!(!text.contains("UTC"), "{db}: {text}");
        }
    }
}
