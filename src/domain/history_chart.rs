//! The service history's chart and its table, from one model: interactions per month (rows)
//! and product (series), so the bars and the table always show the same numbers.

use support_contract::history::MonthCount;
use support_contract::Product;

/// One month of the chart: its counts in the order of the chart's products.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthRow {
    /// `YYYY-MM`.
    pub month: String,
    pub counts: Vec<u64>,
}

impl MonthRow {
    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }
}

/// Months in order, each with a count per product (zero where none were opened), the products
/// that appear at all in the order given, and the largest month's total (the scale).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthChart {
    pub products: Vec<Product>,
    pub rows: Vec<MonthRow>,
    pub max: u64,
}

impl MonthChart {
    /// The chart of `months`, with products in the order of `products` (unknown ones last).
    pub fn new(months: &[MonthCount], products: &[Product]) -> MonthChart {
        let mut series: Vec<Product> = products
            .iter()
            .copied()
            .filter(|p| months.iter().any(|m| m.product == *p))
            .collect();
        for m in months {
            if !series.contains(&m.product) {
                series.push(m.product);
            }
        }
        let mut rows: Vec<MonthRow> = Vec::new();
        for m in months {
            let at = match rows.iter().position(|r| r.month == m.month) {
                Some(at) => at,
                None => {
                    rows.push(MonthRow {
                        month: m.month.clone(),
                        counts: vec![0; series.len()],
                    });
                    rows.len() - 1
                }
            };
            let column = series.iter().position(|p| *p == m.product).unwrap_or(0);
            rows[at].counts[column] += m.count;
        }
        rows.sort_by(|a, b| a.month.cmp(&b.month));
        let max = rows.iter().map(MonthRow::total).max().unwrap_or(0);
        MonthChart {
            products: series,
            rows,
            max,
        }
    }

    /// Every interaction in the chart.
    pub fn total(&self) -> u64 {
        self.rows.iter().map(MonthRow::total).sum()
    }

    /// The height of `count` in a chart `height` high.
    pub fn scaled(&self, count: u64, height: f64) -> f64 {
        if self.max == 0 {
            0.0
        } else {
            count as f64 / self.max as f64 * height
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(month: &str, product: Product, count: u64) -> MonthCount {
        MonthCount {
            month: month.into(),
            product,
            count,
        }
    }

    #[test]
    fn months_become_rows_with_a_count_per_product_and_the_same_total() {
        let months = [
            m("2026-10", Product::Target, 4),
            m("2026-09", Product::Analytics, 2),
            m("2026-10", Product::Analytics, 1),
        ];
        let chart = MonthChart::new(
            &months,
            &[
                Product::Analytics,
                Product::Target,
                Product::AudienceManager,
            ],
        );
        assert_eq!(chart.products, [Product::Analytics, Product::Target]);
        assert_eq!(
            chart.rows,
            [
                MonthRow {
                    month: "2026-09".into(),
                    counts: vec![2, 0]
                },
                MonthRow {
                    month: "2026-10".into(),
                    counts: vec![1, 4]
                },
            ]
        );
        assert_eq!((chart.max, chart.total()), (5, 7));
        assert_eq!(chart.scaled(5, 200.0), 200.0);
        assert_eq!(MonthChart::new(&[], &[]).scaled(3, 200.0), 0.0);
    }
}
