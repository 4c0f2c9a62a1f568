//! The portal's configuration as `GET /portal` publishes it: the phase, the channels per
//! product, the phone numbers, business hours, the role table and the attachment rules.

use support_contract::{
    capabilities_of, AttachmentRules, Channel, Phase, PhoneNumber, PortalConfig, Product,
    ProductChannels, Region, RoleCapabilities, ROLES,
};

use crate::attachments::ALLOWED_TYPES;

/// The products the portal supports, in the order it offers them.
pub const PRODUCTS: [Product; 3] = [
    Product::Analytics,
    Product::Target,
    Product::AudienceManager,
];

/// The product's name as people read it (in every language), as the CSV exports and chat
/// transcripts write it; `""` for a product this backend does not know.
pub fn product_name(product: Product) -> &'static str {
    match product {
        Product::Analytics => "Analytics",
        Product::Target => "Target",
        Product::AudienceManager => "Audience Manager",
        Product::Unknown => "",
    }
}

/// The reference configuration: chat was promised for Analytics only.
pub fn portal_config(phase: Phase, max_attachment_bytes: u64) -> PortalConfig {
    use Channel::*;
    let products = PRODUCTS
        .into_iter()
        .map(|product| ProductChannels {
            product,
            channels: match product {
                Product::Analytics => vec![Phone, Web, Chat],
                _ => vec![Phone, Web],
            },
        })
        .collect();
    // Fictional numbers (555 and reserved drama ranges): the demo must never ring anyone.
    let lines = [
        (Region::Americas, "+1-800-555-0100", "+1-800-555-0199"),
        (Region::Emea, "+44-20-7946-0100", "+44-20-7946-0199"),
        (Region::Apac, "+65-5550-0100", "+65-5550-0199"),
        (Region::Japan, "+81-3-5550-0100", "+81-3-5550-0199"),
    ];
    let phone_numbers = lines
        .iter()
        .flat_map(|(region, around_the_clock, business_hours)| {
            [
                PhoneNumber {
                    region: *region,
                    product: None,
                    number: around_the_clock.to_string(),
                    around_the_clock: true,
                },
                PhoneNumber {
                    region: *region,
                    product: None,
                    number: business_hours.to_string(),
                    around_the_clock: false,
                },
            ]
        })
        .collect();
    let business_hours = crate::business_hours::table();
    let roles = ROLES
        .iter()
        .map(|role| RoleCapabilities {
            role: *role,
            capabilities: capabilities_of(*role).to_vec(),
        })
        .collect();
    PortalConfig {
        phase,
        products,
        phone_numbers,
        business_hours,
        roles,
        attachments: AttachmentRules {
            max_bytes: max_attachment_bytes,
            types: ALLOWED_TYPES.iter().map(|t| t.to_string()).collect(),
        },
    }
}
