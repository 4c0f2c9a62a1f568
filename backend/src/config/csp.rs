//! `--test-csp`: the Content-Security-Policy of the hostile-input tests.

/// The hostile-input tests' policies (`--test-csp`), never for production.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CspTest {
    /// The normal policy, plus a Trusted Types report-only policy.
    Report,
    /// No policy at all, plus the Trusted Types report: a policy can hide an escaping bug (an
    /// injected inline script is blocked, not absent), so the tests render without one too.
    Off,
}

impl CspTest {
    /// `report` or `off`.
    pub fn parse(v: &str) -> Result<CspTest, String> {
        match v {
            "report" => Ok(CspTest::Report),
            "off" => Ok(CspTest::Off),
            _ => Err(format!("invalid test CSP `{v}` (report or off)")),
        }
    }
}
