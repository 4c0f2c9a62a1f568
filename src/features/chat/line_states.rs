//! Where each of the user's unsent lines stands (sending, failed; saved on this device or not),
//! one signal per line. A line watches only its own signal, so storing one message of a
//! thousand waiting ones wakes one line, not a thousand: one shared list watched by every line
//! made each message cost a check per line (the 1,000-message soak).

use crate::domain::{ChatLine, Delivery};
use leptos::prelude::*;

/// One unsent line's state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineState {
    pub delivery: Delivery,
    /// The outbox holding it is committed on this device: a browser killed now still sends it
    /// after a relaunch.
    pub kept: bool,
}

/// The states of the lines not stored yet, kept in step with the conversation's lines and what
/// the outbox last saved on the device. Both lists are sorted by id and searched by halves (the
/// standard hash map would add its shared code to the first load).
#[derive(Clone, Copy)]
pub struct LineStates {
    signals: StoredValue<Vec<(String, ArcRwSignal<LineState>)>>,
    kept: RwSignal<Vec<String>>,
}

impl LineStates {
    /// Follows `lines`: after each change (a batch of changes runs this once), each unsent line's
    /// signal is set if its state changed, and lines stored since are told so and let go.
    pub fn new(lines: RwSignal<Vec<ChatLine>>) -> LineStates {
        let states = LineStates {
            signals: StoredValue::new(Vec::new()),
            kept: RwSignal::new(Vec::new()),
        };
        Effect::new(move |_| states.kept.with(|k| lines.with(|l| states.sync(l, k))));
        states
    }

    /// The state of `line` (a stored line is sent, for good).
    pub fn of(self, line: &ChatLine) -> ArcRwSignal<LineState> {
        let state = LineState {
            delivery: line.delivery,
            kept: self
                .kept
                .with_untracked(|k| k.binary_search(&line.id).is_ok()),
        };
        if line.seq.is_some() {
            return ArcRwSignal::new(state);
        }
        self.signals
            .try_update_value(|s| match s.binary_search_by(|(id, _)| id.cmp(&line.id)) {
                Ok(k) => s[k].1.clone(),
                Err(k) => {
                    let signal = ArcRwSignal::new(state);
                    s.insert(k, (line.id.clone(), signal.clone()));
                    signal
                }
            })
            .unwrap_or_else(|| ArcRwSignal::new(state))
    }

    /// The ids of the outbox that a write just committed on this device.
    pub fn saved(self, mut ids: Vec<String>) {
        ids.sort_unstable();
        self.kept.try_set(ids);
    }

    fn sync(self, lines: &[ChatLine], kept: &[String]) {
        let mut unsent: Vec<(&str, Delivery)> = lines
            .iter()
            .filter(|l| l.seq.is_none())
            .map(|l| (l.id.as_str(), l.delivery))
            .collect();
        unsent.sort_unstable_by(|a, b| a.0.cmp(b.0));
        self.signals.update_value(|signals| {
            signals.retain(|(id, signal)| {
                let found = unsent.binary_search_by(|(x, _)| (*x).cmp(id.as_str()));
                let now = match found {
                    Ok(k) => LineState {
                        delivery: unsent[k].1,
                        kept: kept.binary_search(id).is_ok(),
                    },
                    Err(_) => LineState {
                        delivery: Delivery::Sent,
                        kept: false,
                    },
                };
                if signal.get_untracked() != now {
                    signal.set(now);
                }
                found.is_ok()
            });
        });
    }
}
