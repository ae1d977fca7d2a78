//! Structured logs: one JSON object per line on stderr, `{"time", "level", "event", …}`.
//! Only references, form ids, codes, counts and durations are ever logged: never answers,
//! names, file names or tokens (a log is read by more people than the applications are).

use std::io::Write;

/// Writes one line at level `info`.
pub fn info(event: &str, fields: &[(&str, &str)]) {
    write("info", event, fields);
}

/// Writes one line at level `warn`.
pub fn warn(event: &str, fields: &[(&str, &str)]) {
    write("warn", event, fields);
}

/// Writes one line at level `error`.
pub fn error(event: &str, fields: &[(&str, &str)]) {
    write("error", event, fields);
}

fn write(level: &str, event: &str, fields: &[(&str, &str)]) {
    let mut line = serde_json::Map::new();
    line.insert("time".into(), crate::clock::now_rfc3339().into());
    line.insert("level".into(), level.into());
    line.insert("event".into(), event.into());
    for (name, value) in fields {
        line.insert((*name).into(), (*value).into());
    }
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{}", serde_json::Value::Object(line));
}
