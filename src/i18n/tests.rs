//! Completeness of the translations. A missing language cannot compile (see `messages.rs`);
//! these catch the slips that do compile.

use super::{fill, text, Key, Locale};

/// Brand and product names, and abbreviations, are the same in every language.
const SAME_IN_EVERY_LANGUAGE: &[Key] = &[
    // "Excellent" is French too; the Spanish differs, which this list does not check.
    Key::Rating5,
    Key::RegionEmea,
    Key::RegionApac,
    Key::ProductAnalytics,
    Key::ProductTarget,
    Key::ProductAudienceManager,
    Key::ChannelWeb,
    Key::ChannelChat,
    Key::HoursRange,
    // "No" is Spanish too.
    Key::No,
    // "Menu" is French too.
    Key::Menu,
    // "Total" is French and Spanish too, "Interactions" French, "Chat" Spanish.
    Key::ColTotal,
    Key::HistoryTotal,
    Key::HistoryTableTitle,
    Key::KindChat,
    // "Organisation" is French too ("Organización" in Spanish).
    Key::OrganisationLabel,
    // Unit abbreviations.
    Key::DurationMinutes,
    Key::DurationHours,
];

fn placeholders(s: &str) -> Vec<&str> {
    let mut names: Vec<&str> = s
        .split('{')
        .skip(1)
        .filter_map(|part| part.split('}').next())
        .collect();
    names.sort_unstable();
    names
}

#[test]
fn every_key_has_a_text_in_every_locale() {
    for &key in Key::ALL {
        for locale in Locale::ALL {
            assert!(
                !text(key, locale).trim().is_empty(),
                "{key:?} is empty in {locale:?}"
            );
        }
    }
}

#[test]
fn every_translation_keeps_the_placeholders_of_the_english_text() {
    for &key in Key::ALL {
        let en = placeholders(text(key, Locale::En));
        for locale in [Locale::Fr, Locale::Es] {
            assert_eq!(placeholders(text(key, locale)), en, "{key:?} in {locale:?}");
        }
    }
}

#[test]
fn no_french_or_spanish_text_is_an_untranslated_copy_of_the_english() {
    for &key in Key::ALL {
        if SAME_IN_EVERY_LANGUAGE.contains(&key) {
            continue;
        }
        let en = text(key, Locale::En);
        for locale in [Locale::Fr, Locale::Es] {
            assert_ne!(
                text(key, locale),
                en,
                "{key:?} is not translated into {locale:?}"
            );
        }
    }
}

#[test]
fn role_names_follow_the_announcement() {
    assert_eq!(
        text(Key::RoleSupportSystemAdmin, Locale::Fr),
        "Administrateur système d'assistance"
    );
    assert_eq!(
        text(Key::RoleCustomerSupportAdmin, Locale::Fr),
        "Administrateur du service clientèle"
    );
    assert_eq!(
        text(Key::RoleSupportSystemAdmin, Locale::Es),
        "Administrador del sistema de asistencia técnica"
    );
    assert_eq!(
        text(Key::RoleCustomerSupportAdmin, Locale::Es),
        "Administrador de Atención al cliente"
    );
}

#[test]
fn placeholders_are_filled_by_name() {
    assert_eq!(fill("Hello, {name}", &[("name", "Alex")]), "Hello, Alex");
}

#[test]
fn every_key_reads_its_own_row_in_every_language() {
    // The texts are stored end to end (see `messages.rs`): a wrong offset would read a
    // neighbour's text, or a piece of it, which this catches against the source rows.
    let source = include_str!("messages.rs");
    for &key in Key::ALL {
        let name = format!("{key:?}");
        let row = source
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} =>")))
            .unwrap_or_else(|| panic!("no row for {name}"));
        let texts: Vec<String> = Locale::ALL
            .iter()
            .map(|&locale| format!("{:?}", text(key, locale)))
            .collect();
        assert_eq!(
            row,
            format!("    {name} => {};", texts.join(", ")),
            "{name}"
        );
    }
}

#[test]
fn a_texts_file_from_another_release_is_refused() {
    // One text per key, or none is taken: a stale file must never show another key's text.
    assert!(!super::add_texts(
        Locale::Fr,
        "Portail d'assistance\nLangue\n"
    ));
    let one_per_key = vec!["x"; Key::ALL.len()].join("\n");
    assert!(super::add_texts(Locale::Fr, &one_per_key));
}

/// The code of the first load, by path under `src/`: every text it shows must be built in.
const FIRST_LOAD: &[&str] = &[
    "app/",
    "api/",
    "auth/",
    "components/",
    "domain/",
    "i18n/",
    "features/home/",
    "features/chat/launcher.rs",
];
/// Under those, what arrives with a chunk of its own (see `app::pages`).
const FROM_CHUNKS: &[&str] = &[
    "auth/sign_in.rs",
    "auth/set_password.rs",
    "auth/sign_out_dialog.rs",
    "app/keyboard/mod.rs",
    "app/keyboard/palette.rs",
    "app/keyboard/shortcuts.rs",
];

/// Keys the first load's code names but only pages from chunks can show: refusals of calls that
/// only those pages make (filing, uploads, case actions, support users, invitations, their
/// forms' field errors), the priorities' meanings of the filing wizard, and the attachment
/// picker's texts (only the filing wizard, the reply box and the chat panel have one).
const SHOWN_FROM_CHUNKS_ONLY: &[&str] = &[
    "AttachmentRulesHint",
    "FileTooLarge",
    "FileTypeRefused",
    "FilingClosed",
    "ErrNotAllowedNow",
    "ErrDuplicateUser",
    "ErrLastSystemAdmin",
    "ErrSelfRemoval",
    "ErrAttachmentTooLarge",
    "ErrAttachmentType",
    "ErrUploadQuota",
    "ErrAlreadyFiled",
    "ErrImportTooLarge",
    "ErrInvitationInvalid",
    "ErrUnknownAttachment",
    "ErrNotAMember",
    "ErrUnknownUser",
    "ErrInvalidUrl",
    "ErrCsvHeader",
    "ErrTooMany",
    "ErrPasswordIsEmail",
    "PriorityP1Meaning",
    "PriorityP2Meaning",
    "PriorityP3Meaning",
    "PriorityP4Meaning",
];

#[test]
fn every_text_the_first_load_shows_is_built_in() {
    // A split build leaves the English of the keys below `@later` out of the first load and
    // fetches it with the first page from a chunk: used by the first load, it would be blank.
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.clone()];
    let mut late = Vec::new();
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let name = path
            .strip_prefix(&src)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let first_load = FIRST_LOAD.iter().any(|p| name.starts_with(p))
            && !FROM_CHUNKS.contains(&name.as_str())
            && !name.starts_with("i18n/messages.rs")
            && !name.starts_with("i18n/tests.rs");
        if !first_load {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for used in source.split("Key::").skip(1) {
            let key: String = used
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            let at = Key::ALL.iter().position(|k| format!("{k:?}") == key);
            if at.is_some_and(|i| i >= Key::LATER) && !SHOWN_FROM_CHUNKS_ONLY.contains(&&*key) {
                late.push(format!("{name}: Key::{key}"));
            }
        }
    }
    assert!(
        late.is_empty(),
        "move these rows above `@later` in messages.rs:\n{}",
        late.join("\n")
    );
}
