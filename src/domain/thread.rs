//! Merging thread entries that arrive from several requests (the first load, polls, an own
//! reply) into one ordered list without duplicates.

use support_contract::cases::ThreadEntry;

/// Adds `incoming` to `entries`: each id once, ordered by `seq`. Returns how many were new.
pub fn merge_thread(entries: &mut Vec<ThreadEntry>, incoming: Vec<ThreadEntry>) -> usize {
    let before = entries.len();
    for entry in incoming {
        if !entries.iter().any(|e| e.id == entry.id) {
            entries.push(entry);
        }
    }
    entries.sort_by_key(|e| e.seq);
    entries.len() - before
}

/// The last sequence number seen, to ask only for what came after it.
pub fn last_seq(entries: &[ThreadEntry]) -> Option<i64> {
    entries.iter().map(|e| e.seq).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::cases::ThreadEvent;

    fn entry(id: &str, seq: i64) -> ThreadEntry {
        ThreadEntry {
            id: id.into(),
            seq,
            at: "2026-11-21T10:00:00Z".into(),
            author: None,
            from_support: true,
            event: ThreadEvent::Comment {
                body: id.into(),
                attachments: vec![],
            },
        }
    }

    #[test]
    fn entries_arriving_twice_or_out_of_order_give_one_ordered_thread() {
        let mut thread = vec![entry("a", 1), entry("c", 3)];
        let added = merge_thread(
            &mut thread,
            vec![entry("c", 3), entry("b", 2), entry("d", 4)],
        );
        assert_eq!(added, 2);
        let ids: Vec<&str> = thread.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c", "d"]);
        assert_eq!(last_seq(&thread), Some(4));
    }

    #[test]
    fn an_empty_thread_asks_for_everything() {
        assert_eq!(last_seq(&[]), None);
    }
}
