//! Component tests: parts of the app mounted in headless Chromium (wasm-bindgen-test-runner +
//! chromedriver) against a fake backend, asserting what a person sees and does.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::{Arc, Mutex};
use support_contract::*;
use support_portal::api::{
    provide_api, ApiError, ApiFuture, ChatApi, NewCaseFromChat, PortalApi, RuntimeConfig,
    SessionApi,
};
use support_portal::app::provide_everything;
use support_portal::auth::{AccessPage, Guard, SignInForm};
use support_portal::components::{Hold, LoadingIndicator, Router, Settled};
use support_portal::features::chat::{ChatPanel, ChatWidget};
use support_portal::i18n::{format_date_time, format_number, use_i18n, Locale};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlButtonElement, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A backend that answers from memory and records sign-in requests.
struct FakeBackend {
    sign_in: Result<Session, ApiError>,
    sign_ins: Mutex<Vec<SignInRequest>>,
}

fn session(role: Option<Role>) -> Session {
    Session {
        user: User {
            id: "u1".into(),
            email: "sam@northwind.example".into(),
            name: "Sam Patel".into(),
            role,
            locale: None,
            time_zone: None,
        },
        organisation: Organisation {
            id: "o1".into(),
            name: "Northwind".into(),
            plan: Plan::Premium,
            region: Region::Emea,
        },
        organisations: vec![],
        capabilities: capabilities_of(role).to_vec(),
        expires_at: "2026-11-21T18:00:00Z".into(),
    }
}

fn portal() -> PortalConfig {
    PortalConfig {
        phase: Phase::Live,
        products: vec![],
        phone_numbers: vec![],
        business_hours: vec![],
        attachments: AttachmentRules::default(),
        roles: ROLES
            .iter()
            .map(|&role| RoleCapabilities {
                role,
                capabilities: capabilities_of(role).to_vec(),
            })
            .collect(),
    }
}

impl SessionApi for FakeBackend {
    fn session(&self) -> ApiFuture<Session> {
        Box::pin(async { Err(ApiError::Unauthorized) })
    }
    fn sign_in(&self, request: SignInRequest) -> ApiFuture<Session> {
        self.sign_ins.lock().unwrap().push(request);
        let answer = self.sign_in.clone();
        Box::pin(async move { answer })
    }
    fn sign_out(&self) -> ApiFuture<()> {
        Box::pin(async { Ok(()) })
    }
    fn handoff(&self, _: String) -> ApiFuture<Session> {
        Box::pin(async { Err(ApiError::Unauthorized) })
    }
    fn update_profile(&self, _: ProfileUpdate) -> ApiFuture<Session> {
        Box::pin(async { Err(ApiError::Unauthorized) })
    }
}

impl PortalApi for FakeBackend {
    fn portal(&self) -> ApiFuture<PortalConfig> {
        Box::pin(async { Ok(portal()) })
    }
    fn support_contacts(&self) -> ApiFuture<Vec<SupportContact>> {
        Box::pin(async {
            Ok(vec![SupportContact {
                name: "Alex Morgan".into(),
                email: "alex@northwind.example".into(),
                role: Role::SupportSystemAdmin,
            }])
        })
    }
}

