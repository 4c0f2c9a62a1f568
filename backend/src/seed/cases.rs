//! The demo cases of Northwind and Contoso, and generated cases for the benchmarks.

use rusqlite::{params, Connection};
use support_contract::cases::{CaseStatus, NewCase, Person, Priority, ThreadEvent};
use support_contract::{Plan, Product};

use crate::cases;
use crate::clock;
use crate::store::cases as store;
use crate::store::{self as stores, wire_name};

/// One demo case: filed `age` seconds ago, then taken through `steps`.
pub(super) struct DemoCase {
    product: Product,
    priority: Priority,
    title: &'static str,
    description: &'static str,
    /// Seconds before now that it was filed.
    age: i64,
    /// (seconds after filing, what happened), in order.
    steps: &'static [(i64, Step)],
}

#[derive(Clone, Copy)]
enum Step {
    Agent(&'static str),
    Customer(&'static str),
    Status(CaseStatus),
    Engineer(&'static str),
}

pub(super) const H: i64 = 3600;
pub(super) const D: i64 = 86_400;

pub(super) const DEMO_CASES: &[DemoCase] = &[
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P2,
        title: "Report suite data delayed by six hours",
        description: "Since yesterday morning the Northwind Web report suite shows no data for the last six hours; real-time reports are empty.",
        age: 2 * D,
        steps: &[
            (20 * 60, Step::Agent("Thanks for the details. We see processing latency on your report suite and are investigating.")),
            (25 * 60, Step::Engineer("Priya Nair")),
            (3 * H, Step::Customer("Any update? Our daily dashboard is due at noon.")),
        ],
    },
    DemoCase {
        product: Product::Target,
        priority: Priority::P1,
        title: "Activities not delivering on the checkout page",
        description: "None of our Target activities render on /checkout since this morning's release; revenue tests are stopped.",
        age: D,
        steps: &[
            (10 * 60, Step::Agent("Could you send a HAR file of the checkout page and the at.js version you deploy?")),
            (11 * 60, Step::Status(CaseStatus::AwaitingYourReply)),
        ],
    },
    DemoCase {
        product: Product::AudienceManager,
        priority: Priority::P3,
        title: "Segment population lower than expected",
        description: "The 'Frequent buyers' segment shows 40% fewer devices than last month, although the trait counts are stable.",
        age: 2 * H,
        steps: &[],
    },
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P4,
        title: "Question about calculated metrics rounding",
        description: "How are decimals rounded in calculated metrics that divide revenue by orders?",
        age: 3 * D,
        steps: &[
            (5 * H, Step::Agent("Calculated metrics keep full precision and round only for display, to the decimals set in the metric's format.")),
            (5 * H + 60, Step::Status(CaseStatus::ResolutionProvided)),
        ],
    },
    DemoCase {
        product: Product::Target,
        priority: Priority::P3,
        title: "Preview links do not open the activity",
        description: "QA preview links for our homepage activity open the default experience.",
        age: 10 * D,
        steps: &[
            (40 * 60, Step::Agent("Preview links need third-party cookies in the browser; please allow them for the QA session.")),
            (41 * 60, Step::Status(CaseStatus::ResolutionProvided)),
            (7 * D, Step::Status(CaseStatus::Closed)),
        ],
    },
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P2,
        title: "Data feed missing two hours of hits",
        description: "The hourly data feed for 3 AM and 4 AM UTC was delivered empty.",
        age: 30 * D,
        steps: &[
            (30 * 60, Step::Agent("The feed was regenerated and redelivered to your FTP location.")),
            (31 * 60, Step::Status(CaseStatus::ResolutionProvided)),
            (10 * D, Step::Status(CaseStatus::Closed)),
        ],
    },
];

/// Contoso's few demo cases: enough for its case list to differ from Northwind's at a glance
/// (the person in both organisations switches between them).
pub(super) const CONTOSO_CASES: &[DemoCase] = &[
    DemoCase {
        product: Product::AudienceManager,
        priority: Priority::P2,
        title: "Destination sync to the ad server stopped",
        description: "Contoso's segment destination to the ad server has sent nothing since Tuesday; the sync log shows authentication errors.",
        age: 3 * D,
        steps: &[
            (2 * H, Step::Agent("The ad server's credentials expired. Could you renew them in the destination settings and tell us when it is done?")),
            (2 * H + 60, Step::Status(CaseStatus::AwaitingYourReply)),
        ],
    },
    DemoCase {
        product: Product::Analytics,
        priority: Priority::P3,
        title: "Marketing channel report counts email twice",
        description: "Since the new processing rules went live, visits from newsletters count both as Email and as Referring Domains.",
        age: 5 * H,
        steps: &[],
    },
];

