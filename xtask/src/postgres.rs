//! A real PostgreSQL server for the tests: Debian's `postgresql` package (installed with apt
//! when missing and we are root), a fresh cluster in a temporary directory, on a free loopback
//! port, run as the unprivileged `postgres` user (the server refuses root). Stopped and removed
//! when dropped, so also when a test fails.

use crate::Result;
use crate::cmd::{command, output, run};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A running cluster.
pub(crate) struct Postgres {
    bin: PathBuf,
    data: PathBuf,
    as_postgres: bool,
    /// `postgres://postgres@127.0.0.1:PORT/postgres`.
    pub(crate) url: String,
}

/// The newest `/usr/lib/postgresql/N/bin` with `initdb` in it.
fn find_bin() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn is_root(root: &Path) -> bool {
    output(command("id", &["-u"], root)).is_some_and(|uid| uid.trim() == "0")
}

impl Postgres {
    /// Installs (if needed), initialises and starts a cluster.
    pub(crate) fn start(root: &Path) -> Result<Postgres> {
        let as_postgres = is_root(root);
        let bin = match find_bin() {
            Some(bin) => bin,
            None if as_postgres => {
                run(command("apt-get", &["install", "-y", "--no-install-recommends", "postgresql"], root))?;
                find_bin().ok_or("apt installed postgresql, but no /usr/lib/postgresql/N/bin/initdb")?
            }
            None => return Err("PostgreSQL is missing: apt-get install postgresql (as root)".into()),
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|e| format!("no free port: {e}"))?
            .port();
        let data = std::env::temp_dir().join(format!("formlotse-postgres-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).map_err(|e| format!("cannot create {}: {e}", data.display()))?;
        let postgres = Postgres {
            bin,
            data,
            as_postgres,
            url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        };
        if as_postgres {
            run(command("chown", &["postgres:postgres", &postgres.data.display().to_string()], root))?;
        }
        let data = postgres.data.display().to_string();
        run(postgres
            .tool("initdb", &["-D", &data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]))?;
        let options = format!("-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=200");
        let log = format!("{data}/server.log");
        run(postgres.tool("pg_ctl", &["-D", &data, "-o", &options, "-l", &log, "-w", "start"]))?;
        eprintln!("PostgreSQL for the tests: {}", postgres.url);
        Ok(postgres)
    }

    /// A new database in the cluster; its URL.
    pub(crate) fn create_database(&self, name: &str) -> Result<String> {
        let (host, port) = self
            .url
            .trim_start_matches("postgres://postgres@")
            .split_once('/')
            .map(|(a, _)| a)
            .and_then(|a| a.split_once(':'))
            .ok_or("bad URL")?;
        run(self.tool("createdb", &["-h", host, "-p", port, "-U", "postgres", name]))?;
        Ok(format!("postgres://postgres@{host}:{port}/{name}"))
    }

    /// A PostgreSQL program, run as the `postgres` user when we are root.
    fn tool(&self, name: &str, args: &[&str]) -> Command {
        let program = self.bin.join(name).display().to_string();
        let mut command = if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--", &program]);
            command
        } else {
            Command::new(&program)
        };
        command.args(args).current_dir(std::env::temp_dir());
        command
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.data.display().to_string();
        let _ = self.tool("pg_ctl", &["-D", &data, "-m", "fast", "-w", "stop"]).status();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}
