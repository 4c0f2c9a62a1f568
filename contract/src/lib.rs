//! The Support Portal HTTP contract: the JSON shapes exchanged under `/api/v1`.
//!
//! The app and the reference backend both compile these types, so they cannot disagree; the
//! backend derives the OpenAPI document (`contract/openapi.json`) from them. Enums that a newer
//! backend may extend decode unknown values to `Unknown` instead of failing the whole response.

pub mod callbacks;
pub mod cases;
pub mod chat;
pub mod help;
pub mod history;
pub mod home;
pub mod learning;
mod problem;
pub mod query;
mod roles;
pub mod users;
pub mod wire;

pub use problem::{problem_types, FieldCode, FieldError, Problem};
pub use roles::{capabilities_of, Capability, Role, ROLES};
pub use users::{SupportUser, UserSource, UserStatus};

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

/// A locale the portal is translated into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Fr,
    Es,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Fr, Locale::Es];

    /// The BCP 47 tag, as `Intl` and `lang` attributes want it.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
        }
    }

    /// Picks a supported locale from a BCP 47 tag such as `fr-CA`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.tag() == primary)
    }
}

/// The rollout phase the portal is in (see PRODUCT.md).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    /// Support users are being created; filing cases is closed.
    Setup,
    /// Learning material is shown; administrators finish configuring.
    Enablement,
    /// The portal is the primary support channel.
    Live,
    #[default]
    #[serde(other)]
    Unknown,
}

/// A product the vendor supports through the portal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Product {
    Analytics,
    Target,
    AudienceManager,
    #[default]
    #[serde(other)]
    Unknown,
}

/// A way to reach support.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Phone,
    Web,
    Chat,
    #[serde(other)]
    Unknown,
}

/// A support region, from the organisation's billing address.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Region {
    Americas,
    Emea,
    Apac,
    Japan,
    #[serde(other)]
    Unknown,
}

/// The organisation's support plan; it sets the response targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Plan {
    Standard,
    Premium,
    #[serde(other)]
    Unknown,
}

/// `POST /api/v1/session` body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SignInRequest {
    /// At most 254 bytes (`users::EMAIL_MAX`), else `too_long`.
    pub email: String,
    /// At most 256 characters (`users::PASSWORD_MAX`), else `too_long`.
    pub password: String,
}

/// The signed-in user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct User {
    pub id: String,
    pub email: String,
    pub name: String,
    /// `None` for a member of the organisation without a support role.
    pub role: Option<Role>,
    /// The language chosen in the profile; `None` means "follow the browser".
    pub locale: Option<Locale>,
    /// IANA time zone chosen in the profile; `None` means "follow the browser".
    pub time_zone: Option<String>,
}

/// An organisation. Each user account belongs to one; a person in several organisations has an
/// account in each.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub plan: Plan,
    pub region: Region,
}

/// `GET /api/v1/session`: who is signed in and what they may do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Session {
    pub user: User,
    pub organisation: Organisation,
    /// What the user may do; the UI is driven by this list, never by role names.
    pub capabilities: Vec<Capability>,
    /// When the session ends unless renewed by use (RFC 3339). Use never moves it past the
    /// session's absolute end, a fixed time after sign-in (12 hours by default).
    pub expires_at: String,
    /// The organisations this person belongs to as an active user, by name, the current one
    /// included; a switcher is offered when there are two or more
    /// (`PUT /api/v1/session/organisation`).
    #[serde(default)]
    pub organisations: Vec<Organisation>,
}

/// `PUT /api/v1/session/organisation` body: the organisation to move the session to, one of
/// the session's `organisations`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct OrganisationSwitch {
    /// The organisation's id.
    pub organisation: String,
}

/// `POST /api/v1/session/handoff` body: a hand-off token that a host minted for its signed-in
/// user (`POST /api/v1/host/handoff`), exchanged for a session as a sign-in would be.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HandoffRequest {
    /// The token as the host received it; it works once, within `expires_in` seconds. At most
    /// 128 characters (`users::TOKEN_MAX`), else `too_long`.
    pub token: String,
}

