//! Client-made ids: idempotency keys, chat message ids, and the keys of what is kept on the
//! device.

/// Formats 16 random bytes as a version-4 UUID (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The key under which something of one user's is kept on this device: `{kind}:{user}`, or
/// `{kind}:{user}:{item}`. Per user, so no one else signing in on the same browser sees it.
/// `None` without a user: then nothing is kept.
pub fn user_key(kind: &str, user_id: &str, item: &str) -> Option<String> {
    match (user_id.is_empty(), item.is_empty()) {
        (true, _) => None,
        (false, true) => Some(format!("{kind}:{user_id}")),
        (false, false) => Some(format!("{kind}:{user_id}:{item}")),
    }
}

/// Whether `key` was made by [`user_key`] for `user_id`. Kinds are one word (`chat-outbox`) or
/// `draft:<form>`; the user comes right after the kind (an item may name another user).
pub fn is_users_key(key: &str, user_id: &str) -> bool {
    let mut parts = key.split(':');
    let user = match parts.next() {
        Some("draft") => parts.nth(1),
        _ => parts.next(),
    };
    !user_id.is_empty() && user == Some(user_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_users_keys_are_told_from_everyone_elses() {
        for key in ["draft:reply:u1:c9:body", "chat-outbox:u1", "draft:case:u1"] {
            assert!(is_users_key(key, "u1"), "{key}");
        }
        // The last: u2's draft about the support user u1.
        for key in ["chat-outbox:u12", "u1", "draft:case:u2", "draft:user:u2:u1"] {
            assert!(!is_users_key(key, "u1"), "{key}");
        }
        assert!(!is_users_key("draft:case:", ""));
    }

    #[test]
    fn what_is_kept_is_kept_per_user_and_nothing_without_one() {
        assert_eq!(
            user_key("draft:reply", "u1", "c9:body").as_deref(),
            Some("draft:reply:u1:c9:body")
        );
        assert_ne!(
            user_key("draft:new-case", "u1", ""),
            user_key("draft:new-case", "u2", "")
        );
        assert_eq!(user_key("draft:new-case", "", ""), None);
    }

    #[test]
    fn random_bytes_make_a_version_4_uuid() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        let id = uuid_v4([0; 16]);
        assert_eq!(id, "00000000-0000-4000-8000-000000000000");
    }
}
