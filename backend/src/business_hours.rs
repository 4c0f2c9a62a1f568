//! Regional business hours, and first-response deadlines counted on them: P1 runs around the
//! clock; P2 to P4 only while the organisation's region is open (PRODUCT.md). Chat is offered
//! while the region is open ([`is_open`], [`next_opening`]).

use jiff::civil::Time;
use jiff::tz::TimeZone;
use jiff::Timestamp;
use support_contract::cases::{around_the_clock, response_target_minutes, Priority};
use support_contract::{BusinessHours, Plan, Region};

/// The business hours of every region, in the region's own time zone.
pub fn table() -> Vec<BusinessHours> {
    let hours = |region, time_zone: &str, opens: &str, closes: &str| BusinessHours {
        region,
        time_zone: time_zone.into(),
        opens: opens.into(),
        closes: closes.into(),
        weekdays: vec![1, 2, 3, 4, 5],
    };
    vec![
        hours(Region::Americas, "America/New_York", "06:00", "17:30"),
        hours(Region::Emea, "Europe/London", "09:00", "17:00"),
        hours(Region::Apac, "Asia/Singapore", "09:00", "17:00"),
        hours(Region::Japan, "Asia/Tokyo", "09:00", "17:00"),
    ]
}

fn hours_of(region: Region) -> BusinessHours {
    let table = table();
    // An unknown region is served on EMEA's hours rather than on none.
    table
        .iter()
        .find(|h| h.region == region)
        .cloned()
        .unwrap_or_else(|| table[1].clone())
}

fn parse_time(hhmm: &str) -> Time {
    let (h, m) = hhmm.split_once(':').unwrap_or(("0", "0"));
    Time::new(h.parse().unwrap_or(0), m.parse().unwrap_or(0), 0, 0).unwrap_or(Time::midnight())
}

/// When the first response to a case filed at `filed` (Unix seconds) is due.
pub fn due_at(filed: i64, priority: Priority, plan: Plan, region: Region) -> i64 {
    if around_the_clock(priority) {
        return filed + response_target_minutes(priority, plan) * 60;
    }
    let hours = hours_of(region);
    let (opens, closes) = (parse_time(&hours.opens), parse_time(&hours.closes));
    let day_minutes = i64::from(closes.hour() - opens.hour()) * 60 + i64::from(closes.minute())
        - i64::from(opens.minute());
    // "One business day" is the length of the region's business day.
    let minutes = match priority {
        Priority::P4 | Priority::Unknown => day_minutes,
        p => response_target_minutes(p, plan),
    };
    add_business_minutes(filed, minutes, &hours, opens, closes).unwrap_or(filed + minutes * 60)
}

/// Whether the region is open at `at` (Unix seconds).
pub fn is_open(region: Region, at: i64) -> bool {
    let hours = hours_of(region);
    let (opens, closes) = (parse_time(&hours.opens), parse_time(&hours.closes));
    let open = || -> Option<bool> {
        let tz = TimeZone::get(&hours.time_zone).ok()?;
        let now = Timestamp::from_second(at).ok()?.to_zoned(tz);
        let weekday = now.date().weekday().to_monday_one_offset() as u8;
        let time = now.time();
        Some(hours.weekdays.contains(&weekday) && opens <= time && time < closes)
    };
    open().unwrap_or(false)
}

/// The first time strictly after `at` at which the region opens (Unix seconds).
pub fn next_opening(region: Region, at: i64) -> Option<i64> {
    let hours = hours_of(region);
    let opens = parse_time(&hours.opens);
    let tz = TimeZone::get(&hours.time_zone).ok()?;
    let mut date = Timestamp::from_second(at).ok()?.to_zoned(tz.clone()).date();
    // Weekends and a bound against bad data: a week and a day always holds an opening.
    for _ in 0..9 {
        let weekday = date.weekday().to_monday_one_offset() as u8;
        if hours.weekdays.contains(&weekday) {
            let open = date.to_datetime(opens).to_zoned(tz.clone()).ok()?;
            let open = open.timestamp().as_second();
            if open > at {
                return Some(open);
            }
        }
        date = date.tomorrow().ok()?;
    }
    None
}

