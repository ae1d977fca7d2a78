//! Delivering every application to where the office works: the outbox worker and its channels
//! (`email.rs`, `folder.rs`, `webhook.rs`). Storing an application queues one delivery per
//! channel of its form in the same transaction (storage/outbox.rs); this worker claims due
//! deliveries under a lease, sends each on a blocking thread, and records the outcome: done
//! once the channel confirmed, else again later (exponential backoff with jitter), `failed`
//! after the configured attempts (visible in /metrics and the pull API; `formlotse-server
//! deliveries retry REF` queues it again).

pub mod confirmation;
pub mod email;
pub mod folder;
pub mod parcel;
pub mod webhook;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::config::delivery::{Delivery, Target};
use crate::config::{Config, FormConfig};
use crate::metrics::Metrics;
use crate::storage::{Claimed, Outcome, Storage};

/// The delivery worker's state, shared by its attempts.
#[derive(Debug)]
pub struct Outbox {
    storage: Arc<dyn Storage>,
    forms: BTreeMap<String, FormConfig>,
    settings: Delivery,
    fonts: formlotse_pdf::Fonts,
    /// The language catalogs the citizen's confirmation is written from.
    catalogs: Arc<formlotse_core::catalog::Catalogs>,
    metrics: Arc<Metrics>,
    /// Notified when an application was stored, so its deliveries start at once.
    pub wake: Arc<Notify>,
    /// This process's name on the leases it takes.
    owner: String,
}

/// Whether any form of `config` has a channel (else no worker is needed).
pub fn configured(config: &Config) -> bool {
    config.forms.values().any(|form| !form.channels.is_empty())
}

impl Outbox {
    /// The outbox of `config`; reads the PDF fonts once.
    pub fn new(
        config: &Config,
        storage: Arc<dyn Storage>,
        metrics: Arc<Metrics>,
        wake: Arc<Notify>,
    ) -> Result<Outbox, String> {
        let fonts = formlotse_pdf::Fonts::system_default().map_err(|e| e.to_string())?;
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).map_err(|e| e.to_string())?;
        let owner = random.iter().map(|b| format!("{b:02x}")).collect();
        Ok(Outbox {
            storage,
            forms: config.forms.clone(),
            settings: config.delivery.clone(),
            fonts,
            catalogs: config.catalogs.clone(),
            metrics,
            wake,
            owner,
        })
    }

    /// Claims up to `limit` due deliveries.
    fn claim(&self, limit: usize) -> Vec<Claimed> {
        let now = crate::clock::now_millis();
        let lease_until = now + i64::try_from(self.settings.lease.as_millis()).unwrap_or(i64::MAX / 2);
        let limit = u32::try_from(limit).unwrap_or(u32::MAX);
        match self.storage.claim_deliveries(now, lease_until, &self.owner, limit) {
            Ok(claimed) => claimed,
            Err(error) => {
                crate::log::warn("delivery claim failed", &[("what", &error.to_string())]);
                Vec::new()
            }
        }
    }

    /// One attempt of one delivery, recorded.
    fn attempt(&self, claimed: &Claimed) {
        let (kind, result) = self.send(claimed);
        let outcome = match result {
            Ok(()) => {
                self.metrics.delivered(kind);
                crate::log::info("delivered", &[("delivery", &claimed.id), ("channel", kind)]);
                Outcome::Done { at: crate::clock::now_rfc3339() }
            }
            Err(error) if claimed.attempts >= i64::from(self.settings.attempts) => {
                self.metrics.delivery_failed(kind);
                let attempts = claimed.attempts.to_string();
                crate::log::error(
                    "delivery failed",
                    &[
                        ("delivery", &claimed.id),
                        ("channel", kind),
                        ("attempts", &attempts),
                        ("what", &error),
                    ],
                );
                Outcome::Failed { error }
            }
            Err(error) => {
                self.metrics.attempt_failed(kind);
                let wait =
                    backoff(claimed.attempts, &self.settings, getrandom::u32().unwrap_or(u32::MAX / 2));
                crate::log::warn(
                    "delivery attempt failed",
                    &[("delivery", &claimed.id), ("channel", kind), ("what", &error)],
                );
                let at = crate::clock::now_millis() + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
                Outcome::Retry { at, error }
            }
        };
        if let Err(error) = self.storage.finish_delivery(&claimed.id, &self.owner, &outcome) {
            // The lease runs out and the delivery is tried again: a repeat, never a loss.
            crate::log::warn(
                "delivery not recorded",
                &[("delivery", &claimed.id), ("what", &error.to_string())],
            );
        }
    }

    /// Sends one delivery: its channel's kind, and whether the channel confirmed it.
    fn send(&self, claimed: &Claimed) -> (&'static str, Result<(), String>) {
        let form = self.forms.get(&claimed.form_id);
        let name = claimed.channel.strip_suffix(confirmation::SUFFIX).unwrap_or(&claimed.channel);
        let Some(channel) = form.and_then(|form| form.channels.iter().find(|c| c.name == name)) else {
            return ("unknown", Err(format!("channel {:?} is no longer configured", claimed.channel)));
        };
        if let (Some(form), Target::Email(email)) = (form, &channel.target)
            && name != claimed.channel
        {
            let sent =
                confirmation::deliver(email, &*self.storage, claimed, &form.definition, &self.catalogs);
            return ("confirmation", sent);
        }
        if name != claimed.channel {
            return ("confirmation", Err(format!("channel {name:?} is no longer an e-mail channel")));
        }
        let kind = match channel.target {
            Target::Email(_) => "email",
            Target::Folder(_) => "folder",
            Target::Webhook(_) => "webhook",
        };
        let Some(form) = form else { return (kind, Err("form gone".into())) };
        let public_url = self.settings.public_url.as_deref().unwrap_or("");
        let parcel = match parcel::make(&*self.storage, claimed, &form.definition, &self.fonts, public_url) {
            Ok(Some(parcel)) => parcel,
            Ok(None) => return (kind, Err("the application is gone".into())),
            Err(error) => return (kind, Err(error)),
        };
        let result = match &channel.target {
            Target::Email(email) => email::deliver(email, &parcel),
            Target::Folder(dir) => folder::deliver(dir, &parcel),
            Target::Webhook(hook) => webhook::deliver(hook, &parcel),
        };
        (kind, result)
    }
}

