//! The real counterparts of the delivery tests, started as processes on 127.0.0.1: an SMTP
//! server (Python's aiosmtpd) and a webhook receiver that checks signatures with its own code
//! (counterparts/*.py), each with the faults of the test's choosing, and what they received.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A webhook secret for the tests (`whsec_` and the base64 of 32 bytes).
pub const WEBHOOK_SECRET: &str = "whsec_dGVzdC1zZWNyZXQtZm9ybWxvdHNlLTAxMjM0NTY3ODk=";

/// The Python that has aiosmtpd: Debian's (`cargo xtask test` installs python3-aiosmtpd),
/// else the first on the PATH.
fn python() -> &'static str {
    if Path::new("/usr/bin/python3").exists() { "/usr/bin/python3" } else { "python3" }
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A counterpart process; stopped when dropped.
pub struct Counterpart {
    child: Child,
    pub port: u16,
    pub out: PathBuf,
}

impl Counterpart {
    fn start(script: &str, port: u16, out: &Path, args: &[&str]) -> Counterpart {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/counterparts").join(script);
        let mut child = Command::new(python())
            .arg(&script)
            .args(["--port", &port.to_string(), "--out"])
            .arg(out)
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", script.display()));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        assert_eq!(
            line.trim(),
            "listening",
            "{} did not start (is python3-aiosmtpd installed?)",
            script.display()
        );
        Counterpart { child, port, out: out.to_path_buf() }
    }

    /// An SMTP server on `port` with `faults` (`--refuse 451:2`, `--close 1`).
    pub fn smtp(port: u16, out: &Path, faults: &[&str]) -> Counterpart {
        Counterpart::start("smtp.py", port, out, faults)
    }

    /// An SMTP server that speaks TLS (`"starttls"` or `"tls"`) with the certificate of `cert`,
    /// and requires AUTH with `auth` (`USER:PASS`) once encrypted.
    pub fn smtp_tls(port: u16, out: &Path, mode: &str, cert: &TestCa, auth: &str) -> Counterpart {
        let (pem, key) = (cert.server_pem.to_str().unwrap(), cert.server_key.to_str().unwrap());
        Counterpart::smtp(port, out, &["--tls", mode, "--cert", pem, "--key", key, "--auth", auth])
    }

    /// A webhook receiver on `port` with `faults` (`--fail 500:2`, `--hang 1:5`, `--delay 1`).
    pub fn webhook(port: u16, out: &Path, faults: &[&str]) -> Counterpart {
        let mut args = vec!["--secret", WEBHOOK_SECRET];
        args.extend_from_slice(faults);
        Counterpart::start("webhook.py", port, out, &args)
    }

    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Counterpart {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The messages an SMTP counterpart accepted, in order.
pub fn mails(out: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(out)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "eml"));
    files.sort();
    files.iter().map(|f| String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned()).collect()
}

/// The `Message-ID` of a message.
pub fn message_id(mail: &str) -> String {
    mail.lines()
        .find_map(|line| line.strip_prefix("Message-ID: "))
        .unwrap_or_else(|| panic!("no Message-ID in {mail}"))
        .trim()
        .to_owned()
}

/// The webhook ids a webhook counterpart verified and accepted, in order; and how many it
/// rejected for a bad signature.
pub fn hooks(out: &Path) -> (Vec<String>, usize) {
    let read = |name: &str| std::fs::read_to_string(out.join(name)).unwrap_or_default();
    let received = read("received.log").lines().map(|l| l.split(' ').next().unwrap().to_owned()).collect();
    (received, read("rejected.log").lines().count())
}

/// Waits until `done` holds, at most `limit`.
pub fn wait_for(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A certificate authority made for one test (openssl), and a server certificate it signed for
/// 127.0.0.1 and localhost.
pub struct TestCa {
    /// The CA certificate (PEM): what the server is told to trust (`ca_file`).
    pub ca_pem: PathBuf,
    pub server_pem: PathBuf,
    pub server_key: PathBuf,
}

impl TestCa {
    pub fn new(dir: &Path) -> TestCa {
        std::fs::create_dir_all(dir).unwrap();
        let openssl = |args: &[&str]| {
            let out = Command::new("openssl").args(args).current_dir(dir).output().expect("openssl runs");
            assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        };
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        let ca = [
            "-subj",
            "/CN=Formlotse Test CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ];
        let files = ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2"];
        openssl(&[&["req", "-x509"], &ec[..], &ca[..], &files[..]].concat());
        std::fs::write(
            dir.join("server.ext"),
            "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
        )
        .unwrap();
        openssl(
            &[&["req"], &ec[..], &["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]]
                .concat(),
        );
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "server.ext",
        ]);
        TestCa {
            ca_pem: dir.join("ca.pem"),
            server_pem: dir.join("server.pem"),
            server_key: dir.join("server.key"),
        }
    }
}
