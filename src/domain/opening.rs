//! Whether a region's support is open at a moment of its own wall clock, and how long until it
//! closes or next opens. The browser supplies the region's weekday and time; this decides.

use support_contract::BusinessHours;

const DAY: u32 = 24 * 60;

/// Where a region's business week stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// Open; closes in this many minutes.
    Open { closes_in: u32 },
    /// Closed; opens in this many minutes.
    Closed { opens_in: u32 },
}

/// `HH:MM` as minutes since midnight; `None` when it is no time of day.
pub fn minutes_of_day(hhmm: &str) -> Option<u32> {
    let (h, m) = hhmm.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// The state of `hours` when the region's clock shows ISO `weekday` (1 = Monday) at `minute`
/// past midnight. `None` when the hours are unusable (no weekdays, a bad time, closing first).
pub fn opening(hours: &BusinessHours, weekday: u8, minute: u32) -> Option<Opening> {
    let opens = minutes_of_day(&hours.opens)?;
    let closes = minutes_of_day(&hours.closes)?;
    if closes <= opens || !(1..=7).contains(&weekday) {
        return None;
    }
    let works = |ahead: u32| {
        hours
            .weekdays
            .contains(&(((u32::from(weekday) - 1 + ahead) % 7) as u8 + 1))
    };
    if works(0) && minute < closes {
        return Some(if minute >= opens {
            Opening::Open {
                closes_in: closes - minute,
            }
        } else {
            Opening::Closed {
                opens_in: opens - minute,
            }
        });
    }
    (1..=7)
        .find(|&ahead| works(ahead))
        .map(|ahead| Opening::Closed {
            opens_in: ahead * DAY + opens - minute,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_contract::Region;

    fn london() -> BusinessHours {
        BusinessHours {
            region: Region::Emea,
            time_zone: "Europe/London".into(),
            opens: "09:00".into(),
            closes: "17:00".into(),
            weekdays: vec![1, 2, 3, 4, 5],
        }
    }

    #[test]
    fn a_weekday_within_the_hours_is_open_until_closing() {
        assert_eq!(
            opening(&london(), 3, 10 * 60),
            Some(Opening::Open { closes_in: 7 * 60 })
        );
        assert_eq!(
            opening(&london(), 1, 9 * 60),
            Some(Opening::Open { closes_in: 8 * 60 })
        );
    }

    #[test]
    fn before_opening_the_same_day_opens_later_that_day() {
        assert_eq!(
            opening(&london(), 2, 8 * 60 + 30),
            Some(Opening::Closed { opens_in: 30 })
        );
    }

    #[test]
    fn at_closing_time_it_opens_the_next_working_day() {
        assert_eq!(
            opening(&london(), 2, 17 * 60),
            Some(Opening::Closed { opens_in: 16 * 60 })
        );
    }

    #[test]
    fn friday_evening_and_the_weekend_open_on_monday() {
        let friday_six_pm = opening(&london(), 5, 18 * 60);
        assert_eq!(
            friday_six_pm,
            Some(Opening::Closed {
                opens_in: 2 * DAY + 15 * 60
            })
        );
        let sunday_noon = opening(&london(), 7, 12 * 60);
        assert_eq!(sunday_noon, Some(Opening::Closed { opens_in: 21 * 60 }));
    }

    #[test]
    fn unusable_hours_say_nothing_rather_than_something_wrong() {
        let mut h = london();
        h.weekdays.clear();
        assert_eq!(opening(&h, 1, 600), None);
        let mut h = london();
        h.closes = "08:00".into();
        assert_eq!(opening(&h, 1, 600), None);
        let mut h = london();
        h.opens = "nine".into();
        assert_eq!(opening(&h, 1, 600), None);
        assert_eq!(minutes_of_day("24:00"), None);
    }
}
