//! Whether a chosen file may be attached, decided before any byte is uploaded, with the same
//! rules the backend enforces (it publishes them in the portal configuration).

use support_contract::AttachmentRules;

/// One megabyte as the backend counts it (`--max-attachment-mb`): 1024 × 1024 bytes.
const MB: u64 = 1024 * 1024;

/// Why a file is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRefusal {
    /// Over the limit, which is given in whole megabytes for the message.
    TooLarge {
        max_mb: u64,
    },
    TypeNotAllowed,
    Empty,
}

/// The media type to send: the browser's, or one inferred from the extension when the browser
/// gives none (it often has nothing for `.har` or `.log`).
pub fn media_type(name: &str, browser_type: &str) -> String {
    if !browser_type.is_empty() {
        return browser_type.to_ascii_lowercase();
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" | "log" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "har" => "application/har+json",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
    .to_string()
}

/// The limit in whole megabytes, for messages.
pub fn limit_mb(rules: &AttachmentRules) -> u64 {
    rules.max_bytes / MB
}

/// Checks a file against the backend's rules.
pub fn check_file(size: u64, media_type: &str, rules: &AttachmentRules) -> Result<(), FileRefusal> {
    if size == 0 {
        return Err(FileRefusal::Empty);
    }
    if rules.max_bytes > 0 && size > rules.max_bytes {
        return Err(FileRefusal::TooLarge {
            max_mb: limit_mb(rules),
        });
    }
    let essence = media_type.split(';').next().unwrap_or("").trim();
    if !rules.types.iter().any(|t| t.eq_ignore_ascii_case(essence)) {
        return Err(FileRefusal::TypeNotAllowed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> AttachmentRules {
        AttachmentRules {
            max_bytes: 25 * MB,
            types: vec![
                "image/png".into(),
                "application/har+json".into(),
                "text/plain".into(),
            ],
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_upload_naming_the_limit() {
        assert_eq!(
            check_file(25 * MB + 1, "image/png", &rules()),
            Err(FileRefusal::TooLarge { max_mb: 25 })
        );
        assert_eq!(check_file(25 * MB, "image/png", &rules()), Ok(()));
    }

    #[test]
    fn only_listed_types_are_accepted() {
        assert_eq!(
            check_file(10, "text/html", &rules()),
            Err(FileRefusal::TypeNotAllowed)
        );
        assert_eq!(
            check_file(10, "text/plain; charset=utf-8", &rules()),
            Ok(())
        );
        assert_eq!(
            check_file(0, "image/png", &rules()),
            Err(FileRefusal::Empty)
        );
    }

    #[test]
    fn a_type_the_browser_does_not_know_comes_from_the_extension() {
        assert_eq!(media_type("network.HAR", ""), "application/har+json");
        assert_eq!(media_type("app.log", ""), "text/plain");
        assert_eq!(media_type("photo.png", "IMAGE/PNG"), "image/png");
        assert_eq!(media_type("noext", ""), "application/octet-stream");
    }
}