/// `POST /api/v1/host/handoff` body: whom the host signs into the portal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct HostHandoffRequest {
    /// The email of an active user of the portal, matched without regard to case.
    pub email: String,
    /// For a person in several organisations: the organisation (its id) to sign them in to.
    /// Without it, the one they used last, else the first by name, as a sign-in chooses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

/// `POST /api/v1/host/handoff` answer: a single-use token for the portal to exchange for a
/// session (`POST /api/v1/session/handoff`). It travels only in request and response bodies,
/// never in a URL.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Handoff {
    /// The token (256 random bits, URL-safe base64); only its digest is kept by the backend.
    pub token: String,
    /// Seconds the token works for, counted from this answer.
    pub expires_in: u32,
}

/// `PATCH /api/v1/profile` body: only the fields present change; `null` clears a choice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ProfileUpdate {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    pub locale: Option<Option<Locale>>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "double_option"
    )]
    pub time_zone: Option<Option<String>>,
}

/// Distinguishes an absent field (no change) from an explicit `null` (clear the choice).
mod double_option {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        v: &Option<Option<T>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(inner) => inner.serialize(s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Option<T>>, D::Error> {
        Option::<T>::deserialize(d).map(Some)
    }
}

/// A product and the channels through which support for it is offered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct ProductChannels {
    pub product: Product,
    pub channels: Vec<Channel>,
}

/// A support phone number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PhoneNumber {
    pub region: Region,
    /// `None`: the number serves every product.
    pub product: Option<Product>,
    /// E.164-style, as dialled.
    pub number: String,
    /// True when the line answers around the clock (P1 Critical).
    pub around_the_clock: bool,
}

/// The business hours of a region, in the region's own time zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct BusinessHours {
    pub region: Region,
    /// IANA time zone the hours are expressed in.
    pub time_zone: String,
    /// `HH:MM`, 24-hour clock.
    pub opens: String,
    /// `HH:MM`, 24-hour clock.
    pub closes: String,
    /// ISO weekday numbers (1 = Monday) on which these hours apply.
    pub weekdays: Vec<u8>,
}

/// A role and the capabilities it grants, as the backend defines them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct RoleCapabilities {
    /// `None` describes members without a support role.
    pub role: Option<Role>,
    pub capabilities: Vec<Capability>,
}

/// `GET /api/v1/portal`: how the portal is configured. Public: it holds nothing secret.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct PortalConfig {
    pub phase: Phase,
    pub products: Vec<ProductChannels>,
    pub phone_numbers: Vec<PhoneNumber>,
    pub business_hours: Vec<BusinessHours>,
    /// The role table: which capabilities each role grants.
    pub roles: Vec<RoleCapabilities>,
    /// What files may be attached, so clients refuse the others before uploading.
    pub attachments: AttachmentRules,
}

/// The limits the backend enforces on attachments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct AttachmentRules {
    /// Largest accepted file, in bytes.
    pub max_bytes: u64,
    /// Accepted media types (`image/png`, `application/pdf`, ...).
    pub types: Vec<String>,
}

/// Someone a member can ask for support access.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct SupportContact {
    pub name: String,
    pub email: String,
    pub role: Role,
}

/// One page of a cursor-paged list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_enum_values_from_a_newer_backend_decode_to_unknown() {
        let p: Phase = serde_json_lite("\"sunset\"");
        assert_eq!(p, Phase::Unknown);
    }

    #[test]
    fn locale_is_picked_from_a_regional_browser_tag() {
        assert_eq!(Locale::from_tag("fr-CA"), Some(Locale::Fr));
        assert_eq!(Locale::from_tag("es_MX"), Some(Locale::Es));
        assert_eq!(Locale::from_tag("de-DE"), None);
    }

    fn serde_json_lite<T: for<'de> Deserialize<'de>>(s: &str) -> T {
        // The contract crate carries no JSON dependency; a string enum decodes from its name.
        let name = s.trim_matches('"');
        T::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(name))
            .unwrap()
    }
}
