//! `formlotse-fim SCHEMA.xml [--codelists DIR] [--out FORM.json]`: imports a FIM XDatenfelder
//! schema as a Formlotse definition (see docs/fim-import.md).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    formlotse_fim::run_cli(&args)
}
