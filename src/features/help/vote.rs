use crate::api::{field_error, use_api, ApiError, HelpApi};
use crate::components::ErrorNotice;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::help::{HelpVote, NewHelpVote, HELP_COMMENT_MAX};

/// "Was this helpful?": yes or no, and an optional comment, sent together. The user's earlier
/// answer shows as chosen; sending again changes it (one answer per user and article).
#[component]
pub(super) fn HelpfulVote(slug: String, vote: Option<HelpVote>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn HelpApi>();
    let choice = RwSignal::new(vote.as_ref().map(|v| v.helpful));
    let comment = RwSignal::new(
        vote.as_ref()
            .and_then(|v| v.comment.clone())
            .unwrap_or_default(),
    );
    // The answer the backend holds.
    let saved = RwSignal::new(vote.map(|v| v.helpful));
    let tried = RwSignal::new(false);
    let send =
        Action::new_local(move |v: &NewHelpVote| api.vote_on_article(slug.clone(), v.clone()));
    let thanked = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(Ok(v)) = send.value().get() {
            saved.set(Some(v.helpful));
            thanked.set(true);
        }
    });
    let refused = move || send.value().get().and_then(Result::err);
    // What the backend refused of `field`, in the user's language.
    let refused_field = move |field: &str| {
        let refused = refused();
        let fields = refused.as_ref().map_or(&[][..], ApiError::field_errors);
        field_error(field, None, fields, i18n.locale.get())
    };
    let choice_error = move || {
        let unchosen = tried.get() && choice.get().is_none();
        unchosen
            .then(|| i18n.t(Key::HelpVoteChoose).to_string())
            .or_else(|| refused_field("helpful"))
    };
    let comment_error = move || refused_field("comment");
    let other_error = move || refused().filter(|e| e.field_errors().is_empty());
    let status = move || match (thanked.get(), saved.get()) {
        (true, _) => i18n.t(Key::HelpVoteSaved),
        (false, Some(true)) => i18n.t(Key::HelpVoteYes),
        (false, Some(false)) => i18n.t(Key::HelpVoteNo),
        (false, None) => "",
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        if let Some(helpful) = choice.get_untracked() {
            let text = comment.get_untracked();
            let comment = Some(text.trim().to_string()).filter(|c| !c.is_empty());
            send.dispatch(NewHelpVote { helpful, comment });
        }
    };
    let option = move |value: bool, label: Key| {
        view! {
            <label class="choice">
                <input type="radio" name="helpful" prop:checked=move || choice.get() == Some(value)
                    on:change=move |_| { choice.set(Some(value)); thanked.set(false); }/>
                <span>{i18n.s(label)}</span>
            </label>
        }
    };
    view! {
        <section class="card help-vote" aria-labelledby="vote-question">
            <form class="form" on:submit=submit novalidate>
                <fieldset class="choices vote-choices" aria-describedby="vote-error">
                    <legend id="vote-question">{i18n.s(Key::HelpWasHelpful)}</legend>
                    {option(true, Key::Yes)}
                    {option(false, Key::No)}
                </fieldset>
                <p id="vote-error" class="field-error">{choice_error}</p>
                <div class="field">
                    <label for="vote-comment">{i18n.s(Key::HelpVoteComment)}</label>
                    <textarea id="vote-comment" rows="3" maxlength=HELP_COMMENT_MAX
                        aria-describedby="vote-comment-error"
                        aria-invalid=move || comment_error().is_some().to_string()
                        prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    <p id="vote-comment-error" class="field-error">{comment_error}</p>
                </div>
                <button type="submit" class="button primary" disabled=move || send.pending().get()>
                    {move || i18n.t(if send.pending().get() { Key::Sending } else { Key::HelpVoteSend })}
                </button>
                <p role="status" class="vote-status">{status}</p>
                {move || other_error().map(|e| view! { <ErrorNotice error=e/> })}
            </form>
        </section>
    }
}
