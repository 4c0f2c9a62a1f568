use std::net::{Ipv4Addr, Ipv6Addr};

use super::*;

fn ip(s: &str) -> Option<IpAddr> {
    Some(s.parse().unwrap())
}

#[test]
fn five_failures_lock_the_email_for_the_failing_address_until_the_window_passes() {
    let t = Throttle::default();
    let start = Instant::now();
    let guesser = ip("203.0.113.7");
    for _ in 0..MAX_FAILURES {
        assert!(t.check_at("a@x", guesser, start).is_ok());
        t.fail_at("a@x", guesser, start);
    }
    let wait = t
        .check_at("a@x", guesser, start + Duration::from_secs(60))
        .unwrap_err();
    assert_eq!(wait, 14 * 60);
    assert!(
        t.check_at("b@x", guesser, start).is_ok(),
        "other emails are not affected"
    );
    assert!(t.check_at("a@x", guesser, start + WINDOW).is_ok());
    t.fail_at("a@x", guesser, start + WINDOW);
    assert!(
        t.check_at("a@x", guesser, start + WINDOW).is_ok(),
        "a new window starts from zero"
    );
}

#[test]
fn an_address_without_failures_still_reaches_a_locked_email() {
    let t = Throttle::default();
    let now = Instant::now();
    for i in 0..MAX_FAILURES {
        t.fail_at("victim@x", ip(&format!("198.51.100.{i}")), now);
    }
    // Every address that failed is refused; the owner's, which did not, is not.
    assert!(t.check_at("victim@x", ip("198.51.100.0"), now).is_err());
    assert!(t.check_at("victim@x", ip("192.0.2.1"), now).is_ok());
    // One failure makes that address a guesser too.
    t.fail_at("victim@x", ip("192.0.2.1"), now);
    assert!(t.check_at("victim@x", ip("192.0.2.1"), now).is_err());
}

#[test]
fn one_address_spraying_many_emails_is_slowed() {
    let t = Throttle::default();
    let now = Instant::now();
    let sprayer = ip("203.0.113.9");
    for i in 0..MAX_ADDRESS_FAILURES {
        let email = format!("user{i}@x");
        assert!(t.check_at(&email, sprayer, now).is_ok(), "{email}");
        t.fail_at(&email, sprayer, now);
    }
    let wait = t.check_at("fresh@x", sprayer, now).unwrap_err();
    assert_eq!(wait, WINDOW.as_secs());
    assert!(
        t.check_at("fresh@x", ip("203.0.113.10"), now).is_ok(),
        "other addresses are not affected"
    );
    // Signing in to an account of one's own does not forgive the address.
    t.succeed("user0@x");
    assert!(t.check_at("user0@x", sprayer, now).is_err());
    assert!(t.check_at("fresh@x", sprayer, now + WINDOW).is_ok());
}

#[test]
fn a_success_clears_the_count_of_the_email() {
    let t = Throttle::default();
    let now = Instant::now();
    let me = ip("192.0.2.5");
    for _ in 0..MAX_FAILURES - 1 {
        t.fail_at("a@x", me, now);
    }
    t.succeed("a@x");
    t.fail_at("a@x", me, now);
    assert!(t.check_at("a@x", me, now).is_ok());
}

#[test]
fn ipv6_addresses_count_by_their_64_and_mapped_ipv4_as_ipv4() {
    let a: Ipv6Addr = "2001:db8:1:2::1".parse().unwrap();
    let b: Ipv6Addr = "2001:db8:1:2:ffff:ffff:ffff:ffff".parse().unwrap();
    let c: Ipv6Addr = "2001:db8:1:3::1".parse().unwrap();
    assert_eq!(Origin::of(Some(a.into())), Origin::of(Some(b.into())));
    assert_ne!(Origin::of(Some(a.into())), Origin::of(Some(c.into())));
    let v4 = Ipv4Addr::new(192, 0, 2, 1);
    assert_eq!(
        Origin::of(Some(v4.to_ipv6_mapped().into())),
        Origin::of(Some(v4.into()))
    );
    assert_eq!(Origin::of(None), Origin::Unknown);
}

#[test]
fn the_tables_stay_bounded_whatever_is_tried() {
    let t = Throttle::default();
    let now = Instant::now();
    for i in 0..MAX_KEYS as u32 + 2_000 {
        let client = Some(IpAddr::V4(Ipv4Addr::from(i)));
        t.fail_at(
            &format!("someone{i}@x"),
            client,
            now + Duration::from_millis(i.into()),
        );
    }
    let (emails, addresses) = t.tracked();
    assert!(emails <= MAX_KEYS, "{emails}");
    assert!(addresses <= MAX_KEYS, "{addresses}");
}
