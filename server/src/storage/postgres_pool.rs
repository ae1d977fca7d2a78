//! The pool of `postgres` clients: idle connections kept for reuse, a broken one dropped.

use postgres::{Client, NoTls};

use super::StorageError;
use super::postgres::{Postgres, error};

/// Idle connections kept for reuse.
const POOL_SIZE: usize = 16;

/// A pooled connection, returned to the pool when dropped unless it broke.
pub(super) struct Pooled<'a> {
    pool: &'a Postgres,
    client: Option<Client>,
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Client;
    fn deref(&self) -> &Client {
        self.client.as_ref().expect("present until dropped") // ok: set in `connect`, taken only in drop
    }
}

impl std::ops::DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Client {
        self.client.as_mut().expect("present until dropped") // ok: set in `connect`, taken only in drop
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let Some(client) = self.client.take()
            && !client.is_closed()
            && let Ok(mut idle) = self.pool.idle.lock()
            && idle.len() < POOL_SIZE
        {
            idle.push(client);
        }
    }
}

impl Postgres {
    pub(super) fn connect(&self) -> Result<Pooled<'_>, StorageError> {
        let idle = self.idle.lock().ok().and_then(|mut idle| idle.pop());
        let client = match idle {
            Some(client) => client,
            None => self.config.connect(NoTls).map_err(error)?,
        };
        Ok(Pooled { pool: self, client: Some(client) })
    }
}
