//! `cargo xtask demo`: build dist/ and serve the demo.

use crate::cmd::{command, run};
use crate::{Result, dist, root};

/// Builds dist/ and runs the demo server in the foreground; extra arguments (`--port N`,
/// `--data-dir DIR`) go to the server.
pub(crate) fn demo(args: &[String]) -> Result {
    dist::dist()?;
    let root = root();
    let mut server = command("cargo", &["run", "--package", "formlotse-demo", "--", "serve"], &root);
    server.args(args);
    run(server)
}