/// The chat widget asks only whether chat is offered and for earlier chats here; the journeys
/// cover chatting itself against the real backend and its stream.
impl ChatApi for FakeBackend {
    fn chat_availability(&self) -> ApiFuture<Vec<chat::ChatAvailability>> {
        Box::pin(async { Ok(vec![]) })
    }
    fn chats(&self) -> ApiFuture<Vec<chat::Chat>> {
        Box::pin(async { Ok(vec![]) })
    }
    fn start_chat(&self, _: chat::NewChat) -> ApiFuture<chat::Chat> {
        unused()
    }
    fn chat(&self, _: String) -> ApiFuture<chat::Chat> {
        unused()
    }
    fn chat_messages(&self, _: String, _: i64) -> ApiFuture<Vec<chat::ChatMessage>> {
        unused()
    }
    fn send_chat_message(
        &self,
        _: String,
        _: chat::NewChatMessage,
    ) -> ApiFuture<chat::ChatMessage> {
        unused()
    }
    fn end_chat(&self, _: String) -> ApiFuture<chat::Chat> {
        unused()
    }
    fn rate_chat(&self, _: String, _: chat::ChatRating) -> ApiFuture<chat::Chat> {
        unused()
    }
    fn chat_to_case(&self, _: String) -> ApiFuture<NewCaseFromChat> {
        unused()
    }
    fn chat_transcript_url(&self, _: &str, _: bool) -> String {
        String::new()
    }
    fn chat_stream_url(&self, _: &str, _: i64) -> String {
        String::new()
    }
}

/// A call these tests never make: it fails loudly if a component starts making it.
fn unused<T: 'static>() -> ApiFuture<T> {
    Box::pin(async { panic!("the component tests do not expect this call") })
}

fn fake(sign_in: Result<Session, ApiError>) -> Arc<FakeBackend> {
    Arc::new(FakeBackend {
        sign_in,
        sign_ins: Mutex::new(vec![]),
    })
}

/// The app's providers (the same the portal mounts with) over the fake's areas.
fn provide_fake(backend: Arc<FakeBackend>) -> support_portal::auth::SessionCtx {
    provide_everything(RuntimeConfig::default(), move |_| {
        provide_api::<dyn SessionApi>(backend.clone());
        provide_api::<dyn PortalApi>(backend.clone());
        provide_api::<dyn ChatApi>(backend);
    })
}

/// Mounts `view` with the app's providers into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(
    backend: Arc<FakeBackend>,
    locale: Locale,
    signed_in: Option<Session>,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    // The portal's root, as `app::mount_in` makes it: the stylesheet is scoped to it.
    container.set_class_name("sp-root");
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), move || {
        let ctx = provide_fake(backend.clone());
        use_i18n().locale.set(locale);
        match signed_in {
            Some(s) => ctx.signed_in(s),
            None => ctx.signed_out(),
        }
        view! { <Router>{view()}</Router> }
    })
    .forget();
    container
}

