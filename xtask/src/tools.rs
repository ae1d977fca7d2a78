//! Installing what the build and tests need, so a fresh machine works with `cargo xtask`.

use crate::Result;
use crate::cmd::{command, output, run};
use std::path::{Path, PathBuf};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm32 target of the active toolchain, and the standard library's sources, from which
/// `dist` builds the wasm's own small standard library (`dist.rs`, `STD_BUILD`).
pub(crate) fn ensure_wasm_toolchain(root: &Path) -> Result {
    let installed = output(command("rustup", &["target", "list", "--installed"], root)).unwrap_or_default();
    if !installed.lines().any(|line| line.trim() == WASM_TARGET) {
        run(command("rustup", &["target", "add", WASM_TARGET], root))
            .map_err(|e| format!("{e}\nInstall the target yourself: rustup target add {WASM_TARGET}"))?;
    }
    let components =
        output(command("rustup", &["component", "list", "--installed"], root)).unwrap_or_default();
    if !components.lines().any(|line| line.trim() == "rust-src") {
        run(command("rustup", &["component", "add", "rust-src"], root))
            .map_err(|e| format!("{e}\nInstall the sources yourself: rustup component add rust-src"))?;
    }
    Ok(())
}

/// `wasm-bindgen` of exactly the version in Cargo.lock (the CLI and the library must match).
pub(crate) fn ensure_wasm_bindgen(root: &Path) -> Result<PathBuf> {
    let version = locked_version(root, "wasm-bindgen")?;
    let have = output(command("wasm-bindgen", &["--version"], root)).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(version.as_str()) {
        run(command("cargo", &["install", "wasm-bindgen-cli", "--version", &version], root)).map_err(
            |e| format!("{e}\nInstall it yourself: cargo install wasm-bindgen-cli --version {version}"),
        )?;
    }
    Ok(PathBuf::from("wasm-bindgen"))
}

/// The version of `package` recorded in Cargo.lock.
fn locked_version(root: &Path, package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"")
            && let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_owned());
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}

/// The npm packages of `tests/` (playwright-core, axe-core, binaryen's wasm-opt, terser), as locked.
pub(crate) fn ensure_npm_packages(root: &Path) -> Result {
    npm_ci(root, &root.join("tests"))
}

/// The npm packages of `bench/` (the peers SurveyJS and Form.io, playwright-core), as locked.
/// They stay in bench/node_modules: nothing of them goes into dist/.
pub(crate) fn ensure_bench_packages(root: &Path) -> Result {
    npm_ci(root, &root.join("bench"))
}

/// `npm ci` in `dir`, unless its node_modules is newer than its package-lock.json.
fn npm_ci(root: &Path, dir: &Path) -> Result {
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (std::fs::metadata(&stamp), std::fs::metadata(&lock)) {
        (Ok(stamp), Ok(lock)) => match (stamp.modified(), lock.modified()) {
            (Ok(stamp), Ok(lock)) => stamp >= lock,
            _ => false,
        },
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if output(command("npm", &["--version"], root)).is_none() {
        return Err("npm is missing: install Node.js 20 or newer (apt-get install nodejs npm)".into());
    }
    let mut npm = command("npm", &["ci", "--no-audit", "--no-fund"], dir);
    // Browsers come from Debian, never from a download.
    npm.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(npm)
}

/// `wasm-opt` from the npm package `binaryen` (Debian's is too old for current rustc output).
pub(crate) fn wasm_opt(root: &Path) -> Result<PathBuf> {
    ensure_npm_packages(root)?;
    let path = root.join("tests/node_modules/.bin/wasm-opt");
    if path.exists() { Ok(path) } else { Err(format!("{} is missing after npm ci", path.display())) }
}

/// The path of Debian's Chromium, installing it through apt when running as root.
pub(crate) fn ensure_chromium(root: &Path) -> Result<PathBuf> {
    let chromium = PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    if chromium.exists() {
        return Ok(chromium);
    }
    let is_root = output(command("id", &["-u"], root)).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "Chromium is missing at {}. Install it: sudo apt-get install chromium chromium-driver \
             (or set CHROMIUM to a Chromium binary)",
            chromium.display()
        ));
    }
    run(command("apt-get", &["update"], root))?;
    let mut install = command(
        "apt-get",
        &["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"],
        root,
    );
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(install)?;
    if chromium.exists() {
        Ok(chromium)
    } else {
        Err(format!("apt installed chromium, but {} is missing", chromium.display()))
    }
}

/// What the PDF tests read with: DejaVu Sans (the PDF's default font, `fonts-dejavu-core`),
/// poppler's `pdftotext`/`pdfinfo`/`pdffonts` and `qpdf`; installed through apt when root.
pub(crate) fn ensure_pdf_tools(root: &Path) -> Result {
    let font = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    // A tool that starts at all is installed (poppler's exit codes for -v differ by version).
    let installed = |tool: &str| command(tool, &["-v"], root).output().is_ok();
    if font.exists() && ["pdftotext", "pdfinfo", "pdffonts", "qpdf"].into_iter().all(installed) {
        return Ok(());
    }
    let is_root = output(command("id", &["-u"], root)).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err("the PDF tests need DejaVu Sans, poppler and qpdf: \
                    sudo apt-get install fonts-dejavu-core poppler-utils qpdf"
            .into());
    }
    run(command("apt-get", &["update"], root))?;
    let packages = ["install", "-y", "--no-install-recommends", "fonts-dejavu-core", "poppler-utils", "qpdf"];
    let mut install = command("apt-get", &packages, root);
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(install)
}

/// The delivery tests' SMTP server: Debian's `python3-aiosmtpd` (the tests run
/// /usr/bin/python3 with it; the webhook receiver beside it needs only Python's standard library),
/// and `openssl`, which makes the certificates of the TLS tests.
pub(crate) fn ensure_smtp_server(root: &Path) -> Result {
    let python = Path::new("/usr/bin/python3");
    let check = command("/usr/bin/python3", &["-c", "import aiosmtpd"], root).output();
    let openssl = command("openssl", &["version"], root).output().is_ok_and(|o| o.status.success());
    if python.exists() && check.is_ok_and(|o| o.status.success()) && openssl {
        return Ok(());
    }
    let is_root = output(command("id", &["-u"], root)).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(
            "the delivery tests need aiosmtpd and openssl: sudo apt-get install python3-aiosmtpd openssl"
                .into(),
        );
    }
    run(command("apt-get", &["update"], root))?;
    let mut install = command(
        "apt-get",
        &["install", "-y", "--no-install-recommends", "python3-aiosmtpd", "openssl"],
        root,
    );
    install.env("DEBIAN_FRONTEND", "noninteractive");
    run(install)
}
