//! The command line, parsed by hand: one subcommand and a handful of flags do not justify a
//! parser dependency in a dev tool.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The usage text, printed for `--help` and after every usage error.
pub const USAGE: &str = "\
Usage: formlotse-demo [serve] [OPTIONS]
       formlotse-demo check FILE.json...

serve: serves the Formlotse demo page, dist/, the sample forms and a receiving
endpoint that checks submissions against their form and stores them in SQLite.

check: prints every problem of each form definition as FILE:LINE:COLUMN: message
(of a language catalog: its missing and extra words, wrong placeholders) and exits
with 1 when there is one.

Options:
  --host HOST       address to listen on (default 127.0.0.1)
  --port PORT       port to listen on; 0 picks a free one (default 8080)
  --data-dir DIR    where submissions.sqlite3 lives (default <workspace>/data)
  --dist DIR        files served under /formlotse/ (default <workspace>/dist)
  --site DIR        the demo site served at / (default <workspace>/demo/site)
  --forms DIR       form definitions served under /formulare/ (default <workspace>/demo/forms)
  --fixtures DIR    test fixtures served under /fixtures/ (not served unless given)
  -h, --help        print this help

Values may also be given as --flag=VALUE.";

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Print [`USAGE`] and exit successfully.
    Help,
    /// Run the server with these settings.
    Serve(ServeOptions),
    /// Check these definition (or language catalog) files and report their diagnostics.
    Check(Vec<PathBuf>),
}

/// The settings of `formlotse-demo serve`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServeOptions {
    /// Host name or IP address to bind.
    pub host: String,
    /// Port to bind; 0 lets the operating system choose.
    pub port: u16,
    /// Directory of the SQLite database; created if missing.
    pub data_dir: PathBuf,
    /// Directory served under `/formlotse/` (the output of `cargo xtask dist`).
    pub dist: PathBuf,
    /// Directory served at `/` (the demo page).
    pub site: PathBuf,
    /// Directory served under `/formulare/` (JSON form definitions).
    pub forms: PathBuf,
    /// Directory served under `/fixtures/`; the route exists only when this is set.
    pub fixtures: Option<PathBuf>,
}

impl ServeOptions {
    /// The defaults, relative to the workspace this binary was built from, so that
    /// `cargo run -p formlotse-demo` works from any working directory.
    pub fn defaults() -> ServeOptions {
        let root = workspace_root();
        ServeOptions {
            host: "127.0.0.1".to_owned(),
            port: 8080,
            data_dir: root.join("data"),
            dist: root.join("dist"),
            site: root.join("demo/site"),
            forms: root.join("demo/forms"),
            fixtures: None,
        }
    }
}

/// A command line that cannot be run; `main` prints it with [`USAGE`] and exits with 2.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

/// The workspace root: the parent of this crate's manifest directory.
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The manifest directory is absolute, so it always has a parent; `..` is the fallback that
    // means the same thing should that ever not hold.
    manifest.parent().map_or_else(|| manifest.join(".."), Path::to_path_buf)
}

/// Parses the arguments after the program name. Takes `OsString`s because
/// `std::env::args` panics on arguments that are not UTF-8, and paths need not be.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter().peekable();
    if args.peek().is_some_and(|first| first == "check") {
        args.next();
        let files: Vec<PathBuf> = args.map(PathBuf::from).collect();
        if files.iter().any(|file| file.as_os_str() == "--help" || file.as_os_str() == "-h") {
            return Ok(Command::Help);
        }
        if files.is_empty() {
            return Err(UsageError("check needs at least one definition file".to_owned()));
        }
        return Ok(Command::Check(files));
    }
    if args.peek().is_some_and(|first| first == "serve") {
        args.next();
    }
    let mut options = ServeOptions::defaults();
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            return Err(UsageError(format!("unexpected argument {}", arg.to_string_lossy())));
        };
        if text == "--help" || text == "-h" {
            return Ok(Command::Help);
        }
        if !text.starts_with("--") {
            return Err(UsageError(format!("unexpected argument {text}")));
        }
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), Some(OsString::from(value))),
            None => (text.to_owned(), None),
        };
        if !matches!(
            flag.as_str(),
            "--host" | "--port" | "--data-dir" | "--dist" | "--site" | "--forms" | "--fixtures"
        ) {
            return Err(UsageError(format!("unknown flag {flag}")));
        }
        let value = match inline {
            Some(value) => value,
            // A following flag is not a value: `--data-dir --port 1` is a forgotten value, and
            // silently creating a directory named `--port` would hide that.
            None => match args.next_if(|next| !next.to_string_lossy().starts_with("--")) {
                Some(value) => value,
                None => return Err(UsageError(format!("missing value for {flag}"))),
            },
        };
        match flag.as_str() {
            "--host" => options.host = utf8(&flag, value)?,
            "--port" => {
                let text = utf8(&flag, value)?;
                options.port = text.parse().map_err(|_| {
                    UsageError(format!("--port needs a number from 0 to 65535, not {text:?}"))
                })?;
            }
            "--data-dir" => options.data_dir = value.into(),
            "--dist" => options.dist = value.into(),
            "--site" => options.site = value.into(),
            "--forms" => options.forms = value.into(),
            _ => options.fixtures = Some(value.into()),
        }
    }
    if options.host.is_empty() {
        return Err(UsageError("--host must not be empty".to_owned()));
    }
    Ok(Command::Serve(options))
}