/// Waits (up to 2 s) until `done` holds for the container, letting effects and futures run.
async fn wait_for(container: &HtmlElement, done: impl Fn(&HtmlElement) -> bool) {
    for _ in 0..100 {
        leptos::task::tick().await;
        if done(container) {
            return;
        }
        let delay = js_sys::Promise::new(&mut |resolve, _| {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(delay).await.unwrap();
    }
    panic!("timed out; the container shows: {}", container.inner_text());
}

fn find<T: JsCast>(container: &HtmlElement, selector: &str) -> T {
    container
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .unchecked_into()
}

fn type_into(input: &HtmlInputElement, text: &str) {
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_wrong_password_shows_the_error_and_keeps_the_email() {
    let backend = fake(Err(ApiError::InvalidCredentials));
    let c = mount(
        backend.clone(),
        Locale::En,
        None,
        || view! { <SignInForm on_success=|_| ()/> },
    );
    type_into(&find(&c, "input[type=email]"), "sam@northwind.example");
    type_into(&find(&c, "input[type=password]"), "wrong");
    find::<HtmlButtonElement>(&c, "button[type=submit]").click();
    wait_for(&c, |c| {
        c.inner_text()
            .contains("The email or password is not right")
    })
    .await;
    assert_eq!(
        find::<HtmlInputElement>(&c, "input[type=email]").value(),
        "sam@northwind.example"
    );
    assert_eq!(backend.sign_ins.lock().unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn an_empty_form_explains_each_field_in_spanish_without_calling_the_backend() {
    let backend = fake(Err(ApiError::InvalidCredentials));
    let c = mount(
        backend.clone(),
        Locale::Es,
        None,
        || view! { <SignInForm on_success=|_| ()/> },
    );
    find::<HtmlButtonElement>(&c, "button[type=submit]").click();
    wait_for(&c, |c| {
        c.inner_text().matches("Este campo es obligatorio.").count() == 2
    })
    .await;
    assert_eq!(
        find::<HtmlInputElement>(&c, "input[type=email]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(backend.sign_ins.lock().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_successful_sign_in_hands_over_the_session() {
    let backend = fake(Ok(session(Some(Role::CustomerSupportAdmin))));
    let got = RwSignal::new(None::<String>);
    let c = mount(backend, Locale::En, None, move || {
        view! { <SignInForm on_success=move |s: Session| got.set(Some(s.user.name))/> }
    });
    type_into(&find(&c, "input[type=email]"), "sam@northwind.example");
    type_into(&find(&c, "input[type=password]"), "right");
    find::<HtmlButtonElement>(&c, "button[type=submit]").click();
    wait_for(&c, |_| got.get_untracked().is_some()).await;
    assert_eq!(got.get_untracked().as_deref(), Some("Sam Patel"));
}

#[wasm_bindgen_test]
async fn a_member_who_opens_user_administration_sees_in_french_which_role_it_needs_and_whom_to_ask()
{
    let c = mount(
        fake(Err(ApiError::Unauthorized)),
        Locale::Fr,
        Some(session(None)),
        || {
            view! { <Guard needs=Some(Capability::ManageUsers)><p>"secret admin page"</p></Guard> }
        },
    );
    wait_for(&c, |c| c.inner_text().contains("Alex Morgan")).await;
    let text = c.inner_text();
    assert!(
        text.contains("Vous n'avez pas accès à cette page"),
        "{text}"
    );
    assert!(
        text.contains("Administrateur système d'assistance"),
        "{text}"
    );
    assert!(!text.contains("secret admin page"), "{text}");
}

#[wasm_bindgen_test]
async fn a_user_with_the_capability_sees_the_page() {
    let c = mount(
        fake(Err(ApiError::Unauthorized)),
        Locale::En,
        Some(session(Some(Role::SupportSystemAdmin))),
        || {
            view! { <Guard needs=Some(Capability::ManageUsers)><p>"admin page"</p></Guard> }
        },
    );
    wait_for(&c, |c| c.inner_text().contains("admin page")).await;
}

#[wasm_bindgen_test]
async fn the_access_page_lists_both_administrator_roles_for_cases_in_spanish() {
    let c = mount(
        fake(Err(ApiError::Unauthorized)),
        Locale::Es,
        Some(session(None)),
        || {
            view! { <AccessPage needs=Capability::ManageCases/> }
        },
    );
    wait_for(&c, |c| {
        c.inner_text()
            .contains("Administrador de Atención al cliente")
    })
    .await;
    assert!(c
        .inner_text()
        .contains("Administrador del sistema de asistencia técnica"));
}

#[wasm_bindgen_test]
fn dates_follow_the_locale_and_the_chosen_time_zone() {
    let instant = "2026-03-14T15:30:00Z";
    let en = format_date_time(instant, Locale::En, Some("UTC"));
    assert!(en.contains("Mar 14, 2026"), "{en}");
    let fr_tokyo = format_date_time(instant, Locale::Fr, Some("Asia/Tokyo"));
    assert!(
        fr_tokyo.contains("15 mars 2026") && fr_tokyo.contains("00:30"),
        "{fr_tokyo}"
    );
    let es = format_date_time(instant, Locale::Es, Some("UTC"));
    assert!(es.contains("mar 2026") && es.contains("15:30"), "{es}");
}

#[wasm_bindgen_test]
fn an_unknown_time_zone_or_date_never_breaks_the_page() {
    let shown = format_date_time(
        "2026-03-14T15:30:00Z",
        Locale::En,
        Some("Mars/Olympus_Mons"),
    );
    assert!(shown.contains("2026"), "{shown}");
    assert_eq!(
        format_date_time("not a date", Locale::En, None),
        "not a date"
    );
}

#[wasm_bindgen_test]
fn numbers_follow_the_locale() {
    assert_eq!(format_number(1234.5, Locale::En), "1,234.5");
    let fr = format_number(1234.5, Locale::Fr);
    assert!(
        fr.starts_with('1') && fr.ends_with("234,5") && fr.len() > 6,
        "{fr}"
    );
}

#[wasm_bindgen_test]
fn answers_from_the_backend_read_as_the_contract_describes_them() {
    use support_contract::cases::{Attachment, CallTiming, Case, Priority, ThreadEvent};
    use support_contract::home::HomeSummary;
    use support_portal::api::{from_json, to_json};
    // What the app writes, it reads back: flattened fields, options, text in any script.
    let case = Case {
        description: "A <b>crash</b> \u{2014} «é» \\ \"quoted\"".into(),
        reproducible: true,
        environment: Some("production".into()),
        ..Case::default()
    };
    assert_eq!(from_json::<Case>(&to_json(&case)), Some(case));
    // Internally tagged variants, nested, with large integers.
    let events = vec![
        ThreadEvent::CallRequested {
            phone: "+44 20 7946 0000".into(),
            when: CallTiming::Scheduled {
                at: "2026-12-07T09:00:00Z".into(),
            },
        },
        ThreadEvent::UrgencyChangeRequested {
            from: Priority::P3,
            to: Priority::P1,
            reason: "Down".into(),
        },
        ThreadEvent::AttachmentsAdded {
            attachments: vec![Attachment {
                id: "a1".into(),
                name: "trace.log".into(),
                size: 9_007_199_254_740_991,
                content_type: "text/plain".into(),
                uploaded_at: "2026-12-06T10:00:00Z".into(),
            }],
        },
    ];
    assert_eq!(
        from_json::<Vec<ThreadEvent>>(&to_json(&events)),
        Some(events)
    );
    // A newer backend's values and fields do not break the page.
    assert_eq!(from_json::<Phase>(r#""beta""#), Some(Phase::Unknown));
    assert_eq!(
        from_json::<ThreadEvent>(r#"{"kind":"escalated","to":"tier 2"}"#),
        Some(ThreadEvent::Unknown)
    );
    assert_eq!(
        from_json::<HomeSummary>(r#"{"newer_field":[1,2],"callbacks_waiting":2}"#),
        Some(HomeSummary {
            callbacks_waiting: Some(2),
            ..HomeSummary::default()
        })
    );
    // Absent and null are "none"; a wrong shape, a fraction or a negative count is no answer.
    assert_eq!(from_json::<HomeSummary>("{}"), Some(HomeSummary::default()));
    assert_eq!(
        from_json::<HomeSummary>(r#"{"cases":null}"#),
        Some(HomeSummary::default())
    );
    for bad in [
        r#"{"callbacks_waiting":"2"}"#,
        r#"{"callbacks_waiting":1.5}"#,
        r#"{"callbacks_waiting":-1}"#,
        "[]",
        "nonsense",
    ] {
        assert_eq!(from_json::<HomeSummary>(bad), None, "{bad}");
    }
}

#[wasm_bindgen_test]
fn a_hostile_answer_nested_past_the_limit_is_refused_not_a_crash() {
    use support_contract::cases::Case;
    use support_contract::help::Block;
    use support_portal::api::{from_json, to_json};
    let arrays = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let case = to_json(&Case::default());
    // A flattened type buffers its unknown fields whole, however deep they nest.
    let with = |extra: String| format!("{{\"zz\":{extra},{}", &case[1..]);
    assert_eq!(from_json::<Case>(&with(arrays(100_000))), None);
    // 127 nested arrays and objects, serde_json's limit too, are still read.
    assert!(from_json::<Case>(&with(arrays(126))).is_some());
    // A quote in a quote, 100,000 times: a recursive type.
    let quote = r#"{"type":"quote","blocks":["#;
    let quotes = format!("{}{}", quote.repeat(100_000), "]}".repeat(100_000));
    assert_eq!(from_json::<Block>(&quotes), None);
}

/// The chat widget alone in a bare element of its own, as `mount_chat` mounts it on a host page
/// (no router), for a user signed in with `role`.
fn mount_chat_alone(role: Option<Role>) -> HtmlElement {
    let host: HtmlElement = document().create_element("aside").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let backend = fake(Err(ApiError::Unauthorized));
    leptos::mount::mount_to(host.clone(), move || {
        let ctx = provide_fake(backend.clone());
        ctx.signed_in(session(role));
        view! { <p>"host"</p><ChatWidget panel=|| view! { <ChatPanel/> }/> }
    })
    .forget();
    host
}

/// The first `tag` element (button, a, ...) whose visible text starts with `name`, as a person
/// finds it by its name.
fn named<T: JsCast>(container: &HtmlElement, tag: &str, name: &str) -> Option<T> {
    let all = container.query_selector_all(tag).unwrap();
    (0..all.length())
        .filter_map(|i| all.item(i))
        .find(|n| n.text_content().is_some_and(|t| t.trim().starts_with(name)))
        .map(|n| n.unchecked_into())
}

#[wasm_bindgen_test]
async fn the_chat_widget_mounts_into_any_element_without_the_portal_and_links_to_its_pages() {
    // A host page's own element, no router around it: what `mount_chat` gives a console page.
    let host = mount_chat_alone(Some(Role::CustomerSupportAdmin));
    wait_for(&host, |h| {
        named::<HtmlButtonElement>(h, "button", "Chat with support").is_some()
    })
    .await;
    let launcher: HtmlButtonElement = named(&host, "button", "Chat with support").unwrap();
    launcher.click();
    // No product offers chat here: the panel says why and offers the portal's pages instead,
    // as plain links that load them (there is no router to navigate in).
    wait_for(&host, |h| {
        named::<HtmlElement>(h, "a", "File a case").is_some()
    })
    .await;
    for (name, href) in [
        ("File a case", "/cases/new"),
        ("Request a callback", "/contact"),
        ("All your chats", "/chats"),
    ] {
        let link: web_sys::HtmlAnchorElement = named(&host, "a", name).expect(name);
        assert_eq!(link.get_attribute("href").as_deref(), Some(href), "{name}");
    }
    // Esc minimises the panel and gives focus back to the launcher.
    let panel: HtmlElement = find(&host, "[role=dialog]");
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Escape");
    init.set_bubbles(true);
    panel
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    wait_for(&host, |h| {
        h.query_selector("[role=dialog]").unwrap().is_none()
    })
    .await;
    let focused = document().active_element().expect("something has focus");
    assert!(
        focused.is_same_node(Some(&launcher)),
        "focus is back on the launcher"
    );
}

#[wasm_bindgen_test]
async fn a_member_gets_no_chat_launcher() {
    let host = mount_chat_alone(None);
    wait_for(&host, |h| h.inner_text().contains("host")).await;
    leptos::task::tick().await;
    assert!(named::<HtmlButtonElement>(&host, "button", "Chat with support").is_none());
}

/// A help article's body from a backend that let markup through: the text shows as text, an
/// unsafe link is no link, a safe one opens apart, and headings sit below the page's title.
#[wasm_bindgen_test]
async fn an_article_body_draws_text_only_whatever_the_backend_sends() {
    use support_contract::help::{Block, ListItem, Span};
    use support_portal::features::help::ArticleBody;
    let link = |text: &str, href: &str| Span {
        href: Some(href.into()),
        ..Span::plain(text)
    };
    let blocks = vec![
        Block::Heading {
            level: 1,
            spans: vec![Span::plain("<b>Title</b>")],
        },
        Block::Paragraph {
            spans: vec![
                Span::plain("<img src=x onerror=\"window.__hacked=1\"> "),
                link("bad", "javascript:window.__hacked=2"),
                Span::plain(" "),
                link("good ", "https://docs.example/a"),
                Span {
                    strong: true,
                    ..link("part", "https://docs.example/a")
                },
            ],
        },
        Block::List {
            ordered: true,
            items: vec![ListItem {
                blocks: vec![Block::Code {
                    language: None,
                    text: "<script>window.__hacked=3</script>".into(),
                }],
            }],
        },
        Block::Unknown,
    ];
    let c = mount(
        fake(Err(ApiError::Unauthorized)),
        Locale::En,
        None,
        move || {
            view! { <ArticleBody blocks=blocks.clone()/> }
        },
    );
    wait_for(&c, |c| c.inner_text().contains("good part")).await;
    assert!(c
        .query_selector("img, script, b, [onerror]")
        .unwrap()
        .is_none());
    assert_eq!(find::<HtmlElement>(&c, "h2").inner_text(), "<b>Title</b>");
    assert!(c.inner_text().contains("<img src=x onerror="));
    let links = c.query_selector_all("a").unwrap();
    assert_eq!(
        links.length(),
        1,
        "one link: the unsafe one is text, the safe one whole"
    );
    let a: web_sys::HtmlAnchorElement = links.get(0).unwrap().unchecked_into();
    assert_eq!(a.href(), "https://docs.example/a");
    assert_eq!(a.rel(), "noopener noreferrer");
    assert_eq!(a.target(), "_blank");
    assert!(a.query_selector("strong").unwrap().is_some());
    assert_eq!(
        find::<HtmlElement>(&c, "ol li pre code").inner_text(),
        "<script>window.__hacked=3</script>"
    );
    assert!(js_sys::Reflect::get(&window(), &"__hacked".into())
        .unwrap()
        .is_undefined());
}

/// The portal's stylesheet in the test page while `f` runs, so that what it hides is hidden
/// as a user sees it (`innerText` leaves out what is not visible).
async fn with_stylesheet<F: std::future::Future<Output = ()>>(f: impl FnOnce() -> F) {
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(include_str!("../style/main.css")));
    document().head().unwrap().append_child(&style).unwrap();
    f().await;
    style.remove();
}

#[wasm_bindgen_test]
async fn blocks_show_together_once_the_last_one_has_answered_with_one_loading_line_meanwhile() {
    with_stylesheet(|| async {
        let (first, second) = (RwSignal::new(false), RwSignal::new(false));
        // A block as the home page's are: it holds the page until its first answer.
        let block = |answered: RwSignal<bool>, text: &'static str| {
            let hold = Hold::new();
            move || match answered.get() {
                true => hold.after(view! { <p>{text}</p> }.into_any()),
                false => view! { <LoadingIndicator/> }.into_any(),
            }
        };
        let c = mount(
            fake(Err(ApiError::Unauthorized)),
            Locale::En,
            None,
            move || {
                view! { <Settled>{block(first, "first block")}{block(second, "second block")}</Settled> }
            },
        );
        let seen = |c: &HtmlElement, text: &str| c.inner_text().contains(text);
        wait_for(&c, |c| seen(c, "Loading")).await;
        first.set(true);
        wait_for(&c, |c| c.text_content().unwrap().contains("first block")).await;
        assert!(
            !seen(&c, "first block"),
            "one block is still loading: nothing shows yet"
        );
        // One waiting line in sight; the second block's own is hidden with it.
        assert_eq!(c.inner_text().matches("Loading").count(), 1);
        second.set(true);
        wait_for(&c, |c| seen(c, "first block")).await;
        assert!(seen(&c, "second block"));
        assert!(!seen(&c, "Loading"), "the waiting line has gone");
        // Once shown, a block loading again does not hide the others.
        first.set(false);
        leptos::task::tick().await;
        assert!(seen(&c, "second block"));
    })
    .await;
}
