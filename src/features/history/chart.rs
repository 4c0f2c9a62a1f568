use crate::api::use_products;
use crate::domain::MonthChart;
use crate::i18n::{format_month, product_key, use_i18n, Key};
use leptos::prelude::*;
use support_contract::history::MonthCount;

/// The drawing's size in its own units; it scales to the card's width.
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 240.0;
/// Room under the bars for the month names, and above them for the totals.
const AXIS: f64 = 28.0;
const TOP: f64 = 18.0;

/// Interactions per month and product as stacked bars, drawn here as SVG, readable without
/// colour: each product has its own pattern and a legend, and each bar its total written above
/// it. The same numbers as a table: shown on request, and always there for screen readers.
#[component]
pub(super) fn MonthChartView(months: Vec<MonthCount>) -> impl IntoView {
    let i18n = use_i18n();
    let products = use_products();
    let chart = Memo::new(move |_| MonthChart::new(&months, &products.get()));
    let as_table = RwSignal::new(false);
    view! {
        <section class="card" aria-labelledby="chart-title">
            <div class="page-head">
                <h2 id="chart-title">{i18n.s(Key::HistoryChartTitle)}</h2>
                <button type="button" class="button" aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || i18n.t(if as_table.get() { Key::HistoryShowChart } else { Key::HistoryShowTable })}
                </button>
            </div>
            {move || {
                let chart = chart.get();
                if chart.rows.is_empty() {
                    return view! { <p class="empty">{i18n.s(Key::HistoryNoChart)}</p> }.into_any();
                }
                let bars = chart.clone();
                view! {
                    <Show when=move || !as_table.get()>
                        <Bars chart=bars.clone()/>
                    </Show>
                    // Out of sight, but read by screen readers, until it is asked for.
                    <div class=("visually-hidden", move || !as_table.get())>
                        <MonthTable chart=chart.clone()/>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// The bars, their patterns and the legend. Hidden from screen readers: the table says it all.
#[component]
fn Bars(chart: MonthChart) -> impl IntoView {
    let i18n = use_i18n();
    let n = chart.rows.len().max(1) as f64;
    let slot = WIDTH / n;
    let bar = (slot * 0.6).min(48.0);
    let plot = HEIGHT - AXIS - TOP;
    let bars = chart.rows.iter().enumerate().map(|(i, row)| {
        let x = i as f64 * slot + (slot - bar) / 2.0;
        let mut y = HEIGHT - AXIS;
        let segments = row.counts.iter().enumerate().filter(|(_, c)| **c > 0).map(|(series, count)| {
            let h = chart.scaled(*count, plot);
            y -= h;
            view! {
                <rect x=x y=y width=bar height=h class=format!("chart-series chart-series-{}", series % 3)/>
            }
        }).collect_view();
        let month = row.month.clone();
        let total = row.total();
        view! {
            <g>
                {segments}
                <text x=x + bar / 2.0 y=y - 4.0 class="chart-total" text-anchor="middle">
                    {move || i18n.number(total as f64)}
                </text>
                <text x=x + bar / 2.0 y=HEIGHT - 8.0 class="chart-axis" text-anchor="middle">
                    {move || format_month(&month, i18n.locale.get())}
                </text>
            </g>
        }
    }).collect_view();
    let legend = chart.products.iter().enumerate().map(|(series, product)| {
        let product = *product;
        view! {
            <li>
                <svg class="chart-swatch" viewBox="0 0 16 16" aria-hidden="true">
                    <rect width="16" height="16" class=format!("chart-series chart-series-{}", series % 3)/>
                </svg>
                {i18n.s(product_key(product))}
            </li>
        }
    }).collect_view();
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") aria-hidden="true" focusable="false">
            <defs>
                <pattern id="chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                    <rect width="6" height="6" class="chart-pattern-ground"/>
                    <line x1="0" y1="0" x2="0" y2="6" class="chart-pattern-line"/>
                </pattern>
                <pattern id="chart-dots" width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect width="6" height="6" class="chart-pattern-ground"/>
                    <circle cx="3" cy="3" r="1.5" class="chart-pattern-dot"/>
                </pattern>
            </defs>
            <line x1="0" y1=HEIGHT - AXIS x2=WIDTH y2=HEIGHT - AXIS class="chart-baseline"/>
            {bars}
        </svg>
        <ul class="chart-legend" aria-hidden="true">{legend}</ul>
    }
}

/// The chart's numbers as a table: a row per month, a column per product, and the totals.
#[component]
fn MonthTable(chart: MonthChart) -> impl IntoView {
    let i18n = use_i18n();
    let columns = chart.products.clone();
    let totals: Vec<u64> = (0..columns.len())
        .map(|c| chart.rows.iter().map(|r| r.counts[c]).sum())
        .collect();
    let all = chart.total();
    view! {
        <table class="table">
            <caption>{i18n.s(Key::HistoryTableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.s(Key::ColMonth)}</th>
                        {columns.iter().map(|p| view! { <th scope="col">{i18n.s(product_key(*p))}</th> }).collect_view()}
                        <th scope="col">{i18n.s(Key::ColTotal)}</th>
                    </tr>
                </thead>
                <tbody>
                    {chart.rows.into_iter().map(|row| {
                        let month = row.month.clone();
                        let total = row.total();
                        view! {
                            <tr>
                                <th scope="row">{move || format_month(&month, i18n.locale.get())}</th>
                                {row.counts.into_iter().map(|c| view! { <td>{move || i18n.number(c as f64)}</td> }).collect_view()}
                                <td>{move || i18n.number(total as f64)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{i18n.s(Key::ColTotal)}</th>
                        {totals.into_iter().map(|c| view! { <td>{move || i18n.number(c as f64)}</td> }).collect_view()}
                        <td>{move || i18n.number(all as f64)}</td>
                    </tr>
                </tfoot>
        </table>
    }
}
