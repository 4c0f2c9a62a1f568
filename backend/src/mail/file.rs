//! The file transport: one `.eml` file per mail, named so that sorting by name sorts by time.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use lettre::Message;

/// A directory mail is written to (created on first use).
pub struct MailDir {
    path: PathBuf,
}

/// Orders mails written within the same millisecond.
static COUNTER: AtomicU64 = AtomicU64::new(0);

impl MailDir {
    pub fn new(path: PathBuf) -> Self {
        MailDir { path }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes each message as `<unix-millis>-<counter>-<random>.eml`. A message is written to a
    /// hidden temporary name first and renamed, so a reader never sees half a mail.
    pub async fn write(&self, messages: Vec<(String, Message)>) {
        if let Err(e) = tokio::fs::create_dir_all(&self.path).await {
            crate::log_line!(
                "cannot create the mail directory {}: {e}",
                self.path.display()
            );
            return;
        }
        for (to, message) in messages {
            let name = file_name(
                crate::clock::now_millis(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
            );
            let partial = self.path.join(format!(".{name}.partial"));
            let done = self.path.join(&name);
            let written = async {
                tokio::fs::write(&partial, message.formatted()).await?;
                tokio::fs::rename(&partial, &done).await
            };
            if let Err(e) = written.await {
                crate::log_line!("mail to {to} not written: {e}");
                let _ = tokio::fs::remove_file(&partial).await;
            }
        }
    }
}

/// Fixed-width numbers keep name order and time order the same.
fn file_name(millis: i128, counter: u64) -> String {
    format!(
        "{millis:015}-{counter:08}-{}.eml",
        crate::tokens::random_token(6)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_in_time_order() {
        let a = file_name(1_700_000_000_999, 7);
        let b = file_name(1_700_000_001_000, 8);
        let c = file_name(1_700_000_001_000, 10);
        assert!(a < b && b < c, "{a} {b} {c}");
        assert!(a.ends_with(".eml"));
    }
}
