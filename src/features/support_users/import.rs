use super::AdminTabs;
use crate::api::{use_api, ApiError, SupportUsersApi};
use crate::components::{DataTable, ErrorNotice};
use crate::i18n::{import_outcome_key, row_problem_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::users::{ImportOutcome, ImportReport};

/// Largest file the backend takes; checked here first so a wrong file fails at once.
const MAX_BYTES: f64 = 1024.0 * 1024.0;

/// Bulk import from CSV: choose or drop a file, see what each row would do, then create the
/// valid rows. Importing the same file again creates nothing new.
#[component]
pub fn ImportSupportUsersPage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api::<dyn SupportUsersApi>();
    let file = RwSignal::new_local(None::<web_sys::File>);
    let progress = RwSignal::new(None::<f64>);
    let too_big = RwSignal::new(false);
    let run = Action::new_local(move |dry_run: &bool| {
        let api = api.clone();
        let dry_run = *dry_run;
        let chosen = file.get_untracked();
        async move {
            let f = chosen.ok_or(ApiError::Validation(vec![]))?;
            progress.set(Some(0.0));
            let on_progress = Callback::new(move |p: f64| progress.set(Some(p)));
            let report = api.import_support_users(f, dry_run, on_progress).await;
            progress.set(None);
            report
        }
    });
    let choose = move |picked: Option<web_sys::File>| {
        let Some(f) = picked else { return };
        too_big.set(f.size() > MAX_BYTES);
        if f.size() > MAX_BYTES {
            file.set(None);
            return;
        }
        file.set(Some(f));
        run.dispatch(true);
    };
    let on_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        choose(input.files().and_then(|l| l.get(0)));
        // Choosing the same file again (after fixing it) must run again.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        choose(
            ev.data_transfer()
                .and_then(|d| d.files())
                .and_then(|l| l.get(0)),
        );
    };
    let report = move || run.value().get();
    // A file the backend refused as a whole: next to the field when it names one.
    let file_error = move || match report() {
        Some(Err(e)) => e.field_message("file", i18n.locale.get()),
        _ => None,
    };
    let error = move || match report() {
        Some(Err(e)) if file_error().is_none() => Some(e),
        _ => None,
    };
    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::ImportUsers)}</h1>
            <AdminTabs/>
            <p class="lead">{i18n.s(Key::ImportExplained)}</p>
            <pre class="example" aria-label=i18n.s(Key::ImportExample)>"email,name,role\nana.ruiz@example.com,Ana Ruiz,Customer Support Administrator"</pre>
            <div class="field dropzone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label for="import-file">{i18n.s(Key::CsvFile)}</label>
                <input id="import-file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint import-file-error"
                    on:change=on_input/>
                <p id="import-file-hint" class="hint">{i18n.s(Key::CsvFileHint)}</p>
                <p id="import-file-error" class="field-error">
                    {move || if too_big.get() { Some(i18n.t(Key::ErrImportTooLarge).to_string()) } else { file_error() }}
                </p>
            </div>
            {move || progress.get().map(|p| view! {
                <progress max="1" value=p.to_string() aria-label=i18n.s(Key::Uploading)></progress>
            })}
            <div role="status">
                {move || match report() {
                    Some(Ok(r)) => Some(view! { <Report report=r on_commit=Callback::new(move |_| { run.dispatch(false); }) busy=run.pending()/> }),
                    _ => None,
                }}
            </div>
            {move || error().map(|e| view! { <ErrorNotice error=e/> })}
        </div>
    }
}

/// A dry run's or an import's per-row results, and the button that imports the valid rows.
#[component]
fn Report(report: ImportReport, on_commit: Callback<()>, busy: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let counts = [
        ("created", report.created),
        ("existing", report.already_exist),
        ("invalid", report.invalid),
    ]
    .map(|(k, n)| (k, i18n.number(n as f64)));
    let summary_key = if report.dry_run {
        Key::ImportPreview
    } else {
        Key::ImportDone
    };
    let summary = move || {
        i18n.tr(
            summary_key,
            &[
                ("created", &counts[0].1),
                ("existing", &counts[1].1),
                ("invalid", &counts[2].1),
            ],
        )
    };
    let can_commit = report.dry_run && report.created > 0;
    let commit_label = move || {
        i18n.tr(
            Key::ImportCommit,
            &[("count", &i18n.number(report.created as f64))],
        )
    };
    view! {
        <section class="card" aria-labelledby="report-title">
            <h2 id="report-title">{summary}</h2>
            <DataTable caption=Key::ImportRows columns=vec![Key::ColLine, Key::Email, Key::ColName, Key::ColRole, Key::ColResult]>
                        {report.rows.into_iter().map(|row| {
                            let result = match (row.outcome, row.problem) {
                                (ImportOutcome::Invalid, Some(p)) => row_problem_key(p),
                                (outcome, _) => import_outcome_key(outcome, report.dry_run),
                            };
                            let class = if row.outcome == ImportOutcome::Invalid { "invalid" } else { "" };
                            view! {
                                <tr class=class>
                                    <td>{move || i18n.number(row.line as f64)}</td>
                                    <td>{row.email.clone()}</td>
                                    <td>{row.name.clone()}</td>
                                    <td>{row.role.clone()}</td>
                                    <td>{i18n.s(result)}</td>
                                </tr>
                            }
                        }).collect_view()}
            </DataTable>
            {can_commit.then(|| view! {
                <button type="button" class="button primary" disabled=move || busy.get()
                    on:click=move |_| on_commit.run(())>{commit_label}</button>
            })}
        </section>
    }
}
