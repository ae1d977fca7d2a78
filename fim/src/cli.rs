//! The command line: `SCHEMA.xml [--codelists DIR] [--out FORM.json]`. The definition goes to
//! `--out` (or standard output), the report to standard error as `SCHEMA.xml:line: message`
//! lines and a summary. Exit status 0 when imported (notes or not), 1 when the schema cannot
//! be imported, 2 for a wrong command line.

use crate::error::{ImportError, ImportErrorKind};
use crate::genericode::CodeLists;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// How to call it.
pub const USAGE: &str = "usage: import-fim SCHEMA.xml [--codelists DIR] [--out FORM.json]
  SCHEMA.xml        an XDatenfelder 2.0 or 3.0 Stammdatenschema or Datenfeldgruppe message
  --codelists DIR   genericode code lists (*.xml, *.gc) the schema names
  --out FORM.json   where to write the definition (default: standard output)";

/// Runs the command with `args` (the arguments after the program or sub-command name).
pub fn run_cli(args: &[String]) -> ExitCode {
    let status = run(args, &mut std::io::stdout().lock(), &mut std::io::stderr().lock());
    ExitCode::from(status)
}

#[derive(Debug, PartialEq, Eq)]
struct Options {
    schema: PathBuf,
    code_lists: Option<PathBuf>,
    out: Option<PathBuf>,
}

fn parse(args: &[String]) -> Result<Options, String> {
    let mut schema = None;
    let mut code_lists = None;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--codelists" | "--out" => {
                let value = args.next().ok_or_else(|| format!("{arg} needs a value"))?;
                let slot = if arg == "--out" { &mut out } else { &mut code_lists };
                *slot = Some(PathBuf::from(value));
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            path if schema.is_none() => schema = Some(PathBuf::from(path)),
            extra => return Err(format!("one schema at a time ({extra} is a second)")),
        }
    }
    Ok(Options { schema: schema.ok_or("which schema? name SCHEMA.xml")?, code_lists, out })
}

/// The command, writing to `stdout` and `stderr`; returns the exit status.
pub(crate) fn run(args: &[String], stdout: &mut dyn Write, stderr: &mut dyn Write) -> u8 {
    let options = match parse(args) {
        Ok(options) => options,
        Err(problem) => {
            if !problem.is_empty() {
                let _ = writeln!(stderr, "{problem}");
            }
            let _ = writeln!(stderr, "{USAGE}");
            return 2;
        }
    };
    let name = options.schema.display().to_string();
    let fail = |stderr: &mut dyn Write, error: &ImportError| {
        let _ = match error.line {
            Some(line) => writeln!(stderr, "{name}:{line}: {} ({})", error.message, error.kind.code()),
            None => writeln!(stderr, "{name}: {} ({})", error.message, error.kind.code()),
        };
        1
    };
    let code_lists = match &options.code_lists {
        Some(dir) => match CodeLists::load_dir(dir) {
            Ok(lists) => lists,
            Err(error) => return fail(stderr, &error),
        },
        None => CodeLists::new(),
    };
    let imported = read_limited(&options.schema).and_then(|xml| crate::import(&xml, &code_lists));
    let imported = match imported {
        Ok(imported) => imported,
        Err(error) => return fail(stderr, &error),
    };
    let written = match &options.out {
        Some(path) => std::fs::write(path, &imported.json).map_err(|e| {
            ImportError::new(ImportErrorKind::Io, None, format!("cannot write {}: {e}", path.display()))
        }),
        None => stdout.write_all(imported.json.as_bytes()).map_err(|e| {
            ImportError::new(ImportErrorKind::Io, None, format!("cannot write the definition: {e}"))
        }),
    };
    if let Err(error) = written {
        return fail(stderr, &error);
    }
    let _ = stderr.write_all(imported.report.render(&name).as_bytes());
    0
}

/// A file's text, refusing one over [`crate::MAX_INPUT_BYTES`] before reading it.
pub(crate) fn read_limited(path: &Path) -> Result<String, ImportError> {
    let io = |e: std::io::Error| {
        ImportError::new(ImportErrorKind::Io, None, format!("cannot read {}: {e}", path.display()))
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > crate::MAX_INPUT_BYTES as u64 {
        return Err(crate::xml::too_large(size));
    }
    let mut text = String::new();
    // A file that grows while read still stops at the limit.
    file.take(crate::MAX_INPUT_BYTES as u64 + 1).read_to_string(&mut text).map_err(io)?;
    if text.len() > crate::MAX_INPUT_BYTES {
        return Err(crate::xml::too_large(text.len() as u64));
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
