//! Popular threads of the vendor's community forums (most are in English, the forums' common
//! language; a few in French and Spanish).

use rusqlite::Connection;
use support_contract::help::ForumThread;
use support_contract::Locale::{self, En, Es, Fr};
use support_contract::Product::{self, Analytics, AudienceManager, Target};

use crate::store::{self, help as help_store};

/// (product, language, title, path on the forum, replies, hours since the last post).
const THREADS: &[(Product, Locale, &str, &str, u32, i64)] = &[
    (
        Analytics,
        En,
        "Visits dropped by half after moving to the Web SDK",
        "analytics/visits-dropped-web-sdk",
        87,
        3,
    ),
    (
        Analytics,
        En,
        "Best way to exclude internal traffic in Workspace?",
        "analytics/exclude-internal-traffic",
        64,
        20,
    ),
    (
        Analytics,
        En,
        "Calculated metric for conversion rate per marketing channel",
        "analytics/conversion-rate-per-channel",
        41,
        50,
    ),
    (
        Analytics,
        Fr,
        "Écart entre les visites Analytics et les sessions de notre CRM",
        "analytics/ecart-visites-sessions-crm",
        23,
        30,
    ),
    (
        Analytics,
        Es,
        "Clasificaciones que no aparecen en los informes tras la importación",
        "analytics/clasificaciones-no-aparecen",
        18,
        70,
    ),
    (
        Target,
        En,
        "at.js 2.x flicker with asynchronous tag managers",
        "target/atjs-flicker-async-tags",
        92,
        6,
    ),
    (
        Target,
        En,
        "A/B test winner declared too early: how long should we run?",
        "target/ab-test-duration",
        58,
        40,
    ),
    (
        Target,
        En,
        "Recommendations criteria for a catalogue of 200,000 items",
        "target/recommendations-large-catalogue",
        33,
        90,
    ),
    (
        Target,
        Fr,
        "Prévisualiser une activité sur un site protégé par mot de passe",
        "target/previsualiser-site-protege",
        15,
        26,
    ),
    (
        Target,
        Es,
        "Actividades que no se muestran en aplicaciones de una sola página",
        "target/actividades-spa",
        21,
        12,
    ),
    (
        AudienceManager,
        En,
        "Trait realization counts are zero after a pixel change",
        "audience-manager/trait-realization-zero",
        47,
        9,
    ),
    (
        AudienceManager,
        En,
        "Sizing an onboarded segment before a campaign",
        "audience-manager/sizing-onboarded-segment",
        29,
        60,
    ),
    (
        AudienceManager,
        Fr,
        "Règles de fusion de profils et appareils partagés",
        "audience-manager/fusion-profils-appareils",
        12,
        100,
    ),
    (
        AudienceManager,
        Es,
        "Archivos entrantes rechazados por el formato de la fecha",
        "audience-manager/archivos-entrantes-fecha",
        16,
        45,
    ),
];

/// The forum's address; the threads are under it.
const FORUM: &str = "https://community.support-portal.example/t/";

/// Stores the threads, their last activity counted back from `now`.
pub fn seed_threads(conn: &Connection, now: i64) -> store::Result<()> {
    for &(product, language, title, path, replies, hours) in THREADS {
        let thread = ForumThread {
            title: title.to_string(),
            product,
            language,
            replies,
            last_activity_at: String::new(),
            url: format!("{FORUM}{path}"),
        };
        help_store::insert_thread(conn, &thread, now - hours * 3_600)?;
    }
    Ok(())
}