/// The wait before attempt `attempts + 1`: `first_retry` doubled per failed attempt, at most
/// `max_retry`, of which a random half ("equal jitter", from `random`) so that deliveries
/// failing together do not all return at the same moment.
pub fn backoff(attempts: i64, settings: &Delivery, random: u32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
    let full = settings.first_retry.saturating_mul(1u32 << doublings).min(settings.max_retry);
    let half = full / 2;
    half + half.mul_f64(f64::from(random) / f64::from(u32::MAX))
}

/// Works off the outbox, forever (the task ends with the runtime): at most `concurrency`
/// deliveries at a time, each on a blocking thread.
pub async fn run(outbox: Arc<Outbox>) {
    let mut running: JoinSet<()> = JoinSet::new();
    loop {
        let free = outbox.settings.concurrency.saturating_sub(running.len());
        if free > 0 {
            let claimer = outbox.clone();
            let claimed = tokio::task::spawn_blocking(move || claimer.claim(free)).await.unwrap_or_default();
            let found = !claimed.is_empty();
            for item in claimed {
                let outbox = outbox.clone();
                running.spawn_blocking(move || outbox.attempt(&item));
            }
            if found {
                continue;
            }
        }
        tokio::select! {
            Some(_) = running.join_next(), if !running.is_empty() => {}
            () = outbox.wake.notified() => {}
            () = tokio::time::sleep(outbox.settings.poll) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_limit_with_jitter() {
        let settings = Delivery {
            first_retry: Duration::from_millis(100),
            max_retry: Duration::from_millis(1000),
            ..Delivery::default()
        };
        let ms = |attempts, random| backoff(attempts, &settings, random).as_millis();
        // (attempts, no jitter drawn, all jitter drawn)
        for (attempts, low, high) in
            [(1, 50, 100), (2, 100, 200), (3, 200, 400), (4, 400, 800), (5, 500, 1000), (40, 500, 1000)]
        {
            assert_eq!(ms(attempts, 0), low, "attempt {attempts}");
            assert_eq!(ms(attempts, u32::MAX), high, "attempt {attempts}");
        }
    }
}