/// Demo cases of an organisation, across statuses, priorities and products, filed by
/// `requester` with the contact phone and time zone `contact`; `watcher` watches every other one.
pub(super) fn seed_cases(
    tx: &Connection,
    org_id: &str,
    plan: Plan,
    demo_cases: &[DemoCase],
    (phone, time_zone): (&str, &str),
    requester: &str,
    watcher: &str,
) -> stores::Result<()> {
    let now = clock::now();
    let person = |id: &str| -> rusqlite::Result<Person> {
        let name = tx.query_row("SELECT name FROM users WHERE id = ?1", [id], |r| {
            r.get("name")
        })?;
        Ok(Person {
            id: id.to_string(),
            name,
        })
    };
    let customer = person(requester)?;
    for (n, d) in demo_cases.iter().enumerate() {
        let filed = now - d.age;
        let new = NewCase {
            product: d.product,
            priority: d.priority,
            title: d.title.into(),
            description: d.description.into(),
            details: Default::default(),
            reproducible: n % 2 == 0,
            steps_to_reproduce: None,
            environment: Some("Production".into()),
            business_impact: (d.priority == Priority::P1)
                .then(|| "Checkout experiments drive a third of online revenue.".into()),
            contact_phone: phone.into(),
            time_zone: time_zone.into(),
            watchers: if n % 2 == 0 {
                vec![watcher.to_string()]
            } else {
                Vec::new()
            },
            attachments: Vec::new(),
        };
        let id = store::insert(tx, org_id, plan, requester, &new, filed)?;
        for (after, step) in d.steps {
            let at = filed + after;
            let c = store::load(tx, &id, None)?;
            match *step {
                Step::Agent(body) => {
                    cases::answer(tx, &c, body.into(), at)?;
                }
                Step::Customer(body) => {
                    let comment = ThreadEvent::Comment {
                        body: body.into(),
                        attachments: Vec::new(),
                    };
                    store::add_entry(tx, &id, at, Some(&customer), false, comment)?;
                    store::touch(tx, &id, at)?;
                }
                Step::Status(to) => {
                    store::set_status(tx, &c, to, at, None, true)?;
                }
                Step::Engineer(name) => {
                    cases::assign_engineer(tx, &c, name.into(), at)?;
                }
            }
        }
    }
    Ok(())
}

/// Files `n` generated cases for Northwind's Customer Support Administrator, spread over the
/// last 80 days across products, priorities and statuses: the data set of the list benchmarks.
/// A generated case for the benchmarks' data sets: no details, files or watchers.
pub(super) fn generated_case(
    product: Product,
    priority: Priority,
    title: String,
    description: String,
) -> NewCase {
    NewCase {
        product,
        priority,
        title,
        description,
        details: Default::default(),
        reproducible: false,
        steps_to_reproduce: None,
        environment: None,
        business_impact: Some("Generated.".into()),
        contact_phone: "+44 20 7946 0000".into(),
        time_zone: "Europe/London".into(),
        watchers: vec![],
        attachments: vec![],
    }
}

pub fn seed_generated_cases(conn: &mut Connection, n: u32) -> stores::Result<()> {
    let tx = conn.transaction()?;
    let (org, requester) = super::benchmark_requester(&tx)?;
    let now = clock::now();
    let products = [
        Product::Analytics,
        Product::Target,
        Product::AudienceManager,
    ];
    let priorities = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];
    let statuses = [
        CaseStatus::New,
        CaseStatus::InProgress,
        CaseStatus::AwaitingYourReply,
        CaseStatus::Closed,
    ];
    for i in 0..i64::from(n) {
        let case = generated_case(
            products[(i % 3) as usize],
            priorities[(i % 4) as usize],
            format!("Case {i} about report {}", i % 97),
            format!("Generated case {i} for the list benchmarks."),
        );
        let id = store::insert(
            &tx,
            &org,
            Plan::Premium,
            &requester,
            &case,
            now - (i * 700) % (80 * 86_400),
        )?;
        tx.execute(
            "UPDATE cases SET status = ?2 WHERE id = ?1",
            params![id, wire_name(&statuses[(i % 4) as usize])],
        )?;
    }
    Ok(tx.commit()?)
}
