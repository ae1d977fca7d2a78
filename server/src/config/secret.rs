//! Secrets in the configuration are never plain text: a bearer token is given as its SHA-256
//! (`sha256:` and 64 hex digits, made with `formlotse-server hash-token`), or as `env:NAME`,
//! read from the environment at start-up (systemd's `LoadCredential`, a container secret).

/// Why a secret cannot be used.
#[derive(Debug, PartialEq, Eq)]
pub enum SecretError {
    /// Neither `sha256:…` nor `env:NAME`.
    Plain,
    /// `env:NAME` with `NAME` not set (or empty).
    Unset(String),
    /// `sha256:` without 64 hex digits.
    BadHash,
}

impl std::fmt::Display for SecretError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretError::Plain => f.write_str(
                "a token must be \"sha256:<64 hex digits>\" (see `formlotse-server hash-token`) or \"env:NAME\", never the token itself",
            ),
            SecretError::Unset(name) => write!(f, "the environment variable {name} is not set"),
            SecretError::BadHash => f.write_str("after \"sha256:\" come exactly 64 hex digits"),
        }
    }
}

/// The SHA-256 (lower-case hex) of the token the configuration value stands for.
pub fn token_hash(value: &str) -> Result<String, SecretError> {
    if let Some(hash) = value.strip_prefix("sha256:") {
        return if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(hash.to_ascii_lowercase())
        } else {
            Err(SecretError::BadHash)
        };
    }
    let token = env_value(value)?;
    Ok(formlotse_core::sha256::hex(token.as_bytes()))
}

/// The value of an `env:NAME` reference, or `value` itself when it is no reference.
pub fn resolve(value: &str) -> Result<String, SecretError> {
    if value.starts_with("env:") { env_value(value) } else { Ok(value.to_owned()) }
}

fn env_value(value: &str) -> Result<String, SecretError> {
    let name = value.strip_prefix("env:").ok_or(SecretError::Plain)?;
    match std::env::var(name) {
        Ok(token) if !token.is_empty() => Ok(token),
        _ => Err(SecretError::Unset(name.to_owned())),
    }
}

/// Whether `a` and `b` are equal, in a time that does not depend on where they differ.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_hashes_or_environment_references() {
        let hash = formlotse_core::sha256::hex(b"geheim");
        assert_eq!(token_hash(&format!("sha256:{}", hash.to_ascii_uppercase())), Ok(hash.clone()));
        assert_eq!(token_hash("geheim"), Err(SecretError::Plain));
        assert_eq!(token_hash("sha256:abc"), Err(SecretError::BadHash));
        assert_eq!(
            token_hash("env:FORMLOTSE_TEST_SURELY_UNSET"),
            Err(SecretError::Unset("FORMLOTSE_TEST_SURELY_UNSET".into()))
        );
        assert_eq!(
            token_hash("env:PATH"),
            Ok(formlotse_core::sha256::hex(std::env::var("PATH").unwrap().as_bytes()))
        );
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("abc", "ab"));
    }
}
