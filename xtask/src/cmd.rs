//! Running commands: echo what runs, fail with the command's name.

use crate::Result;
use std::path::Path;
use std::process::Command;

/// Builds a command in `dir`.
pub(crate) fn command(program: &str, args: &[&str], dir: &Path) -> Command {
    let mut command = Command::new(program);
    command.args(args).current_dir(dir);
    command
}

/// Runs a command to completion, with its output on the terminal.
pub(crate) fn run(mut command: Command) -> Result {
    let line = describe(&command);
    eprintln!("$ {line}");
    let status = command.status().map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("`{line}` failed ({status})")) }
}

/// Runs a command to completion and returns its standard output (its errors stay on the
/// terminal); an error names the command when it cannot start or fails.
pub(crate) fn run_for_stdout(mut command: Command) -> Result<String> {
    let line = describe(&command);
    eprintln!("$ {line}");
    command.stderr(std::process::Stdio::inherit());
    let output = command.output().map_err(|e| format!("cannot start `{line}`: {e}"))?;
    if !output.status.success() {
        return Err(format!("`{line}` failed ({})", output.status));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Runs a command and returns its standard output, or `None` when it cannot run or fails.
pub(crate) fn output(mut command: Command) -> Option<String> {
    let output = command.output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The command line as text, for messages.
pub(crate) fn describe(command: &Command) -> String {
    let mut line = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        line.push(' ');
        line.push_str(&arg.to_string_lossy());
    }
    line
}