/// The value of `flag` as text, for the flags that are not paths.
fn utf8(flag: &str, value: OsString) -> Result<String, UsageError> {
    value.into_string().map_err(|value| {
        UsageError(format!("the value of {flag} is not valid UTF-8: {}", value.to_string_lossy()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_strs(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn serve(args: &[&str]) -> ServeOptions {
        match parse_strs(args) {
            Ok(Command::Serve(options)) => options,
            other => panic!("{args:?} gave {other:?}"),
        }
    }

    #[test]
    fn no_arguments_serve_with_workspace_defaults() {
        let options = serve(&[]);
        assert_eq!(options, ServeOptions::defaults());
        assert_eq!(options.port, 8080);
        assert_eq!(options.host, "127.0.0.1");
        assert!(options.site.ends_with("demo/site"));
        assert!(
            options.dist.parent().is_some_and(|root| root.join("demo/Cargo.toml").is_file()),
            "dist is under the workspace root"
        );
        assert_eq!(options.fixtures, None);
    }

    #[test]
    fn serve_subcommand_and_every_flag() {
        let options = serve(&[
            "serve",
            "--host",
            "0.0.0.0",
            "--port=0",
            "--data-dir",
            "/d",
            "--dist",
            "/x",
            "--site=/s",
            "--forms",
            "/f",
            "--fixtures",
            "/t",
        ]);
        assert_eq!(options.host, "0.0.0.0");
        assert_eq!(options.port, 0);
        assert_eq!(options.data_dir, PathBuf::from("/d"));
        assert_eq!(options.dist, PathBuf::from("/x"));
        assert_eq!(options.site, PathBuf::from("/s"));
        assert_eq!(options.forms, PathBuf::from("/f"));
        assert_eq!(options.fixtures, Some(PathBuf::from("/t")));
    }

    #[test]
    fn check_takes_files() {
        assert_eq!(
            parse_strs(&["check", "a.json", "b.json"]),
            Ok(Command::Check(vec![PathBuf::from("a.json"), PathBuf::from("b.json")]))
        );
        assert_eq!(
            parse_strs(&["check"]),
            Err(UsageError("check needs at least one definition file".to_owned()))
        );
    }

    #[test]
    fn help_wins_wherever_it_stands() {
        assert_eq!(parse_strs(&["--help"]), Ok(Command::Help));
        assert_eq!(parse_strs(&["serve", "--port", "1", "-h"]), Ok(Command::Help));
    }

    #[test]
    fn usage_errors_name_the_problem() {
        let error = |args: &[&str]| match parse_strs(args) {
            Err(UsageError(message)) => message,
            other => panic!("{args:?} gave {other:?}"),
        };
        assert_eq!(error(&["--verbose"]), "unknown flag --verbose");
        assert_eq!(error(&["--verbose=1"]), "unknown flag --verbose");
        assert_eq!(error(&["--port"]), "missing value for --port");
        assert_eq!(error(&["--data-dir", "--port", "1"]), "missing value for --data-dir");
        assert_eq!(error(&["--port", "http"]), "--port needs a number from 0 to 65535, not \"http\"");
        assert_eq!(error(&["--port", "65536"]), "--port needs a number from 0 to 65535, not \"65536\"");
        assert_eq!(error(&["run"]), "unexpected argument run");
        assert_eq!(error(&["serve", "serve"]), "unexpected argument serve");
        assert_eq!(error(&["--host="]), "--host must not be empty");
    }
}
