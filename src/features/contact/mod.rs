//! Contact support: a callback request (for support roles), phone numbers for the
//! organisation's region, business hours, and which channels each product offers.

mod callback;
mod hours;

use crate::api::use_portal;
use crate::auth::use_session;
use crate::components::{ErrorNotice, LoadingIndicator};
use crate::i18n::{channel_key, product_key, region_key, use_i18n, Key};
use callback::CallbackSection;
use hours::HoursList;
use leptos::prelude::*;
use support_contract::{BusinessHours, Capability, PhoneNumber, PortalConfig, Region};

/// Phone numbers and hours, the organisation's region first.
#[component]
pub fn ContactPage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let portal = use_portal();
    let region = move || {
        ctx.session()
            .map(|s| s.organisation.region)
            .unwrap_or(Region::Unknown)
    };
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::NavContact)}</h1>
            <p class="lead">{move || i18n.tr(Key::YourRegion, &[("region", i18n.t(region_key(region())))])}</p>
            <Show when=move || ctx.can(Capability::ManageCases)>
                <CallbackSection/>
            </Show>
            <Transition fallback=|| view! { <LoadingIndicator/> }>
                {move || Suspend::new(async move {
                    match portal.await {
                        Ok(p) => view! { <ContactDetails portal=p region=region()/> }.into_any(),
                        Err(e) => view! { <ErrorNotice error=e reload=true/> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// The numbers and hours of `region`, then the other regions, then channels per product.
#[component]
fn ContactDetails(portal: PortalConfig, region: Region) -> impl IntoView {
    let i18n = use_i18n();
    let (mine, others): (Vec<PhoneNumber>, Vec<PhoneNumber>) = portal
        .phone_numbers
        .into_iter()
        .partition(|p| p.region == region);
    let hours: Vec<BusinessHours> = portal.business_hours;
    let my_hours: Vec<BusinessHours> = hours
        .iter()
        .filter(|h| h.region == region)
        .cloned()
        .collect();
    view! {
        <section class="card" aria-labelledby="phones-title">
            <h2 id="phones-title">{i18n.s(Key::PhoneNumbers)}</h2>
            <PhoneList phones=mine/>
            <HoursList hours=my_hours/>
        </section>
        <section class="card" aria-labelledby="channels-title">
            <h2 id="channels-title">{i18n.s(Key::ChannelsPerProduct)}</h2>
            <ul>
                {portal.products.into_iter().map(|p| {
                    let channels = move || p.channels.iter().map(|c| i18n.t(channel_key(*c))).collect::<Vec<_>>().join(", ");
                    view! { <li><strong>{i18n.s(product_key(p.product))}</strong>": "{channels}</li> }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="others-title">
            <h2 id="others-title">{i18n.s(Key::OtherRegions)}</h2>
            <PhoneList phones=others/>
            <HoursList hours=hours.into_iter().filter(|h| h.region != region).collect()/>
        </section>
    }
}

/// Phone numbers as call links, each with its region, product and when it answers.
#[component]
fn PhoneList(phones: Vec<PhoneNumber>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="phones">
            {phones.into_iter().map(|p| {
                let tel = format!("tel:{}", p.number.replace(' ', ""));
                let product = p.product.map(product_key).unwrap_or(Key::AllProducts);
                let when = if p.around_the_clock { Key::AroundTheClock } else { Key::DuringBusinessHours };
                view! {
                    <li>
                        <a href=tel>{p.number.clone()}</a>
                        " — "{i18n.s(region_key(p.region))}", "{i18n.s(product)}", "{i18n.s(when)}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