/// `filed` plus `minutes` counted only while the region is open.
fn add_business_minutes(
    filed: i64,
    minutes: i64,
    hours: &BusinessHours,
    opens: Time,
    closes: Time,
) -> Option<i64> {
    let tz = TimeZone::get(&hours.time_zone).ok()?;
    let mut now = Timestamp::from_second(filed).ok()?.to_zoned(tz.clone());
    let mut left = minutes * 60;
    // A year of days is far more than any target needs; the bound only guards bad data.
    for _ in 0..366 {
        let date = now.date();
        let weekday = date.weekday().to_monday_one_offset() as u8;
        if hours.weekdays.contains(&weekday) {
            let open = date.to_datetime(opens).to_zoned(tz.clone()).ok()?;
            let close = date.to_datetime(closes).to_zoned(tz.clone()).ok()?;
            if now < open {
                now = open;
            }
            if now < close {
                let available = close.timestamp().as_second() - now.timestamp().as_second();
                if left <= available {
                    return Some(now.timestamp().as_second() + left);
                }
                left -= available;
            }
        }
        now = date
            .tomorrow()
            .ok()?
            .to_datetime(Time::midnight())
            .to_zoned(tz.clone())
            .ok()?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> i64 {
        s.parse::<Timestamp>().unwrap().as_second()
    }

    fn show(t: i64) -> String {
        Timestamp::from_second(t).unwrap().to_string()
    }

    #[test]
    fn an_important_case_filed_late_on_friday_in_london_is_due_on_monday_morning() {
        // 2026-11-20 is a Friday; 16:30 GMT leaves 30 minutes that day.
        let due = due_at(
            at("2026-11-20T16:30:00Z"),
            Priority::P3,
            Plan::Premium,
            Region::Emea,
        );
        assert_eq!(show(due), "2026-11-23T09:30:00Z");
    }

    #[test]
    fn a_critical_case_runs_around_the_clock_even_at_weekends() {
        let due = due_at(
            at("2026-11-21T03:00:00Z"),
            Priority::P1,
            Plan::Premium,
            Region::Emea,
        );
        assert_eq!(show(due), "2026-11-21T03:15:00Z");
    }

    #[test]
    fn a_case_filed_before_opening_starts_counting_at_opening() {
        // Tuesday 07:00 London; P2 standard is two business hours.
        let due = due_at(
            at("2026-11-17T07:00:00Z"),
            Priority::P2,
            Plan::Standard,
            Region::Emea,
        );
        assert_eq!(show(due), "2026-11-17T11:00:00Z");
    }

    #[test]
    fn the_americas_calendar_follows_daylight_saving_time() {
        // Friday 2026-03-06 16:00 EST: 90 minutes left; clocks go forward on Sunday the 8th;
        // the remaining 150 minutes run from Monday 06:00 EDT (10:00 UTC) to 08:30 EDT.
        let due = due_at(
            at("2026-03-06T21:00:00Z"),
            Priority::P3,
            Plan::Standard,
            Region::Americas,
        );
        assert_eq!(show(due), "2026-03-09T12:30:00Z");
    }

    #[test]
    fn london_is_open_on_weekdays_from_nine_to_five() {
        // Tuesday 2026-11-17, GMT.
        assert!(!is_open(Region::Emea, at("2026-11-17T08:59:59Z")));
        assert!(is_open(Region::Emea, at("2026-11-17T09:00:00Z")));
        assert!(is_open(Region::Emea, at("2026-11-17T16:59:59Z")));
        assert!(!is_open(Region::Emea, at("2026-11-17T17:00:00Z")));
        // Saturday noon.
        assert!(!is_open(Region::Emea, at("2026-11-21T12:00:00Z")));
        // New York in summer time (EDT, UTC-4): 06:00 is 10:00 UTC.
        assert!(!is_open(Region::Americas, at("2026-07-01T09:59:00Z")));
        assert!(is_open(Region::Americas, at("2026-07-01T10:00:00Z")));
    }

    #[test]
    fn the_next_opening_skips_the_weekend_and_the_current_day() {
        let next = |region, s| show(next_opening(region, at(s)).unwrap());
        // Friday evening in London: Monday 09:00.
        assert_eq!(
            next(Region::Emea, "2026-11-20T18:00:00Z"),
            "2026-11-23T09:00:00Z"
        );
        // Tuesday early morning: the same day.
        assert_eq!(
            next(Region::Emea, "2026-11-17T07:00:00Z"),
            "2026-11-17T09:00:00Z"
        );
        // While open, the next opening is the next business day's.
        assert_eq!(
            next(Region::Emea, "2026-11-17T10:00:00Z"),
            "2026-11-18T09:00:00Z"
        );
        // Tokyo (UTC+9): Monday 09:00 JST is Monday 00:00 UTC.
        assert_eq!(
            next(Region::Japan, "2026-11-21T12:00:00Z"),
            "2026-11-23T00:00:00Z"
        );
    }

    #[test]
    fn a_minor_case_is_due_one_business_day_later() {
        // Wednesday noon in London: eight business hours later is Thursday noon.
        let due = due_at(
            at("2026-11-18T12:00:00Z"),
            Priority::P4,
            Plan::Standard,
            Region::Emea,
        );
        assert_eq!(show(due), "2026-11-19T12:00:00Z");
    }
}
